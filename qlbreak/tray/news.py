"""What the tray tells the user about its files, each trouble once, not at every step.

``SettingsNews``: when ``config.toml`` changed under it, each set of mistakes (the log,
and one notification: the settings window never writes a mistake, so an editor did;
a key it does not know, a typo most often, is told too, once), and which settings
changed (names only: the log is not a copy of the user's file).
``HistoryNews``: when the history cannot take records, each new trouble is logged and
an outage (not a busy moment) is told once, and again when it is over."""

from __future__ import annotations

import logging

from qlbreak.core.words import _, ngettext
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
            said = _said(told[0].brief(), len(problems) - 1, bool(loaded.errors))
            self.notifier.notify(_("qlbreak: a mistake in your settings"), said)


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
                self.notifier.notify("qlbreak", _("Your history is saved again."))
            self._logged, self._told = None, False
            return
        problem = history.problem or "the history cannot be written"
        if problem != self._logged:
            log.warning("%s; %d record(s) kept until it can be written", problem, len(history.pending))
            self._logged = problem
        if not self._told and not isinstance(history.trouble, HistoryBusy):
            # Translators: {problem} is why the history file cannot be written (a file and its error)
            said = _("{problem}. Reminders go on; it is saved once it can be.").format(problem=problem)
            self.notifier.notify(_("qlbreak cannot save your history"), said)
            self._told = True


def _said(problem: str, more: int, kept: bool) -> str:
    """The settings notification's body: the first problem, how many more, and whether a
    mistake kept its setting's old value (each case one whole sentence to translate)."""
    if more and kept:
        # Translators: {problem}: the first problem in the settings file; {n}: how many more
        return ngettext(
            "{problem} (and {n} more: qlbreak config --check). That setting keeps the value it had; the rest applies.",
            "{problem} (and {n} more: qlbreak config --check). That setting keeps the value it had; the rest applies.",
            more,
        ).format(problem=problem, n=more)
    if more:
        # Translators: {problem}: the first problem in the settings file; {n}: how many more
        return ngettext(
            "{problem} (and {n} more: qlbreak config --check).",
            "{problem} (and {n} more: qlbreak config --check).",
            more,
        ).format(problem=problem, n=more)
    if kept:
        # Translators: {problem}: the first problem in the settings file (where, and what)
        return _("{problem}. That setting keeps the value it had; the rest applies.").format(problem=problem)
    # Translators: {problem}: the first problem in the settings file; only the full stop is yours
    return _("{problem}.").format(problem=problem)


def changes(old: Config, new: Config) -> list[str]:
    """The names of the settings that differ (for the log: English, like every log line)."""
    names = [
        ("reminders", old.plan.reminders != new.plan.reminders),
        ("grace", old.plan.grace != new.plan.grace),
        ("snooze", old.plan.snooze != new.plan.snooze),
        ("time zone", old.timezone != new.timezone),
        ("stretches", old.prefs != new.prefs),
        ("theme", old.theme != new.theme),
        ("sound", old.sound != new.sound),
        ("spoken cues", old.spoken_cues != new.spoken_cues),
        ("language", old.language != new.language),
        ("reminder style", old.reminder_style != new.reminder_style),
        ("holds", old.holds != new.holds),  # [holds]: camera, in_a_call, away...
    ]
    return [name for name, changed in names if changed]
