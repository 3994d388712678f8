"""A stretch done with what the user has: someone with a door frame and no stick is
reminded of, and shown, the door-frame stretch, by name, steps and picture (issue 19,
item 5); the reminder's name and the window's title come from the same function."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from qlbreak.core.picker import Preferences
from qlbreak.storage.config import Config
from qlbreak.storage.paths import assets_dir, default_paths
from qlbreak.stretches.catalogue import Stretch, load
from qlbreak.stretches.choosing import choose
from qlbreak.ui import spec

CATALOGUE = load()
STICK = CATALOGUE.get("ql-stick-stretch")
assert STICK is not None
NOW = datetime(2026, 12, 2, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))


def _words(s: Stretch) -> str:
    return " ".join((s.name, *s.steps, s.left, s.right)).lower()


def test_a_door_frame_and_no_stick_gets_the_door_frame_stretch():
    door = STICK.for_equipment(Preferences().equipment)  # the settings' default: none, chair, door-frame
    assert door.name == "Door frame side stretch" and door.id == STICK.id
    assert door.equipment == ("door-frame",)
    assert "stick" not in _words(door) and "pole" not in _words(door)
    assert "door" in door.steps[0] and door.left.startswith("the frame on your right")
    assert door.image == "stretches/ql-stick-stretch-door-frame.png"
    assert (assets_dir() / door.image).is_file()
    assert door.hold_seconds == STICK.hold_seconds and door.targets == STICK.targets


def test_a_stick_gets_the_stick_stretch_and_nothing_keeps_every_way():
    for have in ({"stick"}, {"stick", "door-frame"}):
        own = STICK.for_equipment(frozenset(have))
        assert own.name == "Stick side stretch" and own.equipment == ("stick",)
        assert "door" not in _words(own) and own.image == STICK.image
    assert STICK.for_equipment(frozenset({"none"})) == STICK  # opened by name: it says what would do
    plain = CATALOGUE.get("cat-cow")
    assert plain is not None and plain.for_equipment(frozenset({"door-frame"})) is plain


def test_the_choice_the_reminder_names_is_the_variant():
    others = frozenset(s.id for s in CATALOGUE) - {STICK.id}
    prefs = Preferences(no_floor=True, equipment=frozenset({"none", "chair", "door-frame"}), avoid=others)
    chosen = choose(CATALOGUE, prefs, _Empty(), NOW)  # type: ignore[arg-type]
    assert (chosen.id, chosen.name) == (STICK.id, "Door frame side stretch")


def test_the_window_is_told_the_variant_even_from_the_plain_catalogue_entry():
    """The tray opens a stretch by its id (``catalogue.get``): the spec makes it fit."""
    told = json.loads(json.dumps(spec.stretch(STICK, Config(), default_paths(), "light")))
    shown = Stretch.from_spec(told["stretch"])
    assert shown == STICK.for_equipment(Config().prefs.equipment)
    assert shown.name == "Door frame side stretch"
    stick = replace(Config(), prefs=Preferences(equipment=frozenset({"stick"})))
    assert Stretch.from_spec(spec.stretch(STICK, stick, default_paths(), "light")["stretch"]).name == STICK.name


def test_a_stretch_with_variants_round_trips_through_its_spec():
    assert Stretch.from_spec(json.loads(json.dumps(STICK.as_spec()))) == STICK


def test_the_door_frame_stretch_is_found_by_its_name():
    assert [s.id for s in CATALOGUE.matching("door frame")] == [STICK.id]


@dataclass
class _Empty:
    """A history with nothing in it, as the picker reads one."""

    def events(self, since: datetime | None = None) -> list[object]:
        return []

    def done(self) -> list[object]:
        return []

    def last_stretch(self) -> str | None:
        return None
