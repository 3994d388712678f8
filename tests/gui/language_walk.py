"""The stretch window in another language, in the test's own process: every step of a
stretch or an exercise (the first screen, getting into position, a hold paused, the
switch, a rest, "how did that feel?", the end; "it hurt" and its warning signs too),
each checked by ``exercise_walk.check_layout`` (nothing cut, past an edge or on top of
another) and handed to ``look`` with every text a person sees."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Iterator

from qlbreak.core.session import Feeling, Phase
from qlbreak.core.words import Words, using
from qlbreak.storage.config import Config
from qlbreak.stretches import translated
from qlbreak.stretches.catalogue import Stretch
from qlbreak.ui.dialog import Dialog
from tests.gui.exercise_walk import check_layout, open_window

Look = Callable[[str, list[str]], None]  # (where, the texts shown)


def _all(w: tk.Misc) -> Iterator[tk.Misc]:
    yield w
    for child in w.winfo_children():
        yield from _all(child)


def shown(dialog: Dialog) -> list[str]:
    """What a person sees: the title, and each mapped widget's words (a canvas's too)."""
    root = dialog.root
    texts = [root.title()]
    for w in _all(root):
        if w is root or not w.winfo_ismapped():
            continue
        if isinstance(w, tk.Canvas):
            texts += [str(w.itemcget(i, "text")) for i in w.find_all() if w.type(i) == "text"]
        elif "text" in w.keys():  # noqa: SIM118 - a widget is no mapping
            texts.append(str(w.cget("text")))
    return [t for t in texts if t.strip()]


def walk_in(words: Words, display: str, stretch: Stretch, theme: str, look: Look, hurt: bool = False) -> None:
    """Every step of ``stretch`` in ``words``, as the default settings show it."""
    with using(words):
        shown_stretch = translated.stretch(stretch).for_equipment(Config().prefs.equipment)
        dialog = open_window(display, shown_stretch, theme)
        walk = dialog.walk
        name = f"{stretch.id} ({theme})"

        def step(where: str) -> None:
            check_layout(dialog)
            look(f"{name}: {where}", shown(dialog))

        try:
            step("intro")
            dialog.press(walk.next)
            step("position")
            dialog.press(walk.next)
            paused = False
            for _turn in range(40):
                phase = walk.session.phase
                if phase is Phase.FEEDBACK:
                    break
                step(phase.value)
                if phase is Phase.HOLD and not paused:
                    dialog.press(walk.toggle_pause)
                    step("hold, paused")
                    dialog.press(walk.toggle_pause)
                    paused = True
                dialog.press(walk.next)
            assert walk.session.phase is Phase.FEEDBACK, walk.session
            step("feedback")
            dialog.feel(Feeling.HURT if hurt else (Feeling.RIGHT if stretch.strengthens else Feeling.BETTER))
            step("done, it hurt" if hurt else "done")
        finally:
            dialog.root.destroy()
