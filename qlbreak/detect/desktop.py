"""Which detector reads which fact on this system (the first that can tell answers)."""

from __future__ import annotations

import sys
from typing import Any

from qlbreak.detect.facts import Detectors, Fact


def for_this_desktop(platform: str = sys.platform, session_lock: Any = None) -> Detectors:
    """``session_lock``: on Windows, the ``windows.SessionLock`` the tray icon feeds."""
    sources: dict[str, list[tuple[str, Fact]]] = {}

    def add(fact: str, source: str, read: Fact) -> None:
        sources.setdefault(fact, []).append((source, read))

    if platform == "win32":
        from qlbreak.detect import windows

        add("full_screen", "SHQueryUserNotificationState", windows.full_screen)
        add("do_not_disturb", "SHQueryUserNotificationState", windows.do_not_disturb)
        if session_lock is not None:
            add("locked", "the session's lock messages", session_lock.locked)
        add("locked", "SHQueryUserNotificationState", windows.locked)
        add("idle_seconds", "GetLastInputInfo", windows.idle_seconds)
        add("microphone", "the microphone consent store", windows.microphone)
    elif platform == "darwin":
        from qlbreak.detect import macos

        add("idle_seconds", "Quartz", macos.idle_seconds)
        add("locked", "Quartz", macos.locked)
    else:
        from qlbreak.detect import freedesktop, pulse
        from qlbreak.detect.x11 import X11

        x11, session, system = X11(), freedesktop.Bus("SESSION"), freedesktop.Bus("SYSTEM")
        add("full_screen", "X11 (EWMH)", x11.full_screen)
        add("idle_seconds", "X11 (MIT-SCREEN-SAVER)", x11.idle_seconds)
        add("idle_seconds", "GNOME's IdleMonitor", lambda: freedesktop.mutter_idle_seconds(session))
        add("do_not_disturb", "the notification server", lambda: freedesktop.do_not_disturb(session))
        add("locked", "logind or the ScreenSaver", lambda: freedesktop.locked(system, session))
        add("microphone", "pactl", pulse.microphone)
    return Detectors({fact: tuple(found) for fact, found in sources.items()})
