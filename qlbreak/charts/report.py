"""The report to take to a physiotherapist (``qlbreak report --pdf FILE``, the Progress
window's button): one A4 page from one ``Progress``, so it says what the window says.
Drawn on a ``matplotlib.figure.Figure`` (no pyplot: no global state, no GUI backend)
with its text searchable and copyable; written whole or not at all (a temp file, then a
rename)."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.ticker import MaxNLocator

from qlbreak import __version__
from qlbreak.charts.figures import colours
from qlbreak.charts.report_words import decimal, felt_words, glance, label, minutes, side_words, signs, title, weeks
from qlbreak.core.progress import Progress, Rated
from qlbreak.core.words import N_, _, formats, ngettext, pgettext
from qlbreak.storage.atomic import write_atomic
from qlbreak.ui.theme import LIGHT

if TYPE_CHECKING:
    from typing import Any

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

A4 = (8.27, 11.69)  # inches
# Type 3 fonts, with their Unicode map: the text can be searched and copied, and the page
# is written in a third of the time TrueType subsetting takes (0.6 s against 1.5 s)
STYLE: dict[RcKeyType, Any] = {"pdf.fonttype": 3, "font.family": "DejaVu Sans", "font.size": 8.5}
LEFT, WIDTH = 0.09, 0.84  # the charts' column, as a fraction of the page
ROW = 0.022  # a stretch's row in its chart, at most
FOOTER = 0.075  # the page below the parts: that it is not advice, who made it
SIDES = 0.11  # the side balance's part below its heading
TIGHTEST = 0.0135  # ... at least (8 pt names need it)
ROWS = 12  # stretches shown in "how each felt"; those that hurt are always among them
INK, FAINT, GRID = "#1a1a1a", "#5c5c5c", "#d9d9d9"
PAPER = colours(LIGHT)  # the Progress window's light colours: the page and the window agree
FELT = {"better": PAPER.done, "same": "#a0a0a0", "worse": "#E0A030", "hurt": PAPER.missed, "not rated": "#e4e4e4"}
NOT_ADVICE = N_(
    "This report is not medical advice. It shows what was recorded in qlbreak; "
    "talk over any pain that gets worse or does not ease with a health professional."
)


def write(path: Path, progress: Progress, names: Mapping[str, str] | None = None, made: datetime | None = None) -> None:
    """The report of ``progress`` as a one-page PDF at ``path`` (OSError: cannot write
    it; nothing is left half written). ``names``: each stretch's id and its name;
    ``made``: when, for the footer (default: the day the four weeks end)."""
    write_atomic(path, render(progress, names or {}, made))


def render(progress: Progress, names: Mapping[str, str], made: datetime | None = None) -> bytes:
    """The report's PDF bytes."""
    import matplotlib

    with matplotlib.rc_context(STYLE):
        fig = page(progress, names, made)
        out = io.BytesIO()
        fig.savefig(
            out,
            format="pdf",
            metadata={"Title": title(progress), "Creator": f"qlbreak {__version__}"},
        )
    return out.getvalue()


def page(progress: Progress, names: Mapping[str, str], made: datetime | None = None) -> Figure:
    """The page, drawn from the top down (``top``: where the next part begins, as a
    fraction of the page); the stretches' chart takes the room the rest leaves."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=A4)
    fig.text(LEFT, 0.962, _("Back stretches: the last four weeks"), fontsize=17, weight="bold", color=INK)
    fig.text(LEFT, 0.944, weeks(progress), fontsize=10, color=FAINT)
    top = _lines(fig, 0.922, [f"\u2022 {s}" for s in glance(progress)], size=9) - 0.028
    _heading(fig, top, _("Back pain at the morning check-ins (0 no pain, 10 the worst imaginable)"))
    pain_trend(fig.add_axes((LEFT, top - 0.14, WIDTH, 0.13)), progress)
    top -= 0.186
    _heading(fig, top, _("Stretches each day"))
    per_day(fig.add_axes((LEFT, top - 0.13, WIDTH, 0.12)), progress)
    top -= 0.176
    _heading(fig, top, _("Each stretch: times done, and how it felt afterwards (helped most first, hurt last)"))
    warnings = signs(progress) or [_("None in these four weeks.")]
    below = FOOTER + max(SIDES, 0.012 + _height(warnings, 8.5, 52)) + 0.05  # the parts below the stretches
    room = top - 0.035 - below  # between the legend and the parts below
    shown = _rows(progress.ranked, max(3, min(ROWS, int(room / TIGHTEST))))
    height = max(TIGHTEST * 3, min(room, ROW * max(len(shown), 3)))
    per_stretch(fig.add_axes((LEFT + 0.25, top - 0.035 - height, WIDTH - 0.25, height)), shown, names)
    more = len(progress.ranked) - len(shown)
    if more:
        said = ngettext("and {n} more stretch", "and {n} more stretches", more).format(n=more)
        fig.text(LEFT, top - 0.056 - height, said, fontsize=8, color=FAINT, va="top")
    top -= height + 0.085
    _heading(fig, top, _("Left and right: time held"))
    held = progress.left >= 1 or progress.right >= 1
    if held:
        sides(fig.add_axes((LEFT + 0.06, top - 0.06, 0.3, 0.045)), progress)
    _lines(fig, top - (0.075 if held else 0.012), [side_words(progress)], size=8.5, wrap=60)
    _heading(fig, top, _("Warning signs answered"), x=0.55)
    _lines(fig, top - 0.012, warnings, size=8.5, x=0.55, wrap=52)
    day = made.date() if made else progress.today
    # Translators: a date in the report's footer: {day} is "3 Dec", {year} "2026".
    stamp = _("{day} {year}").format(day=formats().day_month(day), year=day.year)
    _lines(fig, 0.058, [_(NOT_ADVICE)], size=8, color=FAINT, wrap=118)
    made_by = _("Made by qlbreak {version} on {date}").format(version=__version__, date=stamp)
    fig.text(LEFT, 0.022, made_by, fontsize=7.5, color=FAINT)
    return fig


# -- the charts ------------------------------------------------------------------------


def pain_trend(ax: Axes, progress: Progress) -> None:
    """Each check-in's rating over the four weeks, joined; the weekly means as steps."""
    _days_axis(ax, progress)
    ax.set_ylim(-0.5, 10.5)
    ax.set_yticks([0, 2, 4, 6, 8, 10])
    if not progress.pain:
        _nothing(ax, _("No check-ins answered in these weeks: the morning check-in fills this in."))
        return
    xs = [_x(progress, d) for d, _ in progress.pain]
    ys = [v for _, v in progress.pain]
    ax.plot(xs, ys, color=PAPER.pain, linewidth=1.4, marker="o", markersize=3.5, zorder=3)
    for week in range(4):
        inside = [v for d, v in progress.pain if week * 7 <= _x(progress, d) < week * 7 + 7]
        if inside:
            mean = sum(inside) / len(inside)
            ax.hlines(mean, week * 7 - 0.4, week * 7 + 6.4, color=FAINT, linewidth=1, linestyle="--", zorder=2)
            # Translators: a week's mean pain over the chart, "week 2: 4.5".
            said = _("week {number}: {mean}").format(number=week + 1, mean=decimal(mean))
            ax.text(week * 7 + 3, 10.2, said, ha="center", va="top", fontsize=7, color=FAINT)
    for i in {0, len(xs) - 1}:
        ax.annotate(str(ys[i]), (xs[i], ys[i]), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8)


def per_day(ax: Axes, progress: Progress) -> None:
    """Done, done in part and missed, stacked, each day; days off shaded."""
    _days_axis(ax, progress)
    xs = range(len(progress.days))
    done = [d.done for d in progress.days]
    partial = [d.partial for d in progress.days]
    missed = [d.missed for d in progress.days]
    for x, d in zip(xs, progress.days, strict=True):
        if not d.workday:
            ax.axvspan(x - 0.5, x + 0.5, color="#f2f2f2", zorder=0, linewidth=0)
    ax.bar(xs, done, color=PAPER.done, width=0.7, label=pgettext("chart legend", "done"), zorder=2)
    ax.bar(xs, partial, bottom=done, color=PAPER.partial, width=0.7, label=_("done in part"), zorder=2)
    below = [a + b for a, b in zip(done, partial, strict=True)]
    ax.bar(xs, missed, bottom=below, color=PAPER.missed, width=0.7, label=_("reminder missed"), zorder=2)
    most = max((a + b for a, b in zip(below, missed, strict=True)), default=0)
    ax.set_ylim(0, max(3, most) * 1.3)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper left", ncols=4, fontsize=7, frameon=False, handlelength=1, borderaxespad=0.1)
    ax.text(1.0, 1.02, _("shaded: days off"), transform=ax.transAxes, ha="right", va="bottom", fontsize=7, color=FAINT)
    if progress.empty:
        _nothing(ax, _("Nothing recorded yet: each stretch you do shows here."))


def per_stretch(ax: Axes, shown: Sequence[Rated], names: Mapping[str, str]) -> None:
    """One bar a stretch, its length the times done, split by how it felt afterwards."""
    _plain(ax)
    if not shown:
        ax.set_axis_off()
        _nothing(ax, _("No stretches done yet."))
        return
    rows = list(range(len(shown)))[::-1]  # the first ranked on top
    left = [0.0] * len(shown)
    for felt, colour in FELT.items():
        values = [_felt(r, felt) for r in shown]
        ax.barh(rows, values, left=left, color=colour, height=0.68, label=felt_words(felt), zorder=2)
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, r, end in zip(rows, shown, left, strict=True):
        ax.text(end + 0.15, y, f"{r.times}\u00d7", va="center", fontsize=7.5, color=INK)
    ax.set_yticks(rows, [label(names.get(r.stretch, r.stretch), r) for r in shown], fontsize=8)
    ax.set_xlim(0, max(left) * 1.12 + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x", color=GRID, linewidth=0.5, zorder=0)
    ax.legend(loc="lower left", bbox_to_anchor=(-0.3, 1.0), fontsize=7, frameon=False, ncols=5, handlelength=1)
    ax.set_ylim(-0.6, max(len(shown), 3) - 0.4)  # one or two stretches: as thick as three


def sides(ax: Axes, progress: Progress) -> None:
    """Minutes held on the left and on the right, side by side."""
    _plain(ax)
    values = [progress.left / 60, progress.right / 60]
    ax.barh([1, 0], values, color=[PAPER.left, PAPER.right], height=0.6, zorder=2)
    ax.set_yticks([1, 0], [pgettext("a side", "left"), pgettext("a side", "right")], fontsize=8)
    ax.set_xlim(0, max(max(values) * 1.3, 1))
    for y, v in zip([1, 0], values, strict=True):
        ax.text(v, y, f" {minutes(v * 60)}", va="center", fontsize=7.5)
    ax.set_xticks([])
    ax.spines["bottom"].set_visible(False)


# -- helpers ---------------------------------------------------------------------------


def _rows(ranked: Sequence[Rated], most: int = ROWS) -> list[Rated]:
    """At most ``most`` stretches, in their order: those that hurt first kept (those
    that hurt most often), then those done most often."""
    if len(ranked) <= most:
        return list(ranked)
    hurt = sorted((r for r in ranked if r.hurt), key=lambda r: (-r.hurt, -r.times))[:most]
    others = sorted((r for r in ranked if not r.hurt), key=lambda r: -r.times)[: max(0, most - len(hurt))]
    keep = {id(r) for r in hurt + others}
    return [r for r in ranked if id(r) in keep]


def _felt(r: Rated, felt: str) -> int:
    if felt == "not rated":
        return r.times - r.better - r.same - r.worse - r.hurt
    return int(getattr(r, felt))


def _days_axis(ax: Axes, progress: Progress) -> None:
    """The 28 days along the bottom: each Monday named, the weeks apart."""
    _plain(ax)
    n = len(progress.days)
    ax.set_xlim(-0.6, n - 0.4)
    mondays = [i for i, d in enumerate(progress.days) if d.day.weekday() == 0]
    ax.set_xticks(mondays, [formats().day(progress.days[i].day) for i in mondays], fontsize=7.5)
    ax.set_xticks(range(n), minor=True)
    ax.grid(axis="y", color=GRID, linewidth=0.5, zorder=0)


def _plain(ax: Axes) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=7.5, colors=INK)


def _nothing(ax: Axes, text: str) -> None:
    ax.text(
        0.5,
        0.5,
        text,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=9,
        color=FAINT,
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 3},
    )


def _heading(fig: Figure, y: float, text: str, x: float = LEFT) -> None:
    fig.text(x, y, text, fontsize=10.5, weight="bold", color=INK, va="bottom")


def _lines(
    fig: Figure, y: float, lines: Sequence[str], size: float, x: float = LEFT, color: str = INK, wrap: int = 105
) -> float:
    """Lines of text from ``y`` down, each wrapped at ``wrap`` characters; the ``y``
    below the last."""
    import textwrap

    step = size * 1.45 / 72 / A4[1]  # a line's height, as a fraction of the page
    for line in lines:
        for i, part in enumerate(textwrap.wrap(line, wrap) or [""]):
            fig.text(
                x + (0.012 if i and line.startswith("\u2022") else 0), y, part, fontsize=size, color=color, va="top"
            )
            y -= step
    return y


def _height(lines: Sequence[str], size: float, wrap: int) -> float:
    """How far down ``_lines`` goes for these lines."""
    import textwrap

    return sum(len(textwrap.wrap(line, wrap) or [""]) for line in lines) * size * 1.45 / 72 / A4[1]


def _x(progress: Progress, day: date) -> int:
    return (day - progress.start).days
