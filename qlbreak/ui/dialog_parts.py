"""Pieces of the stretch window's screens that need no state of its own: the ring
round the countdown, the choice of a hold's length, the window grown to fit its
screen, and lines whose words vary by case (``ui/dialog.py`` uses them)."""

from __future__ import annotations

import functools
import tkinter as tk
from collections.abc import Callable, Iterable, Sequence

from qlbreak.core.session import Side
from qlbreak.core.words import _
from qlbreak.stretches import wording
from qlbreak.ui.base import Fonts, button
from qlbreak.ui.theme import Palette


def draw_ring(ring: tk.Canvas, palette: Palette, scale: float, progress: float) -> None:
    """The track, and the arc gone round so far (``progress``: 0 to 1), clockwise from the top."""
    size = int(ring["width"])
    pad = int(10 * scale)
    width = max(4, int(9 * scale))
    ring.delete("all")
    ring.create_oval(pad, pad, size - pad, size - pad, outline=palette.track, width=width)
    if progress > 0:
        extent = -359.9 * progress
        ring.create_arc(
            pad, pad, size - pad, size - pad, start=90, extent=extent, style="arc", outline=palette.accent, width=width
        )


def hold_choice(
    body: tk.Misc, palette: Palette, fonts: Fonts, span: tuple[int, int], chosen: int, pick: Callable[[int], None]
) -> None:
    """The source's range as three choices (low, middle, high), the chosen one lit."""
    row = tk.Frame(body, background=palette.bg, name="holdrange")
    row.pack(fill="x", pady=(2, 2))
    tk.Label(row, text=_("Hold each side for"), font=fonts.small, fg=palette.fg, bg=palette.bg).pack(
        side="left", padx=(0, 6)
    )
    low, high = span
    for seconds in sorted({low, (low + high) // 2, high}):
        choice = button(
            row,
            wording.clock(seconds),
            functools.partial(pick, seconds),
            palette,
            fonts,
            name=f"hold{seconds}",
            primary=seconds == chosen,
        )
        choice.configure(font=fonts.small, padx=6, pady=1)
        choice.pack(side="left", padx=(0, 4))


def fit(root: tk.Tk, frame: tk.Frame) -> None:
    """Grow the window when this screen's words need more height than it has (a
    long caution at 200%), so the buttons and the footer are never cut off.

    The new size is applied and laid out before this returns: Tk would do it at its
    next idle moment, and until then the screen is squeezed into the old size (the
    footer unmapped), which is what anything asking in between would see. As the
    safety notice's screens do (``safety.grow_to``: wider, then higher, kept on screen)."""
    from qlbreak.ui.safety import grow_to

    grow_to(root, frame)


def chars_for(labels: Iterable[str | tuple[str, object]], least: int, most: int | None = None) -> int:
    """How many characters wide a row of buttons is: its longest label in the user's
    language (German runs longer; a Tk button cuts what does not fit), never less than
    ``least`` (English's widths); longer than ``most``, 0: each as wide as its words (four
    German feelings at one long width would not fit the window). ``labels``: N_-marked
    words, or (words, value) pairs."""
    words = [label if isinstance(label, str) else label[0] for label in labels]
    longest = max(len(_(w)) for w in words)
    return 0 if most is not None and longest > most else max(least, longest)


def needs_line(equipment: Sequence[str], optional: Sequence[str]) -> str:
    """ "You need: a steady chair (a cushion helps)": the alternatives joined with "or"."""
    # Translators: joins the things a stretch can be done with: "a chair or a stool" (mind the spaces)
    either = _(" or ")
    needs = either.join(_(wording.EQUIPMENT[e]) for e in equipment)
    if optional:
        helps = either.join(_(wording.EQUIPMENT[e]) for e in optional)
        # Translators: {needs}: what the stretch needs; {helps}: what helps with it, if it is to hand
        return _("You need: {needs} ({helps} helps)").format(needs=needs, helps=helps)
    return _("You need: {needs}").format(needs=needs)


def side_words(side: Side, meaning: str) -> str:
    """The hold's "Left side: left arm up" (``meaning``: the stretch's words for that
    side, maybe none), one whole line for each side."""
    if side is Side.LEFT:
        # Translators: {words}: what the left side means in this stretch ("left arm up, lean to the right")
        return _("Left side: {words}").format(words=meaning) if meaning else _("Left side")
    # Translators: {words}: what the right side means in this stretch ("right arm up, lean to the left")
    return _("Right side: {words}").format(words=meaning) if meaning else _("Right side")
