"""The tray's memory between runs: the schedule's state and the reminder on show.

Every instant is stored absolute (ISO 8601 with its offset), so a restart, a new
time zone or a clock change cannot move a snooze or a pause. The file is the app's
own, written atomically; one that cannot be read is moved aside with a message, and
the history (which records every fired and missed occurrence) still stops a restart
from showing a reminder again.

Version 2 keeps the reminder on show in any stage, with the stretch it proposes, so a
snoozed reminder comes back after a restart with the same stretch, and the history
records that are still waiting for the history to take them. Version 1 files
(a shown reminder, or a snooze without its stretch) are read and upgraded on the next
write. ``notification`` (optional) is what the next run can take the reminder's
notification away with, should this run end without doing so (killed).

A value that parses but cannot be true (an instant outside ``EARLIEST``..``LATEST``, or
one no arithmetic can use, as in 9999-12-31T23:59:59-23:59) is refused on its own: it
reads as unset, with a notice for the log, and the rest of the file is kept.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from qlbreak.core.reminder import OnShow, Stage
from qlbreak.core.schedule import Occurrence, ScheduleState
from qlbreak.storage.atomic import leftovers, write_atomic
from qlbreak.storage.history import Event

VERSION = 2
EARLIEST, LATEST = datetime(2000, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Saved:
    """What was read back: the state, the reminder on show, and any notice for the log."""

    state: ScheduleState
    reminder: OnShow | None = None
    notice: str | None = None
    pending: tuple[Event, ...] = ()  # records the history has not taken yet
    notification: str | None = None  # the reminder's notification, possibly still on screen


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
        if version not in (1, VERSION):
            raise ValueError(f"unknown version {version!r}")
        refused: list[str] = []
        reminder = _reminder(data["reminder"], refused) if version == VERSION else _reminder_v1(data, refused)
        pending = tuple(Event.from_json(e) for e in data.get("pending", []))
        left = data.get("notification")
        state = _state(data, refused)
        notice = f"{path}: {'; '.join(refused)}; ignored" if refused else None
        return Saved(state, reminder, notice, pending, left if isinstance(left, str) else None)
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
        if data.get("version") == VERSION:
            return Saved(_state(data, []), _reminder(data["reminder"], []))
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
        self,
        state: ScheduleState,
        reminder: OnShow | None,
        pending: Sequence[Event],
        force: bool = False,
        notification: str | None = None,
    ) -> None:
        """Raises OSError when the file cannot be written (the next change tries again)."""
        seen, (last_key, last_seen) = state.seen_until, self._saved
        key = (replace(state, seen_until=None), reminder, tuple(pending), notification)
        if not force and key == last_key and seen and last_seen and seen - last_seen < self.seen_every:
            return
        save(self.path, state, reminder, pending, notification)
        self._saved = (key, seen)


def save(
    path: Path,
    state: ScheduleState,
    reminder: OnShow | None,
    pending: Sequence[Event] = (),
    notification: str | None = None,
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
