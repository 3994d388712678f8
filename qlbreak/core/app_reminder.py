"""The clock's turn (``tick``) and the reminder on show through it: an occurrence falls
due (``schedule``), needs showing or not (``reminder.covered``), gets its stretch
(``picker``), is claimed, held or shown (``holds``), moves on answers and time
(``reminder.move``), and a miss the user never saw earns one catch-up (``catchup``).

Each function takes the state and ``out``, the effects of this step so far, and
returns the new state; nothing here reads a clock or a file.

How a due reminder shows (``show``), by the ``reminder_style`` setting:

    style           buttons here   shown as
    prompt          (any)          the prompt
    notification    yes            the notification with Start, Snooze, Skip
    notification    no             a notification pointing to the icon
    both            yes            the notification with buttons
    both            no             the prompt, and a notification pointing to it

"Buttons here" is tried: where the desktop's notifications turn out to have none,
the next row's effects run instead (``Remind.otherwise``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from qlbreak.core import catchup, holds, reminder, schedule
from qlbreak.core.app_programme import pick_next, plain
from qlbreak.core.app_state import CATCH_UP_LOOK_EVERY, HISTORY_RETRY, LOOK_EVERY, AppState
from qlbreak.core.app_view import covered
from qlbreak.core.effects import (
    Claim,
    Effect,
    Log,
    OpenWindow,
    Point,
    Remind,
    Save,
    TakeAway,
    Unsettle,
    Withdraw,
    Write,
)
from qlbreak.core.kinds import Record
from qlbreak.core.picker import Recent, still_offered
from qlbreak.core.reminder import FINAL, OnShow, Stage, Trigger
from qlbreak.core.schedule import Occurrence, OccurrenceKey
from qlbreak.core.window_specs import PromptSpec, WelcomeSpec
from qlbreak.core.words import _, ngettext

POINTED_SECONDS = 60  # a notification pointing to the prompt: a heads-up, the prompt stays


def tick(state: AppState, now: datetime, out: list[Effect]) -> AppState:
    """The clock's turn, in order: a first run's welcome, a notification a killed run
    left, what the schedule says (a clock that lied, misses, a fire), the passing of time
    for the reminder on show, the one a restart left due, holds, the catch-up; then when
    to look again."""
    run, plan = state.run, state.rules.plan
    if run.welcome:
        out.append(OpenWindow(WelcomeSpec(state.counts.autostart)))
    if run.left is not None:
        out.append(TakeAway(run.left))
    state = replace(state, run=replace(run, welcome=False, left=None))
    sched, ahead = state.schedule, frozenset[OccurrenceKey]()
    if schedule.went_back(sched, now, plan.grace) is not None:
        # missed records dated after now were decided before their time: decide again
        ahead = run.facts.recorded_ahead - sched.shown
        sched = replace(sched, handled=sched.handled - ahead)
    quiet_until = sched.paused_until  # a miss that fell due before it ended earns no catch-up
    sched, decision = schedule.tick(plan, sched, now)
    state = replace(state, schedule=sched)
    if decision.clock_back is not None or decision.released or ahead:
        state = clock_lied(state, decision.clock_back or timedelta(0), decision.released | ahead, out)
    for occ in decision.missed:
        out.append(_claim(Record.MISSED, occ, None, now))
        out.append(Log("info", f"missed {occ.reminder} of {occ.day} (noticed at {now:%H:%M})"))
        paused = quiet_until is not None and occ.at < quiet_until
        state = after_miss(state, occ, None, False, None, now, paused)
    if decision.fire is not None:
        state = fire(state, decision.fire, now, out)
    elif state.reminder is not None:
        paused = schedule.is_paused(state.schedule, now)
        event = reminder.timed_event(state.reminder, now, plan.grace, paused)
        if event is not None:
            state = move(state, event, now, out)
    again, on_show = state.run.again, state.reminder  # a restart: the one it left due, not ended since
    if again is not None and on_show is not None and on_show.shown and on_show.occurrence == again.occurrence:
        if not on_show.catch_up:  # killed before it said so? (a catch-up's occurrence was missed: no claim)
            out.append(_claim(Record.FIRED, on_show.occurrence, on_show.stretch, now))
        state = present(state, with_stretch(state, on_show, now), now, out)
    state = replace(state, run=replace(state.run, again=None))
    state = apply_holds(state, now, out)
    state = offer_catch_up(state, now, out)
    also = (
        reminder.wake_at(state.reminder),
        now + LOOK_EVERY if state.rules.looks and holds.watching(state.reminder) else None,
        now + HISTORY_RETRY if state.run.facts.history_pending else None,
        now + CATCH_UP_LOOK_EVERY if state.catch_up is not None else None,
    )
    return replace(state, wake_at=min([decision.wake_at, *(at for at in also if at is not None)]))


def fire(state: AppState, occ: Occurrence, now: datetime, out: list[Effect]) -> AppState:
    """An occurrence fell due: shown (or held), unless a stretch already covers it."""
    if state.reminder is not None:
        state = move(state, Trigger.SUPERSEDE, now, out)
    if (why := covered(state, now)) is not None:
        out.append(Log("info", f"{occ.reminder} of {occ.day} not shown: {why}"))
        return state  # settled in the schedule; the history has the stretch that covered it
    chosen = pick_stretch(state, now)
    if chosen is None:
        out.append(Log("warning", f"no stretch fits the settings; {occ.reminder} not shown"))
    grace = state.rules.plan.grace
    due = reminder.falls_due(occ, chosen[0], chosen[1], grace) if chosen is not None else None
    state = replace(state, reminder=due)
    # Saved as due before the history says "fired": killed in between, the next run
    # shows it (twice beats never); the claim still stops a second copy.
    out.append(Save())
    then: list[Effect] = []
    if due is not None:
        state = present(state, due, now, then)
    out.append(_claim(Record.FIRED, occ, chosen[0] if chosen else None, now, tuple(then), drop=True))
    return state


def move(state: AppState, event: Trigger, now: datetime, out: list[Effect]) -> AppState:
    """Carry out what ``reminder.move`` says ``event`` does to the reminder on show."""
    before = state.reminder
    assert before is not None
    plan = state.rules.plan
    moved = reminder.move(before, event, now, plan.snooze, plan.grace)
    after, occ = moved.reminder, moved.reminder.occurrence
    if moved.record == Record.MISSED:
        out.append(_claim(Record.MISSED, occ, after.stretch, now))
        out.append(Log("info", f"{occ.reminder} of {occ.day} passed without a stretch"))
        superseded = event is Trigger.SUPERSEDE or before.catch_up
        state = after_miss(state, occ, before.stage, superseded, after, now)
    elif moved.record is not None:
        out.append(Write(now, Record(moved.record), after.stretch or None, occ.reminder, occ.day))
    if before.shown and not after.shown:
        out.append(Withdraw())
    state = replace(state, reminder=None if after.stage in FINAL else after)
    if after.shown and not before.shown:
        state = present(state, with_stretch(state, after, now), now, out)
    return state


def answer(state: AppState, event: Trigger, now: datetime, out: list[Effect]) -> AppState:
    """The user answered the reminder on show, where its stage allows that answer."""
    if state.reminder is not None and state.reminder.can(event):
        return move(state, event, now, out)
    return state


def present(state: AppState, due: OnShow, now: datetime, out: list[Effect]) -> AppState:
    """A reminder about to show: shown, or held while something holds (or nothing was
    read at this instant: it shows at the next look)."""
    state, held = holding(state, now, out)
    if not held:
        show(state, due, now, out)
        return replace(state, reminder=due)
    plan = state.rules.plan
    return replace(state, reminder=reminder.move(due, Trigger.HOLD, now, plan.snooze, plan.grace).reminder)


def holding(state: AppState, now: datetime, out: list[Effect]) -> tuple[AppState, bool]:
    """Whether something holds reminders at ``now``, with ``waiting`` set to the reason."""
    rules, facts = state.rules, state.run.facts
    signals = facts.signals if facts.at == now else None
    unread = rules.looks and signals is None
    seen = replace(signals or holds.Signals(), stretching=state.run.stretching)
    reason = holds.holding(seen, rules.holds)
    if reason is not None and reason is not state.waiting:
        out.append(Log("info", f"reminders held: {holds.WAITING[reason]}"))
    return replace(state, waiting=reason), reason is not None or unread


def apply_holds(state: AppState, now: datetime, out: list[Effect]) -> AppState:
    """Hold the reminder on show while something holds reminders; show it again the
    moment nothing does (inside its grace window: after it, it was missed)."""
    if not holds.watching(state.reminder):
        return replace(state, waiting=None)
    state, held = holding(state, now, out)
    on_show = state.reminder
    assert on_show is not None
    if held and on_show.stage is Stage.DUE and state.waiting is not None:
        return move(state, Trigger.HOLD, now, out)
    if not held and on_show.stage is Stage.HELD:
        return move(state, Trigger.RELEASE, now, out)
    return state


def show(state: AppState, on_show: OnShow, now: datetime, out: list[Effect]) -> None:
    """The reminder, in one place (the table in this module's docstring)."""
    rules, occ = state.rules, on_show.occurrence
    out.append(Log("info", f"reminder {occ.reminder}: {on_show.stretch}, due until {on_show.until:%H:%M}"))
    title = reminder.headline(on_show)
    if not on_show.catch_up:
        # Translators: a notification's title; {name} is the stretch's name.
        title = _("Time for a stretch: {name}").format(name=on_show.name)
    words = rules.named(on_show.stretch)
    summary = words.summary if words else ""
    # Translators: a missed reminder's notification: the stretch's name, then what it is.
    message = _("{name}: {summary}").format(name=on_show.name, summary=summary) if on_show.catch_up else summary
    seconds = (on_show.until - now).total_seconds()
    snooze = int(rules.plan.snooze.total_seconds() // 60)
    rest: tuple[Effect, ...]
    if rules.style == "notification":
        # Translators: a notification without buttons; {message} is the stretch's summary.
        said = _("{message} Click the qlbreak icon when you are ready.").format(message=message)
        rest = (Point(title, said, seconds),)
    else:
        both = rules.style == "both"
        rest = (OpenWindow(PromptSpec(on_show, snooze, seconds, clear=both)),)
        if both:
            where = prompt_where(rules.corner)
            rest += (Point(title, where, POINTED_SECONDS),)
    if rules.style in ("notification", "both") and rules.buttons:
        # Translators: a notification's buttons: keep them short.
        later = ngettext("Snooze {minutes} min", "Snooze {minutes} min", snooze).format(minutes=snooze)
        actions = (("stretch", _("Start")), ("snooze", later), ("skip", _("Skip today")))
        out.append(Remind(title, message, actions, seconds, otherwise=rest))
    else:
        out.extend(rest)


def prompt_where(corner: str) -> str:
    """Where the prompt is, one whole sentence per corner (``ui.spec.prompt_corner``'s)."""
    if corner == "top right":
        return _("Start, snooze or skip it in qlbreak's prompt, top right of the screen.")
    if corner == "bottom right":
        return _("Start, snooze or skip it in qlbreak's prompt, bottom right of the screen.")
    # Translators: {corner} is a corner of the screen, such as "top left".
    return _("Start, snooze or skip it in qlbreak's prompt, {corner} of the screen.").format(corner=corner)


def with_stretch(state: AppState, on_show: OnShow, now: datetime) -> OnShow:
    """The reminder with a stretch it may still offer: the one it proposed, unless the
    user said it hurt since, their settings leave it out now, or the catalogue has no
    such stretch (a snooze from an older state file); else a fresh pick. A programme's
    exercise is kept by the user's filters alone, as it was offered (``plain``)."""
    rules, done = state.rules, state.run.facts.done
    proposed = next((c for c in rules.candidates if c.id == on_show.stretch), None)
    words = rules.named(on_show.stretch)
    if proposed is not None and words is not None and still_offered(plain(proposed), rules.prefs, done or (), now):
        # named as the user does it (a door frame, no stick): a snooze saved before
        # they changed what they have to hand keeps the name it had
        return replace(on_show, name=words.name)
    chosen = pick_stretch(state, now)
    return on_show if chosen is None else replace(on_show, stretch=chosen[0], name=chosen[1])


def pick_stretch(state: AppState, now: datetime) -> tuple[str, str] | None:
    """The picker's choice now (``picker.pick``, after a programme's say:
    ``app_programme.pick_next``), with its name; None: nothing fits."""
    rules, facts = state.rules, state.run.facts
    done, recent = facts.done or (), facts.recent or Recent()
    chosen = pick_next(rules.candidates, rules.prefs, done, rules.known(), state.run.programmes, recent, now)
    words = rules.named(chosen) if chosen is not None else None
    return (chosen, words.name) if chosen is not None and words is not None else None


def after_miss(
    state: AppState,
    occ: Occurrence,
    stage: Stage | None,
    superseded: bool,
    on_show: OnShow | None,
    now: datetime,
    paused: bool = False,
) -> AppState:
    """A reminder was missed (``stage`` None: never shown; ``paused``: it fell due while
    reminders were paused); keep the catch-up it earns."""
    coming = schedule.next_occurrence(state.rules.plan.reminders, now, state.schedule.handled)
    stretch, name = (on_show.stretch, on_show.name) if on_show is not None else ("", "")
    found = catchup.after_miss(occ, stage, superseded, stretch, name, coming.at if coming else None, now, paused)
    return state if found is None else replace(state, catch_up=found)


def offer_catch_up(state: AppState, now: datetime, out: list[Effect]) -> AppState:
    """One "missed your morning stretch" the first time the user is back."""
    pending = state.catch_up
    if state.reminder is not None or pending is None:
        return state
    if catchup.expired(pending, now) or schedule.is_paused(state.schedule, now):
        return replace(state, catch_up=None)
    state, held = holding(state, now, out)
    if not catchup.offer(pending, now, held, state.catch_up_on, state.rules.holds.catch_up):
        return state
    out.append(Log("info", f"catching up on {pending.occurrence.reminder} of {pending.occurrence.day}"))
    found = with_stretch(state, catchup.reminder_for(pending, now, state.rules.plan.grace), now)
    show(state, found, now, out)
    return replace(state, reminder=found, catch_up=None, catch_up_on=now.date())


def clock_lied(state: AppState, back: timedelta, released: frozenset[OccurrenceKey], out: list[Effect]) -> AppState:
    """The clock was ``back`` ahead, or the state held what no clock can have settled
    yet (``schedule.truth_returns``): each occurrence ``released`` falls due at its time."""
    said = f"the clock went back {back}: {len(released)} reminder(s) settled ahead of time will fall due"
    out.append(Log("warning", said))
    out.append(Unsettle(released))
    state = replace(state, catch_up=None, catch_up_on=None)
    before = state.reminder
    if before is not None:
        after = reminder.clock_back(before, back, released)
        if before.shown and after is None:
            out.append(Withdraw())
        state = replace(state, reminder=after)
    return state


def _claim(
    kind: Record, occ: Occurrence, stretch: str | None, now: datetime, then: tuple[Effect, ...] = (), drop: bool = False
) -> Claim:
    return Claim(Write(now, kind, stretch or None, occ.reminder, occ.day), then, drop)
