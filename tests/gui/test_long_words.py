"""A language that runs longer than English (German: ~30%) on a small laptop screen
(1280 x 800): the warning signs, the longest screen, keep their buttons on the screen
(the window grows wider, then taller, and moves up), and the four feelings after a
stretch keep their whole words inside the window. In this process, on the private X
screen; each step is a call, nothing waits on the clock."""

from __future__ import annotations

import gettext
import tkinter as tk
from tkinter import font as tkfont

import pytest

from qlbreak.core.session import Phase
from qlbreak.core.words import EnglishFormats, Words, using
from qlbreak.storage.paths import assets_dir
from qlbreak.stretches.catalogue import load
from qlbreak.ui import checkin
from qlbreak.ui.base import main_window, make_fonts
from qlbreak.ui.cues_toggle import Voice
from qlbreak.ui.dialog import Dialog
from qlbreak.ui.sound import Cue
from qlbreak.ui.theme import named
from qlbreak.ui.walkthrough import Walkthrough


class Longer(gettext.NullTranslations):
    """Every string a third longer, as German often is (words, not spaces)."""

    def gettext(self, message: str) -> str:
        return message + "x" * (len(message) // 3) if message.strip() else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


LONGER = Words("xx", Longer(), EnglishFormats())


def _bottom_right(widget: tk.Misc) -> tuple[int, int]:
    widget.update_idletasks()
    return widget.winfo_rootx() + widget.winfo_width(), widget.winfo_rooty() + widget.winfo_height()


def test_the_warning_signs_keep_their_buttons_on_a_small_screen_in_a_longer_language(screen):
    with using(LONGER):
        palette = named("light")
        root = main_window(palette, root=tk.Tk(screenName=screen.display, className="Qlbreak"))
        try:
            lead = [checkin._(checkin.LEG_WORDS), checkin._(checkin.SEE_SOMEONE)]
            frame = checkin.warning_signs(root, palette, make_fonts(root), lead, lambda: None)
            root.update()
            stop = frame.nametowidget("buttons.stop_here")
            right, bottom = _bottom_right(stop)
            assert bottom <= root.winfo_screenheight() and right <= root.winfo_screenwidth()
            assert _bottom_right(root)[1] <= root.winfo_screenheight()
            assert frame.winfo_reqheight() <= root.winfo_height()  # nothing squeezed out
        finally:
            root.destroy()


@pytest.mark.parametrize("stretch_id", ["standing-side-bend"])
def test_the_feelings_after_a_stretch_keep_their_words_in_a_longer_language(screen, stretch_id):
    stretch = load().get(stretch_id)
    assert stretch is not None
    with using(LONGER):
        palette = named("light")
        root = main_window(palette, root=tk.Tk(screenName=screen.display, className="Qlbreak"))
        walk = Walkthrough(
            stretch,
            open_history=lambda: pytest.fail("a demo opened the history"),
            another_for=lambda _history, _skip: stretch,
            workdays=frozenset(range(5)),
            wall=lambda: pytest.fail("a demo asked the wall clock"),
            demo=True,
        )
        dialog = Dialog(root, walk, palette, Cue("", enabled=False), str(assets_dir()), voice=Voice(False))
        try:
            dialog.start()
            while walk.session.phase is not Phase.FEEDBACK:
                dialog.press(walk.next, skip=walk.session.phase is not Phase.INTRO)
            root.update()
            buttons = [b for b in dialog.buttons.winfo_children() if isinstance(b, tk.Button)]
            assert len(buttons) == 4
            edge = _bottom_right(dialog.frame)[0]
            for b in buttons:
                assert b.winfo_width() >= b.winfo_reqwidth(), f"{b.cget('text')} is squeezed"
                assert _bottom_right(b)[0] <= edge, f"{b.cget('text')} is cut off"
                font = tkfont.Font(root=root, font=b.cget("font"))
                assert font.measure(b.cget("text")) <= b.winfo_width(), f"{b.cget('text')} does not fit its button"
        finally:
            root.destroy()
