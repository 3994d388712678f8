"""The shipped catalogue is complete and safe; a broken entry is reported at file:line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qlbreak.stretches import catalogue as catalog
from qlbreak.stretches.catalogue import CatalogueError, load
from tests.need import missing

REQUIRED = {
    "ql-stick-stretch",
    "ql-ball-release",
    "lumbar-rotation",
    "seated-side-bend",
    "standing-side-bend",
    "seated-twist",
    "seated-figure-four",
    "standing-hip-flexor",
    "knee-to-chest",
    "band-hamstring",
    "cat-cow",
    "child-pose-side-reach",
    "gentle-walk",
}
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
GOOD = """\
id = "{id}"
name = "Test stretch"
summary = "One line."
targets = ["ql"]
position = "seated"
equipment = ["chair"]
sides = "both"
hold_seconds = 30
steps = ["Sit.", "Lean."]
gently = "Easy does it."
image = "stretches/{id}.png"
left = "left arm up"
right = "right arm up"
"""


@pytest.fixture(scope="module")
def shipped() -> catalog.Catalogue:
    return load()


def test_ships_every_required_stretch(shipped):
    assert shipped.ids >= REQUIRED


def test_every_floor_stretch_has_a_no_floor_alternative(shipped):
    floor = [stretch for stretch in shipped if not stretch.no_floor]
    assert floor, "no floor stretch: the check below would check nothing"
    for stretch in floor:
        alternative = shipped.get(stretch.alternative or "")
        assert alternative is not None and alternative.no_floor, stretch.id


def test_timings_match_the_content_brief(shipped):
    assert shipped.get("ql-stick-stretch").hold_seconds == 60
    assert 60 <= shipped.get("ql-ball-release").hold_seconds <= 120
    assert 8 <= shipped.get("cat-cow").reps <= 10
    assert not shipped.get("cat-cow").two_sided and not shipped.get("gentle-walk").two_sided
    assert 180 <= shipped.get("gentle-walk").hold_seconds <= 300
    for stretch_id in REQUIRED - {"ql-stick-stretch", "ql-ball-release", "cat-cow", "gentle-walk"}:
        assert 20 <= shipped.get(stretch_id).hold_seconds <= 30, stretch_id
        assert shipped.get(stretch_id).two_sided, stretch_id


def test_positions_match_the_content_brief(shipped):
    assert {s.id for s in shipped if s.position == "lying"} >= {
        "ql-ball-release",
        "lumbar-rotation",
        "knee-to-chest",
        "band-hamstring",
    }
    assert shipped.get("cat-cow").position == "hands-and-knees"
    assert shipped.get("child-pose-side-reach").position == "kneeling"


def test_images_are_named_after_the_stretch(shipped):
    assert all(s.image == f"stretches/{s.id}.png" for s in shipped)
    for s in shipped:
        assert all(v.image == f"stretches/{s.id}-{v.equipment}.png" for v in s.variants), s.id


def test_a_broken_variant_is_reported_at_its_line(tmp_path):
    text = GOOD.format(id="v").replace('equipment = ["chair"]', 'equipment = ["stick", "door-frame"]')
    text += '[variants.door-frame]\nname = ""\nsteps = []\nimage = "stretches/v-door-frame.png"\ncolour = 1\n'
    text += '[variants.ball]\nname = "Ball"\nsteps = ["Roll."]\nimage = "stretches/v-ball.png"\n'
    path = write(tmp_path, "v", text)
    found = problems(tmp_path)
    assert f"{path}:15: variants.door-frame.name must be a non-empty string" in found
    assert f"{path}:16: a stretch has 1 to 4 steps, not 0" in found
    assert f"{path}:18: unknown key 'colour' in variants.door-frame" in found
    assert f"{path}:19: a variant is for one of the equipment (stick, door-frame), not 'ball'" in found


def test_no_sentence_is_copied_from_the_sources(shipped):
    if not any(SEEDS.glob("*.txt")):  # an empty source: every run of words would be "not in" it
        missing("the source documents (../shared/seeds/*.txt) are not beside this checkout")

    def words(text: str) -> list[str]:
        return re.findall(r"[a-z']+", text.lower())

    source = " ".join(" ".join(words(p.read_text())) for p in SEEDS.glob("*.txt"))
    for stretch in shipped:
        for text in (stretch.summary, stretch.gently, *stretch.steps):
            w = words(text)
            for i in range(len(w) - 7):
                run = " ".join(w[i : i + 8])
                assert run not in source, f"{stretch.id}: {run!r} is copied from a source"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.toml"
    path.write_text(text)
    return path


def problems(folder: Path) -> list[str]:
    with pytest.raises(CatalogueError) as caught:
        load(folder)
    return [str(p) for p in caught.value.problems]


def test_errors_name_file_and_line(tmp_path):
    bad = GOOD.format(id="bad").replace('position = "seated"', 'position = "upside-down"')
    bad = bad.replace('steps = ["Sit.", "Lean."]', "steps = []")
    path = write(tmp_path, "bad", bad)
    found = problems(tmp_path)
    positions = "standing, walking, seated, lying, kneeling, hands-and-knees"
    assert f"{path}:5: position must be one of {positions}, not 'upside-down'" in found
    assert f"{path}:9: a stretch has 1 to 4 steps, not 0" in found


def test_toml_syntax_error_names_the_line(tmp_path):
    path = write(tmp_path, "broken", GOOD.format(id="broken").replace("hold_seconds = 30", "hold_seconds = = 30"))
    (message,) = problems(tmp_path)
    assert message.startswith(f"{path}:8: not valid TOML")


def test_floor_stretch_without_alternative(tmp_path):
    path = write(tmp_path, "floor", GOOD.format(id="floor").replace('"seated"', '"lying"'))
    assert problems(tmp_path) == [f"{path}:5: a floor stretch needs an 'alternative' that needs no floor"]


def test_alternative_must_exist_and_need_no_floor(tmp_path):
    write(tmp_path, "a", GOOD.format(id="a").replace('"seated"', '"lying"') + 'alternative = "b"\n')
    path_b = write(tmp_path, "b", GOOD.format(id="b").replace('"seated"', '"kneeling"') + 'alternative = "zzz"\n')
    found = problems(tmp_path)
    assert f"{tmp_path / 'a.toml'}:14: alternative 'b' is itself a floor stretch" in found
    assert f"{path_b}:14: unknown stretch 'zzz'" in found


def test_missing_and_unknown_keys_and_id_mismatch(tmp_path):
    text = GOOD.format(id="other").replace('gently = "Easy does it."\n', "colour = 3\n")
    path = write(tmp_path, "mine", text)
    found = problems(tmp_path)
    assert f"{path}:10: unknown key 'colour'" in found
    assert f"{path}:1: missing key 'gently'" in found


def test_wrong_types(tmp_path):
    text = GOOD.format(id="t").replace("hold_seconds = 30", "hold_seconds = 3000").replace('["chair"]', '["rope"]')
    path = write(tmp_path, "t", text + "reps = true\n")
    found = problems(tmp_path)
    assert f"{path}:8: hold_seconds must be a whole number from 5 to 900" in found
    assert f"{path}:6: unknown equipment 'rope'; known: {', '.join(catalog.EQUIPMENT)}" in found
    assert f"{path}:14: reps must be a whole number from 1 to 50" in found


def test_close_matches(shipped):
    assert "seated-twist" in shipped.close_matches("seated-twsit")


def test_known_ids_are_the_loaded_ids(shipped):
    assert catalog.known_ids() == shipped.ids


def test_a_two_sided_stretch_says_what_each_side_means_and_a_range_holds_its_time(tmp_path):
    path = write(tmp_path, "s", GOOD.format(id="s").replace('left = "left arm up"\n', "") + "hold_range = [40, 60]\n")
    found = problems(tmp_path)
    assert any(p.startswith(f"{path}:7: a two-sided stretch says what each side means") for p in found)
    assert f"{path}:8: hold_seconds 30 is outside hold_range [40, 60]" in found


def test_every_shipped_two_sided_stretch_names_its_sides_by_the_body(shipped):
    for s in shipped:
        if s.two_sided:
            assert "left" in s.left and "right" in s.right, s.id


def test_a_stretch_is_found_by_its_id_or_a_part_of_its_name(shipped):
    assert [s.id for s in shipped.matching("lumbar-rotation")] == ["lumbar-rotation"]
    assert [s.id for s in shipped.matching("Knee Drop")] == ["lumbar-rotation"]
    assert [s.id for s in shipped.matching("knee to chest")] == ["knee-to-chest"]
    assert len(shipped.matching("side")) > 1 and shipped.matching("nothing like it") == []
