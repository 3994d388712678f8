"""The settings window's Programme page on a real X server: each programme with what
it is and why, where it stands, and Start, Pause, Resume and Stop pressed for real;
each press is in the history at once (no Save), and the page then shows what the
person did."""

from __future__ import annotations

from datetime import UTC, datetime

from qlbreak.core.programmes import Mark, exercises
from qlbreak.storage.history import History
from qlbreak.storage.paths import default_paths
from qlbreak.storage.programmes import standing
from qlbreak.stretches.catalogue import load
from tests.gui.screen import end, wait_until
from tests.gui.test_settings import SETTINGS, window  # noqa: F401 (a fixture)

PAGE = ".settings.body.programmepage"
BALL, STRONG = f"{PAGE}.ballrelease", f"{PAGE}.strengthen"
AT_WORK_WITH_A_BALL = '[stretches]\nequipment = ["none", "chair", "door-frame", "ball"]\n'


def shown(screen, path: str) -> bool:
    return screen.send(SETTINGS, "winfo", "exists", path) == "1" and (
        screen.send(SETTINGS, "winfo", "ismapped", path) == "1"
    )


def said(screen, row: str) -> str:
    return screen.send(SETTINGS, f"{row}.where", "cget", "-text")


def marks() -> list[tuple[Mark, str]]:
    history = History.open(default_paths().history_db, datetime.now(UTC))
    try:
        return [(m.mark, m.programme) for m in history.marks()]
    finally:
        history.close()


def keep_going_after_stop(screen, wid: int, shots) -> None:
    """Stop asks first, with Keep going focused; Keep going leaves the course as it was."""
    screen.click_widget(SETTINGS, f"{BALL}.buttons.stop")  # asks first: nothing stopped yet
    wait_until(lambda: shown(screen, f"{BALL}.ask"), 5, "the question")
    question = screen.send(SETTINGS, f"{BALL}.ask", "cget", "-text")
    assert question == (
        "Stop the ball release? The days you have done stay in your history; starting again begins at day 1."
    )
    assert screen.send(SETTINGS, f"{BALL}.answers.stop", "cget", "-text") == "Stop"
    assert screen.send(SETTINGS, "focus", "-lastfor", ".settings") == f"{BALL}.answers.keep"  # Return changes nothing
    assert said(screen, BALL) == "Day 1 of 14." and marks()[-1][0] is Mark.RESUME
    screen.send(SETTINGS, "update idletasks")
    screen.screenshot(shots / "settings-programme-stop.png", wid)
    screen.click_widget(SETTINGS, f"{BALL}.answers.keep")  # keep going: the question goes
    wait_until(lambda: shown(screen, f"{BALL}.buttons.stop"), 5, "the buttons back")
    assert not shown(screen, f"{BALL}.ask") and said(screen, BALL) == "Day 1 of 14." and len(marks()) == 3


def test_start_pause_resume_act_at_once_stop_asks_first_and_the_page_says_so(screen, window, shots):  # noqa: F811
    config = default_paths().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(AT_WORK_WITH_A_BALL)
    w = window()
    w.key("alt+4")
    wait_until(lambda: shown(screen, f"{BALL}.buttons.start"), 10, "the Programme page")
    texts = screen.texts(SETTINGS)
    assert {"Programmes", "Ball release", "Strengthening"} <= set(texts)
    assert any("once a day for two weeks" in t for t in texts) and any("Twice a week" in t for t in texts)
    assert said(screen, BALL) == said(screen, STRONG) == "Not started."
    assert screen.send(SETTINGS, "winfo", "exists", f"{BALL}.leftout") == "0"  # a ball to hand: in the rotation

    screen.click_widget(SETTINGS, f"{BALL}.buttons.start")
    wait_until(lambda: said(screen, BALL) == "Day 1 of 14.", 5, "the ball release started")
    assert marks() == [(Mark.START, "ball-release")]  # in the history at once: no Save
    both = (f"{BALL}.buttons.pause", f"{BALL}.buttons.stop")  # mapped at the page's next redraw
    wait_until(lambda: all(shown(screen, b) for b in both), 5, "Pause and Stop")
    screen.send(SETTINGS, "update idletasks")
    screen.screenshot(shots / "settings-programme.png", w.wid)

    screen.click_widget(SETTINGS, f"{STRONG}.buttons.start")  # one at a time: refused, and said why
    message = f"{PAGE}.message"
    wait_until(lambda: "one programme at a time" in screen.send(SETTINGS, message, "cget", "-text"), 5, "why not")
    assert said(screen, STRONG) == "Not started." and len(marks()) == 1

    screen.click_widget(SETTINGS, f"{BALL}.buttons.pause")
    wait_until(lambda: said(screen, BALL) == "Paused before day 1 of 14.", 5, "paused")
    assert screen.send(SETTINGS, message, "cget", "-text") == ""  # the refusal's words went
    screen.click_widget(SETTINGS, f"{BALL}.buttons.resume")
    wait_until(lambda: said(screen, BALL) == "Day 1 of 14.", 5, "under way again")
    keep_going_after_stop(screen, w.wid, shots)
    screen.click_widget(SETTINGS, f"{BALL}.buttons.stop")
    wait_until(lambda: shown(screen, f"{BALL}.answers.stop"), 5, "the question again")
    screen.click_widget(SETTINGS, f"{BALL}.answers.stop")
    wait_until(lambda: said(screen, BALL) == "Stopped before day 1 of 14.", 5, "stopped")
    assert not shown(screen, f"{BALL}.ask")
    assert shown(screen, f"{BALL}.buttons.start") and shown(screen, f"{STRONG}.buttons.start")
    assert [m for m, _ in marks()] == [Mark.START, Mark.PAUSE, Mark.RESUME, Mark.STOP]

    screen.click_widget(SETTINGS, f"{STRONG}.buttons.start")
    wait_until(lambda: said(screen, STRONG) == "Session 1 of 12.", 5, "strengthening started")
    history = History.open(default_paths().history_db, datetime.now(UTC))
    try:
        now = standing(history, exercises(load()), datetime.now(UTC))
    finally:
        history.close()
    assert now is not None and now.programme.id == "strengthen" and now.day == 1
    screen.press(SETTINGS, "Cancel")  # nothing to save: the marks are written already
    assert w.exited() == 0, w.output()
    assert [m for m, _ in marks()][-1] is Mark.START


def test_without_a_ball_the_ball_release_says_what_leaves_it_out(screen, window):  # noqa: F811
    config = default_paths().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("")  # the defaults: at work, a chair and a door frame
    w = window()
    w.key("alt+4")
    wait_until(lambda: shown(screen, f"{BALL}.leftout"), 10, "the note on the ball release")
    note = screen.send(SETTINGS, f"{BALL}.leftout", "cget", "-text")
    assert note == "Left out by your settings now (needs a massage ball): see the Stretches page."  # the wall one
    assert screen.send(SETTINGS, "winfo", "exists", f"{STRONG}.leftout") == "0"  # office exercises
    screen.press(SETTINGS, "Cancel")
    assert w.exited() == 0, w.output()


def test_a_broken_history_is_said_and_left_as_it_is(screen, window):  # noqa: F811
    """Neither read nor a press moves it aside: that is the tray's to do."""
    path = default_paths().history_db
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("not a database")
    w = window()
    w.key("alt+4")
    message = f"{PAGE}.message"
    wait_until(lambda: "cannot be read" in screen.send(SETTINGS, message, "cget", "-text"), 10, "the reading trouble")
    screen.click_widget(SETTINGS, f"{BALL}.buttons.start")
    wait_until(lambda: "Not changed" in screen.send(SETTINGS, message, "cget", "-text"), 5, "the press refused")
    assert said(screen, BALL) == "Not started." and path.read_text() == "not a database"
    screen.press(SETTINGS, "Cancel")
    assert w.exited() == 0, w.output()


def test_at_200_percent_dark_the_page_and_a_refusal_fit_above_the_buttons(hidpi_screen, tmp_path, shots):
    """Everything the page can say at once (a programme left out, a refusal) stays
    above the window's own buttons at 200%."""
    from tests.gui.test_settings import Window, box

    config = default_paths().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[dialog]\ntheme = "dark"\n')  # no ball: the ball release is left out
    w = Window(hidpi_screen, SETTINGS, [], tmp_path / "hidpi.log")
    try:
        w.key("alt+4")
        wait_until(lambda: shown(hidpi_screen, f"{STRONG}.buttons.start"), 10, "the Programme page")
        hidpi_screen.click_widget(SETTINGS, f"{STRONG}.buttons.start")
        wait_until(lambda: said(hidpi_screen, STRONG) == "Session 1 of 12.", 5, "strengthening started")
        hidpi_screen.click_widget(SETTINGS, f"{BALL}.buttons.start")  # refused: one at a time
        message = f"{PAGE}.message"
        wait_until(lambda: hidpi_screen.send(SETTINGS, message, "cget", "-text"), 5, "the refusal")
        hidpi_screen.send(SETTINGS, "update idletasks")
        _, top, _, _ = box(hidpi_screen, ".settings.buttons")
        for each in (f"{BALL}.leftout", message, f"{PAGE}.atonce"):
            _, y, _, h = box(hidpi_screen, each)
            assert h > 1 and y + h <= top, f"{each} is cut or under the buttons"
        hidpi_screen.screenshot(shots / "settings-programme-200-dark.png", w.wid)
    finally:
        end(w.proc)
