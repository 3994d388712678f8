"""The tray's memory between runs: the whole ``core.app.AppState`` (the schedule's state,
the reminder on show, the catch-up waiting and the day one was offered, what held the
reminder, what the menu counted).

Every instant is stored absolute (ISO 8601 with its offset), so a restart, a new
time zone or a clock change cannot move a snooze or a pause. The file is the app's
own, written atomically; one that cannot be read is moved aside with a message, and
the history (which records every fired and missed occurrence) still stops a restart
from showing a reminder again.

Version 2 keeps the reminder on show in any stage, with the stretch it proposes, so a
snoozed reminder comes back after a restart with the same stretch, and the history
records that are still waiting for the history to take them. Version 1 files
(a shown reminder, or a snooze without its stretch) are read and upgraded on the next
write. Version 3 adds the rest of the app's state (``Memory``): a restart the same day
offers no second catch-up. ``notification`` (optional) is what the next run can take the reminder's
notification away with, should this run end without doing so (killed).

A value that parses but cannot be true (an instant outside ``EARLIEST``..``LATEST``, or
one no arithmetic can use, as in 9999-12-31T23:59:59-23:59) is refused on its own: it
reads as unset, with a notice for the log, and the rest of the file is kept.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from qlbreak.core.app_state import AppState, Counts
from qlbreak.core.catchup import Pending
from qlbreak.core.holds import Reason
from qlbreak.core.reminder import OnShow, Stage
from qlbreak.core.schedule import Occurrence, ScheduleState
from qlbreak.storage.atomic import leftovers, write_atomic
from qlbreak.storage.history import Event

VERSION = 3
READ = (1, 2, VERSION)  # the versions this qlbreak reads
EARLIEST, LATEST = datetime(2000, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Memory:
    """The app's state beside the schedule and the reminder on show (version 3)."""

    catch_up: Pending | None = None
    catch_up_on: date | None = None
    waiting: Reason | None = None
    counts: Counts = field(default_factory=Counts)

    @staticmethod
    def of(app: AppState) -> Memory:
        return Memory(app.catch_up, app.catch_up_on, app.waiting, app.counts)


@dataclass(frozen=True)
class Saved:
    """What was read back: the state, the reminder on show, and any notice for the log."""

    state: ScheduleState
    reminder: OnShow | None = None
    notice: str | None = None
    pending: tuple[Event, ...] = ()  # records the history has not taken yet
    notification: str | None = None  # the reminder's notification, possibly still on screen
    memory: Memory = Memory()

    @property
    def app(self) -> AppState:
        """The app's state as saved (its rules and this run's part are the tray's)."""
        m = self.memory
        return AppState(
            schedule=self.state,
            reminder=self.reminder,
            catch_up=m.catch_up,
            catch_up_on=m.catch_up_on,
            waiting=m.waiting,
            counts=m.counts,
        )


def load(path: Path, now: datetime) -> Saved:
    """What the tray saved; call it holding the single-instance lock (it also removes
    what a killed write left behind)."""
    for stale in leftovers(path):
        stale.unlink(missing_ok=True)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Saved(ScheduleState())
    except OSError as err:
        return Saved(ScheduleState(), notice=f"{path}: cannot read the saved state ({err.strerror}); starting afresh")
    try:
        data = json.loads(text)
        version = data.get("version")
        if version not in READ:
            raise ValueError(f"unknown version {version!r}")
        refused: list[str] = []
        reminder = _reminder(data["reminder"], refused) if version != 1 else _reminder_v1(data, refused)
        pending = tuple(Event.from_json(e) for e in data.get("pending", []))
        left = data.get("notification")
        state = _state(data, refused)
        memory = _memory(data, refused)
        notice = f"{path}: {'; '.join(refused)}; ignored" if refused else None
        return Saved(state, reminder, notice, pending, left if isinstance(left, str) else None, memory)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as err:
        aside = path.with_name(f"{path.name}.bad-{now:%Y%m%dT%H%M%S}")
        try:
            path.replace(aside)
        except OSError:
            aside = path
        return Saved(ScheduleState(), notice=f"{path}: unreadable ({err}); kept as {aside.name}, starting afresh")


def peek(path: Path) -> Saved:
    """The saved state and reminder, read only (``qlbreak schedule`` and ``status``,
    while the tray may run): nothing is moved or removed, and a file that cannot be
    read counts as none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") in (2, VERSION):
            return Saved(_state(data, []), _reminder(data["reminder"], []), memory=_memory(data, []))
        return Saved(_state(data, [])) if data.get("version") == 1 else Saved(ScheduleState())
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return Saved(ScheduleState())


class Saver:
    """The state file as the tray writes it: when something changed, and the newest
    instant seen alone only every ``seen_every`` (the history's claims already stop
    repeats), so an idle tray does not write to disk every heartbeat."""

    def __init__(self, path: Path, seen_every: timedelta = timedelta(minutes=10)) -> None:
        self.path, self.seen_every = path, seen_every
        self._saved: tuple[object, datetime | None] = (None, None)

    def save(
        self, app: AppState, pending: Sequence[Event], force: bool = False, notification: str | None = None
    ) -> None:
        """Raises OSError when the file cannot be written (the next change tries again)."""
        state, memory = app.schedule, Memory.of(app)
        seen, (last_key, last_seen) = state.seen_until, self._saved
        key = (replace(state, seen_until=None), app.reminder, tuple(pending), notification, memory)
        if not force and key == last_key and seen and last_seen and seen - last_seen < self.seen_every:
            return
        save(self.path, state, app.reminder, pending, notification, memory)
        self._saved = (key, seen)


def save(
    path: Path,
    state: ScheduleState,
    reminder: OnShow | None,
    pending: Sequence[Event] = (),
    notification: str | None = None,
    memory: Memory = Memory(),
) -> None:
    data = {
        "version": VERSION,
        "since": _instant(state.since),
        "seen_until": _instant(state.seen_until),
        "handled": sorted([name, day.isoformat()] for name, day in state.handled),
        "shown": sorted([name, day.isoformat()] for name, day in state.shown),
        "paused_until": _instant(state.paused_until),
        "reminder": {
            "occurrence": _occurrence(reminder.occurrence),
            "stretch": reminder.stretch,
            "name": reminder.name,
            "stage": reminder.stage.value,
            "until": reminder.until.isoformat(),
            "catch_up": reminder.catch_up,
        }
        if reminder
        else None,
        "pending": [e.as_record() for e in pending],
        "notification": notification,
        "catch_up": _pending(memory.catch_up),
        "catch_up_on": memory.catch_up_on.isoformat() if memory.catch_up_on else None,
        "waiting": memory.waiting.value if memory.waiting else None,
        "counts": {"streak": memory.counts.streak, "autostart": memory.counts.autostart},
    }
    write_atomic(path, (json.dumps(data, indent=1) + "\n").encode())


def _state(data: dict[str, Any], refused: list[str]) -> ScheduleState:
    """The schedule's state; ``refused`` gets what could not be true, read as unset."""
    return ScheduleState(
        since=_checked(data.get("since"), "since", refused),
        seen_until=_checked(data.get("seen_until"), "seen_until", refused),
        handled=_keys(data.get("handled", []), "handled", refused),
        paused_until=_checked(data.get("paused_until"), "paused_until", refused),
        shown=_keys(data.get("shown", []), "shown", refused),
    )


def _memory(data: dict[str, Any], refused: list[str]) -> Memory:
    """The rest of the app's state (version 3; older files have none): a part that
    cannot be read is refused (noted) on its own."""
    catch_up, on, waiting, counts = None, None, None, Counts()
    try:
        if found := data.get("catch_up"):
            occurrence = _read_occurrence(found["occurrence"])
            before = _aware(found["before"])
            if _possible(occurrence.at) and _possible(before):
                catch_up = Pending(occurrence, str(found["stretch"]), str(found["name"]), before)
            else:
                refused.append("the catch-up at impossible times")
        if day := data.get("catch_up_on"):
            on = date.fromisoformat(day)
        if reason := data.get("waiting"):
            waiting = Reason(reason)
        if isinstance(kept := data.get("counts"), dict):
            autostart = kept.get("autostart")
            counts = Counts(int(kept.get("streak", 0)), autostart if isinstance(autostart, bool) else None)
    except (ValueError, TypeError, KeyError, AttributeError) as err:
        refused.append(f"the catch-up or the counts ({err})")
    return Memory(catch_up, on, waiting, counts)


def _pending(pending: Pending | None) -> dict[str, object] | None:
    if pending is None:
        return None
    occurrence, stretch, name = _occurrence(pending.occurrence), pending.stretch, pending.name
    return {"occurrence": occurrence, "stretch": stretch, "name": name, "before": pending.before.isoformat()}


def _keys(rows: list[list[str]], what: str, refused: list[str]) -> frozenset[tuple[str, date]]:
    """Occurrence keys; those on days no clock can reach are refused (noted)."""
    keys = frozenset((str(name), date.fromisoformat(day)) for name, day in rows)
    plausible = frozenset(key for key in keys if EARLIEST.date() <= key[1] <= LATEST.date())
    if plausible != keys:
        refused.append(f"{len(keys - plausible)} {what} occurrence(s) on impossible days")
    return plausible


def _reminder(data: dict[str, Any] | None, refused: list[str]) -> OnShow | None:
    if not data:
        return None
    occurrence = _read_occurrence(data["occurrence"])
    until = _aware(data["until"])
    if not (_possible(occurrence.at) and _possible(until)):
        refused.append(f"the reminder on show at impossible times ({occurrence.at}, until {until})")
        return None
    return OnShow(
        occurrence, str(data["stretch"]), str(data["name"]), Stage(data["stage"]), until, bool(data.get("catch_up"))
    )


def _reminder_v1(data: dict[str, Any], refused: list[str]) -> OnShow | None:
    """Version 1 kept a shown reminder as "due", a snooze apart and without its stretch."""
    due, snoozed = data.get("due"), data.get("snoozed")
    if due:
        return _reminder(due | {"stage": Stage.DUE.value}, refused)
    if snoozed:
        return _reminder(snoozed | {"stretch": "", "name": "", "stage": Stage.SNOOZED.value}, refused)
    return None


def _occurrence(occ: Occurrence) -> dict[str, str]:
    return {"at": occ.at.isoformat(), "reminder": occ.reminder, "day": occ.day.isoformat()}


def _read_occurrence(data: dict[str, str]) -> Occurrence:
    return Occurrence(_aware(data["at"]), str(data["reminder"]), date.fromisoformat(data["day"]))


def _instant(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _checked(text: str | None, what: str, refused: list[str]) -> datetime | None:
    """The saved instant, or None when unset or impossible (noted in ``refused``)."""
    if not text:
        return None
    moment = _aware(text)
    if not _possible(moment):
        refused.append(f"{what} {text!r} is out of range")
        return None
    return moment


def _possible(moment: datetime) -> bool:
    """Inside ``EARLIEST``..``LATEST``, so every sum and comparison with it works."""
    try:
        return EARLIEST <= moment.astimezone(UTC) <= LATEST
    except OverflowError:
        return False


def _aware(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no UTC offset")
    return moment
