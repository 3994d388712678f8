"""Work a command leaves running after it returns: ``qlbreak settings --welcome``
while the tray runs gives the terminal back at once, and its window lives on.

A forked child in a session of its own (closing the terminal does not end it), its
standard streams on the null device (a caller reading our output is not kept
waiting for the window to close): ``apart_posix``. Where there is no fork (Windows)
the caller does the work itself, as before.
"""

from __future__ import annotations

from collections.abc import Callable

from qlbreak.system import THIS, System


def run_apart(work: Callable[[], object], system: System = THIS) -> bool:
    """Start ``work`` in a child of its own and return at once (True); False where
    that cannot be done, and then nothing was started."""
    if not system.fork:
        return False
    from qlbreak.cli.apart_posix import fork_apart

    return fork_apart(work)
