"""Strengthening exercises in the catalogue (issue 24, item 2): their keys are checked
at file:line, they survive the trip to the window and back, their levels and amounts
read right, and a plain reminder never offers one."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from qlbreak.cli import main
from qlbreak.core.picker import Preferences, why_not
from qlbreak.core.vocabulary import EQUIPMENT
from qlbreak.stretches import wording
from qlbreak.stretches.catalogue import Catalogue, CatalogueError, Level, Stretch, load
from qlbreak.stretches.checking import check_alternatives, check_file
from qlbreak.stretches.choosing import choose

OFFICE = ("wall-side-plank", "hip-hitch", "sit-to-stand", "standing-hip-abduction", "seated-core-brace", "wall-angel")
FLOOR = {
    "side-plank-knees": "wall-side-plank",
    "bird-dog": "seated-core-brace",
    "glute-bridge": "sit-to-stand",
    "dead-bug": "seated-core-brace",
}
EXERCISE = """\
id = "{id}"
name = "Test exercise"
summary = "One line."
targets = ["core"]
position = "standing"
equipment = ["none"]
sides = "none"
kind = "strengthen"
sets = 3
rest_seconds = 30
reps = 10
hold_seconds = 40
breath = "Breathe out as you lift."
steps = ["Stand.", "Lift."]
gently = "Stop if it hurts."
image = "stretches/{id}.png"

[easier]
name = "Easier"
reps = 6

[harder]
name = "Harder"
steps = ["Stand on one leg.", "Lift."]
sets = 4
"""
STRETCH = """\
id = "{id}"
name = "Test stretch"
summary = "One line."
targets = ["ql"]
position = "seated"
equipment = ["chair"]
sides = "none"
hold_seconds = 30
steps = ["Sit.", "Lean."]
gently = "Easy does it."
image = "stretches/{id}.png"
"""


@pytest.fixture(scope="module")
def shipped() -> Catalogue:
    return load()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.toml"
    path.write_text(text)
    return path


def problems(folder: Path) -> list[str]:
    with pytest.raises(CatalogueError) as caught:
        load(folder)
    return [str(p) for p in caught.value.problems]


def test_a_good_exercise_loads_with_its_levels(tmp_path: Path) -> None:
    write(tmp_path, "e", EXERCISE.format(id="e"))
    (exercise,) = load(tmp_path)
    assert exercise.strengthens and (exercise.sets, exercise.rest_seconds, exercise.reps) == (3, 30, 10)
    assert exercise.breath == "Breathe out as you lift."
    assert exercise.easier == Level(name="Easier", reps=6)
    assert exercise.harder == Level(name="Harder", steps=("Stand on one leg.", "Lift."), sets=4)
    assert exercise.timing.sets == 3 and exercise.timing.rest == 30.0


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (('kind = "strengthen"', 'kind = "lift"'), 8, "kind must be one of stretch, strengthen, not 'lift'"),
        (("sets = 3", "sets = 0"), 9, "sets must be a whole number from 1 to 5"),
        (("sets = 3", "sets = 6"), 9, "sets must be a whole number from 1 to 5"),
        (("sets = 3", "sets = true"), 9, "sets must be a whole number from 1 to 5"),
        (("rest_seconds = 30", "rest_seconds = 9"), 10, "rest_seconds must be a whole number from 10 to 120"),
        (("rest_seconds = 30", "rest_seconds = 121"), 10, "rest_seconds must be a whole number from 10 to 120"),
        (('breath = "Breathe out as you lift."', 'breath = "  "'), 13, "breath must say how to breathe (never held)"),
        (('breath = "Breathe out as you lift."', "breath = 3"), 13, "breath must be a string"),
        (('breath = "Breathe out as you lift."\n', ""), 8, "an exercise needs 'breath'"),
        (("sets = 3\n", ""), 8, "an exercise needs 'sets'"),
        (("rest_seconds = 30\n", ""), 8, "an exercise needs 'rest_seconds'"),
        (('[harder]\nname = "Harder"\n', '[harder]\ncolour = "red"\nname = "Harder"\n'), 23, None),
        (("reps = 6", "reps = 0"), 20, "easier.reps must be a whole number from 1 to 50"),
        (("sets = 4", "sets = 9"), 25, "harder.sets must be a whole number from 1 to 5"),
        (('name = "Easier"', 'name = ""'), 19, "easier.name must be a non-empty string"),
        (('name = "Easier"\n', "hold_seconds = 2\n"), 19, "easier.hold_seconds must be a whole number from 5 to 900"),
        (('steps = ["Stand on one leg.", "Lift."]', "steps = []"), 24, "a stretch has 1 to 4 steps, not 0"),
        (
            ('steps = ["Stand on one leg.", "Lift."]', "steps = [1]"),
            24,
            "harder.steps must be a list of non-empty strings",
        ),
    ],
)
def test_every_fault_in_an_exercise_is_told_at_its_line(
    tmp_path: Path, change: tuple[str, str], line: int, message: str | None
) -> None:
    text = EXERCISE.format(id="e")
    assert change[0] in text, change
    path = write(tmp_path, "e", text.replace(change[0], change[1], 1))
    found = problems(tmp_path)
    expected = message or "unknown key 'colour' in [harder]; known: name, steps, image, reps, hold_seconds, sets"
    assert f"{path}:{line}: {expected}" in found, found


def test_an_exercise_without_both_levels_is_told_at_its_kind(tmp_path: Path) -> None:
    text = EXERCISE.format(id="e")
    path = write(tmp_path, "e", text[: text.index("[easier]")] + "[easier]\nsets = 2\n")
    found = problems(tmp_path)
    assert f"{path}:8: an exercise needs a [harder] table" in found
    assert f"{path}:18: [easier] is missing 'name'" in found
    path = write(tmp_path, "e", text.replace("[easier]\n", "[easy]\n"))
    assert f"{path}:18: unknown key 'easy'" in problems(tmp_path)


def test_a_level_is_a_table(tmp_path: Path) -> None:
    text = EXERCISE.format(id="e")
    path = write(
        tmp_path, "e", text[: text.index("[easier]")] + 'easier = "smaller"\n' + text[text.index("[harder]") :]
    )
    assert f"{path}:18: easier must be a table: [easier]" in problems(tmp_path)


@pytest.mark.parametrize(
    ("extra", "line", "key"),
    [
        ("sets = 2\n", 12, "sets"),
        ("rest_seconds = 20\n", 12, "rest_seconds"),
        ('breath = "In and out."\n', 12, "breath"),
        ('[easier]\nname = "Easier"\n', 12, "easier"),
        ('[harder]\nname = "Harder"\n', 12, "harder"),
    ],
)
def test_a_stretch_has_no_sets_nor_levels(tmp_path: Path, extra: str, line: int, key: str) -> None:
    path = write(tmp_path, "s", STRETCH.format(id="s") + extra)
    assert problems(tmp_path) == [f'{path}:{line}: {key} is for an exercise (kind = "strengthen"), not a stretch']
    write(tmp_path, "s", STRETCH.format(id="s") + 'kind = "stretch"\n')
    assert len(load(tmp_path)) == 1


def test_check_file_gives_the_exercise_or_its_problems(tmp_path: Path) -> None:
    good = write(tmp_path, "e", EXERCISE.format(id="e"))
    checked = check_file(good)
    assert isinstance(checked, Stretch) and checked.id == "e"
    bad = write(tmp_path, "b", EXERCISE.format(id="b").replace("sets = 3", "sets = 0"))
    assert [str(p) for p in check_file(bad)] == [f"{bad}:9: sets must be a whole number from 1 to 5"]  # type: ignore[union-attr]
    gone = check_file(tmp_path / "gone.toml")
    assert isinstance(gone, list) and str(gone[0]).endswith("gone.toml:1: the file is gone")
    floor = write(tmp_path, "f", EXERCISE.format(id="f").replace('"standing"', '"lying"') + "")
    lying = check_file(floor)
    assert isinstance(lying, Stretch)
    assert [str(p) for p in check_alternatives({floor: lying}, {})] == [
        f"{floor}:5: a floor stretch needs an 'alternative' that needs no floor"
    ]


def test_an_exercise_stands_in_for_an_exercise(tmp_path: Path) -> None:
    floor = EXERCISE.format(id="e").replace('"standing"', '"lying"').replace("[easier]", 'alternative = "s"\n[easier]')
    path = write(tmp_path, "e", floor)
    write(tmp_path, "s", STRETCH.format(id="s"))
    assert problems(tmp_path) == [
        f"{path}:18: alternative 's' is a stretch; an exercise's alternative is an exercise too"
    ]
    write(tmp_path, "s", EXERCISE.format(id="s"))
    assert len(load(tmp_path)) == 2


def test_the_ten_exercises_are_shipped_as_the_contract_says(shipped: Catalogue) -> None:
    exercises = {s.id: s for s in shipped if s.strengthens}
    assert set(exercises) == set(OFFICE) | set(FLOOR)
    for stretch_id in OFFICE:
        assert exercises[stretch_id].no_floor and exercises[stretch_id].alternative is None, stretch_id
    for stretch_id, alternative in FLOOR.items():
        assert not exercises[stretch_id].no_floor and exercises[stretch_id].alternative == alternative, stretch_id
    two_sided = {s.id for s in exercises.values() if s.two_sided}
    assert two_sided == {
        "wall-side-plank",
        "hip-hitch",
        "standing-hip-abduction",
        "side-plank-knees",
        "bird-dog",
        "dead-bug",
    }
    holds = {s.id for s in exercises.values() if s.reps is None}
    assert holds == {"wall-side-plank", "side-plank-knees"}
    assert "step" in exercises["hip-hitch"].equipment and "chair" in exercises["sit-to-stand"].equipment
    for exercise in exercises.values():
        assert exercise.easier is not None and exercise.harder is not None, exercise.id
        assert exercise.image == f"stretches/{exercise.id}.png"
        pace = exercise.hold_seconds / (exercise.reps or 1)
        assert exercise.reps is None or 3 <= pace <= 12, f"{exercise.id}: {pace:.1f} s a rep"


def test_every_exercise_survives_the_trip_to_the_window(shipped: Catalogue) -> None:
    for stretch in shipped:
        spec = json.loads(json.dumps(stretch.as_spec()))  # as the window's command line carries it
        assert Stretch.from_spec(spec) == stretch, stretch.id
        for level in ("easier", "harder"):
            once = stretch.at_level(level)
            assert Stretch.from_spec(json.loads(json.dumps(once.as_spec()))) == once


def test_at_level_takes_what_the_level_changes_and_keeps_the_rest(shipped: Catalogue) -> None:
    bridge = shipped.get("glute-bridge")
    assert bridge is not None and bridge.easier is not None and bridge.harder is not None
    easier = bridge.at_level("easier")
    assert easier.name == bridge.easier.name and easier.steps == bridge.easier.steps
    assert (easier.reps, easier.hold_seconds, easier.sets) == (bridge.easier.reps, bridge.easier.hold_seconds, 3)
    assert easier.image == bridge.image and easier.breath == bridge.breath and easier.gently == bridge.gently
    assert easier.easier is None and easier.harder is None  # a level is not levelled again
    harder = bridge.at_level("harder")
    assert harder.reps == bridge.reps and harder.hold_seconds == bridge.harder.hold_seconds
    assert bridge.at_level("standard") is bridge
    twist = shipped.get("seated-twist")
    assert twist is not None and twist.at_level("harder") is twist  # a stretch has no levels


def test_the_amount_in_words() -> None:
    base = Stretch.from_spec(load().get("hip-hitch").as_spec())  # type: ignore[union-attr]
    assert wording.amount(base) == "3 sets of 10 a side, 30 s rest"
    plank = load().get("wall-side-plank")
    assert plank is not None and wording.amount(plank) == "3 × 20 s a side, 30 s rest"
    assert wording.amount(plank.at_level("easier")) == "3 × 15 s a side, 30 s rest"
    from dataclasses import replace

    assert wording.amount(replace(base, two_sided=False, sets=1)) == "10 times"
    assert wording.amount(replace(plank, two_sided=False, sets=2, rest_seconds=45)) == "2 × 20 s, 45 s rest"
    twist = load().get("seated-twist")
    assert twist is not None and wording.amount(twist) == "30 seconds each side"


def test_as_json_tells_an_exercise_apart(shipped: Catalogue) -> None:
    bridge = shipped.get("glute-bridge")
    assert bridge is not None
    shown = bridge.as_json()
    assert shown["kind"] == "strengthen" and shown["sets"] == 3 and shown["rest_seconds"] == 30
    assert isinstance(shown["breath"], str) and "breathe" in shown["breath"].lower()
    assert isinstance(shown["easier"], dict) and shown["easier"]["name"] == "Small bridge"
    assert shown["easier"]["reps"] == 8 and shown["easier"]["sets"] is None  # None: the standard one's
    assert isinstance(shown["harder"], dict) and shown["harder"]["name"] == "Bridge with a pause"
    twist = shipped.get("seated-twist")
    assert twist is not None
    assert {k: twist.as_json()[k] for k in ("kind", "sets", "easier", "harder")} == {
        "kind": "stretch",
        "sets": 1,
        "easier": None,
        "harder": None,
    }


def test_a_plain_reminder_never_offers_an_exercise(shipped: Catalogue) -> None:
    """Until a strengthening programme offers them, exercises stay out of the rotation,
    whatever the user has to hand and wherever they are."""

    class NoHistory:
        def events(self, since: datetime | None = None) -> list[object]:
            return []

        def last_stretch(self) -> None:
            return None

        def done(self) -> list[object]:
            return []

    everything = Preferences(no_floor=False, equipment=frozenset(EQUIPMENT))
    offered = set()
    now = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    skip: frozenset[str] = frozenset()
    for _ in range(len(shipped)):
        chosen = choose(shipped, everything, NoHistory(), now, skip)  # type: ignore[arg-type]
        offered.add(chosen.id)
        skip |= {chosen.id}
    assert offered and not any(shipped.get(s).strengthens for s in offered)  # type: ignore[union-attr]
    bridge = shipped.get("glute-bridge")
    assert bridge is not None and bridge.candidate.exercise
    assert why_not(bridge.candidate, everything) == "offered by the strengthening programme"


def test_qlbreak_list_shows_the_exercises_apart_with_their_amount() -> None:
    out = io.StringIO()
    assert main(["list", "--all"], out, io.StringIO()) == 0
    lines = out.getvalue().splitlines()
    heading = lines.index("Strengthening exercises, offered by a programme (10):")
    below = lines[heading + 1 : heading + 11]
    assert any("hip-hitch" in line and "3 sets of 10 a side, 30 s rest" in line for line in below)
    assert any("wall-side-plank" in line and "3 × 20 s a side, 30 s rest" in line for line in below)
    assert not any("glute-bridge" in line for line in lines[:heading])
    rotation = io.StringIO()
    main(["list", "--rotation", "--json"], rotation, io.StringIO())
    assert not any(s["kind"] == "strengthen" for s in json.loads(rotation.getvalue()))
