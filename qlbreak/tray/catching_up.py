"""The catch-up waiting for the user to be back (``core/catchup.py`` has the rules):
at most one, forgotten at the next reminder's time, the end of the day or a pause."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta

from qlbreak.core import catchup
from qlbreak.core.reminder import OnShow, Stage
from qlbreak.core.schedule import Occurrence

log = logging.getLogger("qlbreak")
LOOK_EVERY = timedelta(seconds=30)  # at the detectors, while a catch-up waits


class CatchUps:
    def __init__(self) -> None:
        self.pending: catchup.Pending | None = None
        self._offered_on: date | None = None

    def missed(
        self,
        occ: Occurrence,
        stage: Stage | None,
        superseded: bool,
        on_show: OnShow | None,
        next_at: datetime | None,
        now: datetime,
    ) -> None:
        """A reminder was missed (``stage`` None: never shown); keep the catch-up it earns."""
        stretch, name = (on_show.stretch, on_show.name) if on_show is not None else ("", "")
        found = catchup.after_miss(occ, stage, superseded, stretch, name, next_at, now)
        if found is not None:
            self.pending = found

    def take(self, now: datetime, held: Callable[[], bool], paused: bool, on: bool, grace: timedelta) -> OnShow | None:
        """The catch-up to show now, if it is time (``held`` is asked only then)."""
        pending = self.pending
        if pending is None:
            return None
        if catchup.expired(pending, now) or paused:
            self.pending = None
            return None
        if not catchup.offer(pending, now, held(), self._offered_on, on):
            return None
        self.pending, self._offered_on = None, now.date()
        log.info("catching up on %s of %s", pending.occurrence.reminder, pending.occurrence.day)
        return catchup.reminder_for(pending, now, grace)

    def wake_at(self, now: datetime) -> datetime | None:
        return now + LOOK_EVERY if self.pending is not None else None
