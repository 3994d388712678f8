"""The serving side of the single-instance endpoint, as steps (``endpoint.py`` says why):
both sides prove the key by HMAC over the other's challenge, then one short command and
one short reply, each with a one-byte length. Nothing is unpickled; only the commands
``parse`` knows are carried out. Hostile clients are counted in a ``Tally``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from qlbreak.edges.instance.channels import Dialogue, Tally

if TYPE_CHECKING:
    from qlbreak.edges.ports import Post

COMMANDS = ("ping", "stretch", "settings", "quit")
NONCE = 32  # bytes of a challenge, and of an HMAC-SHA256
MAX_MESSAGE = 255  # a command or a reply fits a one-byte length


def parse(message: bytes, known_ids: AbstractSet[str]) -> tuple[str, str | None] | None:
    """``b"stretch"``, ``b"stretch cat-cow"``, ``b"settings"``, ``b"ping"`` or ``b"quit"``;
    anything else is None."""
    try:
        words = message.decode("ascii").split()
    except UnicodeDecodeError:
        return None
    if words in (["ping"], ["quit"], ["settings"]):
        return (words[0], None)
    if words == ["stretch"]:
        return ("stretch", None)
    if len(words) == 2 and words[0] == "stretch" and words[1] in known_ids:
        return ("stretch", words[1])
    return None


def serve(key: bytes, post: Post, known_ids: AbstractSet[str], tally: Tally) -> Dialogue:
    """The serving side of one client, as steps: each ``yield`` sends bytes and asks for
    the next so many (0: done); both sides prove the key, then one command, one reply.
    The same steps run over a socket (POSIX) and over a pipe (Windows)."""
    from qlbreak.core.commands import OpenSettings, Quit, StretchNow  # the lock comes first, not these

    challenge = os.urandom(NONCE)
    answer = yield challenge, 2 * NONCE  # their proof, then their own challenge
    if not same(answer[:NONCE], proof(key, b"client", challenge)):
        tally.note("refused a connection: wrong key", logging.WARNING)
        return
    length = (yield proof(key, b"server", answer[NONCE:]), 1)[0]
    message = (yield b"", length) if length else b""
    command = parse(message, known_ids)
    if command is None:
        tally.note(f"ignored an unknown message {message[:60]!r}", logging.WARNING)
        yield _framed("error: unknown command"), 0
        return
    if command[0] != "ping":  # a window opened, or the app quit, because another qlbreak asked: said why
        tally.note(f"asked by another qlbreak: {' '.join(filter(None, command))}", logging.INFO)
    if command[0] == "stretch":
        post(StretchNow(command[1]))
    elif command[0] == "settings":  # `qlbreak settings` while the tray runs: it hears the save
        post(OpenSettings())
    elif command[0] == "quit":  # the installer, before it starts a newer qlbreak
        post(Quit())
    yield _framed("ok"), 0


def proof(key: bytes, side: bytes, challenge: bytes) -> bytes:
    import hashlib  # here, not at start: OpenSSL costs ~4 ms before the icon docks
    import hmac

    return hmac.new(key, b"qlbreak-" + side + challenge, hashlib.sha256).digest()


def same(a: bytes, b: bytes) -> bool:
    import hmac

    return hmac.compare_digest(a, b)


def _framed(text: str) -> bytes:
    data = text.encode("ascii")[:MAX_MESSAGE]
    return bytes([len(data)]) + data
