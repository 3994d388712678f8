"""core/reminder.py: every move from every reachable stage, and proof that an illegal
one raises and changes nothing; the time rules of a reminder on show."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from qlbreak.core.reminder import (
    FINAL,
    MOVES,
    IllegalMove,
    Moved,
    OnShow,
    Stage,
    Trigger,
    covered,
    falls_due,
    move,
    timed_event,
    wake_at,
)
from qlbreak.core.schedule import Occurrence

ZONE = ZoneInfo("Europe/Berlin")
AT = datetime(2026, 11, 30, 9, 30, tzinfo=ZONE)
OCC = Occurrence(AT, "morning", date(2026, 11, 30))
GRACE, SNOOZE = timedelta(minutes=30), timedelta(minutes=10)
FIRED = falls_due(OCC, "cat-cow", "Cat-cow", GRACE)


def go(reminder: OnShow, event: Trigger, now: datetime = AT) -> OnShow:
    return move(reminder, event, now, SNOOZE, GRACE).reminder


def every_reachable() -> list[OnShow]:
    """From the reminders the schedule fires (a plain one and a catch-up), every stage
    the moves can reach."""
    fired = (FIRED, replace(FIRED, catch_up=True))
    seen, todo = set(fired), list(fired)
    while todo:
        reminder = todo.pop()
        for event in Trigger:
            if reminder.can(event):
                after = go(reminder, event)
                if after not in seen:
                    seen.add(after)
                    todo.append(after)
    return sorted(seen, key=lambda r: (r.stage.value, r.until, r.catch_up))


def test_every_stage_is_reachable_and_only_final_stages_are_dead_ends():
    reachable = every_reachable()
    assert {r.stage for r in reachable} == set(Stage)
    for reminder in reachable:
        assert any(reminder.can(e) for e in Trigger) == (reminder.stage not in FINAL)


LATER = AT + timedelta(minutes=3)  # the moves below happen now, not when the reminder fell due


@pytest.mark.parametrize("event", list(Trigger))
def test_a_move_follows_the_table_and_an_illegal_one_raises_and_changes_nothing(event: Trigger):
    for reminder in every_reachable():
        if (reminder.stage, event) not in MOVES:
            assert not reminder.can(event)
            with pytest.raises(IllegalMove) as refused:
                move(reminder, event, LATER, SNOOZE, GRACE)
            # it names what was refused; what the caller keeps is its reminder, which
            # nothing can change (frozen: a move that tried would raise, not succeed)
            assert (refused.value.stage, refused.value.event) == (reminder.stage, event)
            with pytest.raises(FrozenInstanceError):
                reminder.stage = Stage.DISMISSED  # type: ignore[misc]
            continue
        moved = move(reminder, event, LATER, SNOOZE, GRACE)
        stage, record = MOVES[(reminder.stage, event)]
        until = {Trigger.SNOOZE: LATER + SNOOZE, Trigger.RETURN: LATER + GRACE}.get(event, reminder.until)
        # the whole reminder: the stage and its time move, nothing else (the occurrence, the
        # stretch, its name and whether it is a catch-up stay)
        assert moved == Moved(replace(reminder, stage=stage, until=until), record)


def test_each_answer_is_recorded_the_way_the_history_counts_it():
    assert move(FIRED, Trigger.SNOOZE, AT, SNOOZE, GRACE).record == "snoozed"
    assert move(FIRED, Trigger.SKIP, AT, SNOOZE, GRACE).record == "skipped"
    assert move(FIRED, Trigger.EXPIRE, AT, SNOOZE, GRACE).record == "missed"
    assert move(FIRED, Trigger.STRETCHED, AT, SNOOZE, GRACE).record is None  # the window wrote "done"


def test_a_fired_reminder_is_shown_until_its_grace_window_ends():
    assert FIRED.stage is Stage.DUE and FIRED.shown and FIRED.until == AT + GRACE
    assert timed_event(FIRED, AT + GRACE - timedelta(seconds=1), GRACE, paused=False) is None
    assert timed_event(FIRED, AT + GRACE, GRACE, paused=False) is Trigger.EXPIRE
    assert wake_at(FIRED) == AT + GRACE


def test_a_snooze_comes_back_with_the_same_stretch_and_a_full_grace_window():
    snoozed = go(FIRED, Trigger.SNOOZE, AT + timedelta(minutes=1))
    assert snoozed.stage is Stage.SNOOZED and not snoozed.shown
    assert snoozed.until == AT + timedelta(minutes=11) == wake_at(snoozed)
    assert timed_event(snoozed, AT + timedelta(minutes=5), GRACE, paused=False) is None
    back_at = AT + timedelta(minutes=11, seconds=20)
    assert timed_event(snoozed, back_at, GRACE, paused=False) is Trigger.RETURN
    again = go(snoozed, Trigger.RETURN, back_at)
    assert again.shown and again.stretch == "cat-cow" and again.until == back_at + GRACE


def test_a_snooze_that_ends_while_paused_or_asleep_past_grace_is_missed():
    snoozed = go(FIRED, Trigger.SNOOZE, AT)
    assert timed_event(snoozed, snoozed.until, GRACE, paused=True) is Trigger.EXPIRE
    assert timed_event(snoozed, snoozed.until + GRACE + timedelta(seconds=1), GRACE, paused=False) is Trigger.EXPIRE


def test_a_held_reminder_waits_out_of_sight_and_still_ends_with_its_grace_window():
    held = go(FIRED, Trigger.HOLD)
    assert held.stage is Stage.HELD and not held.shown and held.until == FIRED.until
    assert timed_event(held, FIRED.until, GRACE, paused=False) is Trigger.EXPIRE
    assert go(held, Trigger.RELEASE).shown


def test_final_reminders_are_left_to_rest():
    for final in (go(FIRED, Trigger.SKIP), go(FIRED, Trigger.EXPIRE)):
        assert timed_event(final, final.until + timedelta(days=1), GRACE, paused=False) is None
        assert wake_at(final) is None
    assert wake_at(None) is None


def test_a_stretch_done_ends_the_reminder_in_every_live_stage():
    for stage in (Stage.DUE, Stage.HELD, Stage.SNOOZED):
        assert MOVES[(stage, Trigger.STRETCHED)] == (Stage.DISMISSED, None)


@pytest.mark.parametrize(
    ("done_minutes_ago", "due_today", "why"),
    [
        ((), 2, None),
        ((5,), 2, "stretched at 09:25"),
        ((45,), 2, "stretched at 08:45"),
        ((46,), 2, None),  # longer ago than DONE_AHEAD
        ((180, 120), 2, "today's stretches are done (2/2)"),
        ((180, 120), 3, None),
        ((-5,), 2, None),  # a record from the future (a clock set back) covers nothing
    ],
)
def test_covered_names_why_a_reminder_falling_due_need_not_show(done_minutes_ago, due_today, why):
    done = [AT - timedelta(minutes=m) for m in done_minutes_ago]
    assert covered(done, due_today, AT) == why
