"""What every qlbreak window shares: fonts and a scale that follow the display, flat
buttons that answer the keyboard, and a child window's start."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from tkinter import font as tkfont
from types import TracebackType

from qlbreak.ui.spec import Spec, SpecError, read
from qlbreak.ui.theme import Palette

WIDTH, HEIGHT = 440, 560  # a main window (the stretch, the safety notice) at 100% scaling
APPNAME = "qlbreak-dialog"  # tests find a main window's widgets through Tk's send


@dataclass(frozen=True, slots=True)
class Fonts:
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
    name: str,
    primary: bool = False,
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
    name: str,
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

    def mapped(event: tk.Event[tk.Misc]) -> None:
        if event.widget is top:
            top.unbind("<Map>")
            if widget.winfo_exists():
                widget.focus_force()

    top.bind("<Map>", mapped)


def scale_of(root: tk.Misc) -> float:
    """The display's scaling against 96 dpi (1.0 at 100%, 2.0 at 200%); never below 1."""
    return max(1.0, root.winfo_fpixels("1i") / 96)


def child_main(window: str, show: Callable[[tk.Tk, Spec], None]) -> Callable[[Sequence[str] | None], int]:
    """The ``main`` of a small child window: ``run_child`` with ``show``."""

    def main(argv: Sequence[str] | None = None) -> int:
        return run_child(window, argv, show)

    return main


def spec_of(window: str, argv: Sequence[str] | None) -> Spec | None:
    """The spec a window process was started with (``sys.argv`` when ``argv`` is None);
    None, with the reason on stderr, when it is not one."""
    import sys

    try:
        return read(window, sys.argv[1:] if argv is None else argv)
    except SpecError as err:
        print(f"qlbreak: the {window} window was started wrongly: {err}", file=sys.stderr)
        return None


def run_child(window: str, argv: Sequence[str] | None, show: Callable[[tk.Tk, Spec], None]) -> int:
    """A small child window's life: its spec (``ui/spec.py``), a Tk root, ``show``
    (which reads the spec: KeyError, TypeError or ValueError mean a bad one), then the
    loop. Exit 2, with the reason on stderr, when any step fails."""
    import sys

    spec = spec_of(window, argv)
    if spec is None:
        return 2
    try:
        root = tk.Tk(className="Qlbreak")
    except tk.TclError as err:
        print(f"qlbreak: cannot open a window: {err}", file=sys.stderr)
        return 2
    try:
        show(root, spec)
    except (KeyError, TypeError, ValueError) as err:
        print(f"qlbreak: the {window} window: a wrong spec: {err!r}", file=sys.stderr)
        root.destroy()
        return 2
    root.mainloop()
    return 0


def wrap_width(root: tk.Misc) -> int:
    """Where text wraps in a main window."""
    return int((WIDTH - 48) * scale_of(root))


def main_window(
    palette: Palette,
    size: tuple[int, int] = (WIDTH, HEIGHT),
    appname: str = APPNAME,
    min_size: tuple[int, int] = (360, 440),
    root: tk.Tk | None = None,
) -> tk.Tk:
    """The root of a main window: ``size`` (440 x 560) at 100%, centred on the screen
    that has the pointer; file errors in its callbacks are one line, a bug a traceback.
    ``root``: one made earlier (a warm stretch window's), else a new one."""
    root = root if root is not None else tk.Tk(className="Qlbreak")
    root.report_callback_exception = _report
    root.tk.call("tk", "appname", appname)
    root.configure(background=palette.bg)
    scale = scale_of(root)
    w, h = int(size[0] * scale), int(size[1] * scale)
    sw, sh = root.winfo_screenwidth(), root.winfo_screenheight()
    px, _ = root.winfo_pointerxy()
    # Side-by-side monitors report one wide screen: centre on the half with the pointer.
    if sw >= 2 * sh and px >= 0:
        half = sw // 2
        x = (half - w) // 2 + (half if px >= half else 0)
    else:
        x = (sw - w) // 2
    root.geometry(f"{w}x{h}+{max(0, x)}+{max(0, (sh - h) // 2)}")
    root.minsize(int(min_size[0] * scale), int(min_size[1] * scale))
    return root


def show_and_wait(root: tk.Tk) -> None:
    """Raised once as it opens; never kept on top."""
    root.lift()
    root.mainloop()


def _report(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    import sys

    from qlbreak.storage.history import HistoryError  # here: only an error pays for sqlite3

    if isinstance(error, (OSError, HistoryError)):
        print(f"qlbreak: {error}", file=sys.stderr)
        return
    import traceback

    traceback.print_exception(kind, error, trace)
