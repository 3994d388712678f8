"""``qlbreak status``: what a user (or a support person) asks first."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest

from qlbreak.cli import main
from qlbreak.clock import now as clock_now
from qlbreak.core.holds import Signals
from qlbreak.core.reminder import OnShow, Stage
from qlbreak.core.schedule import Occurrence, ScheduleState
from qlbreak.detect import desktop
from qlbreak.storage import statefile
from qlbreak.storage.paths import default_paths
from tests.fakes import FakeDetectors
from tests.unit.test_cli import qlbreak


@pytest.fixture
def seen(private_home, monkeypatch):
    fake = FakeDetectors()
    monkeypatch.setattr(desktop, "for_this_desktop", lambda: fake)
    return fake


def test_not_running_with_the_next_reminder_and_what_it_can_tell(seen):
    status, out, _ = qlbreak("status")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "qlbreak is not running (start it with: qlbreak)"
    assert lines[1].startswith("Next: ")
    assert "Nothing holds reminders right now" in lines
    assert any(line.split() == ["time", "since", "the", "last", "input", "read", "from", "a", "fake"] for line in lines)


def test_a_held_reminder_and_why_in_words_and_json(seen, private_home):
    now = clock_now("local")
    occ = Occurrence(now - timedelta(minutes=2), "morning", now.date())
    held = OnShow(occ, "seated-twist", "Seated twist", Stage.HELD, now + timedelta(minutes=28))
    statefile.save(default_paths(None).state_file, ScheduleState(), held)
    (private_home / ".config" / "qlbreak").mkdir(parents=True)
    (private_home / ".config" / "qlbreak" / "config.toml").write_text("[holds]\naway = false\n")
    seen.signals = Signals(microphone=True, idle_seconds=9999)
    _, out, _ = qlbreak("status")
    assert "The morning reminder is held (until" in out and "Seated twist" in out
    assert "A reminder due now would wait: waiting until your call ends" in out
    assert "switched off ([holds] away = false)" in out
    buffer = io.StringIO()
    assert main(["status", "--json"], buffer, io.StringIO()) == 0
    data = json.loads(buffer.getvalue())
    assert data["running"] is False and data["reminder"]["stage"] == "held"
    assert data["holding"] == ["in-a-call"] and data["switched_off"] == ["away"]


def test_paused_until_tomorrow_says_so_and_next_is_the_first_after_the_pause(seen, private_home, monkeypatch):
    """Not "Paused until 00:00 tomorrow" beside "Next: lunch at 10:15" (issue 19)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from qlbreak.cli.context import Context

    now = datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("UTC"))
    monkeypatch.setattr(Context, "now", lambda self, zone_name=None: now)
    (private_home / ".config" / "qlbreak").mkdir(parents=True)
    (private_home / ".config" / "qlbreak" / "config.toml").write_text(
        '[schedule]\ntimezone = "UTC"\n[[reminder]]\nname = "lunch"\ntime = "10:15"\n'
        'days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n'
    )
    midnight = datetime(2026, 12, 2, 0, 0, tzinfo=ZoneInfo("UTC"))
    statefile.save(default_paths(None).state_file, ScheduleState(paused_until=midnight), None)
    _, out, _ = qlbreak("status")
    lines = out.splitlines()
    assert "Paused until tomorrow" in lines
    assert "Next: lunch at 10:15 tomorrow (after the pause)" in lines
    buffer = io.StringIO()
    assert main(["status", "--json"], buffer, io.StringIO()) == 0
    assert json.loads(buffer.getvalue())["next"] == {"reminder": "lunch", "at": "2026-12-02T10:15:00+00:00"}
