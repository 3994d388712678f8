"""Small recording fakes of the outside worlds in qlbreak/edges/ports.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace
from datetime import datetime, timedelta

from qlbreak.core.commands import ChildEnded
from qlbreak.core.holds import Signals
from qlbreak.core.reminder import OnShow
from qlbreak.core.tray_view import Entry
from qlbreak.edges.ports import Post
from qlbreak.storage.config import Config
from qlbreak.stretches.catalogue import Stretch


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.wall, self.mono = now, 1000.0

    def now(self) -> datetime:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def use_zone(self, name: str) -> None:
        from qlbreak.clock import zone

        self.wall = self.wall.astimezone(zone(name))

    def advance(self, seconds: float, *, asleep: bool = False) -> None:
        """Time passes; while asleep the monotonic clock stands still."""
        self.wall += timedelta(seconds=seconds)
        if not asleep:
            self.mono += seconds


class FakeTray:
    def __init__(self) -> None:
        self.title, self.look = "", ""
        self.menu: tuple[Entry, ...] = ()
        self.updates = 0

    def update(self, title: str, look: str, menu: Sequence[Entry]) -> None:
        self.title, self.look, self.menu = title, look, tuple(menu)
        self.updates += 1

    def labels(self) -> list[str]:
        return [e.label for e in self.menu]


class FakeNotifier:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def notify(self, title: str, message: str) -> None:
        self.sent.append((title, message))


class FakeWindows:
    """Windows that open instantly; ``finish`` ends one as the real launcher reports it."""

    def __init__(self, report: Post) -> None:
        self.report = report
        self.stretches: list[str] = []
        self.prompts: list[OnShow] = []
        self.menus: list[tuple[tuple[Entry, ...], int, int]] = []
        self.tooltips: list[str] = []
        self.open: set[str] = set()
        self.raised = self.safety = self.prepared = 0
        self.config: Config | None = None  # the settings it was last told
        self.opened: list[tuple[str, object]] = []  # settings, welcome and history windows

    def open_stretch(self, stretch: Stretch) -> None:
        self.stretches.append(stretch.id)
        self.open.add("stretch")

    def raise_stretch(self) -> bool:
        if "stretch" in self.open:
            self.raised += 1
        return "stretch" in self.open

    def open_prompt(self, reminder: OnShow, snooze_minutes: int, seconds_left: float, clear: bool = False) -> None:
        self.prompts.append(reminder)
        self.clear_of_notifications = clear
        self.open.add("prompt")

    def close_prompt(self) -> None:
        self._close("prompt")

    def prepare_stretch(self) -> None:
        self.prepared += 1

    def open_tooltip(self, text: str) -> None:
        self.tooltips.append(text)
        self.open.add("tooltip")

    def close_tooltip(self) -> None:
        self._close("tooltip")

    def open_menu(self, entries: Sequence[Entry], x: int, y: int) -> None:
        self.menus.append((tuple(entries), x, y))
        self.open.add("menu")

    def open_safety(self) -> None:
        self.safety += 1

    def open_settings(self, autostart: bool | None) -> None:
        self.opened.append(("settings", autostart))
        self.open.add("settings")

    def open_welcome(self, autostart: bool | None) -> None:
        self.opened.append(("welcome", autostart))
        self.open.add("welcome")

    def open_history(self, lines: Sequence[str]) -> None:
        self.opened.append(("history", tuple(lines)))

    def close_all(self) -> None:
        for kind in sorted(self.open):
            self._close(kind)

    def configure(self, config: Config) -> None:
        self.config = config

    def finish(self, kind: str, result: str | None) -> None:
        """The user ended window ``kind`` with ``result`` (its answer)."""
        self.open.discard(kind)
        self.report(ChildEnded(kind, result))

    def _close(self, kind: str) -> None:
        if kind in self.open:
            self.open.discard(kind)
            self.report(ChildEnded(kind, None))  # closed by the tray: no answer


class FakeLogin:
    def __init__(self, on: bool | None = False) -> None:
        self.on = on

    def enabled(self) -> bool | None:
        return self.on

    def set(self, on: bool) -> None:
        self.on = on


class FakeDetectors:
    """What the desktop says, set by the test: ``signals`` is read on every look."""

    def __init__(self) -> None:
        self.signals = Signals()
        self.looks = 0

    def look(self, wanted: frozenset[str] | None = None) -> Signals:
        self.looks += 1
        if wanted is None:
            return self.signals
        return replace(self.signals, **{f.name: None for f in fields(self.signals) if f.name not in wanted})

    def available(self) -> dict[str, str]:
        return {"idle_seconds": "read from a fake"}


class FakeButtons:
    """The desktop's notification with buttons: ``capable`` says whether it has them."""

    def __init__(self, capable: bool = True, can_point: bool = True) -> None:
        self.capable, self.can_point = capable, can_point
        self.shown: list[tuple[str, str, tuple[tuple[str, str], ...]]] = []
        self.pointed: list[tuple[str, str]] = []  # notifications without buttons
        self.withdrawn = 0
        self.on_screen: str | None = None  # what a later run could take it away with
        self.taken_away: list[str] = []  # what an earlier run left, taken away

    def remind(self, title: str, message: str, actions: Sequence[tuple[str, str]], seconds: float) -> bool:
        if self.capable:
            self.shown.append((title, message, tuple(actions)))
            self.on_screen = str(len(self.shown))
        return self.capable

    def point(self, title: str, message: str, seconds: float) -> bool:
        if self.can_point:
            self.pointed.append((title, message))
        return self.can_point

    def withdraw(self) -> None:
        self.withdrawn += 1
        self.on_screen = None

    def left(self) -> str | None:
        return self.on_screen

    def take_away(self, left: str) -> None:
        self.taken_away.append(left)
