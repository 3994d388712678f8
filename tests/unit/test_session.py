"""core/session.py: every transition, and proof that illegal ones change nothing."""

from __future__ import annotations

import contextlib
from dataclasses import FrozenInstanceError

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qlbreak.core import checkin
from qlbreak.core.session import (
    AFTER_HOLD,
    MOVES,
    SWITCH_SECONDS,
    Event,
    Feeling,
    IllegalMove,
    Phase,
    Session,
    Side,
    Timing,
    begin,
)

TWO_SIDED = Timing(30.0, two_sided=True)
ONE_SIDED = Timing(240.0, two_sided=False)
REPS = Timing(60.0, two_sided=False, reps=10)
SETS = Timing(20.0, two_sided=False, reps=5, sets=2, rest=15.0)  # an exercise: two sets, a rest between


def fire(session: Session, event: Event, now: float) -> Session:
    if event is Event.NEXT:
        return session.next(now)
    if event is Event.PAUSE:
        return session.pause(now)
    if event is Event.RESUME:
        return session.resume(now)
    if event is Event.FEEL:
        return session.feel(Feeling.SAME, now)
    if event is Event.CLOSE:
        return session.close(now)
    return session.another(now)


def sessions_in_every_state() -> list[Session]:
    """One session per reachable (phase, side, paused) combination."""
    found = []
    for timing in (TWO_SIDED, ONE_SIDED):
        s = begin(timing)
        found += [s, s.next(0), s.next(0).another(0), s.close(0)]
        hold = s.next(0).next(0)
        found += [hold, hold.pause(1), hold.close(1)]
        nxt = hold.next(2)
        found += [nxt, nxt.pause(3) if nxt.timed else nxt]
        if nxt.phase is Phase.SWITCH:
            second = nxt.next(3)
            found += [second, second.next(4)]
            nxt = second.next(4)
        found += [nxt.feel(Feeling.BETTER, 5), nxt.close(5)]
    rest = begin(SETS).next(0).next(0).next(1)
    found += [rest, rest.pause(2), rest.next(3), rest.close(3)]
    return found


def is_legal(session: Session, event: Event) -> bool:
    """What the module promises: the table, and no pausing twice or resuming what runs."""
    if (session.phase, event) not in MOVES:
        return False
    return not (event is Event.PAUSE and session.paused) and not (event is Event.RESUME and not session.paused)


def target(session: Session, event: Event) -> Phase:
    """The table's answer; leaving a hold depends on the side and the set, as the module says."""
    if (session.phase, event) == (Phase.HOLD, Event.NEXT):
        return AFTER_HOLD[(session.side, session.last_set)][0]
    return MOVES[(session.phase, event)]


@pytest.mark.parametrize("event", list(Event))
def test_every_reachable_state_follows_the_table_and_an_illegal_move_changes_nothing(event: Event):
    states = sessions_in_every_state()
    assert {s.phase for s in states} == set(Phase)
    for session in states:
        # Nothing can change a session in place (frozen: a move that tried would raise),
        # so "changes nothing" is that: the caller keeps its session, and an illegal move
        # names what it refused.
        with pytest.raises(FrozenInstanceError):
            session.phase = Phase.CLOSED  # type: ignore[misc]
        if not is_legal(session, event):
            with pytest.raises(IllegalMove) as refused:
                fire(session, event, 10)
            assert (refused.value.phase, refused.value.event) == (session.phase, event)
            continue
        moved = fire(session, event, 10)
        assert moved.phase is target(session, event)
        assert moved.timing == session.timing, "a move changed the stretch's timing"


def test_a_finished_walk_through_takes_no_more_events_and_any_other_can_be_left():
    for session in sessions_in_every_state():
        if session.finished:
            assert not any((session.phase, event) in MOVES for event in Event)
        else:
            assert fire(session, Event.CLOSE, 10).finished


def test_two_sided_walk_through():
    s = begin(TWO_SIDED).next(0)
    assert s.phase is Phase.POSITION
    s = s.next(10)
    assert (s.phase, s.side, s.remaining(10)) == (Phase.HOLD, Side.LEFT, 30)
    assert s.remaining(25) == 15 and s.progress(25) == 0.5
    s = s.tick(40)
    assert (s.phase, s.side) == (Phase.SWITCH, Side.RIGHT)
    s = s.tick(40 + SWITCH_SECONDS)
    assert (s.phase, s.side) == (Phase.HOLD, Side.RIGHT)
    s = s.tick(40 + SWITCH_SECONDS + 30)
    assert s.phase is Phase.FEEDBACK
    s = s.feel(Feeling.BETTER, 90)
    assert (s.phase, s.feeling, s.finished) == (Phase.DONE, Feeling.BETTER, True)


def test_the_side_named_tighter_is_held_longer_and_each_side_is_counted():
    timing = TWO_SIDED.tighter(checkin.Side.LEFT, 1.5)
    assert (timing.of(Side.LEFT), timing.of(Side.RIGHT)) == (45, 30)
    s = begin(timing).next(0).next(0)
    assert (s.side, s.remaining(0)) == (Side.LEFT, 45)
    assert s.tick(44).phase is Phase.HOLD and s.tick(45).phase is Phase.SWITCH
    s = s.tick(45 + SWITCH_SECONDS)
    assert (s.side, s.remaining(45 + SWITCH_SECONDS)) == (Side.RIGHT, 30)
    s = s.next(45 + SWITCH_SECONDS + 10)  # the right side cut short after 10 s
    assert (s.phase, s.held_left, s.held_right, s.held, s.short) == (Phase.FEEDBACK, 45, 10, 55, True)


def test_a_right_side_named_tighter_is_the_right_held_longer():
    timing = TWO_SIDED.tighter(checkin.Side.RIGHT, 2.0)
    assert (timing.of(Side.LEFT), timing.of(Side.RIGHT)) == (30, 60)
    s = begin(timing).next(0).next(0).tick(30 + SWITCH_SECONDS + 60)
    assert (s.phase, s.held_left, s.held_right) == (Phase.FEEDBACK, 30, 60)


@pytest.mark.parametrize("side", [None, checkin.Side.BOTH, checkin.Side.NEITHER])
def test_no_side_named_changes_nothing(side):
    assert TWO_SIDED.tighter(side) == TWO_SIDED


@pytest.mark.parametrize("timing", [REPS, ONE_SIDED, Timing(30.0, two_sided=True, reps=8)])
def test_reps_and_one_sided_holds_are_never_lengthened(timing):
    assert timing.tighter(checkin.Side.LEFT) == timing
    assert timing.of(None) == timing.seconds


def test_started_once_the_first_hold_begins_and_kept_to_the_end():
    """What tells a stretch left on its first screens (nothing declined) from a skip."""
    s = begin(TWO_SIDED)
    assert not s.started and not s.next(0).started and not s.next(0).close(1).started
    hold = s.next(0).next(0)
    assert hold.started and hold.close(1).started
    assert hold.next(1).next(1).started and hold.tick(1000).feel(Feeling.SAME, 1000).started


def test_one_sided_goes_straight_to_feedback():
    s = begin(ONE_SIDED).next(0).next(0)
    assert (s.phase, s.side) == (Phase.HOLD, None)
    assert s.tick(240).phase is Phase.FEEDBACK


def test_reps_count_with_the_pace():
    s = begin(REPS).next(0).next(0)
    assert REPS.pace == 6.0
    assert [s.rep(t) for t in (0, 5.9, 6, 59, 80)] == [1, 1, 2, 10, 10]
    assert begin(TWO_SIDED).rep(0) is None


def test_pause_stops_the_clock_and_resume_restarts_it():
    s = begin(TWO_SIDED).next(0).next(0)
    s = s.pause(10)
    assert s.paused and s.remaining(1000) == 20
    assert s.tick(1000).phase is Phase.HOLD
    s = s.resume(1000)
    assert not s.paused and s.remaining(1010) == 10
    assert s.tick(1020).phase is Phase.SWITCH


def test_skip_moves_on_at_once():
    s = begin(TWO_SIDED).next(0).next(0).next(3)
    assert (s.phase, s.side) == (Phase.SWITCH, Side.RIGHT)
    s = s.next(4)
    assert (s.phase, s.side, s.remaining(4)) == (Phase.HOLD, Side.RIGHT, 30)


def test_skip_while_paused_starts_the_next_step_running():
    s = begin(TWO_SIDED).next(0).next(0).pause(5).next(6)
    assert s.phase is Phase.SWITCH and not s.paused


def test_a_long_gap_carries_through_every_timed_phase():
    s = begin(TWO_SIDED).next(0).next(0)
    assert s.tick(30 + SWITCH_SECONDS + 12).remaining(30 + SWITCH_SECONDS + 12) == 18
    assert s.tick(10_000).phase is Phase.FEEDBACK


def test_closing_at_feedback_counts_as_done_without_a_feeling():
    s = begin(ONE_SIDED).next(0).next(0).tick(240).close(241)
    assert (s.phase, s.feeling) == (Phase.DONE, None)


def test_untimed_phases_have_no_clock():
    s = begin(TWO_SIDED)
    assert (s.duration, s.progress(5), s.remaining(5), s.paused) == (0.0, 0.0, 0.0, False)


@given(st.lists(st.tuples(st.sampled_from(list(Event)), st.floats(0, 50)), max_size=30))
def test_random_event_sequences_never_break_invariants(events):
    s, now = begin(TWO_SIDED), 0.0
    for event, step in events:
        now += step
        s = s.tick(now)
        with contextlib.suppress(IllegalMove):
            s = fire(s, event, now)
        assert 0.0 <= s.progress(now) <= 1.0
        assert s.side is None or s.phase in (Phase.HOLD, Phase.SWITCH, Phase.CLOSED)
        assert (s.phase is Phase.DONE) or s.feeling is None
