"""core/levels.py: the next version of an exercise from its ratings, row by row."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qlbreak.core.levels import EASIER, HARDER, NEXT, STANDARD, START, after, level
from qlbreak.core.session import Feeling
from qlbreak.core.vocabulary import LEVELS

RATINGS = (Feeling.EASY, Feeling.RIGHT, Feeling.TOO_HARD, Feeling.HURT)


def test_the_table_has_a_row_for_every_level_and_rating_and_names_only_known_levels():
    assert set(NEXT) == {(lv, f) for lv in LEVELS for f in RATINGS}
    assert set(NEXT.values()) <= set(LEVELS) and START == STANDARD


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ((), STANDARD),
        ((Feeling.EASY,), HARDER),  # one level harder
        ((Feeling.RIGHT,), STANDARD),  # stays
        ((Feeling.TOO_HARD,), EASIER),  # one easier
        ((Feeling.HURT,), EASIER),  # the easier version
        ((Feeling.EASY, Feeling.EASY), HARDER),  # no harder than the hardest
        ((Feeling.TOO_HARD, Feeling.TOO_HARD), EASIER),  # no easier than the easiest
        ((Feeling.EASY, Feeling.TOO_HARD), STANDARD),  # one down from harder
        ((Feeling.EASY, Feeling.HURT), EASIER),  # from harder straight to the easier version
        ((Feeling.TOO_HARD, Feeling.EASY, Feeling.RIGHT), STANDARD),
    ],
)
def test_ratings_replayed_from_the_standard_version(ratings, expected):
    assert level(ratings) == expected


def test_a_stretchs_ratings_move_nothing():
    assert level([Feeling.BETTER, Feeling.WORSE, Feeling.SAME]) == STANDARD
    assert level([Feeling.EASY, Feeling.WORSE]) == HARDER


def test_a_version_the_exercise_lacks_is_never_offered():
    assert level([Feeling.EASY], has=(EASIER,)) == STANDARD
    assert level([Feeling.HURT], has=(HARDER,)) == STANDARD
    assert after(STANDARD, Feeling.TOO_HARD, ()) == STANDARD


@given(st.lists(st.sampled_from(list(Feeling))), st.sampled_from([(), (EASIER,), (HARDER,), (EASIER, HARDER)]))
def test_any_ratings_end_at_a_version_the_exercise_has(ratings, has):
    assert level(ratings, has) in {STANDARD, *has}


def test_it_hurt_at_the_harder_version_of_one_with_no_easier_one_comes_back_standard():
    # A user's own exercise may have a harder version and no easier one.
    assert level([Feeling.EASY, Feeling.HURT], has=(HARDER,)) == STANDARD
    assert level([Feeling.EASY, Feeling.TOO_HARD], has=(HARDER,)) == STANDARD
    assert level([Feeling.HURT], has=(HARDER,)) == STANDARD
