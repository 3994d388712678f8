"""macOS: idle time (HID input) and a locked screen, through Quartz (pyobjc, which
pystray already needs there).

Full screen, a microphone and a camera in use are not read on macOS: the first needs
the screen-recording permission, the second CoreAudio listeners, the third CoreMediaIO's
"running somewhere" property (no public call reaches it without Objective-C glue qlbreak
does not ship); all count as "not holding", and ``camera`` says why in ``qlbreak
status``. Built and type-checked (mypy --platform darwin), tested with fakes; not run
on a real Mac.
"""

from __future__ import annotations

from typing import Any

from qlbreak.core.words import N_
from qlbreak.edges.detect.facts import Unavailable, amount, flag

ANY_INPUT = 0xFFFFFFFF  # kCGAnyInputEventType
COMBINED_SESSION = 0  # kCGEventSourceStateCombinedSessionState


def _quartz() -> Any:
    try:
        import Quartz  # type: ignore[import-not-found,unused-ignore]
    except ImportError as err:
        raise Unavailable(
            N_("cannot ask macOS (a part of qlbreak is missing: reinstall qlbreak)"),
            f"pyobjc's Quartz is not installed ({err})",
        ) from err
    return Quartz


def idle_seconds(quartz: Any = None) -> float:
    q = quartz or _quartz()
    return amount(q.CGEventSourceSecondsSinceLastEventType(COMBINED_SESSION, ANY_INPUT), "Quartz's idle time")


def locked(quartz: Any = None) -> bool:
    q = quartz or _quartz()
    session = q.CGSessionCopyCurrentDictionary() or {}
    return flag(session.get("CGSSessionScreenIsLocked", False), "Quartz's CGSSessionScreenIsLocked")


def camera() -> bool:
    """Not read on macOS yet: said in words, so ``qlbreak status`` tells why."""
    raise Unavailable(
        N_("qlbreak cannot tell on macOS yet (it does not ask macOS's camera system)"),
        "CoreMediaIO's kCMIODevicePropertyDeviceIsRunningSomewhere is not read",
    )
