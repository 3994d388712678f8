"""The outside worlds the service talks to, as small interfaces.

Each has one real adapter in ``qlbreak/tray/`` and a small recording fake in
``tests/fakes.py``; the service never asks which OS or toolkit it runs on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from qlbreak.core.commands import Command
from qlbreak.core.holds import Signals
from qlbreak.core.kinds import Window
from qlbreak.core.tray_view import Entry
from qlbreak.core.window_specs import WindowSpec
from qlbreak.storage.config import Config, Loaded

# How an adapter reaches the service from its own thread: put a command on its queue.
Post = Callable[[Command], None]


class Tray(Protocol):
    def update(self, title: str, look: str, menu: Sequence[Entry]) -> None: ...


class Notifier(Protocol):
    def notify(self, title: str, message: str) -> None:
        """Show a desktop notification; never raises."""


class ButtonNotifier(Protocol):
    """The desktop's own notification as the reminder, with buttons where it has them."""

    def remind(self, title: str, message: str, actions: Sequence[tuple[str, str]], seconds: float) -> bool:
        """Show it with a button per (action name, label), for ``seconds``; False (and
        nothing shown) where notifications here have no buttons."""

    def point(self, title: str, message: str, seconds: float) -> bool:
        """A notification without buttons that ``withdraw`` takes away too; False
        (nothing shown) where it cannot be sent so: the plain ``Notifier`` serves."""

    def withdraw(self) -> None:
        """Take the reminder notification away, if one is shown."""

    def left(self) -> str | None:
        """What a later run of the tray can take the notification on screen away with,
        should this one end without withdrawing it (None: none shown, or not possible)."""

    def take_away(self, left: str) -> None:
        """Take away a notification an earlier run left (``left``); never raises."""


class Windows(Protocol):
    """qlbreak's own windows, each a child process; each one's end is posted as
    ``ChildEnded(kind, result)``, with the line it answered (None when it answered nothing)."""

    def open(self, kind: Window, spec: WindowSpec) -> None:
        """Open window ``kind`` as ``spec`` says (ValueError: ``spec`` is another kind's).
        A prompt, menu, tooltip or history window replaces the open one; a safety,
        settings or welcome window already open stays as it is; a stretch window opens
        only when none is (``raise_`` first). ``StretchSpec(None)`` starts one ahead of a
        likely click, unseen: it ends unheard if no stretch comes."""

    def close(self, kind: Window) -> None:
        """Close window ``kind`` if one is open (it ends unanswered)."""

    def raise_(self, kind: Window) -> bool:
        """Bring the open window ``kind`` to the front; False when none is open (or
        that kind cannot be raised: only the stretch window listens)."""

    def close_all(self) -> None: ...

    def configure(self, config: Config) -> None:
        """The settings changed: windows opened from now on follow ``config``."""


class LoginItem(Protocol):
    def enabled(self) -> bool | None:
        """Whether qlbreak starts at login; None where this system has no login items."""

    def set(self, on: bool) -> None: ...


class Clock(Protocol):
    def now(self) -> datetime:
        """The wall clock, in the user's zone (read again each time: zones change)."""

    def monotonic(self) -> float: ...

    def use_zone(self, name: str) -> None:
        """The settings name another time zone ("local" or an IANA name)."""


class SettingsFile(Protocol):
    def changed(self, current: Config) -> Loaded | None:
        """The settings read again when the file changed since the last look (a broken
        part keeps its value in ``current``); None when it did not change."""


class Detectors(Protocol):
    """What ``qlbreak/edges/detect/`` saw: whether the user presents, is in a call, is away or
    has locked the screen. Never raises; a fact it cannot read is None."""

    def look(self, wanted: frozenset[str] | None = None) -> Signals: ...

    def available(self) -> dict[str, str]: ...


class Speaker(Protocol):
    """Spoken cues (``edges/speech/``): a line said aloud while the person looks away."""

    def say(self, text: str) -> None:
        """Start saying ``text`` and return at once (never waits, never raises); a line
        still being said is stopped first, so at most one is said at a time."""


class Alarm(Protocol):
    """Wakes the loop (posts ``Wake``) at a wall-clock instant however the machine slept,
    and at once when the clock is set, the machine resumes or the settings change."""

    exact: bool  # the loop waits for it alone (else it also looks every schedule.HEARTBEAT)

    def at(self, instant: datetime) -> None:
        """Fire at ``instant``; each call replaces the one before."""

    def close(self) -> None: ...


@dataclass(frozen=True)
class Ports:
    """Every outside world the service talks to, each behind its port."""

    tray: Tray
    notifier: Notifier
    windows: Windows
    login: LoginItem
    clock: Clock
    settings: SettingsFile | None = field(default=None)  # None: the settings never change
    detectors: Detectors | None = field(default=None)  # None: nothing ever holds a reminder
    buttons: ButtonNotifier | None = field(default=None)  # None: the prompt is the reminder
    alarm: Alarm | None = field(default=None)  # None: the loop looks every schedule.HEARTBEAT
