"""The safety notice, in one place: the first-run screen, `qlbreak safety` and the
"it hurt" screen all show these words (the README says the same in prose)."""

from __future__ import annotations

from qlbreak.core.words import N_, _, ngettext

# Marked here, translated where shown (``_(NOT_ADVICE)``): never at import.
NOT_ADVICE = N_(
    "qlbreak is not medical advice and cannot examine your back. "
    "If you are unsure whether stretching is right for you, ask a doctor or physiotherapist."
)
STOP_IF_IT_HURTS = N_(
    "A stretch should feel like gentle tension, never pain. If it hurts, stop: ease out of the position slowly."
)
EMERGENCY_TITLE = N_("Get emergency care now, and do not stretch, if your back pain comes with:")
EMERGENCY = (
    N_("new trouble controlling or feeling your bladder or bowels"),
    N_("numbness around your genitals, bottom or inner thighs"),
    N_("new or quickly worsening weakness or numbness in one or both legs"),
    N_("new pain in both legs"),
)
SEE_DOCTOR_TITLE = N_("See a doctor soon, before stretching, if:")
SEE_DOCTOR = (
    N_("the pain started with a fall or an accident"),
    N_("you feel feverish or generally unwell with it"),
    N_("you have had cancer and the back pain is new"),
    N_("you are losing weight without trying"),
    N_("the pain is constant, worse at night and no better when you move"),
    N_("this is your first back pain and you are under 20 or over 55"),
    N_("pain or numbness runs down a leg"),
    N_("the pain is getting worse day by day, or has not eased after 4 to 6 weeks"),
)
STOP_IF_EXERCISE_HURTS = N_(
    "An exercise should feel like effort, never pain. If it hurts, stop: ease out of the position slowly."
)
HURT_REST_DAYS = 14  # core/picker.HURT_REST, said in words (a test holds the two together)


def after_it_hurt(exercise: bool, easier: bool, demo: bool) -> tuple[str, str]:
    """The screen after "it hurt" leads with these: stop, and what qlbreak does now. They
    say only what happens: the picker leaves it out for ``HURT_REST_DAYS``, then an
    exercise comes back at its easier version (core/levels.py) when it has one; a demo
    records nothing, so it promises nothing. Each case a whole sentence (a stretch and
    an exercise may take different words elsewhere)."""
    stop = _(STOP_IF_EXERCISE_HURTS) if exercise else _(STOP_IF_IT_HURTS)
    days = HURT_REST_DAYS
    if demo and exercise:
        return stop, _("A try-out saves nothing: qlbreak will still offer this exercise, so skip it if it comes up.")
    if demo:
        return stop, _("A try-out saves nothing: qlbreak will still offer this stretch, so skip it if it comes up.")
    if exercise and easier:
        then = ngettext(
            "qlbreak will leave this exercise out for the next {days} day, then bring it back as its easier version.",
            "qlbreak will leave this exercise out for the next {days} days, then bring it back as its easier version.",
            days,
        )
    elif exercise:
        then = ngettext(
            "qlbreak will leave this exercise out for the next {days} day.",
            "qlbreak will leave this exercise out for the next {days} days.",
            days,
        )
    else:
        then = ngettext(
            "qlbreak will leave this stretch out for the next {days} day.",
            "qlbreak will leave this stretch out for the next {days} days.",
            days,
        )
    return stop, then.format(days=days)


def as_text() -> str:
    """The whole notice as plain text (for a terminal, or a log), in the user's language."""
    lines = [_(NOT_ADVICE), "", _(STOP_IF_IT_HURTS), "", _(EMERGENCY_TITLE)]
    lines += [f"  - {_(item)}" for item in EMERGENCY]
    lines += ["", _(SEE_DOCTOR_TITLE)]
    lines += [f"  - {_(item)}" for item in SEE_DOCTOR]
    return "\n".join(lines)
