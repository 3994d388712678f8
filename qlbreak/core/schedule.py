"""When reminders are due: every rule about clock time lives in this file (what a
reminder does once it is on show, snoozed or held, is ``reminder.py``'s).

Invariants, which the property tests in tests/unit/test_schedule_properties.py check:

- An occurrence is identified by (reminder name, local date) and is settled once:
  it either fires or is recorded as missed, never both, never twice, whatever the
  clock does (suspend, backward jumps, time-zone changes).
- Nothing here reads the clock. ``now`` is an aware datetime whose tzinfo is the
  user's zone; the caller reads it once per tick and carries out the decision.
- Nothing here sleeps. ``Decision.wake_at`` is the next instant a decision can change
  (an occurrence, a pause's end, the next midnight, when "today" moves on); ``wait_for``
  says how long the loop may block until then (see ``WAITS``).

When the clock lied (a dual-boot machine whose hardware clock holds local time, a
clock wrong until NTP syncs): a clock that was ahead settles occurrences before their
time. ``tick`` notices when the truth returns, as a wall clock that went back more than
the grace window behind the newest instant seen, and then (``truth_returns``):

    what                        becomes
    handled, never shown        those whose instant is still to come are unsettled
                                (``Decision.released``): each falls due at its time,
                                and its "missed" record goes
    handled and shown           stay settled: an occurrence is shown at most once, ever
                                (set back by mistake, the clock cannot show one again)
    seen_until                  now (the instants seen ahead were not real)
    since, paused_until         moved back by as much as the clock went back
    the reminder on show        ``Decision.clock_back`` says by how much to move it

A clock that lies by less than the grace window only shows a reminder that much early.
What no clock can have settled yet is unsettled whenever it is found (a damaged state
file): a "since" after now, an occurrence never shown on a day after tomorrow. A pause
never lasts past the next midnight (``LONGEST_PAUSE``): a longer one ends now.

DST policy: a reminder keeps its local wall-clock time on both change days. A local
time that falls in a gap (it does not exist) fires at the same offset after the gap
(02:30 becomes 03:30 on a one-hour spring-forward); a repeated local time fires at
its first occurrence only. A day that a zone skipped entirely (Pacific/Apia on
2011-12-30) has no occurrences. A fresh start answers for one grace window of real
time before it (``elapsed_before``), never a wall-clock time in a gap or on a skipped day.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from qlbreak.core.words import N_, _

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# How long the loop may block before it looks at the clock again, by what wakes it:
# a relative wait stops while the machine sleeps, so without a wall-clock alarm it
# looks every HEARTBEAT; with one (it fires at ``wake_at`` even when that instant
# passed during a suspend, and at once on a clock change) it waits for the alarm, and
# the wait's own limit is only a net, ALARM_SLACK after the alarm and at most hourly.
HEARTBEAT = timedelta(seconds=30)
ALARM_SLACK, SAFETY_NET = timedelta(seconds=5), timedelta(hours=1)
SHORTEST_WAIT = timedelta(milliseconds=50)
WAITS = {  # wall-clock alarm? -> (added to the time left, the longest wait)
    False: (timedelta(0), HEARTBEAT),
    True: (ALARM_SLACK, SAFETY_NET),
}
# Occurrences older than this before the newest instant ever seen are settled for
# good; it is longer than any time-zone change can move an occurrence (26 h).
SETTLED_AFTER = timedelta(days=3)
# After a long time off, look back at most this far for missed occurrences.
MAX_CATCH_UP = timedelta(days=7)
# How long a settled occurrence is remembered: a clock set back (by mistake, or to the
# truth after it was ahead) by less than this never decides one twice.
REMEMBERED = timedelta(days=60)
# A changed settings file is noticed within a minute (a watch, or a look as a net); a
# reminder it added counts from when the file was written, if that is this recent.
NOTICED_LATE = timedelta(minutes=5)
# A clock put back by no more than this was only set to the second (NTP): nothing lied.
NTP_STEP = timedelta(seconds=2)
# "Pause until tomorrow" from just after midnight on a 25-hour day is the longest pause.
LONGEST_PAUSE = timedelta(hours=26)

OccurrenceKey = tuple[str, date]

# The default reminders' names (the config's ids: storage.config.DEFAULT_REMINDERS), as
# the user's language says them; a name the user chose is shown as written.
REMINDER_NAMES = {"morning": N_("morning"), "lunch": N_("lunch")}


def reminder_name(name: str) -> str:
    """A reminder's name as shown ("Next: morning at 09:30", "Missed your morning stretch")."""
    return _(REMINDER_NAMES[name]) if name in REMINDER_NAMES else name


@dataclass(frozen=True)
class Reminder:
    """A local wall-clock time on chosen weekdays (0 = Monday)."""

    name: str
    at: time
    days: frozenset[int]


@dataclass(frozen=True, order=True)
class Occurrence:
    at: datetime
    reminder: str
    day: date

    @property
    def key(self) -> OccurrenceKey:
        return (self.reminder, self.day)


@dataclass(frozen=True)
class Plan:
    reminders: tuple[Reminder, ...]
    grace: timedelta = timedelta(minutes=30)
    snooze: timedelta = timedelta(minutes=10)


@dataclass(frozen=True)
class ScheduleState:
    """What the schedule remembers between ticks; every instant is absolute."""

    since: datetime | None = None  # the earliest instant this schedule answers for
    seen_until: datetime | None = None  # the newest wall-clock instant ever seen
    handled: frozenset[OccurrenceKey] = frozenset()
    paused_until: datetime | None = None
    shown: frozenset[OccurrenceKey] = frozenset()  # the handled ones that fired: never again


@dataclass(frozen=True)
class Decision:
    wake_at: datetime  # look again no later than this
    fire: Occurrence | None = None  # show this reminder now
    missed: tuple[Occurrence, ...] = ()  # record these as missed, show nothing
    clock_back: timedelta | None = None  # the clock lied ahead by this much: see "When the clock lied"
    released: frozenset[OccurrenceKey] = frozenset()  # settled ahead of time, unsettled now


def occurrence_on(reminder: Reminder, day: date, zone: tzinfo) -> Occurrence | None:
    """The instant ``reminder`` fires on local ``day``, or None if it does not."""
    if day.weekday() not in reminder.days:
        return None
    naive = datetime.combine(day, reminder.at)
    first = naive.replace(tzinfo=zone, fold=0)
    local = first.astimezone(UTC).astimezone(zone)
    if local.replace(tzinfo=None, fold=0) != naive:
        # In a gap: fold=0 used the offset from before it, which lands the same
        # distance past the gap. A gap of a day or more means the date was skipped.
        before, after = first.utcoffset(), naive.replace(tzinfo=zone, fold=1).utcoffset()
        if before is not None and after is not None and after - before >= timedelta(days=1):
            return None
    return Occurrence(local, reminder.name, day)


def occurrences_between(reminders: Iterable[Reminder], after: datetime, until: datetime) -> list[Occurrence]:
    """Occurrences with ``after < at <= until``, in time order, in ``until``'s zone."""
    zone = _zone_of(until)
    if until <= after:
        return []
    found = [
        occ
        for day in _days(after.astimezone(zone).date(), until.astimezone(zone).date())
        for reminder in reminders
        if (occ := occurrence_on(reminder, day, zone)) is not None and after < occ.at <= until
    ]
    return sorted(found)


def upcoming(reminders: Iterable[Reminder], start: datetime, days: int) -> list[Occurrence]:
    """Occurrences from ``start`` (inclusive) over ``days`` local calendar days."""
    zone = _zone_of(start)
    first_day = start.date()
    end_day = first_day + timedelta(days=days)
    reminders = tuple(reminders)
    found = [
        occ
        for day in _days(first_day, end_day - timedelta(days=1))
        for reminder in reminders
        if (occ := occurrence_on(reminder, day, zone)) is not None and occ.at >= start and occ.day < end_day
    ]
    return sorted(found)


def count_on(reminders: Iterable[Reminder], now: datetime) -> int:
    """How many reminders fall on ``now``'s local date."""
    zone, day = _zone_of(now), now.date()
    return sum(1 for reminder in reminders if occurrence_on(reminder, day, zone) is not None)


def next_occurrence(
    reminders: Iterable[Reminder], now: datetime, handled: frozenset[OccurrenceKey] = frozenset()
) -> Occurrence | None:
    """The first occurrence after ``now`` within the coming two weeks that is not
    ``handled`` already (a reminder moved later after it fired today does not fire again).

    Day by day from the day before ``now``'s, stopping once the day of the best found so
    far has been looked at: an occurrence of a later day falls on that day or the next
    (a gap can push it past midnight), never earlier. The tray asks this at every step."""
    zone = _zone_of(now)
    reminders = tuple(reminders)
    horizon = now + timedelta(days=15)
    first_day = now.astimezone(zone).date() - timedelta(days=1)
    best: Occurrence | None = None
    for offset in range(17):
        day = first_day + timedelta(days=offset)
        if best is not None and day > best.at.astimezone(zone).date():
            break
        for reminder in reminders:
            occ = occurrence_on(reminder, day, zone)
            if occ is not None and now < occ.at <= horizon and (best is None or occ < best) and occ.key not in handled:
                best = occ
    return best


def tick(plan: Plan, state: ScheduleState, now: datetime) -> tuple[ScheduleState, Decision]:
    """Decide what to do at ``now``: the only place an occurrence falls due, or is
    missed before it was ever shown (once shown, ``reminder.py`` decides)."""
    _zone_of(now)
    back = went_back(state, now, plan.grace)
    state, released = truth_returns(plan, state, now, back)
    since = state.since if state.since is not None and state.since.timestamp() <= now.timestamp() else None
    since = since if since is not None else elapsed_before(now, plan.grace)
    seen_until = now if state.seen_until is None else max(state.seen_until, now)
    horizon = max(since, seen_until - SETTLED_AFTER, now - MAX_CATCH_UP)
    paused = is_paused(state, now)

    due = [occ for occ in occurrences_between(plan.reminders, horizon, now) if occ.key not in state.handled]
    fresh = [occ for occ in due if now - occ.at <= plan.grace]
    missed = [occ for occ in due if now - occ.at > plan.grace]
    fire = None
    if fresh and not paused:
        fire, missed = fresh[-1], missed + fresh[:-1]

    settled = {occ.key for occ in due if occ is fire or occ in missed}
    keep_from = (now - REMEMBERED).date()  # far behind any horizon: a clock set back finds them
    handled = frozenset(k for k in state.handled | settled if k[1] >= keep_from)
    shown = frozenset(k for k in state.shown | ({fire.key} if fire else set()) if k[1] >= keep_from)
    paused_until = state.paused_until if paused else None
    new_state = ScheduleState(since, seen_until, handled, paused_until, shown)
    decision = Decision(_wake_at(plan, new_state, now), fire, tuple(sorted(missed)), back, released)
    return new_state, decision


def went_back(state: ScheduleState, now: datetime, grace: timedelta) -> timedelta | None:
    """How far the clock went back behind the newest instant seen, when by more than
    ``grace`` (and than ``NTP_STEP``): the instants seen before were ahead of the truth."""
    if state.seen_until is None:
        return None
    back = state.seen_until.astimezone(UTC) - now.astimezone(UTC)  # absolute: across a zone's own changes
    return back if back > max(grace, NTP_STEP) else None


def truth_returns(
    plan: Plan, state: ScheduleState, now: datetime, back: timedelta | None
) -> tuple[ScheduleState, frozenset[OccurrenceKey]]:
    """The state once the clock, which was ``back`` ahead (None: not known to have lied),
    tells the truth at ``now``, and what it unsettles (see "When the clock lied")."""
    zone = _zone_of(now)
    by_name = {reminder.name: reminder for reminder in plan.reminders}
    after_tomorrow = now.date() + timedelta(days=2)

    def lied(key: OccurrenceKey) -> bool:
        if key in state.shown:
            return False
        if back is None:
            return key[1] >= after_tomorrow
        reminder = by_name.get(key[0])
        occ = occurrence_on(reminder, key[1], zone) if reminder is not None else None
        return occ is not None and occ.at.timestamp() > now.timestamp()

    released = frozenset(key for key in state.handled if lied(key))
    if back is None:
        return (replace(state, handled=state.handled - released) if released else state), released
    since = _moved_back(state.since, back) if state.since and state.since.timestamp() > now.timestamp() else state.since
    paused_until = _moved_back(state.paused_until, back)
    return ScheduleState(
        since=since,
        seen_until=now,
        handled=state.handled - released,
        paused_until=paused_until if paused_until is not None and paused_until.timestamp() > now.timestamp() else None,
        shown=state.shown,
    ), released


def elapsed_before(moment: datetime, span: timedelta) -> datetime:
    """``span`` of real time before ``moment``, in its zone. Python subtracts on the wall
    clock within one zone, which lands in a gap, or on a day the zone skipped a day later."""
    return (moment.astimezone(UTC) - span).astimezone(moment.tzinfo)


def _moved_back(moment: datetime | None, back: timedelta) -> datetime | None:
    """``moment`` as the true clock reads it, when it was read ``back`` ahead."""
    return (moment.astimezone(UTC) - back).astimezone(moment.tzinfo) if moment is not None else None


def replan(
    old: Plan,
    new: Plan,
    state: ScheduleState,
    now: datetime,
    settled: frozenset[OccurrenceKey],
    written: datetime | None = None,
) -> ScheduleState:
    """The state once the user changed the reminders (the settings window, or an
    editor), noticed at ``now``; ``written``: when the file was written, if known;
    ``settled`` are the occurrences the history says fired or were missed.

    A reminder left as it was keeps everything. For a new or changed one: an
    occurrence at or before the change did not exist when its time came, so it is
    settled without firing and without counting as missed; one after it falls due
    (noticed late: the next ``tick`` fires it inside its grace window); one still to
    come fires at its new time, unless that day's occurrence fired (or was missed)
    already, so a reminder moved later after it fired today does not fire twice. The
    change counts from ``written`` when that is at most ``NOTICED_LATE`` before ``now``
    (a file's time can be old: a sync tool keeps the time it had elsewhere)."""
    _zone_of(now)
    kept = set(old.reminders)
    changed = [r for r in new.reminders if r not in kept]
    names = {r.name for r in changed}
    unsettled = {key for key in state.handled if key[0] in names and key not in settled}
    lately = written is not None and 0 <= now.timestamp() - written.timestamp() <= NOTICED_LATE.total_seconds()
    made = written.astimezone(now.tzinfo) if written is not None and lately else now
    past = occurrences_between(changed, now - MAX_CATCH_UP - timedelta(days=1), made)
    return replace(state, handled=(state.handled - unsettled) | {occ.key for occ in past})


def pause(state: ScheduleState, until: datetime) -> ScheduleState:
    """Hold every reminder until ``until``; what falls due meanwhile follows the grace rule."""
    _zone_of(until)
    return replace(state, paused_until=until)


def resume(state: ScheduleState) -> ScheduleState:
    return replace(state, paused_until=None)


def is_paused(state: ScheduleState, now: datetime) -> bool:
    """Paused at ``now``: never for longer than ``LONGEST_PAUSE`` from now."""
    if state.paused_until is None:
        return False
    left = state.paused_until.timestamp() - now.timestamp()
    return 0 < left <= LONGEST_PAUSE.total_seconds()


def until_tomorrow(now: datetime) -> datetime:
    """The next local midnight (for "pause until tomorrow"), gap-safe."""
    return _midnight(now.date() + timedelta(days=1), _zone_of(now))


def start_of_day(now: datetime) -> datetime:
    """The local midnight that began ``now``'s day (for "done today"), gap-safe."""
    return _midnight(now.date(), _zone_of(now))


def _midnight(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC).astimezone(zone)


def wait_for(wake_at: datetime, now: datetime, wall_alarm: bool) -> float:
    """Seconds the loop may block on its queue, from ``now``, before it looks again."""
    slack, longest = WAITS[wall_alarm]
    left = max(wake_at - now, SHORTEST_WAIT) + slack
    return min(left, longest).total_seconds()


def _wake_at(plan: Plan, state: ScheduleState, now: datetime) -> datetime:
    candidates = [until_tomorrow(now)]
    coming = next_occurrence(plan.reminders, now, state.handled)
    if coming is not None:
        candidates.append(coming.at)
    if state.paused_until is not None:
        candidates.append(state.paused_until)
    return min(c for c in candidates if c > now).astimezone(now.tzinfo)


def _days(first: date, last: date) -> Iterator[date]:
    # One day either side: a gap can push an occurrence past midnight, and an
    # instant's local date differs from the occurrence's date near midnight.
    day = first - timedelta(days=1)
    while day <= last + timedelta(days=1):
        yield day
        day += timedelta(days=1)


def _zone_of(moment: datetime) -> tzinfo:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"an aware datetime is needed, not {moment!r}")
    return moment.tzinfo
