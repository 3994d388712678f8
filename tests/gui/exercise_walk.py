"""An exercise's window in the test's own process, pressed through every step with
Tk's own calls: nothing runs between two presses but what a press itself does (the
holds last tens of seconds and the clock is only read, so no step ends on its own).

After every step, what a person would call broken is checked: the buttons, the
Safety link and every line inside the window and not squeezed (pack squeezes what
does not fit to less than it asked for, or unmaps it), no two of them on top of
each other, nothing past the window's right edge.
"""

from __future__ import annotations

import re
import tkinter as tk
from collections.abc import Callable, Iterator

from qlbreak.core.session import Feeling, Phase
from qlbreak.storage.paths import assets_dir
from qlbreak.stretches.catalogue import Stretch, load
from qlbreak.ui.base import main_window
from qlbreak.ui.dialog import Dialog
from qlbreak.ui.sound import Cue
from qlbreak.ui.theme import named
from qlbreak.ui.walkthrough import Walkthrough


def open_window(display: str, stretch: Stretch, theme: str, level: str = "standard") -> Dialog:
    """The stretch window as ``ui/stretch.py`` opens it, minus the safety screen and
    the check-in (a demo: nothing is recorded); ``level``: as the ratings would offer it."""
    palette = named(theme)
    root = main_window(palette, root=tk.Tk(screenName=display, className="Qlbreak"))
    walk = Walkthrough(
        stretch,
        open_history=_no_history,
        another_for=lambda _history, _skip: stretch,
        workdays=frozenset(range(5)),
        wall=_no_clock,
        demo=True,
        leveled=lambda s: (s.at_level(level), level),
    )
    dialog = Dialog(root, walk, palette, Cue("", enabled=False), str(assets_dir()))
    dialog.start()
    root.update()
    return dialog


def _no_history() -> object:
    raise AssertionError("a demo opened the history")


def _no_clock() -> object:
    raise AssertionError("a demo asked the wall clock")


def _widgets(w: tk.Misc) -> Iterator[tk.Misc]:
    for child in w.winfo_children():
        yield child
        yield from _widgets(child)


def check_layout(dialog: Dialog) -> list[str]:
    """Check the window as it is now; its texts, top to bottom."""
    root = dialog.root
    root.update_idletasks()
    root.update()
    bottom = root.winfo_rooty() + root.winfo_height()
    right = root.winfo_rootx() + root.winfo_width()
    where = f"{dialog.walk.stretch.id} ({dialog.palette.name}, {dialog.walk.session.phase.value})"
    for must in (dialog.buttons, root.nametowidget(".walk").winfo_children()[-1]):  # the footer
        assert must.winfo_ismapped(), f"{must} is not on screen: {where}"
    boxes: list[tuple[str, int, int, int, int]] = []
    texts = []
    for w in _widgets(root):
        if not isinstance(w, tk.Label | tk.Button | tk.Checkbutton | tk.Canvas) or not w.winfo_ismapped():
            continue
        x, y, width, height = w.winfo_rootx(), w.winfo_rooty(), w.winfo_width(), w.winfo_height()
        path = str(w)
        assert height >= w.winfo_reqheight(), f"{path} cut to {height} of {w.winfo_reqheight()} px: {where}"
        if isinstance(w, tk.Button | tk.Checkbutton):  # narrower than its words: some are hidden
            assert width >= w.winfo_reqwidth(), f"{path} cut to {width} of {w.winfo_reqwidth()} px: {where}"
        assert y + height <= bottom, f"{path} ends at {y + height}, below the window's {bottom}: {where}"
        assert x + width <= right, f"{path} ends at {x + width}, past the window's right edge {right}: {where}"
        for other, ox, oy, ow, oh in boxes:
            overlap = x < ox + ow and ox < x + width and y < oy + oh and oy < y + height
            assert not overlap, f"{path} lies over {other}: {where}"
        boxes.append((path, x, y, width, height))
        if isinstance(w, tk.Label | tk.Button | tk.Checkbutton) and (text := str(w.cget("text"))):
            texts.append(text)
    return texts


def walk_exercise(
    display: str, stretch_id: str, theme: str, shoot: Callable[[Dialog, str], None] | None = None
) -> None:
    """Every step of the exercise's first two sets and its end, checked; ``shoot`` is
    given the window at each step's name ("set", "rest", ...) for screenshots."""
    stretch = load().get(stretch_id)
    assert stretch is not None and stretch.sets >= 2, stretch_id
    dialog = open_window(display, stretch, theme)
    walk = dialog.walk
    try:
        texts = check_layout(dialog)
        assert "Start" in texts and any(f"{stretch.sets} sets of" in t for t in texts), texts
        if shoot:
            shoot(dialog, "intro")
        dialog.press(walk.next)
        texts = check_layout(dialog)
        assert "Get into position" in texts, texts
        dialog.press(walk.next)
        sides = ("Left side", "Right side") if stretch.two_sided else ("",)
        for number in (1, 2):
            for index, side in enumerate(sides):
                if index:  # the switch between the sides
                    texts = check_layout(dialog)
                    assert walk.session.phase is Phase.SWITCH and "Switch sides" in texts, texts
                    dialog.press(walk.next)
                texts = check_layout(dialog)
                assert f"Set {number} of {stretch.sets}" in texts, texts
                assert not side or any(t.startswith(side) for t in texts), texts
                if stretch.reps:
                    assert any(re.fullmatch(rf"\d+ of {stretch.reps} · breathe (in|out).*", t) for t in texts), texts
                else:
                    assert stretch.breath in texts, texts
                if shoot and number == 2:
                    shoot(dialog, "set")
                dialog.press(walk.next)
            texts = check_layout(dialog)
            assert walk.session.phase is Phase.REST, walk.session
            assert any(re.fullmatch(rf"Rest · 0:\d\d · Set {number + 1} next", t) for t in texts), texts
            if shoot and number == 1:
                shoot(dialog, "rest")
            dialog.press(walk.next)
        while walk.session.phase is not Phase.FEEDBACK:  # the last set, run to its end
            dialog.press(lambda now: walk.tick(now + 1000))
        texts = check_layout(dialog)
        assert [t for t in texts if t in ("Easy", "About right", "Too hard", "It hurt")] == [
            "Easy",
            "About right",
            "Too hard",
            "It hurt",
        ], texts
        if shoot:
            shoot(dialog, "feedback")
        dialog.feel(Feeling.RIGHT)
        texts = check_layout(dialog)
        assert walk.session.phase is Phase.DONE and "Close" in texts, texts
    finally:
        dialog.root.destroy()


def walk_levels(display: str, stretch_id: str, theme: str) -> None:
    """The easier and the harder version's own screens (their name, steps and amount,
    and the line that says why this version): the first two, checked."""
    stretch = load().get(stretch_id)
    assert stretch is not None and stretch.easier is not None and stretch.harder is not None, stretch_id
    for level, version in (("easier", stretch.easier), ("harder", stretch.harder)):
        dialog = open_window(display, stretch, theme, level)
        try:
            texts = check_layout(dialog)
            assert dialog.root.title() == f"qlbreak \u2014 {version.name}", dialog.root.title()
            assert any(t.startswith(f"The {level} version") for t in texts), texts
            dialog.press(dialog.walk.next)
            texts = check_layout(dialog)
            assert f"1.  {(version.steps or stretch.steps)[0]}" in texts, texts
        finally:
            dialog.root.destroy()
