"""What the stretch window says for an exercise done in sets: the set, the rep with
the breath, the rest, and the feelings after. No Tk: the words are tested alone.

A stretch (one set, rated better/same/worse) says none of this; the dialog asks
``in_sets`` and shows the stretch's screens unchanged when it is not.
"""

from __future__ import annotations

from qlbreak.core.session import Feeling, Phase, Session
from qlbreak.core.words import N_, _, current, ngettext
from qlbreak.stretches import safety, wording

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing
if TYPE_CHECKING:
    from qlbreak.stretches.catalogue import Stretch
    from qlbreak.ui.walkthrough import Walkthrough

# The feelings after an exercise: the button's words (translated where shown), the rating.
FEELINGS = (
    # Translators: a button after an exercise (how did that feel?)
    (N_("Easy"), Feeling.EASY),
    # Translators: a button after an exercise (how did that feel?)
    (N_("About right"), Feeling.RIGHT),
    # Translators: a button after an exercise (how did that feel?)
    (N_("Too hard"), Feeling.TOO_HARD),
    # Translators: a button after a stretch or an exercise (how did that feel?)
    (N_("It hurt"), Feeling.HURT),
)
NEXT_TIME_DEMO = N_("A try-out saves nothing: your answer does not change what comes next time.")
LEVEL_NOTE = {  # said on the first screen when the ratings moved it off the standard version
    "easier": N_("The easier version, after your last rating. Rate it easy and the usual one comes back."),
    "harder": N_("The harder version: you found the usual one easy."),
}
HOLD_BREATH = N_("Keep breathing while you hold: never hold your breath.")
REST_WORDS = N_("Stand easy, shake out, breathe. Skip starts the next set now.")


def in_sets(stretch: Stretch) -> bool:
    """Whether the window shows sets, reps with the breath and the exercise's feelings."""
    return stretch.strengthens or stretch.sets > 1


def next_time(demo: bool) -> str:
    """Under "How did that feel?": what each rating does next time (a demo: nothing);
    what core/levels.py and the picker do with each rating."""
    if demo:
        return _(NEXT_TIME_DEMO)
    days = safety.HURT_REST_DAYS
    return ngettext(
        "Easy: harder next time. Too hard: easier next time."
        " It hurt: left out for {days} day, then the easier version.",
        "Easy: harder next time. Too hard: easier next time."
        " It hurt: left out for {days} days, then the easier version.",
        days,
    ).format(days=days)


def level_note(walk: Walkthrough) -> str:
    """The first screen's word on why this is the easier or harder version, and, when
    that version has no picture of its own, that the picture is the usual one (so a
    foot lifted in the words but flat in the picture is no puzzle)."""
    if walk.level not in LEVEL_NOTE:
        return ""
    if walk.stretch.image != walk.standard.image:
        return _(LEVEL_NOTE[walk.level])
    if walk.level == "easier":
        return _(
            "The easier version, after your last rating. Rate it easy and the usual one comes back."
            " The picture shows the usual version."
        )
    return _("The harder version: you found the usual one easy. The picture shows the usual version.")


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
    return ngettext(
        # Translators: "3 sets of 10 slow reps, 30 s rest between"; {amount}: "10 slow reps", "30 seconds each side"
        "{sets} set of {amount}, {rest} s rest between",
        "{sets} sets of {amount}, {rest} s rest between",
        stretch.sets,
    ).format(sets=stretch.sets, amount=one, rest=stretch.rest_seconds)


def set_line(session: Session) -> str:
    """ "Set 2 of 3" (a REST: the set just done is behind it, so nothing)."""
    if session.phase is Phase.REST:
        return ""
    return _("Set {set} of {sets}").format(set=session.set, sets=session.timing.sets)


def rest_line(session: Session, now: float) -> str:
    """ "Rest · 0:24 · Set 3 next"."""
    # Translators: the rest between sets: "Rest · 0:24 · Set 3 next" ({time}: minutes:seconds left)
    return _("Rest · {time} · Set {set} next").format(time=wording.clock(session.remaining(now)), set=session.set + 1)


def rep_text(session: Session, stretch: Stretch, now: float) -> str:
    """The line under the countdown: an exercise's ``rep_line``; a stretch done in reps,
    "Rep 4 of 10 · breathe out"; a walk, its pace; else nothing."""
    if in_sets(stretch):
        return rep_line(session, stretch, now)
    rep = session.rep(now)
    if rep:
        pace = session.timing.pace or 1.0
        if session.elapsed_at(now) % pace < pace / 2:
            return _("Rep {rep} of {reps} · breathe out").format(rep=rep, reps=stretch.reps)
        return _("Rep {rep} of {reps} · breathe in").format(rep=rep, reps=stretch.reps)
    return _("Walk at an easy pace") if stretch.walking else ""


def rep_line(session: Session, stretch: Stretch, now: float) -> str:
    """ "4 of 10 · breathe out as you lift": the rep, and the half of the breath it is
    in (the breath's first words in the rep's first half); a hold: keep breathing."""
    rep = session.rep(now)
    pace = session.timing.pace
    if rep is None or pace is None:
        return (stretch.breath or _(HOLD_BREATH)) if session.phase is Phase.HOLD else ""
    first, second = breaths(stretch.breath)
    # Translators: "4 of 10 · breathe out as you lift": the rep, of how many, and the half of the breath
    return _("{rep} of {reps} · {breath}").format(
        rep=rep, reps=session.timing.reps, breath=first if session.elapsed_at(now) % pace < pace / 2 else second
    )


def breaths(breath: str) -> tuple[str, str]:
    """The two halves of an exercise's breath, in its order, as said with a rep:
    "Breathe out as you lift, in as you lower." gives "breathe out as you lift" and
    "breathe in as you lower"; words it cannot split give "breathe out", "breathe in".
    In another language the catalogue's translated breath is said whole with every
    rep: its halves cannot be found in any language's words, and the plain ones could
    name the breath in the wrong order (some breathe in first)."""
    clauses = [c.strip().lower() for c in breath.replace(";", ",").replace(".", ",").split(",")]
    if len(clauses) >= 2 and clauses[0].startswith(("breathe out ", "breathe in ")):
        if clauses[1].startswith(("in ", "out ")):
            return clauses[0], f"breathe {clauses[1]}"
    elif current().code != "en" and breath.strip():
        return breath.strip(), breath.strip()
    return _("breathe out"), _("breathe in")
