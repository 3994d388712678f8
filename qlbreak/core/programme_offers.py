"""Two nudges beyond a programme's own days, each a table (``programmes.first`` reads
them): release then stretch (seed 004: after a ball release, a QL side stretch next),
and the one offer of strengthening once the stretching has become a habit (never pushed:
offered once, never again after it was offered, declined or started).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from qlbreak.core.picker import Done
from qlbreak.core.programmes import RELEASES, STRENGTHEN, Exercise, Mark, Marked, first, standing


@dataclass(frozen=True)
class ReleaseFacts:
    released: bool  # a ball release was done to the end today
    stretched_after: bool  # a QL side stretch was done to the end after it


RELEASE_RULES: tuple[tuple[str, Callable[[ReleaseFacts], bool], bool], ...] = (
    ("no ball release done today: the picker as usual", lambda f: not f.released, False),
    ("a QL side stretch already followed it: the picker as usual", lambda f: f.stretched_after, False),
    ("a ball release done today, no QL side stretch since: one comes next", lambda f: True, True),
)


def side_stretches(known: Mapping[str, Exercise]) -> frozenset[str]:
    """The QL side stretches: stretches for the QL that are not a ball release."""
    return frozenset(e.id for e in known.values() if e.kind == "stretch" and e.for_ql and e.id not in RELEASES)


def release_then_stretch(done: Iterable[Done], known: Mapping[str, Exercise], now: datetime) -> frozenset[str] | None:
    """Seed 004, release the knots and then stretch: the stretches the picker should
    keep to next (``RELEASE_RULES``), or None to pick as usual. ``done``: the exercises
    done to the end (today's are enough)."""
    today = sorted((d.at, d.stretch) for d in done if d.at.date() == now.date() and d.at <= now)
    releases = [at for at, stretch in today if stretch in RELEASES]
    sides = side_stretches(known)
    facts = ReleaseFacts(bool(releases), bool(releases) and any(at >= releases[-1] and s in sides for at, s in today))
    return sides if first(RELEASE_RULES, facts)[2] else None


OFFER_AFTER_DAYS = 14  # strengthening is offered after two weeks of stretching, at the soonest
OFFER_WORK_DAYS = 10  # looking back over this many work days (two weeks of five) ...
OFFER_MIN_DONE = 7  # ... with a stretch done on at least this many of them
ASKED = frozenset({Mark.OFFERED, Mark.DECLINED, Mark.START})


@dataclass(frozen=True)
class OfferFacts:
    asked: bool  # strengthening was offered, declined or started before
    busy: bool  # a programme is under way or paused
    days_stretching: int  # days since the first stretch done (0: none yet, or today)
    work_days_done: int  # of the last OFFER_WORK_DAYS work days, those with a stretch done


OFFER_RULES: tuple[tuple[str, Callable[[OfferFacts], bool], bool], ...] = (
    ("offered, declined or started before: never again", lambda f: f.asked, False),
    ("a programme under way or paused: not now", lambda f: f.busy, False),
    (
        f"stretching for less than {OFFER_AFTER_DAYS} days: not yet",
        lambda f: f.days_stretching < OFFER_AFTER_DAYS,
        False,
    ),
    (
        f"stretches on at least {OFFER_MIN_DONE} of the last {OFFER_WORK_DAYS} work days: offer it, once",
        lambda f: f.work_days_done >= OFFER_MIN_DONE,
        True,
    ),
    ("otherwise: not yet", lambda f: True, False),
)


def offer_strengthening(
    marks: Iterable[Marked],
    done: Iterable[Done],
    known: Mapping[str, Exercise],
    workdays: frozenset[int],
    now: datetime,
) -> bool:
    """Whether to offer the strengthening programme now (``OFFER_RULES``); the app
    marks OFFERED when it does, so it is never offered again. ``workdays``: 0 = Monday;
    none means every day; today counts once a stretch is done."""
    marks = [m for m in marks if m.at <= now]
    days = {d.at.date() for d in done if d.at <= now and _stretch(d.stretch, known)}
    today = now.date()
    looked: list[date] = []
    day = today if today in days else today - timedelta(days=1)
    while days and len(looked) < OFFER_WORK_DAYS and day >= min(days):
        if day.weekday() in (workdays or range(7)):
            looked.append(day)
        day -= timedelta(days=1)
    course = standing(marks, done, known, now)
    facts = OfferFacts(
        any(m.mark in ASKED and m.programme == STRENGTHEN.id for m in marks),
        course is not None and course.active,
        (today - min(days)).days if days else 0,
        sum(d in days for d in looked),
    )
    return first(OFFER_RULES, facts)[2]


def _stretch(exercise: str, known: Mapping[str, Exercise]) -> bool:
    """A stretch (one no longer in the catalogue still was one), not a strengthening exercise."""
    found = known.get(exercise)
    return found is None or found.kind == "stretch"
