"""What the loop reads for one instant, as ``core.app.wants`` asks: the history (today's
stretches, what the picker needs, records made ahead of a clock that lied, the streak),
the detectors and the login item. Reading only; the core
decides. And the settings as the core takes them (``rules``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from qlbreak.core import programmes, schedule
from qlbreak.core.app_programme import Programmes
from qlbreak.core.app_state import AppState, Counts, Facts, Rules, Wants, Words
from qlbreak.core.kinds import Record
from qlbreak.core.picker import Done
from qlbreak.core.streak import streak
from qlbreak.edges.ports import Detectors, LoginItem
from qlbreak.storage.config import Config
from qlbreak.storage.history import Event
from qlbreak.storage.outbox import Outbox
from qlbreak.stretches import translated
from qlbreak.stretches.catalogue import Catalogue
from qlbreak.stretches.choosing import lately
from qlbreak.ui.spec import prompt_corner


def rules(config: Config, catalogue: Catalogue, buttons: bool, looks: bool) -> Rules:
    """The settings as the core decides by them: each stretch named as the user does it
    (what they have to hand), with its summary, in the user's language (made again with
    the settings, so a change of language names them anew)."""
    prefs = config.prefs
    shown = [translated.stretch(s) for s in catalogue]
    words = tuple((s.id, Words(s.for_equipment(prefs.equipment).name, s.summary)) for s in shown)
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
        exercises=tuple(programmes.exercises(catalogue).values()),
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
        self.known = programmes.exercises(catalogue)

    def read(self, wanted: Wants, state: AppState, now: datetime) -> Facts:
        history = self.history
        today = schedule.start_of_day(now)
        done_today = tuple(e.at for e in history.events(since=today) if e.kind == Record.DONE)
        signals = None
        if wanted.signals is not None and self.detectors is not None:
            signals = self.detectors.look(wanted.signals)
        everything = history.events() if wanted.pick or wanted.programmes else []
        done = tuple(Done(e.stretch, e.at, e.feeling) for e in everything if e.kind == Record.DONE and e.stretch)
        return Facts(
            at=now,
            done_today=done_today,
            done=done if wanted.pick else None,
            recent=lately(self.catalogue, history, now) if wanted.pick else None,
            signals=signals,
            recorded_ahead=frozenset(history.missed_after(now)) if wanted.recorded_ahead else frozenset(),
            history_pending=bool(history.pending),
            counts=Counts(self._streak(now), self.login.enabled()) if wanted.counts else None,
            programmes=self._programmes(everything, done, now) if wanted.programmes else None,
        )

    def _programmes(self, events: list[Event], done: tuple[Done, ...], now: datetime) -> Programmes:
        """Where the programme stands, from its marks and the exercises done to the end."""
        marks = [programmes.Marked(e.at, e.mark, e.programme) for e in events if e.mark and e.programme]
        today = tuple(d for d in done if d.at >= schedule.start_of_day(now))
        return Programmes(programmes.standing(marks, done, self.known, now), today)

    def _streak(self, now: datetime) -> int:
        return streak(self.history.done_days(), self.workdays(), now.date())
