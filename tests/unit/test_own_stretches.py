"""The user's own stretches (``stretches/`` beside config.toml): a good file loads as
the user's own; each bad one is reported at file:line and leaves out itself alone."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from qlbreak.stretches import own as own_mod
from qlbreak.stretches.catalogue import Catalogue, load
from qlbreak.stretches.own import Folder, known_ids, load_all, load_own, own_dir

GOOD = """\
id = "{id}"
name = "Physio side stretch"
summary = "What my physiotherapist gave me for the left side."
targets = ["ql"]
position = "standing"
equipment = ["none"]
sides = "both"
left = "left arm up, lean to the right"
right = "right arm up, lean to the left"
hold_seconds = 30
steps = ["Stand tall.", "Reach up and lean over."]
gently = "Only as far as is comfortable."
image = "{id}.png"
"""


def png(path: Path, width: int = 36, height: int = 24) -> Path:
    """A small real PNG (one grey), written with the standard library alone."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    head = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        own_mod.PNG_SIGNATURE + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    )
    return path


@pytest.fixture(scope="module")
def shipped() -> Catalogue:
    return load()


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text)
    return path


def test_a_good_file_loads_as_the_users_own_with_its_picture(tmp_path, shipped):
    write(tmp_path, "physio", GOOD.format(id="physio"))
    picture = png(tmp_path / "physio.png")
    found = load_own(tmp_path, shipped)
    assert found.problems == ()
    (stretch,) = found.stretches
    assert stretch.own and stretch.id == "physio" and stretch.two_sided
    assert stretch.image == str(picture.resolve())


def test_no_folder_is_no_stretches_and_no_problem(tmp_path, shipped):
    assert load_own(tmp_path / "none", shipped) == own_mod.Own()
    assert known_ids(tmp_path / "none") == frozenset()


def test_the_folder_is_beside_the_config_file(tmp_path, shipped):
    config = tmp_path / "elsewhere" / "my.toml"
    write(own_dir(config), "physio", GOOD.format(id="physio"))
    catalogue, found = load_all(config, shipped)
    assert own_dir(config) == tmp_path / "elsewhere" / "stretches"
    assert [s.id for s in catalogue][-1] == "physio" and len(catalogue) == len(shipped) + 1
    assert catalogue.ids >= shipped.ids and found.problems[0].warning  # no picture yet: a warning


def test_each_bad_file_is_reported_at_its_line_and_leaves_out_only_itself(tmp_path, shipped):
    write(tmp_path, "good", GOOD.format(id="good"))
    syntax = write(tmp_path, "syntax", GOOD.format(id="syntax").replace("hold_seconds = 30", "hold_seconds = = 30"))
    position = write(tmp_path, "upside", GOOD.format(id="upside").replace('"standing"', '"upside-down"'))
    steps = write(
        tmp_path, "steps", GOOD.format(id="steps").replace('["Stand tall.", "Reach up and lean over."]', "[]")
    )
    unknown = write(tmp_path, "typo", GOOD.format(id="typo") + "colour = 3\n")
    missing = write(
        tmp_path, "missing", GOOD.format(id="missing").replace('gently = "Only as far as is comfortable."\n', "")
    )
    named = write(tmp_path, "named", GOOD.format(id="other"))
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00")
    found = load_own(tmp_path, shipped)
    assert [s.id for s in found.stretches] == ["good"]
    said = [str(p) for p in found.errors]
    assert any(p.startswith(f"{syntax}:10: not valid TOML") for p in said)
    assert any(p.startswith(f"{position}:5: position must be one of") for p in said)
    assert f"{steps}:11: a stretch has 1 to 4 steps, not 0" in said
    assert f"{unknown}:14: unknown key 'colour'" in said
    assert f"{missing}:1: missing key 'gently'" in said
    assert f"{named}:1: id 'other' must match the file name 'named.toml': rename the file to other.toml" in said
    assert f"{tmp_path / 'binary.toml'}:1: not UTF-8 text" in said


def test_a_file_named_in_plain_words_is_told_what_to_rename_it_to(tmp_path, shipped):
    path = write(tmp_path, "My Wall Push", GOOD.format(id="wall-push"))
    found = load_own(tmp_path, shipped)
    assert not found.stretches
    expected = "id 'wall-push' must match the file name 'My Wall Push.toml': rename the file to wall-push.toml"
    assert f"{path}:1: {expected}" in [str(p) for p in found.errors]


def test_an_id_of_a_shipped_stretch_is_reported_and_the_shipped_one_kept(tmp_path, shipped):
    path = write(tmp_path, "seated-twist", GOOD.format(id="seated-twist"))
    found = load_own(tmp_path, shipped)
    assert found.stretches == ()
    (problem,) = found.problems
    assert (
        str(problem)
        == f"{path}:1: id 'seated-twist' is already used by one of qlbreak's own stretches; give it another id"
    )
    assert not problem.warning


def test_a_missing_or_wrong_picture_is_a_warning_and_the_stretch_shows_without_one(tmp_path, shipped):
    gone = write(tmp_path, "gone", GOOD.format(id="gone"))
    jpeg = write(tmp_path, "photo", GOOD.format(id="photo"))
    (tmp_path / "photo.png").write_bytes(b"\xff\xd8\xff\xe0 a JPEG in disguise")
    write(tmp_path, "plain", GOOD.format(id="plain").replace('image = "plain.png"\n', ""))  # none named, none there
    found = load_own(tmp_path, shipped)
    assert [(s.id, s.image) for s in found.stretches] == [("gone", ""), ("photo", ""), ("plain", "")]
    assert [str(p) for p in found.problems] == [
        f"{gone}:13: warning: no picture 'gone.png' beside this file; shown without one",
        f"{jpeg}:13: warning: 'photo.png' is not a PNG picture; shown without one",
    ]
    assert found.errors == ()


def test_a_picture_named_like_the_file_is_used_when_none_is_named(tmp_path, shipped):
    write(tmp_path, "plain", GOOD.format(id="plain").replace('image = "plain.png"\n', ""))
    picture = png(tmp_path / "plain.png")
    (stretch,) = load_own(tmp_path, shipped).stretches
    assert stretch.image == str(picture.resolve())


def test_a_picture_in_a_sub_folder(tmp_path, shipped):
    write(tmp_path, "physio", GOOD.format(id="physio").replace('"physio.png"', '"pictures/physio.png"'))
    (tmp_path / "pictures").mkdir()
    picture = png(tmp_path / "pictures" / "physio.png")
    (stretch,) = load_own(tmp_path, shipped).stretches
    assert stretch.image == str(picture.resolve())


def test_an_alternative_must_be_known_and_need_no_floor(tmp_path, shipped):
    floor = GOOD.replace('"standing"', '"lying"')
    write(tmp_path, "a", floor.format(id="a") + 'alternative = "seated-side-bend"\n')
    bad = write(tmp_path, "b", floor.format(id="b") + 'alternative = "nowhere"\n')
    lying = write(tmp_path, "c", floor.format(id="c") + 'alternative = "knee-to-chest"\n')
    write(tmp_path, "d", floor.format(id="d"))  # a floor stretch of one's own needs none: the filter leaves it out
    kind = write(tmp_path, "e", floor.format(id="e") + 'alternative = "wall-side-plank"\n')
    found = load_own(tmp_path, shipped)
    assert [s.id for s in found.stretches] == ["a", "d"]
    said = [str(p) for p in found.errors]
    assert f"{bad}:14: unknown stretch 'nowhere'" in said
    assert f"{lying}:14: alternative 'knee-to-chest' is itself a floor stretch" in said
    assert any(p.startswith(f"{kind}:14: alternative 'wall-side-plank' is an exercise") for p in said)


def test_known_ids_are_the_file_names(tmp_path):
    write(tmp_path, "physio", GOOD.format(id="physio"))
    (tmp_path / "notes.txt").write_text("not a stretch")
    assert known_ids(tmp_path) == {"physio"}


def test_the_tray_sees_a_new_changed_or_removed_file_at_its_next_look(tmp_path, shipped):
    catalogue = Catalogue(shipped.stretches)
    folder = Folder(tmp_path / "stretches", catalogue)
    assert folder.changed() == own_mod.Own()  # the first look reads it (nothing there)
    assert folder.changed() is None
    path = write(tmp_path / "stretches", "physio", GOOD.format(id="physio"))
    new = folder.changed()
    assert new is not None and [s.id for s in new.stretches] == ["physio"]
    assert catalogue.get("physio") is not None and catalogue.get("physio").own  # the shared one, in place
    assert folder.changed() is None
    path.write_text(GOOD.format(id="physio").replace("Physio side stretch", "Side stretch, as shown"))
    assert folder.changed() is not None and catalogue.get("physio").name == "Side stretch, as shown"
    path.unlink()
    assert folder.changed() == own_mod.Own() and catalogue.ids == shipped.ids


EXERCISE = """\
kind = "strengthen"
sets = 2
rest_seconds = 20
reps = 8
breath = "Breathe out as you lift."
[easier]
name = "Smaller lifts"
reps = 5
[harder]
name = "Slower lifts"
sets = 3
"""


def test_an_own_exercise_loads_with_its_levels_and_is_in_the_rotation(tmp_path, shipped):
    from qlbreak.core.picker import Preferences, why_not

    write(tmp_path, "lifts", GOOD.format(id="lifts").replace('image = "lifts.png"\n', "") + EXERCISE)
    found = load_own(tmp_path, shipped)
    (lifts,) = found.stretches
    assert found.problems == () and lifts.strengthens and lifts.sets == 2 and lifts.at_level("easier").reps == 5
    assert why_not(lifts.candidate, Preferences()) is None  # a shipped exercise waits for a programme; this one not


def test_an_own_exercise_is_checked_like_a_shipped_one(tmp_path, shipped):
    path = write(tmp_path, "lifts", GOOD.format(id="lifts") + EXERCISE.replace("sets = 2", "sets = 9"))
    found = load_own(tmp_path, shipped)
    assert found.stretches == () and f"{path}:15: sets must be a whole number from 1 to 5" in map(str, found.errors)


def test_an_id_is_small_letters_digits_and_hyphens(tmp_path, shipped):
    path = write(tmp_path, "My Stretch", GOOD.format(id="My Stretch"))
    found = load_own(tmp_path, shipped)
    assert found.stretches == ()
    assert [str(p) for p in found.errors] == [
        f"{path}:1: id 'My Stretch': use small letters, digits and hyphens, such as 'my-stretch'"
    ]


def test_the_stretch_windows_another_one_may_be_ones_own(tmp_path):
    from qlbreak.ui import stretch as window

    config = tmp_path / "config.toml"
    write(own_dir(config), "physio", GOOD.format(id="physio"))
    catalogue, _ = window._catalogue_and_prefs(str(config))
    found = catalogue.get("physio")
    assert found is not None and found.own


def test_a_levels_picture_is_beside_the_file_too(tmp_path, shipped):
    text = GOOD.format(id="lifts") + EXERCISE.replace(
        'name = "Slower lifts"', 'name = "Slower lifts"\nimage = "slow.png"'
    )
    path = write(tmp_path, "lifts", text.replace('name = "Smaller lifts"', 'name = "Smaller lifts"\nimage = "no.png"'))
    standard, slow = png(tmp_path / "lifts.png"), png(tmp_path / "slow.png")
    found = load_own(tmp_path, shipped)
    (lifts,) = found.stretches
    assert lifts.at_level("harder").image == str(slow.resolve())
    assert lifts.at_level("easier").image == str(standard.resolve())  # its own is missing: the standard one's
    assert [str(p) for p in found.problems] == [
        f"{path}:21: warning: no picture 'no.png' beside this file; shown without one"
    ]
