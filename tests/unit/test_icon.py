"""The tray adapter on pystray's dummy backend (no display), and the Windows session
handlers as plain functions (no Windows machine here)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from qlbreak.edges.icon.icon_win32 import (
    PBT_APMRESUMEAUTOMATIC,
    WM_ENDSESSION,
    WM_POWERBROADCAST,
    WM_QUERYENDSESSION,
    session_handlers,
)

PROBE = r"""
import json, sys
import pystray._dummy
pystray._dummy.Icon._update_menu = lambda self: None  # the dummy backend leaves it out
from qlbreak.edges.icon.tray_icon import TrayIcon
from qlbreak.core.tray_view import Entry
from qlbreak.storage.paths import assets_dir
actions = []
tray = TrayIcon(assets_dir(), lambda command: actions.append(type(command).__name__))
entries = (
    Entry("Stretch now", "stretch", default=True),
    Entry("Next: lunch at 12:30"),
    Entry("Pause", children=(Entry("1 hour", "pause-hour"), Entry("Resume"))),
    Entry("Start at login", "autostart", checked=True),
)
tray.update("qlbreak \u2014 next: lunch at 12:30", "due", entries)
menu = tray.icon.menu
items = list(menu.items)
items[0](tray.icon)
items[2].submenu.items[0](tray.icon)
print(json.dumps({
    "backend": tray.backend,
    "title": tray.icon.title,
    "due_image": tray.icon.icon is tray.images["due"],
    "labels": [i.text for i in items],
    "enabled": [i.enabled for i in items],
    "checked": [i.checked for i in items],
    "sub": [i.text for i in items[2].submenu.items],
    "actions": actions,
    "gui": sorted({"tkinter", "_tkinter"} & set(sys.modules)),
}))
"""


def test_the_tray_renders_the_entries_and_forwards_clicks_as_actions():
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={"PYSTRAY_BACKEND": "dummy", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["backend"] == "base" and seen["due_image"]  # the dummy backend is the base class
    assert seen["title"] == "qlbreak \u2014 next: lunch at 12:30"
    assert seen["labels"] == ["Stretch now", "Next: lunch at 12:30", "Pause", "Start at login"]
    assert seen["enabled"] == [True, False, True, True]
    assert seen["checked"] == [None, None, None, True]
    assert seen["sub"] == ["1 hour", "Resume"]
    assert seen["actions"] == ["StretchNow", "Pause"]
    assert seen["gui"] == []  # the tray process never loads Tk


def test_windows_never_blocks_the_end_of_a_session():
    ended, resumed = [], []
    handlers = session_handlers(lambda: ended.append(1), lambda: resumed.append(1))
    assert handlers[WM_QUERYENDSESSION](0, 0) == 1  # TRUE: go ahead
    assert handlers[WM_ENDSESSION](0, 0) == 0 and ended == []  # cancelled by someone else
    assert handlers[WM_ENDSESSION](1, 0) == 0 and ended == [1]
    assert handlers[WM_POWERBROADCAST](PBT_APMRESUMEAUTOMATIC, 0) == 1 and resumed == [1]


def test_windows_lock_and_unlock_reach_the_locked_detector():
    from qlbreak.edges.detect.facts import Unavailable
    from qlbreak.edges.detect.session_win32 import SessionLock
    from qlbreak.edges.icon.icon_win32 import WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, WTS_SESSION_UNLOCK

    lock = SessionLock()
    handlers = session_handlers(lambda: None, lambda: None, lock.heard)
    with pytest.raises(Unavailable):
        lock.locked()  # until the icon's window listens, SHQueryUserNotificationState answers
    lock.listen()
    assert handlers[WM_WTSSESSION_CHANGE](WTS_SESSION_LOCK, 0) == 0 and lock.locked() is True
    handlers[WM_WTSSESSION_CHANGE](WTS_SESSION_UNLOCK, 0)
    assert lock.locked() is False
    handlers[WM_WTSSESSION_CHANGE](0x5, 0)  # a logon elsewhere changes nothing
    assert lock.locked() is False


def test_each_backend_gets_its_repairs_and_declares_what_they_add():
    from qlbreak.core.commands import Quit, Wake
    from qlbreak.edges.choose import repaired_icon
    from qlbreak.edges.detect.session_win32 import SessionLock
    from qlbreak.edges.icon import xorg
    from qlbreak.edges.icon.icon_win32 import WM_TIMECHANGE, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK
    from qlbreak.edges.icon.tray_icon import IconFeatures

    class PystrayIcon:  # the attributes pystray's win32 Icon gives its subclasses
        def __init__(self) -> None:
            self._message_handlers: dict[int, object] = {}
            self._hwnd = None  # no window here: nothing to register for lock messages

    posted: list[object] = []
    for backend in ("base", "gtk", "appindicator", "darwin"):
        assert repaired_icon(PystrayIcon, backend, posted.append, lambda on: None, None) == (
            PystrayIcon,
            IconFeatures(),
        )
    _, on_x11 = repaired_icon(PystrayIcon, "xorg", posted.append, lambda on: None, None)
    assert (
        on_x11 == xorg.FEATURES == IconFeatures(post=True, position=True, tray_present=True, stop_from_any_thread=True)
    )
    lock = SessionLock()
    fixed, on_windows = repaired_icon(PystrayIcon, "win32", posted.append, lambda on: None, lock)
    assert on_windows == IconFeatures()
    handlers = fixed()._message_handlers
    handlers[WM_ENDSESSION](1, 0)
    handlers[WM_TIMECHANGE](0, 0)
    assert posted == [Quit(), Wake()]
    lock.listen()
    handlers[WM_WTSSESSION_CHANGE](WTS_SESSION_LOCK, 0)
    assert lock.locked() is True


def test_no_display_is_a_problem_only_where_the_tray_needs_x11():
    from qlbreak.edges.icon.tray_icon import display_problem
    from qlbreak.system import OS, of

    assert display_problem({}, of(OS.LINUX)) == "there is no graphical session (DISPLAY is not set)"
    assert "Wayland" in (display_problem({"WAYLAND_DISPLAY": "wayland-0"}, of(OS.LINUX)) or "")
    assert display_problem({"DISPLAY": ":0"}, of(OS.LINUX)) is None
    assert display_problem({}, of(OS.WINDOWS)) is None and display_problem({}, of(OS.MACOS)) is None
