"""A programme in the tray as a person meets it: started from the command line while
the tray runs, the menu says where it stands as soon as it opens, and so does the
icon's title. The menu's picture is the README's (QLBREAK_UPDATE_DOCS=1)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from qlbreak.core.kinds import Record
from qlbreak.core.programmes import Mark
from qlbreak.storage.history import Event, History
from tests.e2e.test_tray import MENU, shot, tk_title
from tests.gui.screen import wait_until

LINE = "Ball release: day 1 of 14"


def test_a_programme_started_from_the_command_line_shows_in_the_menu_and_the_title(desktop, tray_app, e2e_shots):
    app = tray_app()
    icon = desktop.docked_icon()
    started = app.qlbreak("programme", "start", "ball-release")
    assert started.returncode == 0, started.stderr
    desktop.click_icon(icon, button=3)
    wait_until(lambda: tk_title(desktop, MENU), 15, "qlbreak's menu")
    texts = desktop.screen.texts(MENU)
    assert LINE in texts and any(t.startswith("Today: ") for t in texts)
    shot(desktop, e2e_shots, "6-programme-started")
    wait_until(lambda: desktop.title(icon).endswith(f"\u00b7 {LINE}"), 10, "the title to say where it stands")


def test_day_five_of_the_ball_release_in_the_menu(desktop, tray_app, e2e_shots):
    """Four days of it done: day 5 today, as the README shows it (with the streak the
    same history gives, read at the start)."""
    app = tray_app()
    now = datetime.now(UTC)
    history = History.open(app.paths.history_db, now)
    history.record(Event(now - timedelta(days=4, hours=1), Record.PROGRAMME, programme="ball-release", mark=Mark.START))
    for back in (4, 3, 2, 1):
        history.record(Event(now - timedelta(days=back), Record.DONE, "ql-ball-wall-release"))
    history.close()
    app.terminate()
    app.start()
    icon = desktop.docked_icon()
    wait_until(lambda: desktop.title(icon).endswith("\u00b7 Ball release: day 5 of 14"), 15, "the title")
    desktop.click_icon(icon, button=3)
    wait_until(lambda: tk_title(desktop, MENU), 15, "qlbreak's menu")
    assert "Ball release: day 5 of 14" in desktop.screen.texts(MENU)
    shot(desktop, e2e_shots, "6-programme", corner=(420, 400))
