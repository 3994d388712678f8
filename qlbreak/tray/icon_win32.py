"""Session messages for pystray's Windows backend (untested on Windows itself here;
the handlers are plain functions, tested with fakes).

pystray's window procedure answers every message it does not know with 0. For
``WM_QUERYENDSESSION`` a 0 means "do not end the session", so Windows could report
qlbreak as blocking logoff or shutdown: answer TRUE, save on ``WM_ENDSESSION``, and
treat ``WM_POWERBROADCAST`` resume as a reason to look at the clock at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

WM_QUERYENDSESSION = 0x0011
WM_ENDSESSION = 0x0016
WM_POWERBROADCAST = 0x0218
PBT_APMRESUMESUSPEND = 0x0007
PBT_APMRESUMEAUTOMATIC = 0x0012

Handler = Callable[[int, int], int]


def session_handlers(on_end: Callable[[], None], on_resume: Callable[[], None]) -> dict[int, Handler]:
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

    return {WM_QUERYENDSESSION: query_end, WM_ENDSESSION: end, WM_POWERBROADCAST: power}


def fixed(icon_class: type, on_end: Callable[[], None], on_resume: Callable[[], None]) -> type:
    class SessionAwareIcon(icon_class):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._message_handlers.update(session_handlers(on_end, on_resume))

    return SessionAwareIcon
