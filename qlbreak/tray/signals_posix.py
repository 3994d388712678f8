"""The tray's POSIX-only signals, asked for where ``System.signals`` says they exist.

The ``sys.platform`` guards here are for mypy alone (it checks each platform's names):
the callers decide by the flag, never by the OS.
"""

from __future__ import annotations

import faulthandler
import signal
import sys
from typing import IO


def hang_up() -> list[signal.Signals]:
    """SIGHUP: the terminal the tray was started from closed."""
    if sys.platform == "win32":
        return []
    return [signal.SIGHUP]


def stacks_on_usr1(stream: IO[str]) -> None:
    """``kill -USR1 <pid>`` writes every thread's stack to ``stream`` (the log)."""
    if sys.platform != "win32":
        faulthandler.register(signal.SIGUSR1, file=stream, all_threads=True)
