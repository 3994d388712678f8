"""The settings window's "Programme" page: each programme with what it is and why,
where it stands, and Start, Pause, Resume and Stop.

The buttons act at once (no Save), but Stop asks first (a stranger pressed it to see
what it did): each writes its mark to the history
(``storage/programmes.mark``), where the tray, Progress and ``qlbreak programme`` read
the course; the running tray sees it the next time it reads (the menu, the tooltip,
this window's closing). The rules (one programme at a time, what each mark may follow)
are ``core/programmes.py``'s; a press they refuse says why, changing nothing.
"""

from __future__ import annotations

import sqlite3
import tkinter as tk
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path

from qlbreak.core import programmes
from qlbreak.core.app_programme import plain
from qlbreak.core.picker import Preferences, why_not
from qlbreak.core.programme_words import under_its_name
from qlbreak.core.programmes import PROGRAMMES, Mark, Programme, Standing, State
from qlbreak.core.words import N_, _, pgettext
from qlbreak.storage.config import Config
from qlbreak.stretches.catalogue import Catalogue
from qlbreak.ui import form
from qlbreak.ui.base import Fonts, button
from qlbreak.ui.theme import Palette

TYPE_CHECKING = False
if TYPE_CHECKING:
    from qlbreak.storage.history import History

INTRO = N_(
    "A programme is a course of days. On each of its days qlbreak offers its exercise first and counts the day"
    " once you have done it. A day you miss neither counts nor starts the course again. One programme at a time."
)
# What each one is, and why (the sources' reasons, in our own words).
WHY = {
    "ball-release": N_(
        "Roll the knots out of the muscle at the side of your lower back with a massage ball, once a day for"
        " two weeks: done every day, the relief lasts longer. Against a wall at work, lying down at home."
        " After each release qlbreak offers a side stretch, to lengthen the muscle you have just loosened."
    ),
    "strengthen": N_(
        "Stronger muscles in your belly, buttocks and upper back take work off the small muscle at the side of"
        " your lower back, so the pain is less likely to come back. Twice a week for six weeks, a few minutes each"
        " time; at the office, in work clothes."
    ),
}


def button_words(mark: Mark) -> str:
    """A programme's button: what it does to the course."""
    words = {
        Mark.START: pgettext("a programme", "Start"),
        Mark.PAUSE: pgettext("a programme", "Pause"),
        Mark.RESUME: pgettext("a programme", "Resume"),
        Mark.STOP: pgettext("a programme", "Stop"),
    }
    return words[mark]


def not_changed(why: str) -> str:
    """A refused press, said with why: nothing was written."""
    # Translators: a press on a programme's button was refused; {reason} says why, e.g.
    # "another programme is under way".
    return _("Not changed: {reason}.").format(reason=why)


def stop_question(programme: Programme) -> str:
    """What Stop asks before it stops: starting again begins the course anew."""
    if programme.id == "ball-release":
        return _("Stop the ball release? The days you have done stay in your history; starting again begins at day 1.")
    if programme.id == "strengthen":
        return _(
            "Stop the strengthening? The sessions you have done stay in your history;"
            " starting again begins at session 1."
        )
    if programme.unit == "day":
        # Translators: {programme} is a programme's name.
        question = _("Stop {programme}? The days you have done stay in your history; starting again begins at day 1.")
    else:
        # Translators: {programme} is a programme's name.
        question = _(
            "Stop {programme}? The sessions you have done stay in your history; starting again begins at session 1."
        )
    return question.format(programme=_(programme.name))


def where(standing: Standing | None, programme: Programme) -> str:
    """The programme's own line: where it stands, or that it is not under way."""
    if standing is None or standing.programme.id != programme.id:
        return _("Not started.")
    return under_its_name(standing)  # the tray's words, without the name it is under


def marks_for(standing: Standing | None, programme: Programme) -> tuple[Mark, ...]:
    """The buttons a programme's row offers: the marks the rules take now."""
    if standing is None or standing.programme.id != programme.id or not standing.active:
        return (Mark.START,)
    return (Mark.RESUME if standing.state is State.PAUSED else Mark.PAUSE, Mark.STOP)


class ProgrammePage:
    """The page, built into ``body``; ``frame`` is what the window shows."""

    def __init__(
        self,
        body: tk.Misc,
        palette: Palette,
        fonts: Fonts,
        wrap: int,
        catalogue: Catalogue,
        prefs: Preferences,
        history: Path,
        now: Callable[[], datetime],
    ) -> None:
        self.p, self.f, self.wrap, self.history, self.now = palette, fonts, wrap, history, now
        self.known = programmes.exercises(catalogue)
        self.left_out = {p.id: _left_out(p, catalogue, self.known, prefs) for p in PROGRAMMES}
        self.frame = tk.Frame(body, bg=palette.bg, name="programmepage")
        form.heading(self.frame, _("Programmes"), palette, fonts, pady=(0, 2))
        form.note(self.frame, _(INTRO), palette, fonts, wrap)
        self.rows: dict[str, tk.Frame] = {}
        self.asking: str | None = None  # the programme whose Stop waits for an answer
        for programme in PROGRAMMES:
            row = tk.Frame(self.frame, bg=palette.bg, name=programme.id.replace("-", ""))
            row.pack(fill="x", pady=(12, 0))
            self.rows[programme.id] = row
        self.message = form.note(self.frame, "", palette, fonts, wrap, name="message")
        self.message.configure(fg=palette.warn)
        self.message.pack_configure(pady=(12, 0))
        form.note(self.frame, _("These buttons act at once: nothing to save."), palette, fonts, wrap, name="atonce")
        self.standing, trouble = self._read()
        self._fill()
        self.message.configure(text=trouble or "")

    def _fill(self) -> None:
        """Each programme's row, as the history has it now."""
        p, f = self.p, self.f
        for programme in PROGRAMMES:
            row = self.rows[programme.id]
            for child in row.winfo_children():
                child.destroy()
            form.heading(row, _(programme.name), p, f, pady=(0, 0))
            why = _(WHY[programme.id]) if programme.id in WHY else _(programme.about)
            form.note(row, why, p, f, self.wrap, name="why")
            state = tk.Label(row, name="where", text=where(self.standing, programme), font=f.body, fg=p.fg, bg=p.bg)
            state.configure(anchor="w")
            state.pack(fill="x", pady=(4, 0))
            left_out = self.left_out[programme.id]
            if left_out:
                form.note(row, left_out, p, f, self.wrap, name="leftout").configure(fg=p.warn)
            if self.asking == programme.id:
                self._ask(row, programme)
                continue
            buttons = tk.Frame(row, bg=p.bg, name="buttons")
            buttons.pack(fill="x", pady=(4, 0))
            for mark in marks_for(self.standing, programme):
                act = partial(self.ask, programme) if mark is Mark.STOP else partial(self.press, mark, programme)
                button(buttons, button_words(mark), act, p, f, name=mark.value).pack(side="left", padx=(0, 8))

    def _ask(self, row: tk.Frame, programme: Programme) -> None:
        """The question in place of the row's buttons: Stop, or Keep going (focused: the
        answer that changes nothing is the one Return gives)."""
        p, f = self.p, self.f
        form.note(row, stop_question(programme), p, f, self.wrap, name="ask").configure(fg=p.fg)
        answers = tk.Frame(row, bg=p.bg, name="answers")
        answers.pack(fill="x", pady=(4, 0))
        yes = button(answers, button_words(Mark.STOP), partial(self.press, Mark.STOP, programme), p, f, name="stop")
        yes.pack(side="left", padx=(0, 8))
        keep = button(answers, _("Keep going"), self.keep, p, f, name="keep", primary=True)
        keep.pack(side="left", padx=(0, 8))
        keep.focus_set()

    def ask(self, programme: Programme) -> None:
        """Stop pressed: ask before stopping the course."""
        self.asking = programme.id
        self.message.configure(text="")
        self._fill()

    def keep(self) -> None:
        """Keep going: the question goes, nothing changed."""
        self.asking = None
        self._fill()

    def press(self, mark: Mark, programme: Programme) -> None:
        """Write ``mark`` at once; the page then shows the history as it now is."""
        from qlbreak.storage.history import HistoryError
        from qlbreak.storage.programmes import Refused
        from qlbreak.storage.programmes import mark as write

        self.asking = None
        now = self.now()
        trouble = None
        try:
            history = _open(self.history, now)
            try:
                write(history, mark, self.known, now, programme)
            finally:
                history.close()
        except Refused as why:
            trouble = not_changed(str(why))
        except HistoryError as err:
            trouble = not_changed(_("the history cannot be written ({error})").format(error=err))
        self.standing, unread = self._read()
        self._fill()
        self.message.configure(text=trouble or unread or "")

    def _read(self) -> tuple[Standing | None, str | None]:
        """Where the course stands, read-only (never created, changed or moved aside:
        that is the tray's to do); a missing history is none started."""
        from qlbreak.storage.history import History, HistoryError

        if not self.history.exists():
            return None, None
        try:
            db = sqlite3.connect(f"{self.history.resolve().as_uri()}?mode=ro", uri=True, timeout=2.0)
        except sqlite3.Error as err:
            return None, _("The history cannot be read: {error}").format(error=err)
        history = History(db, self.history)
        try:
            return programmes.standing(history.marks(), history.finished(), self.known, self.now()), None
        except (sqlite3.Error, HistoryError, ValueError) as err:
            return None, _("The history cannot be read: {error}").format(error=err)
        finally:
            db.close()


def _open(path: Path, now: datetime) -> History:
    """The history to write a mark to: created when there is none; a damaged one is
    left where it is (the tray moves it aside) and said, as HistoryError."""
    from qlbreak.storage.history import History, HistoryError
    from qlbreak.storage.history_file import Damaged, connect, problem

    if not path.exists():
        return History.open(path, now)
    try:
        return History(connect(path, 5.0), path)
    except Damaged as err:
        raise HistoryError(f"{path} is damaged ({err})") from None
    except sqlite3.Error as err:
        raise problem(path, err, "cannot open the history") from None


def _left_out(
    programme: Programme, catalogue: Catalogue, known: dict[str, programmes.Exercise], prefs: Preferences
) -> str | None:
    """Why the settings leave the programme nothing to offer ("needs a massage ball"),
    or None when one of its exercises is in the rotation."""
    mine = [s for s in catalogue if programme.counts(s.id, known)]
    order = {e: i for i, e in enumerate(programme.exercises)}
    mine.sort(key=lambda s: order.get(s.id, len(order)))  # the programme's own first (the wall release)
    if not mine or any(why_not(plain(s.candidate), prefs) is None for s in mine):
        return None
    first = why_not(plain(mine[0].candidate), prefs)
    # Translators: {reason} says what the programme's exercises need, e.g. "needs a massage ball".
    return _("Left out by your settings now ({reason}): see the Stretches page.").format(reason=first)


def programme_page(
    body: tk.Misc, palette: Palette, fonts: Fonts, wrap: int, catalogue: Catalogue, config: Config
) -> tk.Frame:
    """The page for the settings window, on the user's history and in their zone."""
    from qlbreak.storage.paths import default_paths
    from qlbreak.ui.settings_reads import now

    history = default_paths().history_db
    page = ProgrammePage(body, palette, fonts, wrap, catalogue, config.prefs, history, lambda: now(config.timezone))
    return page.frame
