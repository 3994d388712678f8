"""The morning check-in, the stretch window's first screen of the day, on a real X
server: answered with keys alone, skipped, a leg's warning signs, the tighter side
held longer, the worry said once; light, dark and 200%."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from qlbreak.core.checkin import WORRIES, Side, Worry
from qlbreak.core.kinds import Record
from qlbreak.storage.history import Event, History
from qlbreak.storage.paths import default_paths
from tests.gui.conftest import APP, Dialog, history
from tests.gui.screen import Screen, wait_until

CHECKIN = "qlbreak — Check-in"
QUESTION = "^How is your back today\\?$"


def _lit(screen: Screen, path: str) -> bool:
    """Whether the choice at ``path`` is shown chosen (the accent colour)."""
    return screen.send(APP, path, "cget", "-bg").upper() in ("#1F7A70", "#5CC8BA")


def _fully_shown(screen: Screen, path: str) -> None:
    script = (
        f"update idletasks; list [winfo ismapped {path}] [winfo height {path}] [winfo reqheight {path}]"
        f" [expr {{[winfo rooty {path}] + [winfo height {path}]}}] [expr {{[winfo rooty .] + [winfo height .]}}]"
        f" [expr {{[winfo rootx {path}] + [winfo width {path}]}}] [expr {{[winfo rootx .] + [winfo width .]}}]"
    )
    mapped, height, wanted, low, bottom, right, edge = (
        int(n) for n in screen.tk().tk.splitlist(screen.send(APP, script))
    )
    assert mapped and height >= wanted and low <= bottom and right <= edge, f"{path} is cut off"


def _checkins() -> list[dict]:
    return [e for e in history()["events"] if e["kind"] == "checkin"]


def test_the_check_in_answered_with_keys_alone_then_the_stretch(screen, open_dialog, shots):
    d = open_dialog("seated-twist", checkin=True)
    wid = d.window(CHECKIN)
    screen.wait_text(APP, QUESTION)
    assert "Skip today (Esc)" in screen.texts(APP)
    assert {"0 no pain", "10 worst imaginable"} <= set(screen.texts(APP))
    screen.key(wid, "Return")  # no rating yet: it says what to do, and stays
    screen.wait_text(APP, "^Choose a number from 0 to 10 first")
    screen.key(wid)  # the focus on the window, then "1" and "0" in one go: 10
    screen.run("xdotool", "key", "1", "0")
    wait_until(lambda: _lit(screen, ".checkin.scale.p10"), 5, "10 chosen")
    screen.key(wid, "Left", "Left", "Left")  # 7
    wait_until(lambda: _lit(screen, ".checkin.scale.p7"), 5, "7 chosen")
    screen.key(wid, "5", "Right")  # 6
    wait_until(lambda: _lit(screen, ".checkin.scale.p6"), 5, "6 chosen")
    assert not _lit(screen, ".checkin.scale.p5") and _lit(screen, ".checkin.leg.leg_no")
    screen.key(wid, "r")
    wait_until(lambda: _lit(screen, ".checkin.sides.right"), 5, "the right side chosen")
    assert not _lit(screen, ".checkin.sides.neither")
    screen.send(APP, "update")
    screen.screenshot(shots / "checkin-light.png", wid)
    screen.key(wid, "Return")
    screen.wait_window("qlbreak — Seated twist")
    screen.wait_text(APP, "^Start$")
    (checkin,) = _checkins()
    assert (checkin["pain"], checkin["tighter"], checkin["leg"]) == (6, "right", False)
    screen.key(wid, "Escape")  # the stretch left on its first screen: nothing more recorded
    assert d.exited() == 0
    again = open_dialog("seated-twist", checkin=True)  # answered today: not asked again
    again.window("qlbreak — Seated twist")
    screen.wait_text(APP, "^Start$")
    assert screen.windows(CHECKIN) == []
    assert len(_checkins()) == 1


def test_skip_today_is_one_key_and_closing_asks_again(screen, open_dialog):
    d = open_dialog("cat-cow", checkin=True)
    d.window(CHECKIN)
    screen.send(APP, "eval [wm protocol . WM_DELETE_WINDOW]")  # the window closed unanswered
    assert d.exited() == 0
    assert _checkins() == []  # nothing answered: nothing recorded
    d = open_dialog("cat-cow", checkin=True)
    wid = d.window(CHECKIN)  # so it asks again
    screen.wait_text(APP, QUESTION)
    screen.key(wid, "Escape")
    screen.wait_window("qlbreak — Cat-cow")
    screen.wait_text(APP, "^Start$")
    (checkin,) = _checkins()
    assert checkin["pain"] is None and checkin["tighter"] is None


def test_a_leg_yes_shows_the_warning_signs_before_any_stretch(screen, open_dialog, shots):
    d = open_dialog("seated-twist", checkin=True)
    wid = d.window(CHECKIN)
    screen.wait_text(APP, QUESTION)
    screen.key(wid, "3", "y")
    wait_until(lambda: _lit(screen, ".checkin.leg.leg_yes"), 5, "yes chosen")
    screen.key(wid, "Return")
    screen.wait_text(APP, "^You said there is new pain, numbness or tingling down a leg")
    screen.wait_text(APP, "new pain in both legs")  # the warning signs themselves
    wid = d.window("qlbreak — Before you stretch")
    _fully_shown(screen, ".warning.buttons.go_on_gently")
    screen.screenshot(shots / "checkin-leg-warning.png", wid)
    assert screen.windows("qlbreak — Seated twist") == []
    screen.press(APP, "Go on gently")
    screen.wait_text(APP, "^Start$")
    (checkin,) = _checkins()
    assert (checkin["pain"], checkin["leg"]) == (3, True)


def test_stop_here_after_a_leg_yes_ends_without_a_stretch(screen, open_dialog):
    d = open_dialog("seated-twist", checkin=True)
    wid = d.window(CHECKIN)
    screen.wait_text(APP, QUESTION)
    screen.key(wid, "4", "y", "Return")
    screen.wait_text(APP, "^Stop here$")
    screen.key(d.window("qlbreak — Before you stretch"), "Return")  # "Stop here" has the focus
    assert d.exited() == 0
    assert [e["kind"] for e in history()["events"]] == ["checkin"]


def test_the_tighter_left_side_is_held_longer_and_the_hold_says_so(screen, open_dialog, shots):
    d = open_dialog("seated-twist", checkin=True)  # 30 s a side
    wid = d.window(CHECKIN)
    screen.wait_text(APP, QUESTION)
    screen.key(wid, "2", "l")
    wait_until(lambda: _lit(screen, ".checkin.sides.left"), 5, "the left side chosen")
    screen.key(wid, "Return")
    screen.wait_text(APP, "^Start$")
    screen.key(wid, "Return")
    screen.wait_text(APP, "^Get into position$")
    screen.key(wid, "Return")
    screen.wait_text(APP, "^Your left side felt tighter today: 45 s here, 30 s on the right\\.$")
    screen.wait_text(APP, "^0:4[0-5]$")  # the longer countdown
    screen.key(wid, "space")  # held still for the picture
    screen.wait_text(APP, "^Resume$")
    screen.screenshot(shots / "hold-tighter.png", wid)
    screen.key(wid, "Escape")
    assert d.exited() == 0


def test_the_day_s_second_stretch_is_not_asked_again_and_still_holds_the_tighter_side(screen, open_dialog):
    """Checked in this morning (here: from the terminal, ``qlbreak check-in``): the next
    window does not ask again, and its hold still favours the side named tighter."""
    now = datetime.now(UTC)
    h = History.open(default_paths().history_db, now)
    h.record(Event(now - timedelta(minutes=1), Record.CHECKIN, pain=3, tighter=Side.LEFT, leg=False))
    h.close()
    d = open_dialog("seated-twist", checkin=True)  # 30 s a side
    wid = d.window("qlbreak — Seated twist")
    screen.wait_text(APP, "^Start$")
    assert screen.windows(CHECKIN) == []
    screen.wait_text(APP, "^Position: seated · 30 seconds each side, longer on your tighter left side$")
    screen.key(wid, "Return")
    screen.wait_text(APP, "^Get into position$")
    screen.key(wid, "Return")
    screen.wait_text(APP, "^Your left side felt tighter today: 45 s here, 30 s on the right\\.$")
    screen.wait_text(APP, "^0:4[0-5]$")
    screen.key(wid, "Escape")
    assert d.exited() == 0


def test_the_check_in_in_dark(screen, open_dialog, shots, private_home, monkeypatch):
    config = private_home / "dark.toml"
    config.write_text('[dialog]\ntheme = "dark"\n')
    monkeypatch.setenv("QLBREAK_CONFIG", str(config))
    d = open_dialog("standing-side-bend", checkin=True)
    wid = d.window(CHECKIN)
    screen.wait_text(APP, QUESTION)
    assert screen.send(APP, ".checkin", "cget", "-background").upper() == "#23262B"
    screen.key(wid, "3", "b")
    wait_until(lambda: _lit(screen, ".checkin.sides.both"), 5, "both sides chosen")
    screen.send(APP, "update")
    screen.screenshot(shots / "checkin-dark.png", wid)
    screen.key(wid, "Escape")
    screen.wait_text(APP, "^Start$")


def test_the_check_in_at_200_percent(hidpi_screen, shots, tmp_path):
    safety = default_paths().safety_file
    safety.parent.mkdir(parents=True, exist_ok=True)
    safety.write_text("accepted\n")
    d = Dialog(hidpi_screen, ["seated-side-bend"], tmp_path / "hidpi.log", checkin=True)
    try:
        wid = d.window(CHECKIN)
        hidpi_screen.wait_text(APP, QUESTION)
        hidpi_screen.key(wid, "8", "n")
        wait_until(lambda: _lit(hidpi_screen, ".checkin.scale.p8"), 5, "8 chosen")
        for path in (".checkin.scale.p10", ".checkin.sides.neither", ".checkin.buttons.skip_today", ".checkin.keys"):
            _fully_shown(hidpi_screen, path)
        hidpi_screen.send(APP, "update")
        hidpi_screen.screenshot(shots / "checkin-200.png", wid)
    finally:
        d.stop()


def test_a_worry_from_the_data_is_said_once_with_the_warning_signs(screen, open_dialog, shots):
    now = datetime.now(UTC)
    h = History.open(default_paths().history_db, now)
    ago = [13, 12, 11, 10, 9, 5, 4, 3, 2, 1]  # two weeks of check-ins, the second rated worse
    for days, pain in zip(ago, [3, 3, 3, 3, 3, 6, 6, 7, 6, 7], strict=True):
        h.record(Event(now - timedelta(days=days), Record.CHECKIN, pain=pain, tighter=Side.NEITHER))
    h.close()
    d = open_dialog("cat-cow")  # the check-in switched off: said before the day's first stretch
    wid = d.window("qlbreak — Before you stretch")
    screen.wait_text(APP, "^" + WORRIES[Worry.RISING])
    screen.wait_text(APP, "This may be the time to see a doctor or a physiotherapist")
    screen.wait_text(APP, "new pain in both legs")
    screen.screenshot(shots / "checkin-worry.png", wid)
    screen.press(APP, "Go on gently")
    screen.wait_text(APP, "^Start$")
    wait_until(lambda: [e["worry"] for e in history()["events"] if e["kind"] == "warned"] == ["rising"], 5, "warned")
    screen.key(wid, "Escape")
    assert d.exited() == 0
    again = open_dialog("cat-cow")  # said: not again for two weeks
    again.window("qlbreak — Cat-cow")
    screen.wait_text(APP, "^Start$")
    assert screen.windows("qlbreak — Before you stretch") == []


def test_a_demo_never_asks(screen, open_dialog):
    d = open_dialog("cat-cow", "--demo", checkin=True)
    wid = d.window("qlbreak — Cat-cow")
    screen.wait_text(APP, "^Start$")
    assert screen.windows(CHECKIN) == []
    screen.key(wid, "Escape")
    assert d.exited() == 0
    assert history()["events"] == []


def test_a_new_user_reads_the_safety_notice_then_the_check_in(screen, open_dialog):
    d = open_dialog("seated-twist", safety_done=False, checkin=True)
    wid = d.window("qlbreak — Safety")
    screen.key(wid, "Return")  # "I understand"
    wid = d.window(CHECKIN)
    screen.wait_text(APP, QUESTION)
    assert screen.windows("qlbreak — Safety") == []
    screen.key(wid, "0", "Return")
    d.window("qlbreak — Seated twist")
    screen.wait_text(APP, "^Start$")
    (checkin,) = _checkins()
    assert (checkin["pain"], checkin["tighter"], checkin["leg"]) == (0, "neither", False)
