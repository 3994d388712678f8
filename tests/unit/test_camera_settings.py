"""``[holds] camera`` through the settings window's save (issue 26): its merge with a
hand edit and its writer know the key as they know ``in_a_call``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from qlbreak.storage import config, config_save
from qlbreak.storage.config_edit import edited
from qlbreak.storage.config_merge import merge
from qlbreak.storage.config_save import save_changes
from qlbreak.stretches.catalogue import load as load_catalogue

IDS = load_catalogue().ids
HAND = "[schedule]\nsnooze_minutes = 5\n\n[holds]\nin_a_call = false\ncamera = false   # my camera is always on\n"


@pytest.fixture(autouse=True)
def _no_wait(monkeypatch):
    monkeypatch.setattr(config_save, "QUIET", 0.01)


def loaded(raw: str, keep: config.Config | None = None) -> config.Loaded:
    return config.parse(raw.encode(), "config.toml", IDS, keep)


def test_a_camera_switched_off_by_hand_while_the_window_is_open_stays_off(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text("[schedule]\nsnooze_minutes = 5\n")
    base = loaded(path.read_text()).config
    window = replace(base, theme="dark")
    path.write_text(HAND)  # an editor, meanwhile
    now = loaded(HAND).config
    assert merge(base, window, [r.name for r in base.plan.reminders], now).config.holds == now.holds
    save_changes(path, base, window, [r.name for r in base.plan.reminders], IDS)
    assert path.read_text() == HAND + '\n[dialog]\ntheme = "dark"\n'
    assert loaded(path.read_text()).config.holds.camera is False


def test_a_broken_camera_switch_is_saved_as_the_value_in_effect():
    kept = replace(config.Config(), holds=replace(config.Config().holds, camera=False))
    broken = '[holds]\ncamera = "off"\n'
    shown = loaded(broken, kept)
    assert [p.key for p in shown.errors] == [("holds", "camera")] and shown.config.holds.camera is False
    out = edited(broken.encode(), "config.toml", shown.config, IDS).decode()
    assert out == "[holds]\ncamera = false\n"
    assert loaded(out).config.holds.camera is False


def test_a_hold_switched_in_the_file_is_a_change_the_log_names():
    from qlbreak.tray.news import changes

    before = config.Config()
    assert changes(before, replace(before, holds=replace(before.holds, camera=False))) == ["holds"]
    assert changes(before, replace(before, holds=replace(before.holds, in_a_call=False), theme="dark")) == [
        "theme",
        "holds",
    ]
