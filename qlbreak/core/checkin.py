"""The morning check-in (issue 22): how the back is today, which side feels tighter,
and whether anything runs down a leg, asked once a day before the first stretch.

The pain scale is the numeric rating scale of back-pain research: 0 no pain, 10 the
worst pain imaginable. Only its ends carry words, as the scale is used.

Rules, each a function below:

    rule                   says
    due                    asked once a day (its first stretch, from a reminder or a
                           click), while switched on; a day answered or skipped is done
    hold_seconds           a two-sided stretch holds the side named tighter today
                           longer, by ``factor`` (1.5 by default); "both" and "neither"
                           change nothing
    worrying               once a trend is there, the words to show with the warning
                           signs (see ``WORRIES``); None while nothing worries
    leg symptoms           a yes shows the warning signs before any stretch (the caller)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from qlbreak.core.words import N_, _

LOWEST, HIGHEST = 0, 10
SCALE_ENDS = {LOWEST: N_("no pain"), HIGHEST: N_("the worst pain imaginable")}  # shown: ``scale_end``
TIGHTER_FACTOR = 1.5  # the tighter side's hold, against the other's (a setting)
TREND_DAYS = 7  # two weeks compared: the last seven days against the seven before
TREND_RISE = 2.0  # points on the scale the week's mean rose by: a trend, not a bad day
TREND_ANSWERS = 3  # check-ins each week needs before its mean says anything
WORSE_IN_A_ROW = 3  # stretches of a week rated "worse" (or "it hurt") one after another


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"
    NEITHER = "neither"


@dataclass(frozen=True, slots=True)
class CheckIn:
    at: datetime
    pain: int  # LOWEST..HIGHEST
    tighter: Side = Side.NEITHER
    leg_symptoms: bool = False  # new pain, numbness or tingling down a leg


class NotOnTheScale(ValueError):
    """A pain rating that is not a whole number from 0 to 10."""


def pain(text: str) -> int:
    """The rating ``text`` names (the command line, a key pressed), or NotOnTheScale
    with words a person can act on."""
    try:
        value = int(text.strip())
    except ValueError:
        # Translators: {text} is what the user typed, in quotes.
        said = _("{text} is not a number: give 0 (no pain) to 10 (the worst imaginable)").format(text=repr(text))
        raise NotOnTheScale(said) from None
    if not LOWEST <= value <= HIGHEST:
        said = _("{value} is off the scale: give 0 (no pain) to 10 (the worst imaginable)").format(value=value)
        raise NotOnTheScale(said)
    return value


def scale_end(value: int) -> str | None:
    """The words an end of the pain scale carries ("no pain"), in the user's language;
    None for a point between the ends (the scale names only its ends)."""
    return _(SCALE_ENDS[value]) if value in SCALE_ENDS else None


def due(last: date | None, now: datetime, on: bool = True) -> bool:
    """Whether to ask now: switched on, and not answered or skipped today (``last``:
    the day it last was)."""
    return on and last != now.date()


def hold_seconds(seconds: int, side: Side, tighter: Side | None, factor: float = TIGHTER_FACTOR) -> int:
    """How long to hold ``side`` (LEFT or RIGHT) of a two-sided stretch whose hold is
    ``seconds``, with ``tighter`` the side named tighter today (None: no check-in)."""
    if tighter in (Side.LEFT, Side.RIGHT) and side is tighter:
        return round(seconds * factor)
    return seconds


class Worry(StrEnum):
    RISING = "rising"  # the check-ins rose over two weeks
    WORSE_AFTER = "worse-after"  # the last stretches of a week all felt worse


# Each worry with what the app says, before the warning signs; it says each once
# (marked here, shown through ``worry_words``).
WORRIES = {
    Worry.RISING: N_("Your back has been rated worse this week than the week before."),
    Worry.WORSE_AFTER: N_("Your last stretches all felt worse afterwards."),
}


def worry_words(worry: Worry) -> str:
    """What the app says of ``worry``, in the user's language."""
    return _(WORRIES[worry])


def worrying(checkins: Sequence[CheckIn], worse: Sequence[bool], now: datetime) -> Worry | None:
    """Whether the data says this is the time to see a health professional.
    ``checkins``: the last weeks' check-ins; ``worse``: for this week's stretches in
    order, whether each was rated "worse" or "it hurt"."""
    if len(worse) >= WORSE_IN_A_ROW and all(worse[-WORSE_IN_A_ROW:]):
        return Worry.WORSE_AFTER
    week = timedelta(days=TREND_DAYS)
    this = [c.pain for c in checkins if now - week < c.at <= now]
    before = [c.pain for c in checkins if now - 2 * week < c.at <= now - week]
    if len(this) < TREND_ANSWERS or len(before) < TREND_ANSWERS:
        return None  # too few answers for a mean to say anything
    return Worry.RISING if sum(this) / len(this) - sum(before) / len(before) >= TREND_RISE else None


SAY_AGAIN_DAYS = 14  # a worry said is not said again for this long


def to_say(
    checkins: Sequence[CheckIn], worse: Sequence[bool], said: Sequence[tuple[Worry, datetime]], now: datetime
) -> Worry | None:
    """The worry to say now, if any: ``worrying``'s, unless it was said (``said``: the
    "warned" records, each worry with when) in the last ``SAY_AGAIN_DAYS``. Said once,
    gently: a worry repeated at every stretch would be a nag, and then unread."""
    worry = worrying(checkins, worse, now)
    again = timedelta(days=SAY_AGAIN_DAYS)
    if worry is None or any(w is worry and now - at < again for w, at in said):
        return None
    return worry
