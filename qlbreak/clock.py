"""Where "now" comes from: the one place outside tests that reads the wall clock."""

from __future__ import annotations

import importlib
import io
import os
import time
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from qlbreak.system import THIS, System

LOCAL = "local"
LOCALTIME = Path("/etc/localtime")
MAX_ZONE_FILE = 1 << 20  # bytes read at most: zone files have a few thousand


class UnknownZone(ValueError):
    pass


def zone(name: str) -> tzinfo:
    """The zone for a config or ``--tz`` value: ``local`` or an IANA name."""
    if name == LOCAL:
        return LocalZone().get()
    return named_zone(name)


def named_zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
        from qlbreak.core.words import _  # the words reach the settings window and the command line

        # Translators: {name} is the zone's name as written, in quotes ('Mars/Olympus').
        said = _("unknown time zone {name} (use an IANA name such as 'Europe/Berlin', or 'local')")
        raise UnknownZone(said.format(name=repr(name))) from None


def now(name: str = LOCAL) -> datetime:
    return datetime.now(UTC).astimezone(zone(name))


class LocalZone:
    """The system's zone, looked up at every reading: ``$TZ``, else ``/etc/localtime``.

    A link there names its zone; a plain file (copied there, as some set-ups and
    containers do) is read again only when it is another file or was rewritten (its
    inode, size and modification time), so a swap is followed and a reading stays one
    ``stat``. tzlocal, last, knows Windows and the odder Unix set-ups but caches."""

    def __init__(self, localtime: Path = LOCALTIME, system: System = THIS) -> None:
        self.localtime, self.system = localtime, system
        self._read: tuple[tuple[str, int, int, int], tzinfo] | None = None  # the file last read

    def get(self) -> tzinfo:
        for look in (self._from_environment, self._from_localtime):
            if (found := look()) is not None:
                return found
        # tzlocal would read a damaged /etc/localtime (and can hang on it): the C library's
        # view of the zone then, an offset the next reading corrects
        return _fallback(tzlocal_too=not os.path.lexists(self.localtime))

    def _from_environment(self) -> tzinfo | None:
        name = os.environ.get("TZ", "").lstrip(":")
        if name.startswith("/"):
            return self._from_file(name)
        try:
            return ZoneInfo(name) if name else None
        except (ZoneInfoNotFoundError, ValueError, OSError):
            return None

    def _from_localtime(self) -> tzinfo | None:
        if not self.system.zoneinfo_files:
            return None
        path = os.fspath(self.localtime)
        try:
            target = os.readlink(path)  # a link names its zone: one call
        except OSError:  # a plain file, or none
            target = ""
        else:
            target = target if "/zoneinfo/" in target else os.path.realpath(path)  # a chain of links
        if "/zoneinfo/" in target:
            try:
                return ZoneInfo(target.split("/zoneinfo/", 1)[1])
            except (ZoneInfoNotFoundError, ValueError, OSError):
                pass  # a zone this Python's database does not have: read the file itself
        return self._from_file(path)

    def _from_file(self, path: str) -> tzinfo | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        identity = (path, st.st_ino, st.st_size, st.st_mtime_ns)
        if self._read is not None and self._read[0] == identity:
            return self._read[1]
        try:
            with open(path, "rb") as file:
                data = file.read(MAX_ZONE_FILE)
            read = _zone_file(data)
        except OSError:
            read = None
        if read is None:  # half written, or not a zone file: the zone as last read
            return self._read[1] if self._read is not None else None
        self._read = (identity, read)
        return read


def _zone_file(data: bytes) -> tzinfo | None:
    """The zone in a TZif file's bytes; None when they are not one. Read by zoneinfo's
    pure-Python reader: the C one (3.11) crashes the process on some damaged files."""
    if data[:4] != b"TZif":
        return None
    try:
        reader: Any = importlib.import_module("zoneinfo._zoneinfo").ZoneInfo
        zone: tzinfo = reader.from_file(_Bytes(data), key=None)
        datetime.now(UTC).astimezone(zone)  # an offset of a day or more cannot be used
    except Exception:  # noqa: BLE001 - ValueError, IndexError, struct.error... on damaged bytes
        return None
    return zone


class _Bytes(io.BytesIO):
    """Bytes that refuse a read past their end: ``from_file`` reads a version 2 file's
    last line a byte at a time until its newline, for ever in a file cut short there."""

    def read(self, size: int | None = -1, /) -> bytes:
        got = super().read(size)
        if not got and size is not None and size > 0:
            raise EOFError("the zone file ends too soon")
        return got


def _fallback(tzlocal_too: bool = True) -> tzinfo:
    if not tzlocal_too:
        return datetime.now(UTC).astimezone().tzinfo or UTC
    # tzlocal maps Windows zone names to IANA ones and knows the odder Unix set-ups;
    # it costs ~25 ms to import, so the common cases above go first.
    try:
        import tzlocal

        return tzlocal.get_localzone()
    except Exception:  # noqa: BLE001 - a broken local zone setup must not stop the app
        return datetime.now(UTC).astimezone().tzinfo or UTC


class SystemClock:
    """The service's clock: the wall clock in the user's zone (looked up afresh on
    every reading, so a laptop that changes zone is followed) and the monotonic one.
    ``localtime``: where the system's zone is (a test gives its own file)."""

    def __init__(self, zone_name: str = LOCAL, localtime: Path = LOCALTIME) -> None:
        self.zone_name = zone_name
        self._local = LocalZone(localtime)

    def now(self) -> datetime:
        tz = self._local.get() if self.zone_name == LOCAL else named_zone(self.zone_name)
        return datetime.now(UTC).astimezone(tz)

    def monotonic(self) -> float:
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
