"""The tray's log: a small rotating file in the state folder, warnings also on stderr.

The tray runs for days with nobody watching a terminal, so what it decided (fired,
missed, snoozed, clock jumps) goes to the file. ``kill -USR1 <pid>`` writes every
thread's stack there too, for the day something hangs.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO

from qlbreak.core.words import _
from qlbreak.storage.privacy import private_file, private_folder
from qlbreak.system import THIS, System
from qlbreak.tray import signals_posix


def setup(log_file: Path, system: System = THIS) -> IO[str] | None:
    """Send the ``qlbreak`` logger to ``log_file`` (and stderr); returns the open stream."""
    log = logging.getLogger("qlbreak")
    log.setLevel(logging.INFO)
    log.propagate = False
    stream: IO[str] | None = None
    try:
        private_folder(log_file.parent)
        for old in (log_file, *(log_file.with_name(f"{log_file.name}.{n}") for n in (1, 2))):
            private_file(old)  # a log from before 0.2 was readable by every user
        handler = _QuietFile(log_file, maxBytes=512 * 1024, backupCount=2, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s: %(message)s"))
        log.addHandler(handler)
        logging.getLogger("pystray").addHandler(handler)  # its tracebacks: here, not the terminal
        stream = handler.stream
    except OSError as err:
        # Translators: {file} is the log file; {error} the system's reason ("Permission denied")
        said = _("{file}: cannot write the log ({error}); logging to stderr only")
        print("qlbreak: " + said.format(file=log_file, error=err.strerror), file=sys.stderr)
    if sys.stderr is not None:  # pythonw on Windows has none
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("qlbreak: %(message)s"))
        log.addHandler(console)
    if stream is not None and system.signals:
        signals_posix.stacks_on_usr1(stream)
    return stream


class _QuietFile(RotatingFileHandler):
    """The log file, whose lines are dropped while it cannot be written (a full disk, a
    read-only home): Python's own "--- Logging error ---" and a traceback on the tray's
    stderr would tell a person nothing, and the next line that fits is written again."""

    def handleError(self, record: logging.LogRecord) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handleError(record)
