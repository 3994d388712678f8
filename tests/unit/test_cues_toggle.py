"""ui/cues_toggle.py without a screen: the window's voice says each cue through the
speech port when the setting is on, nothing when off, and finds the system's speech
only when a first line is due."""

from __future__ import annotations

from qlbreak.core.session import Timing, begin
from qlbreak.ui.cues_toggle import Voice
from tests.fakes import FakeSpeaker

EXERCISE = Timing(30.0, two_sided=True, sets=2, rest=20.0)


def walk(voice: Voice) -> None:
    session = begin(EXERCISE)
    for now in (0.0, 0.0):
        voice.look(session, now)
        session = session.next(now)
    for tick in range(1, 2000):
        now = tick * 0.1
        session = session.tick(now)
        voice.look(session, now)


def test_on_it_says_each_cue_through_the_port_once():
    fake = FakeSpeaker()
    made: list[FakeSpeaker] = []
    voice = Voice(True, speaker=lambda: made.append(fake) or fake)
    walk(voice)
    assert fake.said == [
        "Ten seconds",
        "Switch to your right side",
        "Ten seconds",
        "Rest",
        "Set 2 of 2, left side",
        "Ten seconds",
        "Switch to your right side",
        "Ten seconds",
        "Done",
    ]
    assert made == [fake]  # the speech was looked for once


def test_off_it_says_nothing_and_never_looks_for_the_speech():
    def never() -> FakeSpeaker:
        raise AssertionError("looked for the speech while the cues are off")

    walk(Voice(False, speaker=never))
