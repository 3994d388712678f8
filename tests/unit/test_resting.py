"""A stretch rated "it hurt" rests for two weeks, and ``qlbreak list`` says so; the
history is read without being changed, and one that cannot be read rests nothing."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta

from qlbreak.cli import main
from qlbreak.clock import now as clock_now
from qlbreak.core.picker import HURT_REST, Done
from qlbreak.core.session import Feeling
from qlbreak.storage import resting
from qlbreak.storage.history import Event, History
from qlbreak.storage.paths import default_paths

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def qlbreak(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(list(argv), out, err) == 0, err.getvalue()
    return out.getvalue()


def record(*events: Event) -> None:
    path = default_paths().history_db
    path.parent.mkdir(parents=True, exist_ok=True)
    history = History.open(path, events[0].at)
    for event in events:
        history.record(event)
    history.close()


def test_a_rest_ends_two_weeks_after_the_latest_hurt():
    done = [
        Done("side-bend", NOW - timedelta(days=3), Feeling.HURT),
        Done("side-bend", NOW - timedelta(days=1), Feeling.HURT),
        Done("cat-cow", NOW - HURT_REST, Feeling.HURT),  # rested its two weeks
        Done("knee-to-chest", NOW, Feeling.BETTER),
    ]
    assert resting.rest_ends(done, NOW) == {"side-bend": NOW - timedelta(days=1) + HURT_REST}
    assert resting.words(datetime(2026, 12, 15, 10, 0, tzinfo=UTC)) == "Tue 15 Dec"


def test_the_history_is_read_as_it_is_and_a_missing_or_broken_one_rests_nothing(tmp_path):
    record(Event(NOW - timedelta(days=1), "done", "seated-side-bend", Feeling.HURT))
    path = default_paths().history_db
    before = path.read_bytes()
    assert resting.read(path, NOW) == {"seated-side-bend": NOW - timedelta(days=1) + HURT_REST}
    assert path.read_bytes() == before
    assert resting.read(tmp_path / "none.db", NOW) == {}
    assert not (tmp_path / "none.db").exists()  # not created
    (tmp_path / "junk.db").write_text("not a database")
    assert resting.read(tmp_path / "junk.db", NOW) == {}
    assert (tmp_path / "junk.db").read_text() == "not a database"  # not moved aside, not mended


def test_list_says_a_stretch_rests_after_it_hurt():
    now = clock_now()
    record(Event(now - timedelta(days=1), "done", "seated-side-bend", Feeling.HURT, seconds=None))
    until = now - timedelta(days=1) + HURT_REST
    said = f"resting until {until:%a} {until.day} {until:%b}: you said it hurt"
    out = qlbreak("list")
    inside, outside = out.split("Not in your rotation")
    assert "seated-side-bend" not in inside
    line = next(li for li in outside.splitlines() if "seated-side-bend" in li)
    assert line.endswith(f"({said})"), line
    shown = {s["id"]: s for s in json.loads(qlbreak("list", "--json"))}
    assert shown["seated-side-bend"]["in_rotation"] is False
    assert shown["seated-side-bend"]["left_out"] == said
    assert "seated-side-bend" not in {s["id"] for s in json.loads(qlbreak("list", "--rotation", "--json"))}


def test_list_without_a_history_creates_none():
    assert "seated-side-bend" in qlbreak("list").split("Not in your rotation")[0]
    assert not default_paths().history_db.exists()
