"""The tray and the programmes (``programmes.py``, ``programme_offers.py``): what the
next offer is on a programme day, and what the icon says of the course.

Which stretches the next offer is chosen among, as a table (``STEER``, read top to
bottom; the first row that holds decides). The picker (``picker.pick``) then chooses
among them with its usual rules, and picks as usual when they leave nothing:

    row  when                                                      the offer comes from
    1    a course under way, today one of its days, its session    today's programme
         not done yet, and its exercise not declined today         exercise
    2    a ball release done today, no QL side stretch since       the QL side stretches
         (seed 004: release, then stretch)
    3    otherwise                                                 the whole rotation

A strengthening exercise, never in the plain rotation, is offered here by the user's
filters alone (``plain``). A reminder shows what this says; the stretch window then
opens on it. Nothing here
reads a clock or a file: the loop reads the history (``tray/observing.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from qlbreak.core import programme_offers
from qlbreak.core.picker import Candidate, Done, Preferences, Recent, pick, still_offered
from qlbreak.core.programmes import Exercise, Standing, State, first
from qlbreak.core.words import _, formats


@dataclass(frozen=True, slots=True)
class Programmes:
    """What the history says of the programmes, read by the loop: where the latest
    course stands (None: none was ever started) and today's exercises done to the end."""

    standing: Standing | None = None
    finished_today: tuple[Done, ...] = ()


@dataclass(frozen=True, slots=True)
class SteerFacts:
    """What ``STEER`` decides by."""

    today: tuple[str, ...]  # today's programme exercises the user's filters keep (empty: no session due)
    declined: bool  # one of them was skipped or swapped today: not pushed again
    after_release: frozenset[str] | None  # the QL side stretches, after a ball release (else None)


Steer = Callable[[SteerFacts], frozenset[str] | None]
STEER: tuple[tuple[str, Callable[[SteerFacts], bool], Steer], ...] = (
    (
        "a programme day, its session not done, not declined today: today's programme exercise",
        lambda f: bool(f.today) and not f.declined,
        lambda f: frozenset(f.today),
    ),
    (
        "a ball release done today, no QL side stretch since: a QL side stretch",
        lambda f: f.after_release is not None,
        lambda f: f.after_release,
    ),
    ("otherwise: the whole rotation", lambda f: True, lambda f: None),
)


def session_due(standing: Standing | None) -> bool:
    """Whether a session of the course would count today and is not done yet."""
    return standing is not None and standing.state is State.UNDER_WAY and standing.due and not standing.done_today


def steer(
    candidates: tuple[Candidate, ...],
    prefs: Preferences,
    done: tuple[Done, ...],
    known: dict[str, Exercise],
    programmes: Programmes,
    recent: Recent,
    now: datetime,
) -> frozenset[str] | None:
    """The stretches the next offer is chosen among (``STEER``), or None: any."""
    allowed = {c.id for c in candidates if still_offered(plain(c), prefs, done, now)}
    standing = programmes.standing
    today = standing.programme.choices(known, allowed) if session_due(standing) and standing else ()
    after = programme_offers.release_then_stretch(programmes.finished_today, known, now)
    sides = after & allowed if after is not None else frozenset()  # none the filters keep: as usual
    facts = SteerFacts(today=today, declined=bool(set(today) & recent.declined), after_release=sides or None)
    return first(STEER, facts)[2](facts)


def pick_next(
    candidates: tuple[Candidate, ...],
    prefs: Preferences,
    done: tuple[Done, ...],
    known: dict[str, Exercise],
    programmes: Programmes,
    recent: Recent,
    now: datetime,
) -> str | None:
    """The picker's choice among what ``steer`` keeps; as usual when that is nothing."""
    kept = steer(candidates, prefs, done, known, programmes, recent, now)
    if kept is not None:
        among = tuple(plain(c) for c in candidates if c.id in kept)
        # the last offered is not held against a programme's one exercise (rule 4 would
        # leave it in anyway): a second reminder the same day offers it again
        chosen = pick(among, prefs, done, now, recent=recent)
        if chosen is not None:
            return chosen
    return pick(candidates, prefs, done, now, recent=recent)


def plain(candidate: Candidate) -> Candidate:
    """A candidate as a programme offers it: by the user's filters alone (the picker
    keeps strengthening exercises out of the plain rotation: rule 1)."""
    return replace(candidate, exercise=False) if candidate.exercise else candidate


def line(standing: Standing | None) -> str | None:
    """Where a programme stands, for the tray's tooltip and menu ("Ball release: day 5
    of 14", "..., done today", "Strengthening: session 2 of 12, next on Thu 3 Dec");
    None when there is nothing to say (none started, or stopped)."""
    if standing is None or standing.state is State.STOPPED:
        return None
    if standing.state is State.UNDER_WAY and standing.done_today:
        # Translators: {standing} is where a programme stands ("Ball release: day 5 of 14").
        return _("{standing}, done today").format(standing=standing.words())
    coming = standing.next_day
    if standing.state is State.UNDER_WAY and not standing.due and coming is not None:  # twice a week: not today
        # Translators: {standing} as in "{standing}, done today"; {day} is "Thu 3 Dec".
        return _("{standing}, next on {day}").format(standing=standing.words(), day=formats().day(coming))
    return standing.words()
