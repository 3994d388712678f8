"""core/picker.py: filters, rotation, ratings and the rest after "it hurt"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from qlbreak.core.picker import HURT_REST, Candidate, Done, Preferences, allowed, pick, why_not
from qlbreak.core.session import Feeling

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
NONE = frozenset({"none"})
CHAIR = frozenset({"chair"})
CANDIDATES = (
    Candidate("floor-twist", no_floor=False, equipment=NONE),
    Candidate("seated-twist", no_floor=True, equipment=CHAIR),
    Candidate("side-reach", no_floor=True, equipment=NONE),
    Candidate("stick", no_floor=True, equipment=frozenset({"stick", "door-frame"})),
)


# A home with a chair and the floor: what the older tests below were written for.
HOME = Preferences(no_floor=False, equipment=frozenset({"none", "chair"}))


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def test_filters():
    prefs = HOME
    assert [c.id for c in CANDIDATES if allowed(c, prefs)] == ["floor-twist", "seated-twist", "side-reach"]
    assert why_not(CANDIDATES[0], Preferences()) == "on the floor"
    assert why_not(CANDIDATES[3], HOME) == "needs a door frame or a stick or broom handle"
    floor_ball = Candidate("ball", no_floor=False, equipment=frozenset({"ball"}))
    assert why_not(floor_ball, Preferences()) == "on the floor, needs a massage ball"
    assert why_not(CANDIDATES[2], Preferences(avoid=frozenset({"side-reach"}))) == "you chose to avoid it"
    assert not allowed(CANDIDATES[0], Preferences(no_floor=True))
    assert allowed(CANDIDATES[3], Preferences(equipment=frozenset({"door-frame"})))
    assert not allowed(CANDIDATES[2], Preferences(avoid=frozenset({"side-reach"})))
    assert allowed(CANDIDATES[2], Preferences(equipment=frozenset())), "needing nothing always fits"


def test_never_done_first_in_catalogue_order():
    assert pick(CANDIDATES, HOME, [], NOW) == "floor-twist"


def test_least_recently_done_wins():
    done = [Done("floor-twist", ago(1)), Done("seated-twist", ago(3)), Done("side-reach", ago(2))]
    assert pick(CANDIDATES, HOME, done, NOW) == "seated-twist"


def test_never_the_same_twice_in_a_row():
    done = [Done("floor-twist", ago(20)), Done("seated-twist", ago(1)), Done("side-reach", ago(1))]
    assert pick(CANDIDATES, HOME, done, NOW, last="floor-twist") != "floor-twist"


def test_the_only_candidate_may_repeat():
    prefs = Preferences(no_floor=True, equipment=NONE)
    assert pick(CANDIDATES, prefs, [], NOW, last="side-reach") == "side-reach"


def test_better_ratings_are_preferred():
    done = [
        Done("floor-twist", ago(2), Feeling.SAME),
        Done("seated-twist", ago(2), Feeling.BETTER),
        Done("side-reach", ago(2), Feeling.WORSE),
    ]
    assert pick(CANDIDATES, HOME, done, NOW) == "seated-twist"


def test_it_hurt_rests_the_stretch_for_14_days():
    hurt = [Done("floor-twist", ago(13), Feeling.HURT)]
    prefs = Preferences(no_floor=False, equipment=NONE)
    assert pick(CANDIDATES, prefs, hurt, NOW) == "side-reach"
    rested = [Done("floor-twist", NOW - HURT_REST - timedelta(minutes=1), Feeling.HURT)]
    assert pick(CANDIDATES, prefs, [*rested, Done("side-reach", ago(0.1))], NOW) == "floor-twist"


def test_nothing_fits():
    assert pick(CANDIDATES, Preferences(avoid=frozenset(c.id for c in CANDIDATES)), [], NOW) is None


@given(
    st.lists(
        st.tuples(st.sampled_from([c.id for c in CANDIDATES]), st.floats(0, 90), st.sampled_from([None, *Feeling])),
        max_size=20,
    ),
    st.sampled_from([None, *(c.id for c in CANDIDATES)]),
    st.booleans(),
)
def test_picks_are_always_allowed_and_never_repeat(history, last, no_floor):
    done = [Done(s, ago(d), f) for s, d, f in history]
    prefs = Preferences(no_floor=no_floor)
    chosen = pick(CANDIDATES, prefs, done, NOW, last=last)
    hurt = {d.stretch for d in done if d.feeling is Feeling.HURT and NOW - d.at < HURT_REST}
    pool = [c.id for c in CANDIDATES if allowed(c, prefs) and c.id not in hurt]
    assert (chosen is None) == (not pool)
    if chosen is not None:
        assert chosen in pool
        assert chosen != last or pool == [last]


def test_a_work_pc_by_default_no_floor_and_a_door_frame():
    prefs = Preferences()
    assert [c.id for c in CANDIDATES if allowed(c, prefs)] == ["seated-twist", "side-reach", "stick"]


def test_on_a_tie_a_stretch_for_the_ql_comes_first():
    ql = Candidate("ql-side", no_floor=True, equipment=NONE, for_ql=True)
    assert pick((*CANDIDATES, ql), Preferences(), [], NOW) == "ql-side"
    assert pick((*CANDIDATES, ql), Preferences(), [Done("ql-side", ago(1))], NOW) == "seated-twist"


def test_at_the_office_the_door_frame_ql_stretch_comes_within_the_first_three():
    from qlbreak.stretches.catalogue import load

    catalogue = load()
    candidates = [s.candidate for s in catalogue]
    done: list[Done] = []
    offered = []
    for n in range(3):
        last = done[-1].stretch if done else None
        chosen = pick(candidates, Preferences(), done, NOW + timedelta(hours=n), last)
        assert chosen is not None
        offered.append(chosen)
        done.append(Done(chosen, NOW + timedelta(hours=n)))
    assert "ql-stick-stretch" in offered
    assert all(catalogue.get(s).no_floor for s in offered)  # type: ignore[union-attr]
