"""Which stretches rest after "it hurt" (``core/picker.py``: ``resting``, ``HURT_REST``),
read from the history without changing it: the settings window and ``qlbreak list``
tell the user, but only the tray and the stretch window may create, repair or write the
history. A missing, busy or unreadable history rests nothing: it must never stop a
window or a listing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from qlbreak.core.picker import HURT_REST, Done, resting
from qlbreak.core.session import Feeling
from qlbreak.core.words import formats


def rest_ends(done: Iterable[Done], now: datetime) -> dict[str, datetime]:
    """Each resting stretch, with when it is offered again (its latest "it hurt" plus
    ``HURT_REST``)."""
    hurt = [d for d in done if d.feeling is Feeling.HURT]
    return {s: max(d.at for d in hurt if d.stretch == s) + HURT_REST for s in resting(hurt, now)}


def read(path: Path, now: datetime) -> dict[str, datetime]:
    """``rest_ends`` for the history at ``path``, opened read-only; {} when it cannot be read."""
    if not path.is_file():
        return {}
    since = (now - HURT_REST).timestamp()
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
        try:
            rows = db.execute(
                "SELECT stretch, at FROM events WHERE kind IN ('done', 'partial') AND feeling = ?"
                " AND stretch IS NOT NULL AND ts >= ?",
                (Feeling.HURT.value, since),
            ).fetchall()
        finally:
            db.close()
        done = [Done(str(stretch), datetime.fromisoformat(at), Feeling.HURT) for stretch, at in rows]
        return rest_ends(done, now)
    except (sqlite3.Error, OSError, ValueError, TypeError):
        return {}


def words(until: datetime) -> str:
    """The end of a rest as a person reads it: "Tue 15 Dec"."""
    return formats().day(until)
