"""Thirty simulated days of the tray's service loop, as the real loop runs it (a step at
each wake, never more than 30 s apart), with a user who sometimes stretches, snoozes,
skips or ignores the reminder: memory does not grow (tracemalloc and RSS sampled
daily, under 2 MB from the second day to the last), and every reminder is settled."""

from __future__ import annotations

import gc
import random
import tracemalloc
from datetime import datetime, timedelta

import pytest

from qlbreak.core.commands import SkipToday, Snooze, StretchNow
from qlbreak.core.schedule import upcoming
from qlbreak.storage.history import Event
from tests.unit.test_service import BERLIN, Rig

pytestmark = pytest.mark.slow
DAYS = 30
LIMIT = 2 * 1024 * 1024


def rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096


def test_a_month_of_the_service_loop_keeps_its_memory_and_settles_every_reminder(tmp_path):
    rig = Rig(tmp_path, now=datetime(2026, 11, 2, 6, 0, tzinfo=BERLIN))  # a Monday morning
    user = random.Random(42)
    start = rig.clock.now()
    end = start + timedelta(days=DAYS)
    samples: list[tuple[int, int, int]] = []  # (day, traced bytes, rss - tracemalloc's own)
    prompts, day = 0, 0
    while rig.clock.now() < end:
        wake = rig.service.step()
        if len(rig.windows.prompts) > prompts:  # a reminder on show: what does the user do?
            prompts = len(rig.windows.prompts)
            choice = user.choice(["stretch", "snooze", "skip", "ignore"])
            if choice == "stretch":
                rig.service.put(StretchNow())
                rig.service.step()
                rig.history.record(Event(rig.clock.now(), "done", rig.windows.stretches[-1]))
                rig.windows.finish("stretch", "done")
            elif choice in ("snooze", "skip"):
                rig.service.put(Snooze() if choice == "snooze" else SkipToday())
        rig.clock.advance(max(1.0, min(30.0, (wake - rig.clock.now()).total_seconds())))
        today = (rig.clock.now() - start).days
        if today != day:
            day = today
            if day == 2:
                gc.collect()
                tracemalloc.start()
            if day >= 2:
                gc.collect()
                traced = tracemalloc.get_traced_memory()[0]
                samples.append((day, traced, rss() - tracemalloc.get_tracemalloc_memory()))
    tracemalloc.stop()
    events = rig.history.events()
    kinds = [e.kind for e in events]
    rig.history.close()
    (_, traced_first, rss_first), (_, traced_last, rss_last) = samples[0], samples[-1]
    traced = f"traced {traced_first / 1e6:.2f} -> {traced_last / 1e6:.2f} MB"
    resident = f"RSS {rss_first / 1e6:.1f} -> {rss_last / 1e6:.1f} MB"
    print(f"\n{DAYS} days, {prompts} shown, {kinds.count('done')} stretches; {traced}, {resident}")
    assert traced_last - traced_first < LIMIT and rss_last - rss_first < LIMIT
    due = upcoming(rig.config.plan.reminders, start, DAYS)
    settled = {(e.reminder, e.occurrence) for e in events if e.kind in ("fired", "missed")}
    assert {(o.reminder, o.day) for o in due if o.at < end - rig.config.plan.grace} <= settled  # none forgotten
