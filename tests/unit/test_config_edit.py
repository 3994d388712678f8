"""storage/config_edit.py: the user's own file keeps its comments, order and unknown
keys through the settings window; only the values that changed are rewritten."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qlbreak.core.schedule import Plan, Reminder
from qlbreak.storage import config, config_save
from qlbreak.storage.config_edit import EditError, edited
from qlbreak.storage.config_save import save
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


@pytest.fixture(autouse=True)
def _no_wait(monkeypatch):
    """A file written just now is waited on before a save (an editor may be writing it in
    parts: tests/faults); here every file is whole."""
    monkeypatch.setattr(config_save, "QUIET", 0.01)


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
    out = edited(raw, "config.toml", wanted, IDS, renamed={"early": "morning"}).decode()
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


def test_a_file_that_is_not_toml_is_never_written(tmp_path, monkeypatch):
    from qlbreak.storage import config_save

    monkeypatch.setattr(config_save, "SETTLE", 0.1)  # an editor's moment: waited for, then said
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
    back = loaded(out)  # a reminder kept stays where it is in the file; a new one goes after
    in_order = sorted(back.plan.reminders, key=lambda r: r.name)
    assert in_order == sorted(wanted.plan.reminders, key=lambda r: r.name)
    assert replace(back, plan=replace(back.plan, reminders=wanted.plan.reminders)) == wanted
    assert b"# My qlbreak settings" in out and b'colour = "teal"' in out


# -- the file as it is at the save (issue 20, E and F) -------------------------------------

from qlbreak.storage.config_merge import merge  # noqa: E402
from qlbreak.storage.config_save import HandEdits, save_changes  # noqa: E402

THREE = """\
# Mine.
[schedule]
snooze_minutes = 5    # short

# The first one: going soon.
[[reminder]]
name = "standup"   # 1's comment
time = "09:00"

# The second one, mine.
[[reminder]]
name = "coffee"    # 2's comment
time = "10:30"
mood = "calm"      # 2's own key
days = ["mon", "tue"]   # 2's days

[[reminder]]
name = "lunch"
time = "12:30"
"""


def opened(path, text: str) -> config.Config:
    """The window opens on ``text``: what it read is the base of its save."""
    path.write_text(text)
    return loaded(text.encode())


def rows_of(c: config.Config) -> tuple[str, ...]:
    return tuple(r.name for r in c.plan.reminders)


def test_deleting_reminder_1_keeps_reminder_2s_comment_and_unknown_key_with_it(tmp_path):
    """Before: the tables were rewritten by place: coffee's comment and 'mood' were lost,
    and standup's comment ended up on lunch."""
    path = tmp_path / "config.toml"
    base = opened(path, THREE)
    window = replace(base, plan=replace(base.plan, reminders=base.plan.reminders[1:]))
    save_changes(path, base, window, rows_of(window), IDS)
    first = '# The first one: going soon.\n[[reminder]]\nname = "standup"   # 1\'s comment\ntime = "09:00"\n\n'
    assert path.read_text() == THREE.replace(first, "")
    assert loaded(path.read_bytes()) == window


def test_a_hand_edit_made_while_the_window_is_open_survives_its_save(tmp_path):
    """Before: Save wrote the window's whole copy: the reminder added by hand and the
    snooze changed by hand were reverted, and it said "saved"."""
    path = tmp_path / "config.toml"
    base = opened(path, MINE)
    window = replace(base, theme="dark", plan=replace(base.plan, grace=timedelta(minutes=20)))
    tea = '[[reminder]]\nname = "tea"\ntime = "15:00"\n\n[stretches]'
    hand = MINE.replace("snooze_minutes = 5 ", "snooze_minutes = 7 ").replace("[stretches]", tea)
    path.write_text(hand)  # an editor, meanwhile
    save_changes(path, base, window, rows_of(base), IDS)
    out = path.read_text()
    stays = "# not a qlbreak key: a warning, and it stays\n"
    assert out == hand.replace(stays, stays + "grace_minutes = 20\n") + '\n[dialog]\ntheme = "dark"\n'
    now = loaded(out.encode())
    assert now.plan.snooze == timedelta(minutes=7) and rows_of(now) == ("morning", "after lunch", "tea")
    assert now.theme == "dark" and now.plan.grace == timedelta(minutes=20)


def test_the_same_setting_changed_both_ways_is_said_and_save_again_uses_the_windows(tmp_path):
    path = tmp_path / "config.toml"
    base = opened(path, MINE)
    window = replace(base, plan=replace(base.plan, snooze=timedelta(minutes=15)))
    tea = '[[reminder]]\nname = "tea"\ntime = "15:00"\n\n[stretches]'
    hand = MINE.replace("snooze_minutes = 5 ", "snooze_minutes = 7 ").replace("[stretches]", tea)
    path.write_text(hand)
    with pytest.raises(HandEdits) as asked:
        save_changes(path, base, window, rows_of(base), IDS)
    assert str(asked.value) == (
        "Not saved yet: your settings file was changed by hand while this window was open, and you changed the"
        " same setting here:\n\N{BULLET} Snooze: 7 minutes in the file, 15 minutes here.\nPress Save again to use"
        " this window's choice (your other changes by hand stay). To keep the file's, set it the same here and"
        " save, or press Cancel (then nothing here is saved)."
    )
    assert path.read_text() == hand  # nothing written
    overrule = {c.key: c.theirs for c in asked.value.conflicts}
    save_changes(path, base, window, rows_of(base), IDS, overrule)
    assert path.read_text() == hand.replace("snooze_minutes = 7 ", "snooze_minutes = 15 ")
    path.write_text(hand.replace("snooze_minutes = 7 ", "snooze_minutes = 8 "))  # changed again: asked again
    with pytest.raises(HandEdits, match="Snooze: 8 minutes in the file, 15 minutes here"):
        save_changes(path, base, window, rows_of(base), IDS, overrule)


def test_reminders_are_merged_by_identity_not_place():
    """Renamed in the window and retimed by hand: both; removed here but changed by
    hand, and changed here but gone from the file: asked."""
    base = loaded(THREE.encode())
    standup, coffee, lunch = base.plan.reminders
    hand = THREE.replace('"10:30"', '"10:45"').replace('"12:30"', '"13:00"')
    now = loaded(hand.encode())
    mine = (replace(coffee, name="cuppa"), replace(standup, days=frozenset({0})))
    window = replace(base, plan=replace(base.plan, reminders=mine))
    merged = merge(base, window, ("coffee", "standup"), now)
    assert [c.words for c in merged.conflicts] == [
        "The lunch reminder: changed in the file (13:00 on Mon, Tue, Wed, Thu, Fri), removed here"
    ]
    assert merged.config.plan.reminders == (
        replace(standup, days=frozenset({0})),
        replace(coffee, name="cuppa", at=time(10, 45)),
        replace(lunch, at=time(13, 0)),
    )
    assert merged.renamed == {"cuppa": "coffee"}
    out = edited(hand.encode(), "config.toml", merged.config, IDS, merged.renamed).decode()
    assert out == hand.replace('name = "coffee"', 'name = "cuppa"').replace(
        'time = "09:00"', 'time = "09:00"\ndays = ["mon"]'
    )
    tea = loaded((THREE + '[[reminder]]\nname = "cuppa"\ntime = "16:00"\n').encode())  # the same name, by hand
    assert [c.words for c in merge(base, window, ("coffee", "standup"), tea).conflicts][-1] == (
        'Two reminders would be called "cuppa" (one was added or renamed in the file): rename one here'
    )
    gone = loaded(THREE.replace('name = "standup"', 'name = "stand-up"').encode())
    merged = merge(base, window, ("coffee", "standup"), gone)
    assert "The standup reminder: no longer in the file (removed or renamed there), changed here" in [
        c.words for c in merged.conflicts
    ]


def test_reminders_written_inline_are_found_by_name_too():
    raw = b'reminder = [ { name = "a", time = "09:00" }, { name = "b", time = "10:00", x = 1 } ]  # mine\n'
    c = loaded(raw)
    out = edited(raw, "config.toml", replace(c, plan=replace(c.plan, reminders=c.plan.reminders[1:])), IDS)
    assert out == b'reminder = [{ name = "b", time = "10:00", x = 1 } ]  # mine\n'  # tomlkit takes one space


def test_a_broken_reminder_the_window_never_showed_stays_as_written():
    raw = THREE.replace('time = "10:30"', 'time = "25:30"').encode()
    shown = config.parse(raw, "config.toml", IDS).config  # coffee is not understood, so not shown
    assert rows_of(shown) == ("standup", "lunch")
    wanted = replace(shown, plan=replace(shown.plan, reminders=shown.plan.reminders[1:]))
    out = edited(raw, "config.toml", wanted, IDS).decode()
    assert "standup" not in out and 'time = "25:30"' in out and "2's own key" in out
