"""The stretch catalogue: one TOML file per stretch or strengthening exercise, shipped
as package data; what an entry is (``Stretch``, its ``Variant``s and ``Level``s).

Loading checks every entry and reports all that is wrong as ``file:line: ...``, so a
mistake in a new stretch is found by the tests, never by a user at 09:30
(``checking`` holds the checks).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace

from qlbreak.core.session import Timing
from qlbreak.core.vocabulary import EQUIPMENT, NO_FLOOR_POSITIONS, TARGETS  # noqa: F401 (the words, read here too)

# The stretch window builds a Stretch from its parent's spec and must start
# fast: what only loading and checking the files needs is imported there.
TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing (~3 ms)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from qlbreak.core.picker import Candidate
    from qlbreak.storage.tomlfile import Problem

MAX_STEPS = 4


@dataclass(frozen=True, slots=True)
class Variant:
    """The same stretch done with one piece of its equipment (a door frame in place of a
    stick): what it is called, how to get into it and its picture, where they differ."""

    equipment: str
    name: str
    steps: tuple[str, ...]
    image: str
    left: str = ""  # "": the stretch's own words
    right: str = ""


@dataclass(frozen=True, slots=True)
class Level:
    """An exercise's easier or harder version (``[easier]``, ``[harder]``): its own name,
    and its steps, picture and amount where they differ from the standard one."""

    name: str
    steps: tuple[str, ...] = ()  # (): the standard version's
    image: str = ""  # "": the standard version's
    reps: int | None = None  # None: the standard version's
    hold_seconds: int | None = None
    sets: int | None = None


@dataclass(frozen=True, slots=True)
class Stretch:
    id: str
    name: str
    summary: str  # one line: what it does for you
    targets: tuple[str, ...]
    position: str
    equipment: tuple[str, ...]  # any one of these will do
    optional: tuple[str, ...]  # nice to have (a cushion, a chair for balance)
    two_sided: bool
    hold_seconds: int  # per side; for rep-based stretches, all reps together
    reps: int | None
    steps: tuple[str, ...]
    gently: str
    alternative: str | None  # a no-floor stretch to offer instead of a floor one
    image: str  # path under the project, e.g. assets/stretches/<id>.png
    left: str = ""  # what "left side" means here, by the body ("left arm up, lean to the right")
    right: str = ""
    before: str = ""  # a warning to read before starting (the ball release's own red flags)
    how_often: str = ""  # what the source advises ("once a day for two weeks")
    hold_range: tuple[int, int] | None = None  # the source's range; the user picks within it
    variants: tuple[Variant, ...] = ()  # done with one piece of the equipment, named for it
    kind: str = "stretch"  # or "strengthen": an exercise done in sets (vocabulary.KINDS)
    sets: int = 1
    rest_seconds: int = 0  # between two sets
    breath: str = ""  # an exercise's breathing cue ("breathe out as you lift"); never held
    easier: Level | None = None
    harder: Level | None = None
    own: bool = False  # the user's own, from the stretches folder beside config.toml

    @property
    def no_floor(self) -> bool:
        return self.position in NO_FLOOR_POSITIONS

    @property
    def walking(self) -> bool:  # by what it is, never by its hold's length: a ball release held 2:00 is no walk
        return self.position == "walking"

    @property
    def strengthens(self) -> bool:
        return self.kind == "strengthen"

    @property
    def timing(self) -> Timing:
        return Timing(
            float(self.hold_seconds), self.two_sided, self.reps, sets=self.sets, rest=float(self.rest_seconds)
        )

    def at_level(self, level: str) -> Stretch:
        """This exercise as its ``level`` ("easier", "standard", "harder") has it: the
        level's name, steps, picture and amount where it has its own; a stretch, or a
        level the exercise lacks, is itself."""
        own = self.easier if level == "easier" else self.harder if level == "harder" else None
        if own is None:
            return self
        return replace(
            self,
            name=own.name,
            steps=own.steps or self.steps,
            image=own.image or self.image,
            reps=own.reps if own.reps is not None else self.reps,
            hold_seconds=own.hold_seconds if own.hold_seconds is not None else self.hold_seconds,
            sets=own.sets if own.sets is not None else self.sets,
            easier=None,
            harder=None,
        )

    def for_equipment(self, have: frozenset[str]) -> Stretch:
        """This stretch as the user does it with what they have: a variant's name, steps,
        picture and side words when they have its equipment and none of the stretch's
        own (a door frame, no stick); else the stretch itself. The reminder's name and
        the window both come from here, so they agree."""
        if not self.variants:
            return self
        own = tuple(e for e in self.equipment if e not in {v.equipment for v in self.variants})
        if set(own) & have:
            return replace(self, equipment=own, variants=())  # the stick's own words, a stick to hand
        variant = next((v for v in self.variants if v.equipment in have), None)
        if variant is None:
            return self  # nothing they have: every way, so they can see what would do
        return replace(
            self,
            name=variant.name,
            equipment=(variant.equipment,),
            steps=variant.steps,
            image=variant.image,
            left=variant.left or self.left,
            right=variant.right or self.right,
            variants=(),
        )

    def as_spec(self) -> dict[str, Any]:
        """The stretch as plain JSON values, for the window that shows it."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_spec(cls, data: dict[str, Any]) -> Stretch:
        fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
        variants = [dict(v) | {"steps": tuple(v["steps"])} for v in fields.get("variants", ())]
        levels = {
            k: Level(**fields[k] | {"steps": tuple(fields[k]["steps"])}) for k in ("easier", "harder") if fields.get(k)
        }
        return cls(**fields | {"variants": tuple(Variant(**v) for v in variants)} | levels)

    def as_json(self) -> dict[str, object]:
        """``qlbreak list --json``: the catalogue's own words, lists as lists."""
        fields = self.as_spec() | {"no_floor": self.no_floor, "sides": "both" if self.two_sided else "none"}
        order = ("id", "name", "summary", "targets", "position", "no_floor", "equipment", "optional", "sides")
        rest: tuple[str, ...] = ("hold_seconds", "hold_range", "reps", "steps", "gently", "alternative", "image")
        rest += ("left", "right", "before", "how_often", "kind", "sets", "rest_seconds", "breath", "easier", "harder")
        return {k: fields[k] for k in order + rest}

    @property
    def candidate(self) -> Candidate:
        from qlbreak.core.picker import Candidate

        exercise = self.strengthens and not self.own  # the user's own is in their rotation like a stretch
        return Candidate(self.id, self.no_floor, frozenset(self.equipment), "ql" in self.targets, exercise)


class CatalogueError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


class Catalogue:
    """The stretches, in catalogue order."""

    __slots__ = ("stretches",)

    def __init__(self, stretches: tuple[Stretch, ...]) -> None:
        self.stretches = stretches

    def __iter__(self) -> Iterator[Stretch]:
        return iter(self.stretches)

    def __len__(self) -> int:
        return len(self.stretches)

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.stretches)

    def get(self, stretch_id: str) -> Stretch | None:
        return next((s for s in self.stretches if s.id == stretch_id), None)

    def matching(self, words: str) -> list[Stretch]:
        """The stretch with the id ``words``, else every one whose name or id holds them
        (any case): "knee drop" finds the lumbar rotation."""
        exact = self.get(words)
        if exact is not None:
            return [exact]
        wanted = " ".join(words.lower().replace("-", " ").split())
        return [s for s in self.stretches if wanted and any(wanted in n for n in _names(s))]

    def close_matches(self, wrong: str) -> list[str]:
        import difflib  # only when a user mistyped: keeps start-up short

        return difflib.get_close_matches(wrong, sorted(self.ids), n=3, cutoff=0.5)


def _names(stretch: Stretch) -> tuple[str, ...]:
    """What a person may call it: its name, a variant's name ("door frame"), its id."""
    return (stretch.name.lower(), *(v.name.lower() for v in stretch.variants), stretch.id.replace("-", " "))


def catalogue_dir() -> Path:
    # Package data sits beside this module in every install qlbreak supports
    # (wheel, editable, checkout); importlib.resources would cost 14 ms of start-up.
    from pathlib import Path

    return Path(os.path.dirname(os.path.abspath(__file__))) / "data"


def known_ids(folder: Path | None = None) -> frozenset[str]:
    """The stretch ids, from the file names alone (``load`` checks each file is named
    after its id): enough for checking a config, and no TOML parsing at start-up."""
    return frozenset(p.stem for p in (folder or catalogue_dir()).glob("*.toml"))


def load(folder: Path | None = None) -> Catalogue:
    """Every ``*.toml`` in ``folder``, in name order; raises CatalogueError listing all
    faults (the checks are in ``checking``, imported only when the files are read)."""
    from qlbreak.stretches.checking import load_folder

    stretches, problems = load_folder(folder or catalogue_dir())
    if problems:
        raise CatalogueError(problems)
    return Catalogue(tuple(stretches))
