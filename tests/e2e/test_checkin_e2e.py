"""The morning check-in through the whole app: the day's first stretch window asks it,
whether it opens from a click on the icon or from a reminder's Start (issue 22)."""

from __future__ import annotations

import json

from tests.e2e.test_reminders import reminder_on_screen
from tests.e2e.test_tray import DIALOG, NAMES, tk_title
from tests.gui.screen import wait_until

CHECKIN = "qlbreak \u2014 Check-in"


def _answer_with_keys(desktop, keys: tuple[str, ...]) -> None:
    screen = desktop.screen
    wid = screen.wait_window(CHECKIN, 15)
    screen.wait_text(DIALOG, "^How is your back today\\?$")
    wait_until(lambda: screen.send(DIALOG, "focus"), 5, "the check-in to have the keyboard focus")
    screen.key(wid, *keys)


def _checkins(app) -> list[dict]:
    out = app.qlbreak("history", "--json")
    return [e for e in json.loads(out.stdout)["events"] if e["kind"] == "checkin"]


def test_a_click_opens_the_check_in_first_then_the_stretch(desktop, tray_app):
    app = tray_app(checkin=True)
    desktop.click_icon(desktop.docked_icon())
    _answer_with_keys(desktop, ("4", "l", "Return"))
    title = wait_until(lambda: (t := tk_title(desktop, DIALOG)) != CHECKIN and t, 15, "the stretch after the check-in")
    assert title.split(" \u2014 ", 1)[1] in NAMES
    (checkin,) = _checkins(app)
    assert (checkin["pain"], checkin["tighter"]) == (4, "left")


def test_a_reminders_start_opens_the_check_in_first(desktop, tray_app):
    app, _ = reminder_on_screen(desktop, lambda *a, **k: tray_app(*a, checkin=True, **k))
    desktop.press("Start")
    wait_until(lambda: tk_title(desktop, DIALOG) == CHECKIN, 15, "the check-in from the notification's Start")
    _answer_with_keys(desktop, ("Escape",))  # skipped today
    wait_until(lambda: tk_title(desktop, DIALOG) not in (None, CHECKIN), 15, "the stretch after the check-in")
    (checkin,) = _checkins(app)
    assert checkin["pain"] is None
