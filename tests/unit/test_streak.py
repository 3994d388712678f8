from datetime import date, timedelta

from qlbreak.core.streak import streak

WORK = frozenset(range(5))
WED = date(2026, 11, 25)


def days(*offsets: int) -> set[date]:
    return {WED - timedelta(days=o) for o in offsets}


def test_empty():
    assert streak(set(), WORK, WED) == 0


def test_today_counts_once_done_but_its_absence_does_not_break():
    assert streak(days(0, 1, 2), WORK, WED) == 3
    assert streak(days(1, 2), WORK, WED) == 2


def test_weekends_neither_count_nor_break():
    # Wed 25, Tue 24, Mon 23 done; Sat/Sun skipped; Fri 20 done; Thu 19 missing
    assert streak(days(0, 1, 2, 5), WORK, WED) == 4
    assert streak(days(0, 1, 2, 3, 5), WORK, WED) == 4


def test_a_missed_work_day_breaks_it():
    assert streak(days(0, 2, 3), WORK, WED) == 1


def test_no_workdays_means_every_day():
    assert streak(days(0, 1, 2, 3, 4), frozenset(), WED) == 5
