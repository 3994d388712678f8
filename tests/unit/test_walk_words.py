"""The walk-through's words under a marking test language: each line a person reads is
one translated string (its blanks filled, nested), never English glued around it, and
its dates come from the language's formats. No display."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from qlbreak.core.kinds import Record
from qlbreak.core.session import Feeling
from qlbreak.core.words import EnglishFormats, Words, using
from qlbreak.storage.history import Event
from qlbreak.stretches import safety
from qlbreak.ui import spec
from qlbreak.ui.stretch_list import standing_words
from tests.marking import Marked as Marking


class Dates(EnglishFormats):
    """Dates a test can tell from English ones."""

    def day(self, day: date) -> str:
        return f"D{day.day}.{day.month}."

    def clock(self, at: time) -> str:
        return f"{at:%H}h{at:%M}"


MARKING = Words("xx", Marking(), Dates())
AT = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)


def test_a_history_line_is_one_template_with_the_language_s_date_and_time():
    events = [
        Event(AT.replace(year=2025), Record.DONE, "cat-cow"),
        Event(AT, Record.DONE, "cat-cow", Feeling.BETTER, left_seconds=45.0, right_seconds=30.0),
        Event(AT, Record.SKIPPED, reminder="morning"),
        Event(AT, Record.SKIPPED, reminder="after tea"),  # a name of the user's own: as written
    ]
    with using(MARKING):
        lines = spec.history_lines(events, {"cat-cow": "Cat-cow"}, UTC, 1, 14)
    assert lines == [
        "⟦⟦D3.12. 2025 09h30⟧  ⟦⟦Done⟧: Cat-cow⟧⟧",  # another year: said
        "⟦⟦D3.12. 09h30⟧  ⟦⟦Done⟧: Cat-cow, ⟦felt better⟧, ⟦left 45 s⟧ / ⟦right 30 s⟧⟧⟧",
        "⟦⟦D3.12. 09h30⟧  ⟦⟦Skipped for today⟧ (⟦morning⟧)⟧⟧",
        "⟦⟦D3.12. 09h30⟧  ⟦⟦Skipped for today⟧ (after tea)⟧⟧",
        "⟦streak: 1 work day in a row with a stretch⟧",
    ]


def test_the_history_reads_as_before_in_english():
    line = spec.history_lines([Event(AT, Record.DONE, "cat-cow", Feeling.HURT)], {"cat-cow": "Cat-cow"}, UTC, 2, 14)
    assert line == ["Thu 3 Dec 09:30  Done: Cat-cow, it hurt", "streak: 2 work days in a row with a stretch"]


def test_the_safety_notice_as_text_is_in_the_language():
    with using(MARKING):
        text = safety.as_text()
    assert text.splitlines()[0] == f"⟦{safety.NOT_ADVICE}⟧"
    assert f"  - ⟦{safety.EMERGENCY[0]}⟧" in text.splitlines()
    assert safety.as_text().splitlines()[0] == safety.NOT_ADVICE  # English again outside


def test_a_row_of_the_stretch_list_is_one_string():
    with using(MARKING):
        assert standing_words(None, "⟦a door frame⟧", None, False) == ("⟦In your rotation, with ⟦a door frame⟧⟧", True)
        assert standing_words(None, None, None, True) == ("⟦Left out: you chose to⟧", False)
