"""The wall-clock alarm on a real Linux kernel: a timerfd and inotify, no fakes."""

from __future__ import annotations

import queue
import sys
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from qlbreak.core.commands import Quit, Wake
from qlbreak.core.schedule import Plan
from tests.need import missing

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="timerfd and inotify are Linux's")


@pytest.fixture
def woken():
    return queue.Queue()


@pytest.fixture
def alarm_in(woken, tmp_path):
    from qlbreak.tray.alarm_linux import WallAlarm

    made = []

    def make(*watched, zone=False):
        alarm = WallAlarm(woken.put, [tmp_path / name for name in watched], watch_zone=zone)
        made.append(alarm)
        return alarm

    yield make
    for alarm in made:
        alarm.close()


def set_the_clock_to_itself():
    """A clock change of a few microseconds, as the kernel sees any ``clock_settime``."""
    try:
        time.clock_settime(time.CLOCK_REALTIME, time.clock_gettime(time.CLOCK_REALTIME))
    except PermissionError:
        missing("setting the clock needs CAP_SYS_TIME (CI runs as root)")


def test_it_rings_at_the_wall_clock_instant_and_not_before(alarm_in, woken):
    alarm = alarm_in()
    start = time.time()
    alarm.at(datetime.now(UTC) + timedelta(seconds=0.3))
    assert woken.get(timeout=2) == Wake()
    assert 0.29 <= time.time() - start < 1.0
    assert woken.empty()


def test_arming_again_replaces_the_instant(alarm_in, woken):
    alarm = alarm_in()
    alarm.at(datetime.now(UTC) + timedelta(seconds=0.2))
    alarm.at(datetime.now(UTC) + timedelta(hours=1))
    with pytest.raises(queue.Empty):
        woken.get(timeout=0.5)


def test_an_instant_already_past_rings_at_once(alarm_in, woken):
    """As after a suspend: the instant passed while the machine slept."""
    alarm_in().at(datetime.now(UTC) - timedelta(minutes=5))
    assert woken.get(timeout=0.5) == Wake()


def test_a_clock_change_ends_the_wait_at_once(alarm_in, woken):
    alarm_in().at(datetime.now(UTC) + timedelta(hours=1))
    start = time.monotonic()
    set_the_clock_to_itself()
    assert woken.get(timeout=1) == Wake()
    assert time.monotonic() - start < 0.5
    with pytest.raises(queue.Empty):  # once: the timer stays armed for its hour
        woken.get(timeout=0.3)


def test_the_settings_file_changing_rings_it_and_other_files_do_not(alarm_in, woken, tmp_path):
    alarm_in("config.toml").at(datetime.now(UTC) + timedelta(hours=1))
    (tmp_path / "notes.txt").write_text("not ours")
    with pytest.raises(queue.Empty):
        woken.get(timeout=0.3)
    (tmp_path / "config.toml").write_text("[schedule]\n")  # written in place
    assert woken.get(timeout=1) == Wake()
    (tmp_path / "new.toml").write_text("[schedule]\n")
    (tmp_path / "new.toml").replace(tmp_path / "config.toml")  # an editor's atomic save
    assert woken.get(timeout=1) == Wake()


def test_waiting_costs_no_wakeups(alarm_in):
    alarm = alarm_in("config.toml", zone=True)
    alarm.at(datetime.now(UTC) + timedelta(hours=1))
    time.sleep(0.1)
    native = alarm._thread.native_id
    before = switches(native)
    time.sleep(1.5)
    assert switches(native) == before


def test_close_ends_its_thread(alarm_in):
    alarm = alarm_in()
    alarm.close()
    assert not alarm._thread.is_alive()
    assert "qlbreak-alarm" not in [t.name for t in threading.enumerate()]


def switches(tid: int) -> int:
    with open(f"/proc/self/task/{tid}/status") as status:
        return sum(int(line.split()[1]) for line in status if "ctxt_switches" in line)


def test_a_clock_change_wakes_the_service_loop_at_once(tmp_path, monkeypatch):
    """The loop on the real alarm, with its next decision an hour away."""
    from qlbreak.storage.config import Config
    from qlbreak.storage.history import History
    from qlbreak.storage.outbox import Outbox
    from qlbreak.stretches import catalogue
    from qlbreak.tray.alarm_linux import WallAlarm
    from qlbreak.tray.ports import Ports
    from qlbreak.tray.service import Service
    from tests.fakes import FakeLogin, FakeNotifier, FakeTray, FakeWindows

    class WallClock:  # the real one, in UTC
        def now(self):
            return datetime.now(UTC)

        def monotonic(self):
            return time.monotonic()

        def use_zone(self, name):
            pass

    commands: queue.Queue = queue.Queue()
    alarm = WallAlarm(commands.put, watch_zone=False)
    history = Outbox(lambda: History.open(tmp_path / "history.db", datetime.now(UTC), timeout=0.2))
    ports = Ports(FakeTray(), FakeNotifier(), FakeWindows(commands.put), FakeLogin(), WallClock(), alarm=alarm)
    config = replace(Config(), plan=Plan(reminders=()))  # nothing due: the next decision is midnight
    service = Service(config, catalogue.load(), history, tmp_path / "state.json", ports, commands)
    steps: list[float] = []
    real_step = service.step

    def counted(first=None):
        steps.append(time.monotonic())
        return real_step(first)

    monkeypatch.setattr(service, "step", counted)
    loop = threading.Thread(target=service.run, daemon=True)
    loop.start()
    try:
        deadline = time.monotonic() + 2
        while not steps and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.3)
        assert len(steps) == 1  # asleep: nothing is due for an hour
        changed = time.monotonic()
        set_the_clock_to_itself()
        while len(steps) < 2 and time.monotonic() < changed + 1:
            time.sleep(0.005)
        assert len(steps) == 2 and steps[1] - changed < 0.2
    finally:
        service.put(Quit())
        loop.join(2)
        alarm.close()
        history.close()
