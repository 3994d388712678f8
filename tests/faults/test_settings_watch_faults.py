"""A reminder added while the settings' watch is lost is still seen in time: the whole
settings folder swapped (as dotfile managers and sync tools do), or inotify used up.
The tray's loop runs on the real alarm and a real ``Watch``; nothing else is due for
hours, so only the alarm can make it look."""

from __future__ import annotations

import queue
import shutil
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from qlbreak.core.commands import Quit
from qlbreak.core.tray_view import when
from qlbreak.storage.config import Watch, load
from qlbreak.stretches import catalogue
from tests.fakes import FakeLogin, FakeNotifier, FakeTray, FakeWindows

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")

IDS = frozenset(catalogue.load().ids)
EVERY_DAY = '["mon", "tue", "wed", "thu", "fri", "sat", "sun"]'


def settings(*reminders: tuple[str, datetime]) -> str:
    text = '[schedule]\ntimezone = "UTC"\n'
    for name, at in reminders:
        text += f'\n[[reminder]]\nname = "{name}"\ntime = "{at:%H:%M}"\ndays = {EVERY_DAY}\n'
    return text


class WallClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()

    def use_zone(self, name: str) -> None:
        pass


class Shown(FakeTray):
    """The tray's title, waited on: ``says(words)`` returns once the title has them."""

    def __init__(self) -> None:
        super().__init__()
        self._changed = threading.Condition()

    def update(self, title, look, menu) -> None:
        with self._changed:
            super().update(title, look, menu)
            self._changed.notify_all()

    def says(self, words: str, within: float = 5) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: words in self.title, within)


def tray_on(tmp_path: Path, config_file: Path, **alarm_options):
    from qlbreak.edges.alarm.alarm_linux import WallAlarm
    from qlbreak.edges.ports import Ports
    from qlbreak.storage.history import History
    from qlbreak.storage.outbox import Outbox
    from qlbreak.tray.service import Service

    commands: queue.Queue = queue.Queue()
    alarm = WallAlarm(commands.put, [config_file], watch_zone=False, **alarm_options)
    history = Outbox(lambda: History.open(tmp_path / "history.db", datetime.now(UTC), timeout=0.2))
    tray = Shown()
    watch = Watch(config_file, IDS)
    ports = Ports(
        tray, FakeNotifier(), FakeWindows(commands.put), FakeLogin(), WallClock(), settings=watch, alarm=alarm
    )
    config = load(config_file, IDS).config
    service = Service(config, catalogue.load(), history, tmp_path / "state.json", ports, commands)
    loop = threading.Thread(target=service.run, daemon=True)
    loop.start()

    def stop() -> None:
        service.put(Quit())
        loop.join(2)
        alarm.close()
        history.close()

    return tray, stop


SWAPS = 10


def test_reminders_added_by_swapping_the_settings_folder_are_next_within_seconds(tmp_path):
    """Each swap adds a reminder an hour away (a minute later each time) to one three
    hours away; half move the old folder aside, half delete it first."""
    now = datetime.now(UTC)
    later = ("later", now + timedelta(hours=3))
    config = tmp_path / "config"
    folder = config / "qlbreak"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text(settings(later))
    tray, stop = tray_on(tmp_path, folder / "config.toml")
    slowest, seen = 0.0, 0
    try:
        assert tray.says("next: later"), tray.title  # started: asleep for hours
        for swap in range(SWAPS):
            at = (now + timedelta(hours=1, minutes=swap)).replace(second=0, microsecond=0)
            new = config / "qlbreak.new"
            new.mkdir()
            (new / "config.toml").write_text(settings(("added", at), later))
            if swap % 2:
                shutil.rmtree(folder)
            else:
                folder.rename(config / f"qlbreak.old{swap}")
            new.rename(folder)
            swapped = time.monotonic()
            assert tray.says(f"next: added at {when(at, datetime.now(UTC))}"), (swap, tray.title)
            seen, slowest = seen + 1, max(slowest, time.monotonic() - swapped)
    finally:
        stop()
    print(f"{seen} of {SWAPS} folder swaps seen; the slowest after {slowest:.2f} s")
    assert seen == SWAPS and slowest < 2


def test_a_reminder_added_with_inotify_used_up_is_next_after_a_look(tmp_path):
    from tests.unit.test_alarm_linux import UsedUpInotify

    now = datetime.now(UTC)
    added, later = ("added", now + timedelta(hours=1)), ("later", now + timedelta(hours=3))
    config_file = tmp_path / "config.toml"
    config_file.write_text(settings(later))
    tray, stop = tray_on(tmp_path, config_file, look_every=0.3, libc=UsedUpInotify())
    try:
        assert tray.says("next: later"), tray.title
        config_file.write_text(settings(added, later))
        assert tray.says("next: added"), tray.title
    finally:
        stop()
