"""Where this user's one tray locks and listens: named by the uid alone, so a login
session, a cron job, an ssh shell and ``sudo -u`` find the same place whatever their
environment says ($XDG_RUNTIME_DIR set, unset or another; $HOME; $TMPDIR).

Design: the names every system shares are here; ``folders`` and ``private`` go to
``peruser_posix.py`` or ``peruser_win32.py``, chosen once at the end by ``System.unix_sockets``.

POSIX: ``/run/user/<uid>/qlbreak`` where the system keeps the user's runtime folder
there (the user's own, 0700), and always ``/tmp/qlbreak-<uid>``. The tray locks every
one of them (so a runtime folder that appears after it started changes nothing) and
listens in the first. A folder is used only when it is the user's own, a real folder
(not a link) and 0700: one another user made first is passed over and said, never
used. The lock is on the folder itself (``flock``): the kernel lets go when the
process dies (no stale lock), and tmp cleaners (systemd-tmpfiles) skip a locked
folder. Windows: the runtime folder, as before (a user's profile is private).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from qlbreak.system import THIS, System

INSTANCE_ENV = "QLBREAK_INSTANCE_DIR"  # for tests only: each test its own tray, in its own folder
SOCKET = "qlbreak.sock"
KEY = "instance.key"  # a copy of the endpoint's key beside its socket, for a client whose config folder differs
LOST_AFTER = 3  # looks in a row (LOOK_SECONDS apart) a removed folder is locked by another qlbreak: it runs
OLD_LOCK = "qlbreak.lock"  # what earlier versions locked: an older tray holds it during an upgrade


class NotOurs(Exception):
    """The folder is another user's, or not a private folder: never used."""


class Places(Protocol):
    """What ``peruser_posix`` and ``peruser_win32`` each are (mypy checks each module
    against it on its own platform)."""

    def folders(self, runtime_dir: Path, environ: Mapping[str, str]) -> tuple[Path, ...]: ...

    def private(self, folder: Path) -> bool: ...


def folders(runtime_dir: Path, environ: Mapping[str, str] = os.environ) -> tuple[Path, ...]:
    """The folders the one tray locks, in order; it listens in the first it can use."""
    return _places.folders(runtime_dir, environ)


def private(folder: Path) -> bool:
    """Whether ``folder`` is a real folder of this user's that nobody else may enter."""
    return _places.private(folder)


def _chosen(system: System = THIS) -> Places:
    """This system's places, its module imported here only (each guards its platform)."""
    name = "peruser_posix" if system.unix_sockets else "peruser_win32"
    return importlib.import_module(f"qlbreak.edges.instance.{name}")


# last: the chosen module imports the names above (its own first import may run this one)
_places = _chosen()
