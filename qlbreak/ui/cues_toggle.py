"""The stretch window's spoken cues (``core/cues.py`` says what, ``edges/speech`` says
it): on from the settings (``[dialog] spoken_cues``), or for this exercise alone from
the small "Read the cues aloud" box that an exercise on the floor offers while they are
off (on the floor, the screen is out of sight).

The dialog calls ``look`` at every render (each tick and press) and ``offer`` as a new
screen is built; the system's speech is looked for only when a first line is due.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

from qlbreak.core.cues import Cues
from qlbreak.core.session import Phase, Session
from qlbreak.core.words import N_, _

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing
if TYPE_CHECKING:
    from qlbreak.edges.ports import Speaker
    from qlbreak.stretches.catalogue import Stretch
    from qlbreak.ui.base import Fonts
    from qlbreak.ui.theme import Palette

TOGGLE = N_("Read the cues aloud")  # translated where shown
OFFERED = frozenset({Phase.INTRO, Phase.POSITION})  # the screens before the first hold


def _system_speaker() -> Speaker:
    from qlbreak.edges.choose import speaker

    return speaker()


class Voice:
    """``on``: the setting; ``speaker``: makes the speaker, once, when first needed."""

    def __init__(self, on: bool, speaker: Callable[[], Speaker] = _system_speaker) -> None:
        self.setting = on
        self.ticked: tk.BooleanVar | None = None  # the offered box, once shown
        self.cues = Cues()
        self._make = speaker
        self._speaker: Speaker | None = None

    @property
    def on(self) -> bool:
        return self.setting or (self.ticked is not None and self.ticked.get())

    def look(self, session: Session, now: float) -> None:
        """Say the line this moment brings, if any (looked at even while off, so that
        turning it on never brings an old line)."""
        line = self.cues.look(session, now)
        if line is not None and self.on:
            if self._speaker is None:
                self._speaker = self._make()
            self._speaker.say(line)

    def offer(self, body: tk.Frame, stretch: Stretch, phase: Phase, palette: Palette, fonts: Fonts) -> None:
        """The box at the foot of the first screens of an exercise on the floor, while
        the setting is off; ticked, it stays ticked for this window."""
        if self.setting or phase not in OFFERED or stretch.no_floor or not stretch.strengthens:
            return
        from qlbreak.ui import form  # only where offered: the window's start need not pay for it (~14 ms)

        if self.ticked is None:
            self.ticked = tk.BooleanVar(body, value=False)
        box = form.check(body, _(TOGGLE), self.ticked, palette, fonts, "cues")
        box.configure(font=fonts.small)
        box.pack(anchor="w", pady=(4, 0))
