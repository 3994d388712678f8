"""The reminder's own small prompt: "Time for a stretch: <name>" with Start, Snooze,
Skip today. A child process of the tray (``ui/spec.py``) that answers the chosen
action (``stretch``, ``snooze`` or ``skip``: core/commands.py's names) and exits.

Notification buttons are unreliable across desktops, so this window carries the
choices. It sits in a screen corner near the tray, never takes the keyboard focus
from the user's work (it is not managed by the window manager, like a notification
bubble), and closes itself when the reminder's grace window ends.
"""

from __future__ import annotations

import sys
import tkinter as tk

from qlbreak.core.words import N_, _, ngettext
from qlbreak.ui.base import button, child_main, make_fonts, scale_of
from qlbreak.ui.spec import Spec, answer
from qlbreak.ui.theme import Palette, named

APPNAME = "qlbreak-prompt"
TITLE = N_("qlbreak \u2014 Time for a stretch")  # translated where shown
LEAD = N_("Time for a stretch")  # the small line above the name; a catch-up says it missed one
MARGIN = 16


def show(root: tk.Tk, spec: Spec) -> None:
    name, snooze, seconds = str(spec["name"]), int(spec["snooze"]), float(spec["seconds"])
    build(root, named(spec["theme"]), name, str(spec["summary"]), snooze, str(spec.get("lead") or ""))
    icon = spec["icon"]
    place(root, str(spec["corner"]), tuple(map(int, icon)) if icon else None)
    root.after(max(1000, int(seconds * 1000)), root.destroy)


def choose(root: tk.Tk, action: str) -> None:
    answer(action)
    root.destroy()


def build(root: tk.Tk, palette: Palette, name: str, summary: str, snooze: int, lead: str = "") -> None:
    root.tk.call("tk", "appname", APPNAME)
    root.title(_(TITLE))
    root.overrideredirect(True)  # a notification bubble: no focus taken, no taskbar entry
    root.attributes("-topmost", True)
    scale = scale_of(root)
    fonts = make_fonts(root)
    p = palette
    frame = tk.Frame(
        root,
        background=p.bg,
        padx=int(16 * scale),
        pady=int(12 * scale),
        highlightthickness=1,
        highlightbackground=p.muted,
        name="prompt",
    )
    frame.pack(fill="both", expand=True)
    tk.Label(frame, text=lead or _(LEAD), font=fonts.small, fg=p.muted, bg=p.bg, anchor="w").pack(fill="x")
    tk.Label(frame, text=name, font=fonts.title, fg=p.fg, bg=p.bg, anchor="w", name="name").pack(fill="x")
    if summary:
        text = tk.Label(frame, text=summary, font=fonts.body, fg=p.fg, bg=p.bg, anchor="w", justify="left")
        text.configure(wraplength=int(300 * scale))
        text.pack(fill="x", pady=(int(2 * scale), 0))
    row = tk.Frame(frame, background=p.bg)
    row.pack(fill="x", pady=(int(10 * scale), 0))
    gap = int(6 * scale)
    button(row, _("Start"), lambda: choose(root, "stretch"), p, fonts, primary=True, name="start").pack(side="left")
    # Translators: a button: remind again in {minutes} minutes
    later = ngettext("Snooze {minutes} min", "Snooze {minutes} min", snooze).format(minutes=snooze)
    button(row, later, lambda: choose(root, "snooze"), p, fonts, name="snooze").pack(side="left", padx=(gap, 0))
    button(row, _("Skip today"), lambda: choose(root, "skip"), p, fonts, name="skip").pack(side="left", padx=(gap, 0))


def place(root: tk.Tk, corner: str, icon: tuple[int, ...] | None = None) -> None:
    """By the tray icon when its place is known (below it on a top panel, above it on a
    bottom one); else in the corner where the tray usually is (bottom right on Windows)."""
    root.update_idletasks()
    scale = scale_of(root)
    w, h = root.winfo_reqwidth(), root.winfo_reqheight()
    sw, sh = root.winfo_screenwidth(), root.winfo_screenheight()
    margin = int(MARGIN * scale)
    if icon is not None and len(icon) == 4:
        ix, iy, iw, ih = icon
        x = min(max(margin, ix + iw - w), sw - w - margin)
        y = iy + ih + margin // 2 if iy + ih // 2 < sh // 2 else iy - h - margin // 2
    else:
        top = int(40 * scale)  # clear of a panel
        x = sw - w - margin
        y = sh - h - margin - top if corner == "bottom-right" else top
    root.geometry(f"+{max(0, x)}+{max(0, min(y, sh - h))}")


main = child_main("prompt", show)

if __name__ == "__main__":
    sys.exit(main(None))
