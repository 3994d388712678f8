"""The one strengthening offer at the end of a stretch done to the end (ui/offer.py),
on a real X server: after two weeks of stretching on most work days it shows once,
under the done screen's words; "Not now" and "Start" are recorded at once, and it
never comes again; without the two weeks it never shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from qlbreak.core.kinds import Record
from qlbreak.core.programmes import Mark
from qlbreak.storage.history import Event, History
from qlbreak.storage.paths import default_paths
from qlbreak.ui.offer import ASK, NOT_NOW, STARTED
from tests.gui.conftest import APP
from tests.gui.screen import Screen

OFFER = ".walk.body.offer"
WALL, WALL_NAME = "ql-ball-wall-release", "Ball release, against a wall"


def stretched_for_weeks(days: int) -> None:
    """A stretch done every day for ``days`` days, up to yesterday."""
    now = datetime.now(UTC)
    history = History.open(default_paths().history_db, now)
    for back in range(1, days + 1):
        history.record(Event(now - timedelta(days=back), Record.DONE, "seated-side-bend"))
    history.close()


def marks() -> list[Mark]:
    history = History.open(default_paths().history_db, datetime.now(UTC))
    try:
        return [m.mark for m in history.marks() if m.programme == "strengthen"]
    finally:
        history.close()


def done_screen(
    screen: Screen, open_dialog, stretch: str = "standing-side-bend", name: str = "Standing side reach"
) -> int:
    """A stretch walked to the end, "Better": the done screen, its wid."""
    d = open_dialog(stretch, "--speed", "30")
    wid = d.window(f"qlbreak \u2014 {name}")
    screen.press(APP, "Start")
    screen.wait_text(APP, "^Get into position$")
    screen.key(wid, "Return")
    screen.wait_text(APP, "^How did that feel\\?$", timeout=20)
    screen.press(APP, "Better")
    screen.wait_text(APP, "^Close$")
    return wid


def looked(screen: Screen) -> None:
    """The window's look at the history has run (it was due 150 ms after the done
    screen; the window sleeps past that, then runs what is due)."""
    screen.send(APP, "after", "400")
    screen.send(APP, "update")


def test_offered_once_then_not_now_is_recorded_and_it_never_comes_again(screen, open_dialog, shots):
    stretched_for_weeks(16)
    wid = done_screen(screen, open_dialog)
    screen.wait_text(APP, "^" + ASK[:40])
    assert marks() == [Mark.OFFERED]  # recorded before it showed
    screen.send(APP, "update idletasks")
    screen.screenshot(shots / "offer-strengthening.png", wid)
    screen.click_widget(APP, f"{OFFER}.answers.declined")
    screen.wait_text(APP, "^" + NOT_NOW[:30])
    assert marks() == [Mark.OFFERED, Mark.DECLINED]
    screen.key(wid, "Return")  # Close, as on any done screen

    done_screen(screen, open_dialog)  # the next stretch done: not again
    looked(screen)
    assert screen.send(APP, "winfo", "exists", OFFER) == "0"
    assert marks() == [Mark.OFFERED, Mark.DECLINED]


def test_start_starts_the_strengthening_programme(screen, open_dialog):
    stretched_for_weeks(16)
    done_screen(screen, open_dialog)
    screen.wait_text(APP, "^" + ASK[:40])
    screen.click_widget(APP, f"{OFFER}.answers.start")
    screen.wait_text(APP, "^" + STARTED[:30])
    assert marks() == [Mark.OFFERED, Mark.START]


def test_before_two_weeks_of_stretching_nothing_is_offered(screen, open_dialog):
    stretched_for_weeks(5)
    done_screen(screen, open_dialog)
    looked(screen)
    assert screen.send(APP, "winfo", "exists", OFFER) == "0" and marks() == []


def test_the_last_day_of_the_ball_release_is_said_once(screen, open_dialog, shots):
    """Thirteen days done: today's release completes the course, and the done screen
    says so, once (marked "finished"); an earlier day says which day it was."""
    now = datetime.now(UTC)
    history = History.open(default_paths().history_db, now)
    history.record(Event(now - timedelta(days=14), Record.PROGRAMME, programme="ball-release", mark=Mark.START))
    for back in range(1, 14):
        history.record(Event(now - timedelta(days=back), Record.DONE, WALL))
    history.close()
    wid = done_screen(screen, open_dialog, WALL, WALL_NAME)
    screen.wait_text(APP, "^Ball release: all 14 days done. That is the whole course: well done.$")
    screen.send(APP, "update idletasks")
    screen.screenshot(shots / "programme-complete.png", wid)
    history = History.open(default_paths().history_db, now)
    assert [m.mark for m in history.marks()] == [Mark.START, Mark.FINISHED]
    history.close()
    screen.key(wid, "Return")
    done_screen(screen, open_dialog, WALL, WALL_NAME)  # once more the same day: said already
    looked(screen)
    assert screen.send(APP, "winfo", "exists", ".walk.body.programme") == "0"


def test_a_programme_day_says_which_day_it_was(screen, open_dialog):
    now = datetime.now(UTC)
    history = History.open(default_paths().history_db, now)
    history.record(Event(now - timedelta(days=3), Record.PROGRAMME, programme="ball-release", mark=Mark.START))
    history.record(Event(now - timedelta(days=2), Record.DONE, WALL))
    history.close()
    done_screen(screen, open_dialog, WALL, WALL_NAME)
    screen.wait_text(APP, "^Ball release: day 2 of 14 done.$")
