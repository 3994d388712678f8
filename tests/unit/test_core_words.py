"""Core's words go through the user's language (issue 25): a test language marks every
translated string, so the tray's menu and tooltip, the spoken cues, why a reminder
waits, Progress's sentences and a programme's standing must each come out of the
catalogue whole; days and times come from the language's formats. The language is
chosen after the modules were imported: nothing may freeze it at import."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from qlbreak.core import checkin, cues, holds, picker, programmes, progress, reminder, vocabulary
from qlbreak.core.reminder import Stage, falls_due
from qlbreak.core.schedule import Occurrence
from qlbreak.core.session import Side
from qlbreak.core.tray_view import View, menu, pause_end, title, when
from qlbreak.core.words import EnglishFormats, Words, using
from tests.marking import Marked

ZONE = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 30, 11, 0, tzinfo=ZONE)
LUNCH = Occurrence(datetime(2026, 11, 30, 12, 30, tzinfo=ZONE), "lunch", date(2026, 11, 30))


class Dates(EnglishFormats):
    """German-looking days and times: an English one left in a message was not formatted."""

    def clock(self, at: time) -> str:
        return f"{at:%H.%M} Uhr"

    def day(self, day: date) -> str:
        return f"{self.weekday(day)}., {day.day}.{day.month}."


TEST = Words("xx", Marked(), Dates())


def whole(text: str | None) -> bool:
    """``text`` is one translated sentence (its blanks may hold other translated words):
    one pair of marks around all of it, nothing outside."""
    if not text or not text.startswith("⟦"):
        return False
    depth = 0
    for at, char in enumerate(text):
        depth += {"⟦": 1, "⟧": -1}.get(char, 0)
        if depth == 0:
            return at == len(text) - 1
    return False


def test_every_line_of_the_tray_menu_and_the_tooltip_is_translated_whole() -> None:
    due = falls_due(LUNCH, "cat-cow", "Cat-cow", timedelta(minutes=30))
    held = replace(due, stage=Stage.HELD)
    views = [
        View(NOW, LUNCH, reminder=due, done_today=1, due_today=2, streak=4, autostart=True),
        View(NOW, LUNCH, reminder=replace(due, stage=Stage.SNOOZED)),
        View(NOW, LUNCH, reminder=held, waiting=holds.WAITING[holds.Reason.IN_A_CALL]),
        View(NOW, LUNCH, paused_until=NOW + timedelta(hours=1), done_today=1, programme="Ball release: day 5 of 14"),
        View(NOW),
    ]
    with using(TEST):
        for view in views:
            labels = [e.label for e in menu(view) if e.label != view.programme]
            labels += [c.label for e in menu(view) for c in e.children]
            assert all(whole(label) for label in labels), labels
            assert whole(title(view)), title(view)
            assert "12:30" not in title(view) + " ".join(labels)  # the clock is the language's
        assert "12.30 Uhr" in menu(views[0])[1].label and "13.00 Uhr" in title(views[2])
        assert "⟦waiting until your call ends⟧" in title(
            replace(views[2], waiting=holds.waiting(holds.Reason.IN_A_CALL))
        )
    assert title(views[0]) == "qlbreak \u2014 time for a stretch: Cat-cow"  # English as before


def test_days_and_times_come_from_the_language() -> None:
    with using(TEST):
        assert when(LUNCH.at + timedelta(days=7), NOW) == "⟦{time} on {day}⟧".replace("{time}", "12.30 Uhr").replace(
            "{day}", "Mon., 7.12."
        )
        assert pause_end(datetime(2026, 12, 7, tzinfo=ZONE), NOW) == "⟦until {day}⟧".replace("{day}", "Mon., 7.12.")


@pytest.mark.parametrize("side", [None, Side.LEFT, Side.RIGHT])
def test_spoken_cues_are_translated_when_said_not_at_import(side: Side | None) -> None:
    with using(TEST):
        assert whole(cues.set_of(2, 3, side))
        assert whole(cues.switch_to(side or Side.LEFT))
        assert whole(cues.rest()) and whole(cues.done()) and whole(cues.ten_seconds())
        assert cues.REST == "Rest"  # the constant keeps the English: translated when said
    assert cues.set_of(2, 3, Side.LEFT) == "Set 2 of 3, left side"


def test_tables_read_outside_core_have_a_function_in_the_language() -> None:
    with using(TEST):
        assert holds.waiting(holds.Reason.AWAY) == "⟦waiting until you are back⟧"
        assert vocabulary.equipment_words("ball") == "⟦a massage ball⟧"
        assert checkin.scale_end(checkin.LOWEST) == "⟦no pain⟧" and checkin.scale_end(5) is None
        assert checkin.worry_words(checkin.Worry.RISING).startswith("⟦Your back")
        assert picker.programme_only() == "⟦offered by the strengthening programme⟧"
        assert whole(reminder.headline(falls_due(LUNCH, "cat-cow", "Cat-cow", timedelta(minutes=30))))
    assert holds.WAITING[holds.Reason.AWAY] == "waiting until you are back"  # the log's and --json's


def test_progress_sentences_are_whole_and_the_empty_glance_is_known_in_any_language() -> None:
    with using(TEST):
        empty = progress.build([], NOW, frozenset(range(5)))
        assert empty.empty and whole(empty.sentences[0])
        days = tuple(progress.Day(NOW.date() - timedelta(days=i), 1, 1, 1, True) for i in range(3))
        signs = (progress.Sign(NOW.date(), False, checkin.Worry.RISING), progress.Sign(NOW.date(), True))
        ranked = (progress.Rated("a", 3, better=3), progress.Rated("b", 3, hurt=3))
        glance = replace(empty, days=days, pain=((date(2026, 11, 1), 5), (date(2026, 11, 29), 3)), left=60, right=30)
        glance = replace(glance, ranked=ranked, streak=3, signs=signs)
        said = progress.sentences(glance, {})
        assert len(said) == 8 and all(whole(line) for line in said), said
        assert "Mon., 30.11." in said[-1]
        assert progress._mean([4, 5]) == "4⟦.⟧5"  # the language's decimal mark


def test_a_programme_s_standing_is_one_sentence_in_every_state() -> None:
    start = date(2026, 11, 2)
    with using(TEST):
        for state in programmes.State:
            for programme in programmes.PROGRAMMES:
                for sessions in (0, 3):
                    standing = programmes.Standing(programme, state, sessions, False, True, start)
                    assert whole(standing.words()), standing.words()
        busy = programmes.Standing(programmes.BALL_RELEASE, programmes.State.PAUSED, 3, False, False, start)
        for mark in programmes.Mark:
            assert whole(programmes.mark_words("ball-release", mark))
            refused = programmes.refusal(busy, mark, programmes.STRENGTHEN)
            assert refused is None or whole(refused), refused
