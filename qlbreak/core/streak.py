"""The streak: consecutive work days with at least one stretch done.

Days off (those with no reminder) neither count nor break it, and today only counts
once done: a streak is not lost at 09:00 because the morning stretch is still to come.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta


def streak(done_days: Iterable[date], workdays: frozenset[int], today: date) -> int:
    done = set(done_days)
    if not done:
        return 0
    workdays = workdays or frozenset(range(7))
    count = 0
    day = today
    earliest = min(done)
    if day in done and day.weekday() in workdays:
        count += 1
    day -= timedelta(days=1)
    while day >= earliest:
        if day.weekday() in workdays:
            if day not in done:
                break
            count += 1
        day -= timedelta(days=1)
    return count
