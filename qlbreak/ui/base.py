"""Small Tk helpers the windows share: fonts that follow the system scaling, buttons."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence
from tkinter import font as tkfont

from qlbreak.core.record import TYPE_CHECKING, Record

if TYPE_CHECKING:
    from typing import Any

from qlbreak.ui.theme import Palette


class Fonts(Record):
    body: tkfont.Font
    small: tkfont.Font
    strong: tkfont.Font
    title: tkfont.Font
    huge: tkfont.Font  # the countdown


def make_fonts(root: tk.Misc) -> Fonts:
    """Sizes in points, so Tk scales them with the display (100%, 200%, ...).

    The default font's settings are read, not resolved: asking for its ``actual``
    form would load it (~9 ms) only to learn what the widgets load anyway.
    """
    family = str(root.tk.call("font", "configure", "TkDefaultFont", "-family"))
    configured = int(root.tk.call("font", "configure", "TkDefaultFont", "-size"))
    # A negative size is in pixels (X11's default is -12): points = pixels * 0.75 at 96 dpi.
    size = max(10, round(-configured * 0.75) if configured < 0 else configured)
    return Fonts(
        body=tkfont.Font(root=root, family=family, size=size),
        small=tkfont.Font(root=root, family=family, size=size - 1),
        strong=tkfont.Font(root=root, family=family, size=size, weight="bold"),
        title=tkfont.Font(root=root, family=family, size=size + 5, weight="bold"),
        huge=tkfont.Font(root=root, family=family, size=size * 3, weight="bold"),
    )


def button(
    parent: tk.Misc,
    text: str,
    command: Callable[[], object],
    palette: Palette,
    fonts: Fonts,
    primary: bool = False,
    name: str | None = None,
) -> tk.Button:
    """A flat button that shows keyboard focus and answers Return and Space."""
    bg, fg = (palette.accent, palette.on_accent) if primary else (palette.track, palette.fg)
    font = fonts.strong if primary else fonts.body
    return _flat(parent, text, command, palette, font, bg, fg, name, pad=(14, 6), ring=2)


def link(
    parent: tk.Misc, text: str, command: Callable[[], object], palette: Palette, fonts: Fonts, name: str
) -> tk.Button:
    """Looks like a link, but Tab reaches it and Return opens it."""
    return _flat(parent, text, command, palette, fonts.small, palette.bg, palette.accent, name, pad=(0, 0), ring=1)


def _flat(
    parent: tk.Misc,
    text: str,
    command: Callable[[], object],
    palette: Palette,
    font: tkfont.Font,
    bg: str,
    fg: str,
    name: str | None,
    pad: tuple[int, int],
    ring: int,
) -> tk.Button:
    b = tk.Button(
        parent,
        text=text,
        command=command,
        name=name,
        font=font,
        bg=bg,
        fg=fg,
        activebackground=bg,
        activeforeground=fg,
        relief="flat",
        bd=0,
        padx=pad[0],
        pady=pad[1],
        highlightthickness=ring,
        highlightcolor=palette.fg,
        highlightbackground=palette.bg,
        cursor="hand2",
        takefocus=True,
    )
    b.bind("<Return>", lambda _e: b.invoke())
    b.bind("<KP_Enter>", lambda _e: b.invoke())
    return b


def focus_soon(widget: tk.Misc) -> None:
    """Give ``widget`` the keyboard focus, now or as soon as its window is mapped.

    Before the window is on screen Tk neither moves the focus nor remembers the
    request, so a default button would lose the focus to the window itself.
    """
    top = widget.winfo_toplevel()
    if top.winfo_ismapped():
        widget.focus_set()
        return

    def mapped(event: tk.Event) -> None:  # type: ignore[type-arg]
        if event.widget is top:
            top.unbind("<Map>")
            if widget.winfo_exists():
                widget.focus_force()

    top.bind("<Map>", mapped)


def run_child(argv: Sequence[str] | None, module: str, show: Callable[[tk.Tk, dict[str, Any]], None]) -> int:
    """A small child window's life: its JSON spec from the command line, a Tk root,
    ``show`` (which reads the spec: KeyError, TypeError or ValueError mean a bad
    one), then the loop. Exit 2, with the reason on stderr, when any step fails."""
    import json
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        spec = json.loads(args[0])
        if not isinstance(spec, dict):
            raise ValueError("not a JSON object")
    except (IndexError, ValueError) as err:
        print(f"usage: python -m {module} JSON ({err})", file=sys.stderr)
        return 2
    try:
        root = tk.Tk(className="Qlbreak")
    except tk.TclError as err:
        print(f"qlbreak: cannot open a window: {err}", file=sys.stderr)
        return 2
    try:
        show(root, spec)
    except (KeyError, TypeError, ValueError) as err:
        print(f"qlbreak: {module}: a wrong spec: {err!r}", file=sys.stderr)
        root.destroy()
        return 2
    root.mainloop()
    return 0
