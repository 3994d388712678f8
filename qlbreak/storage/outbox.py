"""Records the history cannot take yet: kept in order and written as soon as it takes
them again, so a reminder is never dropped and a finished stretch never lost.

The tray and the stretch window write through an ``Outbox``. When the history is
busy (another program holds its lock), the disk is full, or the history cannot be
opened at all (a read-only folder, a newer qlbreak's file), a write stays pending
and is tried again with the next write or ``flush``; reads show the history plus
what is pending. The tray keeps what is pending in its state file; the stretch
window puts each record in the spool beside the history first (``storage/spool.py``),
so it outlives the window and the tray. Every outbox that reaches the history moves
what waits in that spool into it, once.

A claim (an occurrence fired or missed, once) that cannot reach the database is taken
as won: in the rare case that a second copy runs while the history is down, showing a
reminder twice beats dropping it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable
from datetime import date, datetime
from typing import TypeVar

from qlbreak.core.kinds import SETTLING, Record
from qlbreak.core.picker import Done
from qlbreak.storage.history import Event, History, HistoryBusy, HistoryError
from qlbreak.storage.spool import Spool, beside

REOPEN_EVERY = 60.0  # seconds between tries to open a history that could not be opened
RETRY_BUSY = 2.0  # seconds before writing to a busy history again
R = TypeVar("R")


class Outbox:
    def __init__(
        self,
        open_history: Callable[[], History],
        pending: Iterable[Event] = (),
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._open, self._monotonic = open_history, monotonic
        self._spool: Spool | None = None  # the spool beside the history, once it opens
        self.pending: list[Event] = list(pending)
        self.trouble: HistoryError | None = None  # why the history cannot take records now
        self.notice: str | None = None  # what opening it had to say (a damaged one moved aside)
        self._history: History | None = None
        self._next_try = 0.0
        self._won: set[tuple[str, str | None, date | None]] = set()  # claims taken while pending
        self.flush()

    def close(self) -> None:
        if self._history is not None:
            self._history.close()
            self._history = None

    # -- writing ---------------------------------------------------------------------

    def keep(self, events: Iterable[Event]) -> None:
        """Take over records another process could not write (nothing is written yet)."""
        for event in events:
            if event.kind in SETTLING:
                self._won.add((event.kind, event.reminder, event.occurrence))
            self.pending.append(event)

    def record(self, event: Event) -> None:
        self.pending.append(event)
        self.flush()

    def claim(self, event: Event) -> bool:
        """Like History.claim; True also when the history cannot answer now."""
        key = (event.kind, event.reminder, event.occurrence)
        if key in self._won:
            return False
        history = self._reachable()
        if history is not None and not self.pending:  # nothing queued ahead: the database decides
            try:
                return history.claim(event)
            except HistoryError as trouble:
                self._failed(trouble)
        self._won.add(key)
        self.pending.append(event)
        return True

    def unsettle(self, keys: frozenset[tuple[str, date]]) -> None:
        """History.unsettle, for what is pending too (the clock was ahead)."""
        if not keys:
            return
        gone = [e for e in self.pending if e.kind == Record.MISSED and (e.reminder, e.occurrence) in keys]
        self.pending = [e for e in self.pending if e not in gone]
        self._won -= {(e.kind, e.reminder, e.occurrence) for e in gone}
        self._read(lambda h: h.unsettle(keys), 0)

    def flush(self) -> bool:
        """Write what is pending, oldest first; True when nothing is left."""
        history = self._reachable()
        while history is not None and self.pending:
            event = self.pending[0]
            try:
                if event.kind in SETTLING and event.reminder and event.occurrence:
                    history.claim(event)  # already there (written before a crash): fine
                else:
                    history.record_once(event)  # likewise: written, then killed before the state was saved
            except HistoryError as trouble:
                self._failed(trouble)
                return False
            self.pending.pop(0)
        if history is not None and not self.pending:
            try:
                if self._spool is not None:
                    self._spool.replay(history)  # what a window (or this one) kept for later
            except HistoryError as trouble:
                self._failed(trouble)
                return False  # the spool keeps what is left
            self.trouble = None
        return not self.pending

    @property
    def problem(self) -> str | None:
        return str(self.trouble) if self.trouble is not None else None

    # -- reading: the history and what is pending --------------------------------------

    def events(self, since: datetime | None = None) -> list[Event]:
        stored = self._read(lambda h: h.events(since), list[Event]())
        return stored + [e for e in self.pending if since is None or e.at >= since]

    def done(self) -> list[Done]:
        return [Done(e.stretch, e.at, e.feeling) for e in self.events() if e.kind == Record.DONE and e.stretch]

    def last_stretch(self) -> str | None:
        mine = [
            e.stretch for e in self.pending if e.stretch and e.kind in (Record.DONE, Record.SKIPPED, Record.SWITCHED)
        ]
        return mine[-1] if mine else self._read(lambda h: h.last_stretch(), None)

    def done_days(self) -> set[date]:
        pending = {e.at.date() for e in self.pending if e.kind == Record.DONE}
        return self._read(lambda h: h.done_days(), set[date]()) | pending

    def missed_after(self, now: datetime) -> set[tuple[str, date]]:
        pending = {
            (e.reminder, e.occurrence)
            for e in self.pending
            if e.kind == Record.MISSED and e.reminder and e.occurrence and e.at.timestamp() > now.timestamp()
        }
        return self._read(lambda h: h.missed_after(now), set[tuple[str, date]]()) | pending

    def settled(
        self, since: date, now: datetime | None = None, kinds: Collection[Record] = SETTLING
    ) -> set[tuple[str, date]]:
        pending = {
            (e.reminder, e.occurrence)
            for e in self.pending
            if e.kind in kinds and e.reminder and e.occurrence and e.occurrence >= since
        }
        return self._read(lambda h: h.settled(since, now, kinds), set[tuple[str, date]]()) | pending

    # -- the history behind it -------------------------------------------------------

    def _reachable(self) -> History | None:
        if self._history is None and self._monotonic() >= self._next_try:
            try:
                self._history = self._open()
                self.notice = self._history.notice
                if self._spool is None:
                    self._spool = Spool(beside(self._history.path))
            except HistoryError as trouble:
                self._failed(trouble)
        if self._history is not None and self._monotonic() < self._next_try:
            return None  # busy a moment ago: give it a little time
        return self._history

    def _read(self, read: Callable[[History], R], otherwise: R) -> R:
        history = self._reachable()
        if history is None:
            return otherwise
        try:
            return read(history)
        except HistoryError as trouble:
            self._failed(trouble)
            return otherwise

    def _failed(self, trouble: HistoryError) -> None:
        self.trouble = trouble
        busy = isinstance(trouble, HistoryBusy)
        self._next_try = self._monotonic() + (RETRY_BUSY if busy else REOPEN_EVERY)
