"""What holds a due reminder back, decided from what the detectors saw at one instant.

A reminder that falls due while the user presents, is in a call, is away or has
locked the screen is HELD (``reminder.py``: not shown, its grace window still
running) and shown the moment nothing holds it; the detectors only report facts
(``Signals``), this file turns them into a reason. Checked in ``REASONS`` order, so
the words the tray shows name the strongest one:

    reason           held while                               switched by     the tray says
    stretching       qlbreak's own stretch window is open     (always)        waiting until your stretch is over
    locked           the screen is locked                     locked          waiting until you unlock the screen
    presenting       the active window is full screen         presenting      waiting until you leave full screen
    do-not-disturb   the desktop's do-not-disturb is on       presenting      waiting until do not disturb is off
    in-a-call        a microphone is in use                   in_a_call       waiting until your call ends
    camera           a camera is in use (a call, muted)       camera          waiting until your camera is off
    away             no input for ``away_minutes``            away            waiting until you are back

A fact a detector cannot read here is ``None`` and holds nothing. ``stretching`` is
the tray's own fact, never a detector's: a reminder never pops up over the stretch it
asks for (done, it ends the reminder; closed unused, it snoozes it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from qlbreak.core.reminder import OnShow, Stage, Trigger
from qlbreak.core.words import N_, _


class Reason(Enum):
    STRETCHING = "stretching"
    LOCKED = "locked"
    PRESENTING = "presenting"
    DO_NOT_DISTURB = "do-not-disturb"
    IN_A_CALL = "in-a-call"
    CAMERA = "camera"
    AWAY = "away"


@dataclass(frozen=True, slots=True)
class Signals:
    """What the detectors saw; ``None``: not known on this desktop (or switched off)."""

    locked: bool | None = None
    full_screen: bool | None = None
    do_not_disturb: bool | None = None
    microphone: bool | None = None
    camera: bool | None = None
    idle_seconds: float | None = None
    stretching: bool | None = None  # the tray's own stretch window is open


@dataclass(frozen=True, slots=True)
class HoldRules:
    """The user's settings (``[holds]`` in config.toml): which facts may hold a reminder."""

    locked: bool = True
    presenting: bool = True  # full screen and do-not-disturb
    in_a_call: bool = True
    camera: bool = True  # a camera in use: a video call with the microphone muted
    away: bool = True
    away_minutes: int = 5
    catch_up: bool = True  # a reminder missed while away is offered once when back (catchup.py)


Test = Callable[[Signals, HoldRules], bool]

REASONS: tuple[tuple[Reason, Test, str], ...] = (
    (Reason.STRETCHING, lambda s, r: s.stretching is True, N_("waiting until your stretch is over")),
    (Reason.LOCKED, lambda s, r: r.locked and s.locked is True, N_("waiting until you unlock the screen")),
    (Reason.PRESENTING, lambda s, r: r.presenting and s.full_screen is True, N_("waiting until you leave full screen")),
    (
        Reason.DO_NOT_DISTURB,
        lambda s, r: r.presenting and s.do_not_disturb is True,
        N_("waiting until do not disturb is off"),
    ),
    (Reason.IN_A_CALL, lambda s, r: r.in_a_call and s.microphone is True, N_("waiting until your call ends")),
    (Reason.CAMERA, lambda s, r: r.camera and s.camera is True, N_("waiting until your camera is off")),
    (
        Reason.AWAY,
        lambda s, r: r.away and s.idle_seconds is not None and s.idle_seconds >= r.away_minutes * 60,
        N_("waiting until you are back"),
    ),
)
WAITING = {reason: words for reason, _unused, words in REASONS}  # English: the log's, ``--json``'s


def waiting(reason: Reason) -> str:
    """Why a reminder waits, in the user's language (the tray, ``qlbreak status``)."""
    return _(WAITING[reason])


def wanted(rules: HoldRules) -> frozenset[str]:
    """The facts worth reading under ``rules`` (a switched-off detector is never asked)."""
    facts = {"locked": rules.locked, "full_screen": rules.presenting, "do_not_disturb": rules.presenting}
    facts |= {"microphone": rules.in_a_call, "camera": rules.camera, "idle_seconds": rules.away}
    return frozenset(name for name, on in facts.items() if on)


def holding(signals: Signals, rules: HoldRules) -> Reason | None:
    """The first reason in ``REASONS`` that holds, or None: nothing holds reminders."""
    return next((reason for reason, test, _unused in REASONS if test(signals, rules)), None)


def all_holding(signals: Signals, rules: HoldRules) -> tuple[Reason, ...]:
    """Every reason that holds now (``qlbreak status`` lists them all)."""
    return tuple(reason for reason, test, _unused in REASONS if test(signals, rules))


def hold_event(on_show: OnShow | None, reason: Reason | None) -> Trigger | None:
    """What a hold does to the reminder on show: a due one is held while a reason
    holds, a held one is shown again when none does; nothing else changes."""
    if on_show is None:
        return None
    if on_show.stage is Stage.DUE and reason is not None:
        return Trigger.HOLD
    if on_show.stage is Stage.HELD and reason is None:
        return Trigger.RELEASE
    return None


def watching(on_show: OnShow | None) -> bool:
    """Whether the tray must keep looking at the detectors: while a reminder is due or
    held (to hold or release it). At every other time it looks only when an
    occurrence falls due, so an idle tray never wakes to look."""
    return on_show is not None and on_show.stage in (Stage.DUE, Stage.HELD)
