"""The SQLite file under the history (``history.py``): its schema, how it is opened
and brought up to date, and what its errors mean to the user. A newer qlbreak's file is
never written to; an older one is brought up to date in one transaction (killed or out
of space half-way, it stays as it was); only real damage (``Damaged``) moves one aside.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TypeVar

from qlbreak.core.kinds import SETTLING, Record
from qlbreak.core.programmes import Mark
from qlbreak.core.session import Feeling
from qlbreak.core.words import _
from qlbreak.storage.privacy import private_file

T = TypeVar("T")

# 2: a reminder occurrence is fired (or missed) once, whoever records it
# 3: "partial" (a hold ended early, with the seconds held), which no streak counts
# 4: the morning check-in ("checkin": pain, tighter side, leg symptoms), the seconds
#    each side was held, and "warned" (which worry was said)
# 5: "programme" (a programme's marks: which programme, and start, pause, ...), and an
#    exercise's feelings (easy, right, too hard)
SCHEMA_VERSION = 5
KINDS = tuple(Record)  # in the order the schema's CHECK has always listed them
_SETTLING = ", ".join(repr(k.value) for k in sorted(SETTLING))  # 'fired', 'missed'
COLUMNS = (
    *("id", "ts", "at", "kind", "stretch", "feeling", "reminder", "occurrence", "seconds"),
    *("left_seconds", "right_seconds", "pain", "tighter", "leg", "worry", "programme", "mark"),
)
_KEPT = {1: 8, 2: 8, 3: 9, 4: 15}  # how many of COLUMNS each older schema had
_TABLE = f"""
CREATE TABLE IF NOT EXISTS {{name}} (
    id INTEGER PRIMARY KEY,
    ts REAL NOT NULL,            -- seconds since the epoch, for ordering
    at TEXT NOT NULL,            -- ISO 8601 with the local offset of the moment
    kind TEXT NOT NULL CHECK (kind IN ({", ".join(repr(k.value) for k in KINDS)})),
    stretch TEXT,
    feeling TEXT CHECK (feeling IS NULL OR feeling IN ({", ".join(repr(f.value) for f in Feeling)})),
    reminder TEXT,
    occurrence TEXT,             -- the local date of the reminder occurrence
    seconds REAL,                -- "partial": how long the holds were held
    left_seconds REAL,           -- "done"/"partial": how long each side was held
    right_seconds REAL,
    pain INTEGER CHECK (pain IS NULL OR pain BETWEEN 0 AND 10),  -- "checkin"; NULL: skipped
    tighter TEXT CHECK (tighter IS NULL OR tighter IN ('left', 'right', 'both', 'neither')),
    leg INTEGER CHECK (leg IS NULL OR leg IN (0, 1)),  -- "checkin": new pain or numbness down a leg
    worry TEXT,                  -- "warned": which worry was said
    programme TEXT,              -- "programme": which programme (core/programmes.py)
    mark TEXT CHECK (mark IS NULL OR mark IN ({", ".join(repr(m.value) for m in Mark)}))
);
"""


def _rebuild(version: int) -> tuple[str, ...]:
    """SQLite cannot change a CHECK: a table from an older schema is copied into a new
    one, with the columns that schema had. Each step is one statement, run inside one
    transaction (``_migrate``)."""
    kept = ", ".join(COLUMNS[: _KEPT[version]])
    return (
        _TABLE.format(name="events_new"),
        f"INSERT INTO events_new ({kept}) SELECT {kept} FROM events",
        "DROP TABLE events",
        "ALTER TABLE events_new RENAME TO events",
    )


_SCHEMA = (
    _TABLE.format(name="events"),
    "CREATE INDEX IF NOT EXISTS events_ts ON events (ts)",
    f"""DELETE FROM events WHERE kind IN ({_SETTLING}) AND id NOT IN (
    SELECT MIN(id) FROM events WHERE kind IN ({_SETTLING}) GROUP BY kind, reminder, occurrence)""",
    f"""CREATE UNIQUE INDEX IF NOT EXISTS settled ON events (kind, reminder, occurrence)
    WHERE kind IN ({_SETTLING}) AND reminder IS NOT NULL AND occurrence IS NOT NULL""",
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


class Damaged(Exception):
    """Real damage: the only reason a history is moved aside."""


@contextlib.contextmanager
def immediate(db: sqlite3.Connection) -> Iterator[None]:
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


def connect(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection to a history this qlbreak can use; raises Damaged for real damage
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
            message = _(
                "{path} was written by a newer qlbreak (history schema {version}; this one knows {known})."
                " Update qlbreak; the file was left untouched."
            )
            raise HistoryError(message.format(path=path, version=version, known=SCHEMA_VERSION))
        check = _damage_is_damage(lambda: db.execute("PRAGMA quick_check").fetchone())
        if check is None or check[0] != "ok":
            raise Damaged(f"integrity check failed: {check[0] if check else 'no answer'}")
        # Reads first: opening an up-to-date history writes nothing (no fsync at start-up).
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode=WAL")
        if version < SCHEMA_VERSION:
            try:
                _migrate(db)
            except sqlite3.Error as err:  # busy or full: nothing was changed, and it says so
                raise problem(path, err, _("cannot bring the history up to date")) from None
        columns = tuple(row[1] for row in db.execute("PRAGMA table_info(events)"))
        if columns != COLUMNS:
            raise Damaged(f"not a qlbreak history (its events table has {', '.join(columns) or 'no columns'})")
    except BaseException:
        db.close()
        raise
    return db


def _migrate(db: sqlite3.Connection) -> None:
    """Bring the history up to this schema in one transaction: killed or out of disk
    space half-way, it is left exactly as it was (``executescript`` would commit each
    statement on its own). The version is read again under the write lock, so two
    processes starting together migrate it once."""
    with immediate(db):
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version >= SCHEMA_VERSION:
            return  # another process did it while this one waited for the lock
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        steps: list[str] = []
        if "events_new" in tables:  # an older qlbreak was stopped half-way through this
            steps.append("DROP TABLE events_new" if "events" in tables else "ALTER TABLE events_new RENAME TO events")
        if version in _KEPT:
            steps.extend(_rebuild(version))
        for step in [*steps, *_SCHEMA, f"PRAGMA user_version = {SCHEMA_VERSION}"]:
            _damage_is_damage(partial(db.execute, step))


def _damage_is_damage(step: Callable[[], T]) -> T:
    """Run ``step``; SQLite's "not a database" and "malformed" become Damaged, and so
    does a schema error (a table of the same name that is not ours); busy, full and the
    rest stay what they are."""
    try:
        return step()
    except sqlite3.Error as err:
        code = getattr(err, "sqlite_errorcode", None)
        if code is not None and (code & 0xFF in _DAMAGED or code == 1):  # 1: SQLITE_ERROR, a schema clash
            raise Damaged(str(err)) from None
        raise


def problem(path: Path, err: sqlite3.Error, doing: str) -> HistoryError:
    """What the user is told: busy, full and a folder that cannot be written are said
    in those words (SQLite's own are "disk I/O error" or "unable to open database file")."""
    code = (getattr(err, "sqlite_errorcode", None) or 0) & 0xFF
    if code in _BUSY:
        # Translators: {doing} is what failed, such as "cannot open the history".
        message = _("{path}: {doing}: another program is using the history; try again in a moment")
        return HistoryBusy(message.format(path=path, doing=doing))
    if code == _FULL or (code in _IO and _free_bytes(path.parent) < 64 * 1024):
        message = _("{path}: {doing}: the disk is full; the history was kept as it is")
        return HistoryFull(message.format(path=path, doing=doing))
    if code in _IO and not os.access(path.parent, os.W_OK):
        message = _("{path}: {doing}: its folder cannot be written to (read-only?)")
        return HistoryError(message.format(path=path, doing=doing))
    return HistoryError(f"{path}: {doing}: {err}")


def _free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 1 << 62  # cannot tell: not "full"


def move_aside(path: Path, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    path.replace(aside)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.replace(aside.with_name(aside.name + suffix))
    return aside
