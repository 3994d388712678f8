"""The endpoint's bytes on POSIX: a Unix socket (``channels.py`` chooses this module).

Design: one thread and one selector serve every client, so a client that is silent,
slow or broken costs a file handle until its deadline and holds nobody up.
"""

from __future__ import annotations

import contextlib
import logging
import os
import selectors
import socket
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from qlbreak.edges.instance.channels import MAX_CLIENTS, Channel, Dialogue, EndpointError, Server, Tally

assert sys.platform != "win32"  # imported where there are Unix sockets; mypy checks it as such

log = logging.getLogger("qlbreak")
DEADLINE_SECONDS = 1.0  # a client's whole conversation, on the serving side (a real one takes ms)
LOOK_SECONDS = 20.0  # how often the serving thread looks again at its folder and socket (a tmp cleaner);
# idle goal (docs/benchmarks.md): at most 6 wakeups a minute, all threads: 3 here, 1 the alarm's look
SILENT_SECONDS = 0.25  # a real client answers the challenge within milliseconds


def listen(address: str, tally: Tally, look: Callable[[], bool]) -> Server:
    """A ``SocketServer`` at ``address`` (``channels.Transport.listen``)."""
    return SocketServer(address, tally, look)


class _SocketChannel:
    """The client's side: blocking, with a timeout."""

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


class _Client:
    """One connected client on the serving side, moved on as its socket allows."""

    def __init__(self, sock: socket.socket, dialogue: Dialogue) -> None:
        self.sock, self.dialogue = sock, dialogue
        self.since = time.monotonic()
        self.deadline = self.since + DEADLINE_SECONDS
        self.out, self.got, self.want, self.done = b"", b"", 0, False
        self.heard = False  # a byte from it yet: a crowd of silent clients must not lock out a real one
        self._step(None)

    def _step(self, received: bytes | None) -> None:
        try:
            data, self.want = next(self.dialogue) if received is None else self.dialogue.send(received)
        except StopIteration:
            data, self.want = b"", 0
        self.out, self.got, self.done = self.out + data, b"", self.want == 0

    def readable(self) -> None:
        chunk = self.sock.recv(self.want - len(self.got))
        if not chunk:
            raise OSError("the client left")
        self.heard = True
        self.got += chunk
        if len(self.got) == self.want:
            self._step(self.got)

    def writable(self) -> None:
        self.out = self.out[self.sock.send(self.out) :]

    @property
    def events(self) -> int:
        if self.out:
            return selectors.EVENT_WRITE
        return 0 if self.done else selectors.EVENT_READ


class SocketServer:
    """One thread and one selector for every client: a client that is silent, slow
    or broken costs a file handle until its deadline, and holds nobody up."""

    def __init__(self, address: str, tally: Tally | None = None, look: Callable[[], bool] | None = None) -> None:
        """``look``: called every LOOK_SECONDS on the serving thread (the lock's
        folders taken again); False: listen no more where it did (another has it)."""
        self.tally, self._address, self._look = tally or Tally(), address, look
        self._sock, self._bound = _bind(address)
        self._wake, self._waker = socket.socketpair()
        self._closed = threading.Event()
        self._crowded = False

    def start(self, new_dialogue: Callable[[], Dialogue]) -> None:
        threading.Thread(target=self._serve, args=(new_dialogue,), daemon=True, name="qlbreak-ipc").start()

    def close(self) -> None:
        self._closed.set()
        with contextlib.suppress(OSError):
            self._waker.send(b"!")

    def _serve(self, new_dialogue: Callable[[], Dialogue]) -> None:
        selector = selectors.DefaultSelector()
        selector.register(self._sock, selectors.EVENT_READ)
        selector.register(self._wake, selectors.EVENT_READ)
        clients: dict[socket.socket, _Client] = {}
        next_look = time.monotonic() + LOOK_SECONDS
        try:
            while not self._closed.is_set():
                # asleep until a client, the waker, the nearest client deadline or the
                # next look (every LOOK_SECONDS; it woke four times a second once)
                soonest = min((c.deadline for c in clients.values()), default=None)
                if self._look is not None:  # every few seconds: a tmp cleaner may remove the folder
                    soonest = min(soonest or next_look, next_look)
                wait = None if soonest is None else max(0.0, soonest - time.monotonic())
                for key, events in selector.select(timeout=wait):
                    if key.fileobj is self._sock:
                        self._accept(selector, clients, new_dialogue)
                    elif key.fileobj in clients:
                        self._move_on(selector, clients, clients[key.fileobj], events)  # type: ignore[index,unused-ignore]
                now = time.monotonic()
                if now >= next_look:
                    next_look = now + LOOK_SECONDS
                    self._look_again(selector)
                for client in [c for c in clients.values() if now > c.deadline]:
                    self.tally.note("dropped a client of the endpoint: too slow")
                    self._drop(selector, clients, client)
        finally:
            for client in list(clients.values()):
                self._drop(selector, clients, client)
            selector.close()
            for sock in (self._sock, self._wake, self._waker):
                sock.close()
            self.tally.flush()

    def _look_again(self, selector: selectors.BaseSelector) -> None:
        """The folder taken again (``look``), then the socket: removed or replaced
        (a tmp cleaner), it listens again at the same address."""
        assert self._look is not None
        try:
            if not self._look() or _identity(self._address) == self._bound:
                return
            sock, bound = _bind(self._address)
        except (OSError, EndpointError) as err:  # the next look tries again
            self.tally.note(f"cannot listen again: {err}", logging.WARNING)
            return
        selector.unregister(self._sock)
        self._sock.close()
        self._sock, self._bound = sock, bound
        selector.register(sock, selectors.EVENT_READ)
        log.info("listening again at %s", self._address)  # the folder's line said why

    def _accept(
        self, selector: selectors.BaseSelector, clients: dict[socket.socket, _Client], new: Callable[[], Dialogue]
    ) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except BlockingIOError:
                return
            except OSError as err:  # out of file handles, say: the next round tries again
                self.tally.note(f"the endpoint could not accept a client: {err}", logging.WARNING)
                return
            if len(clients) >= MAX_CLIENTS and not self._make_room(selector, clients):
                conn.close()  # a crowd that is still talking: the newcomer asks again
                continue
            conn.setblocking(False)
            client = clients[conn] = _Client(conn, new())
            selector.register(conn, client.events)

    def _make_room(self, selector: selectors.BaseSelector, clients: dict[socket.socket, _Client]) -> bool:
        """Drop the client silent longest, if it has been silent a while: 64 that
        connect and say nothing must not keep a second qlbreak out."""
        now = time.monotonic()
        silent = [c for c in clients.values() if not c.heard and now - c.since >= SILENT_SECONDS]
        if not silent:
            return False
        if not self._crowded:  # once: a crowd comes back as fast as it is dropped
            self._crowded = True
            log.warning("a crowd of silent clients at the endpoint: the one silent longest makes room")
        self._drop(selector, clients, min(silent, key=lambda c: c.since))
        return True

    def _move_on(
        self, selector: selectors.BaseSelector, clients: dict[socket.socket, _Client], client: _Client, events: int
    ) -> None:
        try:
            if events & selectors.EVENT_WRITE:
                client.writable()
            elif events & selectors.EVENT_READ:
                client.readable()
        except (OSError, ValueError) as err:  # gone, or a broken frame
            self.tally.note(f"dropped a client of the endpoint: {err}")
            self._drop(selector, clients, client)
            return
        if client.events:
            selector.modify(client.sock, client.events)
        else:
            self._drop(selector, clients, client)  # answered

    def _drop(self, selector: selectors.BaseSelector, clients: dict[socket.socket, _Client], client: _Client) -> None:
        clients.pop(client.sock, None)
        with contextlib.suppress(KeyError, ValueError):
            selector.unregister(client.sock)
        client.dialogue.close()
        client.sock.close()


def _bind(address: str) -> tuple[socket.socket, tuple[int, int] | None]:
    """A listening socket at ``address``, and the identity of its file there."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(address)  # stale: we hold the lock, so nobody listens there
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(address)
        sock.listen(MAX_CLIENTS)
    except OSError as err:
        sock.close()
        raise EndpointError(f"{address}: cannot listen: {err}") from None
    sock.setblocking(False)
    return sock, _identity(address)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def connect(address: str, timeout: float) -> Channel:
    """A channel to the socket at ``address``; OSError when nobody listens there."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(address)
    except OSError:
        sock.close()
        raise
    return _SocketChannel(sock, timeout)


if TYPE_CHECKING:  # mypy: this module is the transport channels.py expects
    from qlbreak.edges.instance import channels, channels_posix  # noqa: PLW0406 - itself, as a module

    _is_a_transport: channels.Transport = channels_posix
