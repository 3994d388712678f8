"""The settings window's "General" page: the language, colours, sound, the morning
check-in, starting at login, and where the settings file is. Apart from ``settings.py`` to keep that one
short, and a place for more of the same kind."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from pathlib import Path

from qlbreak.core.words import N_, _
from qlbreak.language.catalogues import available as languages
from qlbreak.language.choosing import SYSTEM
from qlbreak.language.start import decide
from qlbreak.storage.config import Config
from qlbreak.ui import form
from qlbreak.ui.base import Fonts
from qlbreak.ui.settings_checkin import CheckinFields
from qlbreak.ui.settings_sound import SoundFields
from qlbreak.ui.theme import Palette

THEMES = (("auto", N_("Follow the system")), ("light", N_("Light")), ("dark", N_("Dark")))


class GeneralPage:
    """The page, built into ``body``; ``frame`` is what the window shows, the fields
    what it reads at a save (``autostart`` None: no login item on this system)."""

    def __init__(
        self,
        body: tk.Misc,
        c: Config,
        palette: Palette,
        fonts: Fonts,
        wrap: int,
        note: Callable[[tk.Frame, str], None],
        path: Path,
        autostart: bool | None,
    ) -> None:
        p, f = palette, fonts
        page = self.frame = tk.Frame(body, bg=p.bg, name="generalpage")
        form.heading(page, _("Language"), p, f, pady=(0, 2))
        self.language = tk.StringVar(page, value=c.language)  # one this install lacks: kept, none ticked
        row = tk.Frame(page, bg=p.bg, name="languages")  # one row: the page is tall enough
        row.pack(anchor="w")
        for value, text in language_choices():
            form.choice(row, text, self.language, value, p, f, name=f"language-{value}").pack(side="left", padx=(0, 12))
        note(page, "language")
        form.heading(page, _("Colours"), p, f, pady=(14, 2))
        self.theme = tk.StringVar(page, value=c.theme)
        row = tk.Frame(page, bg=p.bg, name="themes")
        row.pack(anchor="w")
        for value, text in THEMES:
            form.choice(row, _(text), self.theme, value, p, f, name=f"theme-{value}").pack(side="left", padx=(0, 12))
        note(page, "theme")
        self.sound = SoundFields(page, c, p, f, wrap, note)
        self.checkin = CheckinFields(page, c, p, f, note)
        self.login = tk.BooleanVar(page, value=bool(autostart))
        if autostart is not None:
            form.heading(page, _("Starting"), p, f, pady=(14, 2))
            form.check(page, _("Start qlbreak when I log in"), self.login, p, f, "autostart").pack(anchor="w")
        form.heading(page, _("Your settings file"), p, f, pady=(14, 2))
        by_hand = _("You may edit it by hand too; qlbreak notices within half a minute.")
        form.note(page, str(path), p, f, wrap, name="path")  # the user's own folder: no words to translate
        form.note(page, by_hand, p, f, wrap)


def language_name(code: str) -> str:
    """A language in its own words ("Deutsch", "English"), as people look for theirs."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code).get_display_name(code) or code
    except (ValueError, UnknownLocaleError):
        return code  # a test locale
    return name[:1].upper() + name[1:]


def language_choices() -> list[tuple[str, str]]:
    """The system's language first (named, so a person sees what it is now), then each
    this install speaks; a choice applies when saved, to the menu and every window."""
    # Translators: {language} is the system's language in its own words ("Deutsch").
    system = _("The system's language ({language})").format(language=language_name(decide(SYSTEM)))
    return [(SYSTEM, system), *((code, language_name(code)) for code in languages())]
