"""Schema 5: a programme's marks and an exercise's feelings in the history; a schema-4
history is brought up to date with every record kept, and a newer one is refused."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from qlbreak.core.kinds import Record
from qlbreak.core.programmes import Mark, Marked
from qlbreak.core.session import Feeling
from qlbreak.storage.history import SCHEMA_VERSION, Event, History, HistoryError
from qlbreak.storage.history_file import COLUMNS

NOW = datetime(2026, 12, 3, 9, 30, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "history.db"


def test_a_schema_4_history_is_upgraded_keeping_every_record_and_value(db_path):
    from tests import old_schemas

    db_path.parent.mkdir(parents=True)
    before = old_schemas.write(db_path, 4)
    assert {row[3] for row in before} == set(old_schemas.KINDS[4])  # every kind it knew
    assert all(any(row[i] is not None for row in before) for i in range(len(before[0])))  # data in every column
    history = History.open(db_path, NOW)
    assert history.notice is None
    events = history.events()
    history.record(Event(NOW, Record.DONE, "wall-side-plank", Feeling.TOO_HARD))  # what schema 4 refused
    history.record(Event(NOW, Record.PROGRAMME, programme="ball-release", mark=Mark.START))
    first_fired = next(e for e in events if e.kind == "fired")
    assert not history.claim(first_fired)  # the once-only index still covers the old records
    history.close()
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
        assert tuple(row[1] for row in raw.execute("PRAGMA table_info(events)")) == COLUMNS
        after = old_schemas.read(raw, 4)
        assert after[:-2] == before  # every row, every value, the same ids
        assert (
            raw.execute("SELECT COUNT(*) FROM events WHERE programme IS NOT NULL OR mark IS NOT NULL").fetchone()[0]
            == 1
        )
        assert {row[1] for row in raw.execute("PRAGMA index_list(events)")} >= {"events_ts", "settled"}
    finally:
        raw.close()
    assert len(events) == len(before) == 40
    assert sorted((e.at.isoformat(), e.kind.value, e.pain, e.worry) for e in events) == sorted(
        (row[2], row[3], row[11], row[14]) for row in before
    )


def test_the_new_feelings_and_the_marks_are_kept_and_read_back(db_path):
    history = History.open(db_path, NOW)
    for n, feeling in enumerate((Feeling.EASY, Feeling.RIGHT, Feeling.TOO_HARD, Feeling.HURT)):
        history.record(Event(NOW + timedelta(minutes=n), Record.DONE, "bird-dog", feeling))
    for n, mark in enumerate(Mark):
        history.record(Event(NOW + timedelta(hours=1, minutes=n), Record.PROGRAMME, programme="strengthen", mark=mark))
    history.record(Event(NOW + timedelta(hours=2), Record.PARTIAL, "ql-ball-release", seconds=20.0))
    assert [d.feeling for d in history.finished()] == [Feeling.EASY, Feeling.RIGHT, Feeling.TOO_HARD, Feeling.HURT]
    assert len(history.done()) == 5  # the picker's list has the partial one; a programme's does not
    assert history.marks() == [
        Marked(NOW + timedelta(hours=1, minutes=n), mark, "strengthen") for n, mark in enumerate(Mark)
    ]
    marked = [e for e in history.events() if e.kind is Record.PROGRAMME]
    assert all(Event.from_json(e.as_record()) == e for e in marked)
    assert marked[0].as_json()["mark"] == "start" and marked[0].as_json()["programme"] == "strengthen"
    history.close()


def test_the_schema_refuses_a_mark_it_does_not_know(db_path):
    History.open(db_path, NOW).close()
    raw = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        raw.execute(
            "INSERT INTO events (ts, at, kind, programme, mark) VALUES (1, ?, 'programme', 'x', 'restart')",
            (NOW.isoformat(),),
        )
    raw.close()
    with pytest.raises(ValueError):
        Event.from_json(Event(NOW, Record.PROGRAMME, programme="x", mark=Mark.STOP).as_json() | {"mark": "restart"})


def test_two_marks_within_a_second_are_both_kept_by_record_once(db_path):
    history = History.open(db_path, NOW)
    assert history.record_once(Event(NOW, Record.PROGRAMME, programme="strengthen", mark=Mark.OFFERED))
    assert history.record_once(Event(NOW, Record.PROGRAMME, programme="strengthen", mark=Mark.DECLINED))
    assert not history.record_once(Event(NOW, Record.PROGRAMME, programme="strengthen", mark=Mark.DECLINED))
    assert [m.mark for m in history.marks()] == [Mark.OFFERED, Mark.DECLINED]
    history.close()


def test_a_newer_schema_is_refused_and_the_file_left_as_it_was(db_path):
    History.open(db_path, NOW).close()
    raw = sqlite3.connect(db_path)
    raw.execute("PRAGMA user_version = 6")
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(HistoryError, match=r"newer qlbreak \(history schema 6; this one knows 5\)"):
        History.open(db_path, NOW)
    assert db_path.read_bytes() == before
