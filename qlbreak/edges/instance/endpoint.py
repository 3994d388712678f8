"""One qlbreak per user: a lock, and a private endpoint the running app listens on.

Design: the key, the asking and the listening are here; the lock and where it listens go
to ``endpoint_posix.py`` or ``endpoint_win32.py``, chosen once at the end by ``System.unix_sockets``.

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
import importlib
import logging
import os
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from qlbreak.core.words import N_, _
from qlbreak.edges.instance import channels, peruser
from qlbreak.edges.instance.channels import EndpointError, Server, Tally
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
from qlbreak.system import THIS, System

if TYPE_CHECKING:
    from qlbreak.edges.ports import Post

log = logging.getLogger("qlbreak")
PATIENCE = 4.0  # seconds a client keeps asking a qlbreak that holds the lock (it may be starting, or busy)
BUSY = N_("qlbreak is running but did not answer in time; try again in a moment")  # said in the user's words


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
        super().__init__(_(BUSY))  # said on the command line, in the user's language
        self.detail = detail


class Endpoint:
    """Where the running app listens: its address, its key, its lock."""

    def __init__(self, runtime_dir: Path, key_file: Path, environ: Mapping[str, str] = os.environ) -> None:
        self.runtime_dir, self.key_file = runtime_dir, key_file  # runtime_dir: where older versions listened
        self.folders = peruser.folders(runtime_dir, environ)
        self.folder = self.folders[0]  # where it listens: the first folder it could lock
        self.lock_path = runtime_dir / "qlbreak.lock"  # Windows
        self.environ = environ
        self._lock = _platform.new_lock()
        self.address = self._lock.address(self)

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
        return self._lock.acquire(self)

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

    def listen(self, post: Post, known_ids: AbstractSet[str]) -> Server:
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
            server = channels.listen(self.address, tally, look)
        except EndpointError as err:
            raise InstanceError(str(err)) from None
        server.start(lambda: serve(key, post, known_ids, tally))
        return server

    def _put_key(self, key: bytes) -> None:
        """The key beside the socket, for a client whose config folder differs."""
        self._lock.put_key(self, key)

    def look_again(self) -> Literal["same", "retaken", "lost"]:
        """Make, lock and keep again a folder of the lock that was removed or replaced
        under the running app (a tmp cleaner: ``rm -rf``, systemd-tmpfiles), and lock a
        folder of the uid's that appeared since it started (/run/user/<uid>, once logind
        made it): else the next start would be a second tray, and ``quit`` reach only
        that one. "retaken": the folder it listens in is new (listen there again);
        "lost": another qlbreak has held a folder to take again for several looks (it
        started in the gap, and runs: this one should quit)."""
        return self._lock.look_again(self)

    def release(self) -> None:
        self._lock.release()

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
        """Where a running qlbreak may listen, each with its key."""
        return self._lock.doors(self, self._config_key)

    def _config_key(self) -> bytes:
        key = self.key(create=False)
        if key is None:
            raise InstanceError("no running qlbreak (no key)")
        return key

    def _ask(self, address: str, key: bytes, data: bytes, timeout: float) -> str:
        try:
            channel = channels.connect(address, timeout)
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


class Lock(Protocol):
    """The one-per-user lock and where the app listens, as this system has them
    (``endpoint_posix.Folders``: the uid's folders; ``endpoint_win32.LockFile``: a file)."""

    def address(self, endpoint: Endpoint) -> str:
        """Where the app listens until ``acquire`` says otherwise."""
        ...

    def acquire(self, endpoint: Endpoint) -> bool:
        """As ``Endpoint.acquire``; may set ``endpoint.folder`` and ``address``."""
        ...

    def look_again(self, endpoint: Endpoint) -> Literal["same", "retaken", "lost"]:
        """As ``Endpoint.look_again``; may add to ``endpoint.folders``."""
        ...

    def put_key(self, endpoint: Endpoint, key: bytes) -> None:
        """The key beside where it listens, where a client may read it there."""
        ...

    def doors(self, endpoint: Endpoint, config_key: Callable[[], bytes]) -> list[tuple[str, Callable[[], bytes]]]:
        """Where a running qlbreak may listen, each with how to get its key."""
        ...

    def release(self) -> None: ...


class Platform(Protocol):
    """What ``endpoint_posix`` and ``endpoint_win32`` each are (mypy checks each module
    against it on its own platform)."""

    def new_lock(self) -> Lock: ...


def _chosen(system: System = THIS) -> Platform:
    """This system's half, its module imported here only (each guards its platform)."""
    name = "endpoint_posix" if system.unix_sockets else "endpoint_win32"
    return importlib.import_module(f"qlbreak.edges.instance.{name}")


# last: the chosen module imports the names above (its own first import may run this one)
_platform = _chosen()
