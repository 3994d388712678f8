"""What the stretch window needs to know of the history before its first screen: when
the check-in was last asked, and (once a day) the two weeks the worry rules read.

Read-only and fast (``file:...?mode=ro``), before the window paints: the history
module, its migrations and locks are for writing, after the window is up. A missing
file, a missing table or a schema from before the check-in reads as nothing there
(never asked, nothing to worry about); it is never created or changed here.

The day of a record is its own local day (the offset it was written with), and
"today" is the day now at that offset: no zone data is loaded for it (~25 ms), and
the two differ only when an offset changed within an hour of midnight.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from qlbreak.core.checkin import SAY_AGAIN_DAYS, CheckIn, Side, Worry, due, to_say
from qlbreak.core.session import Feeling

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Sequence

WEEK = timedelta(days=7)


class Recent:
    """The last two weeks as the worry rules read them. A plain class, not a frozen
    dataclass: this module is loaded before the window's first paint, where making a
    dataclass costs ~1.5 ms."""

    __slots__ = ("checkins", "said", "worse")

    def __init__(
        self,
        checkins: Sequence[CheckIn] = (),  # answered ones, oldest first
        worse: Sequence[bool] = (),  # this week's stretches, in order: felt worse (or hurt)?
        said: Sequence[tuple[Worry, datetime]] = (),  # "warned" records
    ) -> None:
        self.checkins, self.worse, self.said = tuple(checkins), tuple(worse), tuple(said)

    def with_checkin(self, checkin: CheckIn) -> Recent:
        return Recent((*self.checkins, checkin), self.worse, self.said)

    def to_say(self, now: datetime) -> Worry | None:
        return to_say(self.checkins, self.worse, self.said, now)


def look(path: str, checkin: bool, now: datetime | None = None) -> tuple[bool, bool, Side | None]:
    """Whether to ask the check-in (``checkin``: switched on); whether this is the
    day's first look, when a worry may be said: asked now, or switched off and no
    stretch done yet today (``recent`` reads what it needs, after the check-in); and
    the side today's check-in named tighter, which every two-sided stretch of the day
    holds longer (one made by ``qlbreak check-in`` too)."""
    import sqlite3

    now = now or datetime.now(UTC)
    try:
        db = sqlite3.connect(f"file:{_uri(path)}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return checkin, True, None
    try:
        last, tighter = _last_checkin(db)
        today = last is not None and last.date() == now.astimezone(last.tzinfo).date()
        ask = due(last.date() if last else None, now.astimezone(last.tzinfo) if last else now, checkin)
        return ask, ask or (not checkin and not _stretched_today(db, now)), tighter if today else None
    finally:
        db.close()


def recent(path: str, now: datetime | None = None) -> Recent:
    """The two weeks behind ``now``, read-only: nothing there (no file, a schema from
    before the check-in) is nothing to worry about."""
    import sqlite3

    now = now or datetime.now(UTC)
    try:
        db = sqlite3.connect(f"file:{_uri(path)}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return Recent()
    try:
        return _recent(db, now)
    finally:
        db.close()


def ratings(path: str, stretch: str) -> list[Feeling]:
    """How an exercise felt each time, oldest first (``core/levels.py`` replays them
    to its next version): read-only; nothing there, or a schema from before the
    exercises' ratings, is none."""
    import sqlite3

    asked = tuple(f.value for f in (Feeling.EASY, Feeling.RIGHT, Feeling.TOO_HARD, Feeling.HURT))
    try:
        db = sqlite3.connect(f"file:{_uri(path)}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return []
    try:
        rows = db.execute(
            "SELECT feeling FROM events WHERE stretch = ? AND kind IN ('done', 'partial')"
            f" AND feeling IN ({', '.join('?' * len(asked))}) ORDER BY ts, id",
            (stretch, *asked),
        ).fetchall()
    except sqlite3.Error:
        return []
    finally:
        db.close()
    return [Feeling(row[0]) for row in rows]


def _uri(path: str) -> str:
    """``path`` in a file: URI (urllib.parse would cost ~1 ms to load)."""
    for char, code in (("%", "%25"), ("?", "%3f"), ("#", "%23"), ("\\", "/")):
        path = path.replace(char, code)
    return f"/{path}" if path[1:2] == ":" else path  # a Windows drive: file:/C:/...


def _newest(db: sqlite3.Connection, where: str) -> datetime | None:
    import sqlite3

    try:
        row = db.execute(f"SELECT at FROM events WHERE {where} ORDER BY ts DESC LIMIT 1").fetchone()
        return datetime.fromisoformat(row[0]) if row else None
    except (sqlite3.Error, ValueError):
        return None


def _last_checkin(db: sqlite3.Connection) -> tuple[datetime | None, Side | None]:
    """When the newest check-in was made, and the side it named tighter (None: none
    named, skipped, or a schema from before the check-in)."""
    import sqlite3

    try:
        row = db.execute("SELECT at, tighter FROM events WHERE kind = 'checkin' ORDER BY ts DESC LIMIT 1").fetchone()
        return (datetime.fromisoformat(row[0]), Side(row[1]) if row[1] else None) if row else (None, None)
    except (sqlite3.Error, ValueError):
        return None, None


def _stretched_today(db: sqlite3.Connection, now: datetime) -> bool:
    last = _newest(db, "kind IN ('done', 'partial')")
    return last is not None and last.date() == now.astimezone(last.tzinfo).date()


def _recent(db: sqlite3.Connection, now: datetime) -> Recent:
    import sqlite3

    since = (now - timedelta(days=max(SAY_AGAIN_DAYS, 2 * WEEK.days))).timestamp()
    try:
        rows = db.execute(
            "SELECT at, kind, feeling, pain, tighter, leg, worry FROM events"
            " WHERE ts >= ? AND kind IN ('checkin', 'done', 'partial', 'warned') ORDER BY ts, id",
            (since,),
        ).fetchall()
    except sqlite3.Error:  # a schema from before the check-in: nothing to read
        return Recent()
    checkins, worse, said = [], [], []
    for text, kind, feeling, pain, tighter, leg, worry in rows:
        try:
            at = datetime.fromisoformat(text)
            if kind == "checkin" and pain is not None:
                checkins.append(CheckIn(at, int(pain), Side(tighter) if tighter else Side.NEITHER, bool(leg)))
            elif kind == "warned" and worry:
                said.append((Worry(worry), at))
            elif kind in ("done", "partial") and feeling and now - at < WEEK:
                worse.append(feeling in ("worse", "hurt"))  # "it hurt" felt worse too
        except ValueError:  # a record this qlbreak cannot read: it says nothing
            continue
    return Recent(tuple(checkins), tuple(worse), tuple(said))
