"""core/session.py with sets: every side in each set, a rest between sets, the feedback
after the last; and a stretch (one set) never rests."""

from __future__ import annotations

import contextlib

from hypothesis import given
from hypothesis import strategies as st

from qlbreak.core.session import SWITCH_SECONDS, Event, Feeling, IllegalMove, Phase, Session, Side, Timing, begin

TWO_SIDED_SETS = Timing(20.0, two_sided=True, reps=5, sets=3, rest=30.0)
ONE_SIDED_SETS = Timing(40.0, two_sided=False, reps=10, sets=2, rest=15.0)


def fire(session: Session, event: Event, now: float, feeling: Feeling = Feeling.RIGHT) -> Session:
    moves = {
        Event.NEXT: lambda: session.next(now),
        Event.PAUSE: lambda: session.pause(now),
        Event.RESUME: lambda: session.resume(now),
        Event.FEEL: lambda: session.feel(feeling, now),
        Event.CLOSE: lambda: session.close(now),
        Event.ANOTHER: lambda: session.another(now),
    }
    return moves[event]()


def steps(session: Session, now: float = 0.0) -> list[tuple[Phase, Side | None, int]]:
    """Every phase a session runs through on its own, from the first hold."""
    seen = []
    session = session.next(now).next(now)
    while session.timed:
        seen.append((session.phase, session.side, session.set))
        now += session.duration
        session = session.tick(now)
    seen.append((session.phase, session.side, session.set))
    return seen


def test_each_set_works_every_side_then_rests_and_the_last_goes_to_feedback():
    assert steps(begin(TWO_SIDED_SETS)) == [
        (Phase.HOLD, Side.LEFT, 1),
        (Phase.SWITCH, Side.RIGHT, 1),
        (Phase.HOLD, Side.RIGHT, 1),
        (Phase.REST, None, 1),
        (Phase.HOLD, Side.LEFT, 2),
        (Phase.SWITCH, Side.RIGHT, 2),
        (Phase.HOLD, Side.RIGHT, 2),
        (Phase.REST, None, 2),
        (Phase.HOLD, Side.LEFT, 3),
        (Phase.SWITCH, Side.RIGHT, 3),
        (Phase.HOLD, Side.RIGHT, 3),
        (Phase.FEEDBACK, None, 3),
    ]


def test_a_one_sided_exercise_rests_between_its_sets():
    assert steps(begin(ONE_SIDED_SETS)) == [
        (Phase.HOLD, None, 1),
        (Phase.REST, None, 1),
        (Phase.HOLD, None, 2),
        (Phase.FEEDBACK, None, 2),
    ]


def test_a_stretch_is_one_set_and_never_rests():
    assert steps(begin(Timing(30.0, two_sided=True))) == [
        (Phase.HOLD, Side.LEFT, 1),
        (Phase.SWITCH, Side.RIGHT, 1),
        (Phase.HOLD, Side.RIGHT, 1),
        (Phase.FEEDBACK, None, 1),
    ]


def test_the_rest_counts_down_pauses_and_is_skipped_with_next():
    rest = begin(ONE_SIDED_SETS).next(0).next(0).tick(40)
    assert (rest.phase, rest.remaining(40), rest.remaining(50)) == (Phase.REST, 15, 5)
    paused = rest.pause(50)
    assert paused.paused and paused.tick(500).phase is Phase.REST and paused.remaining(500) == 5
    assert paused.resume(500).tick(505).phase is Phase.HOLD
    skipped = rest.next(42)
    assert (skipped.phase, skipped.set, skipped.remaining(42), skipped.paused) == (Phase.HOLD, 2, 40, False)


def test_closing_in_a_rest_is_a_skip_of_a_started_exercise():
    rest = begin(ONE_SIDED_SETS).next(0).next(0).tick(40)
    closed = rest.close(41)
    assert (closed.phase, closed.started) == (Phase.CLOSED, True)


def test_held_seconds_add_up_over_the_sets_and_sides():
    s = begin(TWO_SIDED_SETS).next(0).next(0).tick(10_000)
    assert s.phase is Phase.FEEDBACK
    assert (s.held, s.held_left, s.held_right, s.short) == (120, 60, 60, False)
    assert s.held == s.total


def test_a_set_cut_short_marks_the_exercise_done_in_part():
    s = begin(ONE_SIDED_SETS).next(0).next(0).next(10)  # the first set skipped after 10 s
    assert (s.phase, s.held, s.short) == (Phase.REST, 10, True)
    s = s.next(11).tick(51)
    assert (s.phase, s.held, s.short) == (Phase.FEEDBACK, 50, True)


def test_a_long_gap_carries_through_rests_and_sets():
    s = begin(TWO_SIDED_SETS).next(0).next(0)
    first_set = 2 * 20 + SWITCH_SECONDS
    s = s.tick(first_set + 30 + 7)
    assert (s.phase, s.side, s.set, s.remaining(first_set + 37)) == (Phase.HOLD, Side.LEFT, 2, 13)


def test_reps_restart_in_every_set():
    s = begin(ONE_SIDED_SETS).next(0).next(0).tick(40 + 15)
    assert (s.set, s.rep(55), s.rep(59), s.rep(95)) == (2, 1, 2, 10)


@given(
    st.sampled_from([TWO_SIDED_SETS, ONE_SIDED_SETS, Timing(30.0, two_sided=True), Timing(5.0, False, sets=5)]),
    st.lists(st.tuples(st.sampled_from(list(Event)), st.floats(0, 60)), max_size=60),
)
def test_any_events_and_ticks_keep_the_set_in_range_and_held_within_the_total(timing, events):
    s, now = begin(timing), 0.0
    for event, step in events:
        now += step
        before = s
        s = s.tick(now)
        with contextlib.suppress(IllegalMove):
            s = fire(s, event, now)
        assert 1 <= s.set <= timing.sets
        assert s.set >= before.set, "a set never goes back"
        assert not (s.phase is Phase.REST and s.last_set), "no rest after the last set"
        assert timing.sets > 1 or s.phase is not Phase.REST, "a stretch never rests"
        assert 0.0 <= s.held <= s.total + 1e-9
        assert s.held_left + s.held_right <= s.held + 1e-9
        assert 0.0 <= s.progress(now) <= 1.0
        assert s.phase is not Phase.FEEDBACK or s.last_set, "the feedback comes after the last set"
