"""What ``qlbreak settings --welcome`` shows: the presets on a first run; asked again,
the answers in effect (the reminders, the floor, the things), never the presets, and
any reminder beyond its two fields kept (issue 19)."""

from __future__ import annotations

from pathlib import Path

from qlbreak.stretches.catalogue import load
from qlbreak.ui.welcome import PRESET, SLOTS, answers

IDS = frozenset(load().ids)


def test_a_first_run_shows_the_presets(tmp_path: Path) -> None:
    assert answers(tmp_path / "config.toml", IDS) is PRESET
    assert [t for _, _, t in PRESET.times] == ["09:30", "12:30"] and PRESET.place == "office"


def test_asked_again_it_shows_the_users_answers(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[stretches]\nno_floor = false\nequipment = ["none", "ball"]\n'
        '[[reminder]]\nname = "lunch"\ntime = "10:15"\ndays = ["tue", "thu"]\n'
        '[[reminder]]\nname = "tea"\ntime = "15:40"\ndays = ["tue"]\n'
        '[[reminder]]\nname = "late"\ntime = "17:05"\ndays = ["fri"]\n'
    )
    shown = answers(path, IDS)
    assert shown.times == (("lunch", "At lunchtime", "10:15"), ("tea", "Tea", "15:40"))
    assert shown.days == {1, 3} and shown.floor and shown.equipment == {"ball"}
    assert [r.name for r in shown.kept] == ["late"]
    assert shown.place not in {p for p, _, _ in SLOTS} | {"office", "home", "both"}  # not stored: none chosen


def test_one_reminder_fills_the_other_field_with_a_preset_of_another_name(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[[reminder]]\nname = "morning"\ntime = "08:05"\ndays = ["mon"]\n')
    shown = answers(path, IDS)
    assert shown.times == (("morning", "In the morning", "08:05"), ("lunch", "At lunchtime", "12:30"))
    assert not shown.kept
