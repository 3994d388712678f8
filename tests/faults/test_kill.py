"""SIGKILL at random moments while the history and the state file are being written:
nothing acknowledged is lost, nothing is written twice, nothing is left half-written.

120 rounds each (``QLBREAK_KILL_ROUNDS`` changes that; 200 took 90 s of CI's 20 minutes); marked slow."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from qlbreak.storage import statefile
from qlbreak.storage.history import History

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]
ROUNDS = int(os.environ.get("QLBREAK_KILL_ROUNDS", "120"))
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

HISTORY_WRITER = r"""
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from qlbreak.storage.history import Event, History
base, first = datetime(2026, 11, 30, 9, 0, tzinfo=UTC), int(sys.argv[2])
history = History.open(Path(sys.argv[1]), base)
print("ready", flush=True)
for n in range(first, first + 100000):
    if n % 3 == 0:  # a reminder occurrence, claimed twice: it must be there once
        day = (base + timedelta(days=n)).date()
        event = Event(base, "fired", f"n{n}", reminder="r", occurrence=day)
        history.claim(event)
        history.claim(event)
    else:
        history.record(Event(base + timedelta(seconds=n), "done", f"n{n}"))
    print(n, flush=True)
"""

STATE_WRITER = r"""
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from qlbreak.core.schedule import ScheduleState
from qlbreak.storage import statefile
from qlbreak.storage.history import Event
base, first = datetime(2026, 11, 30, 9, 0, tzinfo=UTC), int(sys.argv[2])
print("ready", flush=True)
for n in range(first, first + 100000):
    moment = base + timedelta(seconds=n)
    statefile.save(Path(sys.argv[1]), ScheduleState(seen_until=moment), None, [Event(moment, "done", f"n{n}")])
    print(n, flush=True)
"""


def killed_rounds(script: str, path: Path, check: Callable[[list[int]], int]) -> int:
    """Run ``script`` ROUNDS times, each killed at a random moment of its writing;
    ``check(acknowledged)`` after each round says where the next writer starts (a write
    can land and be killed before it is acknowledged). Returns how many were acknowledged."""
    rng = random.Random(20261201)
    acknowledged: list[int] = []
    first = 0
    for _ in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", script, str(path), str(first)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        if child.stdout.readline().strip() != "ready":
            raise AssertionError(f"the writer did not start: {child.communicate(timeout=10)[1]}")
        time.sleep(rng.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=10)
        acknowledged += [int(line) for line in out.split() if line.isdigit()]
        first = check(acknowledged)
    return len(acknowledged)


def test_a_killed_history_writer_loses_nothing_it_acknowledged(tmp_path):
    path = tmp_path / "history.db"

    def check(acknowledged: list[int]) -> int:
        history = History.open(path, NOW)
        assert history.notice is None, history.notice  # never "damaged"
        names = [e.stretch or "" for e in history.events()]
        history.close()
        assert len(names) == len(set(names)), "a record written twice"
        missing = {f"n{n}" for n in acknowledged} - set(names)
        assert not missing, f"acknowledged but lost: {sorted(missing)[:5]}"
        return max((int(name[1:]) for name in names), default=-1) + 1

    total = killed_rounds(HISTORY_WRITER, path, check)
    assert total > ROUNDS  # the writers did get work done between the kills
    print(f"\n{ROUNDS} kills during history writes, {total} acknowledged records, none lost or doubled")


def test_a_killed_state_writer_leaves_a_whole_file(tmp_path):
    path = tmp_path / "state.json"

    def check(acknowledged: list[int]) -> int:
        if not path.exists():
            assert not acknowledged
            return 0
        saved = statefile.load(path, NOW)  # also clears what a killed write left behind
        assert saved.notice is None, saved.notice
        assert not list(tmp_path.glob(".state.json.*.tmp"))
        seen = saved.state.seen_until
        assert seen is not None
        last = int((seen - NOW).total_seconds())
        assert not acknowledged or last >= acknowledged[-1]  # the newest acknowledged save, or one after
        assert json.loads(path.read_text())["pending"][0]["stretch"] == f"n{last}"  # whole: both parts agree
        return last + 1

    total = killed_rounds(STATE_WRITER, path, check)
    assert total > ROUNDS  # saves were made between the kills (a writer that failed at once acknowledged none)
    print(f"\n{ROUNDS} kills during state writes, {total} acknowledged saves, every file whole")
