"""The real tray under an organisation's settings (issue 26): an administrator's file
in $XDG_CONFIG_DIRS gives the reminders and locks them; the user's own reminders and a
locked setting edited by hand are left out, and the log says so; the administrator's
file changed while qlbreak runs is followed at once."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from tests.e2e.conftest import DAYS
from tests.e2e.test_language_e2e import far_away, next_title
from tests.gui.screen import wait_until


def company(name: str, day: datetime) -> str:
    return (
        '[admin]\nlocked = ["reminder", "schedule.snooze_minutes"]\n\n[schedule]\nsnooze_minutes = 15\n\n'
        f'[[reminder]]\nname = "{name}"\ntime = "04:00"\ndays = ["{DAYS[day.weekday()]}"]\n'
    )


def test_the_organisations_locked_reminders_stand_and_a_hand_edit_of_a_locked_setting_is_logged_as_left_out(
    desktop, tray_app, tmp_path: Path
):
    site = tmp_path / "site"
    admin = site / "qlbreak" / "config.toml"
    admin.parent.mkdir(parents=True)
    day = datetime.combine((datetime.now(UTC) + timedelta(days=2)).date(), time(4, 0), UTC)
    admin.write_text(company("company stretch", day))
    mine, _at = far_away()  # the user's own reminder: left out, the organisation's stand
    app = tray_app(mine, env={"XDG_CONFIG_DIRS": str(site)})
    icon = desktop.docked_icon()
    assert desktop.title(icon) == next_title("company stretch", day)
    # the start says the settings' problems on its output and in its log (no terminal at login)
    first = next(n for n, t in enumerate(app.paths.config_file.read_text().splitlines(), 1) if t == "[[reminder]]")
    left_out = f"{app.paths.config_file}:{first}: warning: reminder is set by your organisation ({admin})"
    wait_until(lambda: left_out in app.output() and left_out in app.log(), 10, "the left-out reminders said")

    # a hand edit of a locked setting: left out, said in the log with its line
    text = app.paths.config_file.read_text().replace('timezone = "UTC"', 'timezone = "UTC"\nsnooze_minutes = 5')
    app.paths.config_file.write_text(text)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("snooze_minutes"))
    said = f"{app.paths.config_file}:{line}: warning: schedule.snooze_minutes is set by your organisation ({admin})"
    wait_until(lambda: said in app.log(), 10, "the locked snooze logged as left out")
    told = "qlbreak: a mistake in your settings"
    wait_until(lambda: told in desktop.notifications(), 10, "the person told too")
    check = app.qlbreak("config", "--check").stdout.splitlines()
    assert f"  schedule.snooze_minutes = 15  \N{EM DASH} locked by your organisation ({admin})" in check

    # the organisation's file changed while qlbreak runs: followed at once
    admin.write_text(company("team stretch", day))
    wait_until(lambda: desktop.title(icon) == next_title("team stretch", day), 15, "the new name in the tooltip")


def test_an_organisation_that_says_welcome_false_gets_no_welcome_on_a_first_start(desktop, tray_app, tmp_path: Path):
    from tests.e2e.test_tray import WELCOME, tk_title

    site = tmp_path / "site"
    admin = site / "qlbreak" / "config.toml"
    admin.parent.mkdir(parents=True)
    day = datetime.combine((datetime.now(UTC) + timedelta(days=2)).date(), time(4, 0), UTC)
    admin.write_text(company("company stretch", day).replace("[admin]\n", "[admin]\nwelcome = false\n"))
    app = tray_app(first_run=True, env={"XDG_CONFIG_DIRS": str(site), "TZ": "UTC"})
    icon = desktop.docked_icon()
    assert not app.paths.config_file.exists()
    # the state is saved right after the first step, the one that would open the welcome
    wait_until(app.paths.state_file.exists, 15, "the tray's first step")
    assert "welcome window started" not in app.log() and tk_title(desktop, WELCOME) is None
    assert desktop.title(icon) == next_title("company stretch", day)
