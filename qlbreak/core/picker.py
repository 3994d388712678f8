"""Which stretch next: the user's filters, a rotation, and what the user felt.

Rules, in order, each applied only while it leaves something to offer:

1. a stretch must pass the user's filters (floor, equipment, avoid); a strengthening
   exercise never does (a programme offers it, not a plain reminder);
2. one rated "it hurt" is left out for ``HURT_REST``;
3. one skipped or declined today is not offered again today;
4. the last stretch offered is never offered again straight away;
5. when no stretch for the QL was offered or done today or yesterday, one of them is
   chosen (the sources' focus comes up at least every other day);
6. among the rest, the one not done for longest wins, nudged up by "better" ratings
   and down by "worse" ones; ties go to stretches for the QL, then catalogue order,
   so the choice is deterministic and testable.

The defaults assume a work PC (the floor is never assumed at work): no floor, and
what every office has: a chair and a door frame.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from qlbreak.core.session import Feeling
from qlbreak.core.vocabulary import equipment_words
from qlbreak.core.words import N_, _

HURT_REST = timedelta(days=14)
RATING_MEMORY = timedelta(days=60)
NEVER_DONE_DAYS = 30.0  # how stale a stretch never done counts as
RATING_WEIGHT = 4.0  # one "better" is worth this many days of staleness


PROGRAMME_ONLY = N_("offered by the strengthening programme")  # why_not of an exercise: not a refusal


@dataclass(frozen=True)
class Candidate:
    id: str
    no_floor: bool
    equipment: frozenset[str]  # any one of these will do; "none" needs nothing
    for_ql: bool = False  # targets the quadratus lumborum: offered first on a tie
    exercise: bool = False  # a strengthening exercise: a programme offers it, never a plain reminder


@dataclass(frozen=True)
class Preferences:
    no_floor: bool = True
    equipment: frozenset[str] = frozenset({"none", "chair", "door-frame"})
    avoid: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Recent:
    """What happened lately that steers the next pick, beyond the ratings."""

    last: str | None = None  # the stretch offered last (shown, done, skipped or declined)
    declined: frozenset[str] = frozenset()  # skipped or swapped for another today
    ql_lately: bool = True  # a QL stretch was offered or done today or yesterday


@dataclass(frozen=True)
class Done:
    """A stretch the user finished, with how it felt if they said."""

    stretch: str
    at: datetime
    feeling: Feeling | None = None


def allowed(candidate: Candidate, prefs: Preferences) -> bool:
    return why_not(candidate, prefs) is None


def why_not(candidate: Candidate, prefs: Preferences) -> str | None:
    """Why the user's filters leave ``candidate`` out ("on the floor, needs a massage
    ball"), or None when it is in the rotation: what ``qlbreak list`` and the settings say."""
    if candidate.exercise:
        return programme_only()
    if candidate.id in prefs.avoid:
        return _("you chose to avoid it")
    reasons = []
    if prefs.no_floor and not candidate.no_floor:
        reasons.append(_("on the floor"))
    if "none" not in candidate.equipment and not candidate.equipment & prefs.equipment:
        # Translators: why a stretch is left out: "needs a chair or a door frame".
        reasons.append(_("needs {things}").format(things=either(sorted(candidate.equipment))))
    return ", ".join(reasons) or None


def programme_only() -> str:
    """``why_not`` of an exercise, in the user's language: not a refusal."""
    return _(PROGRAMME_ONLY)


def either(things: Sequence[str]) -> str:
    """Pieces of equipment as alternatives: "a chair or a door frame" ("" for none)."""
    said = ""
    for thing in things:
        words = equipment_words(thing)
        # Translators: two alternatives, "a chair or a door frame" (repeated for a third).
        said = _("{first} or {second}").format(first=said, second=words) if said else words
    return said


def uses(candidate: Candidate, prefs: Preferences) -> str | None:
    """What of the user's things a stretch in the rotation is done with ("a door
    frame"), so a list can say why a stick stretch is there without a stick."""
    if "none" in candidate.equipment:
        return None
    mine = sorted(candidate.equipment & prefs.equipment)
    return either(mine) or None


def resting(done: Iterable[Done], now: datetime) -> frozenset[str]:
    """Stretches rated "it hurt" within the last ``HURT_REST``."""
    return frozenset(d.stretch for d in done if d.feeling is Feeling.HURT and now - d.at < HURT_REST)


def still_offered(candidate: Candidate, prefs: Preferences, done: Iterable[Done], now: datetime) -> bool:
    """Whether a stretch proposed earlier (by a reminder since snoozed or held) may
    still be offered at ``now``: rules 1 and 2 hold for it. A stretch the user said
    hurt is never offered again, not even by a reminder that proposed it before."""
    return allowed(candidate, prefs) and candidate.id not in resting(done, now)


def pick(
    candidates: Sequence[Candidate],
    prefs: Preferences,
    done: Sequence[Done],
    now: datetime,
    last: str | None = None,
    recent: Recent | None = None,
) -> str | None:
    """The id of the stretch to offer next, or None when nothing fits the filters."""
    recent = recent or Recent(last=last)
    hurt = resting(done, now)
    ql = {c.id for c in candidates if c.for_ql}
    pool = [c.id for c in candidates if allowed(c, prefs) and c.id not in hurt]
    pool = _narrowed(pool, lambda s: s not in recent.declined)
    pool = _narrowed(pool, lambda s: s != (recent.last or last))
    if not recent.ql_lately:
        pool = _narrowed(pool, lambda s: s in ql)
    if not pool:
        return None
    order = {stretch: index for index, stretch in enumerate(pool)}
    return max(pool, key=lambda stretch: (_score(stretch, done, now), stretch in ql, -order[stretch]))


def _narrowed(pool: list[str], keep: Callable[[str], bool]) -> list[str]:
    """``pool`` with only what ``keep`` keeps, unless that would leave nothing."""
    kept = [s for s in pool if keep(s)]
    return kept or pool


def _score(stretch: str, done: Sequence[Done], now: datetime) -> float:
    mine = [d for d in done if d.stretch == stretch]
    if mine:
        latest = max(d.at for d in mine)
        stale = min(NEVER_DONE_DAYS, (now - latest) / timedelta(days=1))
    else:
        stale = NEVER_DONE_DAYS
    recent = [d.feeling for d in mine if now - d.at < RATING_MEMORY]
    better = recent.count(Feeling.BETTER)
    worse = recent.count(Feeling.WORSE)
    return stale + RATING_WEIGHT * (better - worse)
