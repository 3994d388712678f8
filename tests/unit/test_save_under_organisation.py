"""A save under an organisation's layers (issue 26) writes only what the person changed:
the organisation's unlocked defaults are never copied into the user's file (else a later
change of theirs would never reach this desk), and a locked key is never written."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from qlbreak.storage import config
from qlbreak.storage.config_layers import admin_places
from qlbreak.storage.config_save import save, save_changes
from qlbreak.stretches import catalogue

IDS = catalogue.load().ids
ADMIN = """\
[admin]
locked = ["schedule.snooze_minutes", "reminder"]

[schedule]
snooze_minutes = 15
grace_minutes = 20

[dialog]
theme = "dark"

[[reminder]]
name = "stand up"
time = "10:00"
"""


@pytest.fixture
def user(private_home: Path) -> Path:
    admin = admin_places()[0]
    admin.parent.mkdir(parents=True, exist_ok=True)
    admin.write_text(ADMIN)
    return private_home / "config.toml"


def keys(path: Path) -> list[str]:
    """The keys and tables the file says (comments left out)."""
    return re.findall(r"(?m)^\s*(\[\[?[\w.]+\]\]?|\w+)\s*=?", path.read_text())


def test_a_change_in_settings_writes_that_key_alone(user: Path) -> None:
    user.write_text("[dialog]\nsound = true\n\n[schedule]\nsnooze_minutes = 5  # mine, locked away\n")
    loaded = config.load(user, IDS)
    assert loaded.config.plan.snooze == timedelta(minutes=15) and "reminder" in loaded.locked
    base = loaded.config
    window = replace(base, sound=False)
    save_changes(user, base, window, [r.name for r in base.plan.reminders], IDS)
    text = user.read_text()
    assert keys(user) == ["[dialog]", "sound", "[schedule]", "snooze_minutes"]
    assert "sound = false" in text and "snooze_minutes = 5  # mine, locked away" in text  # left as it was
    assert config.load(user, IDS).config == window


def test_no_file_yet_a_save_writes_only_the_change(user: Path) -> None:
    base = config.load(user, IDS).config
    window = replace(base, sound=False)
    save_changes(user, base, window, [r.name for r in base.plan.reminders], IDS, had_file=False)
    assert [k for k in keys(user) if not k.startswith("[")] == ["sound"]
    assert "# snooze_minutes = 10" in user.read_text()  # the template still says what each key is
    assert config.load(user, IDS).config == window


def test_an_unlocked_key_set_back_to_qlbreaks_default_is_written(user: Path) -> None:
    base = config.load(user, IDS).config
    window = replace(base, plan=replace(base.plan, grace=timedelta(minutes=30)), theme="auto")
    save_changes(user, base, window, [r.name for r in base.plan.reminders], IDS, had_file=False)
    assert [k for k in keys(user) if not k.startswith("[")] == ["grace_minutes", "theme"]
    assert config.load(user, IDS).config == window


def test_the_welcome_writes_its_answers_alone(user: Path) -> None:
    base = config.load(user, IDS).config
    wanted = replace(base, prefs=replace(base.prefs, no_floor=False))
    save(user, wanted, IDS)
    assert [k for k in keys(user) if not k.startswith("[")] == ["no_floor"]
    assert config.load(user, IDS).config == wanted


def test_a_locked_value_in_the_window_is_not_written(user: Path) -> None:
    """Even were the window to send another value for a locked key, the file keeps none."""
    base = config.load(user, IDS).config
    window = replace(base, plan=replace(base.plan, snooze=timedelta(minutes=3)), sound=False)
    with pytest.raises(Exception, match="would not say what you chose"):
        save_changes(user, base, window, [r.name for r in base.plan.reminders], IDS, had_file=False)
    assert not user.exists()
