"""qlbreak's own tray menu, for pystray's X11 backend, which has none.

A child process of the tray (``ui/spec.py``): it shows the entries
core/tray_view.py made beside the icon (never over it), answers the chosen action
and exits. Like a
Tk menu it grabs the pointer, so a click anywhere else closes it; so do Escape and a
quiet minute. Up/Down and Return work as in any menu.
"""

from __future__ import annotations

import contextlib
import sys
import tkinter as tk
from typing import Any

from qlbreak.core.words import N_, _
from qlbreak.ui.base import Fonts, child_main, make_fonts, scale_of
from qlbreak.ui.spec import Spec, answer
from qlbreak.ui.theme import Palette, named

APPNAME = "qlbreak-menu"
TITLE = N_("qlbreak \u2014 menu")  # translated where shown; the entries come in the user's words
IDLE_MS = 60_000
GAP = 4  # pixels (at 96 dpi) between the icon and the menu
GUESS = 32  # the icon's side (at 96 dpi) around the pointer when the tray did not say where it is

Box = tuple[int, int, int, int]  # x, y, width, height


def show(root: tk.Tk, spec: Spec) -> None:
    entries, x, y = list(spec["entries"]), int(spec["x"]), int(spec["y"])
    icon, where = spec.get("icon"), None  # the icon's place, when the tray knows it
    if isinstance(icon, list | tuple) and len(icon) == 4:
        ix, iy, iw, ih = (int(v) for v in icon)
        where = (ix, iy, iw, ih)
    Menu(root, named(spec["theme"]), entries).show_at(x, y, where)


def beside(size: tuple[int, int], screen: tuple[int, int], icon: Box, gap: int) -> tuple[int, int]:
    """Where the menu's top-left corner goes: below an icon in the top half of the
    screen, above one in the bottom half, on the side of it where there is room if
    neither fits; aligned with its left edge, or its right edge near the screen's
    right; always on screen, never over the icon (unless the screen is too small)."""
    (w, h), (sw, sh), (ix, iy, iw, ih) = size, screen, icon
    x = ix if ix + w <= sw else ix + iw - w
    x = max(0, min(x, sw - w))
    below, above = iy + ih + gap, iy - gap - h
    room_below, room_above = sh - below >= h, above >= 0
    if room_below and (iy + ih // 2 < sh // 2 or not room_above):
        return x, below
    if room_above:
        return x, above
    # too tall for either: beside the icon, as high as it fits
    y = max(0, min(iy, sh - h))
    right, left = ix + iw + gap, ix - gap - w
    if right + w <= sw:
        return right, y
    return (left, y) if left >= 0 else (max(0, sw - w), y)


class Menu:
    def __init__(self, root: tk.Tk, palette: Palette, entries: list[dict[str, Any]]) -> None:
        self.root, self.palette = root, palette
        root.tk.call("tk", "appname", APPNAME)
        root.title(_(TITLE))
        root.overrideredirect(True)
        root.withdraw()  # else measuring it maps it at the top left first, for a moment
        self.fonts: Fonts = make_fonts(root)
        self.scale = scale_of(root)
        self.frame = tk.Frame(root, background=palette.bg, highlightthickness=1, highlightbackground=palette.muted)
        self.frame.pack(fill="both", expand=True)
        self.items: list[tk.Label] = []
        for entry in entries:
            self._add(entry, indent=0)
        root.bind("<Escape>", lambda _e: self.close())
        root.bind("<Down>", lambda _e: self._move(1))
        root.bind("<Up>", lambda _e: self._move(-1))
        root.bind("<ButtonPress>", self._outside, add="+")
        root.after(IDLE_MS, self.close)

    def _add(self, entry: dict[str, Any], indent: int) -> None:
        p, pad = self.palette, int(6 * self.scale)
        text = str(entry["label"])
        if entry.get("checked") is not None:
            text = ("\u2611 " if entry["checked"] else "\u2610 ") + text  # a ticked or empty box
        action, children = entry.get("action"), entry.get("children") or []
        font = self.fonts.strong if entry.get("default") else self.fonts.body
        active = bool(action)
        label = tk.Label(
            self.frame,
            text=text,
            font=font if active or not children else self.fonts.small,
            fg=p.fg if active else p.muted,
            bg=p.bg,
            anchor="w",
            padx=int(14 * self.scale) + indent,
            pady=pad // 2 + 1,
            takefocus=active,
        )
        label.pack(fill="x")
        if active:
            self._activate(label, str(action))
        for child in children:
            self._add(child, indent=indent + int(14 * self.scale))

    def _activate(self, label: tk.Label, action: str) -> None:
        """Focus follows the pointer and the arrows; a click, Return or Space chooses."""
        p = self.palette
        self.items.append(label)
        label.bind("<Enter>", lambda _e: label.focus_set())
        label.bind("<FocusIn>", lambda _e: label.configure(bg=p.track))
        label.bind("<FocusOut>", lambda _e: label.configure(bg=p.bg))
        for sequence in ("<ButtonRelease-1>", "<Return>", "<space>"):
            label.bind(sequence, lambda _e: self.choose(action))

    def show_at(self, x: int, y: int, icon: Box | None = None) -> None:
        """Open beside the icon (at the pointer, the click's place, a guess of it when
        the tray did not say), so the icon stays in sight."""
        root = self.root
        root.update_idletasks()
        size = root.winfo_reqwidth(), root.winfo_reqheight()
        screen = root.winfo_screenwidth(), root.winfo_screenheight()
        if icon is None:
            side = int(GUESS * self.scale)
            icon = (x - side // 2, y - side // 2, side, side)
        left, top = beside(size, screen, icon, int(GAP * self.scale))
        root.geometry(f"+{left}+{top}")
        root.deiconify()
        root.wait_visibility()
        with contextlib.suppress(tk.TclError):  # another app holds a grab: no outside-click close
            root.grab_set_global()
        root.focus_force()
        if self.items:
            self.items[0].focus_set()

    def choose(self, action: str) -> None:
        answer(action)
        self.close()

    def close(self) -> None:
        with contextlib.suppress(tk.TclError):
            self.root.grab_release()
            self.root.destroy()

    def _move(self, step: int) -> None:
        if not self.items:
            return
        focused = self.root.focus_get()
        index = next((i for i, item in enumerate(self.items) if item is focused), -step)
        self.items[(index + step) % len(self.items)].focus_set()

    def _outside(self, event: tk.Event[tk.Misc]) -> None:
        root = self.root
        x, y = event.x_root - root.winfo_rootx(), event.y_root - root.winfo_rooty()
        if not (0 <= x < root.winfo_width() and 0 <= y < root.winfo_height()):
            self.close()


main = child_main("menu", show)

if __name__ == "__main__":
    sys.exit(main(None))
