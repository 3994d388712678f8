"""Session messages for pystray's Windows backend (untested on Windows itself here;
the handlers are plain functions, tested with fakes).

pystray's window procedure answers every message it does not know with 0. For
``WM_QUERYENDSESSION`` a 0 means "do not end the session", so Windows could report
qlbreak as blocking logoff or shutdown: answer TRUE, save on ``WM_ENDSESSION``, and
treat ``WM_POWERBROADCAST`` resume and ``WM_TIMECHANGE`` (the clock or the zone was
set) as reasons to look at the clock at once. The
icon's window also asks for ``WM_WTSSESSION_CHANGE``: a lock and an unlock go to
``on_lock`` (the "locked" detector, ``detect/windows.SessionLock``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

WM_QUERYENDSESSION = 0x0011
WM_ENDSESSION = 0x0016
WM_POWERBROADCAST = 0x0218
WM_TIMECHANGE = 0x001E  # the clock or the time zone was set
PBT_APMRESUMESUSPEND = 0x0007
PBT_APMRESUMEAUTOMATIC = 0x0012
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK, WTS_SESSION_UNLOCK = 0x7, 0x8
NOTIFY_FOR_THIS_SESSION = 0

Handler = Callable[[int, int], int]


def session_handlers(
    on_end: Callable[[], None], on_resume: Callable[[], None], on_lock: Callable[[bool], None] = lambda locked: None
) -> dict[int, Handler]:
    def query_end(wparam: int, lparam: int) -> int:
        return 1  # TRUE: qlbreak never stands in the way of logoff or shutdown

    def end(wparam: int, lparam: int) -> int:
        if wparam:  # the session really ends
            on_end()
        return 0

    def power(wparam: int, lparam: int) -> int:
        if wparam in (PBT_APMRESUMESUSPEND, PBT_APMRESUMEAUTOMATIC):
            on_resume()
        return 1

    def time_change(wparam: int, lparam: int) -> int:
        on_resume()
        return 0

    def session_change(wparam: int, lparam: int) -> int:
        if wparam in (WTS_SESSION_LOCK, WTS_SESSION_UNLOCK):
            on_lock(wparam == WTS_SESSION_LOCK)
        return 0

    return {
        WM_QUERYENDSESSION: query_end,
        WM_ENDSESSION: end,
        WM_POWERBROADCAST: power,
        WM_TIMECHANGE: time_change,
        WM_WTSSESSION_CHANGE: session_change,
    }


def fixed(
    icon_class: type,
    on_end: Callable[[], None],
    on_resume: Callable[[], None],
    on_lock: Callable[[bool], None] = lambda locked: None,
    on_listening: Callable[[], None] = lambda: None,
) -> type:
    class SessionAwareIcon(icon_class):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._message_handlers.update(session_handlers(on_end, on_resume, on_lock))
            if _listen_for_locks(self._hwnd):  # pystray's win32 Icon makes its window in __init__
                on_listening()

    return SessionAwareIcon


def _listen_for_locks(hwnd: Any) -> bool:
    """Ask Windows to send this window the session's lock and unlock."""
    import sys

    if sys.platform != "win32" or not hwnd:
        return False
    import ctypes

    return bool(ctypes.windll.wtsapi32.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION))
