"""The words the stretch window shows for catalogue values, times and streaks."""

from __future__ import annotations

from qlbreak.core.words import N_, _, ngettext

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing
if TYPE_CHECKING:
    from qlbreak.stretches.catalogue import Stretch

# Marked here, translated where shown (``_(EQUIPMENT[e])``): a table built at import.
EQUIPMENT = {
    "none": N_("nothing"),
    "chair": N_("a steady chair"),
    "stick": N_("a broom handle or pole"),
    "door-frame": N_("a door frame"),
    "ball": N_("a firm ball"),
    "band": N_("a band, belt or scarf"),
    "cushion": N_("a cushion"),
    "step": N_("a step, or a sturdy low box"),
}
TARGETS = {
    "ql": N_("the side of the lower back, between the lowest rib and the hip"),
    "lumbar": N_("the lower back"),
    "hips": N_("the hips"),
    "hamstrings": N_("the back of the thighs"),
    "glutes": N_("the buttocks"),
    "upper-back": N_("the upper back"),
    "core": N_("the deep muscles round the trunk"),
}
# The catalogue's positions as the first screen says them ("Position: seated").
POSITIONS = {
    "standing": N_("standing"),
    "walking": N_("walking"),
    "seated": N_("seated"),
    "lying": N_("lying"),
    "kneeling": N_("kneeling"),
    "hands-and-knees": N_("hands and knees"),
}


# The one convention for left and right (issue 19, item 6): every picture is the user's
# mirror image, so the side words ("left arm up, lean to the right") and the picture
# agree the way a person copies a figure facing them. Said once, where a two-sided
# stretch is first put into position; tools/art/sides.py checks every picture keeps it.
MIRROR = N_("Copy the picture as you would your reflection in a mirror: what it does on the left, you do on your left.")

PART_DONE = N_("Part of a stretch still does your back good. Hold to the end next time and it counts for your streak.")
NOT_SAVED_YET = N_("Your history is busy right now; this stretch is saved as soon as it is free.")


def clock(seconds: float) -> str:
    whole = int(seconds + 0.999)
    return f"{whole // 60}:{whole % 60:02d}"


def timing(seconds: int, reps: int | None, two_sided: bool) -> str:
    """A stretch's "how much": "10 slow reps", "4 minutes", "30 seconds each side"."""
    if reps:
        return ngettext("{n} slow rep", "{n} slow reps", reps).format(n=reps)
    if seconds >= 120:
        n = seconds // 60
        if two_sided:
            return ngettext("{n} minute each side", "{n} minutes each side", n).format(n=n)
        return ngettext("{n} minute", "{n} minutes", n).format(n=n)
    if two_sided:
        return ngettext("{n} second each side", "{n} seconds each side", seconds).format(n=seconds)
    return ngettext("{n} second", "{n} seconds", seconds).format(n=seconds)


def amount(exercise: Stretch) -> str:
    """How much of an exercise, in one line: "3 sets of 10 a side, 30 s rest", or for a
    hold "3 × 20 s a side, 30 s rest"; a stretch's is ``timing``'s. Each case is a
    whole phrase, so a translator can order it (the rest is a clause of its own)."""
    if not exercise.strengthens:
        return timing(exercise.hold_seconds, exercise.reps, exercise.two_sided)
    sets, reps, hold, both = exercise.sets, exercise.reps, exercise.hold_seconds, exercise.two_sided
    if reps and sets > 1:
        if both:
            # Translators: "3 sets of 10 a side": {sets} sets of {reps} repetitions, on each side
            each = ngettext("{sets} set of {reps} a side", "{sets} sets of {reps} a side", sets)
        else:
            # Translators: "3 sets of 10": {sets} sets of {reps} repetitions
            each = ngettext("{sets} set of {reps}", "{sets} sets of {reps}", sets)
    elif reps:
        each = (
            ngettext("{reps} time a side", "{reps} times a side", reps)
            if both
            else ngettext("{reps} time", "{reps} times", reps)
        )
    elif sets > 1:
        # Translators: "3 × 20 s a side": {sets} holds of {hold} seconds on each side ("s": seconds)
        each = _("{sets} × {hold} s a side") if both else _("{sets} × {hold} s")
    else:
        # Translators: "20 s a side": one hold of {hold} seconds on each side ("s": seconds)
        each = _("{hold} s a side") if both else _("{hold} s")
    said = each.format(sets=sets, reps=reps, hold=hold)
    if sets > 1 and exercise.rest_seconds:
        # Translators: "3 sets of 10 a side, 30 s rest": {amount} is the phrase before it, {rest} seconds of rest
        return _("{amount}, {rest} s rest").format(amount=said, rest=exercise.rest_seconds)
    return said


def position_line(position: str, amount: str, left: float | None, right: float | None) -> str:
    """The first screen's "Position: seated · 30 seconds each side", and, when the
    check-in's tighter side is held longer, which side (no number: the hold may still
    be chosen on the same screen)."""
    where = _(POSITIONS[position]) if position in POSITIONS else position.replace("-", " ")
    if left is None or right is None or left == right:
        # Translators: "Position: seated · 30 seconds each side"
        return _("Position: {position} · {amount}").format(position=where, amount=amount)
    if left > right:
        return _("Position: {position} · {amount}, longer on your tighter left side").format(
            position=where, amount=amount
        )
    return _("Position: {position} · {amount}, longer on your tighter right side").format(position=where, amount=amount)


def encouragement(streak: int) -> str:
    """One line for the Done screen, always with the streak."""
    if streak <= 1:
        return _("Nice work. That is day one of your streak: your back thanks you.")
    return ngettext(
        "Nice work: {n} work day in a row with a stretch.", "Nice work: {n} work days in a row with a stretch.", streak
    ).format(n=streak)
