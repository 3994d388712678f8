"""The Progress window's programme: where the course stands ("Ball release: day 5 of
14") and its days as a small row of marks, one a session: filled for each done, open
for each to come (today's, once done, in the accent colour).

Filled in once the window is on the screen (``fill``, from ``ui/progress.py``'s
``draw``), so the words still show first: the catalogue, needed only when a
programme was ever started, loads after the map.
"""

from __future__ import annotations

import tkinter as tk
from datetime import datetime
from pathlib import Path

from qlbreak.core.programmes import Standing, State
from qlbreak.core.words import _
from qlbreak.ui.base import Fonts
from qlbreak.ui.theme import Palette

MARK = 12  # a mark's side at 100%, in pixels
GAP = 4
DONE, TODAY, TO_COME = "done", "today", "to-come"  # also the marks' tags


def marks(standing: Standing) -> list[str]:
    """One word a session: ``done``, ``today`` (the session done today) or ``to-come``."""
    done = standing.length if standing.state is State.DONE else min(standing.sessions, standing.length)
    today = standing.done_today and standing.state is not State.DONE and done > 0
    return [DONE] * (done - today) + [TODAY] * today + [TO_COME] * (standing.length - done)


def line(standing: Standing) -> str:
    """The words above the marks: the tray's."""
    from qlbreak.core.app_programme import line as tray_line

    return tray_line(standing) or standing.words()


def read(path: str, now: datetime) -> Standing | None:
    """The latest course in the history at ``path`` (opened read-only), or None: none
    was ever started, or the history cannot be read (the window says that already)."""
    import sqlite3

    from qlbreak.storage.history import History, HistoryError

    file = Path(path)
    if not file.exists():
        return None
    try:
        db = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True, timeout=2.0)
    except sqlite3.Error:
        return None
    history = History(db, file)
    try:
        marked = history.marks()
        if not marked:
            return None  # nothing started: no catalogue to load
        from qlbreak.core import programmes
        from qlbreak.stretches.catalogue import CatalogueError, load

        try:
            known = programmes.exercises(load())
        except CatalogueError:
            known = {}
        return programmes.standing(marked, history.finished(), known, now)
    except (sqlite3.Error, HistoryError, ValueError):
        return None
    finally:
        db.close()


class Section:
    """An empty frame in the words' column until ``fill``; nothing when no course."""

    def __init__(self, parent: tk.Misc, palette: Palette, fonts: Fonts, scale: float, wrap: int) -> None:
        self.p, self.f, self.scale, self.wrap = palette, fonts, scale, wrap
        self.frame = tk.Frame(parent, bg=palette.bg, name="programme")
        self.frame.pack(fill="x", pady=(int(6 * scale), 0))

    def fill(self, standing: Standing | None) -> None:
        if standing is None or standing.state is State.STOPPED:
            return
        p, f, s = self.p, self.f, self.scale
        tk.Label(
            self.frame, text=_("Your programme"), font=f.strong, fg=p.fg, bg=p.bg, anchor="w", name="heading"
        ).pack(fill="x")
        words = tk.Label(self.frame, text=line(standing), font=f.body, fg=p.fg, bg=p.bg, anchor="w", name="line")
        words.configure(justify="left", wraplength=self.wrap)
        words.pack(fill="x")
        side, gap = int(MARK * s), int(GAP * s)
        each = marks(standing)
        per_row = max(1, (self.wrap + gap) // (side + gap))
        rows = (len(each) + per_row - 1) // per_row
        canvas = tk.Canvas(
            self.frame,
            name="marks",
            width=min(len(each), per_row) * (side + gap),
            height=rows * (side + gap),
            bg=p.bg,
            highlightthickness=0,
        )
        paused = standing.state is State.PAUSED
        for i, what in enumerate(each):
            x, y = (i % per_row) * (side + gap), (i // per_row) * (side + gap)
            fill = {DONE: p.muted if paused else p.fg, TODAY: p.accent, TO_COME: ""}[what]
            canvas.create_rectangle(
                x + 1, y + 1, x + side, y + side, fill=fill, outline=p.muted, width=max(1, int(s)), tags=(what,)
            )
        canvas.pack(anchor="w", pady=(int(4 * s), 0))
        # Translators: the key to the marks: a filled square a session done, an open one a session to come.
        key = _("\u25a0 done   \u25a1 to come")
        if paused:
            # Translators: the key to the marks, while the programme is paused.
            key = _("\u25a0 done   \u25a1 to come   (paused: days do not count)")
        tk.Label(self.frame, text=key, font=f.small, fg=p.muted, bg=p.bg, anchor="w", name="key").pack(fill="x")
