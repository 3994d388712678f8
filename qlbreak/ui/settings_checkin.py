"""The settings window's morning check-in (issue 22, ``[checkin]`` in the file):
whether to ask how the back is before the day's first stretch, and how much longer the
side named tighter is then held. Apart from ``settings.py`` to keep that one short.

The file may say a factor the three choices do not (``tighter = 1.25``, by hand): it
is shown as a fourth choice, so that saving keeps it unless another is picked.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

from qlbreak.core.words import N_, _
from qlbreak.storage.config import Config
from qlbreak.storage.config_merge import tighter_words
from qlbreak.ui import form
from qlbreak.ui.base import Fonts
from qlbreak.ui.theme import Palette

# Translators: how much longer the tighter side is held: the same time, 1.5 times, twice.
CHOICES = (("same", 1.0, N_("The same")), ("half", 1.5, N_("Half as long again")), ("twice", 2.0, N_("Twice as long")))
ASK = N_("Ask how my back is before the day's first stretch")
TIGHTER = N_("Hold the tighter side longer")
INDENT = 22


class CheckinFields:
    """The check box and the choices, packed into ``page`` where it is called."""

    def __init__(
        self,
        page: tk.Frame,
        c: Config,
        palette: Palette,
        fonts: Fonts,
        note: Callable[[tk.Frame, str], None],
    ) -> None:
        p, f = palette, fonts
        form.heading(page, _("Morning check-in"), p, f, pady=(14, 2))
        self.ask = tk.BooleanVar(page, value=c.checkin)
        form.check(page, _(ASK), self.ask, p, f, "checkin", self._follow).pack(anchor="w")
        note(page, "checkin")
        self.label = tk.Label(page, text=_(TIGHTER), font=f.body, fg=p.fg, bg=p.bg, anchor="w", name="tighterlabel")
        self.label.pack(fill="x", pady=(4, 0), padx=(INDENT, 0))  # under the check box's words: a part of it
        row = tk.Frame(page, bg=p.bg, name="tighter")
        row.pack(fill="x", padx=(INDENT, 0))
        choices = [(name, factor, _(text)) for name, factor, text in CHOICES]
        if all(c.tighter != factor for _name, factor, _text in CHOICES):
            words = tighter_words(c.tighter)
            # Translators: a choice the settings file made by hand, e.g. "1.25 times as long (from your file)".
            text = _("{factor} (from your file)").format(factor=words[:1].upper() + words[1:])
            choices.append(("file", c.tighter, text))
        self.factors = {name: factor for name, factor, _text in choices}
        self.tighter = tk.StringVar(page, value=next(n for n, factor in self.factors.items() if factor == c.tighter))
        self.buttons = [
            form.choice(row, text, self.tighter, name, p, f, name=f"tighter-{name}") for name, _f, text in choices
        ]
        for one in self.buttons:
            one.configure(disabledforeground=p.muted)
            one.pack(side="left", padx=(0, 10))
        note(page, "tighter")
        self.muted, self.fg = p.muted, p.fg
        self.fixed = False  # the organisation locks the choice: never brought back (ui/locks.py)
        self._follow()

    def _follow(self) -> None:
        """The tighter side is named in the check-in: without it, the choice does nothing
        and is shown so (it is kept, for when the check-in is asked again)."""
        on = self.ask.get()
        self.label.configure(fg=self.fg if on else self.muted)
        for one in self.buttons:
            live = on and not self.fixed
            one.configure(state="normal" if live else "disabled", takefocus=live)  # Tab passes them by

    def values(self) -> tuple[bool, float]:
        """Whether to ask, and the tighter side's factor, as chosen."""
        return self.ask.get(), self.factors[self.tighter.get()]
