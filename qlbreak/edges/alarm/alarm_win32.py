"""The loop's alarm on Windows (built and tested with a fake kernel here; not run on
Windows itself): it sleeps until the next decision, not a heartbeat.

A waitable timer set to an absolute time (a positive FILETIME) is signalled at that
wall-clock instant: Windows moves its due time when the clock is set, and signals it
on resume when the instant passed during sleep. A change notification on the
settings folder says when ``config.toml`` may have changed. A clock or zone change
reaches the icon's window as ``WM_TIMECHANGE`` (``icon_win32``). Each posts ``Wake``;
one thread waits on all of them in ``WaitForMultipleObjects``.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from qlbreak.core.commands import Wake
from qlbreak.edges.ports import Post

log = logging.getLogger("qlbreak")
EPOCH_1601 = 11_644_473_600  # seconds from 1601-01-01 (FILETIME's start) to 1970-01-01


class Kernel(Protocol):
    """The few kernel32 calls the alarm makes, so a test can stand in for Windows."""

    def timer(self) -> int: ...

    def set_timer(self, timer: int, filetime: int) -> bool: ...

    def event(self) -> int: ...

    def signal(self, event: int) -> None: ...

    def watch(self, folder: Path) -> int | None:
        """A change notification on ``folder`` (names, writes); None when it cannot."""

    def rearm(self, watch: int) -> None: ...

    def unwatch(self, watch: int) -> None: ...

    def wait(self, handles: Sequence[int]) -> int | None:
        """The index of the handle signalled first; None when the wait failed."""

    def close(self, handle: int) -> None: ...


def filetime(instant: datetime) -> int:
    """``instant`` (aware) as 100-ns intervals since 1601: an absolute due time."""
    return round((instant.timestamp() + EPOCH_1601) * 10_000_000)


class WaitableAlarm:
    exact = True

    def __init__(self, post: Post, watched: Sequence[Path] = (), kernel: Kernel | None = None) -> None:
        self._post, self._kernel = post, kernel if kernel is not None else Kernel32()
        self._timer, self._stop = self._kernel.timer(), self._kernel.event()
        folders = dict.fromkeys(path.parent for path in watched)
        self._watches = [w for folder in folders if (w := self._kernel.watch(folder)) is not None]
        self._thread = threading.Thread(target=self._wait, daemon=True, name="qlbreak-alarm")
        self._thread.start()

    def at(self, instant: datetime) -> None:
        if not self._kernel.set_timer(self._timer, filetime(instant)):
            log.warning("cannot set the alarm; looking every 30 s instead")
            self.exact = False

    def close(self) -> None:
        if not self._thread.is_alive():
            return
        self._kernel.signal(self._stop)
        self._thread.join(2.0)
        for handle in (self._timer, self._stop):
            self._kernel.close(handle)
        for watch in self._watches:
            self._kernel.unwatch(watch)

    def _wait(self) -> None:
        handles = [self._stop, self._timer, *self._watches]
        while True:
            index = self._kernel.wait(handles)
            if index is None:
                log.error("the alarm stopped; looking every 30 s instead")
                self.exact = False
                return
            if index == 0:
                return
            if index >= 2:
                self._kernel.rearm(handles[index])  # the folder changed: watch it again
            self._post(Wake())


class Kernel32:
    """The real calls, through ctypes."""

    _k: Any  # kernel32 (ctypes.WinDLL)
    _ctypes: Any
    _wintypes: Any
    _last_error: Callable[[], int]

    def __init__(self) -> None:
        if sys.platform != "win32":  # and mypy checks the rest as Windows only
            raise OSError("kernel32 exists on Windows only")
        import ctypes
        from ctypes import wintypes

        self._ctypes, self._wintypes = ctypes, wintypes
        self._last_error = ctypes.get_last_error
        self._k = ctypes.WinDLL("kernel32", use_last_error=True)
        self._k.CreateWaitableTimerW.restype = wintypes.HANDLE
        self._k.CreateEventW.restype = wintypes.HANDLE
        self._k.FindFirstChangeNotificationW.restype = wintypes.HANDLE
        self._k.WaitForMultipleObjects.restype = wintypes.DWORD

    def timer(self) -> int:
        handle = self._k.CreateWaitableTimerW(None, False, None)  # auto-reset
        if not handle:
            raise OSError(self._last_error(), "CreateWaitableTimerW failed")
        return int(handle)

    def set_timer(self, timer: int, filetime: int) -> bool:
        due = self._ctypes.c_longlong(filetime)  # positive: an absolute UTC time
        return bool(
            self._k.SetWaitableTimer(self._wintypes.HANDLE(timer), self._ctypes.byref(due), 0, None, None, False)
        )

    def event(self) -> int:
        handle = self._k.CreateEventW(None, True, False, None)
        if not handle:
            raise OSError(self._last_error(), "CreateEventW failed")
        return int(handle)

    def signal(self, event: int) -> None:
        self._k.SetEvent(self._wintypes.HANDLE(event))

    def watch(self, folder: Path) -> int | None:
        names_and_writes = 0x1 | 0x10  # FILE_NOTIFY_CHANGE_FILE_NAME | FILE_NOTIFY_CHANGE_LAST_WRITE
        handle = self._k.FindFirstChangeNotificationW(str(folder), False, names_and_writes)
        if not handle or int(handle) == -1:  # INVALID_HANDLE_VALUE: the folder may not exist yet
            return None
        return int(handle)

    def rearm(self, watch: int) -> None:
        self._k.FindNextChangeNotification(self._wintypes.HANDLE(watch))

    def unwatch(self, watch: int) -> None:
        self._k.FindCloseChangeNotification(self._wintypes.HANDLE(watch))

    def wait(self, handles: Sequence[int]) -> int | None:
        array = (self._wintypes.HANDLE * len(handles))(*handles)
        index = int(self._k.WaitForMultipleObjects(len(handles), array, False, 0xFFFFFFFF))  # INFINITE
        return index if index < len(handles) else None  # WAIT_FAILED, WAIT_ABANDONED_n

    def close(self, handle: int) -> None:
        self._k.CloseHandle(self._wintypes.HANDLE(handle))


def for_this_system(post: Post, watched: Sequence[Path]) -> WaitableAlarm | None:
    """The exact alarm; None (the loop keeps its heartbeat) when Windows refuses one."""
    try:
        return WaitableAlarm(post, watched)
    except (OSError, AttributeError) as why:
        log.info("no wall-clock alarm here (%s); looking every 30 s instead", why)
        return None
