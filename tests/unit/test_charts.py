"""charts/figures.py: each chart draws what the Progress says, in either palette, on
a Figure of its own (Agg: no display, no pyplot)."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from qlbreak.charts.figures import colours, draw
from qlbreak.core.progress import build
from qlbreak.ui.theme import DARK, LIGHT, Palette
from tests.progress_history import NAMES, four_weeks

NOW = datetime(2026, 11, 27, 17, 0, tzinfo=timezone(timedelta(hours=1)))


def drawn(events: list, palette: Palette = LIGHT) -> tuple[Figure, tuple]:
    figure = Figure(figsize=(5.6, 5.2), dpi=96)
    FigureCanvasAgg(figure)
    axes = draw(figure, build(events, NOW, names=NAMES), palette)
    figure.canvas.draw()
    return figure, axes


def texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=lambda p: p.name)
def test_four_weeks_drawn(palette: Palette):
    events = four_weeks(NOW)
    progress = build(events, NOW, names=NAMES)
    figure, (days, pain, sides) = drawn(events, palette)
    assert figure.get_facecolor()[:3] == pytest.approx(tuple(int(palette.bg[i : i + 2], 16) / 255 for i in (1, 3, 5)))
    bars = [p for p in days.patches if isinstance(p, Rectangle)]
    assert len(bars) == 3 * 28  # done, in part, missed: one of each a day
    assert sum(b.get_height() for b in bars) == progress.done + progress.partial + progress.missed
    assert [t.get_text() for t in days.get_legend().get_texts()] == ["done", "in part", "missed"]
    assert days.get_xticklabels()[-1].get_text() == "today"
    (line,) = pain.get_lines()
    assert list(line.get_ydata()) == [v for _, v in progress.pain]
    assert pain.get_ylim() == (-0.5, 10.5)
    assert [b.get_width() for b in sides.patches] == [progress.left / 60, progress.right / 60]
    assert [t.get_text() for t in sides.get_yticklabels()] == ["Left", "Right"]
    assert texts(sides) == [f" {progress.left / 60:.1f}", f" {progress.right / 60:.1f}"]


def test_empty_history_says_so_on_each_chart():
    _, (days, pain, sides) = drawn([], DARK)
    assert (texts(days), texts(pain), texts(sides)) == (
        ["No stretches yet"],
        ["No check-ins yet"],
        ["No two-sided stretches yet"],
    )
    assert pain.get_lines()[0].get_xydata().size == 0


def test_palettes_differ_and_follow_the_theme():
    light, dark = colours(LIGHT), colours(DARK)
    assert (light.bg, light.done, light.missed) == (LIGHT.bg, LIGHT.accent, LIGHT.warn)
    assert (dark.bg, dark.fg, dark.done) == (DARK.bg, DARK.fg, DARK.accent)
    assert len({light.done, light.partial, light.missed}) == 3 and len({dark.done, dark.partial, dark.missed}) == 3


def test_no_pyplot():
    drawn(four_weeks(NOW))
    assert "matplotlib.pyplot" not in sys.modules
