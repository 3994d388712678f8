"""A whole minute a few seconds from now, on the real clock.

A reminder's time is a whole minute (HH:MM), so a test that waits for one to fire
waited for the next whole minute far enough ahead: 35 to 95 s. In a zone of the test's
own whose offset from UTC has seconds in it, a whole local minute can be made to fall
``lead`` seconds from now. The app reads that zone as it reads a plain
``/etc/localtime`` (``timezone = "local"``, ``$TZ`` naming the file) and follows a
rewritten one; the clock, the timers and the notification stay real.
"""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path


def write_zone(path: Path, offset: int) -> None:
    """A TZif file (version 1): one local time type ``offset`` seconds east of UTC, no
    transitions; replaced in one step, so a reader sees the old file or the new."""
    # the counts: UT/local and standard/wall flags, leap seconds, transitions, types, name bytes
    counts = struct.pack(">6l", 0, 0, 0, 0, 1, 4)
    data = b"TZif" + bytes(16) + counts + struct.pack(">lBB", offset, 0, 0) + b"TST\0"
    new = path.with_name(path.name + ".new")
    new.write_bytes(data)
    new.replace(path)


def minute_in(zone_file: Path, lead: float) -> datetime:
    """Rewrites ``zone_file`` so that a whole local minute falls ``lead`` seconds (less
    up to one) from now, and returns that minute as an aware local time."""
    target = datetime.now(UTC) + timedelta(seconds=lead)
    offset = (60 - target.second) % 60  # the target's local seconds: 0
    write_zone(zone_file, offset)
    local = target.astimezone(timezone(timedelta(seconds=offset)))
    return local.replace(second=0, microsecond=0)
