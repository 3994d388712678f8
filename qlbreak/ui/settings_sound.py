"""The settings window's sound (``[dialog] sound`` and ``spoken_cues`` in the file): the
soft chime, and the cues read aloud. Apart from ``settings.py`` to keep that one short."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

from qlbreak.core.words import N_, _
from qlbreak.storage.config import Config
from qlbreak.ui import form
from qlbreak.ui.base import Fonts
from qlbreak.ui.theme import Palette

CHIME = N_("A soft sound when it is time to change sides, and at the end of a hold")
SPOKEN = N_("Read the cues aloud")
SPOKEN_SAYS = N_(
    "Your computer's voice says when to switch sides, when ten seconds are left, when to rest"
    " and when you are done, so you can look away from the screen."
)
INDENT = 22  # under the check box's words: a part of it


class SoundFields:
    """The two check boxes, packed into ``page`` where it is called."""

    def __init__(
        self,
        page: tk.Frame,
        c: Config,
        palette: Palette,
        fonts: Fonts,
        wrap: int,
        note: Callable[[tk.Frame, str], None],
    ) -> None:
        p, f = palette, fonts
        form.heading(page, _("Sound"), p, f, pady=(14, 2))
        self.sound = tk.BooleanVar(page, value=c.sound)
        form.check(page, _(CHIME), self.sound, p, f, "sound").pack(anchor="w")
        note(page, "sound")
        self.spoken = tk.BooleanVar(page, value=c.spoken_cues)
        form.check(page, _(SPOKEN), self.spoken, p, f, "spoken_cues").pack(anchor="w")
        says = form.note(page, _(SPOKEN_SAYS), p, f, wrap - INDENT, name="spokensays")
        says.pack_configure(padx=(INDENT, 0))
        note(page, "spoken_cues")
