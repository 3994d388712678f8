"""What the walk-through says aloud (spoken cues, a setting): from one look at a session
to the next, the one line to say, if any, so a person on the floor can look away.

Each look is reduced to a ``Moment``: the phase, side and set, and whether a timed hold
is in its last ten seconds. A line belongs to a change of moment, so it is said once:
the same moment seen again says nothing, and a pause or a resume changes no moment.
After a long gap (the window hung, the machine slept) only the moment now counts:
never a backlog of lines.

| the session comes to                                 | said                        |
|------------------------------------------------------|-----------------------------|
| the switch between sides                             | "Switch to your right side" |
| the last ten seconds of a hold of 20 s or more       | "Ten seconds"               |
| the rest between two sets                            | "Rest"                      |
| the first hold of set 2 (3, ...) of an exercise      | "Set 2 of 3" (two-sided:    |
|                                                      | "Set 2 of 3, left side")    |
| the feedback, after the last hold                    | "Done"                      |
| anything else: the intro, getting into position, the |                             |
| first set, a pause, a resume, a close, another one   | nothing                     |

Reps are counted on the screen, not aloud: "Ten seconds" is for timed holds only.
"""

from __future__ import annotations

from dataclasses import dataclass

from qlbreak.core.session import Phase, Session, Side
from qlbreak.core.words import _, pgettext

TEN = 10.0  # seconds before a hold ends that "Ten seconds" is said
LONG_ENOUGH = 20.0  # a shorter hold is over soon anyway: no "Ten seconds" in it

# The lines in English; said in the user's language by ``ten_seconds``, ``rest`` and
# ``done`` (a context of their own: "Done" is also a button elsewhere).
TEN_SECONDS = "Ten seconds"
REST = "Rest"
DONE = "Done"


def ten_seconds() -> str:
    # Translators: spoken cues, said aloud by the voice while the user stretches.
    return pgettext("spoken cue", "Ten seconds")


def rest() -> str:
    return pgettext("spoken cue", "Rest")


def done() -> str:
    return pgettext("spoken cue", "Done")


def switch_to(side: Side) -> str:
    # Translators: spoken cues, said aloud by the voice while the user stretches.
    return _("Switch to your left side") if side is Side.LEFT else _("Switch to your right side")


def set_of(number: int, sets: int, side: Side | None = None) -> str:
    """A new set; on a two-sided exercise, the side it starts on (eyes off the screen)."""
    if side is Side.LEFT:
        # Translators: spoken: "Set 2 of 3, left side".
        return _("Set {number} of {sets}, left side").format(number=number, sets=sets)
    if side is Side.RIGHT:
        return _("Set {number} of {sets}, right side").format(number=number, sets=sets)
    # Translators: spoken: "Set 2 of 3".
    return _("Set {number} of {sets}").format(number=number, sets=sets)


@dataclass(frozen=True, slots=True)
class Moment:
    """One look at a session, as far as the cues care."""

    phase: Phase
    side: Side | None
    set: int
    sets: int
    last_ten: bool  # a timed hold long enough for it, in its last ten seconds


def moment(session: Session, now: float) -> Moment:
    timing = session.timing
    holds = session.phase is Phase.HOLD and timing.reps is None and session.duration >= LONG_ENOUGH
    last_ten = holds and session.remaining(now) <= TEN
    return Moment(session.phase, session.side, session.set, timing.sets, last_ten)


def on_entering(now: Moment) -> str | None:
    """The line said as the session comes to a new phase, side or set."""
    if now.phase is Phase.SWITCH and now.side is not None:
        return switch_to(now.side)
    if now.phase is Phase.REST:
        return rest()
    if now.phase is Phase.HOLD and now.set > 1 and now.side in (None, Side.LEFT):
        return set_of(now.set, now.sets, now.side)
    if now.phase is Phase.FEEDBACK:
        return done()
    return None


def cue(before: Moment | None, now: Moment) -> str | None:
    """What to say, going from the moment ``before`` (None: the first look) to ``now``."""
    if before is None or (before.phase, before.side, before.set) != (now.phase, now.side, now.set):
        return on_entering(now) if before is not None else None
    return ten_seconds() if now.last_ten and not before.last_ten else None


class Cues:
    """The cues of one walk-through, look after look: ``look`` answers the line to say."""

    def __init__(self) -> None:
        self.last: Moment | None = None

    def look(self, session: Session, now: float) -> str | None:
        seen = moment(session, now)
        said = cue(self.last, seen)
        self.last = seen
        return said
