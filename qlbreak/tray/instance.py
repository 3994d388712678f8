"""One qlbreak per user: a lock, and a private endpoint the running app listens on.

The endpoint is ``multiprocessing.connection`` with an authkey (both sides prove it
by HMAC): a Unix socket in the user's runtime folder (0700) on POSIX, a named pipe on
Windows. Only ``send_bytes``/``recv_bytes`` are used (``recv`` would unpickle
whatever arrives), and only the commands in ``COMMANDS`` are accepted.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import sys
import threading
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path
from typing import IO

from qlbreak.core.commands import StretchNow
from qlbreak.tray.ports import Post

log = logging.getLogger("qlbreak")
COMMANDS = ("ping", "stretch")
MAX_MESSAGE = 256


class InstanceError(Exception):
    """The endpoint cannot be set up or reached; the message says why."""


def parse(message: bytes, known_ids: frozenset[str]) -> tuple[str, str | None] | None:
    """``b"stretch"``, ``b"stretch cat-cow"`` or ``b"ping"``; anything else is None."""
    try:
        words = message.decode("ascii").split()
    except UnicodeDecodeError:
        return None
    if words == ["ping"]:
        return ("ping", None)
    if words == ["stretch"]:
        return ("stretch", None)
    if len(words) == 2 and words[0] == "stretch" and words[1] in known_ids:
        return ("stretch", words[1])
    return None


class Endpoint:
    """Where the running app listens: its address, its key, its lock file."""

    def __init__(self, runtime_dir: Path, key_file: Path) -> None:
        self.runtime_dir, self.key_file = runtime_dir, key_file
        self.lock_path = runtime_dir / "qlbreak.lock"
        if sys.platform == "win32":
            self.address = rf"\\.\pipe\qlbreak-{_user()}"
        else:
            self.address = str(runtime_dir / "qlbreak.sock")
        self._lock: IO[bytes] | None = None

    def key(self, create: bool) -> bytes | None:
        try:
            return self.key_file.read_bytes()
        except FileNotFoundError:
            if not create:
                return None
        self.key_file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(secrets.token_bytes(32))
        return self.key_file.read_bytes()

    # -- the running app ---------------------------------------------------------------

    def acquire(self) -> bool:
        """Take the per-user lock; False when another qlbreak holds it."""
        self.runtime_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix":
            os.chmod(self.runtime_dir, 0o700)
        handle = open(self.lock_path, "a+b")  # noqa: SIM115 - held for the app's life
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        self._lock = handle
        return True

    def listen(self, post: Post, known_ids: frozenset[str]) -> Listener:
        """Serve commands on a daemon thread; call with the lock held."""
        key = self.key(create=True)
        if sys.platform != "win32" and os.path.exists(self.address):
            os.unlink(self.address)  # stale: we hold the lock, so nobody listens there
        try:
            listener = Listener(self.address, authkey=key)
        except OSError as err:
            raise InstanceError(f"{self.address}: cannot listen: {err}") from None
        threading.Thread(target=_serve, args=(listener, post, known_ids), daemon=True, name="qlbreak-ipc").start()
        return listener

    def release(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    # -- a second qlbreak ------------------------------------------------------------

    def send(self, message: str, timeout: float = 5.0) -> str:
        """Ask the running app; its answer, or InstanceError when none answers."""
        key = self.key(create=False)
        if key is None:
            raise InstanceError("no running qlbreak (no key)")
        result: list[str | BaseException] = []

        def talk() -> None:
            try:
                with Client(self.address, authkey=key) as conn:
                    conn.send_bytes(message.encode("ascii"))
                    result.append(conn.recv_bytes(MAX_MESSAGE).decode("ascii", "replace"))
            except (OSError, EOFError) as err:
                result.append(err)
            except Exception as err:  # noqa: BLE001 - AuthenticationError and kin: a wrong key
                result.append(err)

        worker = threading.Thread(target=talk, daemon=True)
        worker.start()
        worker.join(timeout)
        if not result:
            raise InstanceError(f"the running qlbreak did not answer within {timeout:.0f} s")
        if isinstance(result[0], BaseException):
            raise InstanceError(f"cannot reach the running qlbreak: {result[0]}")
        return result[0]


def _serve(listener: Listener, post: Post, known_ids: frozenset[str]) -> None:
    while True:
        try:
            conn = listener.accept()
        except OSError:
            return  # closed: the app is quitting
        except Exception as err:  # noqa: BLE001 - a client with the wrong key, or garbage
            log.warning("refused a connection: %s", err)
            continue
        threading.Thread(target=_answer, args=(conn, post, known_ids), daemon=True).start()


def _answer(conn: Connection, post: Post, known_ids: frozenset[str]) -> None:
    with conn:
        try:
            if not conn.poll(5):
                return
            message = conn.recv_bytes(MAX_MESSAGE)
        except (OSError, EOFError) as err:
            log.warning("ignored a message: %s", err)
            return
        command = parse(message, known_ids)
        if command is None:
            log.warning("ignored an unknown message %r", message[:60])
            _reply(conn, "error: unknown command")
            return
        if command[0] == "stretch":
            post(StretchNow(command[1]))
        _reply(conn, "ok")


def _reply(conn: Connection, text: str) -> None:
    with contextlib.suppress(OSError):
        conn.send_bytes(text.encode("ascii"))


def _lock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _user() -> str:
    import getpass

    try:
        return "".join(c for c in getpass.getuser() if c.isalnum()) or "user"
    except Exception:  # noqa: BLE001 - no user name: one pipe for the machine's one user
        return "user"
