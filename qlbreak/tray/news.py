"""What the tray tells the user about its files, each trouble once, not at every step.

``SettingsNews``: when ``config.toml`` changed under it, each set of mistakes (the log,
and one notification: the settings window never writes a mistake, so an editor did;
a key it does not know, a typo most often, is told too, once), and which settings
changed (names only: the log is not a copy of the user's file).
``HistoryNews``: when the history cannot take records, each new trouble is logged and
an outage (not a busy moment) is told once, and again when it is over."""

from __future__ import annotations

import logging

from qlbreak.edges.ports import Notifier
from qlbreak.storage.config import Config, Loaded
from qlbreak.storage.history import HistoryBusy
from qlbreak.storage.outbox import Outbox
from qlbreak.storage.tomlfile import Problem

log = logging.getLogger("qlbreak")


class SettingsNews:
    def __init__(self, notifier: Notifier) -> None:
        self.notifier = notifier
        self._last: tuple[Problem, ...] = ()  # the problems as last reported

    def report(self, loaded: Loaded) -> None:
        problems = tuple(loaded.problems)
        if problems == self._last:  # not again at every look
            return
        before = {(p.key, p.message) for p in self._last}
        self._last = problems
        for problem in problems:
            log.warning("%s", problem)
        # a mistake; else a key it does not know (a typo, most often), when it is new
        told = loaded.errors or tuple(p for p in problems if (p.key, p.message) not in before)
        if told:
            more = len(problems) - 1
            also = f" (and {more} more: qlbreak config --check)" if more else ""
            rest = " That setting keeps the value it had; the rest applies." if loaded.errors else ""
            self.notifier.notify("qlbreak: a mistake in your settings", f"{told[0].brief()}{also}.{rest}")


class HistoryNews:
    def __init__(self, notifier: Notifier) -> None:
        self.notifier = notifier
        self._logged: str | None = None  # the trouble as last logged
        self._told = False  # whether the user was told the history cannot be saved

    def after_flush(self, history: Outbox, flushed: bool) -> None:
        """``history.flush()`` said ``flushed``: say what is new about it."""
        if flushed:
            if self._logged is not None:
                log.info("the history takes records again")
            if self._told:
                self.notifier.notify("qlbreak", "Your history is saved again.")
            self._logged, self._told = None, False
            return
        problem = history.problem or "the history cannot be written"
        if problem != self._logged:
            log.warning("%s; %d record(s) kept until it can be written", problem, len(history.pending))
            self._logged = problem
        if not self._told and not isinstance(history.trouble, HistoryBusy):
            self.notifier.notify(
                "qlbreak cannot save your history", f"{problem}. Reminders go on; it is saved once it can be."
            )
            self._told = True


def changes(old: Config, new: Config) -> list[str]:
    """The names of the settings that differ."""
    names = [
        ("reminders", old.plan.reminders != new.plan.reminders),
        ("grace", old.plan.grace != new.plan.grace),
        ("snooze", old.plan.snooze != new.plan.snooze),
        ("time zone", old.timezone != new.timezone),
        ("stretches", old.prefs != new.prefs),
        ("theme", old.theme != new.theme),
        ("sound", old.sound != new.sound),
        ("spoken cues", old.spoken_cues != new.spoken_cues),
        ("reminder style", old.reminder_style != new.reminder_style),
    ]
    return [name for name, changed in names if changed]
