"""Every stretch as a row in the settings window: its picture, its name, whether it is
in the rotation (and with what) and, when not, why ("on the floor", "needs a massage
ball", resting after "it hurt"); "Leave out" keeps a stretch out for good. The list
scrolls with the wheel and follows the keyboard focus; the pictures are decoded after
the window is up, one at a time."""

from __future__ import annotations

import os
import tkinter as tk
from collections.abc import Callable, Mapping, Sequence
from functools import partial

from qlbreak.core.picker import programme_only
from qlbreak.core.words import _, ngettext
from qlbreak.storage.tomlfile import Problem
from qlbreak.stretches.catalogue import Catalogue
from qlbreak.ui import form
from qlbreak.ui.base import Fonts, scale_of
from qlbreak.ui.illustration import image_file
from qlbreak.ui.theme import Palette

THUMB_SHRINK = 5  # a 360 x 240 frame becomes 72 x 48


def own_mistakes(errors: Sequence[Problem]) -> str:
    """What the stretches page says of one's own stretches that are left out for a mistake."""
    n, first = len(errors), errors[0].brief()
    if n == 1:
        return _("One of your own stretches is left out for a mistake: {problem}.").format(problem=first)
    return ngettext(
        # Translators: {problem}: the first mistake ("walk.toml line 3: ..."); the command stays as it is
        "{n} of your own stretches is left out for a mistake: {problem} (qlbreak config --check lists them all).",
        "{n} of your own stretches are left out for a mistake: {problem} (qlbreak config --check lists them all).",
        n,
    ).format(n=n, problem=first)


def standing_words(reason: str | None, things: str | None, until: str | None, left_out: bool) -> tuple[str, bool]:
    """What a row says under its name, and whether it is in the rotation (drawn in the
    accent colour). A strengthening exercise is said to be the programme's, not refused."""
    if left_out:
        return _("Left out: you chose to"), False
    if reason == programme_only():  # why_not's words, in the user's language
        return reason[:1].upper() + reason[1:], False
    if reason:
        # Translators: {reason}: why a stretch is left out ("on the floor, needs a chair")
        return _("Not offered: {reason}").format(reason=reason), False
    if until:
        # Translators: {day}: the day a stretch rated "it hurt" comes back ("Mon 7 Dec")
        return _("Resting until {day}: you said it hurt").format(day=until), False
    if things:
        # Translators: {things}: the equipment it is done with ("a door frame")
        return _("In your rotation, with {things}").format(things=things), True
    return _("In your rotation"), True


class StretchList:
    def __init__(
        self,
        parent: tk.Misc,
        stretches: Catalogue,
        avoid: frozenset[str],
        palette: Palette,
        fonts: Fonts,
        assets: str,
        changed: Callable[[], None],
    ) -> None:
        self.p, self.assets = palette, assets
        self.frame = tk.Frame(parent, bg=palette.bg, name="stretchlist")
        self.canvas = tk.Canvas(self.frame, bg=palette.bg, highlightthickness=0, bd=0, name="canvas")
        bar = tk.Scrollbar(
            self.frame,
            orient="vertical",
            command=self.canvas.yview,
            name="scroll",
            bg=palette.muted,
            activebackground=palette.fg,
            troughcolor=palette.track,
            highlightthickness=0,
            bd=0,
        )
        self.canvas.configure(yscrollcommand=bar.set)
        bar.pack(side="right", fill="y")
        self.canvas.pack(side="left", fill="both", expand=True)
        self.inner = tk.Frame(self.canvas, bg=palette.bg, name="rows")
        window = self.canvas.create_window(0, 0, window=self.inner, anchor="nw")
        self.inner.bind("<Configure>", lambda _e: self.canvas.configure(scrollregion=self.canvas.bbox("all")))
        self.canvas.bind("<Configure>", lambda e: self.canvas.itemconfigure(window, width=e.width))
        for sequence in ("<Button-4>", "<Button-5>", "<MouseWheel>"):
            self.canvas.bind_all(sequence, self._wheel, add="+")
        scale = scale_of(parent)
        self.double = scale >= 1.5
        size = (int(360 * scale) // THUMB_SHRINK, int(240 * scale) // THUMB_SHRINK)
        self.leave_out: dict[str, tk.BooleanVar] = {}
        self.why: dict[str, tk.Label] = {}
        self.pictures: dict[str, tk.Label] = {}
        self._images: dict[str, tk.PhotoImage] = {}
        for stretch in stretches:
            row = tk.Frame(self.inner, bg=palette.bg, name=stretch.id.replace(".", "-"))
            row.pack(fill="x", pady=2)
            picture = tk.Label(
                row, bitmap="gray12", foreground=palette.bg, bg=palette.bg, width=size[0], height=size[1], bd=0
            )
            picture.pack(side="left", padx=(0, 8))
            self.pictures[stretch.id] = picture
            var = tk.BooleanVar(row, value=stretch.id in avoid)
            box = form.check(row, _("Leave out"), var, palette, fonts, "leaveout", changed)
            box.configure(font=fonts.small)
            box.pack(side="right", padx=(8, 4))
            box.bind("<FocusIn>", partial(self._into_view, row))
            # a stretch of one's own, from the stretches folder
            name = _("{name} (your own)").format(name=stretch.name) if stretch.own else stretch.name
            tk.Label(row, text=name, font=fonts.strong, fg=palette.fg, bg=palette.bg, anchor="w", name="name").pack(
                fill="x"
            )
            why = tk.Label(
                row, text="", font=fonts.small, fg=palette.muted, bg=palette.bg, anchor="w", justify="left", name="why"
            )
            why.pack(fill="x")
            # wrapped to the room it has, never cut off (German's "not offered" runs longer)
            why.bind("<Configure>", lambda e: e.widget.configure(wraplength=max(1, e.width - 6)))
            self.leave_out[stretch.id], self.why[stretch.id] = var, why
        todo = [(s.id, s.image) for s in stretches]
        self.size = size
        self.frame.after_idle(self._decode, todo)

    @property
    def avoided(self) -> frozenset[str]:
        return frozenset(k for k, v in self.leave_out.items() if v.get())

    def explain(
        self, reasons: Mapping[str, str | None], used: Mapping[str, str | None], resting: Mapping[str, str]
    ) -> None:
        """Say, under each name, whether it is in the rotation (and with what), or why not;
        ``resting``: the day each stretch rated "it hurt" is offered again."""
        for stretch_id, label in self.why.items():
            reason, things, until = reasons.get(stretch_id), used.get(stretch_id), resting.get(stretch_id)
            text, inside = standing_words(reason, things, until, self.leave_out[stretch_id].get())
            label.configure(text=text, fg=self.p.accent if inside else self.p.muted)

    def _decode(self, todo: list[tuple[str, str]]) -> None:
        if not todo or not self.frame.winfo_exists():
            return
        stretch_id, image = todo[0]
        path = image_file(image, self.p.name == "dark", self.double, self.assets)
        try:
            strip = tk.PhotoImage(master=self.frame, file=path) if os.path.isfile(path) else None
        except tk.TclError:  # a user's own picture that is no picture after all: none shown
            strip = None
        if strip is not None:
            height = strip.height()
            width = min(strip.width(), height * 3 // 2)  # the first frame of a moving one
            # a user's own photo may be any size: shrunk to the row's (the shipped ones: THUMB_SHRINK)
            shrink = max(THUMB_SHRINK, -(-width // self.size[0]), -(-height // self.size[1]))
            thumb = tk.PhotoImage(master=self.frame)
            thumb.tk.call(thumb, "copy", strip, "-from", 0, 0, width, height, "-subsample", shrink)
            self._images[stretch_id] = thumb
            self.pictures[stretch_id].configure(image=thumb, width=0, height=0)
        self.frame.after(1, self._decode, todo[1:])

    def _into_view(self, row: tk.Frame, _event: object = None) -> None:
        self.canvas.update_idletasks()
        total = max(1, self.inner.winfo_height())
        top, bottom = row.winfo_y() / total, (row.winfo_y() + row.winfo_height()) / total
        first, last = self.canvas.yview()
        if top < first:
            self.canvas.yview_moveto(top)
        elif bottom > last:
            self.canvas.yview_moveto(bottom - (last - first))

    def _wheel(self, event: tk.Event[tk.Misc]) -> None:
        if not self.canvas.winfo_ismapped():
            return
        if event.num == 4 or getattr(event, "delta", 0) > 0:
            self.canvas.yview_scroll(-2, "units")
        else:
            self.canvas.yview_scroll(2, "units")


def count_words(rotation: int, reminded: int, resting: int) -> str:
    """How many stretches the rotation holds, of those reminders offer, and how many rest."""
    if resting:
        # Translators: "Leave out" is the check box by each stretch in the list below.
        text = ngettext(
            "{rotation} of {reminded} in your rotation, {resting} resting after it hurt."
            " Tick Leave out to never be offered one.",
            "{rotation} of {reminded} in your rotation, {resting} resting after it hurt."
            " Tick Leave out to never be offered one.",
            resting,
        )
    else:
        # Translators: "Leave out" is the check box by each stretch in the list below.
        text = ngettext(
            "{rotation} of {reminded} in your rotation. Tick Leave out to never be offered one.",
            "{rotation} of {reminded} in your rotation. Tick Leave out to never be offered one.",
            reminded,
        )
    return text.format(rotation=rotation, reminded=reminded, resting=resting)
