"""``qlbreak config`` with an organisation's settings (issue 26): ``--check`` says which
layer each value came from and counts each file's mistakes apart; ``--init`` writes a
file that hides none of the organisation's values; the tray logs a hand edit of a locked
setting as left out."""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path

from qlbreak.storage import config, config_template
from qlbreak.storage.config_layers import admin_places
from qlbreak.storage.paths import default_paths
from qlbreak.stretches import catalogue
from qlbreak.tray.news import SettingsNews
from tests.unit.test_cli import qlbreak

ADMIN = '[admin]\nlocked = ["schedule.snooze_minutes"]\n\n[schedule]\nsnooze_minutes = 15\ngrace_minutes = 45\n'


def organisation(text: str = ADMIN) -> Path:
    path = admin_places()[0]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_check_says_where_each_value_came_from():
    admin = organisation()
    user = default_paths().config_file
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text('[schedule]\nsnooze_minutes = 5\ntimezone = "UTC"\n')
    status, out, _err = qlbreak("config", "--check")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == (
        f"{user}:2: warning: schedule.snooze_minutes is set by your organisation ({admin}); this line was left out"
    )
    assert "Where each setting comes from:" in lines
    assert '  schedule.timezone = "UTC"  \N{EM DASH} your file' in lines
    assert f"  schedule.grace_minutes = 45  \N{EM DASH} your organisation ({admin})" in lines
    assert f"  schedule.snooze_minutes = 15  \N{EM DASH} locked by your organisation ({admin})" in lines
    assert "  reminder = morning 09:30, lunch 12:30  \N{EM DASH} qlbreak's default" in lines
    assert lines[-1] == f"{user}: ok"


def test_check_counts_a_broken_organisation_file_apart_and_fails():
    admin = organisation('[schedule]\nsnooze_minutes = "ten"\n')
    status, out, _err = qlbreak("config", "--check")
    assert status == 1
    assert f"{admin}:2: snooze_minutes" in out
    assert f"{admin}: 1 error" in out.splitlines()
    # every other command still runs, on the defaults for that setting
    assert qlbreak("list")[0] == 0


def test_init_under_an_organisation_writes_every_setting_commented():
    admin = organisation()
    status, _out, _err = qlbreak("config", "--init")
    assert status == 0
    written = default_paths().config_file.read_text()
    assert str(admin) in written
    assert tomllib.loads(written) == {t: {} for t in ("schedule", "stretches", "dialog", "holds", "checkin")}
    loaded = config.load(default_paths().config_file, catalogue.load().ids)
    assert loaded.config.plan.grace.total_seconds() == 45 * 60 and not loaded.problems
    assert "# snooze_minutes = 10" in written  # there to be chosen, not hiding the organisation's value


def test_init_with_no_organisation_writes_the_template_as_before():
    assert qlbreak("config", "--init")[0] == 0
    assert default_paths().config_file.read_text() == config_template.DEFAULT_FILE


class Told:
    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    def notify(self, title: str, body: str) -> None:
        self.said.append((title, body))


def test_the_tray_logs_a_locked_setting_edited_by_hand_as_left_out(caplog):
    admin = organisation()
    user = default_paths().config_file
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text("[schedule]\nsnooze_minutes = 5\n")
    told = Told()
    with caplog.at_level(logging.WARNING, logger="qlbreak"):
        SettingsNews(told).report(config.load(user, catalogue.load().ids))
    assert f"{user}:2: warning: schedule.snooze_minutes is set by your organisation ({admin})" in caplog.text
    assert told.said and "set by your organisation" in told.said[0][1]
