"""Which stretch next: the user's filters, a rotation, and what the user felt.

Rules, in order: a stretch must pass the user's filters (floor, equipment, avoid);
one rated "it hurt" is left out for ``HURT_REST``; the last stretch is never offered
again straight away (unless it is the only one left); among the rest, the one not
done for longest wins, nudged up by "better" ratings and down by "worse" ones. Ties
go to catalogue order, so the choice is deterministic and testable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from qlbreak.core.session import Feeling

HURT_REST = timedelta(days=14)
RATING_MEMORY = timedelta(days=60)
NEVER_DONE_DAYS = 30.0  # how stale a stretch never done counts as
RATING_WEIGHT = 4.0  # one "better" is worth this many days of staleness


@dataclass(frozen=True)
class Candidate:
    id: str
    no_floor: bool
    equipment: frozenset[str]  # any one of these will do; "none" needs nothing


@dataclass(frozen=True)
class Preferences:
    no_floor: bool = False
    equipment: frozenset[str] = frozenset({"none", "chair"})
    avoid: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Done:
    """A stretch the user finished, with how it felt if they said."""

    stretch: str
    at: datetime
    feeling: Feeling | None = None


def allowed(candidate: Candidate, prefs: Preferences) -> bool:
    if candidate.id in prefs.avoid:
        return False
    if prefs.no_floor and not candidate.no_floor:
        return False
    return "none" in candidate.equipment or bool(candidate.equipment & prefs.equipment)


def resting(done: Iterable[Done], now: datetime) -> frozenset[str]:
    """Stretches rated "it hurt" within the last ``HURT_REST``."""
    return frozenset(d.stretch for d in done if d.feeling is Feeling.HURT and now - d.at < HURT_REST)


def pick(
    candidates: Sequence[Candidate],
    prefs: Preferences,
    done: Sequence[Done],
    now: datetime,
    last: str | None = None,
) -> str | None:
    """The id of the stretch to offer next, or None when nothing fits the filters."""
    hurt = resting(done, now)
    pool = [c.id for c in candidates if allowed(c, prefs) and c.id not in hurt]
    if len(pool) > 1 and last in pool:
        pool.remove(last)
    if not pool:
        return None
    order = {stretch: index for index, stretch in enumerate(pool)}
    return max(pool, key=lambda stretch: (_score(stretch, done, now), -order[stretch]))


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
