"""Is it working? The last four weeks at a glance (issue 22): stretches per day, the
pain of the morning check-ins, how long each side was held, which stretches helped
and which hurt, the streak, and the warning signs answered; with the sentences a
person reads first. The Progress window, its charts and the report all draw from one
``Progress``, so they never disagree.

Events come from the history (``storage.history.Event``) but are only read through
the fields ``Happened`` names: core does not import storage.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Protocol

from qlbreak.core.checkin import Worry, worry_words
from qlbreak.core.kinds import Record
from qlbreak.core.session import Feeling
from qlbreak.core.streak import streak
from qlbreak.core.words import N_, _, formats, ngettext, pgettext

DAYS = 28  # four weeks: long enough for a trend, short enough to be about now
WEEK = 7
EVEN = 0.1  # sides held within 10% of each other are "about the same"
EMPTY = N_(
    "Nothing yet: after your first stretch, this shows how many you did each day,"
    " how your back felt at the morning check-ins, and which stretches helped."
)


class Happened(Protocol):
    """What Progress reads of a history event."""

    @property
    def at(self) -> datetime: ...
    @property
    def kind(self) -> Record: ...
    @property
    def stretch(self) -> str | None: ...
    @property
    def feeling(self) -> Feeling | None: ...
    @property
    def occurrence(self) -> date | None: ...
    @property
    def left_seconds(self) -> float | None: ...
    @property
    def right_seconds(self) -> float | None: ...
    @property
    def pain(self) -> int | None: ...
    @property
    def leg(self) -> bool | None: ...
    @property
    def worry(self) -> Worry | None: ...


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    done: int  # stretches done to the end
    partial: int  # stretches done in part
    missed: int  # reminders that passed unanswered
    workday: bool


@dataclass(frozen=True, slots=True)
class Rated:
    """One stretch: how often it was done and how it felt afterwards."""

    stretch: str
    times: int  # done, wholly or in part
    better: int = 0
    same: int = 0
    worse: int = 0
    hurt: int = 0

    @property
    def helped(self) -> bool:
        return self.better > self.worse + self.hurt

    @property
    def score(self) -> int:
        return self.better - self.worse - 2 * self.hurt


@dataclass(frozen=True, slots=True)
class Sign:
    """A warning sign answered: leg symptoms at a check-in, or a worry said."""

    day: date
    leg: bool  # True: leg symptoms at a check-in; False: ``worry`` was said
    worry: Worry | None = None


@dataclass(frozen=True)
class Progress:
    start: date  # the first of the DAYS days
    today: date
    days: tuple[Day, ...]  # every day from start to today, in order
    pain: tuple[tuple[date, int], ...]  # the check-ins answered (the last of a day)
    left: float  # seconds held, all stretches
    right: float
    ranked: tuple[Rated, ...]  # those that helped first; those that hurt last
    streak: int
    signs: tuple[Sign, ...]
    sentences: tuple[str, ...]  # the glance, in plain words
    flagged: tuple[str, ...] = ()  # those of the sentences to show as warnings: what hurt, the signs

    @property
    def empty(self) -> bool:
        return self.sentences in ((EMPTY,), (_(EMPTY),))  # built in English or the user's language

    @property
    def done(self) -> int:
        return sum(d.done for d in self.days)

    @property
    def partial(self) -> int:
        return sum(d.partial for d in self.days)

    @property
    def missed(self) -> int:
        return sum(d.missed for d in self.days)


def build(
    events: Iterable[Happened],
    now: datetime,
    workdays: Collection[int] = frozenset(range(5)),
    names: Mapping[str, str] | None = None,
    done_days: Iterable[date] | None = None,
) -> Progress:
    """The four weeks up to ``now`` from ``events`` (any order; those outside are left
    out). ``done_days``: every day a stretch was done, for a streak longer than four
    weeks (else the events' own). Days are as the person lived them (each event's
    own offset), as the streak counts them."""
    today = now.date()
    start = today - timedelta(days=DAYS - 1)
    work = frozenset(workdays) or frozenset(range(7))
    inside = sorted((e for e in events if start <= _day(e) <= today), key=lambda e: e.at)
    counts: dict[date, list[int]] = {start + timedelta(days=i): [0, 0, 0] for i in range(DAYS)}
    pain: dict[date, int] = {}
    left = right = 0.0
    rated: dict[str, list[int]] = {}
    signs: list[Sign] = []
    for e in inside:
        day = _day(e)
        if e.kind in (Record.DONE, Record.PARTIAL, Record.MISSED):
            counts[day][(Record.DONE, Record.PARTIAL, Record.MISSED).index(e.kind)] += 1
        if e.kind in (Record.DONE, Record.PARTIAL):
            left += e.left_seconds or 0.0
            right += e.right_seconds or 0.0
            if e.stretch:
                row = rated.setdefault(e.stretch, [0, 0, 0, 0, 0])
                row[0] += 1
                if e.feeling in _RATINGS:  # an exercise's easy/right/too hard says how hard, not how it helped
                    row[1 + _RATINGS.index(e.feeling)] += 1
        elif e.kind is Record.CHECKIN:
            if e.pain is not None:
                pain[day] = e.pain
            if e.leg:
                signs.append(Sign(day, leg=True))
        elif e.kind is Record.WARNED:
            signs.append(Sign(day, leg=False, worry=e.worry))
    days = tuple(Day(d, c[0], c[1], c[2], d.weekday() in work) for d, c in counts.items())
    ranked = tuple(sorted((Rated(s, *r) for s, r in rated.items()), key=_rank))
    stretched = done_days if done_days is not None else (_day(e) for e in inside if e.kind is Record.DONE)
    progress = Progress(
        start,
        today,
        days,
        tuple(sorted(pain.items())),
        left,
        right,
        ranked,
        streak(stretched, work, today),
        tuple(signs),
        (),
    )
    said = sentences(progress, names or {}) if inside else (_(EMPTY),)
    flagged = tuple(_hurt(ranked, names or {}) + _signs(progress.signs))
    return replace(progress, sentences=said, flagged=flagged)


def _day(e: Happened) -> date:
    """A missed reminder belongs to the day it was for; anything else to when it was."""
    return e.occurrence if e.kind is Record.MISSED and e.occurrence else e.at.date()


_RATINGS = (Feeling.BETTER, Feeling.SAME, Feeling.WORSE, Feeling.HURT)  # Rated's order


def _rank(r: Rated) -> tuple[bool, bool, int, int, str]:
    return (r.hurt > 0, not r.helped, -r.score, -r.times, r.stretch)


# -- the glance ---------------------------------------------------------------------


def sentences(p: Progress, names: Mapping[str, str]) -> tuple[str, ...]:
    """What the four weeks say, most telling first; each line stands alone."""
    said = [_stretched(p)]
    said += [line for line in (_pain(p.pain), _sides(p.left, p.right), _streak(p.streak)) if line]
    said += _helped(p.ranked, names) + _hurt(p.ranked, names)
    said += _signs(p.signs)
    return tuple(said)


def _stretched(p: Progress) -> str:
    total = p.done + p.partial
    workdays = [d for d in p.days if d.workday]
    on = sum(1 for d in workdays if d.done + d.partial)
    line = ngettext(
        "{n} stretch in 4 weeks, on {on} of {days} work days",
        "{n} stretches in 4 weeks, on {on} of {days} work days",
        total,
    ).format(n=total, on=on, days=len(workdays))
    if p.partial:
        # Translators: {line} is "12 stretches in 4 weeks, on 9 of 20 work days"; {n} of those.
        text = ngettext("{line} ({n} of them in part)", "{line} ({n} of them in part)", p.partial)
        line = text.format(line=line, n=p.partial)
    if p.missed:
        # Translators: {line} is "12 stretches in 4 weeks, on 9 of 20 work days" (maybe more).
        text = ngettext("{line}; {n} reminder passed unanswered", "{line}; {n} reminders passed unanswered", p.missed)
        line = text.format(line=line, n=p.missed)
    return line


def _pain(series: Sequence[tuple[date, int]]) -> str | None:
    if not series:
        return None
    if len(series) == 1:
        return _("Back pain: {pain} out of 10 (one day of check-ins so far)").format(pain=series[0][1])
    first, last = series[0][0], series[-1][0]
    span = (last - first).days
    # the first week against the last; under two weeks, the first half against the last
    # (two means of the same week would hide a fall from 6 to 3)
    window = timedelta(days=max(1, min(WEEK, span // 2)))
    early = [v for d, v in series if d < first + window]
    late = [v for d, v in series if d > last - window]
    if span >= WEEK:
        weeks = round(span / WEEK)
        # Translators: the mean pain (0 to 10) of the first week, then of the last.
        text = ngettext(
            "Back pain: {early} \u2192 {late} over {n} week (check-ins, 0\u201310)",
            "Back pain: {early} \u2192 {late} over {n} weeks (check-ins, 0\u201310)",
            weeks,
        )
        return text.format(early=_mean(early), late=_mean(late), n=weeks)
    text = ngettext(
        "Back pain: {early} \u2192 {late} over {n} day (check-ins, 0\u201310)",
        "Back pain: {early} \u2192 {late} over {n} days (check-ins, 0\u201310)",
        span,
    )
    return text.format(early=_mean(early), late=_mean(late), n=span)


def _sides(left: float, right: float) -> str | None:
    if min(left, right) < 1:  # one side only (or none): nothing to compare
        return None
    longer = left / right if left >= right else right / left
    if longer - 1 < EVEN:
        return _("Left and right sides held about as long as each other")
    # Translators: a percentage, "20%" (the sign in the blank keeps "%" out of the sentence).
    percent = _("{n}%").format(n=round((longer - 1) * 100))
    if left >= right:
        # Translators: "Left side held 20% longer than the right"; {percent} is "20%".
        return _("Left side held {percent} longer than the right").format(percent=percent)
    return _("Right side held {percent} longer than the left").format(percent=percent)


def _streak(run: int) -> str | None:
    if not run:
        return None
    text = ngettext(
        "Streak: {n} work day in a row with a stretch", "Streak: {n} work days in a row with a stretch", run
    )
    return text.format(n=run)


def _helped(ranked: Sequence[Rated], names: Mapping[str, str]) -> list[str]:
    best = next((r for r in ranked if r.helped and not r.hurt), None)
    if best is None:
        return []
    # Translators: {name} is a stretch's name; it felt better {better} of the {n} times it was done.
    text = ngettext(
        "Helped most: {name} (felt better {better} of {n} times)",
        "Helped most: {name} (felt better {better} of {n} times)",
        best.times,
    )
    return [text.format(name=names.get(best.stretch, best.stretch), better=best.better, n=best.times)]


def _hurt(ranked: Sequence[Rated], names: Mapping[str, str]) -> list[str]:
    return [_hurt_line(names.get(r.stretch, r.stretch), r.hurt) for r in ranked if r.hurt]


def _hurt_line(name: str, n: int) -> str:
    """A stretch rated "it hurt", and how often: one whole sentence per case."""
    if n == 1:
        # Translators: {name} is a stretch's name.
        return _("{name} hurt once: talk it over before doing it again").format(name=name)
    if n == 2:
        return _("{name} hurt twice: talk it over before doing it again").format(name=name)
    text = ngettext(
        "{name} hurt {n} time: talk it over before doing it again",
        "{name} hurt {n} times: talk it over before doing it again",
        n,
    )
    return text.format(name=name, n=n)


def _signs(signs: Sequence[Sign]) -> list[str]:
    said = []
    legs = sum(1 for s in signs if s.leg)
    if legs:
        text = ngettext(
            "Pain, numbness or tingling down a leg: said at {n} check-in",
            "Pain, numbness or tingling down a leg: said at {n} check-ins",
            legs,
        )
        said.append(text.format(n=legs))
    for worry in dict.fromkeys(s.worry for s in signs if not s.leg and s.worry):
        when = max(s.day for s in signs if s.worry is worry)
        # Translators: {worry} is a whole sentence of its own; {day} is "Thu 3 Dec".
        said.append(_("{worry} (said {day})").format(worry=worry_words(worry), day=formats().day(when)))
    return said


def _mean(values: Sequence[int]) -> str:
    mean = round(sum(values) / len(values), 1)
    if mean == int(mean):
        return f"{mean:.0f}"
    # Translators: the decimal mark of a mean pain rating, "4.5" (German: ",").
    return f"{mean:.1f}".replace(".", pgettext("decimal mark", "."))
