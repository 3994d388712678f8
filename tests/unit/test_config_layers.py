"""An organisation's settings under the user's (issue 26): for every key, an
administrator's file, the user's file and a lock give the documented result
(qlbreak/storage/config_layers.py's table); a broken administrator's file is a problem
at its file:line and never a stop; the user's line for a locked key is left out, said."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from qlbreak.storage import config, policies_win32
from qlbreak.storage.config_layers import Admin, admin_places, read_admin
from qlbreak.stretches import catalogue

IDS = sorted(catalogue.load().ids)
# two values for each setting, neither the default where a setting has more than two
# (a true/false one: the administrator's is the opposite of the default, the user's the default)
VALUES: dict[tuple[str, str], tuple[Any, Any]] = {
    ("schedule", "timezone"): ("Europe/Berlin", "Asia/Tokyo"),
    ("schedule", "grace_minutes"): (20, 40),
    ("schedule", "snooze_minutes"): (15, 7),
    ("schedule", "reminder_style"): ("prompt", "notification"),
    ("stretches", "no_floor"): (False, True),
    ("stretches", "equipment"): (["chair"], ["ball", "none"]),
    ("stretches", "avoid"): ([IDS[0]], [IDS[1]]),
    ("dialog", "theme"): ("dark", "light"),
    ("dialog", "sound"): (False, True),
    ("dialog", "spoken_cues"): (True, False),
    ("dialog", "language"): ("de", "en"),
    ("holds", "presenting"): (False, True),
    ("holds", "in_a_call"): (False, True),
    ("holds", "camera"): (False, True),
    ("holds", "away"): (False, True),
    ("holds", "locked"): (False, True),
    ("holds", "away_minutes"): (10, 20),
    ("holds", "catch_up"): (False, True),
    ("checkin", "ask"): (False, True),
    ("checkin", "tighter"): (1.2, 1.8),
}
EVERY_KEY = [(w[0], key) for w, keys in config._KEYS.items() if w and w[0] != "reminder" for key in keys]
DEFAULTS = config.as_table(config.Config())


def test_every_key_has_two_values_here():
    assert sorted(VALUES) == sorted(EVERY_KEY)


def toml(value: Any) -> str:
    return json.dumps(value)  # strings, numbers, true/false and lists read the same in TOML


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.fixture
def admin_file(private_home: Path) -> Path:
    """The first folder of $XDG_CONFIG_DIRS (tests/conftest.py points it into the test's own)."""
    return admin_places()[0]


def in_effect(user: Path) -> tuple[dict[str, Any], config.Loaded]:
    loaded = config.load(user, IDS)
    return config.as_table(loaded.config), loaded


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(text))


@pytest.mark.parametrize(("table", "key"), EVERY_KEY, ids=[f"{t}.{k}" for t, k in EVERY_KEY])
def test_every_key_defaults_then_the_organisation_then_the_user_then_a_lock(table, key, admin_file):
    theirs, mine = VALUES[(table, key)]
    user = Path.home() / "config.toml"
    norm = sorted if isinstance(theirs, list) else (lambda v: v)

    # the organisation's value where the user says nothing
    write(admin_file, f"[{table}]\n{key} = {toml(theirs)}\n")
    table_now, loaded = in_effect(user)
    assert table_now[table][key] == norm(theirs) and not loaded.problems
    assert loaded.origins[f"{table}.{key}"] == str(admin_file)

    # the user's file wins
    write(user, f"[{table}]\n{key} = {toml(mine)}\n")
    table_now, loaded = in_effect(user)
    assert table_now[table][key] == norm(mine) and not loaded.problems
    assert loaded.origins[f"{table}.{key}"] == str(user) and not loaded.locked

    # except where the organisation locks the key (or its whole table)
    for lock in (f"{table}.{key}", table):
        write(admin_file, f'[admin]\nlocked = ["{lock}"]\n\n[{table}]\n{key} = {toml(theirs)}\n')
        table_now, loaded = in_effect(user)
        assert table_now[table][key] == norm(theirs)
        assert loaded.locked[f"{table}.{key}"] == str(admin_file)
        (said,) = loaded.problems
        assert said.warning and said.path == str(user) and said.line == 2
        assert str(said) == (
            f"{user}:2: warning: {table}.{key} is set by your organisation ({admin_file}); this line was left out"
        )

    # a lock on a key the organisation does not give: qlbreak's default, whatever the user says
    write(admin_file, f'[admin]\nlocked = ["{table}.{key}"]\n')
    table_now, loaded = in_effect(user)
    assert table_now[table][key] == DEFAULTS[table][key]
    assert loaded.locked[f"{table}.{key}"] == str(admin_file)


def test_the_reminders_come_whole_from_one_layer_and_a_lock_keeps_the_organisations(admin_file):
    user = Path.home() / "config.toml"
    write(admin_file, '[[reminder]]\nname = "stand up"\ntime = "10:00"\n')
    assert [r["name"] for r in in_effect(user)[0]["reminder"]] == ["stand up"]
    write(user, '[[reminder]]\nname = "mine"\ntime = "11:00"\n\n[[reminder]]\nname = "later"\ntime = "15:00"\n')
    assert [r["name"] for r in in_effect(user)[0]["reminder"]] == ["mine", "later"]
    write(admin_file, '[admin]\nlocked = ["reminder"]\n\n[[reminder]]\nname = "stand up"\ntime = "10:00"\n')
    table, loaded = in_effect(user)
    assert [r["name"] for r in table["reminder"]] == ["stand up"]
    assert loaded.locked == {"reminder": str(admin_file)}
    assert [(p.path, p.line, p.warning) for p in loaded.problems] == [(str(user), 1, True)]


def test_the_first_folder_of_xdg_config_dirs_is_the_strongest(tmp_path, monkeypatch):
    first, second = tmp_path / "site-a", tmp_path / "site-b"
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{first}:{second}")
    assert admin_places() == (first / "qlbreak" / "config.toml", second / "qlbreak" / "config.toml")
    write(second / "qlbreak" / "config.toml", "[schedule]\nsnooze_minutes = 20\ngrace_minutes = 45\n")
    write(first / "qlbreak" / "config.toml", "[schedule]\nsnooze_minutes = 15\n")
    table, loaded = in_effect(Path.home() / "none.toml")
    assert table["schedule"]["snooze_minutes"] == 15 and table["schedule"]["grace_minutes"] == 45
    assert loaded.origins["schedule.grace_minutes"] == str(second / "qlbreak" / "config.toml")


def test_a_broken_organisation_file_is_said_at_its_line_and_the_rest_still_counts(admin_file):
    user = write(Path.home() / "config.toml", "[schedule]\nsnooze_minutes = 7\n")
    write(admin_file, "[schedule]\ngrace_minutes = 45\n\n[holds\naway = false\n")  # not TOML at line 4
    table, loaded = in_effect(user)
    assert table["schedule"]["snooze_minutes"] == 7 and table["schedule"]["grace_minutes"] == 30
    (problem,) = loaded.problems
    assert (problem.path, problem.line, problem.warning) == (str(admin_file), 4, False)
    # a wrong value there: said at its line, the default stands, the user's values count
    write(admin_file, '[schedule]\ngrace_minutes = 45\nsnooze_minutes = "ten"\n\n[admin]\nlocked = ["holds.nap"]\n')
    table, loaded = in_effect(user)
    assert table["schedule"]["grace_minutes"] == 45 and table["schedule"]["snooze_minutes"] == 7
    assert [(p.path, p.line) for p in loaded.problems] == [(str(admin_file), 6)]
    assert '"holds.nap" in locked is not a setting qlbreak knows' in loaded.problems[0].message
    # a wrong value the organisation gives where the user gives none: said at the organisation's line
    user.write_text("")
    table, loaded = in_effect(user)
    assert table["schedule"]["snooze_minutes"] == 10
    assert (str(admin_file), 3) in [(p.path, p.line) for p in loaded.problems]


def test_a_folder_for_the_file_or_an_unreadable_one_is_a_problem_not_a_stop(admin_file):
    admin_file.mkdir(parents=True)  # a folder where the file should be
    table, loaded = in_effect(write(Path.home() / "config.toml", "[schedule]\nsnooze_minutes = 7\n"))
    assert table["schedule"]["snooze_minutes"] == 7
    assert [p.path for p in loaded.problems] == [str(admin_file)]


def test_admin_in_the_users_file_locks_nothing_and_is_said(admin_file):
    user = write(Path.home() / "config.toml", '[admin]\nlocked = ["holds"]\n\n[holds]\naway = false\n')
    write(admin_file, "[holds]\naway_minutes = 9\n")
    table, loaded = in_effect(user)
    assert table["holds"]["away"] is False and table["holds"]["away_minutes"] == 9 and not loaded.locked
    (said,) = loaded.problems
    assert said.warning and said.line == 1 and "only in your organisation's file" in said.message


def test_a_broken_user_file_at_start_still_gets_the_organisations_settings(admin_file):
    write(admin_file, "[schedule]\nsnooze_minutes = 15\n")
    user = write(Path.home() / "config.toml", "[schedule\n")
    table, loaded = in_effect(user)
    assert table["schedule"]["snooze_minutes"] == 15
    assert loaded.problems[0].path == str(user)


def test_the_language_a_lock_sets_is_the_one_read_before_anything_is_shown(admin_file):
    user = write(Path.home() / "config.toml", '[dialog]\nlanguage = "en"\n')
    write(admin_file, '[admin]\nlocked = ["dialog.language"]\n\n[dialog]\nlanguage = "de"\n')
    assert config.language_setting(user) == "de"
    write(admin_file, '[dialog]\nlanguage = "de"\n')
    assert config.language_setting(user) == "en"
    user.unlink()
    assert config.language_setting(user) == "de"


def test_the_running_app_sees_the_organisations_file_change(admin_file):
    user = write(Path.home() / "config.toml", "[schedule]\nsnooze_minutes = 7\n")
    watch = config.Watch(user, IDS)
    current = config.load(user, IDS).config
    assert watch.changed(current) is None
    write(admin_file, '[admin]\nlocked = ["schedule.snooze_minutes"]\n\n[schedule]\nsnooze_minutes = 15\n')
    loaded = watch.changed(current)
    assert loaded is not None and loaded.config.plan.snooze.total_seconds() == 15 * 60
    assert watch.changed(loaded.config) is None


def test_windows_policies_are_a_layer_above_the_programdata_file(tmp_path):
    hive = {
        "values": {},
        "keys": {
            "schedule": {"values": {"snooze_minutes": (policies_win32.REG_DWORD, 15), "timezone": (1, "local")}},
            "holds": {"values": {"away": (policies_win32.REG_DWORD, 0)}},
            "stretches": {"values": {"equipment": (policies_win32.REG_MULTI_SZ, ["chair", "door-frame"])}},
            "admin": {"values": {"locked": (policies_win32.REG_MULTI_SZ, ["holds.away"])}},
            "reminder": {
                "keys": {
                    "2": {"values": {"name": (1, "lunch"), "time": (1, "12:45")}},
                    "1": {"values": {"name": (1, "start"), "time": (1, "09:00"), "days": (7, ["mon", "tue"])}},
                }
            },
        },
    }
    policy = policies_win32.read(lambda: hive)
    assert policy is not None and policy.path == r"HKLM\Software\Policies\qlbreak"
    programdata = write(tmp_path / "ProgramData" / "qlbreak" / "config.toml", "[schedule]\nsnooze_minutes = 20\n")
    admin = read_admin([programdata], policies=lambda: policy)
    assert admin.files == (policy.path, str(programdata))
    user = write(Path.home() / "config.toml", "[holds]\naway = true\n")
    loaded = config.load(user, IDS, admin=admin)
    table = config.as_table(loaded.config)
    assert table["schedule"]["snooze_minutes"] == 15 and table["holds"]["away"] is False
    assert table["stretches"]["equipment"] == ["chair", "door-frame"]
    assert [(r["name"], r["time"]) for r in table["reminder"]] == [("start", "09:00"), ("lunch", "12:45")]
    assert loaded.locked == {"holds.away": policy.path}
    assert policies_win32.read(lambda: None) is None


def test_no_organisation_file_reads_as_before(admin_file):
    assert read_admin() == Admin()
    user = write(Path.home() / "config.toml", "[schedule]\nsnooze_minutes = 7\n")
    loaded = config.load(user, IDS)
    assert not loaded.locked and not loaded.origins and not loaded.problems


def test_an_organisation_can_say_a_first_run_asks_nothing(admin_file):
    write(admin_file, "[admin]\nwelcome = false\n\n[schedule]\nsnooze_minutes = 15\n")
    admin = read_admin()
    assert admin.welcome is False and not config.load(Path.home() / "none.toml", IDS).problems
    write(admin_file, '[admin]\nwelcome = "no"\nlock = ["holds"]\n')
    loaded = config.load(Path.home() / "none.toml", IDS)
    assert read_admin().welcome is True
    assert [(p.line, p.warning) for p in loaded.problems] == [(3, True), (2, False)]
    assert read_admin([]).welcome is True
