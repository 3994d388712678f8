"""``[dialog] language`` (issue 25): "system" by default, in the template, read with
file:line words for a mistake, written in place, merged with hand edits, told to the
settings window."""

from __future__ import annotations

import json
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from qlbreak.storage import config, config_template
from qlbreak.storage.config_edit import edited
from qlbreak.storage.config_merge import merge
from qlbreak.storage.config_save import save
from qlbreak.stretches.catalogue import load as load_catalogue

IDS = load_catalogue().ids


def test_the_system_language_by_default_and_the_template_says_what_else():
    assert config.Config().language == "system"
    assert tomllib.loads(config_template.DEFAULT_FILE)["dialog"]["language"] == "system"
    line = next(x for x in config_template.DEFAULT_FILE.splitlines() if x.startswith("language"))
    assert "en" in line and "de" in line
    assert config.parse(config_template.DEFAULT_FILE.encode(), "t", IDS).config == config.Config()


@pytest.mark.parametrize("code", ["de", "en", "system", "pt_BR", "zh_Hans"])
def test_a_code_is_read(tmp_path: Path, code: str):
    path = tmp_path / "config.toml"
    path.write_text(f'[dialog]\nlanguage = "{code}"\n')
    assert config.load(path, IDS) == config.Loaded(config.Config(language=code))


@pytest.mark.parametrize("value", ['"German"', "1", '"de-DE; rm"', '""'])
def test_a_mistake_is_named_by_its_line_and_keeps_the_language_in_use(tmp_path: Path, value: str):
    path = tmp_path / "config.toml"
    path.write_text(f"[dialog]\nsound = true\nlanguage = {value}\n")
    loaded = config.load(path, IDS, keep=config.Config(language="de"))
    (problem,) = loaded.errors
    assert problem.key == ("dialog", "language") and f"{path}:3:" in str(problem)
    assert 'language must be "system" or a language code' in str(problem)
    assert loaded.config.language == "de"


def test_written_in_place_only_when_it_differs_and_round_trips(tmp_path: Path):
    raw = b'[dialog]\ntheme = "dark"   # mine\n'
    dark = replace(config.Config(), theme="dark")
    assert edited(raw, "config.toml", dark, IDS) == raw
    assert edited(raw, "config.toml", replace(dark, language="de"), IDS) == raw + b'language = "de"\n'
    path = tmp_path / "config.toml"
    save(path, config.Config(language="de"), IDS)
    assert config.load(path, IDS).config.language == "de"


def test_a_hand_edit_of_another_key_survives_the_window_changing_it():
    base = config.Config()
    hand = replace(base, theme="dark")
    merged = merge(base, replace(base, language="de"), ("morning", "lunch"), hand)
    assert (merged.config.language, merged.config.theme, merged.conflicts) == ("de", "dark", ())


def test_the_settings_window_is_told():
    c = config.Config(language="de")
    table = json.loads(json.dumps(config.as_table(c)))
    assert table["dialog"]["language"] == "de" and config.in_effect(table, IDS) == c


@pytest.mark.parametrize(
    ("text", "setting"),
    [
        ('[dialog]\nlanguage = "de"\n', "de"),
        ("[dialog]\ntheme = 'dark'\n", "system"),
        ('language = "de"\n', "system"),  # not in [dialog]
        ("[dialog\nlanguage = ", "system"),  # broken: config --check says why
        (b"\xff\xfe", "system"),
        ("[dialog]\nlanguage = 1\n", "system"),
    ],
)
def test_the_setting_is_read_before_anything_else(tmp_path: Path, text: str | bytes, setting: str) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    assert config.language_setting(path) == setting
    assert config.language_setting(tmp_path / "missing.toml") == "system"


def test_the_setting_alone_is_read_safely_from_a_hostile_file(tmp_path: Path):
    deep = tmp_path / "deep.toml"
    deep.write_text("[dialog]\nlanguage = " + "[" * 500 + "]" * 500 + "\n")
    assert config.language_setting(deep) == "system"  # nested too deeply: no RecursionError
    huge = tmp_path / "huge.toml"
    huge.write_bytes(b"# " + b"x" * (2 * 1024 * 1024) + b"\n")
    assert config.language_setting(huge) == "system"  # over a mebibyte: not read to the end
