"""One stretch walk-through as a state machine driven by elapsed time.

Every transition lives in this file, in ``MOVES``. A session is immutable (a frozen
dataclass): each event returns a new one, and an event the current phase does not
allow raises ``IllegalMove`` (the session it was called on is untouched). The
dialog renders a session and forwards button presses; it never decides anything.

Time is a float of seconds from any monotonic clock the caller likes; only
differences matter. Timed phases (the holds, the side switch and the rest between
sets) advance in ``tick``; a long gap carries the overflow into the next phase, exactly.

An exercise done in sets (``Timing.sets`` > 1) works every side in each set (left,
switch, right), rests ``Timing.rest`` seconds, and starts the next set; the last set
goes on to the feedback. A stretch is one set: it never rests.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from enum import Enum

from qlbreak.core import checkin

SWITCH_SECONDS = 5.0
EARLY = 1.0  # a hold skipped with more than this left was done in part


class Phase(Enum):
    INTRO = "intro"  # what it targets and needs
    POSITION = "position"  # how to get into position
    HOLD = "hold"  # the timed hold (or reps, or the walk) for one side
    SWITCH = "switch"  # a short pause to change sides
    REST = "rest"  # between two sets of an exercise
    FEEDBACK = "feedback"  # how did that feel?
    DONE = "done"
    CLOSED = "closed"  # left before the end: a skip once a hold has begun (``started``)
    ANOTHER = "another"  # the user asked for a different stretch


FINAL = frozenset({Phase.DONE, Phase.CLOSED, Phase.ANOTHER})
TIMED = frozenset({Phase.HOLD, Phase.SWITCH, Phase.REST})


class Event(Enum):
    NEXT = "next"  # Start / Ready / skip this step
    PAUSE = "pause"
    RESUME = "resume"
    FEEL = "feel"
    CLOSE = "close"
    ANOTHER = "another"


class Side(Enum):
    LEFT = "left"
    RIGHT = "right"


class Feeling(Enum):
    """How it felt: a stretch is rated better, same or worse; an exercise (a strengthening
    one, done in sets) easy, right or too hard, which moves its next time to the harder
    or the easier version (``core/levels.py``); "it hurt" is either's."""

    BETTER = "better"
    SAME = "same"
    WORSE = "worse"
    HURT = "hurt"
    EASY = "easy"
    RIGHT = "right"
    TOO_HARD = "too-hard"


@dataclass(frozen=True, slots=True)
class Timing:
    """How long one side lasts: a hold in seconds, or ``reps`` at ``pace`` seconds each;
    ``left`` and ``right``: a two-sided hold's sides when they differ (the side named
    tighter in the morning check-in is held longer)."""

    seconds: float
    two_sided: bool
    reps: int | None = None
    left: float | None = None
    right: float | None = None
    sets: int = 1  # an exercise's sets: each set works every side, with a rest between sets
    rest: float = 0.0  # seconds of rest between two sets

    @property
    def pace(self) -> float | None:
        return self.seconds / self.reps if self.reps else None

    def of(self, side: Side | None) -> float:
        """How long ``side`` is held (None: the one side of a one-sided stretch)."""
        own = self.left if side is Side.LEFT else self.right if side is Side.RIGHT else None
        return self.seconds if own is None else own

    def tighter(self, side: checkin.Side | None, factor: float = checkin.TIGHTER_FACTOR) -> Timing:
        """This timing with ``side`` (the check-in's answer) held ``factor`` times as
        long: two-sided timed holds only, as reps keep their pace and a walk has no sides."""
        if not self.two_sided or self.reps is not None:
            return replace(self, left=None, right=None)
        whole = round(self.seconds)
        left = float(checkin.hold_seconds(whole, checkin.Side.LEFT, side, factor))
        right = float(checkin.hold_seconds(whole, checkin.Side.RIGHT, side, factor))
        same = left == right == self.seconds
        return replace(self, left=None if same else left, right=None if same else right)


class IllegalMove(Exception):
    def __init__(self, phase: Phase, event: Event) -> None:
        super().__init__(f"{event.value!r} is not possible during {phase.value!r}")
        self.phase, self.event = phase, event


# (phase, event) -> the phase it leads to. NEXT out of HOLD depends on the side and
# the set, so it is AFTER_HOLD's; every other move is this table. Pausing a paused
# phase and resuming a running one are refused by ``pause`` and ``resume`` themselves.
MOVES: dict[tuple[Phase, Event], Phase] = {
    (Phase.INTRO, Event.NEXT): Phase.POSITION,
    (Phase.INTRO, Event.ANOTHER): Phase.ANOTHER,
    (Phase.INTRO, Event.CLOSE): Phase.CLOSED,
    (Phase.POSITION, Event.NEXT): Phase.HOLD,
    (Phase.POSITION, Event.ANOTHER): Phase.ANOTHER,
    (Phase.POSITION, Event.CLOSE): Phase.CLOSED,
    (Phase.HOLD, Event.NEXT): Phase.SWITCH,  # or REST, or FEEDBACK: see AFTER_HOLD
    (Phase.HOLD, Event.PAUSE): Phase.HOLD,
    (Phase.HOLD, Event.RESUME): Phase.HOLD,
    (Phase.HOLD, Event.CLOSE): Phase.CLOSED,
    (Phase.SWITCH, Event.NEXT): Phase.HOLD,
    (Phase.SWITCH, Event.PAUSE): Phase.SWITCH,
    (Phase.SWITCH, Event.RESUME): Phase.SWITCH,
    (Phase.SWITCH, Event.CLOSE): Phase.CLOSED,
    (Phase.REST, Event.NEXT): Phase.HOLD,  # the next set, from its first side
    (Phase.REST, Event.PAUSE): Phase.REST,
    (Phase.REST, Event.RESUME): Phase.REST,
    (Phase.REST, Event.CLOSE): Phase.CLOSED,
    (Phase.FEEDBACK, Event.FEEL): Phase.DONE,
    (Phase.FEEDBACK, Event.CLOSE): Phase.DONE,  # the stretch was done; no rating
}

# Where a hold leads: (the side just held, whether this was the last set) -> the phase
# and the side it has. A one-sided hold (None) ends a set as the right side does.
AFTER_HOLD: dict[tuple[Side | None, bool], tuple[Phase, Side | None]] = {
    (Side.LEFT, False): (Phase.SWITCH, Side.RIGHT),
    (Side.LEFT, True): (Phase.SWITCH, Side.RIGHT),
    (Side.RIGHT, False): (Phase.REST, None),
    (Side.RIGHT, True): (Phase.FEEDBACK, None),
    (None, False): (Phase.REST, None),
    (None, True): (Phase.FEEDBACK, None),
}


@dataclass(frozen=True, slots=True)
class Session:
    timing: Timing
    phase: Phase = Phase.INTRO
    side: Side | None = None  # which side a HOLD works; SWITCH: the side coming next
    set: int = 1  # which set, from 1 to ``timing.sets``; REST: the set just done
    elapsed: float = 0.0  # seconds spent in this timed phase before ``since``
    since: float | None = None  # when the clock last started; None while stopped
    feeling: Feeling | None = None
    held: float = 0.0  # seconds held over all sides so far
    held_left: float = 0.0  # of which on the left (two-sided stretches)
    held_right: float = 0.0
    short: bool = False  # a hold was ended early (Skip): the stretch was done in part
    started: bool = False  # the first hold has begun; closed before it, nothing was declined

    # -- events ---------------------------------------------------------------

    def next(self, now: float) -> Session:
        """Start, "I'm ready", or skip the rest of this step."""
        target = self._target(Event.NEXT)
        if self.phase is Phase.HOLD:
            return self._after_hold(now, early=self.remaining(now) > EARLY)
        if self.phase is Phase.POSITION:
            return replace(self._enter(Phase.HOLD, now, side=self._first_side), started=True)
        if self.phase is Phase.REST:
            return replace(self._enter(Phase.HOLD, now, side=self._first_side), set=self.set + 1)
        return self._enter(target, now, side=self.side)

    def pause(self, now: float) -> Session:
        self._target(Event.PAUSE)
        if self.paused:
            raise IllegalMove(self.phase, Event.PAUSE)
        return replace(self, elapsed=self.elapsed_at(now), since=None)

    def resume(self, now: float) -> Session:
        self._target(Event.RESUME)
        if not self.paused:
            raise IllegalMove(self.phase, Event.RESUME)
        return replace(self, since=now)

    def feel(self, feeling: Feeling, now: float) -> Session:
        self._target(Event.FEEL)
        return replace(self, phase=Phase.DONE, feeling=feeling, since=None)

    def close(self, now: float) -> Session:
        target = self._target(Event.CLOSE)
        return replace(self, phase=target, elapsed=self.elapsed_at(now), since=None)

    def another(self, now: float) -> Session:
        return replace(self, phase=self._target(Event.ANOTHER), since=None)

    def tick(self, now: float) -> Session:
        """Move on from every timed phase whose time is up; carries the overflow."""
        session = self
        while session.timed and not session.paused:
            over = session.elapsed_at(now) - session.duration
            if over < 0:
                break
            session = session._after_hold(now, early=False) if session.phase is Phase.HOLD else session.next(now)
            if session.since is not None:
                session = replace(session, since=now - over)
        return session

    # -- views ----------------------------------------------------------------

    @property
    def timed(self) -> bool:
        return self.phase in TIMED

    @property
    def paused(self) -> bool:
        return self.timed and self.since is None

    @property
    def finished(self) -> bool:
        return self.phase in FINAL

    @property
    def duration(self) -> float:
        if self.phase is Phase.HOLD:
            return self.timing.of(self.side)
        if self.phase is Phase.REST:
            return self.timing.rest
        return SWITCH_SECONDS if self.phase is Phase.SWITCH else 0.0

    @property
    def last_set(self) -> bool:
        return self.set >= self.timing.sets

    @property
    def total(self) -> float:
        """Seconds held when every side of every set runs to its end."""
        sides = (Side.LEFT, Side.RIGHT) if self.timing.two_sided else (None,)
        return self.timing.sets * sum(self.timing.of(side) for side in sides)

    def elapsed_at(self, now: float) -> float:
        running = now - self.since if self.since is not None else 0.0
        return self.elapsed + max(0.0, running)

    def remaining(self, now: float) -> float:
        return max(0.0, self.duration - self.elapsed_at(now))

    def progress(self, now: float) -> float:
        """How far through this timed phase, from 0 to 1."""
        if not self.duration:
            return 0.0
        return min(1.0, self.elapsed_at(now) / self.duration)

    def rep(self, now: float) -> int | None:
        """The current rep, counted from 1, for rep-based stretches."""
        pace = self.timing.pace
        if self.phase is not Phase.HOLD or pace is None or self.timing.reps is None:
            return None
        return min(self.timing.reps, math.floor(self.elapsed_at(now) / pace) + 1)

    # -- internals ------------------------------------------------------------

    def _target(self, event: Event) -> Phase:
        target = MOVES.get((self.phase, event))
        if target is None:
            raise IllegalMove(self.phase, event)
        return target

    @property
    def _first_side(self) -> Side | None:
        return Side.LEFT if self.timing.two_sided else None

    def _enter(self, phase: Phase, now: float, side: Side | None) -> Session:
        return replace(self, phase=phase, side=side, elapsed=0.0, since=now if phase in TIMED else None)

    def _after_hold(self, now: float, early: bool) -> Session:
        amount = min(self.duration, self.elapsed_at(now))
        held = replace(
            self,
            held=self.held + amount,
            held_left=self.held_left + (amount if self.side is Side.LEFT else 0.0),
            held_right=self.held_right + (amount if self.side is Side.RIGHT else 0.0),
            short=self.short or early,
        )
        phase, side = AFTER_HOLD[(self.side, self.last_set)]
        return held._enter(phase, now, side=side)


def begin(timing: Timing) -> Session:
    return Session(timing)
