"""Checking catalogue files: every fault in a stretch or exercise file reported as
``file:line: ...``, so a mistake is found by the tests (or, in the user's own folder,
shown with its line), never by a user in the middle of a break.

``check_file`` checks one file on its own (the user's own folder reuses it);
``check_alternatives`` then checks each floor entry's no-floor alternative against the
others; ``load_folder`` does both for a whole folder.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from qlbreak.core.vocabulary import EQUIPMENT, KINDS, NO_FLOOR_POSITIONS, POSITIONS, SIDES, TARGETS
from qlbreak.core.words import _, ngettext
from qlbreak.storage.tomlfile import FileProblem, Located, Problem, read
from qlbreak.stretches.catalogue import MAX_STEPS, Level, Stretch, Variant

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
    "kind",
)
# An exercise (kind = "strengthen") must have all of these; a stretch none of them.
EXERCISE_KEYS = ("sets", "rest_seconds", "breath", "easier", "harder")
SETS = (1, 5)
REST_SECONDS = (10, 120)
_VARIANT_REQUIRED = ("name", "steps", "image")
_VARIANT_OPTIONAL = ("left", "right")
_LEVEL_KEYS = ("name", "steps", "image", "reps", "hold_seconds", "sets")


def check_file(path: Path) -> Stretch | list[Problem]:
    """One catalogue file on its own: the Stretch (or exercise) it describes, or every
    problem found in it (never empty). Whether its ``alternative`` exists among the
    others is for ``check_alternatives``; a file gone since it was listed is a problem."""
    try:
        return _checked(path)
    except FileNotFoundError:
        return [Problem(str(path), 1, _("the file is gone"))]


def _checked(path: Path) -> Stretch | list[Problem]:
    """``check_file``, raising FileNotFoundError for a file gone since it was listed."""
    try:
        doc = read(path)
    except FileProblem as err:
        return [err.problem]
    return check_doc(doc)


def check_doc(doc: Located) -> Stretch | list[Problem]:
    """``check_file`` for a file already read (the user's own folder reads it first to
    fill in a missing picture name)."""
    problems: list[Problem] = []
    stretch = _stretch(doc, problems)
    if stretch is None or problems:
        return problems or [doc.problem((), _("not a stretch"))]
    return stretch


def check_alternatives(found: Mapping[Path, Stretch], known: Mapping[str, Stretch]) -> list[Problem]:
    """Each floor entry in ``found`` (by its file) names an alternative in ``known`` that
    needs no floor. Lines are read again only for a fault."""
    problems: list[Problem] = []
    for path, stretch in found.items():
        message, key = _alternative_fault(stretch, known)
        if message:
            problems.append(Problem(str(path), _line(path, key), message, key=(key,)))
    return problems


def _alternative_fault(stretch: Stretch, known: Mapping[str, Stretch]) -> tuple[str, str]:
    if stretch.alternative is None:
        if stretch.no_floor:
            return "", ""
        # Translators: keep 'alternative' as it is: the file's word.
        return _("a floor stretch needs an 'alternative' that needs no floor"), "position"
    other = known.get(stretch.alternative)
    if other is None:
        return _("unknown stretch {id}").format(id=repr(stretch.alternative)), "alternative"
    if not other.no_floor:
        return _("alternative {id} is itself a floor stretch").format(id=repr(other.id)), "alternative"
    if other.strengthens != stretch.strengthens:  # a bird-dog's stand-in strengthens too
        if stretch.strengthens:
            message = _("alternative {id} is a stretch; an exercise's alternative is an exercise too")
        else:
            message = _("alternative {id} is an exercise; a stretch's alternative is a stretch too")
        return message.format(id=repr(other.id)), "alternative"
    return "", ""


def _line(path: Path, key: str) -> int:
    try:
        return read(path).line(key)
    except (FileProblem, OSError):
        return 1


def load_folder(folder: Path) -> tuple[list[Stretch], list[Problem]]:
    """Every ``*.toml`` in ``folder``, in name order, and all their problems (ids used
    twice and alternatives included)."""
    problems: list[Problem] = []
    found: dict[Path, Stretch] = {}
    first: dict[str, Path] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            checked = _checked(path)
        except FileNotFoundError:
            continue  # gone since the folder was listed
        if isinstance(checked, list):
            problems.extend(checked)
            continue
        if checked.id in first:
            message = _("id {id} is already used in {file}").format(id=repr(checked.id), file=first[checked.id])
            problems.append(Problem(str(path), _line(path, "id"), message, key=("id",)))
            continue
        first[checked.id] = path
        found[path] = checked
    if not found and not problems:
        problems.append(Problem(str(folder), 1, _("no stretches (*.toml) in this folder")))
    problems += check_alternatives(found, {s.id: s for s in found.values()})
    return list(found.values()), problems


def _stretch(doc: Located, problems: list[Problem]) -> Stretch | None:
    data, before = doc.data, len(problems)

    def bad(key: str, message: str) -> None:
        problems.append(doc.problem((key,), message))

    for key in data:
        if key not in _REQUIRED and key not in _OPTIONAL and key not in EXERCISE_KEYS:
            bad(key, _("unknown key {key}").format(key=repr(key)))
    for key in _REQUIRED:
        if key not in data:
            problems.append(doc.problem((), _("missing key {key}").format(key=repr(key))))
    if len(problems) > before:
        return None

    for key in ("id", "name", "summary", "gently", "image"):
        if not isinstance(data[key], str) or not data[key].strip():
            bad(key, _("{key} must be a non-empty string").format(key=key))
    name = os.path.basename(doc.path)
    if isinstance(data["id"], str) and os.path.splitext(name)[0] != data["id"]:
        message = _("id {id} must match the file name {name}: rename the file to {new}")
        bad("id", message.format(id=repr(data["id"]), name=repr(name), new=f"{data['id']}.toml"))
    targets = _words(doc, "targets", TARGETS, problems)
    equipment = _words(doc, "equipment", EQUIPMENT, problems)
    optional = _words(doc, "optional", EQUIPMENT, problems, required=False)
    if data["position"] not in POSITIONS:
        message = _("position must be one of {known}, not {value}")
        bad("position", message.format(known=", ".join(POSITIONS), value=repr(data["position"])))
    if data["sides"] not in SIDES:
        bad("sides", _("sides must be 'both' or 'none', not {value}").format(value=repr(data["sides"])))
    steps = _steps(doc, ("steps",), data["steps"], problems)
    hold, reps = data.get("hold_seconds"), data.get("reps")
    if not _count(hold, 5, 900):
        bad("hold_seconds" if "hold_seconds" in data else "id", _number("hold_seconds", 5, 900))
    if reps is not None and not _count(reps, 1, 50):
        bad("reps", _number("reps", 1, 50))
    if "no_floor" in data and data["no_floor"] != (data["position"] in NO_FLOOR_POSITIONS):
        bad("no_floor", _("no_floor contradicts position {value}").format(value=repr(data["position"])))
    alternative = data.get("alternative")
    if alternative is not None and not isinstance(alternative, str):
        bad("alternative", _("alternative must be a stretch id"))
    words = {k: data.get(k, "") for k in ("left", "right", "before", "how_often", "breath")}
    for key, value in words.items():
        if not isinstance(value, str):
            bad(key, _("{key} must be a string").format(key=key))
    if data["sides"] == "both" and not (str(words["left"]).strip() and str(words["right"]).strip()):
        # Translators: keep left = "..." and right = "..." as they are: the file's words.
        bad("sides", _('a two-sided stretch says what each side means: left = "..." and right = "..."'))
    span = data.get("hold_range")
    if span is not None and not (
        isinstance(span, list) and len(span) == 2 and all(_count(v, 5, 900) for v in span) and span[0] < span[1]
    ):
        bad("hold_range", _("hold_range must be two whole numbers of seconds, low then high, such as [60, 120]"))
    elif span is not None and isinstance(hold, int) and not span[0] <= hold <= span[1]:
        bad("hold_seconds", _("hold_seconds {hold} is outside hold_range {span}").format(hold=hold, span=span))
    variants = _variants(doc, equipment, problems)
    kind = _kind(doc, problems)
    easier, harder = _level(doc, "easier", problems), _level(doc, "harder", problems)
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
        steps=steps,
        gently=data["gently"].strip(),
        alternative=alternative,
        image=data["image"],
        left=str(words["left"]).strip(),
        right=str(words["right"]).strip(),
        before=str(words["before"]).strip(),
        how_often=str(words["how_often"]).strip(),
        hold_range=(span[0], span[1]) if span is not None else None,
        variants=variants,
        kind=kind,
        sets=data.get("sets", 1),
        rest_seconds=data.get("rest_seconds", 0),
        breath=str(words["breath"]).strip(),
        easier=easier,
        harder=harder,
    )


def _kind(doc: Located, problems: list[Problem]) -> str:
    """``kind`` and the keys that go with it: an exercise has its sets, rest, breath
    and both levels; a stretch has none of them (it is held, not done in sets)."""
    data = doc.data
    kind = str(data.get("kind", "stretch"))
    if data.get("kind", "stretch") not in KINDS:
        message = _("kind must be one of {known}, not {value}").format(known=", ".join(KINDS), value=repr(data["kind"]))
        problems.append(doc.problem(("kind",), message))
        return "stretch"
    if kind == "stretch":
        for key in EXERCISE_KEYS:
            if key in data:
                message = _('{key} is for an exercise (kind = "strengthen"), not a stretch').format(key=key)
                problems.append(doc.problem((key,), message))
        return kind
    for key in EXERCISE_KEYS:
        if key not in data:
            if key in ("easier", "harder"):
                message = _("an exercise needs a [{key}] table").format(key=key)
            else:
                message = _("an exercise needs {key}").format(key=repr(key))
            problems.append(doc.problem(("kind",), message))
    if "sets" in data and not _count(data["sets"], *SETS):
        problems.append(doc.problem(("sets",), _number("sets", *SETS)))
    if "rest_seconds" in data and not _count(data["rest_seconds"], *REST_SECONDS):
        problems.append(doc.problem(("rest_seconds",), _number("rest_seconds", *REST_SECONDS)))
    if isinstance(data.get("breath"), str) and not data["breath"].strip():
        problems.append(doc.problem(("breath",), _("breath must say how to breathe (never held)")))
    return kind


def _level(doc: Located, key: str, problems: list[Problem]) -> Level | None:
    """``[easier]`` or ``[harder]``: a name, and what differs from the standard version."""
    table: Any = doc.data.get(key)
    if table is None or doc.data.get("kind", "stretch") != "strengthen":
        return None
    if not isinstance(table, dict):
        problems.append(doc.problem((key,), _("{key} must be a table: [{key}]").format(key=key)))
        return None
    before = len(problems)
    for name in table:
        if name not in _LEVEL_KEYS:
            message = _("unknown key {name} in [{key}]; known: {known}")
            problems.append(
                doc.problem((key, name), message.format(name=repr(name), key=key, known=", ".join(_LEVEL_KEYS)))
            )
    for name in ("name", "image"):
        if name in table and not (isinstance(table[name], str) and table[name].strip()):
            problems.append(doc.problem((key, name), _("{key} must be a non-empty string").format(key=f"{key}.{name}")))
    if "name" not in table:
        problems.append(doc.problem((key,), _("[{key}] is missing 'name'").format(key=key)))
    steps = _steps(doc, (key, "steps"), table["steps"], problems, f"{key}.steps") if "steps" in table else ()
    for name, low, high in (("reps", 1, 50), ("hold_seconds", 5, 900), ("sets", *SETS)):
        if name in table and not _count(table[name], low, high):
            problems.append(doc.problem((key, name), _number(f"{key}.{name}", low, high)))
    if len(problems) > before:
        return None
    return Level(
        name=table["name"].strip(),
        steps=steps,
        image=table.get("image", "").strip(),
        reps=table.get("reps"),
        hold_seconds=table.get("hold_seconds"),
        sets=table.get("sets"),
    )


def _steps(
    doc: Located, where: tuple[str, ...], steps: object, problems: list[Problem], key: str = "steps"
) -> tuple[str, ...]:
    if not (isinstance(steps, list) and all(isinstance(s, str) and s.strip() for s in steps)):
        problems.append(doc.problem(where, _("{key} must be a list of non-empty strings").format(key=key)))
        return ()
    if not 1 <= len(steps) <= MAX_STEPS:
        many = ngettext(
            "a stretch has 1 to {most} step, not {n}", "a stretch has 1 to {most} steps, not {n}", MAX_STEPS
        )
        message = many.format(most=MAX_STEPS, n=len(steps))
        problems.append(doc.problem(where, message))
    return tuple(s.strip() for s in steps)


def _variants(doc: Located, equipment: tuple[str, ...], problems: list[Problem]) -> tuple[Variant, ...]:
    """``[variants.<equipment>]`` tables: the stretch done with that one piece of its
    equipment, with its own name, steps and picture (and side words, if they differ)."""
    tables: Any = doc.data.get("variants", {})
    if not isinstance(tables, dict):
        problems.append(doc.problem(("variants",), _("variants must be tables such as [variants.door-frame]")))
        return ()
    found: list[Variant] = []
    for kind, table in tables.items():
        where = ("variants", kind)
        if kind not in equipment:
            message = _("a variant is for one of the equipment ({known}), not {value}")
            problems.append(doc.problem(where, message.format(known=", ".join(equipment), value=repr(kind))))
            continue
        if not isinstance(table, dict):
            problems.append(doc.problem(where, _("{key} must be a table").format(key=f"variants.{kind}")))
            continue
        before = len(problems)
        for key in table:
            if key not in _VARIANT_REQUIRED and key not in _VARIANT_OPTIONAL:
                message = _("unknown key {key} in {table}").format(key=repr(key), table=f"variants.{kind}")
                problems.append(doc.problem((*where, key), message))
        for key in _VARIANT_REQUIRED:
            if key not in table:
                message = _("{table} is missing {key}").format(table=f"variants.{kind}", key=repr(key))
                problems.append(doc.problem(where, message))
        for key in ("name", "image", "left", "right"):
            if key in table and not (isinstance(table[key], str) and table[key].strip()):
                message = _("{key} must be a non-empty string").format(key=f"variants.{kind}.{key}")
                problems.append(doc.problem((*where, key), message))
        steps = _steps(doc, (*where, "steps"), table.get("steps", []), problems, f"variants.{kind}.steps")
        if len(problems) > before:
            continue
        found.append(
            Variant(
                equipment=kind,
                name=table["name"].strip(),
                steps=steps,
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
        problems.append(doc.problem((key,), _("{key} must be a list of strings").format(key=key)))
        return ()
    if required and not value:
        problems.append(doc.problem((key,), _("{key} must not be empty").format(key=key)))
    for word in value:
        if word not in allowed:
            message = _("unknown {key} {word}; known: {known}").format(
                key=key, word=repr(word), known=", ".join(allowed)
            )
            problems.append(doc.problem((key,), message))
    return tuple(value)


def _count(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _number(key: str, low: int, high: int) -> str:
    # Translators: {key} is a key of the stretch's file, such as hold_seconds: keep it as it is.
    return _("{key} must be a whole number from {low} to {high}").format(key=key, low=low, high=high)
