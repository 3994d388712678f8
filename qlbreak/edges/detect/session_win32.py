"""Windows: presenting, full screen, Focus Assist and "not present" (locked, the screen
saver, another user) from ``SHQueryUserNotificationState``; idle time from
``GetLastInputInfo``; a microphone or a camera in use from the privacy settings'
consent store (an app's ``LastUsedTimeStop`` of 0 means it is using it now: the
``microphone`` and ``webcam`` keys, laid out alike). ctypes and winreg only.

Built and type-checked here (mypy --platform win32) and tested with fakes of the
three calls; not run on a real Windows machine.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any

from qlbreak.core.words import N_
from qlbreak.edges.detect.facts import Unavailable

# QUERY_USER_NOTIFICATION_STATE
NOT_PRESENT, BUSY, D3D_FULL_SCREEN, PRESENTATION, ACCEPTS, QUIET_TIME, APP = range(1, 8)
FULL_SCREEN_STATES = frozenset({BUSY, D3D_FULL_SCREEN, PRESENTATION, APP})
CONSENT = r"Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore"  # \<capability>
Stops = Callable[[], Iterator[int]]  # the apps' last stops of one capability (0: in use now)


def notification_state() -> int:
    if sys.platform != "win32":
        raise Unavailable(N_("cannot tell (this is not Windows)"), "not Windows")
    import ctypes

    state = ctypes.c_int(0)
    if ctypes.windll.shell32.SHQueryUserNotificationState(ctypes.byref(state)) != 0:
        raise Unavailable(N_("Windows did not say"), "SHQueryUserNotificationState failed")
    return state.value


def full_screen(state: Callable[[], int] = notification_state) -> bool:
    return state() in FULL_SCREEN_STATES


def do_not_disturb(state: Callable[[], int] = notification_state) -> bool:
    return state() == QUIET_TIME


def locked(state: Callable[[], int] = notification_state) -> bool:
    return state() == NOT_PRESENT


class SessionLock:
    """The session's lock as the tray icon's window hears it (``WM_WTSSESSION_CHANGE``);
    until the icon listens, it cannot tell (and ``SHQueryUserNotificationState`` answers)."""

    def __init__(self) -> None:
        self.listening = False
        self._locked = False

    def heard(self, locked: bool) -> None:  # from the icon's thread: one bool, set whole
        self._locked = locked

    def listen(self) -> None:
        self.listening = True

    def locked(self) -> bool:
        if not self.listening:
            raise Unavailable(
                N_("Windows does not tell the tray icon"), "the tray icon does not receive the session's lock messages"
            )
        return self._locked


def idle_seconds() -> float:
    if sys.platform != "win32":
        raise Unavailable(N_("cannot tell (this is not Windows)"), "not Windows")
    import ctypes
    from ctypes import wintypes

    class LastInput(ctypes.Structure):
        _fields_ = [("cbSize", wintypes.UINT), ("dwTime", wintypes.DWORD)]

    info = LastInput()
    info.cbSize = ctypes.sizeof(LastInput)
    if not ctypes.windll.user32.GetLastInputInfo(ctypes.byref(info)):
        raise Unavailable(N_("Windows did not say"), "GetLastInputInfo failed")
    now = ctypes.windll.kernel32.GetTickCount()
    return float((int(now) - int(info.dwTime)) & 0xFFFFFFFF) / 1000.0  # the tick count wraps every 49.7 days


def microphone(stops: Stops | None = None) -> bool:
    return in_use("microphone", stops)


def camera(stops: Stops | None = None) -> bool:
    return in_use("webcam", stops)


def in_use(capability: str, stops: Stops | None = None) -> bool:
    """Whether an app's last use of ``capability`` (the consent store's name: microphone,
    webcam) has started and not yet stopped."""
    return any(stop == 0 for stop in (stops or (lambda: _last_stops(capability)))())


def _last_stops(capability: str) -> Iterator[int]:
    if sys.platform != "win32":
        raise Unavailable(N_("cannot tell (this is not Windows)"), "not Windows")
    import winreg

    def stops_under(key: Any) -> Iterator[int]:
        index = 0
        while True:
            try:
                name = winreg.EnumKey(key, index)
            except OSError:
                return
            index += 1
            with winreg.OpenKey(key, name) as app:
                if name == "NonPackaged":
                    yield from stops_under(app)
                    continue
                try:
                    start = winreg.QueryValueEx(app, "LastUsedTimeStart")[0]
                    stop = winreg.QueryValueEx(app, "LastUsedTimeStop")[0]
                except OSError:
                    continue
                if start:
                    yield int(stop)

    try:
        root = winreg.OpenKey(winreg.HKEY_CURRENT_USER, f"{CONSENT}\\{capability}")
    except OSError as err:
        raise Unavailable(
            N_("this Windows does not say (Windows 10 of 2019 or newer does)"),
            f"no {capability} consent store (Windows 10 1903 or newer) ({err})",
        ) from err
    with root:
        yield from stops_under(root)
