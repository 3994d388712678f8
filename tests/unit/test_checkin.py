"""core/checkin.py: the morning check-in's rules (issue 22, its core part)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qlbreak.core.checkin import (
    CheckIn,
    NotOnTheScale,
    Side,
    Worry,
    due,
    hold_seconds,
    pain,
    to_say,
    worrying,
)

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 11, 30, 8, 0, tzinfo=BERLIN)


@pytest.mark.parametrize(("text", "value"), [("0", 0), (" 7 ", 7), ("10", 10)])
def test_a_rating_on_the_scale_is_read(text, value):
    assert pain(text) == value


@pytest.mark.parametrize(("text", "says"), [("11", "off the scale"), ("-1", "off the scale"), ("bad", "not a number")])
def test_a_rating_off_the_scale_says_what_to_give(text, says):
    with pytest.raises(NotOnTheScale, match=says) as err:
        pain(text)
    assert "0 (no pain) to 10 (the worst imaginable)" in str(err.value)


def test_asked_once_a_day_while_switched_on():
    assert due(None, MONDAY)
    assert not due(MONDAY.date(), MONDAY + timedelta(hours=4))  # answered (or skipped) today
    assert due(MONDAY.date(), MONDAY + timedelta(days=1))
    assert not due(None, MONDAY, on=False)


@pytest.mark.parametrize(
    ("side", "tighter", "held"),
    [
        (Side.LEFT, Side.LEFT, 45),
        (Side.RIGHT, Side.LEFT, 30),
        (Side.RIGHT, Side.RIGHT, 45),
        (Side.LEFT, Side.BOTH, 30),
        (Side.LEFT, Side.NEITHER, 30),
        (Side.LEFT, None, 30),
    ],
)
def test_the_tighter_side_is_held_half_as_long_again(side, tighter, held):
    assert hold_seconds(30, side, tighter) == held


@given(
    seconds=st.integers(5, 300),
    tighter=st.sampled_from([*Side, None]),
    factor=st.floats(1.0, 3.0),
)
def test_no_side_is_ever_held_shorter_and_only_the_one_named_longer(seconds, tighter, factor):
    left, right = (hold_seconds(seconds, s, tighter, factor) for s in (Side.LEFT, Side.RIGHT))
    assert left >= seconds and right >= seconds
    assert (left > right) <= (tighter is Side.LEFT) and (right > left) <= (tighter is Side.RIGHT)


def week(start: datetime, ratings: list[int]) -> list[CheckIn]:
    return [CheckIn(start + timedelta(days=i), r) for i, r in enumerate(ratings)]


def test_check_ins_rising_over_two_weeks_worry():
    checkins = week(MONDAY, [3, 3, 4, 3, 3]) + week(MONDAY + timedelta(days=7), [5, 6, 6, 5, 6])
    assert worrying(checkins, [], MONDAY + timedelta(days=12)) is Worry.RISING


def test_one_bad_day_or_too_few_answers_is_not_a_trend():
    steady = week(MONDAY, [3, 3, 4, 3, 3]) + week(MONDAY + timedelta(days=7), [3, 9, 3, 3, 3])
    assert worrying(steady, [], MONDAY + timedelta(days=12)) is None
    sparse = week(MONDAY, [2, 2]) + week(MONDAY + timedelta(days=7), [8, 8, 8])
    assert worrying(sparse, [], MONDAY + timedelta(days=12)) is None


def test_the_last_three_stretches_felt_worse_worry():
    assert worrying([], [False, True, True, True], MONDAY) is Worry.WORSE_AFTER
    assert worrying([], [True, True, False], MONDAY) is None


def test_a_worry_is_said_once_in_fourteen_days():
    rising = week(MONDAY, [3, 3, 4, 3, 3]) + week(MONDAY + timedelta(days=7), [5, 6, 6, 5, 6])
    now = MONDAY + timedelta(days=12)
    assert to_say(rising, [], [], now) is Worry.RISING
    assert to_say(rising, [], [(Worry.RISING, now - timedelta(days=13))], now) is None
    assert to_say(rising, [], [(Worry.RISING, now - timedelta(days=14))], now) is Worry.RISING
    # another worry said lately does not silence this one
    assert to_say(rising, [], [(Worry.WORSE_AFTER, now - timedelta(days=1))], now) is Worry.RISING


def test_nothing_to_say_while_nothing_worries():
    assert to_say([], [True, False], [], MONDAY) is None
