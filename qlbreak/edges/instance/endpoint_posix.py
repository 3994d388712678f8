"""The one-per-user lock on POSIX, and where the app listens (``endpoint.py`` chooses
this module).

Design: every folder of the uid's (``peruser.py``) locked with ``flock`` and kept open,
the socket and a copy of the key in the first; ``look_again`` takes back one a tmp cleaner removed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from qlbreak.edges.instance import peruser, peruser_posix
from qlbreak.edges.instance.endpoint import Endpoint, InstanceError
from qlbreak.storage.atomic import write_atomic
from qlbreak.storage.privacy import private_folder

assert sys.platform != "win32"  # imported where there are flock and Unix sockets; mypy checks it as such

log = logging.getLogger("qlbreak")


def new_lock() -> Folders:
    return Folders()


class Folders:
    """The locked folders, open (``endpoint.Lock``)."""

    def __init__(self) -> None:
        self.held: dict[Path, int] = {}  # the locked folders, open
        self.guard = threading.RLock()  # the endpoint's thread looks again (look_again) while the app runs
        self.refused: dict[Path, int] = {}  # looks in a row a folder to take again was locked by another (look_again)

    def address(self, endpoint: Endpoint) -> str:
        return str(endpoint.folder / peruser.SOCKET)

    def acquire(self, endpoint: Endpoint) -> bool:
        """Lock every folder of the uid's (else the runtime folder); False when another
        qlbreak, or an older one, holds one."""
        with contextlib.suppress(OSError):  # the stretch window's lock lives there (window_locks)
            private_folder(endpoint.runtime_dir)
        problems: list[str] = []
        for folder in endpoint.folders:
            if self._take(endpoint, folder, problems) is False:
                return False
        if not self.held and endpoint.runtime_dir not in endpoint.folders:
            # every folder of the uid is another user's (or cannot be made): a squatter
            # must not stop reminders, though this lock then depends on the environment
            log.warning("the one-per-user lock falls back to %s: %s", endpoint.runtime_dir, "; ".join(problems))
            if self._take(endpoint, endpoint.runtime_dir, problems) is False:
                return False
        if not self.held:
            raise InstanceError(f"cannot take the one-per-user lock: {'; '.join(problems)}")
        older = dict.fromkeys(f / peruser.OLD_LOCK for f in (*endpoint.folders, endpoint.runtime_dir))
        if any(peruser_posix.held_by_older(lock) for lock in older):
            self.release()  # an older qlbreak runs (an upgrade under way): it is the one
            return False
        return True

    def _take(self, endpoint: Endpoint, folder: Path, problems: list[str]) -> bool | None:
        """Lock one folder: True taken, False another qlbreak holds it (all let go),
        None not usable (why added to ``problems``)."""
        try:
            fd = peruser_posix.take(folder)
        except peruser.NotOurs as err:  # another user's folder: not ours to use, and said
            log.warning("passed over for the one-per-user lock: %s", err)
            problems.append(str(err))
            return None
        except OSError as err:
            problems.append(f"{folder}: {err.strerror or err}")
            return None
        if fd is None:
            self.release()
            return False
        if not self.held:
            endpoint.folder, endpoint.address = folder, str(folder / peruser.SOCKET)
        self.held[folder] = fd
        return True

    def look_again(self, endpoint: Endpoint) -> Literal["same", "retaken", "lost"]:
        """The folders removed or replaced under the running app taken again, and those
        of the uid's that appeared since it started locked as well (``Endpoint.look_again``)."""
        with self.guard:
            if not self.held:
                return "same"  # let go: quitting
            appeared = [f for f in peruser.folders(endpoint.runtime_dir, endpoint.environ) if f not in endpoint.folders]
            taken, lost = peruser_posix.look_again(endpoint.folders, appeared, self.held, self.refused)
            endpoint.folders = (*endpoint.folders, *(f for f in appeared if f in taken))
        if lost:
            return "lost"
        return "retaken" if endpoint.folder in taken else "same"

    def put_key(self, endpoint: Endpoint, key: bytes) -> None:
        """The key beside the socket, for a client whose config folder differs."""
        try:
            write_atomic(endpoint.folder / peruser.KEY, key)
        except OSError as err:
            log.warning("cannot put the endpoint's key beside it: %s", err)

    def doors(self, endpoint: Endpoint, config_key: Callable[[], bytes]) -> list[tuple[str, Callable[[], bytes]]]:
        """The user's own folders (the key beside the socket, else the config folder's),
        then where an older version listened."""
        doors: list[tuple[str, Callable[[], bytes]]] = []
        for folder in dict.fromkeys((*endpoint.folders, endpoint.runtime_dir)):
            socket_path = folder / peruser.SOCKET
            if not (peruser.private(folder) and socket_path.is_socket()):
                continue
            doors.append((str(socket_path), partial(_key_beside, folder / peruser.KEY, config_key)))
        return doors

    def release(self) -> None:
        with self.guard:
            while self.held:
                os.close(self.held.popitem()[1])


def _key_beside(beside: Path, config_key: Callable[[], bytes]) -> bytes:
    return _read_key(beside) or config_key()


def _read_key(path: Path) -> bytes | None:
    """The key beside a socket; None when missing or broken (the config folder's then)."""
    try:
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) >= 16 else None


if TYPE_CHECKING:  # mypy: this module is the half endpoint.py expects
    from qlbreak.edges.instance import endpoint, endpoint_posix  # noqa: PLW0406 - itself, as a module

    _is_a_platform: endpoint.Platform = endpoint_posix
