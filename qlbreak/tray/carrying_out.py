"""The tray's hands: each effect of ``core/app.py`` carried out through its port
(``edges/ports.py``), in the order given; what an effect answers (a claim the history
refused, a login item that would not change) is returned as an input for the core.
Nothing here decides: where the desktop cannot do what an effect asks (a notification
without buttons), the effect itself says what to do instead.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime

from qlbreak.core.app_state import ClaimRefused, HistoryKept, Input, LoginRefused, Raised
from qlbreak.core.effects import (
    Claim,
    CloseAllWindows,
    CloseWindow,
    Effect,
    Log,
    Notify,
    OpenWindow,
    Point,
    RaiseWindow,
    Remind,
    Render,
    Save,
    SetLogin,
    Stop,
    TakeAway,
    Unsettle,
    Withdraw,
    Write,
    WriteLines,
)
from qlbreak.core.kinds import Window
from qlbreak.edges.ports import Ports
from qlbreak.storage.history import Event
from qlbreak.storage.outbox import Outbox

log = logging.getLogger("qlbreak")
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}


class Hands:
    def __init__(self, ports: Ports, history: Outbox, save: Callable[[bool], None]) -> None:
        self.ports, self.history, self.save = ports, history, save
        self.stopped = False  # a Stop was carried out: the loop ends
        self._rendered: Render | None = None  # what the icon shows (drawn again only when it changes)

    def do(self, effect: Effect, now: datetime) -> list[Input]:
        """Carry out ``effect`` through its port; what it answers, for the core."""
        ports = self.ports
        match effect:
            case Claim() | Write() | WriteLines() | Unsettle():
                answers = self._record(effect, now)
                return [*answers, HistoryKept()] if self.history.pending else answers
            case Remind() | Point() | Notify() | Withdraw() | TakeAway():
                return self._tell(effect, now)
            case OpenWindow(spec=spec):
                ports.windows.open(spec.kind, spec)
            case CloseWindow(kind=kind):
                ports.windows.close(kind)
            case RaiseWindow(kind=kind, otherwise=otherwise):
                if ports.windows.raise_(kind):
                    return [Raised(kind)] if otherwise else []
                return [answer for instead in otherwise for answer in self.do(instead, now)]
            case CloseAllWindows():
                ports.windows.close_all()
            case SetLogin(on=on):
                try:
                    ports.login.set(on)
                except OSError as trouble:
                    return [LoginRefused(on, str(trouble))]
            case Render(title=title, look=look, menu=menu):
                if effect != self._rendered:
                    self._rendered = effect
                    ports.tray.update(title, look, menu)
            case Save():
                self.save(True)
            case Log(level=level, message=message):
                log.log(LEVELS[level], "%s", message)
            case Stop():
                self.stopped = True
        return []

    def _record(self, effect: Claim | Write | WriteLines | Unsettle, now: datetime) -> list[Input]:
        """The history's effects; a claim refused comes back to the core."""
        match effect:
            case Claim(record=record, then=then, drop=drop):
                if self.history.claim(_event(record)):
                    return [answer for after in then for answer in self.do(after, now)]
                if drop and record.reminder is not None and record.occurrence is not None:
                    return [ClaimRefused((record.reminder, record.occurrence))]
            case Write():
                self.history.record(_event(effect))
            case WriteLines(window=kind, lines=lines):
                for line in lines:  # what a window could not write: kept until the history takes it
                    try:
                        self.history.record(Event.from_json(json.loads(line)))
                    except (ValueError, KeyError, TypeError) as err:
                        log.warning("a %s window answered what is not a record (%s): %.200s", kind, err, line)
            case Unsettle(keys=keys):
                self.history.unsettle(keys)
        return []

    def _tell(self, effect: Remind | Point | Notify | Withdraw | TakeAway, now: datetime) -> list[Input]:
        """The notifications' effects: with buttons where the desktop has them."""
        buttons, notifier = self.ports.buttons, self.ports.notifier
        match effect:
            case Remind(title=title, message=message, actions=actions, seconds=seconds, otherwise=otherwise):
                if buttons is None or not buttons.remind(title, message, actions, seconds):
                    return [answer for instead in otherwise for answer in self.do(instead, now)]
            case Point(title=title, message=message, seconds=seconds):
                if buttons is None or not buttons.point(title, message, seconds):
                    notifier.notify(title, message)
            case Notify(title=title, message=message):
                notifier.notify(title, message)
            case Withdraw():
                self.ports.windows.close(Window.PROMPT)
                if buttons is not None:
                    buttons.withdraw()
            case TakeAway(left=left):
                if buttons is not None:
                    buttons.take_away(left)
        return []


def _event(record: Write) -> Event:
    return Event(record.at, record.kind, record.stretch, reminder=record.reminder, occurrence=record.occurrence)
