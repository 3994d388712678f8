"""qlbreak's own tooltip, for X11 trays, which show none: the tray's title (what comes
next, a snooze, a pause, a held reminder and why) in a small box by the icon.

A child process of the tray (``ui/spec.py``), started when the pointer has rested
on the icon for half a second and ended when it leaves; it takes no focus and goes
by itself after ``SHOWN_MS``.
"""

from __future__ import annotations

import sys
import tkinter as tk

from qlbreak.core.words import _
from qlbreak.ui.base import child_main, make_fonts, scale_of
from qlbreak.ui.spec import Spec
from qlbreak.ui.theme import named

APPNAME = "qlbreak-tooltip"
SHOWN_MS = 10_000
GAP = 6


def show(root: tk.Tk, spec: Spec) -> None:
    p = named(spec["theme"])
    root.tk.call("tk", "appname", APPNAME)
    root.title(_("qlbreak \u2014 tooltip"))  # the text comes in the user's words
    root.overrideredirect(True)
    root.attributes("-topmost", True)
    scale = scale_of(root)
    fonts = make_fonts(root)
    label = tk.Label(
        root,
        text=str(spec["text"]),
        font=fonts.small,
        fg=p.fg,
        bg=p.bg,
        padx=int(8 * scale),
        pady=int(4 * scale),
        highlightthickness=1,
        highlightbackground=p.muted,
        name="text",
    )
    label.pack()
    place(root, spec["icon"])
    root.after(SHOWN_MS, root.destroy)


def place(root: tk.Tk, icon: object) -> None:
    """Below the icon on a top panel, above it on a bottom one; right edges aligned."""
    root.update_idletasks()
    w, h = root.winfo_reqwidth(), root.winfo_reqheight()
    sw, sh = root.winfo_screenwidth(), root.winfo_screenheight()
    gap = int(GAP * scale_of(root))
    if isinstance(icon, list | tuple) and len(icon) == 4:
        ix, iy, iw, ih = (int(v) for v in icon)
        x = min(max(0, ix + iw - w), sw - w)
        y = iy + ih + gap if iy + ih // 2 < sh // 2 else iy - h - gap
    else:
        x, y = root.winfo_pointerx() - w // 2, root.winfo_pointery() + 2 * gap
    root.geometry(f"+{max(0, min(x, sw - w))}+{max(0, min(y, sh - h))}")


main = child_main("tooltip", show)

if __name__ == "__main__":
    sys.exit(main(None))
