"""Which detector reads which fact on this system (the first that can tell answers)."""

from __future__ import annotations

import sys
from typing import Any

from qlbreak.edges.detect.facts import Detectors, Fact


def for_this_desktop(platform: str = sys.platform, session_lock: Any = None) -> Detectors:
    """``session_lock``: on Windows, the ``windows.SessionLock`` the tray icon feeds.
    Each source is named in words ``qlbreak status`` shows ("read from the sound server");
    the log says which call could not tell."""
    sources: dict[str, list[tuple[str, Fact]]] = {}

    def add(fact: str, source: str, read: Fact) -> None:
        sources.setdefault(fact, []).append((source, read))

    if platform == "win32":
        from qlbreak.edges.detect import session_win32 as windows

        add("full_screen", "Windows", windows.full_screen)
        add("do_not_disturb", "Windows", windows.do_not_disturb)
        if session_lock is not None:
            add("locked", "Windows' lock messages", session_lock.locked)
        add("locked", "Windows", windows.locked)
        add("idle_seconds", "Windows", windows.idle_seconds)
        add("microphone", "Windows' microphone settings", windows.microphone)
    elif platform == "darwin":
        from qlbreak.edges.detect import macos

        add("idle_seconds", "macOS", macos.idle_seconds)
        add("locked", "macOS", macos.locked)
    else:
        from qlbreak.edges.detect import freedesktop, pulse
        from qlbreak.edges.detect.x11 import X11

        x11, session, system = X11(), freedesktop.Bus("SESSION"), freedesktop.Bus("SYSTEM")
        add("full_screen", "the window manager", x11.full_screen)
        add("idle_seconds", "the X display", x11.idle_seconds)
        add("idle_seconds", "GNOME", lambda: freedesktop.mutter_idle_seconds(session))
        add("do_not_disturb", "the notification server", lambda: freedesktop.do_not_disturb(session))
        add("locked", "the login manager or the screen saver", lambda: freedesktop.locked(system, session))
        add("microphone", "the sound server", pulse.microphone)
    return Detectors({fact: tuple(found) for fact, found in sources.items()})
