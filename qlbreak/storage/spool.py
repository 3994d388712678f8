"""A finished stretch, kept on disk before the history is even tried.

The stretch window writes each record here the moment it is made (one small file,
written whole or not at all, 0600, in ``waiting/`` beside the history), then tries
the history. Whoever next reaches the history (the window itself, the tray when it
writes or starts, ``qlbreak stretch``) moves the records in (``replay``) and removes
each file only once the history has committed it. A record's identity is its moment
(to the microsecond), kind, stretch and feeling: ``History.record_once`` checks it
and writes in one transaction, so a record replayed twice, or by two processes at
once, is in the history once. So a stretch survives a locked history, a full disk
and the end of the window and the tray that started it (SIGKILL, logout).

Imports no sqlite3 at import time: the stretch window starts with it.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from qlbreak.storage.atomic import write_atomic
from qlbreak.storage.privacy import private_folder
from qlbreak.system import THIS, System

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing
if TYPE_CHECKING:
    from qlbreak.storage.history import Event, History

FOLDER = "waiting"
SUFFIX = ".json"
UNREADABLE = ".unreadable"  # a file that is not a record: kept for a person to look at, never tried again


def beside(history: Path) -> Path:
    """The spool folder of the history at ``history``."""
    return history.with_name(FOLDER)


class Spool:
    def __init__(self, folder: Path, system: System = THIS) -> None:
        self.folder, self.system = folder, system

    def put(self, event: Event) -> Path:
        """Keep ``event`` durably (written and synced before this returns); OSError
        when it cannot be (a full disk, a read-only folder)."""
        private_folder(self.folder)
        stamp = event.at.timestamp()
        name = f"{int(stamp * 1_000_000):020d}-{os.urandom(6).hex()}{SUFFIX}"  # oldest first by name
        path = self.folder / name
        write_atomic(path, json.dumps(event.as_record()).encode(), overwrite=False)
        _sync_folder(self.folder, self.system)
        return path

    def waiting(self) -> bool:
        """Whether any record waits (cheap: one look at the folder, no sqlite3)."""
        try:
            return any(n.endswith(SUFFIX) and not n.startswith(".") for n in os.listdir(self.folder))
        except OSError:
            return False

    def entries(self) -> list[tuple[Path, Event]]:
        """Every record waiting, oldest first; a file that is not one is renamed out of
        the way (``.unreadable``) so it is never tried again."""
        from qlbreak.storage.history import Event

        try:
            names = sorted(n for n in os.listdir(self.folder) if n.endswith(SUFFIX) and not n.startswith("."))
        except OSError:
            return []  # no folder yet (nothing ever waited), or it cannot be read
        found = []
        for name in names:
            path = self.folder / name
            try:
                found.append((path, Event.from_json(json.loads(path.read_bytes()))))
            except FileNotFoundError:
                continue  # moved in by another process just now
            except (OSError, ValueError, TypeError, KeyError):
                with contextlib.suppress(OSError):
                    path.replace(path.with_name(name + UNREADABLE))
        return found

    def events(self) -> list[Event]:
        return [event for _, event in self.entries()]

    def holds(self, event: Event) -> bool:
        return event in self.events()

    def replay(self, history: History) -> int:
        """Move every waiting record into ``history``, once; a file goes only after
        the history committed its record. HistoryError (busy, full) stops it, and what
        is left keeps waiting. Returns how many were written now (not already there)."""
        written = 0
        for path, event in self.entries():
            if event.kind in ("fired", "missed") and event.reminder and event.occurrence:
                written += history.claim(event)
            else:
                written += history.record_once(event)
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        return written


def _sync_folder(folder: Path, system: System) -> None:
    """The new file's name is on disk too (a power cut after ``put`` keeps it)."""
    if not system.posix_files:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
