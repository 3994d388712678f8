"""A restart changes no decision: any sequence of inputs, with the tray restarted at
random points (saved whole, read back), records the same history and leaves the
reminder, the schedule and the catch-up where the run without restarts leaves them.

A restart is taken where the real tray can be restarted without losing a window's
answer: never while its stretch window is open (that window's end would reach the
old run). What a restart does show again, by design, is the reminder on screen (its
notification went with the old run): a display, not a decision, so not compared."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qlbreak.core.app_state import Input
from qlbreak.core.commands import ChildEnded, Pause, PauseFor, Resume, SkipToday, Snooze, StretchNow
from qlbreak.core.holds import Signals
from qlbreak.core.kinds import Window
from tests.appsim import BERLIN, Desk

MONDAY_0800 = datetime(2026, 11, 30, 8, 0, tzinfo=BERLIN)
SIGNALS = {
    "free": Signals(locked=False, full_screen=False, microphone=False, idle_seconds=1),
    "locked": Signals(locked=True),
    "presenting": Signals(full_screen=True),
    "call": Signals(microphone=True),
}
ACTIONS = ("wait", "snooze", "skip", "stretch", "finish", "close", "pause-hour", "resume", "restart")


@dataclass(frozen=True)
class Move:
    minutes: int
    action: str
    signals: str


moves = st.lists(
    st.builds(
        Move,
        minutes=st.sampled_from([0, 1, 2, 3, 5, 10, 15, 31, 45, 90, 180]),
        action=st.sampled_from(ACTIONS),
        signals=st.sampled_from(sorted(SIGNALS)),
    ),
    min_size=5,
    max_size=60,
)


def play(path: Path, plan: list[Move], restarts: bool) -> tuple[Desk, list[object]]:
    desk = Desk(path)
    now = MONDAY_0800
    desk.turn(now)
    seen: list[object] = []
    for move in plan:
        now += timedelta(minutes=move.minutes)
        desk.signals = SIGNALS[move.signals]
        inputs: tuple[Input, ...] = ()
        stretching = desk.state.run.stretching
        if move.action == "restart":
            if restarts and not stretching:
                desk.restart(now)
        elif move.action == "snooze":
            inputs = (Snooze(),)
        elif move.action == "skip":
            inputs = (SkipToday(),)
        elif move.action == "stretch":
            inputs = (StretchNow(),)
        elif move.action == "finish" and stretching:
            desk.finish_stretch(now, "door-frame-stretch")
            inputs = (ChildEnded(Window.STRETCH, "done"),)
        elif move.action == "close" and stretching:
            inputs = (ChildEnded(Window.STRETCH, None),)
        elif move.action == "pause-hour":
            inputs = (Pause(PauseFor.HOUR),)
        elif move.action == "resume":
            inputs = (Resume(),)
        desk.turn(now, *inputs)
        on_show = desk.state.reminder
        seen.append((now, on_show.occurrence, on_show.stage, on_show.stretch) if on_show else (now, None))
    return desk, seen


@settings(max_examples=150, deadline=None)
@given(plan=moves)
def test_a_restart_changes_no_decision(tmp_path_factory, plan):
    folder = tmp_path_factory.mktemp("restarts")
    straight, seen_straight = play(folder / "straight.json", plan, restarts=False)
    restarted, seen_restarted = play(folder / "restarted.json", plan, restarts=True)
    assert restarted.kinds() == straight.kinds()
    assert seen_restarted == seen_straight
    a, b = restarted.state, straight.state
    assert (a.schedule, a.reminder, a.catch_up, a.catch_up_on) == (b.schedule, b.reminder, b.catch_up, b.catch_up_on)
