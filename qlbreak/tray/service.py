"""The long-running loop: asks core/schedule what is due, then tells the adapters.

One thread owns this object (pystray's setup thread in the tray app). Menu clicks,
the single-instance listener and ended child windows only ``put`` a command on the
queue; ``step`` drains it, reads the clock once, and carries out the decisions.
Relative waits stop while a machine sleeps, so the loop never waits longer than
``schedule.HEARTBEAT`` and checks the wall clock against the monotonic one.
"""

from __future__ import annotations

import logging
import queue
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from qlbreak.core import schedule, tray_view
from qlbreak.core.schedule import Occurrence, ScheduleState
from qlbreak.core.streak import streak
from qlbreak.core.tray_view import Due
from qlbreak.storage import statefile
from qlbreak.storage.config import Config
from qlbreak.storage.history import Event, History
from qlbreak.stretches.catalogue import Catalogue, Stretch
from qlbreak.tray.ports import Clock, Command, LoginItem, Notifier, Tray, Windows

log = logging.getLogger("qlbreak")
DRIFT = 5.0  # seconds between wall and monotonic steps that mean sleep or a clock change
SAVE_SEEN_EVERY = timedelta(minutes=10)
RECOUNT_EVERY = timedelta(minutes=10)


@dataclass(frozen=True)
class Ports:
    tray: Tray
    notifier: Notifier
    windows: Windows
    login: LoginItem
    clock: Clock


class Service:
    def __init__(
        self,
        config: Config,
        catalogue: Catalogue,
        history: History,
        state_file: Path,
        ports: Ports,
        commands: queue.Queue[Command] | None = None,  # made earlier when adapters must post to it
    ) -> None:
        self.config, self.catalogue, self.history, self.state_file = config, catalogue, history, state_file
        self.ports = ports
        self.commands: queue.Queue[Command] = commands if commands is not None else queue.Queue()
        self.running = True
        now = ports.clock.now()
        saved = statefile.load(state_file, now)
        if saved.notice:
            log.warning(saved.notice)
        since = now.date() - schedule.SETTLED_AFTER - timedelta(days=1)
        self.state = ScheduleState(
            saved.state.since,
            saved.state.seen_until,
            saved.state.handled | frozenset(history.settled(since)),
            saved.state.snoozed,
            saved.state.paused_until,
        )
        self.due: Due | None = saved.due
        self.held: Due | None = None  # a snoozed reminder's proposal, shown again later
        self._last: tuple[datetime, float] | None = None
        self._shown: tuple[str, str, tuple[tray_view.Entry, ...]] | None = None
        self._saved: tuple[object, datetime | None] = (None, None)
        self._counted: tuple[date, datetime, tuple[int, int, bool | None]] | None = None

    def put(self, name: str, arg: object = None) -> None:
        """Thread-safe: the only way other threads reach the service."""
        self.commands.put((name, arg))

    # -- the loop ----------------------------------------------------------------------

    def run(self) -> None:
        """Step until "quit"; each wait ends at the next decision or the heartbeat."""
        first: Command | None = None
        while self.running:
            try:
                wake = self.step(first)
            except Exception:  # a full disk or a locked history must not end the reminders
                log.exception("a step of the service loop failed; trying again shortly")
                wake = self.ports.clock.now() + timedelta(seconds=5)
            wait = (wake - self.ports.clock.now()).total_seconds()
            try:
                first = self.commands.get(timeout=min(max(wait, 0.05), schedule.HEARTBEAT.total_seconds()))
            except queue.Empty:
                first = None

    def step(self, first: Command | None = None) -> datetime:
        """Carry out ``first`` and every queued command, decide, render; returns when
        to look again."""
        now = self.ports.clock.now()
        self._check_drift(now)
        if first is not None:
            self._handle(*first, now)
        while self.running:
            try:
                name, arg = self.commands.get_nowait()
            except queue.Empty:
                break
            self._handle(name, arg, now)
        if not self.running:
            return now
        self.state, decision = schedule.tick(self.config.plan, self.state, now)
        for occ in decision.missed:
            self.history.claim(Event(now, "missed", reminder=occ.reminder, occurrence=occ.day))
            log.info("missed %s of %s (noticed at %s)", occ.reminder, occ.day, f"{now:%H:%M}")
        if decision.fire is not None:
            self._fire(decision.fire, now)
        elif decision.again is not None:
            self._again(decision.again, now)
        if self.due is not None and now >= self.due.until:
            self._expire(now)
        self._save()
        self._render(now)
        wake = decision.wake_at
        if self.due is not None:
            wake = min(wake, self.due.until)
        return wake

    # -- commands ----------------------------------------------------------------------

    def _handle(self, name: str, arg: object, now: datetime) -> None:
        log.debug("command %s %r", name, arg)
        windows = self.ports.windows
        if name == "stretch":
            self._open_stretch(arg if isinstance(arg, str) else None, now)
        elif name == "snooze" and self.due is not None:
            self.state = schedule.snooze(self.config.plan, self.state, self.due.occurrence, now)
            self.held = self._dismiss("snoozed", now)
        elif name in ("skip", "pause-hour", "pause-tomorrow"):
            # "skip today" pauses until tomorrow; any pause covers the reminder on show
            until = now + timedelta(hours=1) if name == "pause-hour" else schedule.until_tomorrow(now)
            self.state = schedule.pause(self.state, until)
            self._dismiss("skipped", now)
        elif name == "resume":
            self.state = schedule.resume(self.state)
        elif name == "autostart":
            self._toggle_login()
        elif name == "safety":
            windows.open_safety()
        elif name == "menu" and isinstance(arg, tuple):
            windows.open_menu(tray_view.menu(self._view(now)), *arg)
        elif name == "ended" and isinstance(arg, tuple):
            self._ended(*arg, now)
        elif name == "wake":
            pass  # resumed from sleep (Windows says so): this step looks at the clock
        elif name == "quit":
            log.info("quitting")
            self.running = False
            windows.close_all()
            self._save(force=True)
        else:
            log.warning("ignored command %s %r", name, arg)

    def _open_stretch(self, stretch_id: str | None, now: datetime) -> None:
        windows = self.ports.windows
        if windows.raise_stretch():
            return  # at most one stretch window: a second request raises the open one
        stretch = self.catalogue.get(stretch_id) if stretch_id else None
        if stretch is None and self.due is not None:
            stretch = self.catalogue.get(self.due.stretch)
        if stretch is None:
            stretch = self._pick(now)
        if stretch is None:
            self.ports.notifier.notify("qlbreak", "No stretch fits your settings; see [stretches] in your config.")
            return
        windows.close_prompt()
        windows.open_stretch(stretch)

    def _ended(self, kind: object, result: object, started: object, now: datetime) -> None:
        if kind == "prompt":
            if result == "start":
                self.put("stretch")
            elif result in ("snooze", "skip"):
                self.put(str(result))
        elif kind == "stretch" and isinstance(started, datetime):
            done = any(e.kind == "done" for e in self.history.events(since=started))
            log.info("stretch window closed (%s)", "done" if done else "not done")
            self._counted = None  # the window may have recorded a stretch
            if done and self.due is not None:
                self.due = None
                self.ports.windows.close_prompt()
        elif kind == "menu" and isinstance(result, str) and result in tray_view.ACTIONS:
            self.put(result)

    def _toggle_login(self) -> None:
        login = self.ports.login
        current = login.enabled()
        if current is not None:
            self._counted = None
            try:
                login.set(not current)
            except OSError as err:
                log.error("cannot change the login item: %s", err)
                self.ports.notifier.notify("qlbreak", f"Could not change 'Start at login': {err}")

    # -- reminders ---------------------------------------------------------------------

    def _fire(self, occ: Occurrence, now: datetime) -> None:
        stretch = self._pick(now)
        fired = Event(now, "fired", stretch.id if stretch else None, reminder=occ.reminder, occurrence=occ.day)
        if not self.history.claim(fired):
            log.info("%s of %s was already shown (another copy?)", occ.reminder, occ.day)
            return
        if stretch is None:
            log.warning("no stretch fits the settings; %s not shown", occ.reminder)
            return
        self._show(Due(occ, stretch.id, stretch.name, schedule.expires(occ, self.config.plan)), now)

    def _again(self, occ: Occurrence, now: datetime) -> None:
        held = self.held if self.held and self.held.occurrence == occ else None
        stretch = self.catalogue.get(held.stretch) if held else self._pick(now)
        self.held = None
        if stretch is not None:
            self._show(Due(occ, stretch.id, stretch.name, now + self.config.plan.grace), now)

    def _show(self, due: Due, now: datetime) -> None:
        self.due = due
        style = self.config.reminder_style
        log.info("reminder %s: %s, due until %s", due.occurrence.reminder, due.stretch, f"{due.until:%H:%M}")
        if style in ("notification", "both"):
            self.ports.notifier.notify(f"Time for a stretch: {due.name}", _message(due, self.catalogue))
        if style in ("prompt", "both"):
            seconds = (due.until - now).total_seconds()
            self.ports.windows.open_prompt(due, int(self.config.plan.snooze.total_seconds() // 60), seconds)

    def _expire(self, now: datetime) -> None:
        assert self.due is not None
        occ = self.due.occurrence
        self.history.claim(Event(now, "missed", self.due.stretch, reminder=occ.reminder, occurrence=occ.day))
        log.info("%s of %s passed without a stretch", occ.reminder, occ.day)
        self.due = None
        self.ports.windows.close_prompt()

    def _pick(self, now: datetime) -> Stretch | None:
        from qlbreak.ui.walkthrough import NothingFits, choose

        try:
            return choose(self.catalogue, self.config.prefs, self.history, now)
        except NothingFits:
            return None

    def _dismiss(self, kind: str, now: datetime) -> Due | None:
        """The user answered the reminder on show (if any): record how, close the prompt."""
        due, self.due = self.due, None
        if due is not None:
            occ = due.occurrence
            self.history.record(Event(now, kind, due.stretch, reminder=occ.reminder, occurrence=occ.day))
            self.ports.windows.close_prompt()
        return due

    # -- clock, state, tray ------------------------------------------------------------

    def _check_drift(self, now: datetime) -> None:
        mono = self.ports.clock.monotonic()
        if self._last is not None:
            wall_step = (now - self._last[0]).total_seconds()
            if abs(wall_step - (mono - self._last[1])) > DRIFT:
                log.info(
                    "the wall clock moved %+.0f s in %.0f s: sleep or a clock change", wall_step, mono - self._last[1]
                )
        self._last = (now, mono)

    def _save(self, force: bool = False) -> None:
        """Write the state when it changed; the newest instant seen alone only every
        ``SAVE_SEEN_EVERY`` (the history's claims already stop repeats), so an idle
        tray does not write to disk every heartbeat."""
        seen = self.state.seen_until
        key = (replace(self.state, seen_until=None), self.due)
        if not force and key == self._saved[0] and seen and self._saved[1] and seen - self._saved[1] < SAVE_SEEN_EVERY:
            return
        try:
            statefile.save(self.state_file, self.state, self.due)
            self._saved = (key, seen)
        except OSError as err:
            log.error("%s: cannot save the state: %s", self.state_file, err)

    def _view(self, now: datetime) -> tray_view.View:
        plan = self.config.plan
        today = now.date()
        done_today, run, autostart = self._tally(now)
        return tray_view.View(
            now=now,
            coming=schedule.next_occurrence(plan.reminders, now),
            due=self.due,
            paused_until=self.state.paused_until,
            done_today=done_today,
            due_today=sum(1 for r in plan.reminders if schedule.occurrence_on(r, today, now.tzinfo) is not None),
            streak=run,
            autostart=autostart,
            snooze_minutes=int(plan.snooze.total_seconds() // 60),
        )

    def _tally(self, now: datetime) -> tuple[int, int, bool | None]:
        """Stretches done today, the streak, the login item: read from disk when they
        may have changed (a stretch window ended, the login item was toggled, a new
        day) and every ``RECOUNT_EVERY`` for changes made outside the tray; not on
        every heartbeat of an idle tray."""
        counted = self._counted
        if counted is None or counted[0] != now.date() or abs(now - counted[1]) >= RECOUNT_EVERY:
            done_today = sum(1 for e in self.history.events(since=_midnight(now)) if e.kind == "done")
            run = streak(self.history.done_days(), self.config.workdays, now.date())
            counted = self._counted = (now.date(), now, (done_today, run, self.ports.login.enabled()))
        return counted[2]

    def _render(self, now: datetime) -> None:
        view = self._view(now)
        shown = (tray_view.title(view), tray_view.look(view), tray_view.menu(view))
        if shown != self._shown:
            self._shown = shown
            self.ports.tray.update(*shown)


def _midnight(now: datetime) -> datetime:
    return datetime.combine(now.date(), datetime.min.time(), tzinfo=now.tzinfo)


def _message(due: Due, catalogue: Catalogue) -> str:
    stretch = catalogue.get(due.stretch)
    summary = f"{stretch.summary} " if stretch else ""
    return f"{summary}Click the qlbreak icon, or Start in the prompt, when you are ready."
