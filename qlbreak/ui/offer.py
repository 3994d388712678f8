"""The one offer of strengthening, at the end of a stretch done to the end: a short
line with "Start" and "Not now" under the done screen's words, once.

Why there: the person has just finished a stretch and is looking at the window, so
the line interrupts nothing (a notification or a window of its own would), and it
asks nothing of them: Close, Return or Escape pass it by. Never after "it hurt" or
"worse", a part-done stretch or a demo.

When: ``core/programme_offers.OFFER_RULES`` decide (two weeks of stretching on most
work days, no programme under way, never asked before). It is recorded "offered"
before it shows, so it comes once, whatever the answer; "Start" starts the
strengthening programme, "Not now" records "declined". The history is read after the
done screen is painted, so the screen itself never waits for it.
"""

from __future__ import annotations

import tkinter as tk
from functools import partial

from qlbreak.core.words import N_, _, ngettext

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing
if TYPE_CHECKING:
    from collections.abc import Callable

    from qlbreak.core.programmes import Exercise, Mark, Standing
    from qlbreak.storage.history import History
    from qlbreak.ui.base import Fonts
    from qlbreak.ui.theme import Palette
    from qlbreak.ui.walkthrough import Walkthrough

AFTER_MS = 150  # after the done screen is painted
# Marked here, translated where shown.
ASK = N_(
    "Two weeks of stretching on most work days: well done. Muscles made stronger take work off the side"
    " of your lower back. Add a few minutes of strengthening, twice a week?"
)
STARTED = N_("Started. On two days a week a reminder brings a strengthening exercise; Settings, Programme pauses it.")
NOT_NOW = N_("All right, it will not be offered again. Settings, Programme starts it whenever you like.")
NOT_SAVED = N_("That could not be saved just now; Settings, Programme starts it whenever you like.")


def worth_asking(walk: Walkthrough) -> bool:
    """Only after a stretch done to the end that did not hurt or feel worse."""
    from qlbreak.core.kinds import Record
    from qlbreak.core.session import Feeling

    return not walk.demo and walk.outcome == Record.DONE and walk.session.feeling not in (Feeling.HURT, Feeling.WORSE)


def later(
    root: tk.Misc, body: tk.Frame, walk: Walkthrough, palette: Palette, fonts: Fonts, wrap: int, fit: Callable[[], None]
) -> None:
    """From the done screen: look, once it is painted, and offer when the rules say so."""
    if worth_asking(walk):
        root.after(AFTER_MS, partial(_look, body, walk, palette, fonts, wrap, fit))


def _look(
    body: tk.Frame, walk: Walkthrough, palette: Palette, fonts: Fonts, wrap: int, fit: Callable[[], None]
) -> None:
    if not body.winfo_exists():
        return  # closed meanwhile
    history = _history(walk)
    if history is None:
        return
    try:
        day, known = _counted(history, walk)
        known = _offered(history, walk, known)
    finally:
        history.close()
    if day is not None:
        counted = tk.Label(body, text=day, font=fonts.small, fg=palette.accent, bg=palette.bg, name="programme")
        counted.configure(wraplength=wrap, justify="left", anchor="w")
        counted.pack(fill="x", pady=(4, 0))
    if known is not None:
        _ask(body, walk, palette, fonts, wrap, known)
    if day is not None or known is not None:
        fit()


def day_words(standing: Standing) -> str:
    """What the done screen says of the programme's day just done."""
    from qlbreak.core.programmes import State

    name, day, length = _(standing.name), standing.day, standing.length
    sessions = standing.programme.unit == "session"
    if standing.state is State.DONE and sessions:
        text = ngettext(
            "{name}: all {length} session done. That is the whole course: well done.",
            "{name}: all {length} sessions done. That is the whole course: well done.",
            length,
        )
    elif standing.state is State.DONE:
        # Translators: {name}: the programme ("Ball release"); {length}: its days
        text = ngettext(
            "{name}: all {length} day done. That is the whole course: well done.",
            "{name}: all {length} days done. That is the whole course: well done.",
            length,
        )
    elif sessions:
        text = _("{name}: session {day} of {length} done.")
    else:
        # Translators: "Ball release: day 5 of 14 done."
        text = _("{name}: day {day} of {length} done.")
    return text.format(name=name, day=day, length=length)


def _counted(history: History, walk: Walkthrough) -> tuple[str | None, dict[str, Exercise] | None]:
    """The words for the programme's day this stretch counted for, if it did (the end
    of the course is said once: marked "finished"), and the catalogue as the rules see
    it, when it was loaded (only once a programme was ever started)."""
    from qlbreak.core import programmes
    from qlbreak.core.programmes import Mark, State
    from qlbreak.storage.history import HistoryError
    from qlbreak.storage.programmes import mark

    try:
        marks = history.marks()
        if not marks:
            return None, None
        known, now = _known(), walk.wall()
        standing = programmes.standing(marks, history.finished(), known, now)
        if standing is None or not standing.done_today or not standing.programme.counts(walk.stretch.id, known):
            return None, known
        if standing.state is State.DONE and not standing.tell_finished:
            return None, known  # complete, and said so already
        if standing.tell_finished:
            mark(history, Mark.FINISHED, known, now, standing.programme)
        return day_words(standing), known
    except (HistoryError, ValueError):
        return None, None


def _ask(
    body: tk.Frame, walk: Walkthrough, palette: Palette, fonts: Fonts, wrap: int, known: dict[str, Exercise]
) -> None:
    """The offer's line and its two answers."""
    from qlbreak.core.programmes import Mark
    from qlbreak.ui.base import button

    frame = tk.Frame(body, bg=palette.bg, name="offer")
    frame.pack(fill="x", pady=(8, 0))
    words = tk.Label(frame, text=_(ASK), font=fonts.small, fg=palette.fg, bg=palette.bg, name="ask")
    words.configure(wraplength=wrap, justify="left", anchor="w")
    words.pack(fill="x")
    row = tk.Frame(frame, bg=palette.bg, name="answers")
    row.pack(fill="x", pady=(4, 0))
    for mark, text in ((Mark.START, _("Start")), (Mark.DECLINED, _("Not now"))):
        b = button(row, text, partial(_answer, frame, walk, known, mark), palette, fonts, name=mark.value)
        b.configure(font=fonts.small, padx=8, pady=2)
        b.pack(side="left", padx=(0, 6))


def _known() -> dict[str, Exercise]:
    from qlbreak.core.programmes import exercises
    from qlbreak.stretches.catalogue import CatalogueError, load

    try:
        return exercises(load())
    except CatalogueError:
        return {}


def _offered(history: History, walk: Walkthrough, known: dict[str, Exercise] | None) -> dict[str, Exercise] | None:
    """Whether the rules offer it now (with the catalogue as they see it); if so it is
    recorded "offered" (shown only then: offered at most once, even when the history is
    busy). Asked once already, the catalogue is not even loaded."""
    from qlbreak.core.programme_offers import ASKED
    from qlbreak.core.programmes import STRENGTHEN, Mark
    from qlbreak.storage import programmes
    from qlbreak.storage.history import HistoryError

    now = walk.wall()
    try:
        if any(m.mark in ASKED and m.programme == STRENGTHEN.id for m in history.marks()):
            return None
        known = known if known is not None else _known()
        if not programmes.offer_strengthening(history, known, walk.workdays, now):
            return None
        programmes.mark(history, Mark.OFFERED, known, now, STRENGTHEN)
        return known
    except (HistoryError, ValueError):
        return None


def _answer(frame: tk.Frame, walk: Walkthrough, known: dict[str, Exercise], mark: Mark) -> None:
    """Start or Not now: recorded at once; the line then says what happens next."""
    from qlbreak.core.programmes import STRENGTHEN, Mark
    from qlbreak.storage import programmes
    from qlbreak.storage.history import HistoryError

    said = NOT_SAVED
    history = _history(walk)
    if history is not None:
        try:
            programmes.mark(history, mark, known, walk.wall(), STRENGTHEN)
            said = STARTED if mark is Mark.START else NOT_NOW
        except (HistoryError, ValueError):
            pass
        finally:
            history.close()
    frame.nametowidget("answers").destroy()
    frame.nametowidget("ask").configure(text=_(said))


def _history(walk: Walkthrough) -> History | None:
    from qlbreak.storage.history import HistoryError

    try:
        return walk.open_history()
    except HistoryError:
        return None
