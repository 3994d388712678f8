"""One qlbreak per user: a lock, and a private endpoint the running app listens on.

The lock and the endpoint are found by the uid alone (``peruser.py``), never by the
environment: a tray started with $XDG_RUNTIME_DIR and one started without are the
same user's, and the second hands its request to the first. The endpoint is a Unix
socket in a folder of the user's own (0700) on POSIX, a named pipe on Windows; an
older qlbreak's lock and socket (in the runtime folder) are asked too, so an upgrade
never runs two. Both sides prove they hold the key in the user's config folder (a
0600 file) by HMAC over the other's random challenge, then one short command and one
short reply travel, each with a one-byte length: nothing is ever unpickled, and only
the commands ``parse`` knows are carried out.

No client can stop or hold up the endpoint (``channels.py`` carries the bytes): every
conversation has a deadline, a client that closes early, sends a short or oversized
frame, stays silent or has the wrong key is dropped, and in a crowd the client silent
longest makes room. A client that still gets no answer from a qlbreak that holds the
lock says so (``TrayBusy``): busy is never "not running".
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal

from qlbreak.edges.instance import peruser
from qlbreak.edges.instance.channels import EndpointError, Server, Tally, connect_pipe
from qlbreak.edges.instance.dialogue import (
    MAX_MESSAGE,
    NONCE,
    parse,  # noqa: F401 - where tests and older callers find it
    proof,
    same,
    serve,
)
from qlbreak.storage.atomic import write_atomic
from qlbreak.storage.privacy import private_folder

if TYPE_CHECKING:
    from qlbreak.edges.ports import Post

if sys.platform != "win32":
    from qlbreak.edges.instance.channels import SocketServer, connect_socket
else:
    from qlbreak.edges.instance.channels import PipeServer

log = logging.getLogger("qlbreak")
PATIENCE = 4.0  # seconds a client keeps asking a qlbreak that holds the lock (it may be starting, or busy)
BUSY = "qlbreak is running but did not answer in time; try again in a moment"


class InstanceError(Exception):
    """The endpoint cannot be set up or reached; the message says why. ``delivered``:
    the command was written to a qlbreak that proved the key, then no answer came (it
    may have carried it out: a ``quit`` it heard, say, as it quit)."""

    delivered = False


class TrayBusy(Exception):
    """A qlbreak holds the lock but did not answer in time (a crowd at its endpoint,
    stuck, or still starting): never "not running", or an installer would start a
    second one."""

    status = 3  # the command line's exit status for it

    def __init__(self, detail: str) -> None:
        super().__init__(BUSY)
        self.detail = detail


class Endpoint:
    """Where the running app listens: its address, its key, its lock."""

    def __init__(self, runtime_dir: Path, key_file: Path, environ: Mapping[str, str] = os.environ) -> None:
        self.runtime_dir, self.key_file = runtime_dir, key_file  # runtime_dir: where older versions listened
        self.folders = peruser.folders(runtime_dir, environ)
        self.folder = self.folders[0]  # where it listens: the first folder it could lock
        self.lock_path = runtime_dir / "qlbreak.lock"  # Windows
        if sys.platform == "win32":
            self.address = rf"\\.\pipe\qlbreak-{_user()}"
        else:
            self.address = str(self.folder / peruser.SOCKET)
        self._environ = environ
        self._lock: IO[bytes] | None = None
        self._held: dict[Path, int] = {}  # POSIX: the locked folders, open
        self._guard = threading.RLock()  # the endpoint's thread looks again (look_again) while the app runs
        self._refused: dict[Path, int] = {}  # looks in a row a folder to take again was locked by another (look_again)

    def key(self, create: bool) -> bytes | None:
        """The endpoint's secret (None: none yet and ``create`` is False); made whole or
        not at all, so a crash never leaves an empty key. InstanceError when it cannot
        be read or made."""
        try:
            try:
                key = self.key_file.read_bytes()
            except FileNotFoundError:
                if not create:
                    return None
                private_folder(self.key_file.parent)
                with contextlib.suppress(FileExistsError):  # another qlbreak made it first: use that one
                    write_atomic(self.key_file, os.urandom(32), overwrite=False)
                key = self.key_file.read_bytes()
        except OSError as err:
            raise InstanceError(f"{self.key_file}: cannot use the single-instance key: {err}") from None
        if len(key) < 16:
            raise InstanceError(f"{self.key_file}: the single-instance key is broken; delete it and start qlbreak")
        return key

    # -- the running app ---------------------------------------------------------------

    def acquire(self) -> bool:
        """Take the per-user lock; False when another qlbreak holds it, InstanceError
        when the lock cannot be made at all (no folder of the user's can be written)."""
        if sys.platform == "win32":
            return self._acquire_file()
        with contextlib.suppress(OSError):  # the stretch window's lock lives there (window_locks)
            private_folder(self.runtime_dir)
        problems: list[str] = []
        for folder in self.folders:
            if self._take(folder, problems) is False:
                return False
        if not self._held and self.runtime_dir not in self.folders:
            # every folder of the uid is another user's (or cannot be made): a squatter
            # must not stop reminders, though this lock then depends on the environment
            log.warning("the one-per-user lock falls back to %s: %s", self.runtime_dir, "; ".join(problems))
            if self._take(self.runtime_dir, problems) is False:
                return False
        if not self._held:
            raise InstanceError(f"cannot take the one-per-user lock: {'; '.join(problems)}")
        older = dict.fromkeys(f / peruser.OLD_LOCK for f in (*self.folders, self.runtime_dir))
        if any(peruser.held_by_older(lock) for lock in older):
            self.release()  # an older qlbreak runs (an upgrade under way): it is the one
            return False
        return True

    def _take(self, folder: Path, problems: list[str]) -> bool | None:
        """Lock one folder: True taken, False another qlbreak holds it (all let go),
        None not usable (why added to ``problems``)."""
        if sys.platform == "win32":  # a lock file there (_acquire_file)
            return None
        try:
            fd = peruser.take(folder)
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
        if not self._held:
            self.folder, self.address = folder, str(folder / peruser.SOCKET)
        self._held[folder] = fd
        return True

    def _acquire_file(self) -> bool:
        try:
            private_folder(self.runtime_dir)
            handle = open(self.lock_path, "a+b")  # noqa: SIM115 - held for the app's life
        except OSError as err:
            raise InstanceError(f"{self.lock_path}: cannot take the one-per-user lock: {err}") from None
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        self._lock = handle
        return True

    def running(self) -> bool | None:
        """Whether a qlbreak holds the lock now (None: no lock can be taken here).
        No folder of the lock's there: none runs, and asking makes none."""
        if not any(folder.is_dir() for folder in (*self.folders, self.runtime_dir)):
            return False
        try:
            if self.acquire():
                self.release()
                return False
        except InstanceError:
            return None
        return True

    def listen(self, post: Post, known_ids: frozenset[str]) -> Server:
        """Serve commands on a daemon thread; call with the lock held. Every few seconds
        the thread looks again at the lock's folders (``look_again``)."""
        key = self.key(create=True)
        assert key is not None
        self._put_key(key)
        lost: list[bool] = []

        def look() -> bool:  # on the endpoint's thread: whether it may listen again where it did
            found = self.look_again()
            if found == "retaken":
                self._put_key(key)
            elif found == "lost" and not lost:  # another qlbreak runs now: it is the one
                from qlbreak.core.commands import Quit

                lost.append(True)
                post(Quit())
            return not lost

        tally = Tally()  # wrong keys and unknown messages count with the dropped clients
        try:
            if sys.platform == "win32":
                server: Server = PipeServer(self.address, tally)
            else:
                server = SocketServer(self.address, tally, look)
        except EndpointError as err:
            raise InstanceError(str(err)) from None
        server.start(lambda: serve(key, post, known_ids, tally))
        return server

    def _put_key(self, key: bytes) -> None:
        """The key beside the socket, for a client whose config folder differs."""
        if sys.platform == "win32":
            return
        try:
            write_atomic(self.folder / peruser.KEY, key)
        except OSError as err:
            log.warning("cannot put the endpoint's key beside it: %s", err)

    def look_again(self) -> Literal["same", "retaken", "lost"]:
        """Make, lock and keep again a folder of the lock that was removed or replaced
        under the running app (a tmp cleaner: ``rm -rf``, systemd-tmpfiles), and lock a
        folder of the uid's that appeared since it started (/run/user/<uid>, once logind
        made it): else the next start would be a second tray, and ``quit`` reach only
        that one. "retaken": the folder it listens in is new (listen there again);
        "lost": another qlbreak has held a folder to take again for several looks (it
        started in the gap, and runs: this one should quit)."""
        if sys.platform == "win32":
            return "same"
        with self._guard:
            if not self._held:
                return "same"  # let go: quitting
            appeared = [f for f in peruser.folders(self.runtime_dir, self._environ) if f not in self.folders]
            taken, lost = peruser.look_again(self.folders, appeared, self._held, self._refused)
            self.folders = (*self.folders, *(f for f in appeared if f in taken))
        if lost:
            return "lost"
        return "retaken" if self.folder in taken else "same"

    def release(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None
        with self._guard:
            while self._held:
                os.close(self._held.popitem()[1])

    # -- a second qlbreak ------------------------------------------------------------

    def send(self, message: str, timeout: float = 5.0, patience: float | None = None) -> str:
        """Ask the running app; its answer. InstanceError when no qlbreak runs (nobody
        holds the lock); TrayBusy when one holds it but has not answered after
        ``patience`` seconds of asking again."""
        import time

        data = message.encode("ascii")
        if len(data) > MAX_MESSAGE:
            raise InstanceError("message too long")
        deadline = time.monotonic() + (PATIENCE if patience is None else patience)
        delivered = False
        while True:
            left = deadline - time.monotonic()
            try:
                return self._send_once(data, max(0.2, min(timeout, left)))
            except InstanceError as err:
                delivered = delivered or err.delivered
                if not self.running():
                    err.delivered = delivered  # nobody holds the lock: not running, or it has just quit
                    raise
                if time.monotonic() >= deadline:
                    raise TrayBusy(str(err)) from None
                time.sleep(0.1)

    def _send_once(self, data: bytes, timeout: float) -> str:
        doors = self._doors()
        if not doors:
            if self.key(create=False) is None:
                raise InstanceError("no running qlbreak (no key)")
            raise InstanceError("cannot reach the running qlbreak: nothing listens")
        troubles: list[InstanceError] = []
        for address, key in doors:
            try:
                return self._ask(address, key(), data, timeout)
            except InstanceError as err:  # an old socket nobody listens on, say: the next
                troubles.append(err)
        trouble = InstanceError(str(troubles[0]))
        trouble.delivered = any(t.delivered for t in troubles)
        raise trouble

    def _doors(self) -> list[tuple[str, Callable[[], bytes]]]:
        """Where a running qlbreak may listen, each with its key: the user's own
        folders (the key beside the socket, else the config folder's), then where
        an older version listened."""
        if sys.platform == "win32":
            return [(self.address, self._config_key)]
        doors: list[tuple[str, Callable[[], bytes]]] = []
        for folder in dict.fromkeys((*self.folders, self.runtime_dir)):
            socket_path = folder / peruser.SOCKET
            if not (peruser.private(folder) and socket_path.is_socket()):
                continue
            doors.append((str(socket_path), partial(self._key_beside, folder / peruser.KEY)))
        return doors

    def _key_beside(self, beside: Path) -> bytes:
        return _read_key(beside) or self._config_key()

    def _config_key(self) -> bytes:
        key = self.key(create=False)
        if key is None:
            raise InstanceError("no running qlbreak (no key)")
        return key

    def _ask(self, address: str, key: bytes, data: bytes, timeout: float) -> str:
        try:
            if sys.platform == "win32":
                channel = connect_pipe(address, timeout)
            else:
                channel = connect_socket(address, timeout)
        except OSError as err:
            raise InstanceError(f"cannot reach the running qlbreak: {err}") from None
        written = False
        try:
            challenge = channel.recv(NONCE)
            mine = os.urandom(NONCE)
            channel.send(proof(key, b"client", challenge) + mine)
            if not same(channel.recv(NONCE), proof(key, b"server", mine)):
                raise InstanceError("the program at the endpoint does not hold qlbreak's key")
            channel.send(bytes([len(data)]) + data)
            written = True
            return channel.recv(channel.recv(1)[0]).decode("ascii", "replace")
        except OSError as err:
            trouble = InstanceError(f"cannot reach the running qlbreak: {err}")
            trouble.delivered = written
            raise trouble from None
        finally:
            channel.close()


def _read_key(path: Path) -> bytes | None:
    """The key beside a socket; None when missing or broken (the config folder's then)."""
    try:
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) >= 16 else None


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
