"""A reminder is never dropped and a finished stretch never lost, whatever the history
does: locked at reminder time, unusable from the start, busy when a window ends."""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import datetime

from qlbreak.core.commands import ChildEnded
from qlbreak.core.kinds import Window
from qlbreak.core.session import Feeling
from qlbreak.storage.history import Event, History
from qlbreak.storage.outbox import RETRY_BUSY, Outbox
from qlbreak.stretches.catalogue import load
from qlbreak.stretches.choosing import choose
from qlbreak.ui.walkthrough import Walkthrough
from tests.fakes import prompts
from tests.unit.test_service import BERLIN, Rig


def lock_out(path) -> sqlite3.Connection:
    """Another program takes the history and keeps it (exclusive locking mode)."""
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("COMMIT")
    return other


def test_a_reminder_due_while_the_history_is_locked_is_shown_and_recorded_later(tmp_path):
    rig = Rig(tmp_path)
    rig.service.step()
    rig.history.close()  # the tray lets go for a moment, and another program takes it
    other = lock_out(tmp_path / "history.db")
    rig.history = rig.service.history = Outbox(
        lambda: History.open(tmp_path / "history.db", rig.clock.now(), timeout=0.1), monotonic=rig.clock.monotonic
    )
    rig.at(6 * 60)
    assert len(prompts(rig.windows)) == 1 and len(rig.notifier.sent) == 1  # shown, not dropped
    assert [e.kind for e in rig.history.pending] == ["fired"]
    assert not any("cannot save your history" in t for t, _ in rig.notifier.sent)  # busy: only logged
    other.close()
    rig.at(60)
    kinds = [e.kind for e in History.open(tmp_path / "history.db", rig.clock.now()).events()]
    assert kinds == ["fired"] and rig.history.pending == []
    assert not any("saved again" in m for _, m in rig.notifier.sent)  # a busy moment was never news
    rig.restart()
    rig.at(60)
    assert len(prompts(rig.windows)) == 1  # a restart shows the reminder still due once more
    events = History.open(tmp_path / "history.db", rig.clock.now()).events()
    assert [e.kind for e in events] == ["fired"]  # and never fires it twice


def test_no_usable_history_at_all_keeps_the_reminders_and_says_so_once(tmp_path):
    rig = Rig(tmp_path)
    rig.history.close()
    (tmp_path / "broken").write_text("a file where the history's folder should be")
    rig.history = rig.service.history = Outbox(
        lambda: History.open(tmp_path / "broken" / "h.db", rig.clock.now()), monotonic=rig.clock.monotonic
    )
    rig.at(6 * 60)
    told = [t for t, _ in rig.notifier.sent if "cannot save your history" in t]
    assert len(told) == 1 and len(prompts(rig.windows)) == 1
    rig.at(30 * 60)
    assert len([t for t, _ in rig.notifier.sent if "cannot save your history" in t]) == 1
    saved = json.loads((tmp_path / "state.json").read_text())
    assert [e["kind"] for e in saved["pending"]] == ["fired", "missed"]  # kept for when it works
    (tmp_path / "broken").unlink()  # the user fixes the folder
    rig.at(2 * 60)
    assert rig.history.pending == [] and rig.notifier.sent[-1][1] == "Your history is saved again."
    stored = History.open(tmp_path / "broken" / "h.db", rig.clock.now()).events()
    assert [e.kind for e in stored] == ["fired", "missed"]


def test_records_a_stretch_window_could_not_write_are_kept_by_the_tray(tmp_path):
    rig = Rig(tmp_path)
    rig.service.step()
    done = Event(rig.clock.now(), "done", "cat-cow", Feeling.BETTER)
    rig.service.put(ChildEnded(Window.STRETCH, "done", (json.dumps(done.as_json()), "{not json")))
    rig.service.step()
    assert [(e.kind, e.stretch, e.feeling) for e in rig.history.events()] == [("done", "cat-cow", Feeling.BETTER)]
    assert "Today: 1/2 stretches" in " ".join(rig.tray.labels())


def test_a_finished_stretch_is_not_lost_when_the_history_is_busy(tmp_path):
    now = datetime(2026, 11, 30, 9, 30, tzinfo=BERLIN)
    History.open(tmp_path / "history.db", now).close()
    other = lock_out(tmp_path / "history.db")
    catalogue = load()
    walk = Walkthrough(
        catalogue.get("seated-twist"),
        open_history=lambda: History.open(tmp_path / "history.db", now, timeout=0.1),
        another_for=lambda h, skip: choose(catalogue, Rig(tmp_path / "x").config.prefs, h, now, skip),
        workdays=frozenset(range(5)),
        wall=lambda: now,
    )
    walk.next(0)  # to the position
    walk.next(0)  # to the hold
    walk.tick(10_000)  # both sides held: how did that feel?
    walk.feel(Feeling.SAME, 10_000)  # no exception, no traceback
    assert walk.outcome == "done" and walk.streak == 1  # the pending record counts
    assert [e.kind for e in walk.unsaved] == ["done"]
    other.close()
    time.sleep(RETRY_BUSY)  # the history is free again: the next try takes it
    assert walk.unsaved == []
    walk.close_history()
    assert [e.kind for e in History.open(tmp_path / "history.db", now).events()] == ["done"]
