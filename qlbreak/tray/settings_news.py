"""What the tray says when ``config.toml`` changed under it: each set of mistakes once
(the log, and one notification: the settings window never writes a mistake, so an
editor did), and which settings changed (names only, never values: the log is not a
copy of the user's file)."""

from __future__ import annotations

import logging

from qlbreak.storage.config import Config, Loaded
from qlbreak.tray.ports import Notifier

log = logging.getLogger("qlbreak")


class Reporter:
    def __init__(self, notifier: Notifier) -> None:
        self.notifier = notifier
        self._last: tuple[object, ...] = ()  # the problems as last reported

    def report(self, loaded: Loaded) -> None:
        problems = tuple(loaded.problems)
        if problems == self._last:  # not again at every look
            return
        self._last = problems
        for problem in problems:
            log.warning("%s", problem)
        if loaded.errors:
            more = len(loaded.errors) - 1
            also = f" (and {more} more: qlbreak config --check)" if more else ""
            self.notifier.notify(
                "qlbreak: a mistake in your settings",
                f"{loaded.errors[0]}{also}. That part keeps its earlier value; the rest applies.",
            )


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
        ("reminder style", old.reminder_style != new.reminder_style),
    ]
    return [name for name, changed in names if changed]
