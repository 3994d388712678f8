"""Where "now" comes from: the one place outside tests that reads the wall clock."""

from __future__ import annotations

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
    except (ZoneInfoNotFoundError, ValueError):
        hint = "use an IANA name such as 'Europe/Berlin', or 'local'"
        raise UnknownZone(f"unknown time zone {name!r} ({hint})") from None


def now(name: str = LOCAL) -> datetime:
    return datetime.now(UTC).astimezone(zone(name))


def _local_zone() -> tzinfo:
    # tzlocal maps Windows zone names to IANA ones and reads TZ and /etc/localtime
    # the way the desktop does; without it, fall back to the fixed offset now.
    try:
        import tzlocal

        return tzlocal.get_localzone()
    except Exception:  # noqa: BLE001 - a broken local zone setup must not stop the app
        return datetime.now(UTC).astimezone().tzinfo or UTC
