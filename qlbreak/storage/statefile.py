"""The tray's memory between runs: the schedule's state and the reminder on show.

Every instant is stored absolute (ISO 8601 with its offset), so a restart, a new
time zone or a clock change cannot move a snooze or a pause. The file is the app's
own, written atomically; one that cannot be read is moved aside with a message, and
the history (which records every fired and missed occurrence) still stops a restart
from showing a reminder again.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from qlbreak.core.schedule import Occurrence, ScheduleState, Snooze
from qlbreak.core.tray_view import Due
from qlbreak.storage.atomic import write_atomic

VERSION = 1


class Saved:
    """What was read back: the state, the reminder on show, and any notice for the log."""

    def __init__(self, state: ScheduleState, due: Due | None = None, notice: str | None = None) -> None:
        self.state, self.due, self.notice = state, due, notice


def load(path: Path, now: datetime) -> Saved:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Saved(ScheduleState())
    except OSError as err:
        return Saved(ScheduleState(), notice=f"{path}: cannot read the saved state ({err.strerror}); starting afresh")
    try:
        data = json.loads(text)
        if data.get("version") != VERSION:
            raise ValueError(f"unknown version {data.get('version')!r}")
        return Saved(_state(data), _due(data.get("due")))
    except (ValueError, TypeError, KeyError, AttributeError) as err:
        aside = path.with_name(f"{path.name}.bad-{now:%Y%m%dT%H%M%S}")
        try:
            path.replace(aside)
        except OSError:
            aside = path
        return Saved(ScheduleState(), notice=f"{path}: unreadable ({err}); kept as {aside.name}, starting afresh")


def save(path: Path, state: ScheduleState, due: Due | None) -> None:
    data = {
        "version": VERSION,
        "since": _instant(state.since),
        "seen_until": _instant(state.seen_until),
        "handled": sorted([name, day.isoformat()] for name, day in state.handled),
        "snoozed": {"occurrence": _occurrence(state.snoozed.occurrence), "until": state.snoozed.until.isoformat()}
        if state.snoozed
        else None,
        "paused_until": _instant(state.paused_until),
        "due": {
            "occurrence": _occurrence(due.occurrence),
            "stretch": due.stretch,
            "name": due.name,
            "until": due.until.isoformat(),
        }
        if due
        else None,
    }
    write_atomic(path, (json.dumps(data, indent=1) + "\n").encode())


def _state(data: dict[str, Any]) -> ScheduleState:
    snoozed = data.get("snoozed")
    return ScheduleState(
        since=_moment(data.get("since")),
        seen_until=_moment(data.get("seen_until")),
        handled=frozenset((str(name), date.fromisoformat(day)) for name, day in data.get("handled", [])),
        snoozed=Snooze(_read_occurrence(snoozed["occurrence"]), _aware(snoozed["until"])) if snoozed else None,
        paused_until=_moment(data.get("paused_until")),
    )


def _due(data: dict[str, Any] | None) -> Due | None:
    if not data:
        return None
    return Due(_read_occurrence(data["occurrence"]), str(data["stretch"]), str(data["name"]), _aware(data["until"]))


def _occurrence(occ: Occurrence) -> dict[str, str]:
    return {"at": occ.at.isoformat(), "reminder": occ.reminder, "day": occ.day.isoformat()}


def _read_occurrence(data: dict[str, str]) -> Occurrence:
    return Occurrence(_aware(data["at"]), str(data["reminder"]), date.fromisoformat(data["day"]))


def _instant(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _moment(text: str | None) -> datetime | None:
    return _aware(text) if text else None


def _aware(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no UTC offset")
    return moment
