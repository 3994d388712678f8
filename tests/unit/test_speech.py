"""Spoken cues through the system's speech (``edges/speech``, ``choose.speaker``): each
engine's command line checked with a fake start, one line at a time, silence said once
in the log; on Linux espeak-ng really speaks (into a WAV file sox measures)."""

from __future__ import annotations

import base64
import logging
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from qlbreak.edges import choose
from qlbreak.edges.ports import Speaker
from qlbreak.edges.speech import speakers
from qlbreak.edges.speech.silent import Silent
from qlbreak.system import OS, of
from tests.fakes import FakeSpeaker
from tests.need import missing


class FakeChild:
    def __init__(self, argv: Sequence[str], flags: int) -> None:
        self.argv, self.flags = list(argv), flags
        self.running, self.terminated = True, False

    def poll(self) -> int | None:
        return None if self.running else 0

    def terminate(self) -> None:
        self.terminated, self.running = True, False


class FakeStart:
    def __init__(self) -> None:
        self.children: list[FakeChild] = []

    def __call__(self, argv: Sequence[str], flags: int) -> FakeChild:
        self.children.append(FakeChild(argv, flags))
        return self.children[-1]


def found(*names: str):
    return lambda name: f"/usr/bin/{name}" if name in names else None


def spoken(system: OS, *names: str) -> tuple[Speaker, FakeStart]:
    speaker = choose.speaker(of(system), which=found(*names))
    start = FakeStart()
    if isinstance(speaker, speakers.CommandSpeaker):
        speaker.start = start
    return speaker, start


@pytest.mark.parametrize(
    ("names", "argv"),
    [
        (("spd-say", "espeak-ng", "espeak"), ["/usr/bin/spd-say", "--wait", "--priority", "text", "--", "Rest"]),
        (("espeak-ng", "espeak"), ["/usr/bin/espeak-ng", "-s", "150", "--", "Rest"]),
        (("espeak",), ["/usr/bin/espeak", "-s", "150", "--", "Rest"]),
    ],
)
def test_linux_prefers_speech_dispatcher_then_espeak_ng_then_espeak(names, argv):
    speaker, start = spoken(OS.LINUX, *names)
    speaker.say("Rest")
    assert [(c.argv, c.flags) for c in start.children] == [(argv, 0)]


def test_macos_says_it_with_say():
    speaker, start = spoken(OS.MACOS, "say", "espeak-ng")
    speaker.say("Ten seconds")
    assert [(c.argv, c.flags) for c in start.children] == [(["/usr/bin/say", "Ten seconds"], 0)]


def test_windows_says_it_with_sapi_in_a_powershell_without_a_console_window():
    speaker, start = spoken(OS.WINDOWS, "powershell")
    speaker.say("Switch to your right side")
    [child] = start.children
    assert child.flags == speakers.CREATE_NO_WINDOW == subprocess.__dict__.get("CREATE_NO_WINDOW", 0x08000000)
    program, *options, encoded = child.argv
    assert program == "/usr/bin/powershell"
    assert options == ["-NoProfile", "-NonInteractive", "-WindowStyle", "Hidden", "-EncodedCommand"]
    script = base64.b64decode(encoded).decode("utf-16-le")
    assert "Add-Type -AssemblyName System.Speech" in script
    assert script.endswith(".Speak('Switch to your right side')")


def test_a_quote_cannot_end_the_windows_script_early():
    script = base64.b64decode(speakers.sapi("ps")("it's")[-1]).decode("utf-16-le")
    assert script.endswith(".Speak('it''s')")


def test_a_line_is_never_taken_for_an_option():
    speaker, start = spoken(OS.MACOS, "say")
    speaker.say("--help")
    assert start.children[0].argv == ["/usr/bin/say", "help"]


def test_a_new_line_stops_the_one_still_being_said_and_only_that_one():
    speaker, start = spoken(OS.LINUX, "espeak-ng")
    speaker.say("Switch to your right side")
    speaker.say("Ten seconds")  # the first still talks: stopped
    start.children[-1].running = False  # the second ended on its own
    speaker.say("Done")
    assert [(c.argv[-1], c.terminated) for c in start.children] == [
        ("Switch to your right side", True),
        ("Ten seconds", False),
        ("Done", False),
    ]
    assert sum(c.running for c in start.children) == 1


def test_no_speech_program_is_silence_and_one_line_in_the_log(caplog):
    for system in (OS.LINUX, OS.WINDOWS, OS.MACOS, OS.OTHER):
        speaker, start = spoken(system)
        assert isinstance(speaker, Silent) and start.children == []
        with caplog.at_level(logging.INFO, logger="qlbreak"):
            caplog.clear()
            for words in ("Rest", "Set 2 of 3", "Done"):
                speaker.say(words)
        assert len(caplog.records) == 1, caplog.text
        assert "spoken cues stay silent" in caplog.text and "not found" in caplog.text


def test_a_program_that_cannot_start_is_silence_and_one_line_in_the_log(caplog):
    def gone(argv: Sequence[str], flags: int) -> FakeChild:
        raise FileNotFoundError(2, "No such file or directory")

    speaker = speakers.CommandSpeaker(speakers.espeak("/gone/espeak-ng"), start=gone)
    with caplog.at_level(logging.INFO, logger="qlbreak"):
        speaker.say("Rest")
        speaker.say("Done")
    assert len(caplog.records) == 1 and "/gone/espeak-ng could not start" in caplog.text


def test_the_fake_speaker_records_each_line():
    fake: Speaker = FakeSpeaker()
    fake.say("Rest")
    assert isinstance(fake, FakeSpeaker) and fake.said == ["Rest"]


# -- the real thing -------------------------------------------------------------------


def _espeak_ng() -> str:
    program = shutil.which("espeak-ng")
    if program is None or shutil.which("sox") is None:
        missing("espeak-ng or sox is not installed (apt-get install espeak-ng sox)")
    return program


def _measured(wav: Path) -> dict[str, float]:
    done = subprocess.run(["sox", str(wav), "-n", "stat"], capture_output=True, text=True, check=True, timeout=30)
    found = re.findall(r"^(.+?):\s+(-?[\d.]+)$", done.stderr, re.MULTILINE)
    return {name.strip(): float(value) for name, value in found}


def test_espeak_ng_says_the_cue_aloud(tmp_path):
    """The adapter's own command line and child, only into a file instead of the
    speakers: a second or two of speech, not silence."""
    program = _espeak_ng()
    wav = tmp_path / "cue.wav"
    speaker = speakers.CommandSpeaker(speakers.espeak(program, str(wav)))
    speaker.say("Switch to your right side")
    assert isinstance(speaker.child, subprocess.Popen)
    assert speaker.child.wait(timeout=30) == 0
    stat = _measured(wav)
    assert 0.8 < stat["Length (seconds)"] < 4.0, stat
    assert stat["RMS     amplitude"] > 0.02 and stat["Maximum amplitude"] > 0.2, stat


def test_espeak_ng_stops_the_older_line_when_a_new_one_comes(tmp_path):
    program = _espeak_ng()
    long, short = tmp_path / "long.wav", tmp_path / "short.wav"
    first = speakers.CommandSpeaker(speakers.espeak(program, str(long)))
    first.say(" ".join(["Breathe out as you lift, in as you lower."] * 120))  # minutes of speech
    older = first.child
    first.argv = speakers.espeak(program, str(short))
    first.say("Rest")
    assert isinstance(older, subprocess.Popen) and isinstance(first.child, subprocess.Popen)
    assert older.wait(timeout=30) != 0  # stopped, not left to finish
    assert first.child.wait(timeout=30) == 0
    assert 0.2 < _measured(short)["Length (seconds)"] < 2.0
