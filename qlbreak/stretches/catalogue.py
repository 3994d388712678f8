"""The stretch catalogue: one TOML file per stretch, shipped as package data.

Loading checks every entry and reports all that is wrong as ``file:line: ...``, so a
mistake in a new stretch is found by the tests, never by a user at 09:30.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace

from qlbreak.core.session import Timing
from qlbreak.core.vocabulary import EQUIPMENT, NO_FLOOR_POSITIONS, POSITIONS, SIDES, TARGETS

# The stretch window builds a Stretch from its parent's spec and must start
# fast: what only loading and checking the files needs is imported there.
TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing (~3 ms)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from qlbreak.core.picker import Candidate
    from qlbreak.storage.tomlfile import Located, Problem

MAX_STEPS = 4

_REQUIRED = ("id", "name", "summary", "targets", "position", "equipment", "sides", "steps", "gently", "image")
_OPTIONAL = (
    "optional",
    "hold_seconds",
    "reps",
    "no_floor",
    "alternative",
    "left",
    "right",
    "before",
    "how_often",
    "hold_range",
    "variants",
)
_VARIANT_REQUIRED = ("name", "steps", "image")
_VARIANT_OPTIONAL = ("left", "right")


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
        rest += ("left", "right", "before", "how_often")
        return {k: fields[k] for k in order + rest}

    @property
    def candidate(self) -> Candidate:
        from qlbreak.core.picker import Candidate

        return Candidate(self.id, self.no_floor, frozenset(self.equipment), "ql" in self.targets)


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
    """Every ``*.toml`` in ``folder``, in name order; raises CatalogueError listing all faults."""
    from qlbreak.storage.tomlfile import FileProblem, Problem, read

    folder = folder or catalogue_dir()
    problems: list[Problem] = []
    stretches: list[Stretch] = []
    where: dict[str, Located] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            doc = read(path)
        except FileProblem as err:
            problems.append(err.problem)
            continue
        except FileNotFoundError:
            continue  # gone since the folder was listed
        stretch = _stretch(doc, problems)
        if stretch is None:
            continue
        if stretch.id in where:
            first = where[stretch.id]
            problems.append(doc.problem(("id",), f"id {stretch.id!r} is already used in {first.path}"))
            continue
        where[stretch.id] = doc
        stretches.append(stretch)
    if not stretches and not problems:
        problems.append(Problem(str(folder), 1, "no stretches (*.toml) in this folder"))
    for stretch in stretches:
        _check_alternative(stretch, where, stretches, problems)
    if problems:
        raise CatalogueError(problems)
    return Catalogue(tuple(stretches))


def _stretch(doc: Located, problems: list[Problem]) -> Stretch | None:
    data, before = doc.data, len(problems)

    def bad(key: str, message: str) -> None:
        problems.append(doc.problem((key,), message))

    for key in data:
        if key not in _REQUIRED and key not in _OPTIONAL:
            bad(key, f"unknown key {key!r}")
    for key in _REQUIRED:
        if key not in data:
            problems.append(doc.problem((), f"missing key {key!r}"))
    if len(problems) > before:
        return None

    for key in ("id", "name", "summary", "gently", "image"):
        if not isinstance(data[key], str) or not data[key].strip():
            bad(key, f"{key} must be a non-empty string")
    name = os.path.basename(doc.path)
    if isinstance(data["id"], str) and os.path.splitext(name)[0] != data["id"]:
        bad("id", f"id {data['id']!r} must match the file name {name!r}")
    targets = _words(doc, "targets", TARGETS, problems)
    equipment = _words(doc, "equipment", EQUIPMENT, problems)
    optional = _words(doc, "optional", EQUIPMENT, problems, required=False)
    if data["position"] not in POSITIONS:
        bad("position", f"position must be one of {', '.join(POSITIONS)}, not {data['position']!r}")
    if data["sides"] not in SIDES:
        bad("sides", f"sides must be 'both' or 'none', not {data['sides']!r}")
    steps = data["steps"]
    if not (isinstance(steps, list) and all(isinstance(s, str) and s.strip() for s in steps)):
        bad("steps", "steps must be a list of non-empty strings")
    elif not 1 <= len(steps) <= MAX_STEPS:
        bad("steps", f"a stretch has 1 to {MAX_STEPS} steps, not {len(steps)}")
    hold, reps = data.get("hold_seconds"), data.get("reps")
    if not _count(hold, 5, 900):
        bad("hold_seconds" if "hold_seconds" in data else "id", "hold_seconds must be a whole number from 5 to 900")
    if reps is not None and not _count(reps, 1, 50):
        bad("reps", "reps must be a whole number from 1 to 50")
    if "no_floor" in data and data["no_floor"] != (data["position"] in NO_FLOOR_POSITIONS):
        bad("no_floor", f"no_floor contradicts position {data['position']!r}")
    alternative = data.get("alternative")
    if alternative is not None and not isinstance(alternative, str):
        bad("alternative", "alternative must be a stretch id")
    words = {k: data.get(k, "") for k in ("left", "right", "before", "how_often")}
    for key, value in words.items():
        if not isinstance(value, str):
            bad(key, f"{key} must be a string")
    if data["sides"] == "both" and not (str(words["left"]).strip() and str(words["right"]).strip()):
        bad("sides", 'a two-sided stretch says what each side means: left = "..." and right = "..."')
    span = data.get("hold_range")
    if span is not None and not (
        isinstance(span, list) and len(span) == 2 and all(_count(v, 5, 900) for v in span) and span[0] < span[1]
    ):
        bad("hold_range", "hold_range must be two whole numbers of seconds, low then high, such as [60, 120]")
    elif span is not None and isinstance(hold, int) and not span[0] <= hold <= span[1]:
        bad("hold_seconds", f"hold_seconds {hold} is outside hold_range {span}")
    variants = _variants(doc, equipment, problems)
    if len(problems) > before:
        return None
    assert isinstance(hold, int)
    return Stretch(
        id=data["id"],
        name=data["name"].strip(),
        summary=data["summary"].strip(),
        targets=targets,
        position=data["position"],
        equipment=equipment,
        optional=optional,
        two_sided=data["sides"] == "both",
        hold_seconds=hold,
        reps=reps,
        steps=tuple(s.strip() for s in steps),
        gently=data["gently"].strip(),
        alternative=alternative,
        image=data["image"],
        left=str(words["left"]).strip(),
        right=str(words["right"]).strip(),
        before=str(words["before"]).strip(),
        how_often=str(words["how_often"]).strip(),
        hold_range=(span[0], span[1]) if span is not None else None,
        variants=variants,
    )


def _variants(doc: Located, equipment: tuple[str, ...], problems: list[Problem]) -> tuple[Variant, ...]:
    """``[variants.<equipment>]`` tables: the stretch done with that one piece of its
    equipment, with its own name, steps and picture (and side words, if they differ)."""
    tables: Any = doc.data.get("variants", {})
    if not isinstance(tables, dict):
        problems.append(doc.problem(("variants",), "variants must be tables such as [variants.door-frame]"))
        return ()
    found: list[Variant] = []
    for kind, table in tables.items():
        where = ("variants", kind)
        if kind not in equipment:
            problems.append(
                doc.problem(where, f"a variant is for one of the equipment ({', '.join(equipment)}), not {kind!r}")
            )
            continue
        if not isinstance(table, dict):
            problems.append(doc.problem(where, f"variants.{kind} must be a table"))
            continue
        before = len(problems)
        for key in table:
            if key not in _VARIANT_REQUIRED and key not in _VARIANT_OPTIONAL:
                problems.append(doc.problem((*where, key), f"unknown key {key!r} in variants.{kind}"))
        for key in _VARIANT_REQUIRED:
            if key not in table:
                problems.append(doc.problem(where, f"variants.{kind} is missing {key!r}"))
        for key in ("name", "image", "left", "right"):
            if key in table and not (isinstance(table[key], str) and table[key].strip()):
                problems.append(doc.problem((*where, key), f"variants.{kind}.{key} must be a non-empty string"))
        steps = table.get("steps", [])
        if not (isinstance(steps, list) and all(isinstance(x, str) and x.strip() for x in steps)):
            problems.append(
                doc.problem((*where, "steps"), f"variants.{kind}.steps must be a list of non-empty strings")
            )
        elif not 1 <= len(steps) <= MAX_STEPS:
            problems.append(doc.problem((*where, "steps"), f"a stretch has 1 to {MAX_STEPS} steps, not {len(steps)}"))
        if len(problems) > before:
            continue
        found.append(
            Variant(
                equipment=kind,
                name=table["name"].strip(),
                steps=tuple(x.strip() for x in steps),
                image=table["image"],
                left=table.get("left", "").strip(),
                right=table.get("right", "").strip(),
            )
        )
    return tuple(found)


def _words(
    doc: Located, key: str, allowed: tuple[str, ...], problems: list[Problem], required: bool = True
) -> tuple[str, ...]:
    value: Any = doc.data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(doc.problem((key,), f"{key} must be a list of strings"))
        return ()
    if required and not value:
        problems.append(doc.problem((key,), f"{key} must not be empty"))
    for word in value:
        if word not in allowed:
            problems.append(doc.problem((key,), f"unknown {key} {word!r}; known: {', '.join(allowed)}"))
    return tuple(value)


def _count(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _check_alternative(
    stretch: Stretch, where: dict[str, Located], stretches: list[Stretch], problems: list[Problem]
) -> None:
    doc = where[stretch.id]
    if stretch.alternative is None:
        if not stretch.no_floor:
            problems.append(doc.problem(("position",), "a floor stretch needs an 'alternative' that needs no floor"))
        return
    other = {s.id: s for s in stretches}.get(stretch.alternative)
    if other is None:
        problems.append(doc.problem(("alternative",), f"unknown stretch {stretch.alternative!r}"))
    elif not other.no_floor:
        problems.append(doc.problem(("alternative",), f"alternative {other.id!r} is itself a floor stretch"))
