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
from qlbreak.edges import choose
from qlbreak.storage import statefile
from qlbreak.storage.paths import default_paths
from tests.fakes import FakeDetectors
from tests.unit.test_cli import qlbreak


class Detectors(FakeDetectors):
    """The fake desktop, with one fact it cannot tell and the library's words for why."""

    def available(self) -> dict[str, str]:
        return {
            "idle_seconds": "read from a fake",
            "microphone": "cannot ask the sound server (it refused the connection)",
        }

    def said(self) -> dict[str, str]:
        return self.available()  # in English, the same words

    def details(self) -> dict[str, list[str]]:
        return {
            "microphone": ["the sound server: no sound server answers pactl (Connection failure: Connection refused)"]
        }


@pytest.fixture
def seen(private_home, monkeypatch):
    fake = Detectors()
    monkeypatch.setattr(choose, "detectors", lambda: fake)
    return fake


def test_not_running_with_the_next_reminder_and_what_it_can_tell(seen):
    status, out, _ = qlbreak("status")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "qlbreak is not running (start it with: qlbreak)"
    assert lines[1].startswith("Next: ")
    assert "Nothing holds reminders right now" in lines
    assert "  away from the desk: read from a fake" in lines
    assert "  a call: cannot ask the sound server (it refused the connection)" in lines
    assert "  full screen: qlbreak cannot tell on this system" in lines


def test_the_lines_are_in_words_and_the_technical_detail_only_in_json_apart(seen):
    _, out, _ = qlbreak("status")
    assert not any(word in out for word in ("Connection failure", "org.freedesktop", "DBus", "pactl", "X11", "["))
    buffer = io.StringIO()
    assert main(["status", "--json"], buffer, io.StringIO()) == 0
    data = json.loads(buffer.getvalue())
    assert data["detectors"]["microphone"] == "cannot ask the sound server (it refused the connection)"
    assert "Connection refused" in data["detector_details"]["microphone"][0]


def test_a_settings_file_with_mistakes_is_one_line_here_and_listed_by_config_check(seen, private_home):
    (private_home / ".config" / "qlbreak").mkdir(parents=True)
    path = private_home / ".config" / "qlbreak" / "config.toml"
    path.write_text('[[reminder]]\nname = "x"\ntime = "25:99"\n[dialog]\nsond = false\n')
    status, out, err = qlbreak("status")
    assert status == 0 and out.startswith("qlbreak is not running")
    assert err == "qlbreak: your settings file has 2 mistakes; see qlbreak config --check\n"
    status, out, _ = qlbreak("config", "--check")
    assert status == 1 and "25:99" in out and "did you mean 'sound'" in out


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
