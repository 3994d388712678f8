"""An exercise in the stretch window, without a display: its words (ui/exercise.py), its
level read from the history (ui/lately.py, ui/stretch.py) and its rating recorded
(ui/walkthrough.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from qlbreak.core.kinds import Record
from qlbreak.core.session import Feeling, Phase, Timing, begin
from qlbreak.storage.history import Event, History
from qlbreak.stretches.catalogue import Level, load
from qlbreak.ui import exercise
from qlbreak.ui.lately import ratings
from qlbreak.ui.stretch import _leveled
from qlbreak.ui.walkthrough import Walkthrough

NOW = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
CATALOGUE = load()
BASE = CATALOGUE.get("seated-side-bend")
assert BASE is not None
LIFT = replace(
    BASE,
    id="test-lift",
    name="Test lift",
    kind="strengthen",
    two_sided=False,
    sets=2,
    rest_seconds=20,
    reps=10,
    hold_seconds=40,
    breath="Breathe out as you lift, in as you lower. Never hold your breath.",
    easier=Level("Test lift, easier", reps=6),
    harder=Level("Test lift, harder", reps=12, hold_seconds=60),
)


def test_the_words_of_a_set_a_rep_and_a_rest():
    s = begin(LIFT.timing).next(0).next(0)
    assert exercise.set_line(s) == "Set 1 of 2"
    assert exercise.rep_line(s, LIFT, 13) == "4 of 10 · breathe out as you lift"  # 4 s a rep: 13 is rep 4's first half
    assert exercise.rep_line(s, LIFT, 15) == "4 of 10 · breathe in as you lower"
    rest = s.tick(40)
    assert (rest.phase, exercise.set_line(rest)) == (Phase.REST, "")
    assert exercise.rest_line(rest, 46) == "Rest · 0:14 · Set 2 next"
    assert exercise.amount(LIFT) == "2 sets of 10 slow reps, 20 s rest between"


def test_a_hold_says_keep_breathing_and_a_stretch_says_what_it_always_did():
    plank = replace(LIFT, reps=None, breath="")
    hold = begin(Timing(20.0, False, sets=2, rest=10.0)).next(0).next(0)
    assert exercise.rep_line(hold, plank, 5) == exercise.HOLD_BREATH
    assert not exercise.in_sets(BASE) and exercise.amount(BASE) == "30 seconds each side"


@pytest.mark.parametrize(
    ("breath", "halves"),
    [
        (
            "Breathe in as your arms slide up, out as they come down.",
            ("breathe in as your arms slide up", "breathe out as they come down"),
        ),
        ("Keep breathing slowly: never hold it.", ("breathe out", "breathe in")),
        ("", ("breathe out", "breathe in")),
    ],
)
def test_the_breath_is_said_in_its_own_order(breath, halves):
    assert exercise.breaths(breath) == halves


def test_every_exercise_in_the_catalogue_splits_its_breath_or_keeps_the_plain_words():
    for s in CATALOGUE:
        if s.strengthens and s.reps:
            first, second = exercise.breaths(s.breath)
            assert {first.split()[1], second.split()[1]} == {"in", "out"}, s.id


def _record(path, *feelings: Feeling) -> None:
    h = History.open(path, NOW)
    for n, feeling in enumerate(feelings):
        h.record(Event(NOW - timedelta(days=10 - n), Record.DONE, LIFT.id, feeling))
    h.record(Event(NOW, Record.DONE, "seated-side-bend", Feeling.WORSE))  # another's: not this one's
    h.close()


def test_the_window_offers_the_level_the_ratings_lead_to(tmp_path):
    path = tmp_path / "history.db"
    assert _leveled(str(path), LIFT) == (LIFT, "standard") and not path.exists()
    _record(path, Feeling.RIGHT, Feeling.EASY)
    assert ratings(str(path), LIFT.id) == [Feeling.RIGHT, Feeling.EASY]
    harder, level = _leveled(str(path), LIFT)
    assert (level, harder.name, harder.reps, harder.hold_seconds, harder.sets) == (
        "harder",
        "Test lift, harder",
        12,
        60,
        2,
    )
    assert _leveled(str(path), BASE) == (BASE, "standard")  # a stretch: no look at all


def test_it_hurt_brings_it_back_easier(tmp_path):
    path = tmp_path / "history.db"
    _record(path, Feeling.EASY, Feeling.HURT)
    easier, level = _leveled(str(path), LIFT)
    assert (level, easier.name, easier.reps) == ("easier", "Test lift, easier", 6)


def test_the_rating_after_the_last_set_is_recorded_and_moves_the_next_offer(tmp_path):
    path = tmp_path / "history.db"
    history = History.open(path, NOW)
    try:
        w = Walkthrough(
            LIFT,
            open_history=lambda: history,
            another_for=lambda h, skip: LIFT,
            workdays=frozenset(range(5)),
            wall=lambda: NOW,
            leveled=lambda s: _leveled(str(path), s),
        )
        assert (w.level, w.stretch.name) == ("standard", "Test lift")
        w.next(0)
        w.next(0)
        w.tick(40)
        assert (w.session.phase, w.session.set, w.hint) == (Phase.REST, 1, "Space pause · → skip · Esc stop")
        w.next(41)  # the rest skipped
        w.tick(81)
        assert (w.session.phase, w.session.set) == (Phase.FEEDBACK, 2)
        w.feel(Feeling.EASY, 82)
        (event,) = history.events()
        assert (event.kind, event.stretch, event.feeling) == (Record.DONE, LIFT.id, Feeling.EASY)
    finally:
        history.close()
    assert _leveled(str(path), LIFT)[1] == "harder"
