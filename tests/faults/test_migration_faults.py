"""Bringing an older history up to date is one transaction: killed at any moment or
out of disk space half-way, the history opens afterwards with every event it had
(issue 20, B). Before, each statement committed on its own: 50 kills left 8 histories
that never opened again and 3 moved aside as damaged."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from qlbreak.storage import history_file
from qlbreak.storage.history import SCHEMA_VERSION, History, HistoryFull

NOW = datetime(2026, 11, 25, 9, 31, tzinfo=UTC)
EVENTS = 1500  # enough that the rebuild takes a while to be killed in
KILLS = 50

_V2 = """
CREATE TABLE events (id INTEGER PRIMARY KEY, ts REAL NOT NULL, at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('fired', 'done', 'skipped', 'snoozed', 'missed', 'switched')),
    stretch TEXT, feeling TEXT, reminder TEXT, occurrence TEXT);
CREATE INDEX events_ts ON events (ts);
CREATE UNIQUE INDEX settled ON events (kind, reminder, occurrence)
    WHERE kind IN ('fired', 'missed') AND reminder IS NOT NULL AND occurrence IS NOT NULL;
PRAGMA user_version = 2;
"""


def old_history(path: Path, events: int = EVENTS) -> None:
    """A schema-2 history (before "partial"), in WAL mode as qlbreak left it."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(_V2)
    rows = []
    for n in range(events):
        at = NOW - timedelta(minutes=n)
        if n % 3 == 0:
            rows.append((at.timestamp(), at.isoformat(), "fired", "cat-cow", "morning", (at.date()).isoformat()))
        else:
            rows.append((at.timestamp(), at.isoformat(), "done", f"stretch-{n % 7}", None, None))
    rows = [r for r in rows if r[2] != "fired"] + list({(r[4], r[5]): r for r in rows if r[2] == "fired"}.values())
    db.executemany("INSERT INTO events (ts, at, kind, stretch, reminder, occurrence) VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def count(path: Path) -> tuple[int, int]:
    """(schema version, events) as SQLite itself sees the file, no qlbreak involved."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA user_version").fetchone()[0], db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        db.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("old") / "history.db"
    old_history(path)
    return path, count(path)[1]


def copy(template: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for extra in ("", "-wal", "-shm"):
        if (source := template.with_name(template.name + extra)).exists():
            shutil.copyfile(source, folder / f"history.db{extra}")
    return folder / "history.db"


def migrate_in_a_child(path: Path, delay: float) -> int:
    """Fork a process that opens (and so migrates) ``path``; SIGKILL it ``delay``
    seconds after its migration begins (it says so on a pipe: no timer's luck about
    how long opening takes on a loaded machine). Its wait status: killed, or exited 0."""
    ready_r, ready_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no pytest, no cleanup, just the open
        code = 1
        try:
            os.close(ready_r)
            migrate = history_file._migrate

            def said(db: sqlite3.Connection) -> None:
                os.write(ready_w, b"go")
                migrate(db)

            history_file._migrate = said
            History.open(path, NOW).close()
            code = 0
        finally:
            os._exit(code)
    os.close(ready_w)
    began = os.read(ready_r, 2)
    os.close(ready_r)
    if began:  # (an up-to-date file has no migration to wait for)
        time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    return os.waitpid(pid, 0)[1]


def migration_time(path: Path) -> float:
    """How long bringing ``path`` up to date takes here, the migration alone."""
    migrate, took = history_file._migrate, []

    def timed(db: sqlite3.Connection) -> None:
        started = time.perf_counter()
        migrate(db)
        took.append(time.perf_counter() - started)

    history_file._migrate = timed
    try:
        History.open(path, NOW).close()
    finally:
        history_file._migrate = migrate
    return took[0]


def test_killed_at_random_moments_during_the_migration_every_history_opens_whole(template, tmp_path):
    source, events = template
    takes = migration_time(copy(source, tmp_path / "timed"))
    rng = random.Random(20)
    killed = unopenable = moved = lost = still_old = 0
    problems: list[str] = []
    for n in range(KILLS):
        path = copy(source, tmp_path / str(n))
        status = migrate_in_a_child(path, rng.uniform(0, takes))
        killed += os.WIFSIGNALED(status)
        still_old += count(path)[0] < SCHEMA_VERSION  # killed before it committed: untouched
        try:
            history = History.open(path, NOW)
        except Exception as err:  # noqa: BLE001 - counted and shown below
            unopenable += 1
            problems.append(str(err))
            continue
        moved += history.notice is not None or bool(list(path.parent.glob("*.corrupt-*")))
        lost += events - len(history.events())
        history.close()
    print(
        f"\n{KILLS} migrations of {events} events ({takes * 1000:.0f} ms each): {killed} killed part-way"
        f" ({still_old} left at the old version), {unopenable} unopenable, {moved} moved aside, {lost} events lost"
    )
    assert (unopenable, moved, lost) == (0, 0, 0), problems[:3]
    assert killed >= KILLS // 2  # the kills did land during the migration


def test_killed_during_the_migration_from_schema_3_the_file_is_the_old_or_the_new_one_whole(tmp_path):
    """Schema 3 to the current one (the check-in's columns, the programmes'): after each
    SIGKILL, SQLite alone (no qlbreak) reads either the schema-3 history or the current one, every row and value
    the same (the seconds a partial stretch was held too); never a mix, never less."""
    from tests import old_schemas

    source = tmp_path / "old" / "history.db"
    source.parent.mkdir()
    before = old_schemas.write(source, 3, EVENTS)
    takes = migration_time(copy(source, tmp_path / "timed"))
    rng = random.Random(22)
    seen: dict[int, int] = {}
    killed = 0
    for n in range(KILLS):
        path = copy(source, tmp_path / str(n))
        killed += os.WIFSIGNALED(migrate_in_a_child(path, rng.uniform(0, takes)))
        raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            version = raw.execute("PRAGMA user_version").fetchone()[0]
            tables = {name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            assert tables == {"events"}, tables  # no half-made copy left beside it
            columns = len(list(raw.execute("PRAGMA table_info(events)")))
            assert (version, columns) in ((3, 9), (SCHEMA_VERSION, 17)), (version, columns)
            assert old_schemas.read(raw, 3) == before
            if version == SCHEMA_VERSION:
                assert raw.execute("SELECT COUNT(*) FROM events WHERE pain IS NOT NULL").fetchone()[0] == 0
        finally:
            raw.close()
        seen[version] = seen.get(version, 0) + 1
        history = History.open(path, NOW)  # and either way, qlbreak opens it up to date
        assert history.notice is None and len(history.events()) == len(before)
        assert sum(e.seconds is not None for e in history.events()) == sum(r[8] is not None for r in before)
        history.close()
    print(
        f"\n{KILLS} migrations 3 -> {SCHEMA_VERSION} of {len(before)} events"
        f" ({takes * 1000:.0f} ms each): {killed} killed, {seen}"
    )
    assert killed >= KILLS // 2  # the kills did land during the migration
    assert seen.get(3, 0) > 0  # some were killed before the commit, and the old file was whole


@pytest.mark.parametrize("dropped", [False, True], ids=["copied, not swapped", "dropped, not renamed"])
def test_a_history_an_older_qlbreak_left_half_migrated_opens_whole(tmp_path, dropped):
    """What 0.x's statement-by-statement migration left when killed: it opens again."""
    path = tmp_path / "history.db"
    old_history(path, events=50)
    _, events = count(path)
    db = sqlite3.connect(path)
    db.executescript(
        _V2.replace("CREATE TABLE events ", "CREATE TABLE events_new ")
        .split(";")[0]
        .replace("kind IN ('fired'", "kind IN ('partial', 'fired'")
        + "; INSERT INTO events_new SELECT * FROM events;"
        + ("DROP TABLE events;" if dropped else "")
    )
    db.close()
    history = History.open(path, NOW)
    assert len(history.events()) == events and history.notice is None
    history.close()
    assert count(path) == (SCHEMA_VERSION, events)


# -- a full disk during the migration -----------------------------------------------


def test_a_disk_that_fills_during_the_migration_keeps_the_history_and_says_so(small_disk, tmp_path):
    old_history(tmp_path / "history.db", events=1500)
    _, events = count(tmp_path / "history.db")
    needs = (tmp_path / "history.db").stat().st_size
    results = []
    for room in (0, 4096, needs // 4, needs // 2, needs, 2 * needs):
        for stale in small_disk.root.iterdir():
            stale.unlink()
        path = copy(tmp_path / "history.db", small_disk.root)
        filler = small_disk.fill()
        with filler.open("r+b") as f:  # give back just ``room`` bytes
            f.truncate(max(0, filler.stat().st_size - room))
        try:
            History.open(path, NOW).close()
            said = None
        except HistoryFull as err:
            said = str(err)
            # "kept as it is" must be true: the old version, every event, as it was
            assert count(path) == (2, events), said
        filler.unlink()
        history = History.open(path, NOW)  # room again: it opens, up to date, whole
        results.append((room, said is not None, len(history.events()), history.notice))
        history.close()
        assert count(path) == (SCHEMA_VERSION, events)
        if said is not None:
            assert said.endswith("the disk is full; the history was kept as it is"), said
            assert "bring the history up to date" in said, said
    print(f"\nfull disk during the migration: {results}")
    assert all(n == events and notice is None for _, _, n, notice in results)
    assert not list(small_disk.root.glob("*.corrupt-*"))
    assert any(full for _, full, _, _ in results)  # the disk really did run out during some
