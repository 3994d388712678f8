"""The safety notice, in one place: the first-run screen, `qlbreak safety` and the
"it hurt" screen all show these words (the README says the same in prose)."""

from __future__ import annotations

NOT_ADVICE = (
    "qlbreak is not medical advice and cannot examine your back. "
    "If you are unsure whether stretching is right for you, ask a doctor or physiotherapist."
)
STOP_IF_IT_HURTS = (
    "A stretch should feel like gentle tension, never pain. If it hurts, stop: ease out of the position slowly."
)
EMERGENCY_TITLE = "Get emergency care now, and do not stretch, if your back pain comes with:"
EMERGENCY = (
    "new trouble controlling or feeling your bladder or bowels",
    "numbness around your genitals, bottom or inner thighs",
    "new or quickly worsening weakness or numbness in one or both legs",
    "new pain in both legs",
)
SEE_DOCTOR_TITLE = "See a doctor soon, before stretching, if:"
SEE_DOCTOR = (
    "the pain started with a fall or an accident",
    "you feel feverish or generally unwell with it",
    "you have had cancer and the back pain is new",
    "you are losing weight without trying",
    "the pain is constant, worse at night and no better when you move",
    "this is your first back pain and you are under 20 or over 55",
    "pain or numbness runs down a leg",
    "the pain is getting worse day by day, or has not eased after 4 to 6 weeks",
)
STOP_IF_EXERCISE_HURTS = (
    "An exercise should feel like effort, never pain. If it hurts, stop: ease out of the position slowly."
)
HURT_REST_DAYS = 14  # core/picker.HURT_REST, said in words (a test holds the two together)


def after_it_hurt(exercise: bool, easier: bool, demo: bool) -> tuple[str, str]:
    """The screen after "it hurt" leads with these: stop, and what qlbreak does now. They
    say only what happens: the picker leaves it out for ``HURT_REST_DAYS``, then an
    exercise comes back at its easier version (core/levels.py) when it has one; a demo
    records nothing, so it promises nothing."""
    what = "exercise" if exercise else "stretch"
    stop = STOP_IF_EXERCISE_HURTS if exercise else STOP_IF_IT_HURTS
    if demo:
        return stop, f"A try-out saves nothing: qlbreak will still offer this {what}, so skip it if it comes up."
    then = ", then bring it back as its easier version" if exercise and easier else ""
    return stop, f"qlbreak will leave this {what} out for the next {HURT_REST_DAYS} days{then}."


def as_text() -> str:
    """The whole notice as plain text (for a terminal, or a log)."""
    lines = [NOT_ADVICE, "", STOP_IF_IT_HURTS, "", EMERGENCY_TITLE]
    lines += [f"  - {item}" for item in EMERGENCY]
    lines += ["", SEE_DOCTOR_TITLE]
    lines += [f"  - {item}" for item in SEE_DOCTOR]
    return "\n".join(lines)
