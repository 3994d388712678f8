"""ui/lately.py: the stretch window's quick, read-only look at the history before its
first screen: is the check-in due, and what the worry rules read."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone

from qlbreak.core.checkin import Side, Worry
from qlbreak.core.kinds import Record
from qlbreak.core.session import Feeling
from qlbreak.storage.history import Event, History
from qlbreak.ui.lately import look, recent

BERLIN_WINTER = timezone(timedelta(hours=1))
NOW = datetime(2026, 12, 3, 8, 30, tzinfo=BERLIN_WINTER)


def history(tmp_path, *events: Event) -> str:
    path = tmp_path / "history.db"
    h = History.open(path, NOW)
    for e in events:
        h.record(e)
    h.close()
    return str(path)


def test_no_history_asks_and_creates_nothing(tmp_path):
    path = tmp_path / "none" / "history.db"
    assert look(str(path), checkin=True, now=NOW) == (True, True, None)
    assert recent(str(path), NOW).checkins == ()
    assert not path.exists() and not path.parent.exists()


def test_asked_once_a_day_by_the_records_own_day(tmp_path):
    yesterday = history(tmp_path, Event(NOW - timedelta(days=1), Record.CHECKIN, pain=3))
    assert look(yesterday, checkin=True, now=NOW) == (True, True, None)
    (tmp_path / "history.db").unlink()
    # skipped at 00:10 today, local time (23:10 UTC yesterday): today is done
    today = history(tmp_path, Event(NOW.replace(hour=0, minute=10), Record.CHECKIN))
    assert look(today, checkin=True, now=NOW.astimezone(UTC)) == (False, False, None)


def test_switched_off_never_asks_and_looks_back_before_the_days_first_stretch(tmp_path):
    path = history(tmp_path, Event(NOW - timedelta(days=1), Record.DONE, "cat-cow", Feeling.WORSE))
    assert look(path, checkin=False, now=NOW) == (False, True, None)
    assert recent(path, NOW).worse == (True,)
    h = History.open(tmp_path / "history.db", NOW)
    h.record(Event(NOW - timedelta(hours=1), Record.PARTIAL, "cat-cow"))
    h.close()
    assert look(path, checkin=False, now=NOW) == (False, False, None)  # stretched today: looked already


def test_the_two_weeks_the_worry_rules_read(tmp_path):
    path = history(
        tmp_path,
        Event(NOW - timedelta(days=20), Record.CHECKIN, pain=9),  # too old
        Event(NOW - timedelta(days=9), Record.CHECKIN, pain=2, tighter=Side.LEFT, leg=True),
        Event(NOW - timedelta(days=8), Record.CHECKIN),  # skipped: no rating
        Event(NOW - timedelta(days=8), Record.DONE, "cat-cow", Feeling.WORSE),  # last week: not this one's
        Event(NOW - timedelta(days=3), Record.WARNED, worry=Worry.RISING),
        Event(NOW - timedelta(days=2), Record.DONE, "cat-cow", Feeling.WORSE),
        Event(NOW - timedelta(days=1), Record.DONE, "cat-cow", Feeling.BETTER),
        Event(NOW - timedelta(days=1), Record.SKIPPED, "cat-cow"),
        Event(NOW - timedelta(hours=2), Record.PARTIAL, "cat-cow", Feeling.HURT),  # "it hurt" felt worse too
    )
    read = recent(path, NOW)
    assert [(c.pain, c.tighter, c.leg_symptoms) for c in read.checkins] == [(2, Side.LEFT, True)]
    assert read.worse == (True, False, True)
    assert read.said == ((Worry.RISING, NOW - timedelta(days=3)),)
    assert read.to_say(NOW) is None and read.with_checkin(read.checkins[0]).checkins == read.checkins * 2


def test_a_history_from_before_the_check_in_asks_and_reads_nothing(tmp_path):
    path = tmp_path / "history.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, ts REAL, at TEXT, kind TEXT, stretch TEXT, feeling TEXT)")
    db.execute("INSERT INTO events (ts, at, kind) VALUES (?, ?, 'done')", (NOW.timestamp(), NOW.isoformat()))
    db.commit()
    db.close()
    assert look(str(path), checkin=True, now=NOW) == (True, True, None)
    assert recent(str(path), NOW).checkins == ()


def test_a_file_that_is_no_database_asks(tmp_path):
    path = tmp_path / "history.db"
    path.write_text("not a database")
    assert look(str(path), checkin=True, now=NOW) == (True, True, None)
    assert recent(str(path), NOW).checkins == ()
    assert path.read_text() == "not a database"


def test_a_path_with_uri_characters_is_read(tmp_path):
    folder = tmp_path / "50% #1?"
    folder.mkdir()
    path = history(folder, Event(NOW, Record.CHECKIN, pain=1))
    assert look(path, checkin=True, now=NOW) == (False, False, None)
    assert [c.pain for c in recent(path, NOW).checkins] == [1]


def test_the_side_named_tighter_today_holds_longer_in_every_window_of_the_day(tmp_path):
    """A second stretch the same day, or the first after ``qlbreak check-in``: not asked
    again, and the side named tighter is still held longer."""
    path = history(
        tmp_path,
        Event(NOW - timedelta(days=1), Record.CHECKIN, pain=5, tighter=Side.RIGHT),  # yesterday's: not today's
        Event(NOW - timedelta(hours=2), Record.CHECKIN, pain=4, tighter=Side.LEFT),
    )
    assert look(path, checkin=True, now=NOW) == (False, False, Side.LEFT)
    assert look(path, checkin=False, now=NOW)[2] is Side.LEFT  # switched off: a terminal's check-in still counts
    (tmp_path / "history.db").unlink()
    yesterday = history(tmp_path, Event(NOW - timedelta(days=1), Record.CHECKIN, pain=5, tighter=Side.RIGHT))
    assert look(yesterday, checkin=True, now=NOW) == (True, True, None)
    (tmp_path / "history.db").unlink()
    skipped = history(tmp_path, Event(NOW - timedelta(hours=1), Record.CHECKIN))
    assert look(skipped, checkin=True, now=NOW) == (False, False, None)
