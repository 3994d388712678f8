"""How the single-instance endpoint's bytes travel (``endpoint.py`` says what they mean).

Design: what every system shares is here; ``listen`` and ``connect`` go to
``channels_posix.py`` or ``channels_win32.py``, chosen once at the end by ``System.unix_sockets``.

POSIX: a Unix socket, served by one thread and one selector for every client, so a
client that is silent, slow or broken costs a file handle until its deadline and holds
nobody up. Windows: a named pipe through multiprocessing.connection, a thread a client
(pipes do not go into a selector; untested on Windows itself here, type-checked for
win32). Either way the serving side runs a ``Dialogue``: steps that each send bytes and
ask for the next so many.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Callable, Generator
from typing import Protocol

from qlbreak.system import THIS, System

log = logging.getLogger("qlbreak")
Dialogue = Generator[tuple[bytes, int], bytes, None]
MAX_CLIENTS = 64  # connected at once; then a newcomer takes the place of one silent this long, or is closed
PIPE_MESSAGE = 512  # the longest message the dialogue sends over a pipe


class EndpointError(Exception):
    """The endpoint cannot listen; the message says why."""


class Tally:
    """What hostile or broken clients did, logged at most once a minute with how many
    since: a flood of clients that connect and drop wrote 2,333 lines in 20 s."""

    def __init__(self, every: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._every, self._clock = every, clock
        self._guard = threading.Lock()  # a thread a client on Windows
        self._last: float | None = None  # when a line was last written
        self._untold = 0  # events since then, not logged one by one

    def note(self, text: str, level: int = logging.INFO) -> None:
        with self._guard:
            now = self._clock()
            if self._last is not None and now - self._last < self._every:
                self._untold += 1
                return
            untold, self._last, self._untold = self._untold, now, 0
        log.log(level, "%s%s", text, _more(untold))

    def flush(self) -> None:
        """Tell what is still untold (the endpoint closes)."""
        with self._guard:
            untold, self._untold = self._untold, 0
        if untold:
            log.info("the endpoint's clients%s", _more(untold))


def _more(untold: int) -> str:
    return f" ({untold} more such in the last minute: dropped, refused or unknown)" if untold else ""


class Channel(Protocol):
    """Bytes to and from the other side; ``recv`` returns exactly ``size`` bytes or
    raises OSError (closed, too slow, a broken frame)."""

    def send(self, data: bytes) -> None: ...

    def recv(self, size: int) -> bytes: ...

    def close(self) -> None: ...


class Server(Protocol):
    def start(self, new_dialogue: Callable[[], Dialogue]) -> None: ...

    def close(self) -> None: ...


class Transport(Protocol):
    """What ``channels_posix`` and ``channels_win32`` each are (mypy checks each module
    against it on its own platform)."""

    def listen(self, address: str, tally: Tally, look: Callable[[], bool]) -> Server:
        """Listen at ``address``; ``look``: called every few seconds on the serving
        thread where there is a folder to look at again (False: listen no more).
        EndpointError when it cannot."""
        ...

    def connect(self, address: str, timeout: float) -> Channel:
        """A channel to whoever listens at ``address``; OSError when nobody does."""
        ...


def listen(address: str, tally: Tally, look: Callable[[], bool]) -> Server:
    """Listen at ``address`` the way this system does (see ``Transport.listen``)."""
    return _transport.listen(address, tally, look)


def connect(address: str, timeout: float) -> Channel:
    """Reach ``address`` the way this system does (see ``Transport.connect``)."""
    return _transport.connect(address, timeout)


def converse(dialogue: Dialogue, channel: Channel) -> None:
    """Run a dialogue over a blocking channel (each read has its own deadline)."""
    data, want = next(dialogue)
    while True:
        if data:
            channel.send(data)
        if not want:
            return
        try:
            data, want = dialogue.send(channel.recv(want))
        except StopIteration:
            return


class _Conn(Protocol):
    """What a multiprocessing.connection connection (a pipe's, on Windows) offers."""

    def send_bytes(self, buf: bytes) -> None: ...

    def recv_bytes(self, maxlength: int | None = None) -> bytes: ...

    def poll(self, timeout: float | None = 0.0) -> bool: ...

    def close(self) -> None: ...


class _PipeChannel:
    """A stream over a connection that carries messages (a named pipe's, on Windows),
    each read with a deadline: plain Python, so it is tested on every system."""

    def __init__(self, conn: _Conn, timeout: float) -> None:
        self.conn, self.timeout = conn, timeout
        self._buffer = b""  # a pipe carries messages; the dialogue reads a stream

    def send(self, data: bytes) -> None:
        if data:
            self.conn.send_bytes(data)

    def recv(self, size: int) -> bytes:
        while len(self._buffer) < size:
            if not self.conn.poll(self.timeout):
                raise OSError("no answer in time")
            self._buffer += self.conn.recv_bytes(PIPE_MESSAGE)  # longer: OSError, a broken frame
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data

    def close(self) -> None:
        self.conn.close()


def _chosen(system: System = THIS) -> Transport:
    """This system's transport, its module imported here only (each guards its platform)."""
    name = "channels_posix" if system.unix_sockets else "channels_win32"
    return importlib.import_module(f"qlbreak.edges.instance.{name}")


# last: the chosen module imports the names above (its own first import may run this one)
_transport = _chosen()
