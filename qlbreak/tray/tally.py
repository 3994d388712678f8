"""What the tray's menu counts from the history and the login item: stretches done
today, the streak, start at login, and the last two weeks for the History window.

Counting reads the disk, so it is done when something may have changed (a stretch
window ended, the login item or the settings changed, a new day: ``forget``) and every
``RECOUNT_EVERY`` (at the next look after it) for changes made outside the tray. It
also turns the login item on and off, since what it counts shows that item."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from qlbreak.core import schedule
from qlbreak.core.kinds import Record
from qlbreak.core.streak import streak
from qlbreak.edges.ports import LoginItem
from qlbreak.storage.outbox import Outbox
from qlbreak.stretches.catalogue import Catalogue

RECOUNT_EVERY = timedelta(minutes=10)
HISTORY_DAYS = 14  # what the History window shows


class Tally:
    def __init__(self, history: Outbox, login: LoginItem, workdays: Callable[[], frozenset[int]]) -> None:
        self.history, self.login, self.workdays = history, login, workdays
        self._counted: tuple[date, datetime, tuple[int, int, bool | None]] | None = None

    def forget(self) -> None:
        """Something counted may have changed: count again at the next look."""
        self._counted = None

    def now(self, now: datetime) -> tuple[int, int, bool | None]:
        """Stretches done today, the streak, the login item (None: none here)."""
        counted = self._counted
        if counted is None or counted[0] != now.date() or abs(now - counted[1]) >= RECOUNT_EVERY:
            done_today = sum(1 for e in self.history.events(since=schedule.start_of_day(now)) if e.kind == Record.DONE)
            run = streak(self.history.done_days(), self.workdays(), now.date())
            counted = self._counted = (now.date(), now, (done_today, run, self.login.enabled()))
        return counted[2]

    def set_login(self, on: bool | None = None) -> OSError | None:
        """Start at login on or off (None: the other way round), where there is one;
        what went wrong, if anything."""
        current = self.login.enabled()
        if current is None or on == current:
            return None
        self.forget()
        try:
            self.login.set(not current if on is None else on)
        except OSError as err:
            return err
        return None

    def history_lines(self, catalogue: Catalogue, have: frozenset[str], now: datetime) -> list[str]:
        """The last two weeks as ``qlbreak history`` prints them, each stretch named as
        done with what the user has to hand (``have``)."""
        from qlbreak.ui.spec import history_lines

        events = self.history.events(since=now - timedelta(days=HISTORY_DAYS))
        run = streak(self.history.done_days(), self.workdays(), now.date())
        names = {s.id: s.for_equipment(have).name for s in catalogue}
        return history_lines(events, names, now.tzinfo, run, HISTORY_DAYS)
