"""Where "now" comes from: the one place outside tests that reads the wall clock."""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

LOCAL = "local"


class UnknownZone(ValueError):
    pass


def zone(name: str) -> tzinfo:
    """The zone for a config or ``--tz`` value: ``local`` or an IANA name."""
    if name == LOCAL:
        return _local_zone()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
        hint = "use an IANA name such as 'Europe/Berlin', or 'local'"
        raise UnknownZone(f"unknown time zone {name!r} ({hint})") from None


def _zone_from_environment() -> tzinfo | None:
    """$TZ or the /etc/localtime link: how most Unix desktops name the zone."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    link = os.path.realpath("/etc/localtime") if os.name == "posix" else ""
    if "/zoneinfo/" in link:
        candidates.append(link.split("/zoneinfo/", 1)[1])
    for name in candidates:
        if name and not name.startswith("/"):
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return None


def now(name: str = LOCAL) -> datetime:
    return datetime.now(UTC).astimezone(zone(name))


def _local_zone() -> tzinfo:
    fast = _zone_from_environment()
    if fast is not None:
        return fast
    # tzlocal maps Windows zone names to IANA ones and knows the odder Unix set-ups;
    # it costs ~25 ms to import, so the common cases above go first.
    try:
        import tzlocal

        return tzlocal.get_localzone()
    except Exception:  # noqa: BLE001 - a broken local zone setup must not stop the app
        return datetime.now(UTC).astimezone().tzinfo or UTC


class SystemClock:
    """The service's clock: the wall clock in the user's zone (looked up afresh on
    every reading, so a laptop that changes zone is followed) and the monotonic one."""

    def __init__(self, zone_name: str = LOCAL) -> None:
        self.zone_name = zone_name

    def now(self) -> datetime:
        return now(self.zone_name)

    def monotonic(self) -> float:
        import time

        return time.monotonic()

    def use_zone(self, name: str) -> None:
        self.zone_name = name


class Drift:
    """Sleep and clock changes, seen between two looks: the wall clock moved more (or
    less) than the monotonic one by over ``limit`` seconds."""

    def __init__(self, limit: float = 5.0) -> None:
        self.limit = limit
        self._last: tuple[datetime, float] | None = None

    def check(self, now: datetime, monotonic: float) -> str | None:
        """What happened since the last look, in words for the log; None: nothing."""
        last, self._last = self._last, (now, monotonic)
        if last is None:
            return None
        wall_step, mono_step = (now - last[0]).total_seconds(), monotonic - last[1]
        if abs(wall_step - mono_step) <= self.limit:
            return None
        return f"the wall clock moved {wall_step:+.0f} s in {mono_step:.0f} s: sleep or a clock change"
