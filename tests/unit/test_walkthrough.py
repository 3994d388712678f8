"""ui/walkthrough.py and stretches/choosing.py: presses become history records; "Another one" swaps the stretch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from qlbreak.core.checkin import Side, Worry
from qlbreak.core.picker import Preferences, allowed
from qlbreak.core.session import SWITCH_SECONDS, Feeling, Phase
from qlbreak.storage.history import History
from qlbreak.stretches.catalogue import load
from qlbreak.stretches.choosing import NothingFits, choose, lately
from qlbreak.ui.walkthrough import Walkthrough

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)  # a Wednesday
CATALOGUE = load()
WORK = frozenset(range(5))


@pytest.fixture
def history(tmp_path):
    h = History.open(tmp_path / "history.db", NOW)
    yield h
    h.close()


def walk(history: History, stretch_id: str = "seated-side-bend", prefs: Preferences | None = None) -> Walkthrough:
    stretch = CATALOGUE.get(stretch_id)
    assert stretch is not None
    return Walkthrough(
        stretch,
        open_history=lambda: history,
        another_for=lambda h, skip: choose(CATALOGUE, prefs or Preferences(), h, NOW, skip),
        workdays=WORK,
        wall=lambda: NOW,
    )


def test_the_history_opens_only_when_a_record_is_due(history):
    opened = []
    stretch = CATALOGUE.get("cat-cow")
    w = Walkthrough(stretch, lambda: opened.append(1) or history, lambda h, s: stretch, WORK, lambda: NOW)
    w.next(0)
    w.next(0)
    w.toggle_pause(1)
    assert opened == []
    w.close(2)
    assert opened == [1] and [e.kind for e in history.events()] == ["skipped"]


def test_done_with_a_feeling_is_recorded_with_the_streak(history):
    w = walk(history)
    w.next(0)
    w.next(0)
    w.tick(1000)  # both sides and the switch pass
    assert w.session.phase is Phase.FEEDBACK
    w.feel(Feeling.BETTER, 1000)
    (event,) = history.events()
    assert (event.kind, event.stretch, event.feeling) == ("done", "seated-side-bend", Feeling.BETTER)
    assert w.streak == 1


def test_closing_during_a_hold_is_skipped_and_recorded_once(history):
    w = walk(history)
    w.next(0)
    w.next(0)
    w.close(1)
    w.close(2)
    assert [e.kind for e in history.events()] == ["skipped"] and w.outcome == "skipped"


@pytest.mark.parametrize("presses", [0, 1])  # closed on the first screen, or on "Get into position"
def test_closing_before_the_first_hold_records_nothing_and_declines_nothing(history, presses):
    w = walk(history)
    for _ in range(presses):
        w.next(0)
    w.close(1)
    assert history.events() == [] and w.outcome == "closed"
    assert lately(CATALOGUE, history, NOW).declined == frozenset()


def test_the_hint_says_what_space_does_now(history):
    w = walk(history)
    assert w.hint == "Enter to go on · Esc to close"
    w.next(0)
    w.next(0)
    assert w.hint == "Space pause · → skip · Esc stop"
    w.toggle_pause(1)
    assert w.hint == "Space resume · → skip · Esc stop"
    w.next(1)  # skipped to the switch, which runs
    assert (w.session.phase, w.hint) == (Phase.SWITCH, "Space pause · → skip · Esc stop")
    w.toggle_pause(2)
    assert w.hint == "Space resume · → skip · Esc stop"
    w.tick(1000)  # paused: it stays
    w.toggle_pause(1000)
    w.tick(2000)
    assert (w.session.phase, w.hint) == (Phase.FEEDBACK, "1-4 to answer")
    w.feel(Feeling.SAME, 2000)
    assert w.hint == "Enter to close"


def test_pause_toggles(history):
    w = walk(history)
    w.next(0)
    w.next(0)
    w.toggle_pause(5)
    assert w.session.paused
    w.toggle_pause(50)
    assert not w.session.paused and w.session.remaining(50) == 25


def test_another_one_records_a_switch_and_offers_something_new(history):
    w = walk(history)
    seen = {w.stretch.id}
    for _ in range(4):
        w.another(0)
        assert w.stretch.id not in seen
        seen.add(w.stretch.id)
        assert w.session.phase is Phase.INTRO
    assert [e.kind for e in history.events()] == ["switched"] * 4


@pytest.mark.parametrize("demo", [False, True])
def test_another_one_offers_the_whole_rotation_in_turn_then_round_again(history, demo):
    """Twelve presses under the default settings: each stretch in the rotation once
    (whatever the picker's rules about today's declines), then from the first again;
    never "nothing else fits". A demo records nothing, and goes round the same way."""
    w = walk(history)
    w.demo = demo
    rotation = {s.id for s in CATALOGUE if allowed(s.candidate, Preferences())}
    seen = [w.stretch.id]
    for _ in range(12):
        w.another(0)
        seen.append(w.stretch.id)
    first_round = seen[: len(rotation)]
    assert set(first_round) == rotation and seen[len(rotation) :] == first_round[: 13 - len(rotation)]
    assert not w.alone
    assert {e.kind for e in history.events()} == (set() if demo else {"switched"})


def test_choose_skips_what_was_offered_while_anything_else_fits(history):
    """``skip`` (what this window offered) is never chosen while another stretch fits,
    and when it covers the whole rotation the choice is still one that fits."""
    prefs = Preferences()
    rotation = {s.id for s in CATALOGUE if allowed(s.candidate, prefs)}
    skip: set[str] = set()
    while skip != rotation:
        chosen = choose(CATALOGUE, prefs, history, NOW, frozenset(skip)).id
        assert chosen in rotation - skip
        skip.add(chosen)
    assert choose(CATALOGUE, prefs, history, NOW, frozenset(skip)).id in rotation


def test_choose_follows_the_settings_and_explains_when_nothing_fits(history):
    prefs = Preferences(no_floor=True)
    assert choose(CATALOGUE, prefs, history, NOW).no_floor
    with pytest.raises(NothingFits, match="no stretch fits"):
        choose(CATALOGUE, Preferences(avoid=CATALOGUE.ids), history, NOW)


def test_it_hurt_rests_the_stretch(history):
    w = walk(history, "seated-twist")
    w.next(0)
    w.next(0)
    w.tick(1000)
    w.feel(Feeling.HURT, 1000)
    picks = {choose(CATALOGUE, Preferences(), history, NOW + timedelta(days=d)).id for d in range(5)}
    assert "seated-twist" not in picks


def test_another_one_when_nothing_else_fits_changes_nothing(history):
    only = Preferences(avoid=CATALOGUE.ids - {"seated-side-bend"})
    w = walk(history, "seated-side-bend", prefs=only)
    assert not w.alone
    with pytest.raises(NothingFits, match="the only stretch that fits"):
        w.another(0)
    assert (w.stretch.id, w.session.phase, history.events()) == ("seated-side-bend", Phase.INTRO, [])
    assert w.alone  # the window greys "Another one" out


def test_a_hold_ended_early_is_partial_with_the_seconds_held_and_no_streak(history):
    w = walk(history)  # seated side bend: 30 s a side
    w.next(0)
    w.next(0)  # the left hold starts at 0
    w.next(20)  # Skip after 20 s
    w.tick(25)  # the switch runs out; the right hold starts at 25
    w.tick(55)  # the right side held in full
    assert w.session.phase is Phase.FEEDBACK
    w.feel(Feeling.SAME, 56)
    (event,) = history.events()
    assert (event.kind, event.seconds, event.feeling) == ("partial", 50, Feeling.SAME)
    assert w.outcome == "partial" and w.streak == 0 and history.done_days() == set()


def test_a_hold_skipped_in_its_last_second_still_counts_as_done(history):
    w = walk(history)
    w.next(0)
    w.next(0)
    w.next(29.5)
    w.tick(34.5)
    w.next(64.2)
    w.feel(Feeling.BETTER, 65)
    assert [e.kind for e in history.events()] == ["done"]


def test_a_demo_records_nothing_even_it_hurt(history):
    stretch = CATALOGUE.get("cat-cow")
    assert stretch is not None
    opened = []
    w = Walkthrough(stretch, lambda: opened.append(1) or history, lambda h, s: stretch, WORK, lambda: NOW, demo=True)
    w.next(0)
    w.next(0)
    w.tick(1000)
    w.feel(Feeling.HURT, 1000)
    assert w.outcome == "done" and history.events() == [] and opened == []


def test_each_side_held_is_recorded(history):
    w = walk(history)
    w.next(0)
    w.next(0)
    w.next(20)  # the left cut short after 20 s
    w.tick(25)
    w.tick(55)  # the right held in full
    w.feel(Feeling.SAME, 56)
    (event,) = history.events()
    assert (event.left_seconds, event.right_seconds) == (20, 30)


def test_a_one_sided_stretch_records_no_sides(history):
    w = walk(history, "cat-cow")
    w.next(0)
    w.next(0)
    w.tick(1000)
    w.feel(Feeling.SAME, 1000)
    (event,) = history.events()
    assert (event.kind, event.left_seconds, event.right_seconds) == ("done", None, None)


def test_the_check_in_is_recorded_and_its_tighter_side_held_longer(history):
    w = walk(history)  # seated side bend: 30 s a side
    w.check_in(4, Side.LEFT, leg=False)
    (event,) = history.events()
    assert (event.kind, event.pain, event.tighter, event.leg) == ("checkin", 4, Side.LEFT, False)
    w.next(0)
    w.next(0)
    assert w.session.remaining(0) == 45
    assert w.tighter_note == "Your left side felt tighter today: 45 s here, 30 s on the right."
    w.tick(45)
    w.tick(50)  # the switch ran out: the right side
    assert w.session.remaining(50) == 30
    assert w.tighter_note == "Your left side felt tighter today, so it had 45 s; 30 s here."
    w.tick(80)
    w.feel(Feeling.BETTER, 80)
    done = history.events()[-1]
    assert (done.kind, done.left_seconds, done.right_seconds) == ("done", 45, 30)


def test_the_right_side_tighter_is_said_ahead_of_it_then_on_it(history):
    w = walk(history)
    w.check_in(4, Side.RIGHT, leg=False)
    w.next(0)
    w.next(0)  # the left side first: the right is still to come
    assert w.tighter_note == "Your right side felt tighter today, so it gets 45 s; 30 s here."
    w.tick(30)
    w.tick(35)
    assert w.tighter_note == "Your right side felt tighter today: 45 s here, 30 s on the left."


def test_the_tighter_side_follows_another_stretch(history):
    w = walk(history, "cat-cow")  # reps: never lengthened
    w.check_in(6, Side.RIGHT)
    assert w.session.timing.left is None
    while not w.stretch.two_sided or w.stretch.reps is not None:
        w.another(0)
    seconds = w.stretch.hold_seconds
    w.next(0)
    w.next(0)
    assert w.session.remaining(0) == seconds  # the left side
    w.next(0)
    w.tick(SWITCH_SECONDS)
    assert w.session.remaining(SWITCH_SECONDS) == round(seconds * 1.5)


def test_a_skipped_check_in_is_recorded_without_a_rating_and_changes_no_hold(history):
    w = walk(history)
    w.check_in(None)
    (event,) = history.events()
    assert (event.kind, event.pain, event.tighter) == ("checkin", None, None)
    w.next(0)
    w.next(0)
    assert w.session.remaining(0) == 30 and w.tighter_note is None


@pytest.mark.parametrize("side", [Side.BOTH, Side.NEITHER])
def test_both_or_neither_side_changes_no_hold(history, side):
    w = walk(history)
    w.check_in(2, side)
    w.next(0)
    w.next(0)
    assert w.session.remaining(0) == 30 and w.tighter_note is None


def test_a_worry_said_is_recorded(history):
    w = walk(history)
    w.warned(Worry.RISING)
    (event,) = history.events()
    assert (event.kind, event.worry) == ("warned", Worry.RISING)


def test_a_busy_history_keeps_the_check_in_in_the_spool(tmp_path):
    from qlbreak.storage.history import HistoryBusy
    from qlbreak.storage.spool import Spool, beside

    path = tmp_path / "history.db"

    def busy() -> History:
        raise HistoryBusy("busy")

    stretch = CATALOGUE.get("seated-side-bend")
    assert stretch is not None
    w = Walkthrough(stretch, busy, lambda h, s: stretch, WORK, lambda: NOW, spool_beside=str(path))
    w.check_in(3, Side.RIGHT, leg=True)
    (kept,) = Spool(beside(path)).events()
    assert (kept.kind, kept.pain, kept.tighter, kept.leg) == ("checkin", 3, Side.RIGHT, True)
    assert [e.kind for e in w.unsaved] == ["checkin"]
