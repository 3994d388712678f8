"""The three progress charts, drawn onto a given Figure or Axes (the Progress window's
canvas, the report's page): stretches per day, the check-ins' pain, and how long each
side was held. Colours follow the windows' palettes (``ui/theme.py``), light or dark.

No pyplot: its global state and backend choice belong to no one here, and a Figure
made directly draws on any canvas (Agg for the report and the tests, TkAgg in the
window)."""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from qlbreak.charts.report_words import decimal
from qlbreak.core.progress import Progress
from qlbreak.core.words import _, formats, pgettext
from qlbreak.ui.theme import DARK, LIGHT, Palette


@dataclass(frozen=True, slots=True)
class Colours:
    bg: str
    fg: str
    muted: str
    grid: str
    done: str
    partial: str
    missed: str
    pain: str
    left: str
    right: str


def colours(palette: Palette) -> Colours:
    """The charts' colours from a window palette: done in the accent, in part a paler
    accent, missed in the warning colour (so they read without a legend too)."""
    partial = "#8FC7BF" if palette is LIGHT else "#2F7D73"
    return Colours(
        bg=palette.bg,
        fg=palette.fg,
        muted=palette.muted,
        grid=palette.track,
        done=palette.accent,
        partial=partial,
        missed=palette.warn,
        pain=palette.warn,
        left=palette.accent,
        right=partial if palette is DARK else "#5F8FB0",
    )


def draw(figure: Figure, progress: Progress, palette: Palette) -> tuple[Axes, Axes, Axes]:
    """All three charts, one above the other, on ``figure`` (cleared first)."""
    figure.clear()
    c = colours(palette)
    figure.set_facecolor(c.bg)
    grid = figure.add_gridspec(3, 1, height_ratios=(5, 4, 2), hspace=0.75, left=0.11, right=0.97, top=0.93, bottom=0.07)
    days, pain, sides = (figure.add_subplot(grid[i]) for i in range(3))
    stretches_per_day(days, progress, c)
    pain_trend(pain, progress, c)
    side_balance(sides, progress, c)
    return days, pain, sides


def stretches_per_day(ax: Axes, progress: Progress, c: Colours) -> None:
    """Stacked bars: done, in part, missed, one bar a day over the four weeks."""
    _frame(ax, c, _("Stretches each day"))
    x = list(range(len(progress.days)))
    done = [d.done for d in progress.days]
    partial = [d.partial for d in progress.days]
    missed = [d.missed for d in progress.days]
    # Translators: the chart's legend: stretches done, done in part, and reminders missed.
    ax.bar(x, done, color=c.done, width=0.75, label=pgettext("chart legend", "done"))
    ax.bar(x, partial, bottom=done, color=c.partial, width=0.75, label=pgettext("chart legend", "in part"))
    ax.bar(
        x,
        missed,
        bottom=[a + b for a, b in zip(done, partial, strict=True)],
        color=c.missed,
        width=0.75,
        label=pgettext("chart legend", "missed"),
    )
    top = max([a + b + m for a, b, m in zip(done, partial, missed, strict=True)] + [1])
    ax.set_ylim(0, top + 0.5)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _day_ticks(ax, progress)
    legend = ax.legend(
        loc="lower right",
        ncols=3,
        frameon=False,
        fontsize="small",
        bbox_to_anchor=(1, 1),
        borderaxespad=0.2,
        handlelength=1,
    )
    for text in legend.get_texts():
        text.set_color(c.fg)
    if progress.empty:
        _note(ax, c, _("No stretches yet"))


def pain_trend(ax: Axes, progress: Progress, c: Colours) -> None:
    """The check-ins' pain, 0 (no pain) to 10 (the worst imaginable), on the same days."""
    _frame(ax, c, _("Back pain at the morning check-in (0\u201310)"))
    x = [(day - progress.start).days for day, _ in progress.pain]
    y = [value for _, value in progress.pain]
    ax.plot(x, y, color=c.pain, linewidth=2, marker="o", markersize=4)
    ax.set_ylim(-0.5, 10.5)
    ax.set_yticks([0, 5, 10])
    _day_ticks(ax, progress)
    if not progress.pain:
        _note(ax, c, _("No check-ins yet"))


def side_balance(ax: Axes, progress: Progress, c: Colours) -> None:
    """Two horizontal bars: the minutes each side was held."""
    _frame(ax, c, _("Time held on each side (minutes)"))
    minutes = [progress.left / 60, progress.right / 60]
    ax.barh([1, 0], minutes, color=[c.left, c.right], height=0.6)
    ax.set_yticks([1, 0], [_("Left"), _("Right")])
    ax.set_xlim(0, max([*minutes, 1.0]) * 1.18)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _at: decimal(value)))  # "0,5" in German
    ax.grid(axis="y", visible=False)
    for y, value in zip((1, 0), minutes, strict=True):
        if value:
            ax.text(value, y, f" {decimal(value)}", va="center", ha="left", color=c.fg, fontsize="small")
    if not progress.left and not progress.right:
        ax.set_xticks([])
        _note(ax, c, _("No two-sided stretches yet"))


def _frame(ax: Axes, c: Colours, title: str) -> None:
    ax.set_facecolor(c.bg)
    ax.set_title(title, loc="left", color=c.fg, fontsize="medium", fontweight="bold", pad=8)
    ax.tick_params(colors=c.muted, labelsize="small", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(c.grid)
    ax.grid(axis="y", color=c.grid, linewidth=0.8)
    ax.set_axisbelow(True)


def _day_ticks(ax: Axes, progress: Progress) -> None:
    """A label each week, on the days that end the week (the last: today)."""
    last = len(progress.days) - 1
    ticks = list(range(last % 7, last + 1, 7))
    labels = [formats().day(progress.days[i].day) for i in ticks]
    # Translators: the last day along the charts' bottom, in place of its date.
    labels[-1] = _("today")
    ax.set_xticks(ticks, labels)
    ax.set_xlim(-0.7, last + 0.7)


def _note(ax: Axes, c: Colours, text: str) -> None:
    box = {"facecolor": c.bg, "edgecolor": "none", "pad": 4}
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", color=c.muted, fontsize="small", bbox=box)
