"""What each command does to the app (``commands.py`` names them): the menu's and the
prompt's answers, a window that ended, the pointer on the icon, Quit.

    command          does
    StretchNow       raises the open stretch window (this run's, or one a killed run left),
                     else opens one: the stretch asked for, else the one the reminder on
                     show proposes, else a pick
    Snooze           the reminder on show comes back after the snooze
    SkipToday/Pause  reminders pause (until tomorrow, or an hour); the one on show is skipped
    Resume           the pause ends
    ToggleLogin      start at login, the other way round
    ChildEnded       the stretch window: done ends the reminder, closed unused snoozes
                     it; the prompt and the menu: the action they answered; the settings
                     and the welcome: start at login as they said
    OpenMenu, Hover  qlbreak's own menu and tooltip by the icon (X11)
    Approach         a stretch window starts ahead of a likely click
    Quit             the reminder on show is taken away, every window closed, the loop ends
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from qlbreak.core import schedule, tray_view
from qlbreak.core.app_reminder import answer, pick_stretch, with_stretch
from qlbreak.core.app_state import AppState
from qlbreak.core.app_view import view
from qlbreak.core.commands import (
    Approach,
    ChildEnded,
    Command,
    Hover,
    OpenMenu,
    OpenProgress,
    OpenSettings,
    Pause,
    PauseFor,
    Quit,
    Resume,
    ShowSafety,
    SkipToday,
    Snooze,
    StretchNow,
    ToggleLogin,
    Wake,
    from_action,
)
from qlbreak.core.effects import (
    CloseAllWindows,
    CloseWindow,
    Effect,
    Log,
    Notify,
    OpenWindow,
    RaiseWindow,
    Save,
    SetLogin,
    Stop,
    Withdraw,
    WriteLines,
)
from qlbreak.core.kinds import STRETCHED, Answer, Window
from qlbreak.core.kinds import answer as answered
from qlbreak.core.reminder import Trigger
from qlbreak.core.window_specs import (
    MenuSpec,
    ProgressSpec,
    SafetySpec,
    SettingsSpec,
    StretchSpec,
    TooltipSpec,
)
from qlbreak.core.words import _


def notify(message: str) -> Notify:
    return Notify("qlbreak", message)


def handle(state: AppState, command: Command, now: datetime, out: list[Effect]) -> AppState:
    out.append(Log("debug", f"command {command!r}"))
    match command:
        case StretchNow(stretch=stretch):
            return open_stretch(state, stretch, now, out)
        case Snooze():
            return answer(state, Trigger.SNOOZE, now, out)
        case SkipToday() | Pause():
            # "skip today" pauses until tomorrow; any pause covers the reminder on show
            hour = isinstance(command, Pause) and command.span is PauseFor.HOUR
            until = now + timedelta(hours=1) if hour else schedule.until_tomorrow(now)
            state = replace(state, schedule=schedule.pause(state.schedule, until))
            return answer(state, Trigger.SKIP, now, out)
        case Resume():
            return replace(state, schedule=schedule.resume(state.schedule))
        case ToggleLogin():
            return set_login(state, None, out)
        case ShowSafety():
            out.append(OpenWindow(SafetySpec()))
        case OpenSettings():
            out.append(OpenWindow(SettingsSpec(state.counts.autostart)))
        case OpenProgress():
            out.append(OpenWindow(ProgressSpec()))
        case OpenMenu(x=x, y=y):
            out.append(CloseWindow(Window.TOOLTIP))
            out.append(OpenWindow(MenuSpec(tray_view.menu(view(state, now)), x, y)))
        case Approach():
            if not state.run.stretching:
                out.append(OpenWindow(StretchSpec(None)))
        case Hover(on=True):
            out.append(OpenWindow(TooltipSpec(tray_view.title(view(state, now)))))
        case Hover(on=False):
            out.append(CloseWindow(Window.TOOLTIP))
        case ChildEnded():
            return ended(state, command, now, out)
        case Wake():
            pass  # the alarm, a resume, a clock or settings change: the tick looks
        case Quit():
            out.append(Log("info", "quitting"))
            out.extend((Withdraw(), CloseAllWindows(), Save(), Stop()))  # nothing left on screen
            return replace(state, run=replace(state.run, quitting=True))
    return state


def open_stretch(state: AppState, stretch: str | None, now: datetime, out: list[Effect]) -> AppState:
    if state.run.stretching:
        out.append(RaiseWindow(Window.STRETCH))  # at most one stretch window
        return state
    chosen = stretch if stretch is not None and state.rules.named(stretch) is not None else None
    on_show = state.reminder
    if chosen is None and on_show is not None and on_show.shown:
        on_show = with_stretch(state, on_show, now)
        state, chosen = replace(state, reminder=on_show), on_show.stretch or None
    if chosen is None:
        picked = pick_stretch(state, now)
        chosen = picked[0] if picked is not None else None
    if chosen is None:
        out.append(notify(_("No stretch fits your settings; see [stretches] in your config.")))
        return state
    # one an earlier run left open (killed) is raised instead: at most one stretch window
    out.append(RaiseWindow(Window.STRETCH, otherwise=(CloseWindow(Window.PROMPT), OpenWindow(StretchSpec(chosen)))))
    return replace(state, run=replace(state.run, stretching=True))  # this turn's holds take the reminder away


def ended(state: AppState, command: ChildEnded, now: datetime, out: list[Effect]) -> AppState:
    """A child window ended; the prompt's and the menu's answers are commands, carried
    out here and now (never queued again)."""
    kind, result = command.kind, command.result
    if command.records:  # what the window could not write: kept until the history takes it
        out.append(WriteLines(Window(kind), command.records))
        state = replace(state, run=replace(state.run, stale=True))  # today's stretches, the streak
    if kind == Window.STRETCH:
        out.append(Log("info", f"stretch window closed ({result or 'no answer'})"))
        state = replace(state, run=replace(state.run, stretching=False, counted_at=None))
        # done: the reminder is over; closed unused: it comes back after a snooze, not
        # the moment the window closes
        done = result in STRETCHED
        return answer(state, Trigger.STRETCHED if done else Trigger.SNOOZE, now, out)
    if kind in (Window.PROMPT, Window.MENU):
        then = from_action(result)
        return handle(state, then, now, out) if then is not None else state
    said = answered(result)
    if kind in (Window.SETTINGS, Window.WELCOME) and said is not None and said is not Answer.DONE:
        out.append(Log("info", f"the {kind} window saved the settings"))  # the next turn reads them
        if said in (Answer.SAVED_LOGIN_ON, Answer.SAVED_LOGIN_OFF):
            return set_login(state, said is Answer.SAVED_LOGIN_ON, out)
    return state


def set_login(state: AppState, on: bool | None, out: list[Effect]) -> AppState:
    """Start at login on or off (None: the other way round), where there is one."""
    current = state.counts.autostart
    if current is None or on == current:
        return state
    wanted = not current if on is None else on
    out.append(SetLogin(wanted))
    counts = replace(state.counts, autostart=wanted)
    return replace(state, counts=counts, run=replace(state.run, counted_at=None))
