"""What happened: reminders fired, stretches done (with feelings), skipped, snoozed, missed.

SQLite in WAL mode, so the tray and a window can both write; ``history_file.py`` opens
the file, brings an older one up to date and says what its errors mean. Only real
damage (not a database, malformed, a schema that is not ours) moves a file aside
(``history.db.corrupt-<timestamp>``) and starts a new one. A busy history (another
program holds a lock) or a full disk is never damage: the file is kept as it is and
the error says so (``HistoryBusy``, ``HistoryFull``), so the caller can try again
later (``storage/outbox.py`` does).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from qlbreak.core.checkin import Side, Worry
from qlbreak.core.kinds import SETTLING, STRETCHED, Record
from qlbreak.core.picker import Done
from qlbreak.core.programmes import Mark, Marked
from qlbreak.core.session import Feeling
from qlbreak.core.words import _
from qlbreak.storage.history_file import (
    COLUMNS,
    KINDS,
    SCHEMA_VERSION,
    Damaged,
    HistoryBusy,
    HistoryError,
    HistoryFull,
    connect,
    immediate,
    move_aside,
    problem,
)
from qlbreak.storage.privacy import private_folder

__all__ = ["KINDS", "SCHEMA_VERSION", "STRETCHED", "Event", "History", "HistoryBusy", "HistoryError", "HistoryFull"]
_FIELDS = ("at", "kind", "stretch", "feeling", "reminder", "occurrence", "programme", "mark")
_STORED = COLUMNS[2:]  # every column but id and ts, in the order Event has them
_READ = ", ".join(_STORED)
BUSY_TIMEOUT = 5.0  # seconds a statement waits for another program's lock
AHEAD = timedelta(minutes=1)  # a claim recorded this far after now was made on a clock that was ahead


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: Record
    stretch: str | None = None
    feeling: Feeling | None = None
    reminder: str | None = None
    occurrence: date | None = None
    seconds: float | None = None  # "partial": how long the holds were held
    left_seconds: float | None = None  # "done"/"partial": how long each side was held
    right_seconds: float | None = None
    pain: int | None = None  # "checkin": 0-10; None: skipped
    tighter: Side | None = None  # "checkin": the side that felt tighter
    leg: bool | None = None  # "checkin": new pain, numbness or tingling down a leg
    worry: Worry | None = None  # "warned": what the data showed
    programme: str | None = None  # "programme": which programme
    mark: Mark | None = None  # "programme": start, pause, resume, stop, finished, offered, declined

    def as_json(self) -> dict[str, str | float | bool | None]:
        return {
            "at": self.at.isoformat(timespec="seconds"),
            "kind": self.kind,
            "stretch": self.stretch,
            "feeling": self.feeling.value if self.feeling else None,
            "reminder": self.reminder,
            "occurrence": self.occurrence.isoformat() if self.occurrence else None,
            "seconds": self.seconds,
            "left_seconds": self.left_seconds,
            "right_seconds": self.right_seconds,
            "pain": self.pain,
            "tighter": self.tighter.value if self.tighter else None,
            "leg": self.leg,
            "worry": self.worry.value if self.worry else None,
            "programme": self.programme,
            "mark": self.mark.value if self.mark else None,
        }

    def as_record(self) -> dict[str, str | float | bool | None]:
        """``as_json`` to the microsecond: how a record waits in a file or travels
        between processes (``from_json`` reads both)."""
        return self.as_json() | {"at": self.at.isoformat()}

    @classmethod
    def from_json(cls, data: object) -> Event:
        """Back from ``as_json`` or ``as_record``; ValueError for anything else, so a bad
        record in a file is refused as a whole, never half-read."""
        if not isinstance(data, dict) or not all(isinstance(data.get(k), str | None) for k in _FIELDS):
            raise ValueError(f"not a history event: {data!r:.200}")
        at, kind, feeling, occurrence = data["at"], data["kind"], data.get("feeling"), data.get("occurrence")
        if not isinstance(at, str) or kind not in KINDS:
            raise ValueError(f"not a history event: {data!r:.200}")
        seconds, left, right = (_number(data, key) for key in ("seconds", "left_seconds", "right_seconds"))
        pain, tighter, leg, worry = data.get("pain"), data.get("tighter"), data.get("leg"), data.get("worry")
        if pain is not None and (type(pain) is not int or not 0 <= pain <= 10):
            raise ValueError(f"not a history event: {data!r:.200}")
        if not isinstance(leg, bool | None) or not isinstance(tighter, str | None) or not isinstance(worry, str | None):
            raise ValueError(f"not a history event: {data!r:.200}")
        mark = data.get("mark")
        return cls(
            _aware(datetime.fromisoformat(at)),
            Record(kind),
            data.get("stretch"),
            Feeling(feeling) if feeling else None,
            data.get("reminder"),
            date.fromisoformat(occurrence) if occurrence else None,
            seconds,
            left,
            right,
            pain,
            Side(tighter) if tighter else None,
            leg,
            Worry(worry) if worry else None,
            data.get("programme"),
            Mark(mark) if mark else None,
        )


def _number(data: dict[Any, Any], key: str) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"not a history event: {data!r:.200}")
    return float(value)


class History:
    def __init__(self, connection: sqlite3.Connection, path: Path, notice: str | None = None) -> None:
        self._db = connection
        self.path = path
        self.notice = notice  # set when a damaged database was moved aside

    @classmethod
    def open(cls, path: Path, now: datetime, timeout: float = BUSY_TIMEOUT) -> History:
        """Open or create the history at ``path``; ``now`` names a moved-aside copy.

        Raises HistoryBusy, HistoryFull or HistoryError (and leaves the file as it is)
        for anything but real damage."""
        try:
            private_folder(path.parent)
            try:
                return cls(connect(path, timeout), path)
            except Damaged as err:
                aside = move_aside(path, now)
                # Translators: {detail} is the database's own words; {aside} the name of the damaged copy.
                notice = _(
                    "{path}: the history was damaged ({detail}); it was moved to {aside} and a new one was started"
                ).format(path=path, detail=err, aside=aside.name)
                return cls(connect(path, timeout), path, notice)
        except sqlite3.Error as err:
            raise problem(path, err, _("cannot open the history")) from None
        except (OSError, Damaged) as err:
            # Translators: {detail} is the system's own words ("Permission denied").
            message = _("{path}: cannot open the history: {detail}")
            raise HistoryError(message.format(path=path, detail=err)) from None

    def close(self) -> None:
        self._db.close()

    def record(self, event: Event) -> None:
        self._insert(event, "INSERT")

    def record_once(self, event: Event) -> bool:
        """Record ``event`` unless the same record is already there (within a second:
        a record that waited in a file may have lost its microseconds); for records
        that may have been written before a crash, or that two processes replay at once
        (``storage/spool.py``): the look and the write are one transaction. True when
        it was written now."""
        _aware(event.at)
        try:
            with immediate(self._db):
                found = self._db.execute(
                    "SELECT 1 FROM events WHERE ts BETWEEN ? AND ? AND kind = ? AND stretch IS ? AND feeling IS ?"
                    " AND reminder IS ? AND occurrence IS ? AND programme IS ? AND mark IS ? LIMIT 1",
                    (
                        event.at.timestamp() - 1,
                        event.at.timestamp() + 1,
                        event.kind,
                        event.stretch,
                        event.feeling.value if event.feeling else None,
                        event.reminder,
                        event.occurrence.isoformat() if event.occurrence else None,
                        event.programme,
                        event.mark.value if event.mark else None,
                    ),
                ).fetchone()
                if not found:
                    _insert_row(self._db, event, "INSERT")
        except sqlite3.Error as err:
            raise problem(self.path, err, _cannot_record(event)) from None
        return not found

    def claim(self, event: Event) -> bool:
        """Record a "fired" or "missed" occurrence unless it is already recorded; the
        database decides, so two running copies can never both fire one reminder. A
        claim recorded more than ``AHEAD`` after this one was made on a clock that was
        ahead (``schedule.truth_returns``): it gives way."""
        if event.kind not in SETTLING or event.reminder is None or event.occurrence is None:
            raise ValueError("only a fired or missed occurrence can be claimed")
        _aware(event.at)
        key = (event.kind, event.reminder, event.occurrence.isoformat())
        try:
            with immediate(self._db):
                if _insert_row(self._db, event, "INSERT OR IGNORE") == 1:
                    return True
                gone = self._db.execute(
                    "DELETE FROM events WHERE kind = ? AND reminder = ? AND occurrence = ? AND ts > ?",
                    (*key, event.at.timestamp() + AHEAD.total_seconds()),
                ).rowcount
                return gone == 1 and _insert_row(self._db, event, "INSERT") == 1
        except sqlite3.Error as err:
            raise problem(self.path, err, _cannot_record(event)) from None

    def unsettle(self, keys: Iterable[tuple[str, date]]) -> int:
        """Remove the "missed" records of these occurrences: a clock that was ahead made
        them before their time (``schedule.truth_returns``). What fired stays."""
        rows = [(name, day.isoformat()) for name, day in keys]
        try:
            with immediate(self._db):
                return sum(
                    self._db.execute(
                        "DELETE FROM events WHERE kind = ? AND reminder = ? AND occurrence = ?", (Record.MISSED, *row)
                    ).rowcount
                    for row in rows
                )
        except sqlite3.Error as err:
            raise problem(self.path, err, _("cannot correct the history")) from None

    def missed_after(self, now: datetime) -> set[tuple[str, date]]:
        """The occurrences recorded missed after ``now``: by a clock that was ahead."""
        rows = self._read(
            "SELECT reminder, occurrence FROM events WHERE kind = ? AND reminder IS NOT NULL"
            " AND occurrence IS NOT NULL AND ts > ?",
            (Record.MISSED, _aware(now).timestamp() + AHEAD.total_seconds()),
        )
        return {(reminder, date.fromisoformat(day)) for reminder, day in rows}

    def settled(
        self, since: date, now: datetime | None = None, kinds: Collection[Record] = SETTLING
    ) -> set[tuple[str, date]]:
        """(reminder, local date) of every occurrence of ``kinds`` from ``since`` on; given
        ``now``, a "missed" recorded after it (by a clock that was ahead) does not count."""
        marks = ", ".join("?" for _ in kinds)
        ahead = _aware(now).timestamp() + AHEAD.total_seconds() if now else float("inf")
        rows = self._read(
            f"SELECT reminder, occurrence FROM events WHERE kind IN ({marks})"
            " AND reminder IS NOT NULL AND occurrence >= ? AND (kind = ? OR ts <= ?)",
            (*kinds, since.isoformat(), Record.FIRED, ahead),
        )
        return {(reminder, date.fromisoformat(day)) for reminder, day in rows}

    def events(self, since: datetime | None = None) -> list[Event]:
        """Events at or after ``since`` (all when None), oldest first."""
        floor = _aware(since).timestamp() if since else float("-inf")
        rows = self._read(
            f"SELECT {_READ} FROM events WHERE ts >= ? ORDER BY ts, id",
            (floor,),
        )
        return list(_events(rows))

    def done(self) -> list[Done]:
        """Every stretch done, wholly or in part, for the picker."""
        return [Done(e.stretch, e.at, e.feeling) for e in self.events() if e.kind in STRETCHED and e.stretch]

    def finished(self) -> list[Done]:
        """Every exercise done to the end (never in part): what a programme counts."""
        return [Done(e.stretch, e.at, e.feeling) for e in self.events() if e.kind is Record.DONE and e.stretch]

    def marks(self) -> list[Marked]:
        """The programmes' marks, oldest first."""
        rows = self._read(
            "SELECT at, mark, programme FROM events WHERE kind = ? AND mark IS NOT NULL AND programme IS NOT NULL"
            " ORDER BY ts, id",
            (Record.PROGRAMME,),
        )
        return [Marked(datetime.fromisoformat(at), Mark(mark), programme) for at, mark, programme in rows]

    def last_stretch(self) -> str | None:
        rows = self._read(
            "SELECT stretch FROM events WHERE stretch IS NOT NULL"
            " AND kind IN (?, ?, ?, ?) ORDER BY ts DESC, id DESC LIMIT 1",
            (Record.DONE, Record.PARTIAL, Record.SKIPPED, Record.SWITCHED),
        )
        return rows[0][0] if rows else None

    def done_days(self) -> set[date]:
        """Local dates (as the user lived them) with a stretch done."""
        rows = self._read("SELECT at FROM events WHERE kind = ?", (Record.DONE,))
        return {datetime.fromisoformat(at).date() for (at,) in rows}

    def _insert(self, event: Event, verb: str) -> int:
        _aware(event.at)
        try:
            with self._db:
                return _insert_row(self._db, event, verb)
        except sqlite3.Error as err:
            raise problem(self.path, err, _cannot_record(event)) from None

    def _read(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as err:
            raise problem(self.path, err, _("cannot read the history")) from None


def _insert_row(db: sqlite3.Connection, event: Event, verb: str) -> int:
    if event.kind not in KINDS:
        raise ValueError(f"unknown event kind {event.kind!r}")
    return db.execute(
        f"{verb} INTO events (ts, {_READ}) VALUES (?, {', '.join('?' for _ in _STORED)})",
        (
            event.at.timestamp(),
            event.at.isoformat(),
            event.kind,
            event.stretch,
            event.feeling.value if event.feeling else None,
            event.reminder,
            event.occurrence.isoformat() if event.occurrence else None,
            event.seconds,
            event.left_seconds,
            event.right_seconds,
            event.pain,
            event.tighter.value if event.tighter else None,
            None if event.leg is None else int(event.leg),
            event.worry.value if event.worry else None,
            event.programme,
            event.mark.value if event.mark else None,
        ),
    ).rowcount


def _events(rows: list[tuple[Any, ...]]) -> Iterator[Event]:
    for (
        at,
        kind,
        stretch,
        feeling,
        reminder,
        occurrence,
        seconds,
        left,
        right,
        pain,
        tighter,
        leg,
        worry,
        *rest,
    ) in rows:
        programme, mark = rest
        yield Event(
            at=datetime.fromisoformat(at),
            kind=Record(kind),
            stretch=stretch,
            feeling=Feeling(feeling) if feeling else None,
            reminder=reminder,
            occurrence=date.fromisoformat(occurrence) if occurrence else None,
            seconds=seconds,
            left_seconds=left,
            right_seconds=right,
            pain=pain,
            tighter=Side(tighter) if tighter else None,
            leg=None if leg is None else bool(leg),
            worry=Worry(worry) if worry else None,
            programme=programme,
            mark=Mark(mark) if mark else None,
        )


def _aware(moment: datetime | None) -> datetime:
    if moment is None or moment.tzinfo is None:
        raise ValueError("history needs aware datetimes")
    return moment


def _cannot_record(event: Event) -> str:
    # Translators: {kind} is the record's name in the history, such as 'done' (kept in English).
    return _("cannot record {kind}").format(kind=repr(event.kind))
