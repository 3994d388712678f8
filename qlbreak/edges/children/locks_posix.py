"""Which stretch window is open, even one whose tray is gone.

A stretch window outlives a tray killed with ``kill -9`` (or crashed), and the next
tray knew nothing of it: a click stacked a second stretch window on it. So each
stretch window holds a lock in the runtime folder, ``stretch-<pid>.lock`` (a window
started ahead, ``warm-<pid>.lock``): the tray takes it, hands the window its own copy
of the descriptor at the start and lets go of its own, so the lock lasts exactly as
long as the window's process, whoever its parent is now. A tray that finds such a
lock held asks that window, by its pid, to come to the front (SIGUSR1, heard in
``ui/stretch.py``). POSIX only (flock and signals); elsewhere there are no locks.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
from pathlib import Path

log = logging.getLogger("qlbreak")
STRETCH, WARM = "stretch", "warm"


class WindowLock:
    """A lock file for one window, held by the tray until ``hand_over``."""

    def __init__(self, folder: Path, fd: int, path: Path) -> None:
        self.folder, self.fd, self.path = folder, fd, path

    @classmethod
    def take(cls, folder: Path) -> WindowLock | None:
        """A new lock, held; None where there are none (Windows) or it cannot be made
        (then the window opens all the same, only a later tray will not find it)."""
        if sys.platform == "win32":
            return None
        import fcntl

        path = folder / f"new-{os.getpid()}-{os.urandom(4).hex()}.lock"
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as err:
            log.info("no lock for the stretch window: %s", err)
            return None
        fcntl.flock(fd, fcntl.LOCK_EX)  # a new file: nobody else can hold it
        return cls(folder, fd, path)

    def hand_over(self, kind: str, pid: int) -> Path:
        """The window ``pid`` has its copy now: the lock is named for it and the tray's
        copy closed. Returns where the lock now is."""
        named = self.folder / f"{kind}-{pid}.lock"
        with contextlib.suppress(OSError):
            os.replace(self.path, named)
            self.path = named
        self.drop()
        return self.path

    def drop(self) -> None:
        """The tray's copy only: the window's copy, if it has one, keeps the lock."""
        with contextlib.suppress(OSError):
            os.close(self.fd)


def rename(path: Path, kind: str, pid: int) -> Path:
    """A window started ahead became the stretch window: its lock says so."""
    named = path.with_name(f"{kind}-{pid}.lock")
    with contextlib.suppress(OSError):
        os.replace(path, named)
        return named
    return path


def remove(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


def open_stretch(folder: Path) -> int | None:
    """The pid of a stretch window that is open now (its lock is held), or None;
    the locks of windows that have ended are removed on the way."""
    if sys.platform == "win32":
        return None
    import fcntl

    try:
        paths = sorted(folder.glob("*.lock"))
    except OSError:
        return None
    for path in paths:
        kind, _, pid = path.stem.partition("-")
        if kind not in (STRETCH, WARM) or not pid.isdigit():
            continue
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            if kind == STRETCH:
                return int(pid)
            continue  # a window started ahead and never shown: it ends on its own
        finally:
            os.close(fd)
        remove(path)  # free: its window has ended
    return None


def ask_to_front(pid: int) -> bool:
    """Ask the stretch window ``pid`` (not the tray's child: its tray is gone) to come
    to the front; False if it has ended meanwhile."""
    if sys.platform == "win32":  # no such signal there (and no flock: never reached)
        return False
    try:
        os.kill(pid, signal.SIGUSR1)
    except OSError:
        return False
    return True
