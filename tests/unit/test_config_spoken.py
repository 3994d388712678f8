"""``[dialog] spoken_cues`` (issue 24): off by default, in the template ``qlbreak config
--init`` writes, read with file:line words for a mistake, written in place, merged with
hand edits, and told to the stretch window."""

from __future__ import annotations

import json
import tomllib
from dataclasses import replace
from pathlib import Path

from qlbreak.storage import config, config_template
from qlbreak.storage.config_edit import edited
from qlbreak.storage.config_merge import merge
from qlbreak.storage.config_save import save
from qlbreak.stretches.catalogue import load as load_catalogue
from qlbreak.ui import spec

IDS = load_catalogue().ids


def test_off_by_default_and_the_template_says_so_with_what_it_does():
    assert config.Config().spoken_cues is False
    assert tomllib.loads(config_template.DEFAULT_FILE)["dialog"]["spoken_cues"] is False
    before = config_template.DEFAULT_FILE.split("spoken_cues = false", 1)[0].rsplit("\n\n", 1)[-1]
    assert "a voice says when to switch sides" in before
    assert config.parse(config_template.DEFAULT_FILE.encode(), "t", IDS).config == config.Config()


def test_read_and_a_mistake_named_by_its_line_keeps_the_value_in_use(tmp_path: Path):
    path = tmp_path / "config.toml"
    path.write_text("[dialog]\nspoken_cues = true\n")
    assert config.load(path, IDS) == config.Loaded(config.Config(spoken_cues=True))
    path.write_text('[dialog]\nsound = true\nspoken_cues = "yes"\n')
    loaded = config.load(path, IDS, keep=config.Config(spoken_cues=True))
    (problem,) = loaded.errors
    assert problem.key == ("dialog", "spoken_cues") and f"{path}:3:" in str(problem)
    assert loaded.config.spoken_cues is True


def test_written_in_place_only_when_it_differs_and_round_trips(tmp_path: Path):
    raw = b'[dialog]\ntheme = "dark"   # mine\n'
    dark = replace(config.Config(), theme="dark")
    assert edited(raw, "config.toml", dark, IDS) == raw
    out = edited(raw, "config.toml", replace(dark, spoken_cues=True), IDS)
    assert out == raw + b"spoken_cues = true\n"
    path = tmp_path / "config.toml"
    save(path, config.Config(spoken_cues=True), IDS)
    assert config.load(path, IDS).config.spoken_cues is True


def test_a_hand_edit_of_another_key_survives_the_window_turning_it_on():
    base = config.Config()
    hand = replace(base, theme="dark")
    merged = merge(base, replace(base, spoken_cues=True), ("morning", "lunch"), hand)
    assert (merged.config.spoken_cues, merged.config.theme, merged.conflicts) == (True, "dark", ())


def test_the_settings_window_and_the_stretch_window_are_told():
    c = config.Config(spoken_cues=True)
    table = json.loads(json.dumps(config.as_table(c)))
    assert table["dialog"]["spoken_cues"] is True and config.in_effect(table, IDS) == c
    stretch = load_catalogue().get("cat-cow")
    told = spec.stretch(stretch, c, _paths(), "light")
    assert told["spoken_cues"] is True


def _paths():
    from qlbreak.storage.paths import default_paths

    return default_paths()
