"""Four weeks of a made-up history for the Progress window, its charts and its
screenshots: a check-in most work days with the pain falling from 6 to 3, two
stretches most work days (one a week in part, a missed reminder now and then), the
left side named tighter and held longer, one stretch that hurt once, and leg
symptoms said at one check-in."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from qlbreak.core.checkin import Side
from qlbreak.core.kinds import Record
from qlbreak.core.session import Feeling
from qlbreak.storage.history import Event

NAMES = {
    "cat-cow": "Cat\u2013cow",
    "knee-to-chest": "Knee to chest",
    "seated-twist": "Seated twist",
    "pelvic-tilt": "Pelvic tilt",
}
REMINDER = {10: "morning", 15: "afternoon"}
ROTATION = ("cat-cow", "knee-to-chest", "seated-twist", "pelvic-tilt")


def four_weeks(now: datetime) -> list[Event]:
    """The events, oldest first, of the 28 days up to ``now`` (its zone)."""
    zone = now.tzinfo
    out: list[Event] = []
    n = checkins = 0
    for ago in range(27, -1, -1):
        day = now.date() - timedelta(days=ago)
        if day.weekday() >= 5:
            continue

        def at(hour: int, minute: int = 0, day: object = day) -> datetime:
            return datetime.combine(day, time(hour, minute), zone)  # type: ignore[arg-type]

        if ago % 9 != 4:  # a check-in most days, the pain falling over the weeks
            pain = max(0, round(6 - 3 * (27 - ago) / 27 + (1 if ago % 5 == 0 else 0)))
            checkins += 1
            out.append(Event(at(8, 55), Record.CHECKIN, pain=pain, tighter=Side.LEFT, leg=checkins == 6))
        for hour in (10, 15):
            if at(hour) > now:
                continue
            n += 1
            stretch = ROTATION[n % len(ROTATION)]
            if n % 11 == 0:
                out.append(Event(at(hour, 30), Record.MISSED, reminder=REMINDER[hour], occurrence=day))
                continue
            feeling = Feeling.HURT if n == 13 else Feeling.BETTER if n % 3 else Feeling.SAME
            kind = Record.PARTIAL if n % 7 == 0 else Record.DONE
            out.append(Event(at(hour), Record.FIRED, reminder=REMINDER[hour], occurrence=day))
            out.append(
                Event(
                    at(hour, 2),
                    kind,
                    stretch,
                    feeling,
                    seconds=20.0 if kind is Record.PARTIAL else None,
                    left_seconds=45.0 if stretch != "pelvic-tilt" else None,
                    right_seconds=30.0 if stretch != "pelvic-tilt" else None,
                )
            )
    return out
