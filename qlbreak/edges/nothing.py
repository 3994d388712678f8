"""A do-nothing adapter for each port (``edges/ports.py``): for a system or a session
that lacks the world behind it (no tray host, no notification server, no login
items), and for tests that need a port filled but not watched. Each does what the
port says "none here" means, never raises, and keeps nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from qlbreak.core.holds import Signals
from qlbreak.core.tray_view import Entry
from qlbreak.storage.config import Config, Loaded

log = logging.getLogger("qlbreak")


class NoTray:
    """No icon: the title goes to the debug log."""

    def update(self, title: str, look: str, menu: Sequence[Entry]) -> None:
        log.debug("tray (not shown): %s", title)


class NoNotifier:
    """No notifications: the reminder goes to the log."""

    def notify(self, title: str, message: str) -> None:
        log.info("notification (none here): %s: %s", title, message)


class NoButtons:
    """No notification with buttons: the prompt is the reminder, the plain notifier points."""

    def remind(self, title: str, message: str, actions: Sequence[tuple[str, str]], seconds: float) -> bool:
        return False

    def point(self, title: str, message: str, seconds: float) -> bool:
        return False

    def withdraw(self) -> None:
        pass

    def left(self) -> str | None:
        return None

    def take_away(self, left: str) -> None:
        pass


class NoLogin:
    """No login items on this system: ``enabled`` is None (the settings hide the choice)."""

    def enabled(self) -> bool | None:
        return None

    def set(self, on: bool) -> None:
        pass


class NoAlarm:
    """No wall-clock alarm: not exact, so the loop also looks every schedule.HEARTBEAT."""

    exact = False

    def at(self, instant: datetime) -> None:
        pass

    def close(self) -> None:
        pass


class NoDetectors:
    """Nothing detected: every fact unknown, so nothing ever holds a reminder."""

    def look(self, wanted: frozenset[str] | None = None) -> Signals:
        return Signals()

    def available(self) -> dict[str, str]:
        from qlbreak.edges.detect.facts import FACTS

        return dict.fromkeys(FACTS, "qlbreak cannot tell on this system")


class NoSettingsFile:
    """Settings that never change while the tray runs."""

    def changed(self, current: Config) -> Loaded | None:
        return None
