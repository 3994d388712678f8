"""The Windows alarm's logic on a fake kernel32: what it is told, what wakes the loop.
(The ctypes calls themselves are type-checked with mypy --platform win32; no Windows
machine here runs them.)"""

from __future__ import annotations

import queue
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from qlbreak.core.commands import Wake
from qlbreak.edges.alarm.alarm_win32 import WaitableAlarm, filetime
from qlbreak.edges.icon.icon_win32 import WM_TIMECHANGE, session_handlers


class FakeKernel:
    """Handles are numbers; ``fire(handle)`` signals one, as Windows would."""

    def __init__(self, watchable: bool = True) -> None:
        self.due: dict[int, int] = {}
        self.watched: list[Path] = []
        self.rearmed: list[int] = []
        self.closed: list[int] = []
        self._signalled: queue.Queue[int] = queue.Queue()
        self._next = 100
        self.watchable = watchable
        self.waiting = threading.Event()

    def _handle(self) -> int:
        self._next += 1
        return self._next

    def timer(self) -> int:
        return self._handle()

    def set_timer(self, timer: int, filetime: int) -> bool:
        self.due[timer] = filetime
        return True

    def event(self) -> int:
        return self._handle()

    def signal(self, event: int) -> None:
        self._signalled.put(event)

    fire = signal

    def watch(self, folder: Path) -> int | None:
        if not self.watchable:
            return None
        self.watched.append(folder)
        return self._handle()

    def rearm(self, watch: int) -> None:
        self.rearmed.append(watch)

    def unwatch(self, watch: int) -> None:
        self.closed.append(watch)

    def wait(self, handles: Sequence[int]) -> int | None:
        self.waiting.set()
        return list(handles).index(self._signalled.get())

    def close(self, handle: int) -> None:
        self.closed.append(handle)


def test_the_due_time_is_an_absolute_filetime():
    assert filetime(datetime(1601, 1, 1, tzinfo=UTC)) == 0
    assert filetime(datetime(1970, 1, 1, tzinfo=UTC)) == 116_444_736_000_000_000
    assert filetime(datetime(2026, 12, 2, 9, 30, tzinfo=UTC)) > 0  # positive: absolute, not relative


def test_it_rings_when_the_timer_is_signalled_and_again_when_the_settings_folder_changes(tmp_path):
    kernel, woken = FakeKernel(), queue.Queue()
    alarm = WaitableAlarm(woken.put, [tmp_path / "config.toml"], kernel)
    at = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)
    alarm.at(at)
    assert kernel.due[alarm._timer] == filetime(at)
    assert kernel.watched == [tmp_path]
    kernel.fire(alarm._timer)
    assert woken.get(timeout=2) == Wake()
    watch = alarm._watches[0]
    kernel.fire(watch)
    assert woken.get(timeout=2) == Wake()
    assert kernel.rearmed == [watch]  # the folder is watched again
    alarm.close()
    assert not alarm._thread.is_alive()
    assert set(kernel.closed) == {alarm._timer, alarm._stop, watch}
    assert woken.empty()  # closing rings nothing


def test_a_folder_it_cannot_watch_leaves_the_timer(tmp_path):
    kernel, woken = FakeKernel(watchable=False), queue.Queue()
    alarm = WaitableAlarm(woken.put, [tmp_path / "missing" / "config.toml"], kernel)
    assert alarm._watches == []
    kernel.fire(alarm._timer)
    assert woken.get(timeout=2) == Wake()
    alarm.close()


def test_a_failed_wait_hands_the_loop_back_to_its_heartbeat(tmp_path):
    class Failing(FakeKernel):
        def wait(self, handles: Sequence[int]) -> int | None:
            return None

    alarm = WaitableAlarm(lambda command: None, [], Failing())
    alarm._thread.join(2)
    assert alarm.exact is False


def test_a_clock_or_zone_change_looks_at_the_clock_at_once():
    looked: list[str] = []
    handlers = session_handlers(lambda: None, lambda: looked.append("now"))
    assert handlers[WM_TIMECHANGE](0, 0) == 0
    assert looked == ["now"]
