"""The one-per-user lock on Windows, and where the app listens (``endpoint.py`` chooses
this module; untested on Windows itself here, type-checked for win32).

Design: a lock file in the runtime folder (``msvcrt.locking``) and a named pipe named for
the user; the config folder's key is the only one (a user's profile is private).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Literal

from qlbreak.edges.instance.endpoint import Endpoint, InstanceError
from qlbreak.storage.privacy import private_folder

assert sys.platform == "win32"  # imported on Windows only; mypy checks it as such


def new_lock() -> LockFile:
    return LockFile()


class LockFile:
    """The lock file, held open for the app's life (``endpoint.Lock``)."""

    def __init__(self) -> None:
        self.handle: IO[bytes] | None = None

    def address(self, endpoint: Endpoint) -> str:
        return rf"\\.\pipe\qlbreak-{_user()}"

    def acquire(self, endpoint: Endpoint) -> bool:
        """Lock ``endpoint.lock_path``; False when another qlbreak holds it."""
        try:
            private_folder(endpoint.runtime_dir)
            handle = open(endpoint.lock_path, "a+b")  # noqa: SIM115 - held for the app's life
        except OSError as err:
            raise InstanceError(f"{endpoint.lock_path}: cannot take the one-per-user lock: {err}") from None
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        self.handle = handle
        return True

    def look_again(self, endpoint: Endpoint) -> Literal["same", "retaken", "lost"]:
        return "same"  # a profile's folder: no tmp cleaner removes it

    def put_key(self, endpoint: Endpoint, key: bytes) -> None:
        pass  # the config folder's key is the only one

    def doors(self, endpoint: Endpoint, config_key: Callable[[], bytes]) -> list[tuple[str, Callable[[], bytes]]]:
        return [(endpoint.address, config_key)]

    def release(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None


def _lock(handle: IO[bytes]) -> None:
    import msvcrt

    handle.seek(0)
    msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]


def _user() -> str:
    import getpass

    try:
        return "".join(c for c in getpass.getuser() if c.isalnum()) or "user"
    except Exception:  # noqa: BLE001 - no user name: one pipe for the machine's one user
        return "user"


if TYPE_CHECKING:  # mypy: this module is the half endpoint.py expects
    from qlbreak.edges.instance import endpoint, endpoint_win32  # noqa: PLW0406 - itself, as a module

    _is_a_platform: endpoint.Platform = endpoint_win32
