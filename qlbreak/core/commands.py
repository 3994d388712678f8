"""What the tray's queue carries: one frozen dataclass per thing the service can be asked.

Menu clicks, the reminder prompt, the single-instance listener, signals and ended
child windows only make one of these and put it on the queue; the service loop
handles each with one ``match``. Menus and child windows speak in action names
(``"pause-hour"``), which ``ACTIONS`` turns into commands, so a menu entry, the
prompt's buttons and the popup menu's answer mean the same thing everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from qlbreak.core.kinds import Window


class PauseFor(Enum):
    HOUR = "hour"
    TOMORROW = "tomorrow"  # until the next local midnight


@dataclass(frozen=True, slots=True)
class StretchNow:
    """Open a stretch: this one, else the one the reminder on show proposes, else a pick."""

    stretch: str | None = None


@dataclass(frozen=True, slots=True)
class Snooze:
    """Show the reminder on show again later."""


@dataclass(frozen=True, slots=True)
class SkipToday:
    """No more reminders until tomorrow; the one on show counts as skipped."""


@dataclass(frozen=True, slots=True)
class Pause:
    span: PauseFor


@dataclass(frozen=True, slots=True)
class Resume:
    pass


@dataclass(frozen=True, slots=True)
class ToggleLogin:
    """Start at login: on if it is off, off if it is on."""


@dataclass(frozen=True, slots=True)
class ShowSafety:
    pass


@dataclass(frozen=True, slots=True)
class OpenSettings:
    """The settings window (the menu's "Settings…", ``qlbreak settings``)."""


@dataclass(frozen=True, slots=True)
class OpenProgress:
    """The last four weeks at a glance, and the detailed list a click away (the menu's
    "Progress…", ``qlbreak progress``); the window reads the history itself."""


@dataclass(frozen=True, slots=True)
class OpenMenu:
    """qlbreak's own menu at this screen position (X11, where pystray has none)."""

    x: int
    y: int


@dataclass(frozen=True, slots=True)
class ChildEnded:
    """A child window ended: ``result`` is the line it answered, None when it answered
    nothing (closed by the tray, killed, crashed); ``records`` are the history records
    (JSON lines) it could not write itself."""

    kind: Window
    result: str | None
    records: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Wake:
    """Look at the clock at once: the alarm rang, the machine resumed, the clock was set
    or the settings file changed."""


@dataclass(frozen=True, slots=True)
class Quit:
    pass


@dataclass(frozen=True, slots=True)
class Approach:
    """The pointer came onto the icon (X11): a click may follow, so the stretch window
    starts ahead and the click only has to show it."""


@dataclass(frozen=True, slots=True)
class Hover:
    """The pointer rests on the icon (``on``) or left it: qlbreak's own tooltip on X11,
    where trays show none."""

    on: bool


Command = (
    StretchNow
    | Snooze
    | SkipToday
    | Pause
    | Resume
    | ToggleLogin
    | ShowSafety
    | OpenSettings
    | OpenProgress
    | OpenMenu
    | Hover
    | Approach
    | ChildEnded
    | Wake
    | Quit
)

# The action names that menus and windows use, and the command each one means.
ACTIONS: dict[str, Command] = {
    "stretch": StretchNow(),
    "snooze": Snooze(),
    "skip": SkipToday(),
    "pause-hour": Pause(PauseFor.HOUR),
    "pause-tomorrow": Pause(PauseFor.TOMORROW),
    "resume": Resume(),
    "autostart": ToggleLogin(),
    "safety": ShowSafety(),
    "settings": OpenSettings(),
    "progress": OpenProgress(),
    "quit": Quit(),
}


def from_action(name: str | None) -> Command | None:
    """The command an action name means; None for anything else (nothing chosen)."""
    return ACTIONS.get(name) if name is not None else None
