"""What a reminder proposes, read from the history: the stretch it offers (a fresh
pick, or the one it offered before while that may still be offered) and whether a
reminder falling due needs showing at all. The rules are core's (``picker``,
``reminder.covered``); this module only feeds them the history."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from qlbreak.core import reminder, schedule
from qlbreak.core.kinds import Record
from qlbreak.core.picker import Preferences, still_offered
from qlbreak.core.reminder import OnShow
from qlbreak.core.schedule import Occurrence
from qlbreak.storage.outbox import Outbox
from qlbreak.stretches.catalogue import Catalogue, Stretch
from qlbreak.stretches.choosing import NothingFits, choose

LOOK_AHEAD = 8  # occurrences passed over at most when naming the next one that shows


class Proposer:
    def __init__(self, catalogue: Catalogue, history: Outbox) -> None:
        self.catalogue, self.history = catalogue, history

    def pick(self, prefs: Preferences, now: datetime) -> Stretch | None:
        try:
            return choose(self.catalogue, prefs, self.history, now)
        except NothingFits:
            return None

    def still(self, on_show: OnShow, prefs: Preferences, now: datetime) -> OnShow:
        """The reminder with a stretch it may still offer: the one it proposed, unless
        the user said it hurt since, their settings leave it out now, or the catalogue
        has no such stretch (a snooze from an older state file); else a fresh pick."""
        proposed = self.catalogue.get(on_show.stretch)
        if proposed is not None and still_offered(proposed.candidate, prefs, self.history.done(), now):
            # named as the user does it (a door frame, no stick): a snooze saved before
            # they changed what they have to hand keeps the name it had
            return replace(on_show, name=proposed.for_equipment(prefs.equipment).name)
        stretch = self.pick(prefs, now)
        return on_show if stretch is None else replace(on_show, stretch=stretch.id, name=stretch.name)

    def covered(self, plan: schedule.Plan, now: datetime) -> str | None:
        """Why a reminder falling due now need not show (``reminder.covered``), or None."""
        today = schedule.start_of_day(now)
        done = [e.at for e in self.history.events(since=today) if e.kind == Record.DONE]
        return reminder.covered(done, schedule.count_on(plan.reminders, now), now)

    def next_shown(
        self, plan: schedule.Plan, now: datetime, handled: frozenset[schedule.OccurrenceKey]
    ) -> Occurrence | None:
        """The next occurrence that will show, as far as the history says now: one a
        stretch already covers (done just before it, or the day's all done) is passed
        over, so the tray never names a reminder that will stay quiet."""
        for _ in range(LOOK_AHEAD):
            coming = schedule.next_occurrence(plan.reminders, now, handled)
            if coming is None or self.covered(plan, coming.at) is None:
                return coming
            handled = handled | {coming.key}
        return None
