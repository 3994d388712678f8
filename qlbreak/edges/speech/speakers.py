"""Saying a line with a program of the system's, in a child process started and left.

A cue must never hold the window up, so ``say`` starts the program and returns; the
program says the line on its own. Only the newest cue matters: a child still talking
when the next cue comes is stopped first, so at most one talks at a time and an old
line never runs on over the new one. Each engine's command line is built here (a test
checks them with a fake ``Start``); ``edges/choose.py`` picks the engine.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import subprocess
from collections.abc import Callable, Sequence
from typing import Protocol

from qlbreak.core import words

log = logging.getLogger("qlbreak")
CREATE_NO_WINDOW = 0x08000000  # subprocess.CREATE_NO_WINDOW (Windows only): no console flashes up

Argv = Callable[[str], list[str]]  # the command line that says a text


class Child(Protocol):
    def poll(self) -> int | None: ...

    def terminate(self) -> None: ...


Start = Callable[[Sequence[str], int], Child]  # a command line and its creation flags -> the child


def popen(argv: Sequence[str], flags: int) -> Child:
    """The child, on its own (no console on Windows, its own session elsewhere), with no
    pipes to fill: nothing of it can block the window."""
    devnull = subprocess.DEVNULL
    return subprocess.Popen(
        list(argv), stdin=devnull, stdout=devnull, stderr=devnull, creationflags=flags, start_new_session=not flags
    )


class CommandSpeaker:
    """``say`` runs ``argv(text)``; the child still talking is stopped first. A program
    that cannot start (gone since it was found) makes it silent, said once in the log."""

    def __init__(self, argv: Argv, start: Start = popen, flags: int = 0) -> None:
        self.argv, self.start, self.flags = argv, start, flags
        self.child: Child | None = None
        self.broken = False

    def say(self, text: str) -> None:
        if self.broken:
            return
        self.stop()
        argv = self.argv(text.lstrip("-"))  # a line of ours, never an option
        try:
            self.child = self.start(argv, self.flags)
        except (OSError, ValueError) as err:  # ValueError: Windows' flags on another system
            self.broken = True
            log.warning("spoken cues stay silent: %s could not start (%s)", argv[0], err)

    def stop(self) -> None:
        child, self.child = self.child, None
        if child is not None and child.poll() is None:
            with contextlib.suppress(OSError):  # it ended meanwhile
                child.terminate()


# -- each engine's command line ------------------------------------------------------------


def _language() -> str | None:
    """The language qlbreak speaks now ("de", "pt_BR"), read at each line (Settings may
    change it); None for English, the engines' own default: a German line said with an
    English voice is not understood."""
    code = words.current().code
    return None if code == "en" else code


def spd_say(program: str) -> Argv:
    """speech-dispatcher: the voice and speed the desktop set (a screen reader's too),
    in qlbreak's language. ``--wait`` keeps the child alive while it speaks, so stopping
    it means something; the priority "text" makes the server drop our older line for a
    newer one."""

    def argv(text: str) -> list[str]:
        code = _language()
        language = ["-l", code.split("_")[0]] if code else []  # -l: an ISO language code
        return [program, "--wait", "--priority", "text", *language, "--", text]

    return argv


def espeak(program: str, wav: str | None = None) -> Argv:
    """espeak-ng or espeak, at a calm speed (words a minute), with the voice of qlbreak's
    language; ``wav``: into that file instead of the speakers (the test measures it)."""
    into = ["-w", wav] if wav is not None else []

    def argv(text: str) -> list[str]:
        code = _language()
        voice = ["-v", code.lower().replace("_", "-")] if code else []
        return [program, *voice, "-s", "150", *into, "--", text]

    return argv


def say(program: str) -> Argv:
    """macOS's ``say``, with the voice chosen in the system's settings."""
    return lambda text: [program, text]


SAPI = "Add-Type -AssemblyName System.Speech; (New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak('{}')"


def sapi(powershell: str) -> Argv:
    """Windows' own voice (SAPI) through PowerShell's System.Speech. The script goes in
    encoded (UTF-16, base64), so no quoting rule of the command line can break it;
    stopping PowerShell stops the voice, which lives in it."""

    def argv(text: str) -> list[str]:
        script = SAPI.format(text.replace("'", "''"))
        encoded = base64.b64encode(script.encode("utf-16-le")).decode("ascii")
        return [powershell, "-NoProfile", "-NonInteractive", "-WindowStyle", "Hidden", "-EncodedCommand", encoded]

    return argv
