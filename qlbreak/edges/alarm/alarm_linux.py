"""The loop's alarm on Linux: it sleeps until the next decision, not a heartbeat.

A ``CLOCK_REALTIME`` timerfd armed at an absolute instant fires at that wall-clock
time however long the machine slept (an instant passed during a suspend fires on
resume), and ``TFD_TIMER_CANCEL_ON_SET`` ends its wait at once when the clock is set
and on every resume (the kernel's ``timerfd_resume``). inotify says when the settings
file or the system's time zone (``/etc/localtime``) changes. Each of them posts
``Wake``; one thread waits on all of them in ``poll`` and costs nothing in between.

A watch can be lost: a dotfile manager or sync tool swaps the whole settings folder
(the watch goes with the old one), or inotify is used up. So the settings folder is
watched again whenever it goes or comes (its parent is watched for that), and the
thread also looks at the files themselves every minute (one ``stat`` each), as a net.
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
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from qlbreak.core.commands import Wake
from qlbreak.edges.ports import Post

assert sys.platform == "linux"  # imported on Linux only; mypy then checks it as such
log = logging.getLogger("qlbreak")

CLOCK_REALTIME = 0
TFD_TIMER_ABSTIME, TFD_TIMER_CANCEL_ON_SET = 1, 2
CLOEXEC, NONBLOCK = os.O_CLOEXEC, os.O_NONBLOCK
# a name made, moved in or out, or removed in a folder
IN_NAMES = 0x40 | 0x80 | 0x100 | 0x200  # MOVED_FROM MOVED_TO CREATE DELETE
# ... or a file written in place (editors, our own atomic save moves one in)
IN_CHANGED = 0x8 | IN_NAMES  # CLOSE_WRITE
IN_GONE = 0x400 | 0x800 | 0x8000  # DELETE_SELF MOVE_SELF IGNORED: the watched folder went
IN_Q_OVERFLOW = 0x4000  # events were lost
EVENT = struct.Struct("iIII")  # struct inotify_event: wd, mask, cookie, len (then the name)
ZONE_FILE = Path("/etc/localtime")
LOOK_EVERY = 60.0  # seconds between looks at the watched files themselves


class _Timespec(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]


class _Itimerspec(ctypes.Structure):
    _fields_ = [("it_interval", _Timespec), ("it_value", _Timespec)]


class AlarmUnavailable(OSError):
    """No timerfd here (an old kernel, a sandbox): the loop keeps its heartbeat."""


class WallAlarm:
    """``at(instant)`` arms it; ``Wake`` is posted at that instant, on a clock change or
    resume, and when a watched file changes. ``exact``: the loop need not look on its own.
    ``look_every``: seconds between looks at the files (a test makes it short); ``libc``:
    the C library (a test gives one whose inotify is used up); ``zone_file``: the
    system's zone (a test gives its own)."""

    exact = True

    def __init__(
        self,
        post: Post,
        watched: Sequence[Path] = (),
        watch_zone: bool = True,
        look_every: float = LOOK_EVERY,
        libc: Any = None,
        zone_file: Path = ZONE_FILE,
    ) -> None:
        self._post = post
        self._libc = libc if libc is not None else ctypes.CDLL(None, use_errno=True)
        self._timer = self._libc.timerfd_create(CLOCK_REALTIME, CLOEXEC | NONBLOCK)
        if self._timer < 0:
            raise AlarmUnavailable(ctypes.get_errno(), "timerfd_create failed")
        self._settings, self._zone = list(watched), [zone_file] if watch_zone else []
        self._files = [*self._settings, *self._zone]
        self._look_every = look_every
        self._inotify = self._libc.inotify_init1(CLOEXEC | NONBLOCK) if self._files else -1
        if self._files and self._inotify < 0:
            why = os.strerror(ctypes.get_errno() or errno.EMFILE)
            log.info("no inotify here (%s); changed settings are noticed within %.0f s", why, look_every)
        self._names: dict[int, set[str]] = {}  # by watch: the names that count in its folder
        self._unwatched: set[str] = set()
        self._arm()
        self._seen = self._identities()
        self._closed = False
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
        if self._closed:
            return
        self._closed = True
        if self._thread.is_alive():
            os.write(self._stop_w, b"x")
            self._thread.join(2.0)
        for fd in (self._timer, self._stop_r, self._stop_w, *([self._inotify] if self._inotify >= 0 else [])):
            os.close(fd)

    # -- what is watched ---------------------------------------------------------------

    def _places(self) -> dict[Path, tuple[int, set[str]]]:
        """Each folder to watch: what to watch in it, and the names there that count. A
        settings file in its folder, its folder in the one above (swapped whole, or a
        symlink to it replaced), and the file a symlink points to, in its folder."""
        places: dict[Path, tuple[int, set[str]]] = {}

        def add(folder: Path, mask: int, name: str) -> None:
            before, names = places.get(folder, (0, set()))
            places[folder] = (before | mask, names | {name})

        for path in self._zone:
            add(path.parent, IN_CHANGED, path.name)
        for path in self._settings:
            add(path.parent, IN_CHANGED | IN_GONE, path.name)
            add(path.parent.parent, IN_NAMES | IN_GONE, path.parent.name)
            real = Path(os.path.realpath(path))
            if real != path:
                add(real.parent, IN_CHANGED | IN_GONE, real.name)
        return places

    def _arm(self) -> None:
        """Watch each place as it is now (cheap: a folder watched already keeps its
        watch); watches on folders no longer in place (moved aside) are removed."""
        if self._inotify < 0:
            return
        names: dict[int, set[str]] = {}
        unwatched: set[str] = set()
        for folder, (mask, wanted) in self._places().items():
            wd = self._libc.inotify_add_watch(self._inotify, os.fsencode(folder), mask)
            if wd < 0:
                unwatched.add(str(folder))
                continue
            names.setdefault(wd, set()).update(wanted)
        for wd in self._names.keys() - names.keys():
            self._libc.inotify_rm_watch(self._inotify, wd)
        if unwatched - self._unwatched:
            look = f"changes there are noticed within {self._look_every:.0f} s"
            log.info("cannot watch %s (%s)", ", ".join(sorted(unwatched - self._unwatched)), look)
        self._names, self._unwatched = names, unwatched

    def _identities(self) -> list[tuple[int, ...] | None]:
        """Each file as a ``stat`` through symlinks sees it: another one, or rewritten."""
        found: list[tuple[int, ...] | None] = []
        for path in self._files:
            try:
                st = os.stat(path)
            except OSError:
                found.append(None)
                continue
            found.append((st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns, st.st_ctime_ns))
        return found

    # -- the waiting thread ------------------------------------------------------------

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
        next_look = time.monotonic() + self._look_every
        while True:
            left = next_look - time.monotonic() if self._files else None
            ready = {fd for fd, _ in poller.poll(None if left is None else max(0, math.ceil(left * 1000)))}
            if self._stop_r in ready:
                return
            woke = self._timer in ready and self._expired()
            if self._inotify in ready and self._changed():
                woke, self._seen = True, self._identities()
            if self._files and time.monotonic() >= next_look:
                next_look = time.monotonic() + self._look_every
                woke = self._look() or woke
            if woke:
                self._post(Wake())

    def _look(self) -> bool:
        """The net: whether a file changed unseen by inotify (its watch was lost)."""
        self._arm()
        seen = self._identities()
        if seen == self._seen:
            return False
        self._seen = seen
        if self._inotify >= 0:
            log.info("a watched file changed without inotify saying so; watching it again")
        return True

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
        """Read inotify's events: whether one is about a watched file (or its folder, or
        events were lost); the watches are renewed after any such event."""
        try:
            data = os.read(self._inotify, 64 * 1024)
        except BlockingIOError:
            return False
        found, offset = False, 0
        while offset + EVENT.size <= len(data):
            wd, mask, _cookie, length = EVENT.unpack_from(data, offset)
            name = data[offset + EVENT.size : offset + EVENT.size + length].rstrip(b"\0").decode(errors="replace")
            offset += EVENT.size + length
            found = self._counts(wd, mask, name) or found
        if found:
            self._arm()
        return found

    def _counts(self, wd: int, mask: int, name: str) -> bool:
        if mask & IN_Q_OVERFLOW or (mask & IN_GONE and wd in self._names):
            return True  # events lost, or a watched folder went: look again
        return bool(name) and name in self._names.get(wd, set())


def for_this_system(post: Post, watched: Sequence[Path]) -> WallAlarm | None:
    """The exact alarm where the kernel has one; None: the loop keeps its heartbeat."""
    try:
        return WallAlarm(post, watched)
    except (AlarmUnavailable, OSError, AttributeError) as why:  # AttributeError: no such libc call
        log.info("no wall-clock alarm here (%s); looking every 30 s instead", why)
        return None
