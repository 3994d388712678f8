"""The tray's "Progress…" and ``qlbreak progress``: the last four weeks at a glance
(``core/progress.py``), in plain words first and then as charts (``charts/figures.py``).

It maps fast: the history is read (read-only) and the sentences shown before
matplotlib is imported; the charts are drawn once the window is on the screen, into a
frame that already has their size, so nothing moves. "Details…" shows the records
one a line (``ui/spec.history_lines``); "Save a report…" writes the one-page PDF for a
physiotherapist (``charts/report.py``). It answers nothing.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from qlbreak.core.progress import DAYS, build
from qlbreak.core.words import N_, _, ngettext
from qlbreak.ui.base import button, child_main, make_fonts, scale_of
from qlbreak.ui.progress_programme import Section
from qlbreak.ui.progress_programme import read as programme_read
from qlbreak.ui.spec import Spec
from qlbreak.ui.theme import named

TYPE_CHECKING = False
if TYPE_CHECKING:
    from qlbreak.storage.history import Event

APPNAME = "qlbreak-progress"
TITLE = N_("qlbreak \u2014 Progress")
CHARTS = (560, 500)  # the charts' size at 100%, in pixels
TEXT = 330  # the words' column at 100%, in pixels
DRAWING = N_("Drawing the charts\u2026")


class Read:
    """What the window read of the history: the four weeks' events, every day a stretch
    was done (for a streak longer than four weeks), and why nothing could be read."""

    def __init__(self, events: list[Event], done_days: set[date], problem: str | None = None) -> None:
        self.events, self.done_days, self.problem = events, done_days, problem


def read(path: str, now: datetime) -> Read:
    """The history at ``path``, opened read-only: never created, changed or moved. A
    missing file is an empty history; one that cannot be read says why."""
    import sqlite3

    from qlbreak.storage.history import History, HistoryError

    file = Path(path)
    if not file.exists():
        return Read([], set())
    try:
        db = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True, timeout=2.0)
    except sqlite3.Error as err:
        return Read([], set(), _("The history ({path}) cannot be read: {error}").format(path=path, error=err))
    history = History(db, file)
    try:
        return Read(history.events(since=now - timedelta(days=DAYS + 1)), history.done_days())
    except (sqlite3.Error, HistoryError, ValueError) as err:
        return Read([], set(), _("The history ({path}) cannot be read: {error}").format(path=path, error=err))
    finally:
        db.close()


class Window:
    """The words at once, the charts once mapped."""

    def __init__(self, root: tk.Tk, spec: Spec) -> None:
        from qlbreak import clock

        self.root, self.palette = root, named(str(spec["theme"]))
        self.names = {str(k): str(v) for k, v in dict(spec["names"]).items()}
        self.now = clock.now(str(spec["timezone"]))
        self.path = str(spec["history"])
        self.seen = read(self.path, self.now)
        workdays = frozenset(int(d) for d in spec["workdays"])
        self.progress = build(self.seen.events, self.now, workdays, self.names, self.seen.done_days)
        self.scale = scale_of(root)
        self.fonts = make_fonts(root)
        self.canvas: object = None  # the charts, once drawn
        self._details: tk.Toplevel | None = None
        self._layout()

    def _layout(self) -> None:
        root, p, f, s = self.root, self.palette, self.fonts, self.scale
        root.tk.call("tk", "appname", APPNAME)
        root.title(_(TITLE))
        root.configure(background=p.bg)
        frame = tk.Frame(root, bg=p.bg, padx=int(16 * s), pady=int(14 * s), name="progress")
        frame.pack(fill="both", expand=True)
        words = tk.Frame(frame, bg=p.bg, name="words", width=int(TEXT * s))
        words.grid(row=0, column=0, sticky="nsew", padx=(0, int(16 * s)))
        tk.Label(words, text=_("Your last four weeks"), font=f.title, fg=p.fg, bg=p.bg, anchor="w", name="title").pack(
            fill="x", pady=(0, int(8 * s))
        )
        lines = ([self.seen.problem] if self.seen.problem else []) + list(self.progress.sentences)
        for i, line in enumerate(lines):
            warn = (i == 0 and self.seen.problem is not None) or line in self.progress.flagged
            tk.Label(
                words,
                name=f"line{i}",
                text=line,
                font=f.strong if i == 0 else f.body,
                fg=p.warn if warn else p.fg,
                bg=p.bg,
                anchor="w",
                justify="left",
                wraplength=int(TEXT * s),
            ).pack(fill="x", pady=(0, int(7 * s)))
        self.programme = Section(words, p, f, s, int(TEXT * s))  # filled once mapped (``draw``)
        self.chart_frame = tk.Frame(frame, bg=p.bg, name="charts", width=int(CHARTS[0] * s), height=int(CHARTS[1] * s))
        self.chart_frame.grid(row=0, column=1, sticky="n")
        self.chart_frame.pack_propagate(False)
        tk.Label(self.chart_frame, text=_(DRAWING), font=f.small, fg=p.muted, bg=p.bg, name="drawing").pack(expand=True)
        self.status = tk.Label(frame, text="", font=f.small, fg=p.muted, bg=p.bg, anchor="w", name="status")
        self.status.grid(row=1, column=0, columnspan=2, sticky="ew", pady=(int(8 * s), 0))
        row = tk.Frame(frame, bg=p.bg, name="buttons")
        row.grid(row=2, column=0, columnspan=2, sticky="e", pady=(int(8 * s), 0))
        close = button(row, _("Close"), root.destroy, p, f, name="close", primary=True)
        for b in (
            button(row, _("Details\u2026"), self.details, p, f, name="details"),
            button(row, _("Save a report for your physiotherapist\u2026"), self.save_report, p, f, name="report"),
            close,
        ):
            b.pack(side="left", padx=(int(8 * s), 0))
        close.focus_set()
        root.bind("<Escape>", lambda _e: root.destroy())
        root.withdraw()  # mapped once, where it belongs: a move would repaint it while the charts draw
        root.update_idletasks()
        w, h = root.winfo_reqwidth(), root.winfo_reqheight()
        root.geometry(f"+{max(0, (root.winfo_screenwidth() - w) // 2)}+{max(0, (root.winfo_screenheight() - h) // 2)}")
        root.bind("<Map>", self._mapped)
        root.deiconify()

    def _mapped(self, event: tk.Event[tk.Misc]) -> None:
        if event.widget is self.root:
            self.root.unbind("<Map>")
            self.root.after(1, self.draw)  # after the first paint: the words show first

    def draw(self) -> None:
        """The programme, then the charts into the frame kept for them, once the words
        are painted."""
        try:
            self.root.update()  # the words on the screen before matplotlib loads (~0.3 s)
        except tk.TclError:
            return  # closed meanwhile
        self.programme.fill(programme_read(self.path, self.now))
        from matplotlib.backends.backend_tkagg import FigureCanvasTkAgg
        from matplotlib.figure import Figure

        from qlbreak.charts.figures import draw

        # At 100%: TkAgg scales the figure itself by the display's scaling (its device
        # pixel ratio), so it comes out the size of the frame kept for it.
        figure = Figure(figsize=(CHARTS[0] / 96, CHARTS[1] / 96), dpi=96)
        draw(figure, self.progress, self.palette)
        canvas = FigureCanvasTkAgg(figure, master=self.chart_frame)  # type: ignore[no-untyped-call]  # untyped in matplotlib
        widget = canvas.get_tk_widget()  # type: ignore[no-untyped-call]
        widget.configure(background=self.palette.bg, highlightthickness=0)
        self.chart_frame.nametowidget("drawing").destroy()
        canvas.draw()  # type: ignore[no-untyped-call]
        widget.pack(fill="both", expand=True)
        self.canvas = canvas

    def details(self) -> None:
        """Every record of the four weeks, one a line, in a window of its own."""
        from qlbreak.ui.spec import history_lines

        if self._details is not None and self._details.winfo_exists():
            self._details.lift()
            return
        p, f, s = self.palette, self.fonts, self.scale
        since = self.now - timedelta(days=DAYS)
        events = [e for e in self.seen.events if e.at >= since]
        lines = history_lines(events, self.names, self.now.tzinfo, self.progress.streak, DAYS)
        top = tk.Toplevel(self.root, bg=p.bg, name="details", padx=int(14 * s), pady=int(12 * s))
        top.title(_("qlbreak \u2014 Details"))
        top.transient(self.root)
        self._details = top
        weeks = DAYS // 7
        heading = ngettext(
            "Every record of the last {weeks} week, the latest last",
            "Every record of the last {weeks} weeks, the latest last",
            weeks,
        ).format(weeks=weeks)
        tk.Label(top, text=heading, font=f.strong, fg=p.fg, bg=p.bg, anchor="w", name="heading").pack(
            fill="x", pady=(0, int(6 * s))
        )
        text = tk.Text(
            top,
            name="lines",
            font=f.body,
            bg=p.track,
            fg=p.fg,
            relief="flat",
            wrap="none",
            width=min(90, max(40, *(len(line) + 2 for line in lines))),
            height=min(24, max(6, len(lines))),
            padx=8,
            pady=6,
            highlightthickness=0,
        )
        text.insert("1.0", "\n".join(lines))
        text.see("end")  # the latest records, where a person looks first
        text.configure(state="disabled")  # read-only; still selectable and copyable
        text.pack(fill="both", expand=True)
        close = button(top, _("Close"), top.destroy, p, f, name="close", primary=True)
        close.pack(pady=(int(10 * s), 0))
        close.focus_set()
        top.bind("<Escape>", lambda _e: top.destroy())
        top.update_idletasks()  # over the Progress window, where the eye already is
        r = self.root
        x = r.winfo_rootx() + (r.winfo_width() - top.winfo_reqwidth()) // 2
        y = r.winfo_rooty() + (r.winfo_height() - top.winfo_reqheight()) // 2
        top.geometry(f"+{max(0, x)}+{max(0, y)}")

    def save_report(self, ask: Callable[..., str] | None = None) -> None:
        """Ask where, then write the report there; the status line says what happened."""
        try:
            from qlbreak.charts.report import write
        except ImportError:
            self._say(_("This version of qlbreak cannot make the report yet."), warn=True)
            return
        if ask is None:
            from tkinter import filedialog

            ask = filedialog.asksaveasfilename
        where = ask(
            parent=self.root,
            title=_("Save the report"),
            defaultextension=".pdf",
            filetypes=[("PDF", "*.pdf")],
            initialfile=f"back-stretches-{self.now.date().isoformat()}.pdf",
            initialdir=str(Path.home()),
        )
        if not where:
            return
        try:
            write(Path(where), self.progress, self.names)
        except OSError as err:
            said = _("The report could not be saved: {error} ({path})").format(error=err.strerror or err, path=where)
            self._say(said, warn=True)
            return
        self._say(_("Report saved: {path}").format(path=where))

    def _say(self, text: str, warn: bool = False) -> None:
        self.status.configure(text=text, fg=self.palette.warn if warn else self.palette.muted)


def show(root: tk.Tk, spec: Spec) -> None:
    root.progress = Window(root, spec)  # type: ignore[attr-defined]  # kept alive, and reachable from tests


main = child_main("progress", show)
