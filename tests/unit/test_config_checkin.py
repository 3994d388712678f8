"""The ``[checkin]`` settings (issue 22): ``ask`` (the morning check-in) and ``tighter``
(how much longer the side named tighter is held): read with file:line words for each
mistake, written in place with comments kept, merged with hand edits, in the template
``qlbreak config --init`` writes and in what ``qlbreak config --check`` says."""

from __future__ import annotations

import io
import json
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from qlbreak.cli import main
from qlbreak.storage import config, config_save, config_template
from qlbreak.storage.config_edit import edited
from qlbreak.storage.config_merge import merge, tighter_words
from qlbreak.storage.config_save import HandEdits, save, save_changes
from qlbreak.storage.paths import default_paths
from qlbreak.stretches.catalogue import load as load_catalogue

IDS = load_catalogue().ids


@pytest.fixture(autouse=True)
def _no_wait(monkeypatch):
    monkeypatch.setattr(config_save, "QUIET", 0.01)


def load_text(tmp_path: Path, text: str, keep: config.Config | None = None) -> config.Loaded:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return config.load(path, IDS, keep=keep)


def test_the_defaults_ask_and_hold_the_tighter_side_half_as_long_again(tmp_path):
    c = load_text(tmp_path, "[checkin]\n").config
    assert (c.checkin, c.tighter) == (True, 1.5) and c == config.Config()


@pytest.mark.parametrize(
    ("text", "ask", "tighter"),
    [
        ("ask = false\n", False, 1.5),
        ("tighter = 2\n", True, 2.0),  # a whole number is a number too
        ("tighter = 1\n", True, 1.0),
        ("tighter = 1.25\nask = true\n", True, 1.25),
    ],
)
def test_good_values_are_read(tmp_path, text, ask, tighter):
    loaded = load_text(tmp_path, "[checkin]\n" + text)
    assert loaded.problems == ()
    assert (loaded.config.checkin, loaded.config.tighter) == (ask, tighter)
    assert isinstance(loaded.config.tighter, float)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('ask = "yes"\n', 3, 'ask must be true or false (without quotes), not "yes"'),
        ("ask = 1\n", 3, "ask must be true or false (without quotes), not 1"),
        ('tighter = "1.5"\n', 3, "tighter must be a number from 1.0 (held as long as the other side) to 2.0"),
        ("tighter = true\n", 3, "tighter must be a number from 1.0"),
        ("tighter = 2.5\n", 3, "to 2.0 (twice as long), not 2.5"),
        ("tighter = 0.5\n", 3, "not 0.5"),
        ("tighter = 0\n", 3, "not 0"),
        ("tighter = nan\n", 3, "not nan"),
        ("tighter = inf\n", 3, "not inf"),
    ],
)
def test_a_bad_value_is_said_at_its_line_and_falls_back(tmp_path, text, line, message):
    path = tmp_path / "config.toml"
    loaded = load_text(tmp_path, "# mine\n[checkin]\n" + text)
    (problem,) = loaded.problems
    assert str(problem).startswith(f"{path}:{line}: ") and message in str(problem)
    assert not problem.warning and "Traceback" not in str(problem)
    assert loaded.config == config.Config()  # at start: the default
    running = config.Config(checkin=False, tighter=2.0)  # once running: the broken one keeps the value in use
    again = config.load(path, IDS, keep=running).config
    assert (again.checkin, again.tighter) == ((False, 1.5) if text.startswith("ask") else (True, 2.0))


def test_the_other_key_of_the_table_still_counts(tmp_path):
    loaded = load_text(tmp_path, '[checkin]\nask = false\ntighter = "a lot"\n')
    assert [p.line for p in loaded.errors] == [3]
    assert (loaded.config.checkin, loaded.config.tighter) == (False, 1.5)


def test_a_misspelt_key_is_a_warning_with_a_hint_and_checkin_not_a_table_is_an_error(tmp_path):
    path = tmp_path / "config.toml"
    loaded = load_text(tmp_path, "[checkin]\ntigther = 2.0\n")
    assert [str(p) for p in loaded.problems] == [
        f"{path}:2: warning: 'tigther' in [checkin] is not a setting qlbreak knows \N{EM DASH}"
        " did you mean 'tighter'? It was left out"
    ]
    loaded = load_text(tmp_path, "checkin = false\n")
    (problem,) = loaded.errors
    assert str(problem) == (
        f"{path}:1: checkin is a section: write [checkin] on a line of its own, its settings below it"
    )


def test_the_template_says_both_keys_with_a_comment_and_means_the_defaults():
    assert tomllib.loads(config_template.DEFAULT_FILE)["checkin"] == {"ask": True, "tighter": 1.5}
    lines = config_template.DEFAULT_FILE.splitlines()
    ask = next(line for line in lines if line.startswith("ask = "))
    tighter = next(line for line in lines if line.startswith("tighter = "))
    assert "#" in ask and "1.0 (the same) to 2.0" in tighter
    assert config.parse(config_template.DEFAULT_FILE.encode(), "t", IDS).config == config.Config()


def test_the_readme_shows_both_keys_as_the_defaults():
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    section = readme.split("## The settings file", 1)[1]
    block = section.split("```toml\n", 1)[1].split("```", 1)[0]
    assert tomllib.loads(block)["checkin"] == {"ask": True, "tighter": 1.5}
    assert "docs/screenshots/settings-checkin.png" in section


def test_the_settings_in_effect_carry_both_to_the_settings_window(tmp_path):
    c = config.Config(checkin=False, tighter=2.0)
    table = json.loads(json.dumps(config.as_table(c)))
    assert table["checkin"] == {"ask": False, "tighter": 2.0}
    assert config.in_effect(table, IDS) == c
    table["checkin"]["tighter"] = 3.0
    assert config.in_effect(table, IDS) is None


def test_the_words_for_each_factor():
    assert [tighter_words(f) for f in (1.0, 1.5, 2.0, 1.25)] == [
        "the same as the other side",
        "half as long again",
        "twice as long",
        "1.25 times as long",
    ]


# -- writing ------------------------------------------------------------------------------

MINE = """\
# Mine.
[dialog]
theme = "dark"   # easier on the eyes

# asked each morning
[checkin]
ask = true       # I like it
tighter = 2      # my left side, mostly
"""


def test_a_save_changes_only_the_value_and_keeps_every_comment():
    base = config.parse(MINE.encode(), "config.toml", IDS).config
    assert base.tighter == 2.0
    assert edited(MINE.encode(), "config.toml", base, IDS) == MINE.encode()  # 2 means 2.0: not rewritten
    out = edited(MINE.encode(), "config.toml", replace(base, checkin=False, tighter=1.5), IDS).decode()
    assert out == MINE.replace("ask = true", "ask = false").replace("tighter = 2", "tighter = 1.5")


def test_a_file_without_the_table_gets_it_only_when_a_value_differs_from_its_default():
    raw = b'[dialog]\ntheme = "dark"\n'
    assert edited(raw, "config.toml", replace(config.Config(), theme="dark"), IDS) == raw
    out = edited(raw, "config.toml", replace(config.Config(), theme="dark", tighter=1.0), IDS)
    assert out == raw + b"\n[checkin]\ntighter = 1.0\n"
    assert config.parse(out, "config.toml", IDS).config.tighter == 1.0


def test_save_round_trip_through_the_file(tmp_path):
    path = tmp_path / "config.toml"
    for ask, tighter in ((False, 2.0), (True, 1.0), (True, 1.5), (False, 1.25)):
        wanted = config.Config(checkin=ask, tighter=tighter)
        save(path, wanted, IDS)
        assert config.load(path, IDS) == config.Loaded(wanted)
        assert "# qlbreak settings." in path.read_text()  # the template's comments stay


def rows(c: config.Config) -> tuple[str, ...]:
    return tuple(r.name for r in c.plan.reminders)


def test_a_hand_edit_of_the_other_key_survives_and_the_same_key_both_ways_is_asked(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(MINE)
    base = config.load(path, IDS).config
    window = replace(base, checkin=False)
    path.write_text(MINE.replace("tighter = 2 ", "tighter = 1.5"))  # by hand, meanwhile
    save_changes(path, base, window, rows(window), IDS)
    now = config.load(path, IDS).config
    assert (now.checkin, now.tighter) == (False, 1.5)
    assert "# my left side, mostly" in path.read_text()

    base = now
    path.write_text(path.read_text().replace("tighter = 1.5", "tighter = 1.0"))
    window = replace(base, tighter=2.0)
    with pytest.raises(HandEdits) as told:
        save_changes(path, base, window, rows(window), IDS)
    assert "The tighter side's hold: the same as the other side in the file, twice as long here" in str(told.value)
    merged = merge(base, window, rows(window), config.load(path, IDS).config, {("checkin", "tighter"): 1.0})
    assert merged.config.tighter == 2.0 and not merged.conflicts


# -- the command line -----------------------------------------------------------------------


def qlbreak(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out, io.StringIO()), out.getvalue()


def test_config_init_writes_it_and_check_reports_it(private_home):
    assert qlbreak("config", "--init")[0] == 0
    path = default_paths().config_file
    assert "[checkin]\nask = true" in path.read_text()
    assert qlbreak("config", "--check") == (0, f"{path}: ok\n")
    path.write_text(path.read_text().replace("tighter = 1.5", "tighter = 3"))
    line = path.read_text().splitlines().index(next(x for x in path.read_text().splitlines() if "tighter = 3" in x))
    status, out = qlbreak("config", "--check")
    assert status == 1
    assert out.splitlines() == [
        f"{path}:{line + 1}: tighter must be a number from 1.0 (held as long as the other side) to 2.0"
        " (twice as long), not 3",
        f"{path}: 1 error",
    ]
