"""One qlbreak per user: a lock, and a private endpoint the running app listens on.

The endpoint is a Unix socket in the user's runtime folder (0700) on POSIX, a named
pipe on Windows. Both sides prove they hold the key in the user's config folder (a
0600 file) by HMAC over the other's random challenge, then one short command and one
short reply travel, each with a one-byte length: nothing is ever unpickled, and only
the commands ``parse`` knows are carried out.

No client can stop or hold up the endpoint: the listener only accepts, and each
connection is served on its own thread with a deadline for every read
(``HANDSHAKE_SECONDS``); a client that closes early, sends a short or oversized
frame, stays silent or has the wrong key is dropped, and at most
``MAX_CLIENTS`` are served at once (more are closed at once).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
import secrets
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Protocol

from qlbreak.core.commands import StretchNow
from qlbreak.storage.privacy import private_folder
from qlbreak.tray.ports import Post

log = logging.getLogger("qlbreak")
COMMANDS = ("ping", "stretch")
NONCE = 32  # bytes of a challenge, and of an HMAC-SHA256
MAX_MESSAGE = 255  # a command or a reply fits a one-byte length
HANDSHAKE_SECONDS = 1.0  # for each read, on the serving side
MAX_CLIENTS = 8


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


class Channel(Protocol):
    """Bytes to and from the other side; ``recv`` returns exactly ``size`` bytes or
    raises OSError (closed, too slow, a broken frame)."""

    def send(self, data: bytes) -> None: ...

    def recv(self, size: int) -> bytes: ...

    def close(self) -> None: ...


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
        private_folder(self.key_file.parent)
        fd = os.open(self.key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(secrets.token_bytes(32))
        return self.key_file.read_bytes()

    # -- the running app ---------------------------------------------------------------

    def acquire(self) -> bool:
        """Take the per-user lock; False when another qlbreak holds it."""
        private_folder(self.runtime_dir)
        handle = open(self.lock_path, "a+b")  # noqa: SIM115 - held for the app's life
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        self._lock = handle
        return True

    def listen(self, post: Post, known_ids: frozenset[str]) -> Server:
        """Serve commands on a daemon thread; call with the lock held."""
        key = self.key(create=True)
        assert key is not None
        if sys.platform == "win32":
            server: Server = _PipeServer(self.address)
        else:
            server = _SocketServer(self.address)
        server.start(lambda channel: _answer(channel, key, post, known_ids))
        return server

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
        data = message.encode("ascii")
        if len(data) > MAX_MESSAGE:
            raise InstanceError("message too long")
        try:
            if sys.platform == "win32":
                channel = _connect_pipe(self.address, timeout)
            else:
                channel = _connect(self.address, timeout)
        except OSError as err:
            raise InstanceError(f"cannot reach the running qlbreak: {err}") from None
        try:
            challenge = channel.recv(NONCE)
            mine = secrets.token_bytes(NONCE)
            channel.send(_proof(key, b"client", challenge) + mine)
            if not hmac.compare_digest(channel.recv(NONCE), _proof(key, b"server", mine)):
                raise InstanceError("the program at the endpoint does not hold qlbreak's key")
            channel.send(bytes([len(data)]) + data)
            return channel.recv(channel.recv(1)[0]).decode("ascii", "replace")
        except OSError as err:
            raise InstanceError(f"cannot reach the running qlbreak: {err}") from None
        finally:
            channel.close()


def _answer(channel: Channel, key: bytes, post: Post, known_ids: frozenset[str]) -> None:
    """One client: both sides prove the key, then one command and one reply."""
    challenge = secrets.token_bytes(NONCE)
    channel.send(challenge)
    if not hmac.compare_digest(channel.recv(NONCE), _proof(key, b"client", challenge)):
        log.warning("refused a connection: wrong key")
        return
    channel.send(_proof(key, b"server", channel.recv(NONCE)))
    message = channel.recv(channel.recv(1)[0])
    command = parse(message, known_ids)
    if command is None:
        log.warning("ignored an unknown message %r", message[:60])
        _reply(channel, "error: unknown command")
        return
    if command[0] == "stretch":
        post(StretchNow(command[1]))
    _reply(channel, "ok")


def _proof(key: bytes, side: bytes, challenge: bytes) -> bytes:
    return hmac.new(key, b"qlbreak-" + side + challenge, hashlib.sha256).digest()


def _reply(channel: Channel, text: str) -> None:
    data = text.encode("ascii")[:MAX_MESSAGE]
    channel.send(bytes([len(data)]) + data)


class Server:
    """Accepts clients until closed, serving each on a thread of its own."""

    def __init__(self) -> None:
        self._closed = threading.Event()
        self._slots = threading.BoundedSemaphore(MAX_CLIENTS)

    def start(self, serve: Callable[[Channel], None]) -> None:
        threading.Thread(target=self._accept_all, args=(serve,), daemon=True, name="qlbreak-ipc").start()

    def close(self) -> None:
        self._closed.set()

    def _accept_all(self, serve: Callable[[Channel], None]) -> None:
        while not self._closed.is_set():
            try:
                channel = self._accept()
            except OSError as err:
                if self._closed.is_set():
                    return
                log.warning("the endpoint could not accept a client: %s", err)
                time.sleep(0.1)  # out of file handles, say: give it a moment
                continue
            if not self._slots.acquire(blocking=False):
                channel.close()  # too many at once: a flood, not a second qlbreak
                continue
            threading.Thread(target=self._serve_one, args=(serve, channel), daemon=True).start()

    def _serve_one(self, serve: Callable[[Channel], None], channel: Channel) -> None:
        try:
            serve(channel)
        except OSError as err:  # closed early, too slow, a broken frame
            log.info("dropped a client of the endpoint: %s", err or type(err).__name__)
        finally:
            channel.close()
            self._slots.release()

    def _accept(self) -> Channel:
        raise NotImplementedError


if sys.platform != "win32":  # Unix sockets; Windows has named pipes below

    class _SocketChannel:
        def __init__(self, sock: socket.socket, timeout: float) -> None:
            self.sock = sock
            sock.settimeout(timeout)

        def send(self, data: bytes) -> None:
            self.sock.sendall(data)

        def recv(self, size: int) -> bytes:
            data = b""
            while len(data) < size:
                chunk = self.sock.recv(size - len(data))
                if not chunk:
                    raise OSError("the other side closed the connection")
                data += chunk
            return data

        def close(self) -> None:
            self.sock.close()

    class _SocketServer(Server):
        def __init__(self, address: str) -> None:
            super().__init__()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(address)  # stale: we hold the lock, so nobody listens there
            self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                self._sock.bind(address)
                self._sock.listen(MAX_CLIENTS)
            except OSError as err:
                self._sock.close()
                raise InstanceError(f"{address}: cannot listen: {err}") from None

        def _accept(self) -> Channel:
            conn, _ = self._sock.accept()
            return _SocketChannel(conn, HANDSHAKE_SECONDS)

        def close(self) -> None:
            super().close()
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
            self._sock.close()

    def _connect(address: str, timeout: float) -> Channel:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect(address)
        except OSError:
            sock.close()
            raise
        return _SocketChannel(sock, timeout)


class _Conn(Protocol):
    """What a multiprocessing.connection connection (a pipe's, on Windows) offers."""

    def send_bytes(self, buf: bytes) -> None: ...

    def recv_bytes(self, maxlength: int | None = None) -> bytes: ...

    def poll(self, timeout: float | None = 0.0) -> bool: ...

    def close(self) -> None: ...


class _PipeChannel:
    """Windows: a named pipe through multiprocessing.connection, each read with a
    deadline (untested on Windows itself here; type-checked for win32)."""

    def __init__(self, conn: _Conn, timeout: float) -> None:
        self.conn, self.timeout = conn, timeout

    def send(self, data: bytes) -> None:
        self.conn.send_bytes(data)

    def recv(self, size: int) -> bytes:
        if not self.conn.poll(self.timeout):
            raise OSError("no answer in time")
        data = self.conn.recv_bytes(max(size, 1))
        if len(data) != size:
            raise OSError("a broken frame")
        return data

    def close(self) -> None:
        self.conn.close()


class _PipeServer(Server):
    def __init__(self, address: str) -> None:
        from multiprocessing.connection import Listener

        super().__init__()
        try:
            self._listener = Listener(address, family="AF_PIPE")  # no authkey: we prove it ourselves
        except OSError as err:
            raise InstanceError(f"{address}: cannot listen: {err}") from None

    def _accept(self) -> Channel:
        return _PipeChannel(self._listener.accept(), HANDSHAKE_SECONDS)

    def close(self) -> None:
        super().close()
        self._listener.close()


def _connect_pipe(address: str, timeout: float) -> Channel:
    from multiprocessing.connection import Client

    return _PipeChannel(Client(address, family="AF_PIPE"), timeout)


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
