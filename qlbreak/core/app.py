"""The whole app as one value and one pure function: ``step(state, input, now)`` returns
the next ``AppState`` (``app_state.py``) and the effects (``effects.py``) the tray's loop
carries out, in order. ``app_commands.py`` decides what each command does,
``app_reminder.py`` what the clock's turn does to the reminder on show, ``app_view.py``
what the icon says.

A loop turn (``tray/service.py``): read what ``wants`` asks for this instant and feed
it as ``Observed``, then each queued command, a changed settings file
(``SettingsChanged``), the facts read again if the commands made them stale
(``Run.stale``: records a window could not write went to the history) and last
``Tick``. A claim the history refused comes back as ``ClaimRefused``, a login item
that could not be changed as ``LoginRefused``.

Invariants (tests/unit/test_app.py and test_app_restarts.py check them):

- Nothing here reads a clock, a file or a detector: the same state, input and ``now``
  give the same result, so a test needs no desktop.
- One reminder is on show at a time (``AppState.reminder``), moved only by
  ``reminder.move``. It shows only when nothing holds reminders at that instant;
  detectors not read for ``now`` count as holding (it shows at the next look).
- An occurrence shows at most once: a fire is claimed in the history, and the reminder
  shows only if the claim was taken; refused (another copy showed it), it is dropped.
- At most one catch-up a day, remembered across restarts (``catch_up_on``).
- At most one stretch window: a second request raises the open one.
- Everything a restart must keep is in ``AppState`` and saved whole; what belongs to
  one run only (its windows, its readings, the welcome) is in ``Run``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from qlbreak.core import app_commands, app_reminder, holds, reminder, schedule
from qlbreak.core.app_state import (
    HISTORY_RETRY,
    LOOK_EVERY,
    RECOUNT_EVERY,
    AppState,
    ClaimRefused,
    HistoryKept,
    Input,
    LoginRefused,
    Observed,
    Raised,
    Rules,
    Run,
    SettingsChanged,
    Tick,
    Wants,
)
from qlbreak.core.app_view import render, view
from qlbreak.core.commands import ChildEnded, Hover, OpenMenu, OpenSettings, Resume, StretchNow, from_action
from qlbreak.core.effects import Effect, Log, Withdraw
from qlbreak.core.kinds import Window
from qlbreak.core.schedule import OccurrenceKey
from qlbreak.core.words import _

__all__ = ["LOOK_EVERY", "AppState", "Input", "Rules", "Wants", "start", "step", "view", "wants"]
# What an input may need read this turn, beyond what the state itself asks:
SHOWING = (Resume, SettingsChanged)  # a reminder may show (the detectors, the picker)
PICKING = (StretchNow,)  # a stretch is picked (the history)
RECOUNTING = (SettingsChanged, OpenSettings)  # the streak and the login item, read again
RECOUNTED_AFTER = (Window.STRETCH, Window.SETTINGS, Window.WELCOME)  # windows that change them
LOOKED_AT = (OpenMenu, Hover)  # the programme's standing, read again: shown at once


def wants(state: AppState, inputs: tuple[Input, ...], now: datetime) -> Wants:
    """What this turn may need read, so an idle tray reads nothing but today's stretches:

    read                 when
    the detectors        a reminder may show this turn (it falls due, a snooze ends,
                         a miss earns a catch-up, the clock went back, Resume, new
                         settings, the one a restart left due), is due or held, or a
                         catch-up waits; under the new settings' holds too
    the picker's history the same, a reminder on show, or a stretch asked for
    records made ahead   the clock went back
    the streak, login    a stretch, settings or welcome window ended, new settings,
                         the Settings window opens, a new day, or RECOUNT_EVERY
    the programmes       the same as the streak or the picker's history, and the menu
                         or the tooltip opens (a programme started from the command line)
    """
    rules, on_show, run = state.rules, state.reminder, state.run
    given = [then for i in inputs for then in _meant(i)]
    decision = schedule.tick(rules.plan, state.schedule, now)[1]
    timed = on_show is not None and reminder.timed_event(on_show, now, rules.plan.grace, False) is not None
    shows = any(isinstance(i, SHOWING) for i in given)
    back = schedule.went_back(state.schedule, now, rules.plan.grace) is not None  # records ahead fall due again
    coming = decision.fire is not None or bool(decision.missed) or timed or shows or back
    coming = coming or run.again is not None or state.catch_up is not None
    counted = run.counted_at
    recount = any(isinstance(i, RECOUNTING) for i in given) or any(
        isinstance(i, ChildEnded) and i.kind in RECOUNTED_AFTER for i in inputs
    )
    looks = coming or holds.watching(on_show)
    pick = coming or on_show is not None or any(isinstance(i, PICKING) for i in given)
    counts = recount or counted is None or counted.date() != now.date() or abs(now - counted) >= RECOUNT_EVERY
    return Wants(
        signals=_detectors(state, given) if rules.looks and looks else None,
        pick=pick,
        recorded_ahead=back,
        counts=counts,
        programmes=pick or counts or any(isinstance(i, LOOKED_AT) for i in given),
    )


def _meant(given: Input) -> tuple[Input, ...]:
    """``given``, or for a prompt's or a menu's answer the command it means."""
    if isinstance(given, ChildEnded) and given.kind in (Window.PROMPT, Window.MENU):
        then = from_action(given.result)
        return (then,) if then is not None else ()
    return (given,)


def _detectors(state: AppState, given: list[Input]) -> frozenset[str]:
    """The facts worth reading: under the settings in force, and under new ones that
    come this turn (a hold switched on holds at once)."""
    rules = [state.rules.holds, *(i.rules.holds for i in given if isinstance(i, SettingsChanged))]
    return frozenset().union(*(holds.wanted(r) for r in rules))


def start(
    saved: AppState,
    rules: Rules,
    settled: frozenset[OccurrenceKey],
    shown: frozenset[OccurrenceKey],
    now: datetime,
    welcome: bool = False,
    left: str | None = None,
) -> AppState:
    """The state a run starts from: what the last run saved, with what the history has
    settled (``shown``: of those, the ones that fired); the reminder it left due shows
    once more at the first tick."""
    sched = replace(saved.schedule, handled=saved.schedule.handled | settled, shown=saved.schedule.shown | shown)
    if welcome and saved.schedule.since is None:
        # The very first start: nothing that fell due before qlbreak was set up is
        # shown (a reminder beside the welcome, before the safety notice, is noise).
        sched = replace(sched, since=now)
    run = Run(again=saved.reminder, left=left, welcome=welcome)
    return replace(saved, rules=rules, schedule=sched, run=run)


def step(state: AppState, given: Input, now: datetime) -> tuple[AppState, tuple[Effect, ...]]:
    """The one way the app changes: ``given`` at ``now``; the new state and what to do."""
    out: list[Effect] = []
    match given:
        case Observed(facts=facts):
            run = replace(state.run, facts=facts, stale=False)
            if facts.counts is not None:
                state, run = replace(state, counts=facts.counts), replace(run, counted_at=now)
            if facts.programmes is not None:
                run = replace(run, programmes=facts.programmes)
            state = replace(state, run=run)
        case SettingsChanged():
            old = state.rules
            sched = schedule.replan(old.plan, given.rules.plan, state.schedule, now, given.settled, given.written)
            state = replace(state, rules=given.rules, schedule=sched, run=replace(state.run, counted_at=None))
            state = _on_show_after(state, old, now, out)
        case ClaimRefused(key=key):
            if state.reminder is not None and state.reminder.occurrence.key == key:
                out.append(Log("info", f"{key[0]} of {key[1]} was already shown (another copy?)"))
                state = replace(state, reminder=None)
                out.append(render(state, now))
        case LoginRefused(trouble=trouble):
            out.append(Log("error", f"cannot change the login item: {trouble}"))
            # Translators: {trouble} is the system's reason, as it gave it.
            out.append(app_commands.notify(_("Could not change 'Start at login': {trouble}").format(trouble=trouble)))
            state = replace(state, counts=replace(state.counts, autostart=not given.on))  # as it was
            state = replace(state, run=replace(state.run, counted_at=None))
            out.append(render(state, now))
        case Raised(kind=kind):
            if kind == Window.STRETCH:  # not this run's window: its end will not reach us
                state = replace(state, run=replace(state.run, stretching=False))
        case HistoryKept():  # the next look comes soon enough to write it
            facts = replace(state.run.facts, history_pending=True)
            wake = min(state.wake_at or now + HISTORY_RETRY, now + HISTORY_RETRY)
            state = replace(state, wake_at=wake, run=replace(state.run, facts=facts))
        case Tick():
            if not state.run.quitting:
                state = app_reminder.tick(state, now, out)
                out.append(render(state, now))
        case _:
            state = app_commands.handle(state, given, now, out)
    return state, tuple(out)


def _on_show_after(state: AppState, old: Rules, now: datetime, out: list[Effect]) -> AppState:
    """The reminder on show once the settings changed from ``old``: gone with its
    reminder, else named in the new words (another language: the tooltip and menu too)
    and shown again when what it shows changed."""
    on_show, new = state.reminder, state.rules
    if on_show is None:
        return state
    if on_show.occurrence.reminder not in {r.name for r in new.plan.reminders}:
        # the user deleted (or renamed) the reminder on show: it goes, unrecorded
        out.append(Log("info", f"{on_show.occurrence.reminder} is no longer in the settings: taken away"))
        out.extend((Withdraw(),) if on_show.shown else ())
        return replace(state, reminder=None)
    words, was = new.named(on_show.stretch), old.named(on_show.stretch)
    on_show = on_show if words is None else replace(on_show, name=words.name)
    state = replace(state, reminder=on_show)
    reworded = None not in (words, was) and words != was
    if on_show.shown and ((old.plan.snooze, old.style) != (new.plan.snooze, new.style) or reworded):
        out.append(Withdraw())  # shown again as the new settings say ("Snooze 5 min", its new words)
        app_reminder.show(state, on_show, now, out)
    return state
