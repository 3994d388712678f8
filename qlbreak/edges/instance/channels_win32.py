"""The endpoint's bytes on Windows: a named pipe (``channels.py`` chooses this module).

Design: multiprocessing.connection's pipe, a thread a client (pipes do not go into a
selector), at most ``MAX_CLIENTS`` at once; untested on Windows itself here, type-checked for win32.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from qlbreak.edges.instance.channels import (
    MAX_CLIENTS,
    Channel,
    Dialogue,
    EndpointError,
    Server,
    Tally,
    _PipeChannel,
    converse,
)

assert sys.platform == "win32"  # imported on Windows only; mypy checks it as such

READ_SECONDS = 0.5  # each read, where a thread serves a client


def listen(address: str, tally: Tally, look: Callable[[], bool]) -> Server:
    """A ``PipeServer`` at ``address``; ``look`` is not called: there is no folder to
    look at again (``channels.Transport.listen``)."""
    return PipeServer(address, tally)


class PipeServer:
    """A thread a client (pipes do not go into a selector), at most ``MAX_CLIENTS`` at
    once, each read with a deadline."""

    def __init__(self, address: str, tally: Tally | None = None) -> None:
        from multiprocessing.connection import Listener

        self.tally = tally or Tally()
        try:
            self._listener = Listener(address, family="AF_PIPE")  # no authkey: we prove it ourselves
        except OSError as err:
            raise EndpointError(f"{address}: cannot listen: {err}") from None
        self._closed = threading.Event()
        self._slots = threading.BoundedSemaphore(MAX_CLIENTS)

    def start(self, new_dialogue: Callable[[], Dialogue]) -> None:
        threading.Thread(target=self._accept_all, args=(new_dialogue,), daemon=True, name="qlbreak-ipc").start()

    def close(self) -> None:
        self._closed.set()
        self._listener.close()

    def _accept_all(self, new_dialogue: Callable[[], Dialogue]) -> None:
        while not self._closed.is_set():
            try:
                channel = _PipeChannel(self._listener.accept(), READ_SECONDS)
            except OSError as err:
                if self._closed.is_set():
                    return
                self.tally.note(f"the endpoint could not accept a client: {err}", logging.WARNING)
                time.sleep(0.1)
                continue
            if not self._slots.acquire(blocking=False):
                channel.close()
                continue
            threading.Thread(target=self._serve_one, args=(new_dialogue(), channel), daemon=True).start()

    def _serve_one(self, dialogue: Dialogue, channel: Channel) -> None:
        try:
            converse(dialogue, channel)
        except OSError as err:
            self.tally.note(f"dropped a client of the endpoint: {err}")
        finally:
            channel.close()
            self._slots.release()


def connect(address: str, timeout: float) -> Channel:
    """A channel to the pipe at ``address``; OSError when nobody listens there."""
    from multiprocessing.connection import Client

    return _PipeChannel(Client(address, family="AF_PIPE"), timeout)


if TYPE_CHECKING:  # mypy: this module is the transport channels.py expects
    from qlbreak.edges.instance import channels, channels_win32  # noqa: PLW0406 - itself, as a module

    _is_a_transport: channels.Transport = channels_win32
