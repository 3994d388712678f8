"""core/cues.py: what the walk-through says aloud, as the table in its docstring says,
each line once, and nothing on a pause."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qlbreak.core import cues
from qlbreak.core.cues import Cues, moment
from qlbreak.core.session import SWITCH_SECONDS, Phase, Session, Side, Timing, begin

STEP = 0.1  # the dialog looks every 100 ms

EXERCISE = Timing(30.0, two_sided=True, sets=3, rest=30.0)  # a side plank: 30 s a side, 3 sets
STRETCH = Timing(30.0, two_sided=True)  # a stretch: one set, no rest
ONE_SIDED = Timing(40.0, two_sided=False, sets=2, rest=20.0)
REPS = Timing(40.0, two_sided=True, reps=10, sets=2, rest=15.0)
SHORT = Timing(15.0, two_sided=True)


def started(timing: Timing) -> Session:
    return begin(timing).next(0.0).next(0.0)  # intro, position: the first hold begins at 0


def script(timing: Timing, pauses: dict[float, float] | None = None) -> list[tuple[float, str]]:
    """Each line said, with when, over a whole walk looked at every 100 ms; ``pauses``:
    paused at one time, resumed at another."""
    look, session = Cues(), begin(timing)
    said: list[tuple[float, str]] = []
    assert look.look(session, 0.0) is None
    session = session.next(0.0)
    assert look.look(session, 0.0) is None  # getting into position: nothing
    session = session.next(0.0)
    ticks = 0
    pauses = dict(pauses or {})
    resumes = {v: k for k, v in pauses.items()}
    while session.phase is not Phase.FEEDBACK:
        ticks += 1
        now = round(ticks * STEP, 3)
        if now in pauses:
            session = session.pause(now)
        elif now in resumes:
            session = session.resume(now)
        session = session.tick(now)
        line = look.look(session, now)
        if line is not None:
            said.append((now, line))
    return said


def test_an_exercise_in_sets_says_each_cue_in_its_place():
    rest, side = EXERCISE.rest, EXERCISE.seconds
    one_set = 2 * side + SWITCH_SECONDS  # left, switch, right
    expected: list[tuple[float, str]] = []
    for n in range(3):
        start = n * (one_set + rest)
        if n:
            expected.append((start, f"Set {n + 1} of 3, left side"))  # which side, eyes off the screen
        expected += [
            (start + side - 10, "Ten seconds"),
            (start + side, "Switch to your right side"),
            (start + side + SWITCH_SECONDS + side - 10, "Ten seconds"),
        ]
        expected.append((start + one_set, "Rest" if n < 2 else "Done"))
    assert script(EXERCISE) == expected


def test_a_stretch_switches_and_ends():
    assert [line for _, line in script(STRETCH)] == ["Ten seconds", "Switch to your right side", "Ten seconds", "Done"]


def test_one_sided_sets_say_the_set_and_no_side():
    lines = [line for _, line in script(ONE_SIDED)]
    assert lines == ["Ten seconds", "Rest", "Set 2 of 2", "Ten seconds", "Done"]


def test_reps_are_counted_on_the_screen_not_aloud():
    lines = [line for _, line in script(REPS)]
    assert lines == ["Switch to your right side", "Rest", "Set 2 of 2, left side", "Switch to your right side", "Done"]


def test_a_short_hold_has_no_ten_seconds():
    assert [line for _, line in script(SHORT)] == ["Switch to your right side", "Done"]


def test_nothing_on_a_pause_and_no_second_ten_seconds_after_it():
    """Paused in the last ten seconds of the left side, resumed a minute later."""
    said = script(STRETCH, pauses={25.0: 85.0})
    assert said == [
        (20.0, "Ten seconds"),
        (90.0, "Switch to your right side"),
        (115.0, "Ten seconds"),
        (125.0, "Done"),
    ]


def test_the_same_moment_seen_twice_says_nothing_the_second_time():
    look, session = Cues(), started(EXERCISE)
    look.look(session, 0.0)
    switch = session.tick(30.0)
    assert look.look(switch, 30.0) == "Switch to your right side"
    assert look.look(switch, 30.0) is None
    assert look.look(switch.tick(31.0), 31.0) is None


def test_after_a_long_gap_only_the_moment_now_counts():
    """The window hung through the switch and into the right side: no backlog."""
    look, session = Cues(), started(STRETCH)
    look.look(session, 0.0)
    assert look.look(session.tick(40.0), 40.0) is None  # the right side's hold, 5 s in
    assert look.look(session.tick(50.0), 50.0) is None  # 15 s left
    assert look.look(session.tick(55.1), 55.1) == "Ten seconds"


def test_the_first_look_says_nothing_and_closing_says_nothing():
    look, session = Cues(), started(EXERCISE)
    assert look.look(session.tick(25.0), 25.0) is None  # already in the last ten seconds
    assert look.look(session.close(26.0), 26.0) is None


def test_the_words():
    assert (cues.TEN_SECONDS, cues.REST, cues.DONE) == ("Ten seconds", "Rest", "Done")
    assert cues.set_of(2, 3) == "Set 2 of 3"
    assert cues.set_of(2, 3, Side.LEFT) == "Set 2 of 3, left side"


ACTIONS = st.lists(st.tuples(st.sampled_from(["tick", "pause", "skip"]), st.floats(0, 40)), max_size=40)


@given(ACTIONS)
def test_each_line_belongs_to_a_moment_of_its_own(actions):
    """However the person pauses, resumes and skips, and however long between looks, no
    moment gets its line twice."""
    look, session, now = Cues(), started(EXERCISE), 0.0
    look.look(session, now)
    heard: list[tuple[object, ...]] = []
    for action, gap in actions:
        if session.phase is Phase.FEEDBACK:
            break
        now += gap
        if action == "pause" and session.timed:
            session = session.resume(now) if session.paused else session.pause(now)
        elif action == "skip":
            session = session.next(now)
        session = session.tick(now)
        if look.look(session, now) is not None:
            m = moment(session, now)
            heard.append((m.phase, m.side, m.set, m.last_ten))
    assert len(heard) == len(set(heard))
