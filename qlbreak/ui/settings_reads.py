"""What the settings window reads besides its file (apart from ``settings.py`` to keep
that one short): the clock in the user's zone, and the stretches resting after "it
hurt", read from the history read-only (the tray and the stretch window own it)."""

from __future__ import annotations

from datetime import datetime

from qlbreak.storage import resting as rest
from qlbreak.storage.paths import default_paths


def now(zone_name: str) -> datetime:
    """Now in the user's zone (the system's, for a zone this system does not know)."""
    from qlbreak import clock

    try:
        return clock.now(zone_name)
    except clock.UnknownZone:
        return clock.now()


def resting(zone_name: str) -> dict[str, str]:
    """Each stretch resting after "it hurt", with the day its rest ends. Nothing rests
    when the history cannot be read: the window opens all the same."""
    at = now(zone_name)
    ends = rest.read(default_paths().history_db, at)
    return {k: rest.words(v.astimezone(at.tzinfo)) for k, v in ends.items()}
