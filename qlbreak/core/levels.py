"""Which version of an exercise to offer next: its past ratings, replayed from the
standard version through ``NEXT``.

An exercise is rated after its last set ("easy", "about right", "too hard", "it hurt",
``core/session.py``'s Feeling). Replaying every rating from ``START`` gives the level
each one was made at, so the history needs to keep only the ratings, not the levels.
"It hurt" also rests the exercise for a while (the picker's rule); when it comes back,
it comes back easier. A stretch's ratings (better, same, worse) say nothing about how
hard it was: they move nothing. Pure: no clock, no files.
"""

from __future__ import annotations

from collections.abc import Iterable

from qlbreak.core.session import Feeling

EASIER, STANDARD, HARDER = "easier", "standard", "harder"  # vocabulary.LEVELS
START = STANDARD

# (the level it was done at, how it felt) -> the level offered next time.
NEXT: dict[tuple[str, Feeling], str] = {
    (EASIER, Feeling.EASY): STANDARD,  # one level harder
    (EASIER, Feeling.RIGHT): EASIER,  # stays
    (EASIER, Feeling.TOO_HARD): EASIER,  # one easier: already the easiest
    (EASIER, Feeling.HURT): EASIER,  # the easier version
    (STANDARD, Feeling.EASY): HARDER,
    (STANDARD, Feeling.RIGHT): STANDARD,
    (STANDARD, Feeling.TOO_HARD): EASIER,
    (STANDARD, Feeling.HURT): EASIER,
    (HARDER, Feeling.EASY): HARDER,  # already the hardest
    (HARDER, Feeling.RIGHT): HARDER,
    (HARDER, Feeling.TOO_HARD): STANDARD,
    (HARDER, Feeling.HURT): EASIER,  # not one step down: the easier version
}


def after(level: str, feeling: Feeling, has: tuple[str, ...] = (EASIER, HARDER)) -> str:
    """The level after one rating (a stretch's rating: where it was). A version the
    exercise lacks (``has``: the ones it has besides the standard one) is never
    offered: the move to it stays where it is, except down from the harder version to
    a missing easier one, which stops at the standard one (never harder after "it hurt")."""
    moved = NEXT.get((level, feeling), level)
    if moved == STANDARD or moved in has:
        return moved
    return STANDARD if (level, moved) == (HARDER, EASIER) else level


def level(ratings: Iterable[Feeling], has: Iterable[str] = (EASIER, HARDER)) -> str:
    """The level to offer after ``ratings`` (oldest first)."""
    versions = tuple(has)
    current = START
    for feeling in ratings:
        current = after(current, feeling, versions)
    return current
