"""Deleting a reminder in Settings takes out its table, its sub-tables and the comment
right above it, and nothing else: the file's own top comment stays (issue 20 F)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from qlbreak.storage import config, config_edit, config_save
from qlbreak.storage.config_edit import EditError
from qlbreak.stretches.catalogue import known_ids

IDS = known_ids()
LUNCH = '[[reminder]]\nname = "lunch"\ntime = "12:30"\n'


@pytest.fixture(autouse=True)
def _no_wait(monkeypatch):
    monkeypatch.setattr(config_save, "QUIET", 0.01)  # every file here is whole


def without_morning(path: Path, text: str) -> str:
    path.write_text(text)
    base = config.load(path, IDS).config
    plan = replace(base.plan, reminders=tuple(r for r in base.plan.reminders if r.name != "morning"))
    config_save.save_changes(path, base, replace(base, plan=plan), ("lunch",), IDS)
    assert [r.name for r in config.load(path, IDS).config.plan.reminders] == ["lunch"]
    return path.read_text()


@pytest.mark.parametrize("gap", ["\n", ""], ids=["blank line below", "right above"])
def test_the_files_top_comment_stays_when_the_first_reminder_goes(tmp_path, gap):
    """Before: with no blank line between, the top comment went with the reminder."""
    top = "# my qlbreak settings, see wiki\n" + gap
    text = top + '[[reminder]]\nname = "morning"\ntime = "09:00"\n\n' + LUNCH
    assert without_morning(tmp_path / "config.toml", text) == top + LUNCH


def test_a_comment_right_above_a_later_reminder_goes_with_it(tmp_path):
    text = "# top\n\n" + LUNCH + '\n# the morning one\n[[reminder]]\nname = "morning"\ntime = "09:00"\n'
    assert without_morning(tmp_path / "config.toml", text) == "# top\n\n" + LUNCH + "\n"


def test_a_reminder_with_a_sub_table_is_deleted_with_it(tmp_path):
    """Before: tomlkit's ParseError ("Key reminder already exists"), uncaught: Save did nothing."""
    morning = '[[reminder]]\nname = "morning"\ntime = "09:00"\n[reminder.note]\na = 1 # of morning\n\n'
    lunch = '# lunch note\n[[reminder]]\nname = "lunch"\ntime = "12:30"\n[reminder.note]\nb = 2 # of lunch\n'
    assert without_morning(tmp_path / "config.toml", morning + lunch) == lunch


def test_a_layout_the_cut_cannot_handle_is_refused_in_plain_words(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    text = '[[reminder]]\nname = "morning"\ntime = "09:00"\n\n' + LUNCH
    monkeypatch.setattr(config_edit._Places, "cut", lambda self, text: text + "[[reminder]\n")
    with pytest.raises(EditError, match=r"could not take the reminder you removed out of .* remove it there by hand"):
        without_morning(path, text)
    assert path.read_text() == text
