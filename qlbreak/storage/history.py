"""What happened: reminders fired, stretches done (with feelings), skipped, snoozed, missed.

SQLite in WAL mode, so the tray and a dialog can both write. The schema carries
``PRAGMA user_version``; a database from a newer qlbreak is refused, never touched.
A damaged one is moved aside (``history.db.corrupt-<timestamp>``) and a new one is
started: a lost history is sad, a crashed break reminder is useless.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from qlbreak.core.picker import Done
from qlbreak.core.session import Feeling

SCHEMA_VERSION = 2  # 2: a reminder occurrence is fired (or missed) once, whoever records it
KINDS = ("fired", "done", "skipped", "snoozed", "missed", "switched")
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    ts REAL NOT NULL,            -- seconds since the epoch, for ordering
    at TEXT NOT NULL,            -- ISO 8601 with the local offset of the moment
    kind TEXT NOT NULL CHECK (kind IN ({", ".join(repr(k) for k in KINDS)})),
    stretch TEXT,
    feeling TEXT CHECK (feeling IS NULL OR feeling IN ({", ".join(repr(f.value) for f in Feeling)})),
    reminder TEXT,
    occurrence TEXT              -- the local date of the reminder occurrence
);
CREATE INDEX IF NOT EXISTS events_ts ON events (ts);
DELETE FROM events WHERE kind IN ('fired', 'missed') AND id NOT IN (
    SELECT MIN(id) FROM events WHERE kind IN ('fired', 'missed') GROUP BY kind, reminder, occurrence
);
CREATE UNIQUE INDEX IF NOT EXISTS settled ON events (kind, reminder, occurrence)
    WHERE kind IN ('fired', 'missed') AND reminder IS NOT NULL AND occurrence IS NOT NULL;
"""


class HistoryError(Exception):
    """The history cannot be used at all; the message says why and what to do."""


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: str
    stretch: str | None = None
    feeling: Feeling | None = None
    reminder: str | None = None
    occurrence: date | None = None

    def as_json(self) -> dict[str, str | None]:
        return {
            "at": self.at.isoformat(timespec="seconds"),
            "kind": self.kind,
            "stretch": self.stretch,
            "feeling": self.feeling.value if self.feeling else None,
            "reminder": self.reminder,
            "occurrence": self.occurrence.isoformat() if self.occurrence else None,
        }


class History:
    def __init__(self, connection: sqlite3.Connection, path: Path, notice: str | None = None) -> None:
        self._db = connection
        self.path = path
        self.notice = notice  # set when a damaged database was moved aside

    @classmethod
    def open(cls, path: Path, now: datetime) -> History:
        """Open or create the history at ``path``; ``now`` names a moved-aside copy."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                return cls(_connect(path), path)
            except sqlite3.DatabaseError as err:
                aside = _move_aside(path, now)
                notice = (
                    f"{path}: the history was damaged ({err}); it was moved to {aside.name} and a new one was started"
                )
                return cls(_connect(path), path, notice)
        except (OSError, sqlite3.Error) as err:
            raise HistoryError(f"{path}: cannot open the history: {err}") from None

    def close(self) -> None:
        self._db.close()

    def record(self, event: Event) -> None:
        self._insert(event, "INSERT")

    def claim(self, event: Event) -> bool:
        """Record a "fired" or "missed" occurrence unless it is already recorded; the
        database decides, so two running copies can never both fire one reminder."""
        if event.kind not in ("fired", "missed") or event.reminder is None or event.occurrence is None:
            raise ValueError("only a fired or missed occurrence can be claimed")
        return self._insert(event, "INSERT OR IGNORE") == 1

    def settled(self, since: date) -> set[tuple[str, date]]:
        """(reminder, local date) of every occurrence fired or missed from ``since`` on."""
        rows = self._db.execute(
            "SELECT reminder, occurrence FROM events WHERE kind IN ('fired', 'missed')"
            " AND reminder IS NOT NULL AND occurrence >= ?",
            (since.isoformat(),),
        )
        return {(reminder, date.fromisoformat(day)) for reminder, day in rows}

    def _insert(self, event: Event, verb: str) -> int:
        if event.kind not in KINDS:
            raise ValueError(f"unknown event kind {event.kind!r}")
        _aware(event.at)
        with self._db:
            return self._db.execute(
                f"{verb} INTO events (ts, at, kind, stretch, feeling, reminder, occurrence)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    event.at.timestamp(),
                    event.at.isoformat(),
                    event.kind,
                    event.stretch,
                    event.feeling.value if event.feeling else None,
                    event.reminder,
                    event.occurrence.isoformat() if event.occurrence else None,
                ),
            ).rowcount

    def events(self, since: datetime | None = None) -> list[Event]:
        """Events at or after ``since`` (all when None), oldest first."""
        floor = _aware(since).timestamp() if since else float("-inf")
        rows = self._db.execute(
            "SELECT at, kind, stretch, feeling, reminder, occurrence FROM events WHERE ts >= ? ORDER BY ts, id",
            (floor,),
        )
        return list(_events(rows))

    def done(self) -> list[Done]:
        """Every finished stretch, for the picker."""
        return [Done(e.stretch, e.at, e.feeling) for e in self.events() if e.kind == "done" and e.stretch]

    def last_stretch(self) -> str | None:
        row = self._db.execute(
            "SELECT stretch FROM events WHERE stretch IS NOT NULL AND kind IN ('done', 'skipped', 'switched')"
            " ORDER BY ts DESC, id DESC LIMIT 1"
        ).fetchone()
        return row[0] if row else None

    def done_days(self) -> set[date]:
        """Local dates (as the user lived them) with a stretch done."""
        rows = self._db.execute("SELECT at FROM events WHERE kind = 'done'")
        return {datetime.fromisoformat(at).date() for (at,) in rows}


def _connect(path: Path) -> sqlite3.Connection:
    # The tray opens it in one thread and its service loop uses it in another (never both).
    db = sqlite3.connect(path, timeout=5.0, check_same_thread=False)
    try:
        # Reads first: opening an up-to-date history writes nothing (no fsync at start-up).
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode=WAL")
        check = db.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {check[0] if check else 'no answer'}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise HistoryError(
                f"{path} was written by a newer qlbreak (history schema {version}; this one knows "
                f"{SCHEMA_VERSION}). Update qlbreak; the file was left untouched."
            )
        if version < SCHEMA_VERSION:
            with db:
                db.executescript(_SCHEMA)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        db.close()
        raise
    return db


def _move_aside(path: Path, now: datetime) -> Path:
    stamp = _aware(now).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    path.replace(aside)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.replace(aside.with_name(aside.name + suffix))
    return aside


def _events(rows: Iterator[tuple[str, str, str | None, str | None, str | None, str | None]]) -> Iterator[Event]:
    for at, kind, stretch, feeling, reminder, occurrence in rows:
        yield Event(
            at=datetime.fromisoformat(at),
            kind=kind,
            stretch=stretch,
            feeling=Feeling(feeling) if feeling else None,
            reminder=reminder,
            occurrence=date.fromisoformat(occurrence) if occurrence else None,
        )


def _aware(moment: datetime | None) -> datetime:
    if moment is None or moment.tzinfo is None:
        raise ValueError("history needs aware datetimes")
    return moment
