"""The reminder on show, from the moment it falls due until it ends: every transition
lives in this file, in ``MOVES``.

Invariants (tests/unit/test_reminder.py proves each for every reachable stage):

- One reminder is on show at a time: one occurrence with the stretch it proposes,
  which stays the same across a snooze (and a restart: the state file keeps it),
  unless it may no longer be offered when it shows again: rated "it hurt" since, or
  left out by the settings (``picker.still_offered``); then a fresh pick replaces it.
- Its ``stage`` says what the user sees. DUE: the prompt, the notification, the
  orange icon, until ``until`` (the end of its grace window). HELD: due, but kept back
  while something holds reminders (the user presents, is in a call, is away: the
  detectors that send HOLD and RELEASE come with issue 12); still ends at ``until``.
  SNOOZED: hidden, back at ``until``. DISMISSED and EXPIRED are final: the service
  forgets the reminder.
- ``move`` is the one way to change a reminder. An event its stage does not allow
  raises ``IllegalMove`` and changes nothing; a legal one returns the new reminder
  and the history record the move means (snoozed, skipped, missed), if any.
- Time moves a reminder only through ``timed_event``: nothing here reads the clock.
- A stretch done ends the reminder in any live stage: done while it was due, held
  by the open stretch window, or snoozed, it never comes back (``STRETCHED``).
- ``schedule.py`` decides when an occurrence falls due or is missed before it is
  ever shown; ``covered`` decides whether one that falls due needs showing at all
  (a stretch just done, or the day's stretches all done); from then on, this file
  decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum

from qlbreak.core.kinds import Record
from qlbreak.core.schedule import Occurrence, OccurrenceKey, reminder_name
from qlbreak.core.words import _


class Stage(Enum):
    DUE = "due"
    HELD = "held"
    SNOOZED = "snoozed"
    DISMISSED = "dismissed"
    EXPIRED = "expired"


FINAL = frozenset({Stage.DISMISSED, Stage.EXPIRED})


class Trigger(Enum):
    SNOOZE = "snooze"  # the user: later, please
    SKIP = "skip"  # the user: not today (a pause covers the reminder on show too)
    STRETCHED = "stretched"  # a stretch was done while it was due
    HOLD = "hold"  # something holds reminders back
    RELEASE = "release"  # nothing holds them any more
    RETURN = "return"  # a snooze ended inside the grace window
    EXPIRE = "expire"  # its time ran out unanswered
    SUPERSEDE = "supersede"  # a newer occurrence fell due


# (stage, event) -> (the stage it leads to, the history record it means).
MOVES: dict[tuple[Stage, Trigger], tuple[Stage, Record | None]] = {
    (Stage.DUE, Trigger.SNOOZE): (Stage.SNOOZED, Record.SNOOZED),
    (Stage.DUE, Trigger.SKIP): (Stage.DISMISSED, Record.SKIPPED),
    (Stage.DUE, Trigger.STRETCHED): (Stage.DISMISSED, None),  # the window recorded "done"
    (Stage.DUE, Trigger.HOLD): (Stage.HELD, None),
    (Stage.DUE, Trigger.EXPIRE): (Stage.EXPIRED, Record.MISSED),
    (Stage.DUE, Trigger.SUPERSEDE): (Stage.EXPIRED, Record.MISSED),
    (Stage.HELD, Trigger.RELEASE): (Stage.DUE, None),
    (Stage.HELD, Trigger.SNOOZE): (Stage.SNOOZED, Record.SNOOZED),  # its stretch window closed unused
    (Stage.HELD, Trigger.SKIP): (Stage.DISMISSED, Record.SKIPPED),
    (Stage.HELD, Trigger.STRETCHED): (Stage.DISMISSED, None),
    (Stage.HELD, Trigger.EXPIRE): (Stage.EXPIRED, Record.MISSED),
    (Stage.HELD, Trigger.SUPERSEDE): (Stage.EXPIRED, Record.MISSED),
    (Stage.SNOOZED, Trigger.RETURN): (Stage.DUE, None),
    (Stage.SNOOZED, Trigger.STRETCHED): (Stage.DISMISSED, None),  # done from the tray meanwhile
    (Stage.SNOOZED, Trigger.EXPIRE): (Stage.EXPIRED, Record.MISSED),
    (Stage.SNOOZED, Trigger.SUPERSEDE): (Stage.EXPIRED, Record.MISSED),
}


class IllegalMove(Exception):
    def __init__(self, stage: Stage, event: Trigger) -> None:
        super().__init__(f"{event.value!r} is not possible while a reminder is {stage.value!r}")
        self.stage, self.event = stage, event


@dataclass(frozen=True, slots=True)
class OnShow:
    """A reminder on show. ``until``: DUE and HELD end (are missed) then; SNOOZED comes back then."""

    occurrence: Occurrence
    stretch: str  # the catalogue id it proposes; "" when not known yet
    name: str  # that stretch's name, as shown
    stage: Stage
    until: datetime
    catch_up: bool = False  # offered again after a miss the user never saw (catchup.py)

    @property
    def shown(self) -> bool:
        """Whether the user sees it now (the prompt, the orange icon)."""
        return self.stage is Stage.DUE

    def can(self, event: Trigger) -> bool:
        return (self.stage, event) in MOVES


def headline(on_show: OnShow) -> str:
    """What the prompt and the notification lead with."""
    if on_show.catch_up:
        # Translators: {reminder} is a reminder's name ("morning").
        return _("Missed your {reminder} stretch \u2014 do it now?").format(
            reminder=reminder_name(on_show.occurrence.reminder)
        )
    return _("Time for a stretch")


@dataclass(frozen=True, slots=True)
class Moved:
    reminder: OnShow
    record: Record | None  # the history event this move means ("snoozed", "skipped", "missed")


def falls_due(occurrence: Occurrence, stretch: str, name: str, grace: timedelta) -> OnShow:
    """A reminder the schedule just fired: due until its grace window ends."""
    return OnShow(occurrence, stretch, name, Stage.DUE, occurrence.at + grace)


def move(reminder: OnShow, event: Trigger, now: datetime, snooze: timedelta, grace: timedelta) -> Moved:
    """The one way a reminder changes; raises IllegalMove (changing nothing) where
    ``MOVES`` has no row for its stage and ``event``."""
    found = MOVES.get((reminder.stage, event))
    if found is None:
        raise IllegalMove(reminder.stage, event)
    stage, record = found
    until = reminder.until
    if event is Trigger.SNOOZE:
        until = now + snooze
    elif event is Trigger.RETURN:
        until = now + grace  # a full grace window from when it shows again
    return Moved(replace(reminder, stage=stage, until=until), record)


# No grace window or snooze is longer than a day: an ``until`` further off than this was
# set on a clock that lied or read from a damaged file, and ends now.
LONGEST_WAIT = timedelta(days=2)


def timed_event(reminder: OnShow, now: datetime, grace: timedelta, paused: bool) -> Trigger | None:
    """What the passing of time does to ``reminder`` at ``now``, if anything.

    A due or held reminder expires at ``until``. A snooze that ends comes back, unless
    reminders are paused then or it is noticed more than ``grace`` late (the machine
    slept through it): then it is missed, like any occurrence noticed too late. One
    whose ``until`` is further off than ``LONGEST_WAIT`` expires.
    """
    if reminder.stage in FINAL:
        return None
    if reminder.until - now > LONGEST_WAIT:
        return Trigger.EXPIRE
    if now < reminder.until:
        return None
    if reminder.stage is Stage.SNOOZED and not paused and now - reminder.until <= grace:
        return Trigger.RETURN
    return Trigger.EXPIRE


# A stretch finished this recently covers an occurrence that falls due now.
DONE_AHEAD = timedelta(minutes=45)


def covered(done: Sequence[datetime], due_today: int, now: datetime) -> str | None:
    """Why a reminder falling due at ``now`` need not show, or None when it must.

    ``done`` are the instants of today's finished stretches, ``due_today`` the number
    of reminders today. Two rules, checked in order:

        rule            when                                   the log says
        just-done       a stretch finished within DONE_AHEAD   stretched at HH:MM
        day-complete    as many stretches done as reminders    today's stretches are done
    """
    recent = [at for at in done if timedelta(0) <= now - at <= DONE_AHEAD]
    if recent:
        return f"stretched at {max(recent):%H:%M}"
    if due_today > 0 and len(done) >= due_today:
        return f"today's stretches are done ({len(done)}/{due_today})"
    return None


def clock_back(reminder: OnShow, back: timedelta, released: frozenset[OccurrenceKey]) -> OnShow | None:
    """The reminder on show once the clock, which was ``back`` ahead, tells the truth
    (``schedule.truth_returns``): one for an occurrence it unsettled goes without a
    record (it falls due at its time); any other keeps the time it had left."""
    if reminder.occurrence.key in released:
        return None
    return replace(reminder, until=reminder.until - back)


def wake_at(reminder: OnShow | None) -> datetime | None:
    """When time next moves ``reminder``."""
    if reminder is None or reminder.stage in FINAL:
        return None
    return reminder.until
