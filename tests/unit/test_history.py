"""history.py: recording, reading, damage recovery and the schema version."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone

import pytest

from qlbreak.core.checkin import Side
from qlbreak.core.kinds import Record
from qlbreak.core.session import Feeling
from qlbreak.storage.history import KINDS, SCHEMA_VERSION, Event, History, HistoryError

NOW = datetime(2026, 11, 25, 9, 31, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "history.db"


def test_records_and_reads_back_in_time_order(db_path):
    history = History.open(db_path, NOW)
    later = Event(NOW + timedelta(minutes=2), "done", "seated-twist", Feeling.BETTER, "morning", date(2026, 11, 25))
    history.record(later)
    history.record(Event(NOW, "fired", "seated-twist", reminder="morning", occurrence=date(2026, 11, 25)))
    history.close()
    again = History.open(db_path, NOW)
    events = again.events()
    assert [e.kind for e in events] == ["fired", "done"]
    assert events[1] == later
    assert events[1].as_json() == {
        "at": "2026-11-25T09:33:00+01:00",
        "kind": "done",
        "stretch": "seated-twist",
        "feeling": "better",
        "reminder": "morning",
        "occurrence": "2026-11-25",
        "seconds": None,
        "left_seconds": None,
        "right_seconds": None,
        "pain": None,
        "tighter": None,
        "leg": None,
        "worry": None,
        "programme": None,
        "mark": None,
    }
    assert again.events(since=NOW + timedelta(minutes=1)) == [later]
    assert again.last_stretch() == "seated-twist"
    assert again.done_days() == {date(2026, 11, 25)}
    assert [d.feeling for d in again.done()] == [Feeling.BETTER]


def test_uses_wal_and_carries_a_schema_version(db_path):
    History.open(db_path, NOW).close()
    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_done_days_are_the_local_dates_the_user_lived(db_path):
    history = History.open(db_path, NOW)
    late_evening = datetime(2026, 11, 25, 23, 30, tzinfo=timezone(timedelta(hours=-5)))  # 04:30 UTC next day
    history.record(Event(late_evening, "done", "gentle-walk"))
    assert history.done_days() == {date(2026, 11, 25)}


def test_a_damaged_database_is_moved_aside_and_a_new_one_starts(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not a database" * 100)
    history = History.open(db_path, NOW)
    assert history.notice is not None and "history.db.corrupt-20261125T083100Z" in history.notice
    aside = db_path.with_name("history.db.corrupt-20261125T083100Z")
    assert aside.read_bytes().startswith(b"this is not a database")
    history.record(Event(NOW, "done", "cat-cow"))
    assert len(history.events()) == 1


def test_a_newer_schema_is_refused_and_left_alone(db_path):
    History.open(db_path, NOW).close()
    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(HistoryError, match="newer qlbreak"):
        History.open(db_path, NOW)
    assert db_path.read_bytes() == before


def test_an_unusable_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(HistoryError, match="cannot open the history"):
        History.open(blocker / "history.db", NOW)


def test_rejects_unknown_kinds_and_naive_times(db_path):
    history = History.open(db_path, NOW)
    with pytest.raises(ValueError):
        history.record(Event(NOW, "exploded"))
    with pytest.raises(ValueError):
        history.record(Event(datetime(2026, 1, 1), "done"))


def test_an_occurrence_is_claimed_once_even_by_two_copies(db_path):
    first, second = History.open(db_path, NOW), History.open(db_path, NOW)
    fired = Event(NOW, "fired", "seated-twist", reminder="morning", occurrence=date(2026, 11, 25))
    assert first.claim(fired) is True
    assert second.claim(fired) is False  # the other copy already fired it
    missed = Event(NOW, "missed", reminder="lunch", occurrence=date(2026, 11, 24))
    assert second.claim(missed) is True
    assert first.settled(date(2026, 11, 24)) == {("morning", date(2026, 11, 25)), ("lunch", date(2026, 11, 24))}
    assert first.settled(date(2026, 11, 25)) == {("morning", date(2026, 11, 25))}
    with pytest.raises(ValueError):
        first.claim(Event(NOW, "done", "seated-twist"))


def test_a_version_1_history_is_upgraded_in_place(db_path):
    db_path.parent.mkdir(parents=True)
    db = sqlite3.connect(db_path)
    db.executescript(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, ts REAL NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL,"
        " stretch TEXT, feeling TEXT, reminder TEXT, occurrence TEXT);"
        "INSERT INTO events (ts, at, kind, stretch) VALUES (1, '2026-11-24T09:00:00+01:00', 'done', 'cat-cow');"
        "PRAGMA user_version = 1;"
    )
    db.close()
    history = History.open(db_path, NOW)
    assert [e.stretch for e in history.events()] == ["cat-cow"]
    assert history.claim(Event(NOW, "fired", reminder="morning", occurrence=date(2026, 11, 25)))
    history.close()
    assert sqlite3.connect(db_path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_partial_stretch_keeps_its_seconds_and_no_streak_counts_it(db_path):
    history = History.open(db_path, NOW)
    history.record(Event(NOW, "partial", "seated-twist", Feeling.SAME, seconds=20.0))
    (event,) = history.events()
    assert event.kind == "partial" and event.seconds == 20.0
    assert Event.from_json(event.as_record()) == event
    assert history.done_days() == set()  # only "done" makes a streak
    assert [d.stretch for d in history.done()] == ["seated-twist"]  # the rotation knows it was done
    assert history.last_stretch() == "seated-twist"
    history.close()


def test_a_version_2_history_is_rebuilt_to_take_partial_records(db_path):
    import sqlite3

    db_path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(db_path)
    db.executescript(
        """
        CREATE TABLE events (id INTEGER PRIMARY KEY, ts REAL NOT NULL, at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('fired', 'done', 'skipped', 'snoozed', 'missed', 'switched')),
            stretch TEXT, feeling TEXT, reminder TEXT, occurrence TEXT);
        CREATE UNIQUE INDEX settled ON events (kind, reminder, occurrence)
            WHERE kind IN ('fired', 'missed') AND reminder IS NOT NULL AND occurrence IS NOT NULL;
        PRAGMA user_version = 2;
        """
    )
    db.execute(
        "INSERT INTO events (ts, at, kind, stretch, reminder, occurrence)"
        " VALUES (?, ?, 'fired', 'cat-cow', 'lunch', '2026-11-24')",
        (NOW.timestamp() - 86400, (NOW - timedelta(days=1)).isoformat()),
    )
    db.commit()
    db.close()
    history = History.open(db_path, NOW)
    history.record(Event(NOW, "partial", "cat-cow", seconds=12.0))
    assert [e.kind for e in history.events()] == ["fired", "partial"]
    fired = Event(NOW - timedelta(days=1), "fired", "cat-cow", reminder="lunch", occurrence=date(2026, 11, 24))
    assert not history.claim(fired)  # the once-only index came through the rebuild
    history.close()


def test_a_kind_read_back_is_the_shared_name_and_an_unknown_one_is_refused(db_path):
    history = History.open(db_path, NOW)
    history.record(Event(NOW, Record.SWITCHED, "cat-cow"))
    (stored,) = history.events()
    history.close()
    assert stored.kind is Record.SWITCHED  # the enum member, not a look-alike string
    assert Event.from_json(stored.as_json()).kind is Record.SWITCHED
    assert set(KINDS) == set(Record)  # the schema's CHECK lists every kind, from the one list
    with pytest.raises(ValueError):
        Event.from_json(stored.as_json() | {"kind": "stretched"})


# -- every earlier schema, with data in every column it had ----------------------------


@pytest.mark.parametrize("version", [1, 2, 3])
def test_a_history_from_each_earlier_schema_opens_as_the_current_one_with_nothing_lost(db_path, version):
    from qlbreak.core.checkin import Side
    from qlbreak.storage.history_file import COLUMNS
    from tests import old_schemas

    db_path.parent.mkdir(parents=True)
    before = old_schemas.write(db_path, version)
    kinds = {row[3] for row in before}
    assert len(before) == 40 and kinds == set(old_schemas.KINDS[version])  # every kind it knew
    assert all(any(row[i] is not None for row in before) for i in range(len(before[0])))  # data in every column
    assert {row[5] for row in before} == {None, "better", "same", "worse", "hurt"}
    history = History.open(db_path, NOW)
    assert history.notice is None
    events = history.events()
    history.record(Event(NOW, Record.CHECKIN, pain=3, tighter=Side.RIGHT, leg=True))  # what it could not hold
    first_fired = next(e for e in events if e.kind == "fired")
    assert not history.claim(first_fired)  # the once-only index is there, over the old records too
    history.close()
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        assert tuple(row[1] for row in raw.execute("PRAGMA table_info(events)")) == COLUMNS
        after = old_schemas.read(raw, version)
        assert after[:-1] == before and after[-1][3] == "checkin"  # every row, every value, the same ids
        indexes = {row[1] for row in raw.execute("PRAGMA index_list(events)")}
        assert {"events_ts", "settled"} <= indexes
        added = raw.execute(f"SELECT {', '.join(COLUMNS[9:])} FROM events WHERE kind != 'checkin'").fetchall()
        assert set(added) == {(None,) * len(COLUMNS[9:])}  # the new columns empty for the old records
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        raw.close()
    assert len(events) == 40
    assert [(e.at.isoformat(), e.kind, e.stretch, e.feeling.value if e.feeling else None) for e in events] == [
        (row[2], row[3], row[4], row[5]) for row in sorted(before, key=lambda r: r[1])
    ]
    assert [(e.reminder, e.occurrence.isoformat() if e.occurrence else None) for e in events] == [
        (row[6], row[7]) for row in sorted(before, key=lambda r: r[1])
    ]
    if version == 3:  # the seconds a partial stretch was held: kept
        held = [(e.kind, e.seconds) for e in events if e.seconds is not None]
        assert held and all(kind == "partial" for kind, _ in held)
        assert [s for _, s in held] == [row[8] for row in sorted(before, key=lambda r: r[1]) if row[8] is not None]
    assert {e.at.utcoffset() for e in events} == {timedelta(hours=1), timedelta(hours=2)}  # each its own offset


def test_a_check_in_travels_as_a_record_and_back_whole():
    """The outbox, the state file and the spool keep a record as ``as_record`` JSON."""
    import json

    from qlbreak.core.checkin import Side, Worry

    moment = NOW.replace(microsecond=123456)
    for event in (
        Event(moment, Record.CHECKIN, pain=4, tighter=Side.LEFT, leg=False),
        Event(moment, Record.CHECKIN, pain=0, tighter=Side.NEITHER, leg=True),
        Event(moment, Record.CHECKIN),  # skipped
        Event(moment, Record.WARNED, worry=Worry.WORSE_AFTER),
        Event(moment, Record.DONE, "ql-stick-stretch", Feeling.BETTER, left_seconds=45.5, right_seconds=30.0),
    ):
        again = Event.from_json(json.loads(json.dumps(event.as_record())))
        assert again == event and type(again.pain) is type(event.pain) and again.at == moment


@pytest.mark.parametrize(
    "bad",
    [
        {"pain": 11},
        {"pain": -1},
        {"pain": "4"},
        {"pain": 4.0},
        {"pain": True},
        {"leg": "yes"},
        {"leg": 1},
        {"tighter": "middle"},
        {"tighter": 1},
        {"worry": "bored"},
        {"left_seconds": "45"},
        {"right_seconds": True},
    ],
    ids=repr,
)
def test_a_check_in_record_with_a_bad_value_is_refused_as_a_whole(bad):
    good = Event(NOW, Record.CHECKIN, pain=4, tighter=Side.LEFT, leg=False).as_record()
    with pytest.raises(ValueError):
        Event.from_json(good | bad)


def test_the_spool_moves_a_check_in_in_and_sets_a_bad_one_aside(tmp_path):
    """The stretch window's spool (the check-in screen's record may wait there): a good
    record reaches the history whole, a bad one is set aside and nothing of it is written."""
    import json

    from qlbreak.storage.spool import UNREADABLE, Spool, beside

    path = tmp_path / "history.db"
    spool = Spool(beside(path))
    good = Event(NOW, Record.CHECKIN, pain=6, tighter=Side.BOTH, leg=True)
    spool.put(good)
    bad = spool.put(Event(NOW + timedelta(seconds=5), Record.CHECKIN, pain=4))
    bad.write_text(json.dumps(json.loads(bad.read_text()) | {"pain": 11}))
    history = History.open(path, NOW)
    assert spool.replay(history) == 1
    assert history.events() == [good]
    history.close()
    assert not spool.waiting() and [p.name.endswith(UNREADABLE) for p in beside(path).iterdir()] == [True]
