"""The words the stretch window shows for catalogue values, times and streaks."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing
if TYPE_CHECKING:
    from qlbreak.stretches.catalogue import Stretch

EQUIPMENT = {
    "none": "nothing",
    "chair": "a steady chair",
    "stick": "a broom handle or pole",
    "door-frame": "a door frame",
    "ball": "a firm ball",
    "band": "a band, belt or scarf",
    "cushion": "a cushion",
    "step": "a step, or a sturdy low box",
}
TARGETS = {
    "ql": "the side of the lower back, between the lowest rib and the hip",
    "lumbar": "the lower back",
    "hips": "the hips",
    "hamstrings": "the back of the thighs",
    "glutes": "the buttocks",
    "upper-back": "the upper back",
    "core": "the deep muscles round the trunk",
}


# The one convention for left and right (issue 19, item 6): every picture is the user's
# mirror image, so the side words ("left arm up, lean to the right") and the picture
# agree the way a person copies a figure facing them. Said once, where a two-sided
# stretch is first put into position; tools/art/sides.py checks every picture keeps it.
MIRROR = "Copy the picture as you would your reflection in a mirror: what it does on the left, you do on your left."

PART_DONE = "Part of a stretch still does your back good. Hold to the end next time and it counts for your streak."
NOT_SAVED_YET = "Your history is busy right now; this stretch is saved as soon as it is free."


def clock(seconds: float) -> str:
    whole = int(seconds + 0.999)
    return f"{whole // 60}:{whole % 60:02d}"


def timing(seconds: int, reps: int | None, two_sided: bool) -> str:
    if reps:
        return f"{reps} slow reps"
    length = f"{seconds // 60} minutes" if seconds >= 120 else f"{seconds} seconds"
    return f"{length} each side" if two_sided else length


def amount(exercise: Stretch) -> str:
    """How much of an exercise, in one line: "3 sets of 10 a side, 30 s rest", or for a
    hold "3 × 20 s a side, 30 s rest"; a stretch's is ``timing``'s."""
    if not exercise.strengthens:
        return timing(exercise.hold_seconds, exercise.reps, exercise.two_sided)
    side = " a side" if exercise.two_sided else ""
    sets = exercise.sets
    if exercise.reps:
        each = f"{sets} sets of {exercise.reps}" if sets > 1 else f"{exercise.reps} times"
    else:
        each = f"{sets} × {exercise.hold_seconds} s" if sets > 1 else f"{exercise.hold_seconds} s"
    rest = f", {exercise.rest_seconds} s rest" if sets > 1 and exercise.rest_seconds else ""
    return f"{each}{side}{rest}"


def tighter(left: float | None, right: float | None) -> str:
    """Said beside the hold's length when the check-in's tighter side is held longer
    (no number: the hold may still be chosen on the same screen)."""
    if left is None or right is None or left == right:
        return ""
    return f", longer on your tighter {'left' if left > right else 'right'} side"


def encouragement(streak: int) -> str:
    """One line for the Done screen, always with the streak."""
    if streak <= 1:
        return "Nice work. That is day one of your streak: your back thanks you."
    return f"Nice work: {streak} work days in a row with a stretch."
