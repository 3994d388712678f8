"""The README's example of one's own exercise, copied into a fresh config folder as a
reader would, loads as written; and the mistake it shows is the one qlbreak says."""

from __future__ import annotations

import re
from pathlib import Path

from qlbreak.stretches.catalogue import load
from qlbreak.stretches.own import load_all, load_own, own_dir
from tests.unit.test_own_stretches import png

README = Path(__file__).resolve().parents[2] / "README.md"


def example() -> str:
    section = README.read_text().split("### Your own stretch or exercise", 1)[1]
    found = re.search(r"```toml\n(.*?)```", section, re.S)
    assert found, "the README's section has no TOML example"
    return found.group(1)


def test_the_readmes_example_loads_in_a_fresh_config_folder(tmp_path):
    config = tmp_path / "qlbreak" / "config.toml"  # not even there: the folder beside it counts
    folder = own_dir(config)
    folder.mkdir(parents=True)
    (folder / "single-leg-stand.toml").write_text(example())
    picture = png(folder / "single-leg-stand.png")
    catalogue, own = load_all(config, load())
    assert own.problems == ()
    stretch = catalogue.get("single-leg-stand")
    assert stretch is not None and stretch.own and stretch.two_sided and stretch.strengthens
    assert (stretch.sets, stretch.rest_seconds, stretch.hold_seconds, stretch.reps) == (2, 20, 30, None)
    assert len(stretch.steps) == 3 and stretch.image == str(picture.resolve())
    assert stretch.at_level("easier").hold_seconds == 15 and stretch.at_level("harder").name.endswith("hands free")


def test_the_mistake_the_readme_shows_is_said_so(tmp_path):
    text = example().replace('sides = "both"', 'sides = "left"')
    (tmp_path / "single-leg-stand.toml").write_text(text)
    found = load_own(tmp_path, load())
    said = re.search(r"\(`(single-leg-stand\.toml:\d+: [^`]+)`\)", README.read_text().replace("\n", " "))
    assert said and found.stretches == ()
    assert said.group(1) in [p.brief().replace(" line ", ":", 1) for p in found.errors]
