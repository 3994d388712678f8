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

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from qlbreak.core.checkin import SAY_AGAIN_DAYS, CheckIn, Side, Worry, due, to_say

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing
if TYPE_CHECKING:
    import sqlite3

WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Recent:
    """The last two weeks as the worry rules read them."""

    checkins: tuple[CheckIn, ...] = ()  # answered ones, oldest first
    worse: tuple[bool, ...] = ()  # this week's stretches, in order: rated "worse"?
    said: tuple[tuple[Worry, datetime], ...] = ()  # "warned" records

    def with_checkin(self, checkin: CheckIn) -> Recent:
        return Recent((*self.checkins, checkin), self.worse, self.said)

    def to_say(self, now: datetime) -> Worry | None:
        return to_say(self.checkins, self.worse, self.said, now)


@dataclass(frozen=True, slots=True)
class Look:
    ask: bool  # the check-in is due
    recent: Recent | None = field(default=None)  # read when a worry may be said today


def look(path: str, checkin: bool, now: datetime | None = None) -> Look:
    """Whether to ask the check-in (``checkin``: switched on) and, when this is the
    day's first look (asked now, or switched off and no stretch yet today), the two
    weeks behind it."""
    import sqlite3

    now = now or datetime.now(UTC)
    try:
        db = sqlite3.connect(f"file:{_uri(path)}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return Look(ask=checkin, recent=Recent())
    try:
        last = _newest(db, "kind = 'checkin'")
        ask = due(last.date() if last else None, now.astimezone(last.tzinfo) if last else now, checkin)
        if not ask and (checkin or _stretched_today(db, now)):
            return Look(ask=False)  # asked today, or stretched today: said already if at all
        return Look(ask=ask, recent=_recent(db, now))
    finally:
        db.close()


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/:")


def _newest(db: sqlite3.Connection, where: str) -> datetime | None:
    import sqlite3

    try:
        row = db.execute(f"SELECT at FROM events WHERE {where} ORDER BY ts DESC LIMIT 1").fetchone()
        return datetime.fromisoformat(row[0]) if row else None
    except (sqlite3.Error, ValueError):
        return None


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
                worse.append(feeling == "worse")
        except ValueError:  # a record this qlbreak cannot read: it says nothing
            continue
    return Recent(tuple(checkins), tuple(worse), tuple(said))
