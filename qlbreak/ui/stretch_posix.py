"""The stretch window's POSIX-only part: a SIGTERM it can catch while Tk waits.

Called where ``System.signals`` says there are signals to catch; the ``sys.platform``
guard is for mypy alone (it checks each platform's names).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing
if TYPE_CHECKING:
    import tkinter as tk


def end_on_terminate(root: tk.Tk, save: Callable[[], None]) -> None:
    """SIGTERM (a logout, ``qlbreak stretch`` stopped): ``save``, then close as the
    window does, so its answer and records are given. Tk waits in C, where Python
    cannot run a handler: the signal's wake-up byte makes Tk return to Python."""
    if sys.platform == "win32":
        return
    import signal
    import tkinter

    def terminated(*_: object) -> None:
        save()
        root.quit()  # ends a running main loop; one not yet started would clear it when it starts:
        root.after_idle(root.quit)  # so the loop also ends as soon as it runs

    reader, writer = os.pipe()
    os.set_blocking(reader, False)
    os.set_blocking(writer, False)
    signal.set_wakeup_fd(writer)
    root.tk.createfilehandler(reader, tkinter.READABLE, lambda *_: _drain(reader))
    signal.signal(signal.SIGTERM, terminated)


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 512):
            pass
    except BlockingIOError:
        pass
