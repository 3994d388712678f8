"""core/app.py: the whole app's rules through its one step function, with no desktop."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from qlbreak.core import app
from qlbreak.core.app_state import AppState, Observed, Tick
from qlbreak.core.commands import ChildEnded, Quit, SkipToday, Snooze, StretchNow
from qlbreak.core.effects import (
    Claim,
    CloseAllWindows,
    OpenWindow,
    RaiseWindow,
    Save,
    Stop,
    Withdraw,
)
from qlbreak.core.holds import Signals
from qlbreak.core.kinds import Window
from qlbreak.core.reminder import Stage
from qlbreak.core.window_specs import PromptSpec, StretchSpec
from tests.appsim import BERLIN, Desk

MONDAY_0929 = datetime(2026, 11, 30, 9, 29, tzinfo=BERLIN)
NINE_THIRTY = MONDAY_0929 + timedelta(minutes=1)


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path / "state.json")
    d.turn(MONDAY_0929)
    return d


def prompts(effects) -> list[PromptSpec]:
    return [e.spec for e in effects if isinstance(e, OpenWindow) and isinstance(e.spec, PromptSpec)]


def test_the_same_state_input_and_instant_give_the_same_result(desk):
    """Pure: nothing read from a clock, a file or a detector."""
    first = app.step(desk.state, Tick(), NINE_THIRTY)
    again = app.step(desk.state, Tick(), NINE_THIRTY)
    assert first == again


def test_a_reminder_falls_due_is_claimed_then_shown(desk):
    desk.turn(NINE_THIRTY)
    assert desk.state.reminder is not None and desk.state.reminder.stage is Stage.DUE
    assert desk.kinds() == [("fired", "morning", NINE_THIRTY.date())]
    claim = next(e for e in desk.effects if isinstance(e, Claim))
    assert prompts(claim.then), "the prompt opens only once the history took the claim"
    save_at = desk.effects.index(next(e for e in desk.effects if isinstance(e, Save)))
    assert save_at < desk.effects.index(claim), "saved as due before the history says fired"


def test_a_claim_another_copy_made_first_drops_the_reminder_unseen(desk):
    desk.records.append(app_write_fired())
    desk.turn(NINE_THIRTY)
    assert desk.state.reminder is None
    assert prompts(desk.effects) == []


def app_write_fired():
    from qlbreak.core.effects import Write
    from qlbreak.core.kinds import Record

    return Write(NINE_THIRTY, Record.FIRED, "x", "morning", NINE_THIRTY.date())


def test_detectors_not_read_at_that_instant_hold_it_until_the_next_look(desk):
    """A reminder never shows on a guess: unread, it waits for the look that follows."""
    state, effects = app.step(desk.state, Tick(), NINE_THIRTY)  # no Observed at 09:30
    assert state.reminder is not None and state.reminder.stage is Stage.HELD
    assert prompts(effects) == [] and state.wake_at == NINE_THIRTY + app.LOOK_EVERY
    desk.state = state
    desk.turn(NINE_THIRTY + app.LOOK_EVERY)
    assert desk.state.reminder is not None and desk.state.reminder.stage is Stage.DUE
    assert len(prompts(desk.effects)) == 1


def test_held_while_presenting_and_shown_once_when_it_ends(desk):
    desk.signals = Signals(full_screen=True)
    desk.turn(NINE_THIRTY)
    assert desk.state.reminder.stage is Stage.HELD and prompts(desk.effects) == []
    assert app.view(desk.state, NINE_THIRTY).waiting == "waiting until you leave full screen"
    desk.signals = Signals(full_screen=False)
    desk.turn(NINE_THIRTY + timedelta(seconds=3))
    desk.turn(NINE_THIRTY + timedelta(seconds=6))
    assert desk.state.reminder.stage is Stage.DUE and len(prompts(desk.effects)) == 1


def test_a_second_stretch_request_raises_the_open_window(desk):
    desk.turn(NINE_THIRTY, StretchNow())
    desk.turn(NINE_THIRTY, StretchNow())
    opened = [e for e in desk.effects if isinstance(e, OpenWindow) and isinstance(e.spec, StretchSpec)]
    assert len(opened) == 1 and opened[0].spec.stretch is not None
    assert RaiseWindow(Window.STRETCH) in desk.effects


def test_a_stretch_window_a_killed_run_left_is_raised_and_holds_nothing(desk):
    """Raised in place of a new one; its end never reaches this run, so it must not count
    as this run's open window (a reminder would wait for it forever)."""
    desk.orphan = True
    desk.turn(MONDAY_0929, StretchNow())
    assert not desk.state.run.stretching
    assert not [e for e in desk.effects if isinstance(e, OpenWindow) and isinstance(e.spec, StretchSpec)]
    desk.turn(NINE_THIRTY)
    assert desk.state.reminder.stage is Stage.DUE and len(prompts(desk.effects)) == 1


def test_done_in_the_window_ends_the_reminder_and_frees_the_next_stretch(desk):
    desk.turn(NINE_THIRTY)
    desk.turn(NINE_THIRTY, StretchNow())
    assert desk.state.run.stretching and desk.state.reminder.stage is Stage.HELD  # never over its own window
    desk.finish_stretch(NINE_THIRTY + timedelta(minutes=2), "door-frame-stretch")
    desk.turn(NINE_THIRTY + timedelta(minutes=2), ChildEnded(Window.STRETCH, "done"))
    assert desk.state.reminder is None and not desk.state.run.stretching
    assert app.view(desk.state, NINE_THIRTY + timedelta(minutes=2)).done_today == 1


def test_snooze_then_skip_write_what_the_user_said(desk):
    desk.turn(NINE_THIRTY)
    desk.turn(NINE_THIRTY, Snooze())
    assert desk.state.reminder.stage is Stage.SNOOZED and Withdraw() in desk.effects
    desk.turn(NINE_THIRTY + timedelta(minutes=10))
    assert desk.state.reminder.stage is Stage.DUE
    desk.turn(NINE_THIRTY + timedelta(minutes=11), SkipToday())
    assert desk.state.reminder is None
    assert [k for k, *_ in desk.kinds()] == ["fired", "snoozed", "skipped"]


def test_quit_takes_everything_away_saves_and_stops(desk):
    desk.turn(NINE_THIRTY)
    desk.effects.clear()
    desk.turn(NINE_THIRTY, Quit())
    assert desk.effects[-4:] == [Withdraw(), CloseAllWindows(), Save(), Stop()]
    assert desk.state.run.quitting


def locked_through(desk: Desk, due: datetime) -> datetime:
    """Locked through the grace window of the reminder due at ``due``; back 35 min later."""
    desk.signals = Signals(locked=True)
    at = due
    while at <= due + timedelta(minutes=31):
        desk.turn(at)
        at += timedelta(minutes=1)
    desk.signals = Signals(locked=False)
    back = due + timedelta(minutes=35)
    desk.turn(back)
    return back


def missed_unseen_then_back(desk: Desk) -> datetime:
    """Locked through the morning reminder's grace window, back at 10:05."""
    back = locked_through(desk, NINE_THIRTY)
    assert ("missed", "morning", NINE_THIRTY.date()) in desk.kinds()
    return back


def catch_ups_at_lunch_after_a_restart(desk: Desk) -> list[PromptSpec]:
    """The morning's catch-up declined, a restart, lunch missed unseen too: the
    catch-ups shown after the restart."""
    back = missed_unseen_then_back(desk)
    assert desk.state.reminder is not None and desk.state.reminder.catch_up
    desk.turn(back + timedelta(minutes=1), Snooze())  # not now, thanks
    desk.restart(back + timedelta(minutes=2))
    desk.effects.clear()
    back = locked_through(desk, back.replace(hour=12, minute=30))
    desk.turn(back + timedelta(minutes=1))
    return [p for p in prompts(desk.effects) if p.reminder.catch_up]


def test_a_catch_up_then_a_restart_the_same_day_offers_no_second(desk):
    """Issue 21: the catch-up's "at most one a day" is saved with the rest of the state."""
    assert catch_ups_at_lunch_after_a_restart(desk) == []
    assert desk.state.catch_up_on == NINE_THIRTY.date()


def test_without_the_saved_memory_the_restart_would_offer_a_second(desk, monkeypatch):
    """The test above can fail: a state file without the catch-up day offers again."""
    from qlbreak.storage import statefile

    monkeypatch.setattr(statefile.Memory, "of", staticmethod(lambda app_state: statefile.Memory()))
    assert catch_ups_at_lunch_after_a_restart(desk)


def test_observed_facts_are_kept_for_the_turn_and_counts_remembered(desk):
    state, effects = app.step(AppState(), Observed(desk.facts(app.Wants(counts=True), NINE_THIRTY)), NINE_THIRTY)
    assert effects == () and state.run.facts.at == NINE_THIRTY and state.run.counted_at == NINE_THIRTY


def test_a_catch_up_on_screen_at_a_restart_shows_again_without_a_fired_record(desk):
    """Its occurrence was recorded missed: the restart's re-show claims nothing (found by
    the restart property: the old loop recorded "fired" for it)."""
    back = missed_unseen_then_back(desk)
    assert desk.state.reminder.catch_up
    before = desk.kinds()
    desk.records = [r for r in desk.records if r.kind != "fired"]  # held, then missed: say it never fired
    desk.restart(back + timedelta(minutes=1))
    desk.turn(back + timedelta(minutes=1))
    assert ("fired", "morning", NINE_THIRTY.date()) not in desk.kinds(), before
    assert desk.state.reminder is not None and desk.state.reminder.catch_up


def test_a_reminder_the_clock_set_back_lets_fall_due_shows_at_once(tmp_path):
    """The clock ran ahead (the morning decided missed at 11:00), then is set back to
    09:35: the morning falls due again in that very turn, read as any other (the
    detectors and the picker's history read), so it shows at once, not held unread."""
    desk = Desk(tmp_path / "state.json")
    desk.turn(MONDAY_0929 - timedelta(minutes=29))
    desk.turn(MONDAY_0929.replace(hour=11))
    assert ("missed", "morning", NINE_THIRTY.date()) in desk.kinds()
    desk.state, desk.effects = replace(desk.state, catch_up=None, reminder=None), []  # (no catch-up)
    desk.turn(NINE_THIRTY + timedelta(minutes=5))
    assert desk.state.reminder is not None and desk.state.reminder.stage is Stage.DUE
    assert [p.reminder.catch_up for p in prompts(desk.effects)] == [False]


def test_a_reminder_deleted_from_the_settings_while_it_shows_is_taken_away(desk):
    from qlbreak.core.app_state import SettingsChanged
    from qlbreak.core.schedule import Plan

    desk.turn(NINE_THIRTY)
    lunch_only = replace(desk.rules, plan=Plan(desk.rules.plan.reminders[1:]))
    desk.turn(NINE_THIRTY + timedelta(minutes=1), SettingsChanged(lunch_only, frozenset()))
    assert desk.state.reminder is None and Withdraw() in desk.effects
    assert app.view(desk.state, NINE_THIRTY + timedelta(minutes=1)).reminder is None
    assert [k for k, *_ in desk.kinds()] == ["fired"]  # nothing recorded for it


def test_a_snooze_length_changed_while_a_reminder_shows_shows_it_again_with_the_new_label(desk):
    from qlbreak.core.app_state import SettingsChanged
    from qlbreak.core.schedule import Plan

    desk.turn(NINE_THIRTY)
    desk.effects.clear()
    shorter = replace(desk.rules, plan=Plan(desk.rules.plan.reminders, snooze=timedelta(minutes=5)))
    desk.turn(NINE_THIRTY + timedelta(minutes=1), SettingsChanged(shorter, frozenset()))
    assert desk.effects.index(Withdraw()) < desk.effects.index(
        next(e for e in desk.effects if isinstance(e, OpenWindow))
    )
    assert [p.snooze_minutes for p in prompts(desk.effects)] == [5]
    assert desk.state.reminder is not None and desk.state.reminder.stage is Stage.DUE


def test_a_language_changed_while_a_reminder_shows_names_it_in_the_new_words(desk):
    """Settings, General: another language while a reminder waits. The tooltip, the menu
    and the prompt name its stretch in the new words (not the old language's name, kept
    from when it showed), and it is shown again in them."""
    from qlbreak.core.app_state import SettingsChanged, Words
    from qlbreak.core.tray_view import title

    desk.turn(NINE_THIRTY)
    shown = desk.state.reminder
    assert shown is not None and shown.shown
    desk.effects.clear()
    german = tuple((s, Words(f"{w.name} (de)", f"{w.summary} (de)")) for s, w in desk.rules.words)
    later = NINE_THIRTY + timedelta(minutes=1)
    desk.turn(later, SettingsChanged(replace(desk.rules, words=german), frozenset()))
    name = f"{shown.name} (de)"
    assert desk.state.reminder == replace(shown, name=name)
    assert title(app.view(desk.state, later)).endswith(f": {name}")
    assert desk.effects.index(Withdraw()) < desk.effects.index(
        next(e for e in desk.effects if isinstance(e, OpenWindow))
    )
    assert [p.reminder.name for p in prompts(desk.effects)] == [name]


def test_settings_that_leave_a_shown_reminders_words_alone_do_not_show_it_again(desk):
    from qlbreak.core.app_state import SettingsChanged

    desk.turn(NINE_THIRTY)
    shown = desk.state.reminder
    desk.effects.clear()
    desk.turn(NINE_THIRTY + timedelta(minutes=1), SettingsChanged(replace(desk.rules), frozenset()))
    assert desk.state.reminder == shown and Withdraw() not in desk.effects and not prompts(desk.effects)
