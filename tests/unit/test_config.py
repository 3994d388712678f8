"""config.py: defaults, the user's file, and file:line messages for every mistake."""

from __future__ import annotations

import tomllib
from datetime import time, timedelta
from pathlib import Path

import pytest

from qlbreak.core.holds import HoldRules
from qlbreak.core.picker import Preferences
from qlbreak.core.schedule import Plan, Reminder
from qlbreak.storage import config, config_template, config_words
from qlbreak.stretches.catalogue import load as load_catalogue

IDS = load_catalogue().ids


def load_text(tmp_path: Path, text: str) -> config.Loaded:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return config.load(path, IDS)


def messages(loaded: config.Loaded) -> list[str]:
    return [str(p) for p in loaded.problems]


def test_missing_file_means_defaults(tmp_path):
    loaded = config.load(tmp_path / "nope.toml", IDS)
    assert loaded.config == config.Config() and not loaded.problems
    assert [r.name for r in loaded.config.plan.reminders] == ["morning", "lunch"]
    assert loaded.config.plan.grace == timedelta(minutes=30)
    assert loaded.config.workdays == frozenset(range(5))


def test_the_init_template_is_exactly_the_defaults(tmp_path):
    loaded = load_text(tmp_path, config_template.DEFAULT_FILE)
    assert loaded.problems == ()
    assert loaded.config == config.Config()


def test_the_contract_example(tmp_path):
    loaded = load_text(
        tmp_path,
        """
[schedule]
timezone = "Europe/Berlin"
grace_minutes = 45
snooze_minutes = 5

[[reminder]]
name = "afternoon"
time = "15:00"
days = ["mon", "Wednesday", "fri"]

[stretches]
no_floor = true
equipment = ["none", "chair", "ball"]
avoid = ["gentle-walk"]
""",
    )
    assert loaded.problems == ()
    c = loaded.config
    assert c.timezone == "Europe/Berlin"
    assert c.plan.reminders == (Reminder("afternoon", time(15), frozenset({0, 2, 4})),)
    assert (c.plan.grace, c.plan.snooze) == (timedelta(minutes=45), timedelta(minutes=5))
    assert c.prefs.no_floor and c.prefs.avoid == {"gentle-walk"} and "ball" in c.prefs.equipment


def test_toml_syntax_error(tmp_path):
    loaded = load_text(tmp_path, '[schedule]\ngrace_minutes = 30\nsnooze_minutes = "10\n')
    (problem,) = loaded.problems
    assert str(problem).startswith(f"{tmp_path / 'config.toml'}:3: not valid TOML")
    assert loaded.config == config.Config()


def test_bad_time_unknown_day_unknown_stretch(tmp_path):
    text = """\
[[reminder]]
name = "morning"
time = "25:99"

[[reminder]]
name = "lunch"
time = "12:30"
days = ["mon", "funday"]

[[reminder]]
name = "tea"
time = "15:30"

[stretches]
avoid = ["seated-twsit"]
"""
    loaded = load_text(tmp_path, text)
    where = tmp_path / "config.toml"
    assert messages(loaded) == [
        f'{where}:3: time must be HH:MM on a 24-hour clock, such as "09:30" or "14:15", not "25:99"',
        f'{where}:8: "funday" is not a day: use mon, tue, wed, thu, fri, sat or sun',
        f'{where}:15: "seated-twsit" in avoid is not a stretch qlbreak knows; did you mean "seated-twist"?',
    ]
    # what was right still counts
    assert [r.name for r in loaded.config.plan.reminders] == ["tea"]
    assert loaded.config.prefs.avoid == frozenset()


def test_unknown_keys_are_warnings_with_a_hint(tmp_path):
    loaded = load_text(tmp_path, "[schedule]\ngrace_minuts = 20\n\n[sound]\non = true\n")
    where = tmp_path / "config.toml"
    assert messages(loaded) == [
        f"{where}:4: warning: 'sound' is not a setting qlbreak knows; it was left out",
        f"{where}:2: warning: 'grace_minuts' in [schedule] is not a setting qlbreak knows"
        " \N{EM DASH} did you mean 'grace_minutes'? It was left out",
    ]
    assert loaded.errors == ()


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[schedule]\ntimezone = "Mars/Olympus"\n', 2, "unknown time zone 'Mars/Olympus'"),
        (
            "[schedule]\ngrace_minutes = -5\n",
            2,
            "grace_minutes must be a whole number of minutes from 0 to 1440, not -5",
        ),
        (
            "[schedule]\nsnooze_minutes = true\n",
            2,
            "snooze_minutes must be a whole number of minutes from 1 to 1440, not true",
        ),
        ('[stretches]\nno_floor = "yes"\n', 2, 'no_floor must be true or false (without quotes), not "yes"'),
        (
            '[stretches]\nequipment = ["none", "rope"]\n',
            2,
            '"rope" in equipment is not a thing qlbreak knows; use any of none, chair',
        ),
        ("schedule = 3\n", 1, "write [schedule] on a line of its own"),
        ('[reminder]\ntime = "09:00"\n', 1, "below a [[reminder]] line of its own"),
        ('[[reminder]]\nname = "x"\n', 1, 'a reminder needs a time, such as time = "09:30"'),
        (
            '[[reminder]]\nname = "a"\ntime = "9:00"\n[[reminder]]\nname = "a"\ntime = "10:00"\n',
            5,
            'two reminders are called "a": give each its own name',
        ),
        (
            '[[reminder]]\ntime = "09:00"\ndays = "mon"\n',
            3,
            'days must be a list in square brackets, such as ["mon", "tue"], not "mon"',
        ),
    ],
)
def test_each_mistake_names_its_line(tmp_path, text, line, message):
    loaded = load_text(tmp_path, text)
    assert loaded.errors, text
    first = loaded.errors[0]
    assert (first.line, message in first.message) == (line, True), str(first)


def test_toml_time_literal_is_accepted(tmp_path):
    loaded = load_text(tmp_path, '[[reminder]]\nname = "m"\ntime = 09:15:00\n')
    assert loaded.config.plan.reminders[0].at == time(9, 15)


def test_all_reminders_wrong_falls_back_to_defaults(tmp_path):
    loaded = load_text(tmp_path, '[[reminder]]\ntime = "nine"\n')
    assert loaded.config.plan.reminders == config.DEFAULT_REMINDERS


def test_not_utf8(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(b"[schedule]\n# caf\xe9\n")
    (problem,) = config.load(path, IDS).problems
    assert str(problem) == f"{path}:2: not UTF-8 text"


def test_template_is_valid_toml():
    assert tomllib.loads(config_template.DEFAULT_FILE)["schedule"]["grace_minutes"] == 30


def test_dialog_settings(tmp_path):
    loaded = load_text(tmp_path, '[dialog]\ntheme = "dark"\nsound = false\n')
    assert (loaded.config.theme, loaded.config.sound, loaded.problems) == ("dark", False, ())
    loaded = load_text(tmp_path, '[dialog]\ntheme = "purple"\nsound = "loud"\n')
    assert [p.line for p in loaded.errors] == [2, 3]
    assert (loaded.config.theme, loaded.config.sound) == ("auto", True)


def test_reminder_style(tmp_path):
    assert load_text(tmp_path, '[schedule]\nreminder_style = "prompt"\n').config.reminder_style == "prompt"
    loaded = load_text(tmp_path, '[schedule]\n\nreminder_style = "popup"\n')
    assert loaded.config.reminder_style == "both"
    assert messages(loaded) == [
        f'{tmp_path / "config.toml"}:3: reminder_style must be "both", "prompt" or "notification", not "popup"'
    ]


def test_read_again_a_broken_part_keeps_the_value_in_use(tmp_path):
    good = load_text(
        tmp_path,
        '[schedule]\nsnooze_minutes = 15\n[[reminder]]\nname = "lunch"\ntime = "11:15"\n'
        '[stretches]\nno_floor = false\n[dialog]\ntheme = "dark"\n',
    ).config
    path = tmp_path / "config.toml"
    path.write_text(
        '[schedule]\nsnooze_minutes = "x"\n[[reminder]]\nname = "lunch"\ntime = "11:75"\n'
        '[[reminder]]\nname = "tea"\ntime = "15:00"\n[stretches]\nno_floor = "no"\n'
        '[dialog]\ntheme = "blue"\n'
    )
    again = config.load(path, IDS, keep=good)
    assert len(again.errors) == 4
    c = again.config
    assert c.plan.snooze == timedelta(minutes=15) and c.theme == "dark" and c.prefs.no_floor is False
    assert [(r.name, r.at) for r in c.plan.reminders] == [("lunch", time(11, 15)), ("tea", time(15, 0))]
    # at start there is no value in use: the defaults, and the broken reminder is left out
    first = config.load(path, IDS)
    assert first.config.plan.snooze == timedelta(minutes=10) and first.config.theme == "auto"
    assert [r.name for r in first.config.plan.reminders] == ["tea"]
    # a key taken out means its default, not the value in use
    path.write_text('[[reminder]]\nname = "lunch"\ntime = "11:15"\n')
    assert config.load(path, IDS, keep=good).config.theme == "auto"


def test_not_toml_any_more_keeps_everything_in_use(tmp_path):
    good = load_text(tmp_path, '[dialog]\ntheme = "dark"\n').config
    (tmp_path / "config.toml").write_text("[dialog\n")
    again = config.load(tmp_path / "config.toml", IDS, keep=good)
    assert again.config == good and "not valid TOML" in str(again.errors[0])


def test_a_misspelt_value_or_key_gets_the_likely_one_and_each_problem_knows_its_setting(tmp_path):
    loaded = load_text(tmp_path, '[dialog]\ntheme = "drak"\nsond = false\n')
    where = tmp_path / "config.toml"
    assert messages(loaded) == [
        f"{where}:3: warning: 'sond' in [dialog] is not a setting qlbreak knows \N{EM DASH} did you mean 'sound'?"
        " It was left out",
        f'{where}:2: theme must be "auto", "light" or "dark", not "drak" (did you mean "dark"?)',
    ]
    assert [p.key for p in loaded.problems] == [("dialog", "sond"), ("dialog", "theme")]


def test_the_words_a_person_meets_in_the_settings_window_are_plain():
    assert config_words.minutes_problem("Snooze", "", 1, 1440) == "Snooze needs a number of minutes, from 1 to 1440"
    assert config_words.minutes_problem("Snooze", "ten", 1, 1440) == (
        'Snooze must be a whole number of minutes from 1 to 1440, not "ten"'
    )
    assert (
        config_words.read_time(" ")
        == 'time is missing: write it as HH:MM on a 24-hour clock, such as "09:30" or "14:15"'
    )
    assert config_words.NO_NAME == 'give this reminder a name, such as "morning"'
    for message in (config_words.read_time("9.30"), config_words.used_twice("tea"), config_words.NO_NAME):
        assert "string" not in message and "non-empty" not in message and "'" not in message


def test_the_settings_in_effect_go_to_the_settings_window_and_back_unchanged(tmp_path):
    import json

    assert config.in_effect(json.loads(json.dumps(config.as_table(config.Config()))), IDS) == config.Config()
    text = """\
[schedule]
timezone = "Europe/Berlin"
grace_minutes = 0
snooze_minutes = 25
reminder_style = "prompt"

[[reminder]]
name = "tea"
time = "15:05"
days = ["sat", "sun"]

[stretches]
no_floor = false
equipment = ["none", "ball", "stick"]
avoid = ["seated-twist"]

[dialog]
theme = "dark"
sound = false

[holds]
away = false
away_minutes = 12
"""
    c = load_text(tmp_path, text).config
    assert config.in_effect(json.loads(json.dumps(config.as_table(c))), IDS) == c
    assert config.in_effect(None, IDS) is None and config.in_effect({"dialog": {"theme": "x"}}, IDS) is None


def test_both_is_described_as_what_it_does_in_the_template_and_the_readme():
    """ "both" is one place, not two: the notification where it has buttons, else the
    prompt with a short notification pointing to it (core/app_reminder.py)."""
    words = (
        '# "both": a notification with buttons where your desktop\'s notifications have them,\n'
        "# else qlbreak's small prompt by the tray and a notification pointing to it;\n"
    )
    assert words in config_template.DEFAULT_FILE and words in (Path(__file__).parents[2] / "README.md").read_text()
    assert "prompt, notification, or both" not in config_template.DEFAULT_FILE


KEPT = config.Config(
    plan=Plan((Reminder("lunch", time(11, 15), frozenset({0})),), timedelta(minutes=5), timedelta(minutes=15)),
    timezone="Europe/Berlin",
    prefs=Preferences(no_floor=False, equipment=frozenset({"none", "ball"}), avoid=frozenset({"seated-twist"})),
    theme="dark",
    sound=False,
    reminder_style="prompt",
    holds=HoldRules(away_minutes=12),
    checkin=False,
    tighter=2.0,
)


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ('[schedule]\nsnooze_minutes = "x"\n', "snooze", lambda c: c.plan.snooze),
        ("[schedule]\ngrace_minutes = -1\n", "grace", lambda c: c.plan.grace),
        ('[schedule]\nreminder_style = "popup"\n', "style", lambda c: c.reminder_style),
        ('[[reminder]]\nname = "lunch"\ntime = "11:75"\n', "reminders", lambda c: c.plan.reminders),
        ('[stretches]\nno_floor = "no"\n', "stretches", lambda c: c.prefs.no_floor),
        ('[stretches]\nequipment = ["rope"]\n', "stretches", lambda c: c.prefs.equipment),
        ('[stretches]\navoid = ["seated-twsit"]\n', "stretches", lambda c: c.prefs.avoid),
        ('[dialog]\ntheme = "drak"\n', "theme", lambda c: c.theme),
        ('[dialog]\nsound = "loud"\n', "sound", lambda c: c.sound),
        ('[schedule]\ntimezone = "Mars/Olympus"\n', None, lambda c: c.timezone),
        ('[holds]\naway_minutes = "12"\n', None, lambda c: c.holds),
        ('[checkin]\nask = "yes"\n', "checkin", lambda c: c.checkin),
        ("[checkin]\ntighter = 3\n", "tighter", lambda c: c.tighter),
    ],
)
def test_every_setting_broken_by_hand_keeps_the_value_in_effect_and_is_noted_by_its_field(tmp_path, text, field, value):
    """What the settings window shows after a hand edit it did not understand: the value
    in effect (the tray's), with a note by the field that shows it (or, for a setting the
    window has no field for, in its message)."""
    from qlbreak.ui.file_notes import place_of

    (tmp_path / "config.toml").write_text(text)
    loaded = config.load(tmp_path / "config.toml", IDS, keep=KEPT)
    (problem,) = loaded.problems
    assert value(loaded.config) == value(KEPT) != value(config.Config())
    assert (place_of(problem) or (None, ""))[0] == field
