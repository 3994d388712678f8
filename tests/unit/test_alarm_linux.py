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
    from qlbreak.edges.alarm.alarm_linux import WallAlarm

    made = []

    def make(*watched, zone=False, **options):
        alarm = WallAlarm(woken.put, [tmp_path / name for name in watched], watch_zone=zone, **options)
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


def rung(woken, within: float = 2.0) -> bool:
    """Whether a Wake came within ``within`` seconds; then the ones queued behind it are
    taken too (one change can post more than one: a swap is a move out and a move in)."""
    try:
        assert woken.get(timeout=within) == Wake()
    except queue.Empty:
        return False
    while True:
        try:
            woken.get(timeout=0.15)
        except queue.Empty:
            return True


def test_a_settings_folder_swapped_whole_rings_it_and_its_new_file_is_watched(alarm_in, woken, tmp_path):
    """As dotfile managers and sync tools do: the old folder moved aside, a new one
    moved in. Each step rings it; then the new folder is the one watched."""
    (tmp_path / "qlbreak").mkdir()
    (tmp_path / "qlbreak" / "config.toml").write_text("[schedule]\n")
    alarm_in("qlbreak/config.toml").at(datetime.now(UTC) + timedelta(hours=1))  # looks every 60 s
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "config.toml").write_text('[[reminder]]\nname = "added"\ntime = "10:00"\n')
    assert not rung(woken, 0.3)  # not its folder yet
    (tmp_path / "qlbreak").rename(tmp_path / "old")
    assert rung(woken)
    (tmp_path / "new").rename(tmp_path / "qlbreak")
    assert rung(woken)
    (tmp_path / "qlbreak" / "config.toml").write_text("[schedule]\n")  # edited in the new folder
    assert rung(woken)
    (tmp_path / "old" / "config.toml").write_text("[schedule]\n")  # the old one is not ours now
    assert not rung(woken, 0.3)


def test_a_settings_folder_removed_and_made_again_rings_it(alarm_in, woken, tmp_path):
    (tmp_path / "qlbreak").mkdir()
    (tmp_path / "qlbreak" / "config.toml").write_text("[schedule]\n")
    alarm_in("qlbreak/config.toml")
    (tmp_path / "qlbreak" / "config.toml").unlink()
    (tmp_path / "qlbreak").rmdir()
    assert rung(woken)
    (tmp_path / "qlbreak").mkdir()
    assert rung(woken)  # its folder is back: watched again
    (tmp_path / "qlbreak" / "config.toml").write_text("[schedule]\n")
    assert rung(woken)


def test_a_settings_folder_that_is_a_symlink_replaced_rings_it_and_the_new_target_is_watched(alarm_in, woken, tmp_path):
    for version in ("v1", "v2"):
        (tmp_path / version).mkdir()
        (tmp_path / version / "config.toml").write_text("[schedule]\n")
    (tmp_path / "qlbreak").symlink_to(tmp_path / "v1")
    alarm_in("qlbreak/config.toml")
    (tmp_path / "link").symlink_to(tmp_path / "v2")
    (tmp_path / "link").replace(tmp_path / "qlbreak")  # as home-manager switches a generation
    assert rung(woken)
    (tmp_path / "v2" / "config.toml").write_text("[stretches]\n")
    assert rung(woken)
    (tmp_path / "v1" / "config.toml").write_text("[stretches]\n")
    assert not rung(woken, 0.3)


def test_a_settings_file_that_is_a_symlink_rings_it_when_the_file_it_points_to_changes(alarm_in, woken, tmp_path):
    (tmp_path / "dotfiles").mkdir()
    (tmp_path / "dotfiles" / "qlbreak.toml").write_text("[schedule]\n")
    (tmp_path / "config.toml").symlink_to(tmp_path / "dotfiles" / "qlbreak.toml")
    alarm_in("config.toml")
    (tmp_path / "dotfiles" / "qlbreak.toml").write_text("[stretches]\n")  # edited where it lives
    assert rung(woken)


class UsedUpInotify:
    """The C library as when every inotify instance is taken (max_user_instances)."""

    def __init__(self) -> None:
        import ctypes

        self._real = ctypes.CDLL(None, use_errno=True)

    def __getattr__(self, name: str):
        return getattr(self._real, name)

    def inotify_init1(self, flags: int) -> int:
        return -1


def test_without_inotify_a_look_at_the_file_rings_it_when_it_changed(alarm_in, woken, tmp_path):
    (tmp_path / "config.toml").write_text("[schedule]\n")
    alarm = alarm_in("config.toml", look_every=0.2, libc=UsedUpInotify())
    assert alarm._inotify == -1
    alarm.at(datetime.now(UTC) + timedelta(hours=1))
    assert not rung(woken, 0.35)  # looked, nothing changed
    new = tmp_path / "config.new"
    new.write_text('[[reminder]]\nname = "added"\ntime = "10:00"\n')
    new.replace(tmp_path / "config.toml")
    assert rung(woken)
    (tmp_path / "config.toml").unlink()
    assert rung(woken)


def test_a_look_rings_it_for_a_file_whose_folder_could_not_be_watched(alarm_in, woken, tmp_path):
    """No folder to watch at the start (nor the one above): the look finds the file
    once it is there, and from then on inotify watches it."""
    alarm = alarm_in("home/.config/qlbreak/config.toml", look_every=0.3)
    assert alarm._unwatched
    (tmp_path / "home" / ".config" / "qlbreak").mkdir(parents=True)
    (tmp_path / "home" / ".config" / "qlbreak" / "config.toml").write_text("[schedule]\n")
    assert rung(woken)
    assert not alarm._unwatched
    (tmp_path / "home" / ".config" / "qlbreak" / "config.toml").write_text("[stretches]\n")
    assert rung(woken)


def test_the_system_zone_swapped_as_a_plain_file_rings_it_and_the_clock_then_reads_the_new_zone(
    alarm_in, woken, tmp_path, monkeypatch
):
    from qlbreak.clock import SystemClock
    from tests.unit.test_clock import zone_file

    monkeypatch.delenv("TZ", raising=False)
    localtime = tmp_path / "localtime"
    localtime.write_bytes(zone_file("Asia/Tokyo").read_bytes())
    wall = SystemClock(localtime=localtime)
    alarm_in(zone=True, zone_file=localtime).at(datetime.now(UTC) + timedelta(hours=1))
    assert wall.now().utcoffset() == timedelta(hours=9)
    (tmp_path / "new").write_bytes(zone_file("America/Los_Angeles").read_bytes())
    (tmp_path / "new").replace(localtime)
    assert rung(woken)
    assert wall.now().utcoffset() in (timedelta(hours=-8), timedelta(hours=-7))


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
    from qlbreak.edges.alarm.alarm_linux import WallAlarm
    from qlbreak.edges.ports import Ports
    from qlbreak.storage.config import Config
    from qlbreak.storage.history import History
    from qlbreak.storage.outbox import Outbox
    from qlbreak.stretches import catalogue
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
