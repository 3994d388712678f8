"""Histories as earlier qlbreaks wrote them (schemas 1 to 4), in raw SQL copied
from those releases, with real data in every column each had: what the migration to
the current schema must carry over whole (tests/unit/test_history.py,
tests/faults/test_migration_faults.py)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

_KINDS_1 = "'fired', 'done', 'skipped', 'snoozed', 'missed', 'switched'"  # schemas 1 and 2
_KINDS_3 = "'fired', 'done', 'partial', 'skipped', 'snoozed', 'missed', 'switched'"
_KINDS_4 = f"{_KINDS_3}, 'checkin', 'warned'"
_FEELINGS = "'better', 'same', 'worse', 'hurt'"
_SETTLED = """CREATE UNIQUE INDEX settled ON events (kind, reminder, occurrence)
    WHERE kind IN ('fired', 'missed') AND reminder IS NOT NULL AND occurrence IS NOT NULL;"""

# 1 (0.1): the table and its time index
# 2: a reminder occurrence fired (or missed) once: the unique index
# 3: "partial", and the seconds a partial stretch was held
# 4: the morning check-in, the seconds each side was held, "warned"
SCHEMAS = {
    1: f"""
CREATE TABLE events (id INTEGER PRIMARY KEY, ts REAL NOT NULL, at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ({_KINDS_1})), stretch TEXT,
    feeling TEXT CHECK (feeling IS NULL OR feeling IN ({_FEELINGS})), reminder TEXT, occurrence TEXT);
CREATE INDEX events_ts ON events (ts);
PRAGMA user_version = 1;
""",
    2: f"""
CREATE TABLE events (id INTEGER PRIMARY KEY, ts REAL NOT NULL, at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ({_KINDS_1})), stretch TEXT,
    feeling TEXT CHECK (feeling IS NULL OR feeling IN ({_FEELINGS})), reminder TEXT, occurrence TEXT);
CREATE INDEX events_ts ON events (ts);
{_SETTLED}
PRAGMA user_version = 2;
""",
    3: f"""
CREATE TABLE events (id INTEGER PRIMARY KEY, ts REAL NOT NULL, at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ({_KINDS_3})), stretch TEXT,
    feeling TEXT CHECK (feeling IS NULL OR feeling IN ({_FEELINGS})), reminder TEXT, occurrence TEXT,
    seconds REAL);
CREATE INDEX events_ts ON events (ts);
{_SETTLED}
PRAGMA user_version = 3;
""",
    4: f"""
CREATE TABLE events (id INTEGER PRIMARY KEY, ts REAL NOT NULL, at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ({_KINDS_4})), stretch TEXT,
    feeling TEXT CHECK (feeling IS NULL OR feeling IN ({_FEELINGS})), reminder TEXT, occurrence TEXT,
    seconds REAL, left_seconds REAL, right_seconds REAL,
    pain INTEGER CHECK (pain IS NULL OR pain BETWEEN 0 AND 10),
    tighter TEXT CHECK (tighter IS NULL OR tighter IN ('left', 'right', 'both', 'neither')),
    leg INTEGER CHECK (leg IS NULL OR leg IN (0, 1)), worry TEXT);
CREATE INDEX events_ts ON events (ts);
{_SETTLED}
PRAGMA user_version = 4;
""",
}
COLUMNS = {  # the columns each schema had, in order
    1: ("id", "ts", "at", "kind", "stretch", "feeling", "reminder", "occurrence"),
    2: ("id", "ts", "at", "kind", "stretch", "feeling", "reminder", "occurrence"),
    3: ("id", "ts", "at", "kind", "stretch", "feeling", "reminder", "occurrence", "seconds"),
    4: (
        *("id", "ts", "at", "kind", "stretch", "feeling", "reminder", "occurrence", "seconds"),
        *("left_seconds", "right_seconds", "pain", "tighter", "leg", "worry"),
    ),
}
KINDS = {
    version: tuple(k.strip("'") for k in {1: _KINDS_1, 2: _KINDS_1, 3: _KINDS_3, 4: _KINDS_4}[version].split(", "))
    for version in SCHEMAS
}
START = datetime(2026, 3, 27, 9, 30, tzinfo=timezone(timedelta(hours=1)))  # across a change to summer time
SUMMER = timezone(timedelta(hours=2))


def rows(version: int, events: int) -> list[tuple[object, ...]]:
    """``events`` rows a person of that version could have made: every kind it knew,
    every feeling, reminders on their days (one a day, so none is a duplicate the
    once-only index would drop), offsets before and after summer time, ids with gaps
    (records removed), non-ASCII names."""
    kinds = KINDS[version]
    made: list[tuple[object, ...]] = []
    for n in range(events):
        at = START + timedelta(hours=25 * n, microseconds=n)
        if at >= datetime(2026, 3, 29, 1, 0, tzinfo=UTC):
            at = at.astimezone(SUMMER)
        kind = kinds[n % len(kinds)]
        reminder = ("morning", "lunch", "après-midi")[n % 3]
        stretch = (
            None
            if kind in ("checkin", "warned") or (kind in ("fired", "missed") and n % 2)
            else ("cat-cow", "seated-twist", "étirement")[n % 3]
        )
        feeling = ("better", "same", "worse", "hurt")[n // len(kinds) % 4] if kind in ("done", "partial") else None
        occurrence = at.date().isoformat() if kind != "switched" else None  # a day each: all kept
        row: tuple[object, ...] = (
            3 * n + 1,
            at.timestamp(),
            at.isoformat(),
            kind,
            stretch,
            feeling,
            reminder,
            occurrence,
        )
        if version >= 3:
            row += (round(2.5 + n % 40 * 0.75, 2) if kind == "partial" else None,)
        if version >= 4:
            held = kind in ("done", "partial")
            row += (
                float(30 + n % 7) if held else None,
                30.5 + n % 5 if held else None,
                n % 11 if kind == "checkin" else None,
                ("left", "right", "both", "neither")[n // len(kinds) % 4] if kind == "checkin" else None,
                n // len(kinds) % 2 if kind == "checkin" else None,
                ("rising", "worse-after")[n // len(kinds) % 2] if kind == "warned" else None,
            )
        made.append(row)
    return made


def write(path: Path, version: int, events: int = 40) -> list[tuple[object, ...]]:
    """A history of schema ``version`` at ``path``, in WAL mode as qlbreak left it,
    checkpointed; its rows, as SQLite reads them back."""
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.executescript(SCHEMAS[version])
        columns = COLUMNS[version]
        db.executemany(
            f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            rows(version, events),
        )
        db.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return read(db, version)
    finally:
        db.close()


def read(db: sqlite3.Connection, version: int) -> list[tuple[object, ...]]:
    """The rows in the columns schema ``version`` had, in id order."""
    return db.execute(f"SELECT {', '.join(COLUMNS[version])} FROM events ORDER BY id").fetchall()
