"""What the stretch window says for an exercise done in sets: the set, the rep with
the breath, the rest, and the feelings after. No Tk: the words are tested alone.

A stretch (one set, rated better/same/worse) says none of this; the dialog asks
``in_sets`` and shows the stretch's screens unchanged when it is not.
"""

from __future__ import annotations

from qlbreak.core.session import Feeling, Phase, Session
from qlbreak.stretches import safety, wording

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing
if TYPE_CHECKING:
    from qlbreak.stretches.catalogue import Stretch
    from qlbreak.ui.walkthrough import Walkthrough

# The feelings after an exercise: the button's words, the rating, and what it does next time.
FEELINGS = (
    ("Easy", Feeling.EASY),
    ("About right", Feeling.RIGHT),
    ("Too hard", Feeling.TOO_HARD),
    ("It hurt", Feeling.HURT),
)
NEXT_TIME = (
    "Easy: harder next time. Too hard: easier next time. "
    f"It hurt: left out for {safety.HURT_REST_DAYS} days, then the easier version."
)  # what core/levels.py and the picker do with each rating
NEXT_TIME_DEMO = "A try-out saves nothing: your answer does not change what comes next time."
LEVEL_NOTE = {  # said on the first screen when the ratings moved it off the standard version
    "easier": "The easier version, after your last rating. Rate it easy and the usual one comes back.",
    "harder": "The harder version: you found the usual one easy.",
}
USUAL_PICTURE = "The picture shows the usual version."  # a version with no picture of its own
HOLD_BREATH = "Keep breathing while you hold: never hold your breath."
REST_WORDS = "Stand easy, shake out, breathe. Skip starts the next set now."


def in_sets(stretch: Stretch) -> bool:
    """Whether the window shows sets, reps with the breath and the exercise's feelings."""
    return stretch.strengthens or stretch.sets > 1


def next_time(demo: bool) -> str:
    """Under "How did that feel?": what each rating does next time (a demo: nothing)."""
    return NEXT_TIME_DEMO if demo else NEXT_TIME


def level_note(walk: Walkthrough) -> str:
    """The first screen's word on why this is the easier or harder version, and, when
    that version has no picture of its own, that the picture is the usual one (so a
    foot lifted in the words but flat in the picture is no puzzle)."""
    note = LEVEL_NOTE.get(walk.level, "")
    if note and walk.stretch.image == walk.standard.image:
        return f"{note} {USUAL_PICTURE}"
    return note


def after_hurt(walk: Walkthrough) -> tuple[str, str]:
    """What the screen after "it hurt" leads with (``safety.after_it_hurt``)."""
    s = walk.stretch
    easier = walk.level == "easier" or walk.standard.easier is not None
    return safety.after_it_hurt(s.strengthens, easier, walk.demo)


def amount(stretch: Stretch) -> str:
    """The first screen's "how much": "3 sets of 10 slow reps, 30 s rest between" (a
    stretch: its hold or reps, as ever)."""
    one = wording.timing(stretch.hold_seconds, stretch.reps, stretch.two_sided)
    if stretch.sets <= 1:
        return one
    return f"{stretch.sets} sets of {one}, {stretch.rest_seconds} s rest between"


def set_line(session: Session) -> str:
    """ "Set 2 of 3" (a REST: the set just done is behind it, so nothing)."""
    if session.phase is Phase.REST:
        return ""
    return f"Set {session.set} of {session.timing.sets}"


def rest_line(session: Session, now: float) -> str:
    """ "Rest · 0:24 · Set 3 next"."""
    return f"Rest · {wording.clock(session.remaining(now))} · Set {session.set + 1} next"


def rep_line(session: Session, stretch: Stretch, now: float) -> str:
    """ "4 of 10 · breathe out as you lift": the rep, and the half of the breath it is
    in (the breath's first words in the rep's first half); a hold: keep breathing."""
    rep = session.rep(now)
    pace = session.timing.pace
    if rep is None or pace is None:
        return (stretch.breath or HOLD_BREATH) if session.phase is Phase.HOLD else ""
    first, second = breaths(stretch.breath)
    return f"{rep} of {session.timing.reps} · {first if session.elapsed_at(now) % pace < pace / 2 else second}"


def breaths(breath: str) -> tuple[str, str]:
    """The two halves of an exercise's breath, in its order, as said with a rep:
    "Breathe out as you lift, in as you lower." gives "breathe out as you lift" and
    "breathe in as you lower"; words it cannot split give "breathe out", "breathe in"."""
    clauses = [c.strip().lower() for c in breath.replace(";", ",").replace(".", ",").split(",")]
    if len(clauses) < 2 or not clauses[0].startswith(("breathe out ", "breathe in ")):
        return "breathe out", "breathe in"
    if not clauses[1].startswith(("in ", "out ")):
        return "breathe out", "breathe in"
    return clauses[0], f"breathe {clauses[1]}"
