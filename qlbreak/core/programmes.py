"""Programmes: a named course of sessions (the ball release every day for two weeks,
strengthening twice a week for six), and the rules that say where one stands.

Nothing here is stored: a programme's standing is rebuilt from the history alone (its
marks, ``Marked``, and the exercises done to the end, ``picker.Done``), so a restart of
the app changes nothing. Each decision is a table below, read top to bottom; the first
row whose test holds decides:

- ``MOVES``: what a mark (start, pause, resume, stop) does to the course; a pair not in
  it is refused, with ``refusal``'s words (one programme under way at a time);
- ``DAY_RULES``: whether a day with an exercise done counts as a session;
- in ``programme_offers.py``: ``RELEASE_RULES`` (seed 004, release then stretch: which
  stretches the picker keeps) and ``OFFER_RULES`` (strengthening, offered once).

Days are the local dates the records carry (as the user lived them); every function
takes ``now`` and ignores what is recorded after it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol, TypeVar

from qlbreak.core.picker import Done
from qlbreak.core.programme_words import paused_or_stopped
from qlbreak.core.words import N_, _, ngettext


class Spacing(StrEnum):
    DAILY = "daily"  # one session a day
    TWICE_A_WEEK = "twice a week"  # two a week (Monday to Sunday), at least GAP_DAYS apart


GAP_DAYS = 3  # twice a week: a session counts this many days after the last one, at the soonest
PER_WEEK = 2


@dataclass(frozen=True)
class Exercise:
    """What the rules need to know of a catalogue entry (``exercises`` builds them)."""

    id: str
    kind: str = "stretch"  # or "strengthen"
    for_ql: bool = False  # targets the quadratus lumborum


class Entry(Protocol):
    """A catalogue entry as ``exercises`` reads it (``stretches.catalogue.Stretch``)."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def targets(self) -> tuple[str, ...]: ...


def exercises(entries: Iterable[Entry]) -> dict[str, Exercise]:
    """The catalogue as the rules see it, by id."""
    return {e.id: Exercise(e.id, e.kind, "ql" in e.targets) for e in entries}


@dataclass(frozen=True)
class Programme:
    id: str
    name: str
    length: int  # sessions (days, for a daily one)
    spacing: Spacing
    exercises: tuple[str, ...] = ()  # a session's exercises, the one preferred first
    kind: str | None = None  # or: any exercise of this kind
    unit: str = "day"  # what one session is called: "day 5 of 14", "session 3 of 12" (or "session")
    about: str = ""  # one line for the list
    # ``name`` and ``about`` are marked with N_ (the English is the id's words, the CLI's
    # match): shown through ``_``, as ``Standing.words`` does.

    def counts(self, exercise: str, known: Mapping[str, Exercise]) -> bool:
        """Whether doing ``exercise`` to the end is a session of this programme."""
        if exercise in self.exercises:
            return True
        found = known.get(exercise)
        return self.kind is not None and found is not None and found.kind == self.kind

    def choices(self, known: Mapping[str, Exercise], allowed: Collection[str]) -> tuple[str, ...]:
        """Today's exercise, for the picker: the first of its own the user's filters
        (``allowed``) keep (the wall release at the office, the lying one at home), or,
        for a kind, every one of that kind they keep (the picker rotates them)."""
        own = [e for e in self.exercises if e in allowed]
        if own:
            return (own[0],)
        return tuple(e for e in known if e in allowed and self.counts(e, known))


# The first programmes, from the sources (seed 001: the ball release once a day for two
# weeks; Sihawong et al. 2014: strengthening twice a week).
BALL_RELEASE = Programme(
    "ball-release",
    N_("Ball release"),
    14,
    Spacing.DAILY,
    ("ql-ball-wall-release", "ql-ball-release"),
    about=N_("the ball release once a day for two weeks (against a wall at work, lying down at home)"),
)
STRENGTHEN = Programme(
    "strengthen",
    N_("Strengthening"),
    12,
    Spacing.TWICE_A_WEEK,
    kind="strengthen",
    unit="session",
    about=N_("a strengthening exercise twice a week for six weeks"),
)
PROGRAMMES: tuple[Programme, ...] = (BALL_RELEASE, STRENGTHEN)
RELEASES = frozenset(BALL_RELEASE.exercises)


def find(programme_id: str, programmes: Sequence[Programme] = PROGRAMMES) -> Programme | None:
    return next((p for p in programmes if p.id == programme_id), None)


class Mark(StrEnum):
    """A programme's record in the history (``Record.PROGRAMME``)."""

    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    STOP = "stop"
    FINISHED = "finished"  # the user was told the course is complete (said once)
    OFFERED = "offered"  # the strengthening programme was offered
    DECLINED = "declined"  # ... and the user said no thanks


@dataclass(frozen=True)
class Marked:
    at: datetime
    mark: Mark
    programme: str


class State(StrEnum):
    UNDER_WAY = "under way"
    PAUSED = "paused"
    DONE = "done"
    STOPPED = "stopped"


# (state of the latest course, or None when none was ever started; mark) -> new state.
# START begins a new course at day 1; a pair not here is refused and changes nothing.
MOVES: dict[tuple[State | None, Mark], State] = {
    (None, Mark.START): State.UNDER_WAY,
    (State.DONE, Mark.START): State.UNDER_WAY,
    (State.STOPPED, Mark.START): State.UNDER_WAY,
    (State.UNDER_WAY, Mark.PAUSE): State.PAUSED,
    (State.PAUSED, Mark.RESUME): State.UNDER_WAY,
    (State.UNDER_WAY, Mark.STOP): State.STOPPED,
    (State.PAUSED, Mark.STOP): State.STOPPED,
}
COURSE_MARKS = frozenset({Mark.START, Mark.PAUSE, Mark.RESUME, Mark.STOP})


@dataclass(frozen=True)
class Standing:
    """Where the latest course stands, for the tray, Settings, Progress and the CLI."""

    programme: Programme
    state: State
    sessions: int  # sessions counted
    done_today: bool  # today's session is done
    due: bool  # a session would count if done today (under way, and the spacing allows it)
    started: date
    tell_finished: bool = False  # complete and not yet said (the app says so, then marks FINISHED)
    next_day: date | None = None  # under way: the first day from today on that a session counts

    @property
    def name(self) -> str:
        return self.programme.name

    @property
    def length(self) -> int:
        return self.programme.length

    @property
    def day(self) -> int:
        """N in "day N of M": the sessions done, plus today's while it is still to do."""
        if self.state is State.DONE:
            return self.length
        return min(self.length, self.sessions + (0 if self.done_today else 1))

    @property
    def active(self) -> bool:
        """Under way or paused: the one programme there can be at a time."""
        return self.state in (State.UNDER_WAY, State.PAUSED)

    @property
    def where(self) -> str:
        """Where it stands, in words: "day 5 of 14", "session 3 of 12"."""
        if self.programme.unit == "session":
            return _("session {day} of {length}").format(day=self.day, length=self.length)
        # Translators: where a programme stands: "day 5 of 14".
        return _("day {day} of {length}").format(day=self.day, length=self.length)

    def words(self) -> str:
        """Today's day while under way ("day 5 of 14"); once paused or stopped, what was
        done ("paused after 4 of 14 days"): "stopped at session 1" read as if undone."""
        name, n, length = _(self.name), self.sessions, self.length
        sessions = self.programme.unit == "session"
        if self.state is State.UNDER_WAY:
            # Translators: a programme's name, then where it stands ("day 5 of 14").
            return _("{name}: {where}").format(name=name, where=self.where)
        if self.state is State.DONE and sessions:
            text = ngettext("{name}: all {length} session done", "{name}: all {length} sessions done", length)
            return text.format(name=name, length=length)
        if self.state is State.DONE:
            return ngettext("{name}: all {length} day done", "{name}: all {length} days done", length).format(
                name=name, length=length
            )
        return paused_or_stopped(name, self.state is State.PAUSED, sessions, n, length)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.programme.id,
            "name": self.name,  # English: the programme's own words, machine-read
            "day": self.day,
            "length": self.length,
            "state": self.state.value,
            "done_today": self.done_today,
        }


# Each mark in the history's plain words ("Programme: Ball release started").
MARK_WORDS = {
    Mark.START: N_("Programme: {name} started"),
    Mark.PAUSE: N_("Programme: {name} paused"),
    Mark.RESUME: N_("Programme: {name} resumed"),
    Mark.STOP: N_("Programme: {name} stopped"),
    Mark.FINISHED: N_("Programme: {name} complete"),
    Mark.OFFERED: N_("Programme: {name} suggested"),
    Mark.DECLINED: N_("Programme: {name} suggested, and you said no thanks"),
}


def mark_words(programme_id: str | None, mark: Mark | None) -> str:
    """A mark in the history's plain words ("Programme: Ball release started")."""
    found = find(programme_id or "")
    name = _(found.name) if found else programme_id or _("a programme")
    # Translators: {name} is a programme's name ("Ball release").
    return _(MARK_WORDS[mark]).format(name=name) if mark else _("Programme: {name}").format(name=name)


def refusal(standing: Standing | None, mark: Mark, programme: Programme | None = None) -> str | None:
    """Why ``mark`` cannot be made now (one plain line), or None when it can."""
    state = standing.state if standing else None
    if (state, mark) in MOVES or mark not in COURSE_MARKS:
        return None
    if standing is None or not standing.active:
        return _("no programme is paused") if mark is Mark.RESUME else _("no programme is under way")
    name, where = _(standing.name), standing.where
    if mark is Mark.START:
        return _busy(standing, programme)
    if mark is Mark.PAUSE:
        # Translators: {name} is a programme's name; {where} is "day 5 of 14".
        return _("{name} is already paused (at {where})").format(name=name, where=where)
    return _("{name} is not paused: it is under way ({where})").format(name=name, where=where)


def _busy(standing: Standing, programme: Programme | None) -> str:
    name, where, paused = _(standing.name), standing.where, standing.state is State.PAUSED
    if programme is not None and programme.id == standing.programme.id:
        if paused:
            # Translators: {name} is a programme's name; {where} is "day 5 of 14".
            return _("{name} has already started ({where}, paused)").format(name=name, where=where)
        return _("{name} has already started ({where}, under way)").format(name=name, where=where)
    if paused:
        return _("{name} is paused ({where}); one programme at a time, so stop it first").format(name=name, where=where)
    return _("{name} is under way ({where}); one programme at a time, so stop it first").format(name=name, where=where)


# The rules, as tables of (what it says, its test, its answer): the first row whose test
# holds decides (``first``). Each row has its own unit test.
F = TypeVar("F")
A = TypeVar("A")


def first(rules: Sequence[tuple[str, Callable[[F], bool], A]], facts: F) -> tuple[str, Callable[[F], bool], A]:
    """The row of ``rules`` that decides for ``facts``."""
    return next(row for row in rules if row[1](facts))


@dataclass(frozen=True)
class DayFacts:
    """A day on which one of the programme's exercises was done to the end (a missed day
    has no record: it neither counts nor restarts the course)."""

    state: State | None  # the course's state at that moment
    counted: bool  # that day already counted
    spacing: Spacing
    since_last: int | None  # days since the last session counted (None: none yet)
    this_week: int  # sessions counted in that Monday-to-Sunday week


DAY_RULES: tuple[tuple[str, Callable[[DayFacts], bool], bool], ...] = (
    (
        "no course under way (none started, stopped, or complete)",
        lambda f: f.state in (None, State.STOPPED, State.DONE),
        False,
    ),
    ("paused: days do not count", lambda f: f.state is State.PAUSED, False),
    ("that day already counted: one session a day", lambda f: f.counted, False),
    (
        f"twice a week: less than {GAP_DAYS} days after the last session",
        lambda f: f.spacing is Spacing.TWICE_A_WEEK and f.since_last is not None and f.since_last < GAP_DAYS,
        False,
    ),
    (
        f"twice a week: {PER_WEEK} sessions that week already",
        lambda f: f.spacing is Spacing.TWICE_A_WEEK and f.this_week >= PER_WEEK,
        False,
    ),
    ("otherwise: the day counts, one session (the last one completes the course)", lambda f: True, True),
)


@dataclass
class _Course:
    programme: Programme
    started: date
    state: State = State.UNDER_WAY
    days: list[date] = field(default_factory=list)  # the sessions counted, in order
    said: bool = False  # FINISHED marked

    def facts(self, day: date) -> DayFacts:
        last = self.days[-1] if self.days else None
        week = day - timedelta(days=day.weekday())
        return DayFacts(
            self.state,
            day in self.days,
            self.programme.spacing,
            (day - last).days if last else None,
            sum(week <= d <= day for d in self.days),
        )

    def next_day(self, today: date) -> date | None:
        """The first day from ``today`` on that a session would count (under way only)."""
        if self.state is not State.UNDER_WAY:
            return None
        ahead = (today + timedelta(days=n) for n in range(8))  # a week holds one at the latest
        return next((day for day in ahead if day not in self.days and first(DAY_RULES, self.facts(day))[2]), None)


def standing(
    marks: Iterable[Marked],
    done: Iterable[Done],
    known: Mapping[str, Exercise],
    now: datetime,
    programmes: Sequence[Programme] = PROGRAMMES,
) -> Standing | None:
    """Where the latest course stands, from the history alone (its marks and the
    exercises done to the end), or None when no programme was ever started. A mark that
    ``MOVES`` refuses, or that names another programme than the course's, changes nothing."""
    timeline = sorted(
        [(m.at, 0, m) for m in marks if m.at <= now] + [(d.at, 1, d) for d in done if d.at <= now],
        key=lambda item: (item[0], item[1]),
    )
    course: _Course | None = None
    for at, _order, item in timeline:
        if isinstance(item, Done):
            counts = course is not None and course.programme.counts(item.stretch, known)
            if course is not None and counts and first(DAY_RULES, course.facts(at.date()))[2]:
                course.days.append(at.date())
                if len(course.days) >= course.programme.length:
                    course.state = State.DONE
            continue
        programme = find(item.programme, programmes)
        if programme is None:
            continue  # a programme this qlbreak does not know (a newer one's)
        if item.mark is Mark.FINISHED and course is not None and course.programme == programme:
            course.said = True
        state = course.state if course is not None else None
        if (state, item.mark) not in MOVES:
            continue
        if item.mark is Mark.START:
            course = _Course(programme, at.date())
        elif course is not None and course.programme == programme:
            course.state = MOVES[(state, item.mark)]
    if course is None:
        return None
    today = now.date()
    return Standing(
        course.programme,
        course.state,
        len(course.days),
        today in course.days,
        first(DAY_RULES, course.facts(today))[2],
        course.started,
        course.state is State.DONE and not course.said,
        course.next_day(today),
    )
