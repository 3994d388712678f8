"""Small recording fakes of the outside worlds in qlbreak/edges/ports.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace
from datetime import datetime, timedelta

from qlbreak.core.commands import ChildEnded
from qlbreak.core.holds import Signals
from qlbreak.core.kinds import Window
from qlbreak.core.reminder import OnShow
from qlbreak.core.tray_view import Entry
from qlbreak.core.window_specs import PromptSpec, StretchSpec, WindowSpec
from qlbreak.edges.ports import Post
from qlbreak.storage.config import Config


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


# What ``edges/children/launch.py`` does when a window of a kind already open is opened:
REPLACED = frozenset({Window.PROMPT, Window.MENU, Window.TOOLTIP})  # closes it, opens the new one
KEPT = frozenset({Window.SAFETY, Window.SETTINGS, Window.WELCOME, Window.PROGRESS})  # leaves it as it is, opens none
# ... and a second stretch window is a breach: the service raises the open one instead.


class FakeWindows:
    """The child-windows port, recording and checking: ``calls`` has ``(kind, spec)`` for
    each open, ``("close", kind)`` and ``("raise", kind)``; ``showing`` is what is open.
    A breach of the protocol (``ports.Windows``) raises AssertionError at the call.
    Windows open instantly; ``finish`` ends one as the real launcher reports it."""

    def __init__(self, report: Post) -> None:
        self.report = report
        self.calls: list[tuple[str, object]] = []
        self.showing: dict[Window, WindowSpec] = {}
        self.warm = False  # a stretch window started ahead (``StretchSpec(None)``), unseen
        self.config: Config | None = None  # the settings it was last told

    def open(self, kind: Window, spec: WindowSpec) -> None:
        assert spec.kind == kind, f"open({kind!r}) given a {spec.kind} window's spec: {spec!r}"
        ahead = isinstance(spec, StretchSpec) and spec.stretch is None
        assert ahead or kind not in self.showing or kind in REPLACED | KEPT, (
            f"a second {kind} window opened while one is open: {spec!r}"
        )
        self.calls.append((kind, spec))
        if ahead:
            self.warm = kind not in self.showing  # ahead of a click; none while one is open
            return
        if kind in self.showing:
            if kind in KEPT:
                return
            self.report(ChildEnded(kind, None))  # the one it replaces ends unanswered
        self.showing[kind] = spec
        self.warm = self.warm and kind is not Window.STRETCH

    def close(self, kind: Window) -> None:
        self.calls.append(("close", kind))
        if self.showing.pop(kind, None) is not None:
            self.report(ChildEnded(kind, None))  # closed by the tray: no answer

    def raise_(self, kind: Window) -> bool:
        self.calls.append(("raise", kind))
        return kind == Window.STRETCH and kind in self.showing  # only the stretch window listens

    def close_all(self) -> None:
        for kind in sorted(self.showing):
            self.close(kind)
        self.warm = False

    def configure(self, config: Config) -> None:
        self.config = config

    def finish(self, kind: Window, result: str | None) -> None:
        """The user ended window ``kind`` with ``result`` (its answer)."""
        kind = Window(kind)
        assert self.showing.pop(kind, None) is not None, f"no {kind} window is open to answer {result!r}"
        self.report(ChildEnded(kind, result))

    def specs(self, kind: Window) -> list[WindowSpec]:
        """Every spec a window of ``kind`` was opened with, in order."""
        return [spec for called, spec in self.calls if called == kind and isinstance(spec, WindowSpec)]


TYPE_CHECKING = False
if TYPE_CHECKING:  # mypy checks here that the fake keeps the port
    from qlbreak.edges.ports import Windows

    _PORT: type[Windows] = FakeWindows


def prompts(windows: FakeWindows) -> list[OnShow]:
    """The reminders the prompt was opened for, in order."""
    return [spec.reminder for spec in windows.specs(Window.PROMPT) if isinstance(spec, PromptSpec)]


def stretches(windows: FakeWindows) -> list[str]:
    """The stretches a stretch window was opened with (not those started ahead)."""
    return [spec.stretch for spec in windows.specs(Window.STRETCH) if isinstance(spec, StretchSpec) and spec.stretch]


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


class FakeSpeaker:
    """The speech port (``ports.Speaker``): ``said`` has each line, in order."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)
