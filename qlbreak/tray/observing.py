"""What the loop reads for one instant, as ``core.app.wants`` asks: the history (today's
stretches, what the picker needs, records made ahead of a clock that lied, the streak),
the detectors and the login item. Reading only; the core
decides. And the settings as the core takes them (``rules``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from qlbreak.core import schedule
from qlbreak.core.app_state import AppState, Counts, Facts, Rules, Wants, Words
from qlbreak.core.kinds import Record
from qlbreak.core.streak import streak
from qlbreak.edges.ports import Detectors, LoginItem
from qlbreak.storage.config import Config
from qlbreak.storage.outbox import Outbox
from qlbreak.stretches.catalogue import Catalogue
from qlbreak.stretches.choosing import lately
from qlbreak.ui.spec import prompt_corner


def rules(config: Config, catalogue: Catalogue, buttons: bool, looks: bool) -> Rules:
    """The settings as the core decides by them: each stretch named as the user does it
    (what they have to hand), with its summary."""
    prefs = config.prefs
    words = tuple((s.id, Words(s.for_equipment(prefs.equipment).name, s.summary)) for s in catalogue)
    return Rules(
        plan=config.plan,
        holds=config.holds,
        style=config.reminder_style,
        prefs=prefs,
        candidates=tuple(s.candidate for s in catalogue),
        words=words,
        corner=prompt_corner(True).replace("-", " "),
        buttons=buttons,
        looks=looks,
    )


class Observer:
    def __init__(
        self,
        history: Outbox,
        catalogue: Catalogue,
        login: LoginItem,
        detectors: Detectors | None,
        workdays: Callable[[], frozenset[int]],
    ) -> None:
        self.history, self.catalogue, self.login, self.detectors = history, catalogue, login, detectors
        self.workdays = workdays

    def read(self, wanted: Wants, state: AppState, now: datetime) -> Facts:
        history = self.history
        today = schedule.start_of_day(now)
        done_today = tuple(e.at for e in history.events(since=today) if e.kind == Record.DONE)
        signals = None
        if wanted.signals is not None and self.detectors is not None:
            signals = self.detectors.look(wanted.signals)
        return Facts(
            at=now,
            done_today=done_today,
            done=tuple(history.done()) if wanted.pick else None,
            recent=lately(self.catalogue, history, now) if wanted.pick else None,
            signals=signals,
            recorded_ahead=frozenset(history.missed_after(now)) if wanted.recorded_ahead else frozenset(),
            history_pending=bool(history.pending),
            counts=Counts(self._streak(now), self.login.enabled()) if wanted.counts else None,
        )

    def _streak(self, now: datetime) -> int:
        return streak(self.history.done_days(), self.workdays(), now.date())
