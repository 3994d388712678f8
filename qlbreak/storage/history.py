"""What happened: reminders fired, stretches done (with feelings), skipped, snoozed, missed.

SQLite in WAL mode, so the tray and a window can both write. The schema carries
``PRAGMA user_version``; a database from a newer qlbreak is refused and never
written to, and an older one is brought up to date in one transaction (killed or out
of space half-way, it stays as it was). Only real damage (not a database, malformed, a schema that is not ours)
moves a file aside (``history.db.corrupt-<timestamp>``) and starts a new one. A busy
history (another program holds a lock) or a full disk is never damage: the file is
kept as it is and the error says so (``HistoryBusy``, ``HistoryFull``), so the caller
can try again later (``storage/outbox.py`` does).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from qlbreak.core.picker import Done
from qlbreak.core.session import Feeling
from qlbreak.storage.privacy import private_file, private_folder

T = TypeVar("T")

# 2: a reminder occurrence is fired (or missed) once, whoever records it
# 3: "partial" (a hold ended early, with the seconds held), which no streak counts
SCHEMA_VERSION = 3
KINDS = ("fired", "done", "partial", "skipped", "snoozed", "missed", "switched")
STRETCHED = ("done", "partial")  # a stretch was done, wholly or in part: the rotation counts both
COLUMNS = ("id", "ts", "at", "kind", "stretch", "feeling", "reminder", "occurrence", "seconds")
_FIELDS = ("at", "kind", "stretch", "feeling", "reminder", "occurrence")
BUSY_TIMEOUT = 5.0  # seconds a statement waits for another program's lock
AHEAD = timedelta(minutes=1)  # a claim recorded this far after now was made on a clock that was ahead
_TABLE = f"""
CREATE TABLE IF NOT EXISTS {{name}} (
    id INTEGER PRIMARY KEY,
    ts REAL NOT NULL,            -- seconds since the epoch, for ordering
    at TEXT NOT NULL,            -- ISO 8601 with the local offset of the moment
    kind TEXT NOT NULL CHECK (kind IN ({", ".join(repr(k) for k in KINDS)})),
    stretch TEXT,
    feeling TEXT CHECK (feeling IS NULL OR feeling IN ({", ".join(repr(f.value) for f in Feeling)})),
    reminder TEXT,
    occurrence TEXT,             -- the local date of the reminder occurrence
    seconds REAL                 -- "partial": how long the holds were held
);
"""
# SQLite cannot change a CHECK: a table from schema 1 or 2 is copied into a new one.
# Each step is one statement, run inside one transaction (``_migrate``).
_REBUILD = (
    _TABLE.format(name="events_new"),
    "INSERT INTO events_new (id, ts, at, kind, stretch, feeling, reminder, occurrence)"
    " SELECT id, ts, at, kind, stretch, feeling, reminder, occurrence FROM events",
    "DROP TABLE events",
    "ALTER TABLE events_new RENAME TO events",
)
_SCHEMA = (
    _TABLE.format(name="events"),
    "CREATE INDEX IF NOT EXISTS events_ts ON events (ts)",
    """DELETE FROM events WHERE kind IN ('fired', 'missed') AND id NOT IN (
    SELECT MIN(id) FROM events WHERE kind IN ('fired', 'missed') GROUP BY kind, reminder, occurrence)""",
    """CREATE UNIQUE INDEX IF NOT EXISTS settled ON events (kind, reminder, occurrence)
    WHERE kind IN ('fired', 'missed') AND reminder IS NOT NULL AND occurrence IS NOT NULL""",
)
# SQLite's primary result codes (sqlite3.h) that say what kind of trouble it is.
_BUSY = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_FULL = 13  # SQLITE_FULL
_IO = {8, 10, 14}  # SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN
_DAMAGED = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


class HistoryError(Exception):
    """The history cannot be used now; the message says why and what to do."""


class HistoryBusy(HistoryError):
    """Another program holds the history's lock: nothing is wrong with it; try again."""


class HistoryFull(HistoryError):
    """The disk is full: nothing was written, and the history was kept as it is."""


class _Damaged(Exception):
    """Real damage: the only reason a history is moved aside."""


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: str
    stretch: str | None = None
    feeling: Feeling | None = None
    reminder: str | None = None
    occurrence: date | None = None
    seconds: float | None = None  # "partial": how long the holds were held

    def as_json(self) -> dict[str, str | float | None]:
        return {
            "at": self.at.isoformat(timespec="seconds"),
            "kind": self.kind,
            "stretch": self.stretch,
            "feeling": self.feeling.value if self.feeling else None,
            "reminder": self.reminder,
            "occurrence": self.occurrence.isoformat() if self.occurrence else None,
            "seconds": self.seconds,
        }

    def as_record(self) -> dict[str, str | float | None]:
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
        seconds = data.get("seconds")
        if not isinstance(at, str) or kind not in KINDS:
            raise ValueError(f"not a history event: {data!r:.200}")
        if seconds is not None and (isinstance(seconds, bool) or not isinstance(seconds, int | float)):
            raise ValueError(f"not a history event: {data!r:.200}")
        return cls(
            _aware(datetime.fromisoformat(at)),
            kind,
            data.get("stretch"),
            Feeling(feeling) if feeling else None,
            data.get("reminder"),
            date.fromisoformat(occurrence) if occurrence else None,
            float(seconds) if seconds is not None else None,
        )


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
                return cls(_connect(path, timeout), path)
            except _Damaged as err:
                aside = _move_aside(path, now)
                notice = (
                    f"{path}: the history was damaged ({err}); it was moved to {aside.name} and a new one was started"
                )
                return cls(_connect(path, timeout), path, notice)
        except sqlite3.Error as err:
            raise _problem(path, err, "cannot open the history") from None
        except (OSError, _Damaged) as err:
            raise HistoryError(f"{path}: cannot open the history: {err}") from None

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
            with _immediate(self._db):
                found = self._db.execute(
                    "SELECT 1 FROM events WHERE ts BETWEEN ? AND ? AND kind = ? AND stretch IS ? AND feeling IS ?"
                    " AND reminder IS ? AND occurrence IS ? LIMIT 1",
                    (
                        event.at.timestamp() - 1,
                        event.at.timestamp() + 1,
                        event.kind,
                        event.stretch,
                        event.feeling.value if event.feeling else None,
                        event.reminder,
                        event.occurrence.isoformat() if event.occurrence else None,
                    ),
                ).fetchone()
                if not found:
                    _insert_row(self._db, event, "INSERT")
        except sqlite3.Error as err:
            raise _problem(self.path, err, f"cannot record {event.kind!r}") from None
        return not found

    def claim(self, event: Event) -> bool:
        """Record a "fired" or "missed" occurrence unless it is already recorded; the
        database decides, so two running copies can never both fire one reminder. A
        claim recorded more than ``AHEAD`` after this one was made on a clock that was
        ahead (``schedule.truth_returns``): it gives way."""
        if event.kind not in ("fired", "missed") or event.reminder is None or event.occurrence is None:
            raise ValueError("only a fired or missed occurrence can be claimed")
        _aware(event.at)
        key = (event.kind, event.reminder, event.occurrence.isoformat())
        try:
            with _immediate(self._db):
                if _insert_row(self._db, event, "INSERT OR IGNORE") == 1:
                    return True
                gone = self._db.execute(
                    "DELETE FROM events WHERE kind = ? AND reminder = ? AND occurrence = ? AND ts > ?",
                    (*key, event.at.timestamp() + AHEAD.total_seconds()),
                ).rowcount
                return gone == 1 and _insert_row(self._db, event, "INSERT") == 1
        except sqlite3.Error as err:
            raise _problem(self.path, err, f"cannot record {event.kind!r}") from None

    def forget_after(self, now: datetime) -> int:
        """Remove the fired and missed claims recorded after ``now``: a clock that was
        ahead made them (``schedule.truth_returns``). Stretches done meanwhile stay."""
        try:
            with _immediate(self._db):
                return self._db.execute(
                    "DELETE FROM events WHERE kind IN ('fired', 'missed') AND ts > ?",
                    (_aware(now).timestamp() + AHEAD.total_seconds(),),
                ).rowcount
        except sqlite3.Error as err:
            raise _problem(self.path, err, "cannot correct the history") from None

    def settled(self, since: date, now: datetime | None = None) -> set[tuple[str, date]]:
        """(reminder, local date) of every occurrence fired or missed from ``since`` on
        (and, given ``now``, not recorded ahead of it by a clock that was ahead)."""
        rows = self._read(
            "SELECT reminder, occurrence FROM events WHERE kind IN ('fired', 'missed')"
            " AND reminder IS NOT NULL AND occurrence >= ? AND ts <= ?",
            (since.isoformat(), _aware(now).timestamp() + AHEAD.total_seconds() if now else float("inf")),
        )
        return {(reminder, date.fromisoformat(day)) for reminder, day in rows}

    def events(self, since: datetime | None = None) -> list[Event]:
        """Events at or after ``since`` (all when None), oldest first."""
        floor = _aware(since).timestamp() if since else float("-inf")
        rows = self._read(
            "SELECT at, kind, stretch, feeling, reminder, occurrence, seconds FROM events"
            " WHERE ts >= ? ORDER BY ts, id",
            (floor,),
        )
        return list(_events(rows))

    def done(self) -> list[Done]:
        """Every stretch done, wholly or in part, for the picker."""
        return [Done(e.stretch, e.at, e.feeling) for e in self.events() if e.kind in STRETCHED and e.stretch]

    def last_stretch(self) -> str | None:
        rows = self._read(
            "SELECT stretch FROM events WHERE stretch IS NOT NULL"
            " AND kind IN ('done', 'partial', 'skipped', 'switched') ORDER BY ts DESC, id DESC LIMIT 1"
        )
        return rows[0][0] if rows else None

    def done_days(self) -> set[date]:
        """Local dates (as the user lived them) with a stretch done."""
        return {datetime.fromisoformat(at).date() for (at,) in self._read("SELECT at FROM events WHERE kind = 'done'")}

    def _insert(self, event: Event, verb: str) -> int:
        _aware(event.at)
        try:
            with self._db:
                return _insert_row(self._db, event, verb)
        except sqlite3.Error as err:
            raise _problem(self.path, err, f"cannot record {event.kind!r}") from None

    def _read(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as err:
            raise _problem(self.path, err, "cannot read the history") from None


def _insert_row(db: sqlite3.Connection, event: Event, verb: str) -> int:
    if event.kind not in KINDS:
        raise ValueError(f"unknown event kind {event.kind!r}")
    return db.execute(
        f"{verb} INTO events (ts, at, kind, stretch, feeling, reminder, occurrence, seconds)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event.at.timestamp(),
            event.at.isoformat(),
            event.kind,
            event.stretch,
            event.feeling.value if event.feeling else None,
            event.reminder,
            event.occurrence.isoformat() if event.occurrence else None,
            event.seconds,
        ),
    ).rowcount


@contextlib.contextmanager
def _immediate(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, begun with the write lock held (BEGIN IMMEDIATE): what
    is read inside it cannot change before the writes; committed at the end, rolled
    back on any error (Python's implicit transactions would begin only at the first
    write and ``executescript`` would commit each statement on its own)."""
    implicit, db.isolation_level = db.isolation_level, None
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
            raise
    finally:
        db.isolation_level = implicit


def _connect(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection to a history this qlbreak can use; raises _Damaged for real damage
    only, and writes nothing to a history from a newer qlbreak."""
    # SQLite gives its -wal and -shm files the database's own mode: private from the start
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        private_file(file)  # a history from before 0.2 was readable by every user
    # The tray opens it in one thread and its service loop uses it in another (never both).
    db = sqlite3.connect(path, timeout=timeout, check_same_thread=False)
    try:
        version = _damage_is_damage(lambda: db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise HistoryError(
                f"{path} was written by a newer qlbreak (history schema {version}; this one knows "
                f"{SCHEMA_VERSION}). Update qlbreak; the file was left untouched."
            )
        check = _damage_is_damage(lambda: db.execute("PRAGMA quick_check").fetchone())
        if check is None or check[0] != "ok":
            raise _Damaged(f"integrity check failed: {check[0] if check else 'no answer'}")
        # Reads first: opening an up-to-date history writes nothing (no fsync at start-up).
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode=WAL")
        if version < SCHEMA_VERSION:
            try:
                _migrate(db)
            except sqlite3.Error as err:  # busy or full: nothing was changed, and it says so
                raise _problem(path, err, "cannot bring the history up to date") from None
        columns = tuple(row[1] for row in db.execute("PRAGMA table_info(events)"))
        if columns != COLUMNS:
            raise _Damaged(f"not a qlbreak history (its events table has {', '.join(columns) or 'no columns'})")
    except BaseException:
        db.close()
        raise
    return db


def _migrate(db: sqlite3.Connection) -> None:
    """Bring the history up to this schema in one transaction: killed or out of disk
    space half-way, it is left exactly as it was (``executescript`` would commit each
    statement on its own). The version is read again under the write lock, so two
    processes starting together migrate it once."""
    with _immediate(db):
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version >= SCHEMA_VERSION:
            return  # another process did it while this one waited for the lock
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        steps: list[str] = []
        if "events_new" in tables:  # an older qlbreak was stopped half-way through this
            steps.append("DROP TABLE events_new" if "events" in tables else "ALTER TABLE events_new RENAME TO events")
        if version in (1, 2):
            steps.extend(_REBUILD)
        for step in [*steps, *_SCHEMA, f"PRAGMA user_version = {SCHEMA_VERSION}"]:
            _damage_is_damage(partial(db.execute, step))


def _damage_is_damage(step: Callable[[], T]) -> T:
    """Run ``step``; SQLite's "not a database" and "malformed" become _Damaged, and so
    does a schema error (a table of the same name that is not ours); busy, full and the
    rest stay what they are."""
    try:
        return step()
    except sqlite3.Error as err:
        code = getattr(err, "sqlite_errorcode", None)
        if code is not None and (code & 0xFF in _DAMAGED or code == 1):  # 1: SQLITE_ERROR, a schema clash
            raise _Damaged(str(err)) from None
        raise


def _problem(path: Path, err: sqlite3.Error, doing: str) -> HistoryError:
    """What the user is told: busy, full and a folder that cannot be written are said
    in those words (SQLite's own are "disk I/O error" or "unable to open database file")."""
    code = (getattr(err, "sqlite_errorcode", None) or 0) & 0xFF
    if code in _BUSY:
        return HistoryBusy(f"{path}: {doing}: another program is using the history; try again in a moment")
    if code == _FULL or (code in _IO and _free_bytes(path.parent) < 64 * 1024):
        return HistoryFull(f"{path}: {doing}: the disk is full; the history was kept as it is")
    if code in _IO and not os.access(path.parent, os.W_OK):
        return HistoryError(f"{path}: {doing}: its folder cannot be written to (read-only?)")
    return HistoryError(f"{path}: {doing}: {err}")


def _free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 1 << 62  # cannot tell: not "full"


def _move_aside(path: Path, now: datetime) -> Path:
    stamp = _aware(now).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    path.replace(aside)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.replace(aside.with_name(aside.name + suffix))
    return aside


def _events(rows: list[tuple[Any, ...]]) -> Iterator[Event]:
    for at, kind, stretch, feeling, reminder, occurrence, seconds in rows:
        yield Event(
            at=datetime.fromisoformat(at),
            kind=kind,
            stretch=stretch,
            feeling=Feeling(feeling) if feeling else None,
            reminder=reminder,
            occurrence=date.fromisoformat(occurrence) if occurrence else None,
            seconds=seconds,
        )


def _aware(moment: datetime | None) -> datetime:
    if moment is None or moment.tzinfo is None:
        raise ValueError("history needs aware datetimes")
    return moment
