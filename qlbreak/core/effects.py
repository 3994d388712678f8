"""What the core asks the outside world to do: plain frozen data, carried out in order by
the tray's loop (``tray/service.py``), which decides nothing about them.

    effect          the shell                                    port
    Claim           records "fired"/"missed" unless recorded;    history
                    only if it took it: ``then``; else it feeds
                    ``ClaimRefused`` back (when ``drop``)
    Write           records a snooze or a skip                   history
    WriteLines      records what a window could not write        history
    Unsettle        forgets "missed" records made too early      history
    Remind          the reminder as a notification with          buttons
                    buttons; where it cannot: ``otherwise``
    Point           a notification the reminder's withdrawal     buttons (else notifier)
                    takes away too
    Notify          a plain notification                         notifier
    Withdraw        takes away the prompt and the notification   windows, buttons
    TakeAway        takes away what a killed run left on screen  buttons
    OpenWindow ...  opens, closes or raises one of our windows   windows
                    (a raise where none is open: ``otherwise``)
    SetLogin        start at login on or off                     login item
    Render          the icon's title, look and menu              tray
    Save            writes the state file now (else: after the   state file
                    step, when something changed)
    Log             one line for the log                         log
    Stop            the loop ends                                (all)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from qlbreak.core.kinds import Record, Window
from qlbreak.core.schedule import OccurrenceKey
from qlbreak.core.tray_view import Entry
from qlbreak.core.window_specs import WindowSpec


@dataclass(frozen=True, slots=True)
class Write:
    """One history record (``claim``: unless that occurrence has one of this kind)."""

    at: datetime
    kind: Record
    stretch: str | None = None
    reminder: str | None = None
    occurrence: date | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """Record ``record`` (fired or missed) unless the history has it already. Taken:
    carry out ``then``. Refused and ``drop``: another copy showed it; the shell feeds
    ``ClaimRefused`` so the core forgets the reminder it was about to show."""

    record: Write
    then: tuple[Effect, ...] = ()
    drop: bool = False


@dataclass(frozen=True, slots=True)
class WriteLines:
    """History records a window could not write itself (JSON lines)."""

    window: Window
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Unsettle:
    keys: frozenset[OccurrenceKey]


@dataclass(frozen=True, slots=True)
class Remind:
    """The reminder as the desktop's notification with a button per (action, label);
    where notifications here have no buttons (or none can be sent), ``otherwise``."""

    title: str
    message: str
    actions: tuple[tuple[str, str], ...]
    seconds: float
    otherwise: tuple[Effect, ...]


@dataclass(frozen=True, slots=True)
class Point:
    """A notification without buttons that ``Withdraw`` takes away too (a plain one
    where that cannot be)."""

    title: str
    message: str
    seconds: float


@dataclass(frozen=True, slots=True)
class Notify:
    title: str
    message: str


@dataclass(frozen=True, slots=True)
class Withdraw:
    """The reminder is answered, held or over: the prompt and its notification go."""


@dataclass(frozen=True, slots=True)
class TakeAway:
    """A notification an earlier run left on screen (what it saved to find it)."""

    left: str


@dataclass(frozen=True, slots=True)
class OpenWindow:
    spec: WindowSpec


@dataclass(frozen=True, slots=True)
class CloseWindow:
    kind: Window


@dataclass(frozen=True, slots=True)
class RaiseWindow:
    """Bring the open window ``kind`` to the front (one of this run's, or one an earlier
    run left open); where none is open: ``otherwise``, and where one was raised instead,
    the shell feeds ``Raised`` back."""

    kind: Window
    otherwise: tuple[Effect, ...] = ()


@dataclass(frozen=True, slots=True)
class CloseAllWindows:
    pass


@dataclass(frozen=True, slots=True)
class SetLogin:
    on: bool


@dataclass(frozen=True, slots=True)
class Render:
    title: str
    look: str
    menu: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Save:
    """Write the state file now, whatever changed (before a claim: killed in between,
    the next run shows the reminder rather than never)."""


@dataclass(frozen=True, slots=True)
class Log:
    level: str  # "debug", "info", "warning" or "error"
    message: str


@dataclass(frozen=True, slots=True)
class Stop:
    """Quit: the loop ends after this step."""


Effect = (
    Claim
    | Write
    | WriteLines
    | Unsettle
    | Remind
    | Point
    | Notify
    | Withdraw
    | TakeAway
    | OpenWindow
    | CloseWindow
    | RaiseWindow
    | CloseAllWindows
    | SetLogin
    | Render
    | Save
    | Log
    | Stop
)
