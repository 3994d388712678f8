"""Files and folders that are the user's alone: what someone stretched, and that it
hurt, is nobody else's business. This module imports only ``os`` and ``qlbreak.system``, so every
process (the command line, the tray, each window) can call ``private_by_default`` first."""

from __future__ import annotations

import os

from qlbreak.system import THIS, System

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing
if TYPE_CHECKING:
    from pathlib import Path


def private_by_default(system: System = THIS) -> None:
    """Every file and folder this process creates is the user's alone (0600, 0700):
    what someone stretched and that it hurt is nobody else's business. Called first
    thing by every qlbreak process (the command line, the tray, each window)."""
    if system.posix_files:
        os.umask(0o077)


def private_folder(path: Path, system: System = THIS) -> None:
    """``path`` as a folder only this user can enter (0700), made if missing; one of
    qlbreak's own folders that an older qlbreak left open to others is closed too."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    _tighten(path, 0o700, system)


def private_file(path: Path, system: System = THIS) -> None:
    """Make an existing file readable by this user only (0600); a missing one is fine."""
    _tighten(path, 0o600, system)


def _tighten(path: Path, mode: int, system: System) -> None:
    if not system.posix_files:
        return  # Windows: a user's profile folders are private already
    try:
        if os.stat(path).st_mode & 0o077:
            os.chmod(path, mode)
    except OSError:
        pass  # missing, or not ours to change: nothing to tighten
