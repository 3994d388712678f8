"""Where the loop around core/app.py decided otherwise than the loop it replaced
(tray/service.py at ad68cac), or did what a user would call wrong, as a hostile re-test
found them; each test drives ``Service`` on fakes and holds the fix (each failed before
it, on main or on both loops)."""

from __future__ import annotations

import queue
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qlbreak.core.commands import (
    Command,
    Hover,
    OpenProgress,
    OpenSettings,
    Pause,
    PauseFor,
    Quit,
    ShowSafety,
    ToggleLogin,
)
from qlbreak.core.holds import Signals
from qlbreak.core.kinds import Record, Window
from qlbreak.core.reminder import Stage
from qlbreak.core.session import Feeling
from qlbreak.core.window_specs import SettingsSpec
from qlbreak.edges.ports import Ports
from qlbreak.storage.config import Config, Loaded
from qlbreak.storage.history import Event, History, HistoryError
from qlbreak.storage.outbox import Outbox
from qlbreak.stretches import catalogue
from qlbreak.tray.service import Service
from tests.fakes import FakeClock, FakeDetectors, FakeLogin, FakeNotifier, FakeTray, FakeWindows, prompts

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_0925 = datetime(2026, 11, 30, 9, 25, tzinfo=BERLIN)
MONDAY_1208 = datetime(2026, 11, 30, 12, 8, tzinfo=BERLIN)
FIRST_PICK = "ql-stick-stretch"  # what the picker offers first on an empty history


class CountingLogin(FakeLogin):
    """The login item, counting how often it is read (a file or the registry each time)."""

    def __init__(self, on: bool | None = False) -> None:
        super().__init__(on)
        self.reads = 0

    def enabled(self) -> bool | None:
        self.reads += 1
        return self.on


class StuckLogin(FakeLogin):
    """A login item that cannot be changed (a read-only autostart folder)."""

    def set(self, on: bool) -> None:
        raise PermissionError("read-only autostart folder")


class Desk:
    """A service on fakes, with detectors or a history that will not open if asked."""

    def __init__(
        self,
        tmp_path: Path,
        now: datetime = MONDAY_0925,
        detectors: bool = False,
        history_opens: bool = True,
        login: FakeLogin | None = None,
        config: Config | None = None,
        settings: NewSettings | None = None,
    ) -> None:
        self.path = tmp_path / "history.db"
        self.clock = FakeClock(now)
        commands: queue.Queue[Command] = queue.Queue()
        self.tray, self.notifier, self.login = FakeTray(), FakeNotifier(), login or FakeLogin()
        self.windows = FakeWindows(report=commands.put)
        self.detectors = FakeDetectors() if detectors else None

        def history() -> History:
            if not history_opens:
                raise HistoryError("database is locked")
            return History.open(self.path, self.clock.now(), timeout=0.2)

        self.history = Outbox(history)
        ports = Ports(self.tray, self.notifier, self.windows, self.login, self.clock, settings, self.detectors)
        self.service = Service(
            config or Config(), catalogue.load(), self.history, tmp_path / "state.json", ports, commands
        )

    def record(self, event: Event) -> None:
        """What another process (a stretch window, another copy) wrote to the history."""
        history = History.open(self.path, self.clock.now())
        try:
            if event.kind == Record.FIRED:
                history.claim(event)
            else:
                history.record(event)
        finally:
            history.close()

    def do(self, command: Command) -> datetime:
        self.service.put(command)
        return self.service.step()

    def sleep(self, seconds: float) -> datetime:
        """The machine sleeps ``seconds`` (the loop stands still), then the loop's first turn."""
        self.clock.advance(seconds, asleep=True)
        return self.service.step()

    def awake(self, seconds: float) -> None:
        while seconds > 0:
            self.clock.advance(min(30, seconds))
            self.service.step()
            seconds -= 30

    def stage(self) -> Stage | None:
        on_show = self.service.reminder
        return on_show.stage if on_show is not None else None

    def catch_ups(self) -> list[str]:
        return [r.stretch for r in prompts(self.windows) if r.catch_up]


# -- the detectors: an idle tray never looks -------------------------------------------


@pytest.mark.parametrize("command", [OpenSettings(), ShowSafety(), OpenProgress(), ToggleLogin(), Quit()], ids=repr)
def test_an_idle_tray_does_not_look_at_the_detectors_for_a_command_that_brings_no_reminder(
    tmp_path: Path, command: Command
) -> None:
    desk = Desk(tmp_path, detectors=True)
    desk.service.step()
    assert desk.service.reminder is None and desk.service.app.catch_up is None, "the tray is idle"
    assert desk.detectors is not None
    looks = desk.detectors.looks
    desk.clock.advance(60)
    desk.do(command)
    assert desk.detectors.looks == looks


def test_resting_on_the_icon_reads_neither_the_login_item_nor_the_history_again(tmp_path: Path) -> None:
    login = CountingLogin()
    desk = Desk(tmp_path, login=login)
    desk.service.step()
    reads = login.reads
    for _ in range(3):
        desk.clock.advance(1)
        desk.do(Hover(on=True))
        desk.clock.advance(1)
        desk.do(Hover(on=False))  # the tooltip closes: its ChildEnded comes the next turn
        desk.service.step()
    assert len(desk.windows.specs(Window.TOOLTIP)) == 3, "the tooltip showed each time"
    assert login.reads == reads


class NewSettings:
    """The settings file: ``next`` is what it says when next asked (then it is unchanged)."""

    def __init__(self) -> None:
        self.next: Loaded | None = None

    def changed(self, config: Config) -> Loaded | None:
        loaded, self.next = self.next, None
        return loaded


def test_a_hold_switched_on_in_the_settings_holds_the_reminder_on_show_at_once(tmp_path: Path) -> None:
    config = Config()
    config = replace(config, holds=replace(config.holds, in_a_call=False))
    settings = NewSettings()
    desk = Desk(tmp_path, detectors=True, config=config, settings=settings)
    assert desk.detectors is not None
    desk.detectors.signals = Signals(microphone=True, idle_seconds=0)  # in a call, which holds nothing yet
    desk.service.step()
    desk.awake(5 * 60)
    assert desk.stage() is Stage.DUE, "shown at 09:30"
    desk.clock.advance(60)
    settings.next = Loaded(replace(config, holds=replace(config.holds, in_a_call=True)))
    desk.service.step()
    assert desk.stage() is Stage.HELD


# -- the catch-up noticed at wake --------------------------------------------------------


def test_a_catch_up_noticed_at_wake_never_offers_a_stretch_the_user_said_hurt(tmp_path: Path) -> None:
    desk = Desk(tmp_path)
    desk.record(Event(MONDAY_0925 - timedelta(days=1), Record.DONE, FIRST_PICK, feeling=Feeling.HURT))
    desk.service.step()
    desk.sleep(40 * 60)  # asleep over the 09:30 reminder
    offered = desk.catch_ups()
    assert offered, "the missed morning reminder is offered once, at wake"
    assert FIRST_PICK not in offered


def test_a_catch_up_noticed_at_wake_is_offered_at_once_when_nothing_holds(tmp_path: Path) -> None:
    desk = Desk(tmp_path, detectors=True)  # the detectors see nothing that holds
    desk.service.step()
    desk.sleep(40 * 60)
    assert desk.catch_ups(), "offered at the first turn after the wake"


# -- the history that refuses a record ----------------------------------------------------


def test_a_record_the_history_refused_this_turn_is_tried_again_within_half_a_minute(tmp_path: Path) -> None:
    desk = Desk(tmp_path, history_opens=False)
    desk.service.step()
    assert not desk.history.pending, "nothing waits yet"
    desk.clock.advance(5 * 60)
    wake = desk.service.step()  # 09:30: the morning reminder fires; its claim cannot be written
    assert desk.history.pending and prompts(desk.windows), "shown, its 'fired' kept for later"
    assert wake <= desk.clock.now() + timedelta(seconds=30)


# -- start at login -----------------------------------------------------------------------


def test_the_settings_window_shows_start_at_login_as_it_is_now(tmp_path: Path) -> None:
    desk = Desk(tmp_path)
    desk.service.step()
    desk.login.on = True  # `qlbreak autostart on` in a terminal
    desk.clock.advance(60)
    desk.do(OpenSettings())
    spec = desk.windows.specs(Window.SETTINGS)[-1]
    assert isinstance(spec, SettingsSpec) and spec.autostart is True


def test_a_login_item_that_would_not_change_leaves_the_menu_as_it_was(tmp_path: Path) -> None:
    """Fixed in e834428 (at 7c54b7d the menu showed it on, and stayed so until a recount)."""
    desk = Desk(tmp_path, login=StuckLogin(False))
    desk.service.step()
    desk.do(ToggleLogin())
    assert [m for _, m in desk.notifier.sent] == ["Could not change 'Start at login': read-only autostart folder"]
    entry = next(e for e in desk.tray.menu if e.label == "Start at login")
    assert entry.checked is False


# -- another copy showed it ---------------------------------------------------------------


def test_a_reminder_another_copy_showed_leaves_the_icon_at_the_next_reminder(tmp_path: Path) -> None:
    """Fixed in e834428 (at 7c54b7d the tick's icon, drawn after the refused claim's,
    said 'time for a stretch' with Snooze in the menu while nothing showed)."""
    desk = Desk(tmp_path)
    desk.service.step()
    at = MONDAY_0925 + timedelta(minutes=5)
    desk.record(Event(at, Record.FIRED, FIRST_PICK, reminder="morning", occurrence=at.date()))
    desk.awake(5 * 60)
    assert desk.service.reminder is None and not prompts(desk.windows), "the other copy showed it"
    assert desk.tray.title == "qlbreak \u2014 next: lunch at 12:30"
    assert not any(label.startswith("Snooze") for label in desk.tray.labels())


# -- wrong in both loops --------------------------------------------------------------------


def test_a_reminder_paused_through_earns_no_catch_up_however_late_it_is_noticed(tmp_path: Path) -> None:
    desk = Desk(tmp_path, now=MONDAY_1208)
    desk.service.step()
    desk.do(Pause(PauseFor.HOUR))  # until 13:08, over lunch at 12:30
    desk.awake(44 * 60)  # awake through lunch's time, still paused
    desk.sleep(30 * 60)  # asleep across the pause's end
    assert Record.MISSED in [e.kind for e in desk.history.events()], "lunch is recorded missed"
    assert desk.catch_ups() == []
