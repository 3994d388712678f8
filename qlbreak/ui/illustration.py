"""The stretch picture in the dialog: the right file for the theme and the display
scaling, mirrored for the right side, and played as a loop when the stretch moves."""

from __future__ import annotations

import os
import tkinter as tk

FRAME_MS = 140  # one frame of a walk; slower movements set ``cycle_ms``


def image_file(image: str, dark: bool, double: bool, assets: str) -> str:
    """``stretches/x.png`` -> ``stretches/x-dark@2x.png`` and so on, falling back to 1x."""
    stem = os.path.splitext(image)[0]
    suffix = "-dark" if dark else ""
    for tag in ("@2x", "") if double else ("",):
        path = os.path.join(assets, f"{stem}{suffix}{tag}.png")
        if os.path.isfile(path):
            return path
    return os.path.join(assets, image)


def _fitted(master: tk.Misc, path: str, size: tuple[int, int]) -> tk.PhotoImage | None:
    """The picture at ``path``, shrunk to fit ``size`` when larger (a user's own photo;
    the shipped pictures are drawn at the size shown); None when missing or unreadable:
    a picture never stops a stretch."""
    if not os.path.isfile(path):
        return None
    try:
        strip = tk.PhotoImage(master=master, file=path)
    except tk.TclError:
        return None
    width, height = min(strip.width(), strip.height() * 3 // 2), strip.height()  # one frame of a strip
    shrink = max(-(-height // max(1, size[1])), -(-width // max(1, size[0])))
    if shrink <= 1:
        return strip
    small = tk.PhotoImage(master=master)
    small.tk.call(small, "copy", strip, "-subsample", shrink, shrink)
    return small


class Illustration:
    """A Label showing one stretch; ``show(mirrored, moving)`` picks side and motion."""

    def __init__(self, parent: tk.Misc, background: str) -> None:
        self.label = tk.Label(parent, bd=0, background=background, name="illustration")
        self._frames: dict[tuple[bool, int], tk.PhotoImage] = {}
        self._strip: tk.PhotoImage | None = None
        self._index = 0
        self._job: str | None = None
        self._mirrored = self._moving = False
        self._background = background
        self.cycle_ms: int | None = None  # one full movement there and back; None: FRAME_MS a frame

    def load(self, path: str, size: tuple[int, int]) -> None:
        """Hold the picture's place at once and draw it once the window is up:
        decoding and cutting frames would otherwise delay the window's first paint.
        The place is held by an invisible built-in bitmap (sized in pixels, like an
        image): Tk's first photo image costs ~28 ms of set-up, paid after the map."""
        self.stop()
        self._frames.clear()
        self._strip = None
        self.label.configure(image="", bitmap="gray12", foreground=self._background, width=size[0], height=size[1])
        self.label.after_idle(self._decode, path, size)

    def _decode(self, path: str, size: tuple[int, int]) -> None:
        self._strip = _fitted(self.label, path, size)
        self._index = 0
        self.show(self._mirrored, self._moving)

    @property
    def frame_count(self) -> int:
        if self._strip is None:
            return 0
        return max(1, self._strip.width() // max(1, self._strip.height() * 3 // 2))

    def show(self, mirrored: bool, moving: bool) -> None:
        self._mirrored, self._moving = mirrored, moving
        count = self.frame_count
        if not count:
            return  # still decoding, or no picture: the blank keeps its place
        self._index %= count
        self.label.configure(image=self._frame(mirrored, self._index), width=0, height=0)
        if moving and count > 1:
            if self._job is None:
                self._job = self.label.after(self._frame_ms(), self._advance)
        else:
            self.stop()

    def show_at(self, mirrored: bool, fraction: float) -> None:
        """The frame ``fraction`` (0..1) of the way through one cycle: a rep's movement
        follows the rep's own clock (and its "breathe in / out"), not a timer of its own."""
        self.stop()
        self._mirrored, self._moving = mirrored, False
        count = self.frame_count
        if count:
            self._index = min(count - 1, int(fraction * count))
            self.label.configure(image=self._frame(mirrored, self._index), width=0, height=0)

    def _frame_ms(self) -> int:
        return max(40, self.cycle_ms // max(1, self.frame_count)) if self.cycle_ms else FRAME_MS

    def stop(self) -> None:
        if self._job is not None:
            self.label.after_cancel(self._job)
            self._job = None

    def _advance(self) -> None:
        self._job = None
        self._index += 1
        self.show(self._mirrored, moving=True)

    def _frame(self, mirrored: bool, index: int) -> tk.PhotoImage:
        """Cut one frame out of the strip (mirrored for the right side) when first shown."""
        key = (mirrored, index)
        if key not in self._frames:
            assert self._strip is not None
            if self.frame_count == 1 and not mirrored:
                return self._strip  # a still picture needs no copy
            width, height = self._strip.width() // self.frame_count, self._strip.height()
            frame = tk.PhotoImage(master=self.label, width=width, height=height)
            args: list[object] = ["-from", index * width, 0, (index + 1) * width, height]
            if mirrored:
                args += ["-subsample", -1, 1]
            frame.tk.call(frame, "copy", self._strip, *args)
            self._frames[key] = frame
        return self._frames[key]
