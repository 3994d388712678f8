"""The safety notice as Tk widgets: the first-run screen, the Safety link, "it hurt",
and the notice alone (``qlbreak safety``, the tray's Safety item)."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence
from tkinter import font as tkfont

from qlbreak.core.words import N_, _
from qlbreak.stretches import safety
from qlbreak.ui.base import Fonts, button, focus_soon, main_window, make_fonts, show_and_wait, spec_of, wrap_width
from qlbreak.ui.spec import Spec
from qlbreak.ui.theme import Palette, named


def notice(parent: tk.Misc, palette: Palette, fonts: Fonts, wrap: int, hurt: tuple[str, str] | None = None) -> tk.Frame:
    """A frame with the notice; after "it hurt", it leads with ``hurt`` instead
    (``safety.after_it_hurt``: stop, and what qlbreak does now)."""
    frame = tk.Frame(parent, background=palette.bg, name="notice")

    def text(words: str, font: tkfont.Font, colour: str = palette.fg, pady: int | tuple[int, int] = 2) -> None:
        tk.Label(
            frame, text=words, font=font, fg=colour, bg=palette.bg, wraplength=wrap, justify="left", anchor="w"
        ).pack(fill="x", pady=pady)

    if hurt is not None:
        stop, then = hurt
        text(stop, fonts.strong, palette.warn)
        text(then, fonts.body)
    else:
        text(_(safety.NOT_ADVICE), fonts.body)
        text(_(safety.STOP_IF_IT_HURTS), fonts.strong, palette.warn, pady=6)
    text(_(safety.EMERGENCY_TITLE), fonts.strong, pady=(6, 0))
    for item in safety.EMERGENCY:
        text(f"•  {_(item)}", fonts.small, pady=0)
    text(_(safety.SEE_DOCTOR_TITLE), fonts.strong, pady=(6, 0))
    for item in safety.SEE_DOCTOR:
        text(f"•  {_(item)}", fonts.small, pady=0)
    return frame


def open_safety(parent: tk.Misc, palette: Palette, fonts: Fonts, wrap: int) -> tk.Toplevel:
    """The notice in its own small window (the dialog's Safety link)."""
    top = tk.Toplevel(parent, background=palette.bg, name="safety", padx=16, pady=12)
    top.title(_("qlbreak — Safety"))
    notice(top, palette, fonts, wrap).pack(fill="both", expand=True)
    close = button(top, _("Close"), top.destroy, palette, fonts, primary=True, name="close")
    close.pack(pady=(10, 0))
    top.bind("<Escape>", lambda _e: top.destroy())
    top.bind("<Return>", lambda _e: top.destroy())
    close.focus_set()
    return top


FIRST_RUN = N_("Before your first stretch")  # headings: translated where shown
FROM_MENU = N_("Stretch safely")


def before_first_stretch(
    root: tk.Tk,
    palette: Palette,
    fonts: Fonts,
    on_accept: Callable[[], None],
    then: Callable[[], None],
    heading: str = FIRST_RUN,
) -> None:
    """The screen before the very first stretch: "I understand" (which holds the focus,
    and Return) calls ``on_accept`` and then ``then``; closing it asks again next time.
    ``heading``: FROM_MENU when asked for, where "first" would not be true."""

    def accepted() -> None:
        root.unbind("<Return>")
        on_accept()
        frame.destroy()
        then()

    root.title(_("qlbreak — Safety"))
    frame = tk.Frame(root, background=palette.bg, name="firstrun", padx=18, pady=14)
    tk.Label(frame, text=_(heading), font=fonts.title, fg=palette.fg, bg=palette.bg, anchor="w").pack(
        fill="x", pady=(0, 8)
    )
    notice(frame, palette, fonts, wrap_width(root)).pack(fill="both", expand=True)
    accept = button(frame, _("I understand"), accepted, palette, fonts, primary=True, name="accept")
    accept.pack(pady=(12, 0))
    frame.pack(fill="both", expand=True)
    grow_to(root, frame)
    focus_soon(accept)
    root.protocol("WM_DELETE_WINDOW", root.destroy)
    root.bind("<Escape>", lambda _e: root.destroy())
    root.bind("<Return>", lambda _e: accepted())


def grow_to(root: tk.Tk, frame: tk.Frame) -> None:
    """The notice (or the check-in's warning signs) is longer than a main window is
    tall: grow the window to it, so its buttons are never cut off (at once, not at
    Tk's next idle moment). Taller than the screen (a longer language on a small
    laptop): wider first, so the words take fewer lines; moved up when its foot would
    be below the screen's."""
    root.update_idletasks()
    width, height = (int(n) for n in root.geometry().split("+", 1)[0].split("x"))
    needed, room = frame.winfo_reqheight(), root.winfo_screenheight() - 40
    if needed > room and height > 1:
        wider = min(root.winfo_screenwidth() - 40, int(width * needed / room * 1.15))
        _rewrap(frame, wider - width)
        width = wider
        root.geometry(f"{width}x{height}")
        root.update_idletasks()
        needed = frame.winfo_reqheight()
    if needed > height > 1:
        height = min(needed, room)
        x, y = (int(n) for n in root.geometry().split("+")[1:3])  # as set, mapped or not yet
        root.geometry(
            f"{width}x{height}+{max(0, min(x, root.winfo_screenwidth() - width))}+{max(0, min(y, room - height))}"
        )
        root.update_idletasks()


def _rewrap(widget: tk.Misc, extra: int) -> None:
    """Every wrapped label in ``widget`` wraps ``extra`` pixels wider."""
    for child in widget.winfo_children():
        if isinstance(child, tk.Label) and (wrap := child.winfo_pixels(str(child.cget("wraplength")))) > 0:
            child.configure(wraplength=wrap + extra)
        _rewrap(child, extra)


def remember(safety_file: str, zone: str) -> None:
    """The user said "I understand": never show the notice first again (one line on
    stderr, and the notice again next time, when that cannot be written)."""
    import sys

    from qlbreak import clock
    from qlbreak.storage import consent

    try:
        consent.give(safety_file, clock.now(zone))
    except OSError as err:
        print(f"qlbreak: cannot remember the safety notice: {err}", file=sys.stderr)


def show_alone(spec: Spec) -> None:
    """``qlbreak safety`` and the tray's Safety item: the notice with "I understand",
    and nothing after it, headed as asked for (it may come after many stretches)."""
    root = main_window(named(spec["theme"]))
    zone = str(spec["timezone"])
    before_first_stretch(
        root,
        named(spec["theme"]),
        make_fonts(root),
        lambda: remember(spec["safety_file"], zone),
        root.destroy,
        heading=FROM_MENU,
    )
    show_and_wait(root)


def main(argv: Sequence[str] | None = None) -> int:
    import sys

    spec = spec_of("safety", argv)
    if spec is None:
        return 2
    try:
        show_alone(spec)
    except tk.TclError as err:
        print(f"qlbreak: cannot open a window: {err}", file=sys.stderr)
        return 2
    return 0
