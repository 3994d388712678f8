"""Which stretch window is open, even one whose tray is gone.

Design: a lock's life (handed over, renamed, removed) is here; taking one, finding one held
and raising its window are in ``locks_posix.py`` or ``locks_win32.py``, chosen by ``System.signals``.

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
import importlib
import os
from pathlib import Path
from typing import Protocol

from qlbreak.system import THIS, System

STRETCH, WARM = "stretch", "warm"


class WindowLock:
    """A lock file for one window, held by the tray until ``hand_over``."""

    def __init__(self, folder: Path, fd: int, path: Path) -> None:
        self.folder, self.fd, self.path = folder, fd, path

    @classmethod
    def take(cls, folder: Path) -> WindowLock | None:
        """A new lock, held; None where there are none (Windows) or it cannot be made
        (then the window opens all the same, only a later tray will not find it)."""
        made = _platform.take(folder)
        return None if made is None else cls(folder, *made)

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
    return _platform.open_stretch(folder)


def ask_to_front(pid: int) -> bool:
    """Ask the stretch window ``pid`` (not the tray's child: its tray is gone) to come
    to the front; False if it has ended meanwhile."""
    return _platform.ask_to_front(pid)


class Platform(Protocol):
    """What ``locks_posix`` and ``locks_win32`` each are (mypy checks each module
    against it on its own platform)."""

    def take(self, folder: Path) -> tuple[int, Path] | None:
        """A new lock file in ``folder``, held: its descriptor and path; None where
        there are no locks or it cannot be made."""
        ...

    def open_stretch(self, folder: Path) -> int | None: ...

    def ask_to_front(self, pid: int) -> bool: ...


def _chosen(system: System = THIS) -> Platform:
    """This system's half, its module imported here only (each guards its platform)."""
    name = "locks_posix" if system.signals else "locks_win32"
    return importlib.import_module(f"qlbreak.edges.children.{name}")


# last: the chosen module imports the names above (its own first import may run this one)
_platform = _chosen()
