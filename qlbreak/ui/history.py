"""The tray's "History…": what ``qlbreak history`` prints, in a small read-only window
(the parent reads the history and sends the lines). It answers nothing."""

from __future__ import annotations

import tkinter as tk

from qlbreak.ui.base import button, child_main, make_fonts, scale_of
from qlbreak.ui.spec import Spec
from qlbreak.ui.theme import named

APPNAME = "qlbreak-history"
TITLE = "qlbreak \u2014 History"


def show(root: tk.Tk, spec: Spec) -> None:
    lines = [str(line) for line in spec["lines"]]
    palette = named(spec["theme"])
    root.tk.call("tk", "appname", APPNAME)
    root.title(TITLE)
    root.configure(background=palette.bg)
    fonts = make_fonts(root)
    scale = scale_of(root)
    frame = tk.Frame(root, bg=palette.bg, padx=int(14 * scale), pady=int(12 * scale), name="history")
    frame.pack(fill="both", expand=True)
    tk.Label(frame, text="Your last two weeks", font=fonts.title, fg=palette.fg, bg=palette.bg, anchor="w").pack(
        fill="x", pady=(0, 6)
    )
    text = tk.Text(
        frame,
        name="lines",
        font=("TkFixedFont",),
        bg=palette.track,
        fg=palette.fg,
        relief="flat",
        wrap="none",
        width=min(100, max(40, *(len(line) + 2 for line in lines))),
        height=min(22, max(6, len(lines))),
        padx=8,
        pady=6,
        highlightthickness=0,
    )
    text.insert("1.0", "\n".join(lines))
    text.configure(state="disabled")  # read-only; still selectable and copyable
    text.pack(fill="both", expand=True)
    close = button(frame, "Close", root.destroy, palette, fonts, name="close", primary=True)
    close.pack(pady=(10, 0))
    close.focus_set()
    root.bind("<Escape>", lambda _e: root.destroy())
    root.update_idletasks()  # centred on the screen, as the other windows are
    w, h = root.winfo_reqwidth(), root.winfo_reqheight()
    root.geometry(f"+{max(0, (root.winfo_screenwidth() - w) // 2)}+{max(0, (root.winfo_screenheight() - h) // 2)}")


main = child_main("history", show)
