"""What the core tells each of qlbreak's windows when it opens one: one frozen spec
per window kind. The child-windows edge adds what every window needs besides (the
theme, the files, the settings) and starts it (``edges/children/launch.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from qlbreak.core.kinds import Window
from qlbreak.core.reminder import OnShow
from qlbreak.core.tray_view import Entry


@dataclass(frozen=True, slots=True)
class StretchSpec:
    """A stretch to walk through (a catalogue id); None: start the window ahead of a
    likely click, unseen, and tell it its stretch when the click comes."""

    kind: ClassVar[Window] = Window.STRETCH
    stretch: str | None


@dataclass(frozen=True, slots=True)
class PromptSpec:
    """The reminder's prompt; ``clear``: a notification points to it, so it keeps to
    the corner notifications do not use."""

    kind: ClassVar[Window] = Window.PROMPT
    reminder: OnShow
    snooze_minutes: int
    seconds_left: float
    clear: bool = False


@dataclass(frozen=True, slots=True)
class MenuSpec:
    """qlbreak's own menu at a screen position (X11 trays have none)."""

    kind: ClassVar[Window] = Window.MENU
    entries: tuple[Entry, ...]
    x: int
    y: int


@dataclass(frozen=True, slots=True)
class TooltipSpec:
    kind: ClassVar[Window] = Window.TOOLTIP
    text: str


@dataclass(frozen=True, slots=True)
class SafetySpec:
    kind: ClassVar[Window] = Window.SAFETY


@dataclass(frozen=True, slots=True)
class SettingsSpec:
    """``autostart``: the login item now (None: this system has none)."""

    kind: ClassVar[Window] = Window.SETTINGS
    autostart: bool | None


@dataclass(frozen=True, slots=True)
class WelcomeSpec:
    """The first run's questions; ``autostart`` as for the settings."""

    kind: ClassVar[Window] = Window.WELCOME
    autostart: bool | None


@dataclass(frozen=True, slots=True)
class ProgressSpec:
    """The last four weeks at a glance: the window reads the history itself, so the
    tray reads nothing for it (the edge adds where the history is, the theme, the zone)."""

    kind: ClassVar[Window] = Window.PROGRESS


WindowSpec = StretchSpec | PromptSpec | MenuSpec | TooltipSpec | SafetySpec | SettingsSpec | WelcomeSpec | ProgressSpec
