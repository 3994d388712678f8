"""The loop's alarm on Linux: it sleeps until the next decision, not a heartbeat.

A ``CLOCK_REALTIME`` timerfd armed at an absolute instant fires at that wall-clock
time however long the machine slept (an instant passed during a suspend fires on
resume), and ``TFD_TIMER_CANCEL_ON_SET`` ends its wait at once when the clock is set
and on every resume (the kernel's ``timerfd_resume``). inotify says when the settings
file or the system's time zone (``/etc/localtime``) changes. Each of them posts
``Wake``; one thread waits on all of them in ``poll`` and costs nothing in between.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import math
import os
import select
import struct
import sys
import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from qlbreak.core.commands import Wake
from qlbreak.tray.ports import Post

assert sys.platform == "linux"  # imported on Linux only; mypy then checks it as such
log = logging.getLogger("qlbreak")

CLOCK_REALTIME = 0
TFD_TIMER_ABSTIME, TFD_TIMER_CANCEL_ON_SET = 1, 2
CLOEXEC, NONBLOCK = os.O_CLOEXEC, os.O_NONBLOCK
# a file written in place, moved in (editors, our own atomic save), made or removed
IN_CHANGED = 0x8 | 0x40 | 0x80 | 0x100 | 0x200  # CLOSE_WRITE MOVED_FROM MOVED_TO CREATE DELETE
EVENT = struct.Struct("iIII")  # struct inotify_event: wd, mask, cookie, len (then the name)
ZONE_FILE = Path("/etc/localtime")


class _Timespec(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]


class _Itimerspec(ctypes.Structure):
    _fields_ = [("it_interval", _Timespec), ("it_value", _Timespec)]


class AlarmUnavailable(OSError):
    """No timerfd here (an old kernel, a sandbox): the loop keeps its heartbeat."""


class WallAlarm:
    """``at(instant)`` arms it; ``Wake`` is posted at that instant, on a clock change or
    resume, and when a watched file changes. ``exact``: the loop need not look on its own."""

    exact = True

    def __init__(self, post: Post, watched: Sequence[Path] = (), watch_zone: bool = True) -> None:
        self._post = post
        self._libc = ctypes.CDLL(None, use_errno=True)
        self._timer = self._libc.timerfd_create(CLOCK_REALTIME, CLOEXEC | NONBLOCK)
        if self._timer < 0:
            raise AlarmUnavailable(ctypes.get_errno(), "timerfd_create failed")
        files = [*watched, *([ZONE_FILE] if watch_zone else [])]
        self._inotify = self._libc.inotify_init1(CLOEXEC | NONBLOCK) if files else -1
        self._files = self._watch(files)
        self._stop_r, self._stop_w = os.pipe()
        self._thread = threading.Thread(target=self._wait, daemon=True, name="qlbreak-alarm")
        self._thread.start()

    def at(self, instant: datetime) -> None:
        """Fire at ``instant`` (aware); arming again replaces the earlier instant."""
        nanoseconds = max(1, math.ceil(instant.timestamp() * 1e9))  # 0 would disarm it
        spec = _Itimerspec(it_value=_Timespec(nanoseconds // 10**9, nanoseconds % 10**9))
        flags = TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET
        if self._libc.timerfd_settime(self._timer, flags, ctypes.byref(spec), None) < 0:
            log.warning("cannot set the alarm: %s", os.strerror(ctypes.get_errno()))

    def close(self) -> None:
        if not self._thread.is_alive():
            return
        os.write(self._stop_w, b"x")
        self._thread.join(2.0)
        for fd in (self._timer, self._stop_r, self._stop_w, *([self._inotify] if self._inotify >= 0 else [])):
            os.close(fd)

    # -- the waiting thread ------------------------------------------------------------

    def _watch(self, files: Sequence[Path]) -> dict[int, set[str]]:
        """inotify watches on each file's folder: the names watched in each (by watch)."""
        names: dict[int, set[str]] = {}
        for path in files:
            wd = self._libc.inotify_add_watch(self._inotify, os.fsencode(path.parent), IN_CHANGED)
            if wd < 0:
                log.info("%s: changes here are noticed within the hour", path.parent)
                continue
            names.setdefault(wd, set()).add(path.name)
        return names

    def _wait(self) -> None:
        try:
            self._wait_for_events()
        except OSError as trouble:  # never seen; the loop goes back to its heartbeat
            log.error("the alarm stopped (%s); looking every 30 s instead", trouble)
            self.exact = False

    def _wait_for_events(self) -> None:
        poller = select.poll()
        for fd in (self._timer, self._stop_r, self._inotify):
            if fd >= 0:
                poller.register(fd, select.POLLIN)
        while True:
            ready = {fd for fd, _ in poller.poll()}
            if self._stop_r in ready:
                return
            woke = self._timer in ready and self._expired()
            woke = (self._inotify in ready and self._changed()) or woke
            if woke:
                self._post(Wake())

    def _expired(self) -> bool:
        try:
            os.read(self._timer, 8)
        except OSError as err:
            if err.errno == errno.ECANCELED:
                return True  # the clock was set, or the machine resumed
            if err.errno == errno.EAGAIN:
                return False  # re-armed since poll saw it
            raise
        return True

    def _changed(self) -> bool:
        try:
            data = os.read(self._inotify, 64 * 1024)
        except BlockingIOError:
            return False
        found, offset = False, 0
        while offset + EVENT.size <= len(data):
            wd, _mask, _cookie, length = EVENT.unpack_from(data, offset)
            name = data[offset + EVENT.size : offset + EVENT.size + length].rstrip(b"\0").decode(errors="replace")
            found = found or name in self._files.get(wd, set())
            offset += EVENT.size + length
        return found


def for_this_system(post: Post, watched: Sequence[Path]) -> WallAlarm | None:
    """The exact alarm where the kernel has one; None: the loop keeps its heartbeat."""
    try:
        return WallAlarm(post, watched)
    except (AlarmUnavailable, OSError, AttributeError) as why:  # AttributeError: no such libc call
        log.info("no wall-clock alarm here (%s); looking every 30 s instead", why)
        return None
