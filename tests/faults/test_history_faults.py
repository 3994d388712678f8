"""The history under every kind of trouble: only real damage moves it aside; busy
(every SQLite locking mode), full and read-only keep it as it is and say so."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

import pytest

from qlbreak.storage.history import SCHEMA_VERSION, Event, History, HistoryBusy, HistoryError, HistoryFull
from qlbreak.storage.outbox import Outbox
from qlbreak.storage.paths import default_paths

NOW = datetime(2026, 11, 25, 9, 31, tzinfo=UTC)
QUICK = 0.2  # seconds a test waits on a lock


def three_done(path) -> None:
    history = History.open(path, NOW)
    for minutes in (0, 1, 2):
        history.record(Event(NOW - timedelta(days=minutes), "done", "cat-cow"))
    history.close()


# -- damage: moved aside, a new one started --------------------------------------------

DAMAGE: dict[str, Callable[[sqlite3.Connection], None]] = {
    "another program's database": lambda db: db.execute("CREATE TABLE events (name TEXT, price REAL)"),
    "a newer layout under our version": lambda db: db.executescript(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, when_ TEXT); PRAGMA user_version = 2;"
    ),
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_history_that_is_not_ours_is_moved_aside(tmp_path, kind):
    path = tmp_path / "history.db"
    db = sqlite3.connect(path)
    DAMAGE[kind](db)
    db.commit()
    db.close()
    history = History.open(path, NOW)
    assert history.notice is not None and "moved to history.db.corrupt-" in history.notice
    assert history.events() == [] and list(tmp_path.glob("history.db.corrupt-*"))


def test_a_malformed_page_is_damage(tmp_path):
    path = tmp_path / "history.db"
    three_done(path)
    raw = bytearray(path.read_bytes())
    raw[4096 + 8 : 4096 + 64] = b"\xff" * 56  # a b-tree page's header turned to rubbish
    path.write_bytes(bytes(raw))
    (tmp_path / "history.db-wal").unlink(missing_ok=True)
    history = History.open(path, NOW)
    assert history.notice is not None and "damaged" in history.notice


# -- busy: every locking mode, nothing moved, it works again after ---------------------


@contextmanager
def held(path, how: str) -> Iterator[None]:
    """Another program holding the history in one of SQLite's locking modes."""
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    if how == "exclusive locking mode":
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO events (ts, at, kind) VALUES (0, '2026-01-01T00:00:00+00:00', 'done')")
        other.execute("COMMIT")  # the lock stays: exclusive locking mode keeps it
    elif how == "rollback journal, exclusive":
        assert other.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"
        other.execute("BEGIN EXCLUSIVE")
    else:
        other.execute(f"BEGIN {how.upper()}")
    try:
        yield
    finally:
        other.close()


@pytest.mark.parametrize("how", ["immediate", "exclusive"])
def test_a_write_lock_lets_the_history_open_and_read_and_makes_writes_wait(tmp_path, how):
    path = tmp_path / "history.db"
    three_done(path)
    history = History.open(path, NOW, timeout=QUICK)
    with held(path, how):
        assert len(History.open(path, NOW, timeout=QUICK).events()) == 3
        with pytest.raises(HistoryBusy, match="another program is using the history; try again in a moment"):
            history.record(Event(NOW, "done", "seated-twist"))
    history.record(Event(NOW, "done", "seated-twist"))
    assert len(history.events()) == 4 and not list(tmp_path.glob("*.corrupt-*"))


@pytest.mark.parametrize("how", ["exclusive locking mode", "rollback journal, exclusive"])
def test_a_lock_that_shuts_out_readers_is_busy_not_damage(tmp_path, how):
    path = tmp_path / "history.db"
    three_done(path)
    with held(path, how), pytest.raises(HistoryBusy):
        History.open(path, NOW, timeout=QUICK)
    history = History.open(path, NOW, timeout=QUICK)
    assert history.notice is None and len(history.events()) >= 3
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_the_command_line_says_busy_and_keeps_the_history(tmp_path, private_home):
    path = default_paths().history_db
    three_done(path)
    with held(path, "exclusive locking mode"):
        done = subprocess.run(
            [sys.executable, "-m", "qlbreak", "history"], capture_output=True, text=True, timeout=60, check=False
        )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().endswith("another program is using the history; try again in a moment")
    assert len(done.stderr.strip().splitlines()) == 1
    argv = [sys.executable, "-m", "qlbreak", "history", "--days", "30"]
    after = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=True)
    assert after.stdout.count("  Done: ") == 3 and not list(path.parent.glob("*.corrupt-*"))


# -- full: said, kept, fine again once there is room ---------------------------------


def test_a_full_disk_is_said_and_the_history_kept(small_disk):
    path = small_disk.root / "history.db"
    three_done(path)
    history = History.open(path, NOW)
    filler = small_disk.fill()
    with pytest.raises(HistoryFull, match="the disk is full; the history was kept as it is"):
        for n in range(200):  # a page or two may still fit
            history.record(Event(NOW, "done", "x" * 2000 + str(n)))
    history.close()
    with contextlib.suppress(HistoryFull):  # it may open (reading needs no room); never damage
        History.open(path, NOW).close()
    assert not list(small_disk.root.glob("*.corrupt-*"))
    filler.unlink()
    again = History.open(path, NOW)
    assert again.notice is None and sum(e.stretch == "cat-cow" for e in again.events()) == 3
    again.close()


def test_full_without_a_tmpfs_too(tmp_path):
    """SQLite's own page limit makes the same error where no tmpfs can be mounted."""
    path = tmp_path / "history.db"
    three_done(path)
    history = History.open(path, NOW)
    history._db.execute("PRAGMA max_page_count = 1")
    with pytest.raises(HistoryFull):
        history.record(Event(NOW, "done", "y" * 5000))
    history.close()
    assert len(History.open(path, NOW).events()) == 3


# -- read-only, a newer schema, a file where a folder should be -------------------------


def test_a_read_only_folder_is_a_clear_error_and_nothing_moves(small_disk):
    path = small_disk.root / "history.db"
    three_done(path)
    before = path.read_bytes()
    small_disk.read_only()
    try:
        with pytest.raises(HistoryError, match="its folder cannot be written to"):
            History.open(path, NOW)
        outbox = Outbox(lambda: History.open(path, NOW))  # what the tray does: it goes on
        outbox.record(Event(NOW, "done", "seated-twist"))
        assert [e.stretch for e in outbox.pending] == ["seated-twist"] and outbox.problem is not None
    finally:
        small_disk.read_only(False)
    assert path.read_bytes() == before and not list(small_disk.root.glob("*.corrupt-*"))


def test_a_newer_schema_in_a_rollback_journal_is_not_touched_at_all(tmp_path):
    path = tmp_path / "history.db"
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=DELETE")
    db.execute("CREATE TABLE future (x)")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(HistoryError, match="newer qlbreak"):
        History.open(path, NOW)
    assert path.read_bytes() == before  # not even the header's journal bytes (18-19)


def test_a_file_where_the_folder_should_be(tmp_path):
    (tmp_path / "data").write_text("not a folder")
    with pytest.raises(HistoryError, match="cannot open the history"):
        History.open(tmp_path / "data" / "history.db", NOW)


# -- the outbox: nothing is lost while the history cannot take it ------------------------


def test_the_outbox_keeps_records_until_the_history_is_free(tmp_path):
    path = tmp_path / "history.db"
    three_done(path)
    clock = [0.0]
    fired = Event(NOW, "fired", "cat-cow", reminder="morning", occurrence=date(2026, 11, 25))
    with held(path, "exclusive locking mode"):
        outbox = Outbox(lambda: History.open(path, NOW, timeout=QUICK), monotonic=lambda: clock[0])
        assert outbox.claim(fired) is True  # shown, though the database cannot say yet
        assert outbox.claim(fired) is False  # and only once
        outbox.record(Event(NOW + timedelta(hours=1), "done", "cat-cow"))
        assert [e.kind for e in outbox.pending] == ["fired", "done"]
        assert outbox.problem is not None and "another program" in outbox.problem
        assert ("morning", date(2026, 11, 25)) in outbox.settled(date(2026, 11, 24))
        assert NOW.date() in outbox.done_days()
    clock[0] += 10
    assert outbox.flush() and outbox.pending == [] and outbox.problem is None
    kinds = [e.kind for e in History.open(path, NOW).events()]
    assert kinds.count("fired") == 1 and kinds.count("done") == 5  # 3, the other program's, ours


def test_an_outbox_without_any_history_still_answers(tmp_path):
    (tmp_path / "data").write_text("not a folder")
    outbox = Outbox(lambda: History.open(tmp_path / "data" / "history.db", NOW))
    assert outbox.problem is not None and "cannot open the history" in outbox.problem
    outbox.record(Event(NOW, "done", "cat-cow"))
    assert outbox.events()[0].stretch == "cat-cow" and outbox.last_stretch() == "cat-cow"
    assert len(outbox.done()) == 1 and not outbox.flush()
    shutil.rmtree(tmp_path / "data", ignore_errors=True)
