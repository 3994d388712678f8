"""X11: is the active window full screen (EWMH), and how long since the last input
(the MIT-SCREEN-SAVER extension), through python-xlib (pystray's own dependency).

One connection of its own, opened on the first question: Xlib connections are not
shared between threads, and pystray's belongs to the icon's thread. Nothing is
selected on it, so it never wakes the process. Under Wayland, X11's idle counter only
sees X clients: it is not used there (``freedesktop.py`` asks Mutter instead).
"""

from __future__ import annotations

import os
from typing import Any

from qlbreak.core.words import N_
from qlbreak.edges.detect.facts import Unavailable


class X11:
    def __init__(self, display: str | None = None) -> None:
        self._name = display if display is not None else os.environ.get("DISPLAY", "")
        self._display: Any = None

    def _open(self) -> Any:
        if self._display is None:
            if not self._name:
                raise Unavailable(
                    N_("cannot ask the display (there is no X display here)"), "no X display: $DISPLAY is not set"
                )
            try:
                from Xlib import display as xdisplay
                from Xlib.error import DisplayError
            except ImportError as err:
                missing = N_("cannot ask the display (a part of qlbreak is missing: reinstall qlbreak)")
                raise Unavailable(missing, f"python-xlib is not installed ({err})") from err
            try:
                self._display = xdisplay.Display(self._name)
            except (DisplayError, OSError) as err:
                refused = N_("cannot ask the display (it refused the connection)")
                raise Unavailable(refused, f"cannot open display {self._name}: {err}") from err
        return self._display

    def close(self) -> None:
        if self._display is not None:
            self._display.close()
            self._display = None

    def full_screen(self) -> bool:
        """Whether the window the window manager calls active is full screen."""
        d = self._open()
        root = d.screen().root
        active_atom = d.intern_atom("_NET_ACTIVE_WINDOW")
        prop = root.get_full_property(active_atom, 0)  # 0: any type
        if prop is None:
            supported = root.get_full_property(d.intern_atom("_NET_SUPPORTED"), 0)
            if supported is None:
                raise Unavailable(
                    N_("the window manager does not say which window is in front"),
                    "no EWMH window manager: no _NET_ACTIVE_WINDOW, no _NET_SUPPORTED",
                )
            return False
        if not prop.value or not prop.value[0]:
            return False
        window = d.create_resource_object("window", int(prop.value[0]))
        from Xlib.error import BadWindow

        try:
            state = window.get_full_property(d.intern_atom("_NET_WM_STATE"), 0)
        except BadWindow:
            return False  # it closed between the two questions
        return state is not None and d.intern_atom("_NET_WM_STATE_FULLSCREEN") in list(state.value)

    def idle_seconds(self) -> float:
        if os.environ.get("XDG_SESSION_TYPE") == "wayland":
            raise Unavailable(
                N_("the X display cannot tell under Wayland (it sees only some programs)"),
                "a Wayland session: X11 sees only its own clients' input",
            )
        d = self._open()
        if not d.has_extension("MIT-SCREEN-SAVER"):
            raise Unavailable(
                N_("the display cannot tell (it keeps no idle time)"), "the X server has no MIT-SCREEN-SAVER extension"
            )
        info = d.screen().root.screensaver_query_info()
        return float(info.idle) / 1000.0
