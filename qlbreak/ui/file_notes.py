"""What the settings window says of a hand edit it did not understand: a note by the
field it is about (the window shows the value in effect there, the one the tray kept),
and, in its message, whatever no field shows (a key qlbreak does not know, the time
zone, a hold) and on which pages the notes are."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Sequence

from qlbreak.core.words import _
from qlbreak.storage.config import Loaded
from qlbreak.storage.tomlfile import Problem
from qlbreak.ui import form
from qlbreak.ui.base import Fonts
from qlbreak.ui.theme import Palette

# The field a setting of the file is shown in, and its page.
PLACES: dict[tuple[str | int, ...], tuple[str, str]] = {
    ("schedule", "snooze_minutes"): ("snooze", "Reminders"),
    ("schedule", "grace_minutes"): ("grace", "Reminders"),
    ("schedule", "reminder_style"): ("style", "Reminders"),
    ("reminder",): ("reminders", "Reminders"),
    ("stretches",): ("stretches", "Stretches"),
    ("dialog", "theme"): ("theme", "General"),
    ("dialog", "sound"): ("sound", "General"),
    ("dialog", "spoken_cues"): ("spoken_cues", "General"),
    ("dialog", "language"): ("language", "General"),
    ("checkin", "ask"): ("checkin", "General"),
    ("checkin", "tighter"): ("tighter", "General"),
}


def place_of(problem: Problem) -> tuple[str, str] | None:
    """The field (and page) a problem in the file is about, if the window shows it."""
    key = problem.key
    return PLACES.get(tuple(key[:1])) or PLACES.get(tuple(key[:2])) if key else None


def words(loaded: Loaded, pages: Sequence[str]) -> str:
    """The window's message as it opens: each problem no field shows, a line each, then
    where the notes are."""
    placed = [place_of(p) for p in loaded.errors]
    noted = [page for page in pages if any(x is not None and x[1] == page for x in placed)]
    lines = [sentence(p.brief()) for p in loaded.problems if p.warning or place_of(p) is None]
    if noted:
        lines.append(_not_understood([_(page) for page in noted]))  # PAGES are marked in ui/settings.py
    elif loaded.errors:
        lines.append(_("Shown here is what qlbreak uses; Save writes it into the file."))
    return "\n".join(lines)


def note(page: tk.Frame, field: str, loaded: Loaded, palette: Palette, fonts: Fonts, wrap: int) -> None:
    """A note by ``field`` (packed where it is called) when the file's value for it was
    not understood; nothing otherwise."""
    said = [p for p in loaded.errors if (place_of(p) or ("", ""))[0] == field]
    if said:
        text = " ".join(sentence(p.brief()) for p in said)
        # Translators: {problems}: what was not understood, each a sentence ("config.toml line 3: ...")
        words = _("Not understood: {problems} qlbreak goes on with what is shown here.").format(problems=text)
        form.note(page, words, palette, fonts, wrap, name=f"{field}note").configure(fg=palette.warn)


def sentence(problem: str) -> str:
    """A problem ("config.toml line 3: ...") as a sentence of its own: the language
    says how a sentence ends."""
    # Translators: a problem in the settings file ("config.toml line 3: ..."), ended as a sentence.
    return _("{problem}.").format(problem=problem)


def _not_understood(pages: list[str]) -> str:
    """The message's last line, naming the pages with notes (one to four, by name)."""
    if len(pages) == 1:
        # Translators: {page}: a page of the settings window ("Reminders")
        return _(
            "Some of your settings file was not understood (see the notes on {page})."
            " Shown here is what qlbreak uses; Save writes it into the file."
        ).format(page=pages[0])
    # Translators: {pages}: pages of the settings window, joined by commas ("Reminders, Stretches"); {last}: the last
    return _(
        "Some of your settings file was not understood (see the notes on {pages} and {last})."
        " Shown here is what qlbreak uses; Save writes it into the file."
    ).format(pages=", ".join(pages[:-1]), last=pages[-1])
