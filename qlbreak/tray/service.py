"""The tray's loop, a thin shell around ``core/app.py``: it reads what the core asks
for, feeds it the inputs and carries out its effects, and decides nothing.

One thread owns this object (pystray's setup thread). Menu clicks, the single-instance
listener and ended windows only ``put`` a command. A turn (``step``) reads the clock
once, drains the queue, reads what ``app.wants`` asks (``observing.py``), then feeds
``Observed``, each command, a changed settings file and ``Tick`` to ``app.step``, and
its hands (``carrying_out.py``) carry out each effect through its port. It sleeps until the
core's ``wake_at``: the alarm (``ports.alarm``) wakes it then, and on a clock change,
a resume or a changed settings file; without one it looks every ``schedule.HEARTBEAT``.
"""

from __future__ import annotations

import logging
import queue
from datetime import datetime, timedelta
from pathlib import Path

from qlbreak.clock import Drift
from qlbreak.core import app, schedule
from qlbreak.core.app_state import AppState, Input, Observed, SettingsChanged, Tick
from qlbreak.core.commands import Command
from qlbreak.core.kinds import Record
from qlbreak.core.reminder import OnShow
from qlbreak.core.schedule import ScheduleState
from qlbreak.core.words import _
from qlbreak.edges.ports import Ports
from qlbreak.language.start import decide, speak
from qlbreak.storage import statefile
from qlbreak.storage.config import Config
from qlbreak.storage.outbox import Outbox
from qlbreak.stretches.catalogue import Catalogue
from qlbreak.stretches.own import Folder
from qlbreak.tray import observing
from qlbreak.tray.carrying_out import Hands
from qlbreak.tray.news import HistoryNews, SettingsNews, changes

log = logging.getLogger("qlbreak")


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
        own: Folder | None = None,  # the user's own stretches, looked at with the settings
    ) -> None:
        self.config, self.catalogue, self._history, self.state_file = config, catalogue, history, state_file
        self.own = own
        self.ports = ports
        self.commands: queue.Queue[Command] = commands if commands is not None else queue.Queue()
        self.running = True
        now = ports.clock.now()
        saved = statefile.load(state_file, now)
        if saved.notice:
            log.warning(saved.notice)
        history.keep(saved.pending)
        since = now.date() - schedule.SETTLED_AFTER - timedelta(days=1)
        settled = frozenset(history.settled(since, now))
        shown = frozenset(history.settled(since, now, kinds=(Record.FIRED,)))
        rules = self._rules(config)
        self.app: AppState = app.start(saved.app, rules, settled, shown, now, welcome, saved.notification)
        self.observer = observing.Observer(
            history, catalogue, ports.login, ports.detectors, lambda: self.config.workdays
        )
        self._drift = Drift()
        self._saver = statefile.Saver(state_file)
        self.hands = Hands(ports, history, self._save)  # carries out what the core decides
        self._history_news = HistoryNews(ports.notifier)
        self._settings_news = SettingsNews(ports.notifier)  # what a changed config.toml is reported as

    @property
    def history(self) -> Outbox:
        return self._history

    @history.setter
    def history(self, history: Outbox) -> None:
        """Another history in its place (reopened): the reads and the writes follow."""
        self._history = self.observer.history = self.hands.history = history

    @property
    def state(self) -> ScheduleState:
        return self.app.schedule

    @property
    def reminder(self) -> OnShow | None:
        return self.app.reminder

    def put(self, command: Command) -> None:
        """Thread-safe: the only way other threads reach the service."""
        self.commands.put(command)

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
        """One turn: ``first`` and every queued command, then the clock's; when to look again."""
        now = self.ports.clock.now()
        if moved := self._drift.check(now, self.ports.clock.monotonic()):
            log.info("%s", moved)
        inputs: list[Input] = [first] if first is not None else []
        while True:
            try:
                inputs.append(self.commands.get_nowait())
            except queue.Empty:
                break
        if (changed := self._look_at_settings(now)) is not None:
            inputs.append(changed)
            now = self.ports.clock.now()  # in the zone the new settings name, if they name another
        self._history_news.after_flush(self.history, self.history.flush())
        wanted = app.wants(self.app, tuple(inputs), now)
        self._feed(Observed(self.observer.read(wanted, self.app, now)), now)
        for given in inputs:
            if not self.running:
                return now
            self._feed(given, now)
        if not self.running:
            return now
        if self.app.run.stale:
            self._feed(Observed(self.observer.read(app.wants(self.app, (), now), self.app, now)), now)
        self._feed(Tick(), now)
        self._save()
        return self.app.wake_at or now + schedule.HEARTBEAT

    def _feed(self, given: Input, now: datetime) -> None:
        """``given`` to the core, its effects carried out; what they answer (a claim
        refused, a login item that would not change) goes back to the core."""
        pending = [given]
        while pending:
            self.app, effects = app.step(self.app, pending.pop(0), now)
            for effect in effects:
                pending += self.hands.do(effect, now)
        self.running = not self.hands.stopped

    def _look_at_settings(self, now: datetime) -> SettingsChanged | None:
        """The settings file's new contents when it changed (the settings window saved
        it, or an editor): used at once, without a restart."""
        loaded = self.ports.settings.changed(self.config) if self.ports.settings is not None else None
        stretches = self._look_at_own()
        if loaded is not None:
            self._settings_news.report(loaded)
        new, old = loaded.config if loaded is not None else self.config, self.config
        if new == old and not stretches:
            return None
        self.config = new
        since = now.date() - schedule.MAX_CATCH_UP - timedelta(days=2)
        settled = frozenset(self.history.settled(since, now))
        if new.timezone != old.timezone:
            self.ports.clock.use_zone(new.timezone)
        if new.language != old.language:  # the menu, the tooltip, the next notification and window
            speak(decide(new.language))
        self.ports.windows.configure(new)
        if new != old:
            log.info("settings changed: %s", ", ".join(changes(old, new)))
        return SettingsChanged(self._rules(new), settled, loaded.written if loaded is not None else None)

    def _look_at_own(self) -> bool:
        """Whether the user's own stretches came, went or changed (the stretches folder,
        at the first look and after a change): the catalogue the loop, the picker and
        the windows share has them now; each mistake is logged, and the first one told."""
        before = self.catalogue.stretches
        own = self.own.changed() if self.own is not None else None
        if own is None:
            return False
        for problem in own.problems:
            log.warning("%s", problem)
        if own.errors:
            # Translators: {problem}: the first mistake in a stretch file of the user's own (where, and what)
            told = _("{problem}. That one is left out until it is put right.").format(problem=own.errors[0].brief())
            self.ports.notifier.notify(_("qlbreak: a mistake in your own stretch"), told)
        if self.catalogue.stretches == before:
            return False
        log.info("your own stretches: %s", ", ".join(s.id for s in own.stretches) or "none")
        return True

    def _rules(self, config: Config) -> app.Rules:
        ports = self.ports
        return observing.rules(config, self.catalogue, ports.buttons is not None, ports.detectors is not None)

    def _save(self, force: bool = False) -> None:
        try:
            left = self.ports.buttons.left() if self.ports.buttons is not None else None
            self._saver.save(self.app, self.history.pending, force, left)
        except OSError as err:
            log.error("%s: cannot save the state: %s", self.state_file, err)
