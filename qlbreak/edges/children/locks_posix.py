"""The stretch windows' locks on POSIX (``locks.py`` chooses this module).

Design: a lock file held with ``flock`` whose descriptor the window inherits, found held
by a later tray, which then sends the window SIGUSR1 (``ui/stretch.py`` hears it).
"""

from __future__ import annotations

import fcntl
import logging
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from qlbreak.edges.children.locks import STRETCH, WARM, remove

assert sys.platform != "win32"  # imported where there are flock and signals; mypy checks it as such

log = logging.getLogger("qlbreak")


def take(folder: Path) -> tuple[int, Path] | None:
    """A new lock file, held; None when it cannot be made."""
    path = folder / f"new-{os.getpid()}-{os.urandom(4).hex()}.lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as err:
        log.info("no lock for the stretch window: %s", err)
        return None
    fcntl.flock(fd, fcntl.LOCK_EX)  # a new file: nobody else can hold it
    return fd, path


def open_stretch(folder: Path) -> int | None:
    """The pid of a stretch window that is open now (its lock is held), or None;
    the locks of windows that have ended are removed on the way."""
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
    """SIGUSR1 to the window ``pid``; False if it has ended meanwhile."""
    try:
        os.kill(pid, signal.SIGUSR1)
    except OSError:
        return False
    return True


if TYPE_CHECKING:  # mypy: this module is the half locks.py expects
    from qlbreak.edges.children import locks, locks_posix  # noqa: PLW0406 - itself, as a module

    _is_a_platform: locks.Platform = locks_posix
