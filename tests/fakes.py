"""Small recording fakes of the outside worlds in qlbreak/ports.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from qlbreak.core.tray_view import Due, Entry
from qlbreak.stretches.catalogue import Stretch


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.wall, self.mono = now, 1000.0

    def now(self) -> datetime:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def advance(self, seconds: float, *, asleep: bool = False) -> None:
        """Time passes; while asleep the monotonic clock stands still."""
        self.wall += timedelta(seconds=seconds)
        if not asleep:
            self.mono += seconds


class FakeTray:
    def __init__(self) -> None:
        self.title, self.look, self.menu = "", "", ()
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
    def __init__(self) -> None:
        self.stretches: list[str] = []
        self.prompts: list[Due] = []
        self.menus: list[tuple[tuple[Entry, ...], int, int]] = []
        self.prompt_open = self.stretch_open = False
        self.raised = self.safety = 0

    def open_stretch(self, stretch: Stretch) -> None:
        self.stretches.append(stretch.id)
        self.stretch_open = True

    def raise_stretch(self) -> bool:
        if self.stretch_open:
            self.raised += 1
        return self.stretch_open

    def open_prompt(self, due: Due, snooze_minutes: int, seconds_left: float) -> None:
        self.prompts.append(due)
        self.prompt_open = True

    def close_prompt(self) -> None:
        self.prompt_open = False

    def open_menu(self, entries: Sequence[Entry], x: int, y: int) -> None:
        self.menus.append((tuple(entries), x, y))

    def open_safety(self) -> None:
        self.safety += 1

    def close_all(self) -> None:
        self.prompt_open = self.stretch_open = False


class FakeLogin:
    def __init__(self, on: bool | None = False) -> None:
        self.on = on

    def enabled(self) -> bool | None:
        return self.on

    def set(self, on: bool) -> None:
        self.on = on
