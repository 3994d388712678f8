"""The tray's and the edges' own words go through the user's language (issue 25): each
notification, the autostart status and the command line's answers come out of the
catalogue whole (a test language marks every translated string), and English is as before."""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast
from zoneinfo import ZoneInfo

import pytest

from qlbreak.core.kinds import Window
from qlbreak.core.reminder import falls_due
from qlbreak.core.schedule import Occurrence
from qlbreak.core.window_specs import ProgressSpec, PromptSpec, StretchSpec
from qlbreak.core.words import ENGLISH, Words, using
from qlbreak.edges.children.launch import ChildWindows
from qlbreak.edges.detect.facts import FactSources
from qlbreak.edges.instance.endpoint import BUSY, Endpoint, InstanceError, TrayBusy
from qlbreak.edges.login.autostart import LaunchAgent, XdgAutostart
from qlbreak.storage.config import Config, Loaded
from qlbreak.storage.outbox import Outbox
from qlbreak.storage.paths import default_paths
from qlbreak.storage.tomlfile import Problem
from qlbreak.stretches.catalogue import load
from qlbreak.tray import observing, start
from qlbreak.tray.news import HistoryNews, SettingsNews
from qlbreak.ui import spec as ui_spec
from tests.fakes import FakeNotifier
from tests.marking import Marked

MARKED = Words("xx", Marked(), ENGLISH.formats)
PROBLEM = Problem("/home/a/.config/qlbreak/config.toml", 11, "time must be HH:MM")
TYPO = Problem("/home/a/.config/qlbreak/config.toml", 12, "unknown key 'snoze'", warning=True)


def _settings_told(problems: tuple[Problem, ...]) -> tuple[str, str]:
    notifier = FakeNotifier()
    SettingsNews(notifier).report(Loaded(Config(), problems))
    [told] = notifier.sent
    return told


@pytest.mark.parametrize(
    ("problems", "body"),
    [
        ((PROBLEM,), "config.toml line 11: time must be HH:MM. That setting keeps the value it had; the rest applies."),
        (
            (PROBLEM, TYPO),
            "config.toml line 11: time must be HH:MM (and 1 more: qlbreak config --check)."
            " That setting keeps the value it had; the rest applies.",
        ),
        ((TYPO,), "config.toml line 12: unknown key 'snoze'."),
        ((TYPO, TYPO), "config.toml line 12: unknown key 'snoze' (and 1 more: qlbreak config --check)."),
    ],
)
def test_a_settings_mistake_reads_as_before_in_english(problems: tuple[Problem, ...], body: str) -> None:
    assert _settings_told(problems) == ("qlbreak: a mistake in your settings", body)


@pytest.mark.parametrize("problems", [(PROBLEM,), (PROBLEM, TYPO, TYPO), (TYPO,), (TYPO, TYPO)])
def test_a_settings_mistake_is_told_in_the_users_language_as_one_sentence(problems: tuple[Problem, ...]) -> None:
    with using(MARKED):
        title, body = _settings_told(problems)
    assert title == "⟦qlbreak: a mistake in your settings⟧"
    assert body.startswith("⟦") and body.endswith("⟧")  # one whole sentence, nothing glued on
    assert "{" not in body  # every blank filled


def test_the_history_trouble_and_its_end_are_told_in_the_users_language() -> None:
    notifier = FakeNotifier()
    news = HistoryNews(notifier)
    broken = SimpleNamespace(problem="history.db: disk full", pending=[object()], trouble=OSError("disk full"))
    with using(MARKED):
        news.after_flush(cast(Outbox, broken), flushed=False)
        news.after_flush(cast(Outbox, broken), flushed=True)
    assert notifier.sent == [
        (
            "⟦qlbreak cannot save your history⟧",
            "⟦history.db: disk full. Reminders go on; it is saved once it can be.⟧",
        ),
        ("qlbreak", "⟦Your history is saved again.⟧"),
    ]


def test_the_login_items_state_is_in_the_users_language(tmp_path: Path) -> None:
    xdg, agent = XdgAutostart(tmp_path, python="/usr/bin/python3"), LaunchAgent(tmp_path, python="/usr/bin/python3")
    assert xdg.status() == f"off ({xdg.path})"  # English as before
    xdg.set(True)
    assert xdg.status() == f"on ({xdg.path})"
    with using(MARKED):
        assert xdg.status() == f"⟦on ({xdg.path})⟧"
        assert agent.status() == f"⟦off ({agent.path})⟧"
    assert "Comment=Stretch reminders for the lower back" in xdg.path.read_text()  # the file stays English


def test_a_busy_tray_is_said_in_the_users_language() -> None:
    assert str(TrayBusy("no answer")) == BUSY
    with using(MARKED):
        assert str(TrayBusy("no answer")) == f"⟦{BUSY}⟧"


class _Running(Endpoint):
    """A second start's endpoint: a running qlbreak answers, or has just quit."""

    def __init__(self, answer: Exception | None) -> None:
        self.answer = answer

    def send(self, message: str, timeout: float = 5.0, patience: float | None = None) -> str:
        if self.answer is not None:
            raise self.answer
        return "ok"


@pytest.mark.parametrize(
    ("answer", "said_out", "said_err"),
    [
        (None, "⟦qlbreak is already running: it opens a stretch now⟧\n", ""),
        (
            InstanceError("nothing listens"),
            "",
            "qlbreak: ⟦the qlbreak that was running has just quit (nothing listens); start qlbreak again⟧\n",
        ),
    ],
)
def test_a_second_start_answers_in_the_users_language(answer: Exception | None, said_out: str, said_err: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    with using(MARKED):
        start._second(_Running(answer), out, err)
    assert (out.getvalue(), err.getvalue()) == (said_out, said_err)


def test_what_the_desktop_can_tell_is_said_in_the_users_language_and_stays_english_for_json() -> None:
    from qlbreak.edges.choose import detectors
    from qlbreak.edges.detect import pulse
    from qlbreak.system import OS, of

    on_mac = detectors(of(OS.MACOS))
    with using(MARKED):
        said, json = on_mac.said(), on_mac.available()
    assert said["idle_seconds"] == "⟦read from ⟦macOS⟧⟧"  # the sentence and the source's name
    assert said["full_screen"] == "⟦qlbreak cannot tell on this system⟧"
    assert json["idle_seconds"] == "read from macOS"  # --json: machine output, English
    assert on_mac.said() == on_mac.available()  # English: the same words as before

    quiet = FactSources({"microphone": (("the sound server", lambda: pulse.microphone("/nonexistent/pactl")),)})
    quiet.look()
    with using(MARKED):
        assert quiet.said()["microphone"] == "⟦cannot ask the sound server (it did not answer)⟧"
    assert quiet.available()["microphone"] == "cannot ask the sound server (it did not answer)"


def test_spoken_cues_use_the_voice_of_the_users_language() -> None:
    from qlbreak.edges.speech import speakers

    espeak, spd = speakers.espeak("/usr/bin/espeak-ng"), speakers.spd_say("/usr/bin/spd-say")
    assert espeak("Rest") == ["/usr/bin/espeak-ng", "-s", "150", "--", "Rest"]  # English: as before
    assert spd("Rest") == ["/usr/bin/spd-say", "--wait", "--priority", "text", "--", "Rest"]
    with using(Words("de", Marked(), ENGLISH.formats)):
        assert espeak("Pause") == ["/usr/bin/espeak-ng", "-v", "de", "-s", "150", "--", "Pause"]
        assert spd("Pause") == ["/usr/bin/spd-say", "--wait", "--priority", "text", "-l", "de", "--", "Pause"]
    with using(Words("pt_BR", Marked(), ENGLISH.formats)):  # read at each line: a change applies at once
        assert espeak("Pausa")[1:3] == ["-v", "pt-br"] and spd("Pausa")[4:6] == ["-l", "pt"]


def _windows(monkeypatch: pytest.MonkeyPatch) -> tuple[ChildWindows, list[tuple[str, dict[str, Any]]]]:
    """Windows whose children only end (``python -c pass``); the specs they were told, kept."""
    told: list[tuple[str, dict[str, Any]]] = []

    def command(kind: str, window_spec: ui_spec.Spec, python: str = sys.executable) -> list[str]:
        told.append((kind, json.loads(json.dumps(window_spec))))
        return [sys.executable, "-c", "pass"]

    monkeypatch.setattr(ui_spec, "command", command)  # the module launch.py starts windows through
    return ChildWindows(Config(), load(), default_paths(), lambda ended: None), told


def test_the_windows_the_tray_opens_are_told_the_stretches_in_the_users_words(monkeypatch: pytest.MonkeyPatch) -> None:
    windows, told = _windows(monkeypatch)
    at = datetime(2026, 12, 3, 9, 30, tzinfo=ZoneInfo("UTC"))
    due = falls_due(Occurrence(at, "morning", at.date()), "cat-cow", "Cat-cow", timedelta(minutes=30))
    with using(MARKED):
        windows.open(Window.PROMPT, PromptSpec(due, 10, 60))
        windows.open(Window.PROGRESS, ProgressSpec())
        windows.open(Window.STRETCH, StretchSpec("cat-cow"))
    windows.close_all()
    said = dict(told)
    assert said["prompt"]["summary"].startswith("⟦") and said["prompt"]["summary"].endswith("⟧")
    assert said["progress"]["names"]["ql-stick-stretch"] == "⟦Door frame side stretch⟧"
    stretch = said["stretch"]["stretch"]
    assert stretch["name"] == "⟦Cat-cow⟧" and all(s.startswith("⟦") for s in stretch["steps"])


def test_the_core_is_given_each_stretchs_name_and_summary_in_the_users_words() -> None:
    english = dict(observing.rules(Config(), load(), buttons=True, looks=True).words)
    assert english["ql-stick-stretch"].name == "Door frame side stretch"  # as before
    with using(MARKED):
        marked = dict(observing.rules(Config(), load(), buttons=True, looks=True).words)
    assert marked["ql-stick-stretch"].name == "⟦Door frame side stretch⟧"
    assert marked["cat-cow"].summary == f"⟦{english['cat-cow'].summary}⟧"


def test_a_log_that_cannot_be_written_is_said_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import logging

    from qlbreak.tray import logs

    blocked = tmp_path / "a file"
    blocked.write_text("")
    log = logging.getLogger("qlbreak")
    before = (list(log.handlers), log.level, log.propagate)
    try:
        with using(MARKED):
            logs.setup(blocked / "qlbreak.log")  # its folder is a file: the log cannot be written
    finally:
        log.handlers[:], log.level, log.propagate = before
    said = capsys.readouterr().err
    assert said.startswith(f"qlbreak: ⟦{blocked / 'qlbreak.log'}: cannot write the log (") and said.endswith(
        "; logging to stderr only⟧\n"
    )


def test_a_long_tooltip_is_cut_to_what_windows_holds_and_left_whole_elsewhere() -> None:
    import ctypes

    from qlbreak.edges.icon.tray_icon import TIP_MAX, fitted

    title = (
        "qlbreak \u2014 Erinnerung angehalten, sie wartet, bis Ihr Anruf endet (bis 09:30 am Mo. 7. Dez.)"
        " \u00b7 Ballmassage für den unteren Rücken: Tag 5 von 14 \U0001f600"
    )
    assert len(title.encode("utf-16-le")) // 2 > 140
    shown = fitted(title, "win32")
    assert len(shown.encode("utf-16-le")) // 2 <= TIP_MAX["win32"] and shown.endswith("\u2026")
    assert shown.startswith("qlbreak \u2014 Erinnerung angehalten")
    assert fitted(title, "xorg") == title and fitted(title, "darwin") == title
    assert fitted("qlbreak \u2014 next: lunch at 12:30", "win32") == "qlbreak \u2014 next: lunch at 12:30"
    tip = (ctypes.c_wchar * 128)()  # what pystray's NOTIFYICONDATAW.szTip is
    with pytest.raises(ValueError):
        tip.value = "x" * 130  # pystray sets the whole title: too long, and the icon is not updated
