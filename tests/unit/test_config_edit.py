"""storage/config_edit.py: the user's own file keeps its comments, order and unknown
keys through the settings window; only the values that changed are rewritten."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qlbreak.core.schedule import Plan, Reminder
from qlbreak.storage import config
from qlbreak.storage.config_edit import EditError, edited, save
from qlbreak.stretches.catalogue import load as load_catalogue

IDS = load_catalogue().ids
MINE = """\
# My qlbreak settings -- written by hand, 2026.
[schedule]
snooze_minutes = 5    # short: I come back quickly
colour = "teal"       # not a qlbreak key: a warning, and it stays

# Two reminders.
[[reminder]]
name = "morning"
time = "09:00"   # before stand-up
days = ["mon", "tue", "wed", "thu", "fri"]

[[reminder]]
name = "after lunch"
time = 13:15:00
days = ["mon", "wed"]

[stretches]
equipment = ["chair", "none", "door-frame"]   # the office
"""


def loaded(raw: bytes) -> config.Config:
    result = config.parse(raw, "config.toml", IDS)
    assert not result.errors, result.errors
    return result.config


def test_nothing_changed_means_not_a_byte_changed():
    raw = MINE.encode()
    assert edited(raw, "config.toml", loaded(raw), IDS) == raw


def test_changed_values_only_and_every_comment_and_unknown_key_kept():
    raw = MINE.encode()
    now = loaded(raw)
    lunch = Reminder("after lunch", time(13, 45), frozenset({0, 2}))
    wanted = replace(
        now,
        plan=replace(now.plan, reminders=(now.plan.reminders[0], lunch), snooze=timedelta(minutes=15)),
        theme="dark",
    )
    out = edited(raw, "config.toml", wanted, IDS).decode()
    expected = (
        MINE.replace("snooze_minutes = 5    #", "snooze_minutes = 15    #").replace("time = 13:15:00", 'time = "13:45"')
        + '\n[dialog]\ntheme = "dark"\n'
    )
    assert out == expected
    assert loaded(out.encode()) == wanted


def test_reminders_added_renamed_and_removed():
    raw = MINE.encode()
    now = loaded(raw)
    tea = Reminder("tea", time(15, 30), frozenset(range(5)))
    first = replace(now.plan.reminders[0], name="early")
    wanted = replace(now, plan=replace(now.plan, reminders=(first, tea)))
    out = edited(raw, "config.toml", wanted, IDS).decode()
    assert 'name = "early"' in out and "# before stand-up" in out and "after lunch" not in out
    assert out.count("[[reminder]]") == 2 and loaded(out.encode()) == wanted
    three = replace(wanted, plan=replace(now.plan, reminders=(first, tea, now.plan.reminders[1])))
    assert loaded(edited(out.encode(), "config.toml", three, IDS)) == three


def test_no_file_yet_starts_from_the_commented_template():
    wanted = replace(config.Config(), prefs=replace(config.Config().prefs, no_floor=False), sound=False)
    out = edited(None, "config.toml", wanted, IDS).decode()
    assert out.startswith("# qlbreak settings.") and "no_floor = false" in out and "sound = false" in out
    assert loaded(out.encode()) == wanted


def test_a_mistake_in_the_file_is_replaced_by_what_the_window_showed():
    raw = MINE.replace('equipment = ["chair", "none", "door-frame"]', 'equipment = ["chiar"]').encode()
    shown = config.parse(raw, "config.toml", IDS)
    assert shown.errors
    out = edited(raw, "config.toml", shown.config, IDS)
    assert loaded(out) == shown.config and b"# the office" in out


def test_a_broken_hand_edit_is_saved_as_the_value_in_effect_and_keeps_comments_and_unknown_keys():
    """What the tray used (dark, away after 7 minutes) before the edit broke them is what
    the window shows and saves; a hold is not on the window, and is mended too."""
    in_use = replace(config.parse(MINE.encode(), "config.toml", IDS).config, theme="dark")
    in_use = replace(in_use, holds=replace(in_use.holds, away_minutes=7))
    raw = (MINE + '\n[dialog]\ntheme = "drak"   # my typo\nsond = false\n\n[holds]\naway_minutes = "7"\n').encode()
    shown = config.parse(raw, "config.toml", IDS, keep=in_use)
    assert [p.key for p in shown.errors] == [("dialog", "theme"), ("holds", "away_minutes")]
    assert shown.config == in_use
    out = edited(raw, "config.toml", shown.config, IDS).decode()
    assert loaded(out.encode()) == in_use
    assert out == raw.decode().replace('"drak"', '"dark"').replace('away_minutes = "7"', "away_minutes = 7")


def test_a_file_that_is_not_toml_is_never_written(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[schedule\nsnooze_minutes = 5\n")
    with pytest.raises(EditError, match=r"config.toml:1: not valid TOML"):
        save(path, config.Config(), IDS)
    assert path.read_text() == "[schedule\nsnooze_minutes = 5\n"


def test_a_dotted_key_is_changed_where_it_stands():
    wanted = replace(config.Config(), plan=Plan(config.DEFAULT_REMINDERS, snooze=timedelta(minutes=20)))
    out = edited(b"schedule.snooze_minutes = 5  # dotted\n", "config.toml", wanted, IDS)
    assert out == b"schedule.snooze_minutes = 20  # dotted\n"


def test_a_bom_and_windows_line_ends_survive():
    raw = b"\xef\xbb\xbf" + MINE.replace("\n", "\r\n").encode()
    now = loaded(raw)
    out = edited(raw, "config.toml", replace(now, sound=False), IDS)
    assert out.startswith(b"\xef\xbb\xbf# My qlbreak") and b"# before stand-up\r\n" in out
    assert loaded(out).sound is False


def test_save_writes_only_a_change(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(MINE.encode())
    before = path.stat().st_ino
    save(path, loaded(MINE.encode()), IDS)
    assert path.stat().st_ino == before  # nothing to write: the file is not even replaced
    save(path, replace(loaded(MINE.encode()), theme="light"), IDS)
    assert 'theme = "light"' in path.read_text() and path.read_text().startswith("# My qlbreak")


TIMES = st.builds(time, st.integers(0, 23), st.integers(0, 59))
DAYS = st.frozensets(st.integers(0, 6), min_size=1)
NAMES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(
    lambda s: s.strip() == s and s
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(NAMES, TIMES, DAYS), min_size=1, max_size=4, unique_by=lambda r: r[0]),
    st.integers(0, 24 * 60),
    st.integers(1, 24 * 60),
    st.booleans(),
    st.sampled_from(config.THEMES),
)
def test_whatever_is_chosen_reads_back_as_chosen(reminders, grace, snooze, floor, theme):
    base = loaded(MINE.encode())
    wanted = replace(
        base,
        plan=Plan(
            tuple(Reminder(n, t, d) for n, t, d in reminders), timedelta(minutes=grace), timedelta(minutes=snooze)
        ),
        prefs=replace(base.prefs, no_floor=floor),
        theme=theme,
    )
    out = edited(MINE.encode(), "config.toml", wanted, IDS)
    assert loaded(out) == wanted
    assert b"# My qlbreak settings" in out and b'colour = "teal"' in out
