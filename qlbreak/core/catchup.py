"""One gentle catch-up: a reminder the user never saw (away, locked, asleep, held past
its grace window) is offered once more, "Missed your morning stretch: do it now?",
the first time nothing holds reminders later that day, before the next one is due.

Which misses earn one (``EARNS``, by the reminder's stage when it was missed):

    missed while        catch-up   why
    not yet shown       yes        noticed late: the machine slept or was off
    held                yes        presenting, in a call, away or locked all along
    snoozed             yes        the snooze ended while the machine slept
    due (on screen)     no         it was seen and let pass: asking again is nagging
    superseded          no         the next reminder is showing now
    (fell due paused)   no         the user asked for quiet, however late it is noticed

And when one is offered (``offer``): switched on, at most one a day, only on the day
of the missed occurrence, never at or after the next reminder's time, never while
something holds reminders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from qlbreak.core.reminder import OnShow, Stage
from qlbreak.core.schedule import Occurrence

SHOWN_AT_LEAST = timedelta(minutes=10)
EARNS: dict[Stage | None, bool] = {None: True, Stage.HELD: True, Stage.SNOOZED: True, Stage.DUE: False}


@dataclass(frozen=True, slots=True)
class Pending:
    """A catch-up waiting for the user to be back; ``before``: the next reminder's time."""

    occurrence: Occurrence
    stretch: str
    name: str
    before: datetime


def after_miss(
    occurrence: Occurrence,
    stage: Stage | None,
    superseded: bool,
    stretch: str,
    name: str,
    next_at: datetime | None,
    now: datetime,
    paused: bool = False,
) -> Pending | None:
    """The catch-up a miss earns, if any. ``stage``: the reminder's stage when it was
    missed (None: it was never shown); ``next_at``: when the next reminder is due;
    ``paused``: it fell due while reminders were paused."""
    if paused or superseded or not EARNS.get(stage, False) or occurrence.day != now.date():
        return None  # (an earlier day's miss, noticed at start, earns nothing today)
    end_of_day = datetime.combine(now.date() + timedelta(days=1), time(0), now.tzinfo)
    before = min(next_at, end_of_day) if next_at is not None else end_of_day
    return Pending(occurrence, stretch, name, before) if now < before else None


def offer(pending: Pending | None, now: datetime, held: bool, offered_on: date | None, on: bool) -> bool:
    """Whether to offer ``pending`` now."""
    if pending is None or not on or held or offered_on == now.date():
        return False
    return now.date() == pending.occurrence.day and now < pending.before


def expired(pending: Pending | None, now: datetime) -> bool:
    """A catch-up no longer worth offering: the next reminder came, or the day ended."""
    return pending is not None and (now >= pending.before or now.date() != pending.occurrence.day)


def reminder_for(pending: Pending, now: datetime, grace: timedelta) -> OnShow:
    """The catch-up as a reminder on show: due for one grace window (at least
    ``SHOWN_AT_LEAST``), never past the next reminder's time."""
    until = min(now + max(grace, SHOWN_AT_LEAST), pending.before)
    return OnShow(pending.occurrence, pending.stretch, pending.name, Stage.DUE, until, catch_up=True)
