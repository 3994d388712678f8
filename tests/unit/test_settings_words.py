"""The words of Settings, the welcome, Progress and the report go through the language
(issue 25): under a marking language every sentence of theirs comes out marked, dates
through its formats; in English they read as they always did."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from qlbreak.charts import report, report_words
from qlbreak.charts.figures import draw
from qlbreak.core.checkin import WORRIES, Worry
from qlbreak.core.kinds import Record
from qlbreak.core.programmes import PROGRAMMES, Mark
from qlbreak.core.progress import build
from qlbreak.core.words import EnglishFormats, Words, using
from qlbreak.storage.history import Event
from qlbreak.ui import form
from qlbreak.ui.settings_programme import button_words, not_changed, stop_question
from qlbreak.ui.stretch_list import count_words
from qlbreak.ui.theme import LIGHT
from tests.marking import Marked
from tests.progress_history import NAMES, four_weeks

NOW = datetime(2026, 11, 27, 17, 0, tzinfo=timezone(timedelta(hours=1)))


class MarkedFormats(EnglishFormats):
    """English dates between ‹ and ›: a date that bypassed the language shows."""

    def day(self, day: date) -> str:
        return f"\u2039{super().day(day)}\u203a"

    def day_month(self, day: date) -> str:
        return f"\u2039{super().day_month(day)}\u203a"

    def clock(self, at: object) -> str:
        return f"\u2039{super().clock(at)}\u203a"  # type: ignore[arg-type]

    def weekday_names(self) -> tuple[str, ...]:
        return tuple(f"\u2039{d}\u203a" for d in super().weekday_names())


MARKED = Words("qps", Marked(), MarkedFormats())


@pytest.fixture
def marked() -> Iterator[Words]:
    with using(MARKED) as words:
        yield words


def is_marked(text: str) -> bool:
    return text.startswith("\u27e6") and text.endswith("\u27e7")


def test_the_stretches_count_reads_as_before_in_english() -> None:
    assert count_words(20, 25, 0) == "20 of 25 in your rotation. Tick Leave out to never be offered one."
    assert count_words(18, 25, 2) == (
        "18 of 25 in your rotation, 2 resting after it hurt. Tick Leave out to never be offered one."
    )


def test_the_settings_sentences_are_whole_and_marked(marked: Words) -> None:
    assert is_marked(count_words(20, 25, 0)) and is_marked(count_words(18, 25, 1))
    assert "20 of 25" in count_words(20, 25, 0)  # the numbers go in, in the translation's places
    for programme in PROGRAMMES:
        assert is_marked(stop_question(programme))
    assert all(is_marked(button_words(mark)) for mark in (Mark.START, Mark.PAUSE, Mark.RESUME, Mark.STOP))
    assert is_marked(not_changed("x"))
    assert is_marked(form.about("morning", 1, "x")) and is_marked(form.about("", 2, "x"))
    assert all(is_marked(form.equipment_label(thing)) for thing in form.EQUIPMENT_LABELS)


def test_the_stop_question_reads_as_before_in_english() -> None:
    ball, strong = PROGRAMMES
    assert stop_question(ball) == (
        "Stop the ball release? The days you have done stay in your history; starting again begins at day 1."
    )
    assert stop_question(strong) == (
        "Stop the strengthening? The sessions you have done stay in your history; starting again begins at session 1."
    )


def test_the_report_words_read_as_before_in_english() -> None:
    progress = build(four_weeks(NOW), NOW, names=NAMES)
    assert report_words.weeks(progress) == "Sat 31 Oct \u2013 Fri 27 Nov 2026 (4 weeks)"
    assert report_words.minutes(90) == "2 min" and report_words.minutes(40) == "40 s"
    assert report_words.many_days([date(2026, 11, 2), date(2026, 11, 3)]) == "2 days, the last Tue 3 Nov"
    assert report_words.title(progress) == "Back stretches: Sat 31 Oct \u2013 Fri 27 Nov 2026 (4 weeks)"


def test_the_report_words_are_marked_with_dates_by_the_language(marked: Words) -> None:
    progress = build(four_weeks(NOW), NOW, names=NAMES)
    weeks = report_words.weeks(progress)
    assert is_marked(weeks) and "\u2039Sat 31 Oct\u203a" in weeks
    assert is_marked(report_words.side_words(progress))
    said = report_words.signs(progress)
    assert said and all(is_marked(line) for line in said)
    worried = [Event(NOW - timedelta(days=1), Record.WARNED, worry=Worry.WORSE_AFTER)]
    said = report_words.signs(build(four_weeks(NOW) + worried, NOW, names=NAMES))
    assert any(f"\u27e6{WORRIES[Worry.WORSE_AFTER]}\u27e7" in line for line in said)  # the worry too


def all_texts(figure: Figure) -> list[str]:
    """Every piece of text on the figure a reader sees."""
    found = [t.get_text() for t in figure.findobj(Text) if t.get_visible()]
    return [t for t in found if t.strip()]


def words_in(text: str) -> bool:
    """Text with letters in it (not a tick's number, not "3×")."""
    return any(c.isalpha() for c in text.replace("\u00d7", ""))


def test_every_word_on_the_charts_is_marked(marked: Words) -> None:
    progress = build(four_weeks(NOW), NOW, names=NAMES)
    figure = Figure(figsize=(5.6, 5.2), dpi=96)
    FigureCanvasAgg(figure)
    draw(figure, progress, LIGHT)
    figure.canvas.draw()
    unmarked = [t for t in all_texts(figure) if words_in(t) and not is_marked(t) and not t.startswith("\u2039")]
    assert unmarked == []


def test_every_word_on_the_report_page_is_marked(marked: Words) -> None:
    names = {k: f"\u27e6{v}\u27e7" for k, v in NAMES.items()}  # the catalogue's names: translated at load
    progress = build(four_weeks(NOW), NOW, names=names)
    sentences = {f"\u2022 {s}" for s in progress.sentences}  # the glance: core's words, tested there
    figure = report.page(progress, names, NOW)
    FigureCanvasAgg(figure)
    figure.canvas.draw()
    texts = [t for t in all_texts(figure) if t not in sentences and words_in(t)]
    wrapped = {t for t in texts if not is_marked(t) and not t.startswith("\u2039")}
    # a long sentence is wrapped into lines: its first line opens the mark, its last closes it
    lines = [t for t in wrapped if not (t.startswith("\u27e6") or t.endswith("\u27e7"))]
    assert lines == [] or all(any(t in s for s in sentences) for t in lines), lines
    assert any(t.startswith("\u27e6Made by qlbreak") and "\u2039" in t for t in texts)  # the stamp's date


def test_the_minutes_axis_has_the_languages_decimal_mark() -> None:
    """Ticks "0,0 0,5 1,0" in German, as the bars' own labels (the trial: "0.2" beside "1,5")."""
    from qlbreak.language.catalogues import load as load_language

    german = load_language("de")
    progress = build(four_weeks(NOW), NOW, names=NAMES)
    with using(german):
        figure = Figure(figsize=(5.6, 5.2), dpi=96)
        FigureCanvasAgg(figure)
        draw(figure, progress, LIGHT)
        figure.canvas.draw()
        numbers = [t.get_text() for ax in figure.axes for t in ax.get_xticklabels()]
    numbers = [n for n in numbers if re.fullmatch(r"\d+[.,]\d", n)]
    assert numbers and all("," in n for n in numbers), numbers
