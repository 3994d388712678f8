"""The fork behind ``apart.run_apart``, where ``System.fork`` says there is one; the
``sys.platform`` guard is for mypy alone (it checks each platform's names)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable


def fork_apart(work: Callable[[], object]) -> bool:
    """``work`` in a forked child in a session of its own, its streams on the null
    device; True in the parent at once (False: no fork here, nothing started)."""
    if sys.platform == "win32":
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
