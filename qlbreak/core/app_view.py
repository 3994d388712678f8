"""What the tray's icon shows of the app's state: its title, look and menu
(``tray_view`` words them), and the next reminder that will really show."""

from __future__ import annotations

from datetime import datetime

from qlbreak.core import app_programme, holds, reminder, schedule, tray_view
from qlbreak.core.app_state import AppState
from qlbreak.core.effects import Render
from qlbreak.core.schedule import Occurrence

LOOK_AHEAD = 8  # occurrences passed over at most when naming the next one that shows


def view(state: AppState, now: datetime) -> tray_view.View:
    plan, facts = state.rules.plan, state.run.facts
    return tray_view.View(
        now=now,
        coming=next_shown(state, now),
        reminder=state.reminder,
        paused_until=state.schedule.paused_until,
        done_today=len(facts.done_today),
        due_today=schedule.count_on(plan.reminders, now),
        streak=state.counts.streak,
        autostart=state.counts.autostart,
        snooze_minutes=int(plan.snooze.total_seconds() // 60),
        waiting=holds.waiting(state.waiting) if state.waiting is not None else None,
        programme=app_programme.line(state.run.programmes.standing),
    )


def render(state: AppState, now: datetime) -> Render:
    shown = view(state, now)
    return Render(tray_view.title(shown), tray_view.look(shown), tray_view.menu(shown))


def covered(state: AppState, at: datetime) -> str | None:
    """Why a reminder falling due at ``at`` need not show (``reminder.covered``)."""
    day = schedule.start_of_day(at)
    done = [t for t in state.run.facts.done_today if t >= day]
    return reminder.covered(done, schedule.count_on(state.rules.plan.reminders, at), at)


def next_shown(state: AppState, now: datetime) -> Occurrence | None:
    """The next occurrence that will show: one a stretch already covers is passed over,
    so the tray never names a reminder that will stay quiet."""
    handled = state.schedule.handled
    for _ in range(LOOK_AHEAD):
        coming = schedule.next_occurrence(state.rules.plan.reminders, now, handled)
        if coming is None or covered(state, coming.at) is None:
            return coming
        handled = handled | {coming.key}
    return None
