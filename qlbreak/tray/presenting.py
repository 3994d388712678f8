"""How a due reminder reaches the user: held while something holds reminders (the
detectors say what they see, ``core/holds.py`` decides), else shown as qlbreak's
prompt, a desktop notification, or both, as the settings say.

The detectors are read at most once per service step (one ``now``), and only while
a reminder is about to show, due or held: an idle tray never looks.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

from qlbreak.core import holds, reminder
from qlbreak.core.kinds import Window
from qlbreak.core.reminder import OnShow
from qlbreak.core.window_specs import PromptSpec
from qlbreak.edges.notify.plain import SHOWN_SECONDS
from qlbreak.edges.ports import ButtonNotifier, Detectors, Notifier, Windows
from qlbreak.storage.config import Config
from qlbreak.stretches.catalogue import Catalogue
from qlbreak.ui.spec import prompt_corner

log = logging.getLogger("qlbreak")


class Presenter:
    def __init__(
        self,
        notifier: Notifier,
        windows: Windows,
        detectors: Detectors | None,
        catalogue: Catalogue,
        buttons: ButtonNotifier | None = None,
    ) -> None:
        self.notifier, self.windows, self.detectors, self.catalogue = notifier, windows, detectors, catalogue
        self.buttons = buttons
        self.waiting: holds.Reason | None = None  # why the reminder on show is held
        self._looked: tuple[datetime, holds.Signals] | None = None

    def watching(self, on_show: OnShow | None) -> bool:
        """Whether the loop must keep looking at the detectors (a reminder due or held)."""
        return self.detectors is not None and holds.watching(on_show)

    def reason(self, config: Config, now: datetime, stretching: bool = False) -> holds.Reason | None:
        """What holds reminders at ``now``: one reading of the detectors per instant,
        with the tray's own fact (its stretch window is open) beside them."""
        if self._looked is None or self._looked[0] != now:
            rules = config.holds
            signals = self.detectors.look(holds.wanted(rules)) if self.detectors is not None else holds.Signals()
            self._looked = (now, signals)
        reason = holds.holding(replace(self._looked[1], stretching=stretching), config.holds)
        if reason is not None and reason is not self.waiting:
            log.info("reminders held: %s", holds.WAITING[reason])
        self.waiting = reason
        return reason

    def waiting_words(self) -> str | None:
        return holds.WAITING[self.waiting] if self.waiting is not None else None

    def present(self, due: OnShow, now: datetime, config: Config, stretching: bool = False) -> OnShow:
        """A reminder about to show: shown, or held instead while something holds."""
        if self.reason(config, now, stretching) is None:
            self.show(due, now, config)
            return due
        plan = config.plan
        return reminder.move(due, reminder.Trigger.HOLD, now, plan.snooze, plan.grace).reminder

    def show(self, on_show: OnShow, now: datetime, config: Config) -> None:
        """The reminder, in one place: the notification where it has buttons, else the
        prompt (with a short notification pointing to it, never covering it)."""
        style, occ = config.reminder_style, on_show.occurrence
        log.info("reminder %s: %s, due until %s", occ.reminder, on_show.stretch, f"{on_show.until:%H:%M}")
        title = reminder.headline(on_show) if on_show.catch_up else f"Time for a stretch: {on_show.name}"
        seconds = (on_show.until - now).total_seconds()
        snooze = int(config.plan.snooze.total_seconds() // 60)
        if style in ("notification", "both") and self.buttons is not None:
            actions = (("stretch", "Start"), ("snooze", f"Snooze {snooze} min"), ("skip", "Skip today"))
            if self.buttons.remind(title, self._summary(on_show), actions, seconds):
                return  # the notification is the reminder
        if style == "notification":
            self._point(title, f"{self._summary(on_show)} Click the qlbreak icon when you are ready.", seconds)
            return
        self.windows.open(Window.PROMPT, PromptSpec(on_show, snooze, seconds, clear=style == "both"))
        if style == "both":
            corner = prompt_corner(True).replace("-", " ")
            self._point(title, f"Start, snooze or skip it in qlbreak's prompt, {corner} of the screen.", SHOWN_SECONDS)

    def _point(self, title: str, message: str, seconds: float) -> None:
        """A notification without buttons, taken away with the reminder where the
        desktop allows (else the plain one, which ends by itself)."""
        if self.buttons is None or not self.buttons.point(title, message, seconds):
            self.notifier.notify(title, message)

    def withdraw(self) -> None:
        """The reminder is answered, held or over: take away what shows it."""
        self.windows.close(Window.PROMPT)
        if self.buttons is not None:
            self.buttons.withdraw()

    def _summary(self, on_show: OnShow) -> str:
        stretch = self.catalogue.get(on_show.stretch)
        summary = stretch.summary if stretch else ""
        return f"{on_show.name}: {summary}" if on_show.catch_up else summary
