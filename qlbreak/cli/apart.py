"""Work a command leaves running after it returns: ``qlbreak settings --welcome``
while the tray runs gives the terminal back at once, and its window lives on.

A forked child in a session of its own (closing the terminal does not end it), its
standard streams on the null device (a caller reading our output is not kept
waiting for the window to close). Where there is no fork (Windows) the caller does
the work itself, as before.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable


def run_apart(work: Callable[[], object]) -> bool:
    """Start ``work`` in a child of its own and return at once (True); False where
    that cannot be done, and then nothing was started."""
    if sys.platform == "win32" or not hasattr(os, "fork"):
        return False
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    if os.fork():
        return True
    status = 1
    try:
        os.setsid()
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        work()
        status = 0
    finally:
        os._exit(status)  # never back into the caller's code: that is the parent's
