"""The app's state as one frozen value (``AppState``), what it is told (the inputs) and
the settings it decides by (``Rules``); ``app.py`` has the function that moves it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from qlbreak.core import catchup, holds
from qlbreak.core.app_programme import Programmes
from qlbreak.core.commands import Command
from qlbreak.core.kinds import Window
from qlbreak.core.picker import Candidate, Done, Preferences, Recent
from qlbreak.core.programmes import Exercise
from qlbreak.core.reminder import OnShow
from qlbreak.core.schedule import OccurrenceKey, Plan, ScheduleState

LOOK_EVERY = timedelta(seconds=3)  # at the detectors, while a reminder is due or held
CATCH_UP_LOOK_EVERY = timedelta(seconds=30)  # at the detectors, while a catch-up waits
HISTORY_RETRY = timedelta(seconds=30)  # the next try to write records the history refused
RECOUNT_EVERY = timedelta(minutes=10)  # the streak and the login item, read again


@dataclass(frozen=True, slots=True)
class Words:
    """A stretch as the user's equipment has it named, and its one-line summary."""

    name: str
    summary: str


@dataclass(frozen=True, slots=True)
class Rules:
    """The settings in force, as the core needs them (built from config.toml by the tray)."""

    plan: Plan = field(default_factory=lambda: Plan(()))
    holds: holds.HoldRules = field(default_factory=holds.HoldRules)
    style: str = "prompt"  # how a reminder shows: "prompt", "notification" or "both"
    prefs: Preferences = field(default_factory=Preferences)
    candidates: tuple[Candidate, ...] = ()
    words: tuple[tuple[str, Words], ...] = ()  # each stretch id with its words
    corner: str = "bottom right"  # where the prompt goes when a notification points to it
    buttons: bool = False  # a notification with buttons may be tried here
    looks: bool = False  # detectors exist here (else nothing but a stretch holds a reminder)
    exercises: tuple[Exercise, ...] = ()  # the catalogue as the programmes' rules see it

    def named(self, stretch: str) -> Words | None:
        return next((w for s, w in self.words if s == stretch), None)

    def known(self) -> dict[str, Exercise]:
        return {e.id: e for e in self.exercises}


@dataclass(frozen=True, slots=True)
class Counts:
    """What the menu counts that the history alone knows, and the login item."""

    streak: int = 0
    autostart: bool | None = None  # None: no login item here


@dataclass(frozen=True, slots=True)
class Facts:
    """What the loop read for one instant (``at``); a None field was not read."""

    at: datetime | None = None
    done_today: tuple[datetime, ...] = ()  # today's stretches done to the end
    done: tuple[Done, ...] | None = None  # every stretch done, with its rating (the picker)
    recent: Recent | None = None
    signals: holds.Signals | None = None
    recorded_ahead: frozenset[OccurrenceKey] = frozenset()  # "missed" records dated after now
    history_pending: bool = False  # records the history has not taken yet
    counts: Counts | None = None
    programmes: Programmes | None = None


@dataclass(frozen=True, slots=True)
class Run:
    """What belongs to this run of the tray only; a restart starts it afresh."""

    facts: Facts = field(default_factory=Facts)
    stretching: bool = False  # our stretch window is open
    again: OnShow | None = None  # the reminder the last run left due: shown once more
    left: str | None = None  # the notification the last run left on screen
    welcome: bool = False  # a first run: the welcome opens at the first tick
    counted_at: datetime | None = None
    quitting: bool = False
    stale: bool = False  # this turn wrote to the history: read the facts again before the tick
    programmes: Programmes = field(default_factory=Programmes)  # as last read


@dataclass(frozen=True, slots=True)
class AppState:
    """Everything the app decides from, saved whole by ``storage/statefile.py``."""

    rules: Rules = field(default_factory=Rules)
    schedule: ScheduleState = field(default_factory=ScheduleState)
    reminder: OnShow | None = None
    catch_up: catchup.Pending | None = None
    catch_up_on: date | None = None  # the day the last catch-up was offered
    waiting: holds.Reason | None = None  # what holds the reminder on show
    counts: Counts = field(default_factory=Counts)
    wake_at: datetime | None = None  # when the last tick asked to look again
    run: Run = field(default_factory=Run)


@dataclass(frozen=True, slots=True)
class Observed:
    facts: Facts


@dataclass(frozen=True, slots=True)
class SettingsChanged:
    """New settings; ``settled``: occurrences the history has settled lately;
    ``written``: when the file was written (``schedule.replan``)."""

    rules: Rules
    settled: frozenset[OccurrenceKey]
    written: datetime | None = None


@dataclass(frozen=True, slots=True)
class ClaimRefused:
    """The history already had the occurrence ``key`` fired: another copy showed it."""

    key: OccurrenceKey


@dataclass(frozen=True, slots=True)
class LoginRefused:
    """Start at login could not be turned ``on`` (or off): ``trouble`` says why."""

    on: bool
    trouble: str


@dataclass(frozen=True, slots=True)
class Raised:
    """A window of ``kind`` was open after all (one an earlier run left) and was raised
    in place of the one this run was about to open."""

    kind: Window


@dataclass(frozen=True, slots=True)
class HistoryKept:
    """The history could not take a record just now: it is kept, to be written later."""


@dataclass(frozen=True, slots=True)
class Tick:
    """The clock's turn: due, missed and timed-out reminders, holds, the catch-up, the icon."""


Input = Command | Observed | SettingsChanged | ClaimRefused | LoginRefused | Raised | HistoryKept | Tick


@dataclass(frozen=True, slots=True)
class Wants:
    """What the loop reads before this turn's inputs (``Observed``)."""

    signals: frozenset[str] | None = None  # the detectors' facts to read (None: do not look)
    pick: bool = False
    recorded_ahead: bool = False
    counts: bool = False
    programmes: bool = False
