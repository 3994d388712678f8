"""The safety notice as Tk widgets: the first-run screen, the Safety link, "it hurt"."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from tkinter import font as tkfont

from qlbreak.stretches import safety
from qlbreak.ui.base import Fonts, button, focus_soon
from qlbreak.ui.theme import Palette


def notice(parent: tk.Misc, palette: Palette, fonts: Fonts, wrap: int, hurt: bool = False) -> tk.Frame:
    """A frame with the notice; ``hurt`` leads with the stop advice and the 14-day rest."""
    frame = tk.Frame(parent, background=palette.bg, name="notice")

    def text(words: str, font: tkfont.Font, colour: str = palette.fg, pady: int | tuple[int, int] = 2) -> None:
        tk.Label(
            frame, text=words, font=font, fg=colour, bg=palette.bg, wraplength=wrap, justify="left", anchor="w"
        ).pack(fill="x", pady=pady)

    if hurt:
        text(safety.STOP_IF_IT_HURTS, fonts.strong, palette.warn)
        text(safety.HURT_REST_NOTE, fonts.body)
    else:
        text(safety.NOT_ADVICE, fonts.body)
        text(safety.STOP_IF_IT_HURTS, fonts.strong, palette.warn, pady=6)
    text(safety.EMERGENCY_TITLE, fonts.strong, pady=(6, 0))
    for item in safety.EMERGENCY:
        text(f"•  {item}", fonts.small, pady=0)
    text(safety.SEE_DOCTOR_TITLE, fonts.strong, pady=(6, 0))
    for item in safety.SEE_DOCTOR:
        text(f"•  {item}", fonts.small, pady=0)
    return frame


def open_safety(parent: tk.Misc, palette: Palette, fonts: Fonts, wrap: int) -> tk.Toplevel:
    """The notice in its own small window (the dialog's Safety link)."""
    top = tk.Toplevel(parent, background=palette.bg, name="safety", padx=16, pady=12)
    top.title("qlbreak — Safety")
    notice(top, palette, fonts, wrap).pack(fill="both", expand=True)
    close = button(top, "Close", top.destroy, palette, fonts, primary=True, name="close")
    close.pack(pady=(10, 0))
    top.bind("<Escape>", lambda _e: top.destroy())
    top.bind("<Return>", lambda _e: top.destroy())
    close.focus_set()
    return top


def first_run(root: tk.Tk, palette: Palette, fonts: Fonts, wrap: int, on_accept: Callable[[], None]) -> tk.Frame:
    """The screen before the very first stretch; "I understand" holds the focus."""
    root.title("qlbreak — Safety")
    frame = tk.Frame(root, background=palette.bg, name="firstrun", padx=18, pady=14)
    tk.Label(frame, text="Before your first stretch", font=fonts.title, fg=palette.fg, bg=palette.bg, anchor="w").pack(
        fill="x", pady=(0, 8)
    )
    notice(frame, palette, fonts, wrap).pack(fill="both", expand=True)
    accept = button(frame, "I understand", on_accept, palette, fonts, primary=True, name="accept")
    accept.pack(pady=(12, 0))
    frame.pack(fill="both", expand=True)
    focus_soon(accept)
    return frame
