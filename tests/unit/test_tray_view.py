"""core/tray_view.py: the tray's title, look and menu from state and now."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from qlbreak.core.reminder import Stage, falls_due
from qlbreak.core.schedule import Occurrence, Reminder
from qlbreak.core.tray_view import View, coming, look, menu, pause_end, title, when

ZONE = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 30, 11, 0, tzinfo=ZONE)
LUNCH = Occurrence(datetime(2026, 11, 30, 12, 30, tzinfo=ZONE), "lunch", date(2026, 11, 30))


def test_when_says_today_tomorrow_or_the_day():
    assert when(LUNCH.at, NOW) == "12:30"
    assert when(LUNCH.at + timedelta(days=1), NOW) == "12:30 tomorrow"
    assert when(LUNCH.at + timedelta(days=7), NOW) == "12:30 on Mon 7 Dec"


def test_due_wins_over_paused_which_wins_over_normal():
    due = falls_due(LUNCH, "cat-cow", "Cat-cow", timedelta(minutes=30))
    paused = View(NOW, LUNCH, paused_until=NOW + timedelta(hours=1))
    assert look(View(NOW, LUNCH)) == "normal"
    assert look(paused) == "paused" and title(paused) == "qlbreak \u2014 paused until 12:00"
    assert look(View(NOW, LUNCH, reminder=due)) == "due"
    assert title(View(NOW, LUNCH, reminder=due)) == "qlbreak \u2014 time for a stretch: Cat-cow"
    assert look(View(NOW, LUNCH, paused_until=NOW - timedelta(seconds=1))) == "normal"
    for hidden in (Stage.SNOOZED, Stage.HELD):  # waiting out of sight: the icon stays calm
        view = View(NOW, LUNCH, reminder=replace(due, stage=hidden))
        assert look(view) == "normal" and "Snooze 10 min" not in [e.label for e in menu(view)]


def test_the_menu_in_order():
    due = falls_due(LUNCH, "cat-cow", "Cat-cow", timedelta(minutes=30))
    entries = menu(
        View(NOW, LUNCH, reminder=due, done_today=1, due_today=2, streak=4, autostart=True, snooze_minutes=5)
    )
    assert [e.label for e in entries] == [
        "Stretch now",
        "Next: lunch at 12:30",
        "Snooze 5 min",
        "Skip today",
        "Pause",
        "Today: 1/2 stretches, streak 4",
        "Start at login",
        "Settings\u2026",
        "Progress\u2026",
        "Safety",
        "Quit",
    ]
    pause = entries[4]
    assert [(c.label, c.action) for c in pause.children] == [
        ("1 hour", "pause-hour"),
        ("Until tomorrow", "pause-tomorrow"),
        ("Resume", None),
    ]
    assert entries[0].default and entries[6].checked is True
    assert entries[1].action is None  # informs only


def test_no_login_item_no_check_and_no_reminders_says_so():
    view = View(NOW, None, autostart=None)
    assert "Start at login" not in [e.label for e in menu(view)]
    assert title(view) == "qlbreak \u2014 no reminders set"


def test_while_snoozed_or_paused_the_title_and_the_menu_say_until_when():
    due = falls_due(LUNCH, "cat-cow", "Cat-cow", timedelta(minutes=30))
    snoozed = View(NOW, LUNCH, reminder=replace(due, stage=Stage.SNOOZED, until=NOW + timedelta(minutes=10)))
    assert title(snoozed) == "qlbreak \u2014 snoozed until 11:10"
    assert [e.label for e in menu(snoozed)][1] == "Snoozed until 11:10"
    paused = View(NOW, LUNCH, paused_until=NOW + timedelta(hours=1))
    assert [e.label for e in menu(paused)][1] == "Paused until 12:00"  # not the next reminder
    assert [e.label for e in menu(View(NOW, LUNCH))][1] == "Next: lunch at 12:30"


def test_midnight_and_a_pause_until_tomorrow_read_as_people_say_them():
    """Not "00:00 tomorrow" (issue 19)."""
    midnight = datetime(2026, 12, 1, 0, 0, tzinfo=ZONE)
    assert when(midnight, NOW) == "midnight"
    assert when(midnight + timedelta(days=1), NOW) == "00:00 on Wed 2 Dec"
    assert pause_end(midnight, NOW) == "until tomorrow"  # the menu's "Until tomorrow", 13 hours ahead
    assert pause_end(midnight, midnight - timedelta(minutes=40)) == "until midnight"  # "1 hour" at 23:20
    assert pause_end(midnight + timedelta(days=2), NOW) == "until Thu 3 Dec"
    assert pause_end(NOW + timedelta(hours=1), NOW) == "until 12:00"
    paused = View(NOW, LUNCH, paused_until=midnight)
    assert title(paused) == "qlbreak \u2014 paused until tomorrow"
    assert [e.label for e in menu(paused)][1] == "Paused until tomorrow"
    snoozed = falls_due(LUNCH, "cat-cow", "Cat-cow", timedelta(minutes=30))
    late = View(midnight - timedelta(minutes=5), reminder=replace(snoozed, stage=Stage.SNOOZED, until=midnight))
    assert title(late) == "qlbreak \u2014 snoozed until midnight"


def test_while_paused_the_next_reminder_is_the_first_the_pause_lets_through():
    """Paused until tomorrow at 11:00: not lunch at 12:30 today (it will not show) but
    lunch at 12:30 tomorrow; one falling due in the pause's last grace shows as it ends."""
    every_day = (Reminder("lunch", time(12, 30), frozenset(range(7))),)
    grace = timedelta(minutes=30)
    assert coming(every_day, frozenset(), NOW, None, grace) == (LUNCH, LUNCH.at)
    midnight = datetime(2026, 12, 1, 0, 0, tzinfo=ZONE)
    found = coming(every_day, frozenset(), NOW, midnight, grace)
    assert found is not None and found[1] == LUNCH.at + timedelta(days=1) and found[0].day == date(2026, 12, 1)
    ends = LUNCH.at + timedelta(minutes=10)  # paused until 12:40: lunch (12:30) is within grace then
    assert coming(every_day, frozenset(), NOW, ends, grace) == (LUNCH, ends)
    ends = LUNCH.at + timedelta(minutes=31)  # past its grace: it never shows
    assert coming(every_day, frozenset(), NOW, ends, grace)[0].day == date(2026, 12, 1)
    assert coming(every_day, frozenset(), NOW, NOW - timedelta(seconds=1), grace) == (LUNCH, LUNCH.at)  # over


@pytest.mark.parametrize(
    ("done", "due", "words"),
    [(0, 2, "Today: 0/2 stretches"), (0, 0, "Today: 0 stretches"), (1, 0, "Today: 1 stretch")],
)
def test_a_day_without_reminders_counts_stretches_without_a_0_of_0(done, due, words):
    entries = menu(View(NOW, None, done_today=done, due_today=due, streak=3))
    assert f"{words}, streak 3" in [e.label for e in entries]
