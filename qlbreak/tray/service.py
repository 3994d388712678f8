"""The long-running loop: it asks core/ what to do, then tells the adapters. One
thread owns this object (pystray's setup thread). Menu clicks, the single-instance
listener and ended windows only ``put`` a command; ``step`` drains the queue, reads the
clock once and carries out the decisions: ``core/schedule.py`` says when an occurrence
falls due or is missed, ``core/reminder.py`` what happens to the reminder on show
(``presenting.py`` holds it or shows it, as ``core/holds.py`` decides), and
``core/tray_view.py`` what the icon says. It sleeps until the next decision: the alarm
(``ports.alarm``) wakes it then, and on a clock change, a resume or a changed settings
file; without one it looks every ``schedule.HEARTBEAT`` (relative waits stop in sleep).
"""

from __future__ import annotations

import json
import logging
import queue
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from qlbreak.clock import Drift
from qlbreak.core import holds, reminder, schedule, tray_view
from qlbreak.core.commands import (
    Approach,
    ChildEnded,
    Command,
    Hover,
    OpenHistory,
    OpenMenu,
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
from qlbreak.core.kinds import Answer, Record, Window, answer
from qlbreak.core.reminder import OnShow
from qlbreak.core.schedule import Occurrence, ScheduleState
from qlbreak.core.window_specs import (
    HistorySpec,
    MenuSpec,
    SafetySpec,
    SettingsSpec,
    StretchSpec,
    TooltipSpec,
    WelcomeSpec,
)
from qlbreak.edges.ports import Ports
from qlbreak.storage import statefile
from qlbreak.storage.config import Config, Loaded
from qlbreak.storage.history import Event
from qlbreak.storage.outbox import Outbox
from qlbreak.stretches.catalogue import Catalogue, Stretch
from qlbreak.tray.catching_up import CatchUps
from qlbreak.tray.news import HistoryNews, SettingsNews, changes
from qlbreak.tray.presenting import Presenter
from qlbreak.tray.proposing import Proposer
from qlbreak.tray.tally import Tally

log = logging.getLogger("qlbreak")
LOOK_EVERY = timedelta(seconds=3)  # at the detectors, while a reminder is due or held
HISTORY_RETRY = timedelta(seconds=30)  # the next try to write records the history refused
SAVED = (Answer.SAVED, Answer.SAVED_LOGIN_ON, Answer.SAVED_LOGIN_OFF)  # the settings or welcome window saved


class Service:
    def __init__(
        self,
        config: Config,
        catalogue: Catalogue,
        history: Outbox,
        state_file: Path,
        ports: Ports,
        commands: queue.Queue[Command] | None = None,  # made earlier when adapters must post to it
        welcome: bool = False,  # no config file yet: the first step opens the welcome
    ) -> None:
        self.config, self.catalogue, self.history, self.state_file = config, catalogue, history, state_file
        self.ports = ports
        self.commands: queue.Queue[Command] = commands if commands is not None else queue.Queue()
        self.running = True
        now = ports.clock.now()
        saved = statefile.load(state_file, now)
        if saved.notice:
            log.warning(saved.notice)
        history.keep(saved.pending)
        since = now.date() - schedule.SETTLED_AFTER - timedelta(days=1)
        self.state: ScheduleState = replace(
            saved.state,
            handled=saved.state.handled | history.settled(since, now),
            shown=saved.state.shown | history.settled(since, now, kinds={Record.FIRED}),
        )
        if welcome and saved.state.since is None:
            # The very first start: nothing that fell due before qlbreak was set up is
            # shown (a reminder beside the welcome, before the safety notice, is noise).
            self.state = replace(self.state, since=now)
        self.reminder: OnShow | None = saved.reminder
        self._stretching = False  # a stretch window of ours is open: reminders wait for it
        self._drift = Drift()
        self._shown: tuple[str, str, tuple[tray_view.Entry, ...]] | None = None
        self._saver = statefile.Saver(state_file)
        self.tally = Tally(history, ports.login, lambda: self.config.workdays)
        self._history_news = HistoryNews(ports.notifier)
        self._settings_news = SettingsNews(ports.notifier)  # what a changed config.toml is reported as
        self._welcome = welcome
        # a restart: what the last run left on screen goes, and a reminder it left due
        # shows once more, with buttons that answer (the old ones reached the old run)
        self._left, self._again = saved.notification, saved.reminder
        self.presenter = Presenter(ports.notifier, ports.windows, ports.detectors, catalogue, ports.buttons)
        self.proposer = Proposer(catalogue, history)  # the stretch a reminder offers, and if it must show
        self.catch_ups = CatchUps()  # a reminder missed unseen, offered once when the user is back

    def put(self, command: Command) -> None:
        """Thread-safe: the only way other threads reach the service."""
        self.commands.put(command)

    # -- the loop ----------------------------------------------------------------------

    def run(self) -> None:
        """Step until Quit; each wait ends with a command, the alarm's Wake among them."""
        first: Command | None = None
        alarm = self.ports.alarm
        while self.running:
            try:
                wake = self.step(first)
            except Exception:  # a full disk or a locked history must not end the reminders
                log.exception("a step of the service loop failed; trying again shortly")
                wake = self.ports.clock.now() + timedelta(seconds=5)
            if alarm is not None:
                alarm.at(wake)
            wait = schedule.wait_for(wake, self.ports.clock.now(), alarm is not None and alarm.exact)
            try:
                first = self.commands.get(timeout=wait)
            except queue.Empty:
                first = None

    def step(self, first: Command | None = None) -> datetime:
        """Carry out ``first`` and every queued command, decide, render; when to look again."""
        now = self.ports.clock.now()
        if moved := self._drift.check(now, self.ports.clock.monotonic()):
            log.info("%s", moved)
        if first is not None:
            self._handle(first, now)
        while self.running:
            try:
                command = self.commands.get_nowait()
            except queue.Empty:
                break
            self._handle(command, now)
        if not self.running:
            return now
        if self._welcome:
            self._welcome = False
            self.ports.windows.open(Window.WELCOME, WelcomeSpec(self.ports.login.enabled()))
        if self._left is not None and self.ports.buttons is not None:
            self.ports.buttons.take_away(self._left)
        self._left = None
        self._look_at_settings(now)
        self._flush_history()
        plan = self.config.plan
        ahead = self._recorded_ahead(plan, now)
        self.state, decision = schedule.tick(plan, self.state, now)
        if decision.clock_back is not None or decision.released or ahead:
            self._clock_lied(decision.clock_back or timedelta(0), decision.released | ahead)
        for occ in decision.missed:
            self.history.claim(Event(now, Record.MISSED, reminder=occ.reminder, occurrence=occ.day))
            log.info("missed %s of %s (noticed at %s)", occ.reminder, occ.day, f"{now:%H:%M}")
            self._after_miss(occ, None, superseded=False, on_show=None, now=now)
        if decision.fire is not None:
            self._fire(decision.fire, now)
        elif self.reminder is not None:
            event = reminder.timed_event(self.reminder, now, plan.grace, schedule.is_paused(self.state, now))
            if event is not None:
                self._move(event, now)
        again, on_show = self._again, self.reminder  # a restart: the one it left due, not ended since
        if again is not None and on_show is not None and on_show.shown and on_show.occurrence == again.occurrence:
            self._claim(on_show.occurrence, on_show.stretch or None, now)  # killed before it said so?
            self.reminder = self.presenter.present(self._with_stretch(on_show, now), now, self.config, self._stretching)
        self._again = None
        self._apply_holds(now)
        self._offer_catch_up(now)
        self._save()
        self._render(now)
        also = (
            reminder.wake_at(self.reminder),
            now + LOOK_EVERY if self.presenter.watching(self.reminder) else None,
            now + HISTORY_RETRY if self.history.pending else None,  # records it could not take yet
            self.catch_ups.wake_at(now),
        )
        return min([decision.wake_at, *(at for at in also if at is not None)])

    # -- commands ----------------------------------------------------------------------

    def _handle(self, command: Command, now: datetime) -> None:
        log.debug("command %r", command)
        windows = self.ports.windows
        match command:
            case StretchNow(stretch=stretch_id):
                self._open_stretch(stretch_id, now)
            case Snooze():
                self._answer(reminder.Trigger.SNOOZE, now)
            case SkipToday() | Pause():
                # "skip today" pauses until tomorrow; any pause covers the reminder on show
                hour = isinstance(command, Pause) and command.span is PauseFor.HOUR
                until = now + timedelta(hours=1) if hour else schedule.until_tomorrow(now)
                self.state = schedule.pause(self.state, until)
                self._answer(reminder.Trigger.SKIP, now)
            case Resume():
                self.state = schedule.resume(self.state)
            case ToggleLogin():
                self._set_login()
            case ShowSafety():
                windows.open(Window.SAFETY, SafetySpec())
            case OpenSettings():
                windows.open(Window.SETTINGS, SettingsSpec(self.ports.login.enabled()))
            case OpenHistory():
                lines = self.tally.history_lines(self.catalogue, self.config.prefs.equipment, now)
                windows.open(Window.HISTORY, HistorySpec(tuple(lines)))
            case OpenMenu(x=x, y=y):
                windows.close(Window.TOOLTIP)
                windows.open(Window.MENU, MenuSpec(tray_view.menu(self._view(now)), x, y))
            case Approach():
                windows.open(Window.STRETCH, StretchSpec(None))
            case Hover(on=True):
                windows.open(Window.TOOLTIP, TooltipSpec(tray_view.title(self._view(now))))
            case Hover(on=False):
                windows.close(Window.TOOLTIP)
            case ChildEnded(kind=kind, result=result, records=records):
                self._ended(kind, result, records, now)
            case Wake():
                pass  # the alarm, a resume, a clock or settings change: this step looks
            case Quit():
                log.info("quitting")
                self.running = False
                self.presenter.withdraw()  # no "Time for a stretch" left behind on screen
                windows.close_all()
                self._save(force=True)

    def _open_stretch(self, stretch_id: str | None, now: datetime) -> None:
        windows = self.ports.windows
        if windows.raise_(Window.STRETCH):
            return  # at most one stretch window: a second request raises the open one
        stretch = self.catalogue.get(stretch_id) if stretch_id else None
        if stretch is None and self.reminder is not None and self.reminder.shown:
            stretch = self.catalogue.get(self._with_stretch(self.reminder, now).stretch)
        if stretch is None:
            stretch = self._pick(now)
        if stretch is None:
            self.ports.notifier.notify("qlbreak", "No stretch fits your settings; see [stretches] in your config.")
            return
        windows.close(Window.PROMPT)
        windows.open(Window.STRETCH, StretchSpec(stretch.id))
        self._stretching = True  # this step's holds take the reminder off the screen

    def _ended(self, kind: Window, result: str | None, records: tuple[str, ...], now: datetime) -> None:
        """A child window ended; the prompt's and the menu's answers are commands,
        carried out here and now (never queued again)."""
        for line in records:  # what the window could not write: kept until the history takes it
            try:
                self.history.record(Event.from_json(json.loads(line)))
            except (ValueError, KeyError, TypeError) as err:
                log.warning("a %s window answered what is not a record (%s): %.200s", kind, err, line)
        said = answer(result)
        if kind == Window.STRETCH:
            log.info("stretch window closed (%s)", result or "no answer")
            self._stretching = False
            self.tally.forget()  # the window may have recorded a stretch
            # done: the reminder is over; closed unused: it comes back after a snooze,
            # not the moment the window closes
            done = said in (Answer.DONE, Answer.PARTIAL)
            self._answer(reminder.Trigger.STRETCHED if done else reminder.Trigger.SNOOZE, now)
        elif kind in (Window.PROMPT, Window.MENU):
            command = from_action(result)
            if command is not None:
                self._handle(command, now)
        elif kind in (Window.SETTINGS, Window.WELCOME) and said in SAVED:
            log.info("the %s window saved the settings", kind)  # this step reads them
            if said is not Answer.SAVED:
                self._set_login(said is Answer.SAVED_LOGIN_ON)

    def _set_login(self, on: bool | None = None) -> None:
        if (trouble := self.tally.set_login(on)) is not None:
            log.error("cannot change the login item: %s", trouble)
            self.ports.notifier.notify("qlbreak", f"Could not change 'Start at login': {trouble}")

    # -- the reminder on show ----------------------------------------------------------

    def _fire(self, occ: Occurrence, now: datetime) -> None:
        if self.reminder is not None:
            self._move(reminder.Trigger.SUPERSEDE, now)
        if (why := self.proposer.covered(self.config.plan, now)) is not None:
            log.info("%s of %s not shown: %s", occ.reminder, occ.day, why)
            return  # settled in the schedule's state; the history has the stretch that covered it
        stretch = self._pick(now)
        if stretch is None:
            log.warning("no stretch fits the settings; %s not shown", occ.reminder)
        # Saved as due before the history says "fired": killed in between, the next
        # run shows it (twice beats never); the claim still stops a second copy.
        due = reminder.falls_due(occ, stretch.id, stretch.name, self.config.plan.grace) if stretch else None
        self.reminder = due
        self._save(force=True)
        if not self._claim(occ, stretch.id if stretch else None, now):
            log.info("%s of %s was already shown (another copy?)", occ.reminder, occ.day)
            self.reminder = None
        elif due is not None:
            self.reminder = self.presenter.present(due, now, self.config, self._stretching)

    def _claim(self, occ: Occurrence, stretch: str | None, now: datetime) -> bool:
        """Record that ``occ`` fired, unless the history has it already (then False)."""
        return self.history.claim(Event(now, Record.FIRED, stretch, reminder=occ.reminder, occurrence=occ.day))

    def _recorded_ahead(self, plan: schedule.Plan, now: datetime) -> frozenset[schedule.OccurrenceKey]:
        """When the clock just went back: the occurrences it recorded missed at instants
        still to come, so decided before their time; unsettled, for ``tick`` to decide."""
        if schedule.went_back(self.state, now, plan.grace) is None:
            return frozenset()
        ahead = frozenset(self.history.missed_after(now)) - self.state.shown
        self.state = replace(self.state, handled=self.state.handled - ahead)
        return ahead

    def _clock_lied(self, back: timedelta, released: frozenset[schedule.OccurrenceKey]) -> None:
        """The clock was ``back`` ahead, or the state held what no clock can have settled
        yet (``schedule.truth_returns``): each occurrence ``released`` falls due at its time."""
        log.warning("the clock went back %s: %d reminder(s) settled ahead of time will fall due", back, len(released))
        self.history.unsettle(released)
        self.catch_ups = CatchUps()
        if self.reminder is not None:
            before, self.reminder = self.reminder, reminder.clock_back(self.reminder, back, released)
            if before.shown and self.reminder is None:
                self.presenter.withdraw()

    def _answer(self, event: reminder.Trigger, now: datetime) -> None:
        """The user answered the reminder on show, where its stage allows that answer."""
        if self.reminder is not None and self.reminder.can(event):
            self._move(event, now)

    def _move(self, event: reminder.Trigger, now: datetime) -> None:
        """Carry out what core/reminder.py says ``event`` does to the reminder on show."""
        assert self.reminder is not None
        plan = self.config.plan
        before = self.reminder
        moved = reminder.move(before, event, now, plan.snooze, plan.grace)
        after = moved.reminder
        occ = after.occurrence
        if moved.record is Record.MISSED:
            self.history.claim(
                Event(now, Record.MISSED, after.stretch or None, reminder=occ.reminder, occurrence=occ.day)
            )
            log.info("%s of %s passed without a stretch", occ.reminder, occ.day)
            superseded = event is reminder.Trigger.SUPERSEDE or before.catch_up
            self._after_miss(occ, before.stage, superseded=superseded, on_show=after, now=now)
        elif moved.record is not None:
            self.history.record(
                Event(now, moved.record, after.stretch or None, reminder=occ.reminder, occurrence=occ.day)
            )
        if before.shown and not after.shown:
            self.presenter.withdraw()
        self.reminder = None if after.stage in reminder.FINAL else after
        if after.shown and not before.shown:
            self.reminder = self.presenter.present(self._with_stretch(after, now), now, self.config, self._stretching)

    def _apply_holds(self, now: datetime) -> None:
        """Hold the reminder on show while something holds reminders; show it again
        the moment nothing does (inside its grace window: after it, it was missed)."""
        if not holds.watching(self.reminder):
            self.presenter.waiting = None
            return
        event = holds.hold_event(self.reminder, self.presenter.reason(self.config, now, self._stretching))
        if event is not None:
            self._move(event, now)

    def _after_miss(
        self, occ: Occurrence, stage: reminder.Stage | None, superseded: bool, on_show: OnShow | None, now: datetime
    ) -> None:
        coming = schedule.next_occurrence(self.config.plan.reminders, now, self.state.handled)
        self.catch_ups.missed(occ, stage, superseded, on_show, coming.at if coming else None, now)

    def _offer_catch_up(self, now: datetime) -> None:
        """One "missed your morning stretch" the first time the user is back."""
        if self.reminder is not None:
            return
        config = self.config
        found = self.catch_ups.take(
            now,
            lambda: self.presenter.reason(config, now, self._stretching) is not None,
            schedule.is_paused(self.state, now),
            config.holds.catch_up,
            config.plan.grace,
        )
        if found is not None:
            self.reminder = self._with_stretch(found, now)
            self.presenter.show(self.reminder, now, config)

    def _with_stretch(self, on_show: OnShow, now: datetime) -> OnShow:
        """The reminder with a stretch it may still offer (``Proposer.still``)."""
        self.reminder = self.proposer.still(on_show, self.config.prefs, now)
        return self.reminder

    def _pick(self, now: datetime) -> Stretch | None:
        return self.proposer.pick(self.config.prefs, now)

    # -- settings ----------------------------------------------------------------------

    def _look_at_settings(self, now: datetime) -> None:
        """Use the settings file's new contents when it changed (the settings window
        saved it, or an editor): at once, without a restart."""
        if self.ports.settings is not None:
            loaded = self.ports.settings.changed(self.config)
            if loaded is not None:
                self._use(loaded, now)

    def _use(self, loaded: Loaded, now: datetime) -> None:
        self._settings_news.report(loaded)
        new, old = loaded.config, self.config
        if new == old:
            return
        self.config = new
        since = now.date() - schedule.MAX_CATCH_UP - timedelta(days=2)
        settled = frozenset(self.history.settled(since, now))
        self.state = schedule.replan(old.plan, new.plan, self.state, now, settled, loaded.written)
        if new.timezone != old.timezone:
            self.ports.clock.use_zone(new.timezone)
        self.ports.windows.configure(new)
        self.tally.forget()  # the work days may have changed, and with them the streak
        log.info("settings changed: %s", ", ".join(changes(old, new)))

    # -- clock, state, history, tray ---------------------------------------------------

    def _flush_history(self) -> None:
        """Write what the history could not take before, and say what is new about it."""
        self._history_news.after_flush(self.history, self.history.flush())

    def _save(self, force: bool = False) -> None:
        try:
            left = self.ports.buttons.left() if self.ports.buttons is not None else None
            self._saver.save(self.state, self.reminder, self.history.pending, force, left)
        except OSError as err:
            log.error("%s: cannot save the state: %s", self.state_file, err)

    def _view(self, now: datetime) -> tray_view.View:
        plan = self.config.plan
        done_today, run, autostart = self.tally.now(now)
        return tray_view.View(
            now=now,
            coming=self.proposer.next_shown(plan, now, self.state.handled),
            reminder=self.reminder,
            paused_until=self.state.paused_until,
            done_today=done_today,
            due_today=schedule.count_on(plan.reminders, now),
            streak=run,
            autostart=autostart,
            snooze_minutes=int(plan.snooze.total_seconds() // 60),
            waiting=self.presenter.waiting_words(),
        )

    def _render(self, now: datetime) -> None:
        view = self._view(now)
        shown = (tray_view.title(view), tray_view.look(view), tray_view.menu(view))
        if shown != self._shown:
            self._shown = shown
            self.ports.tray.update(*shown)
