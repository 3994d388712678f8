"""The tray icon in its three looks, drawn like the illustrations."""

from __future__ import annotations

from PIL import Image, ImageDraw

from tools.art.draw import SUPERSAMPLE

LOOKS = {
    "normal": (38, 140, 128),  # calm teal
    "due": (232, 112, 48),  # warm: time for a stretch
    "paused": (140, 146, 156),  # grey, with pause bars
}


def tray_icon(look: str, size: int = 64) -> Image.Image:
    """A round badge with a figure leaning into a side stretch (or pause bars)."""
    big = size * SUPERSAMPLE
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((0, 0, big - 1, big - 1), fill=LOOKS[look])
    white = (255, 255, 255, 255)
    w = round(big * 0.085)

    def at(x: float, y: float) -> tuple[float, float]:
        return (x * big, y * big)

    if look == "paused":
        for x in (0.37, 0.63):
            d.line([at(x, 0.3), at(x, 0.7)], fill=white, width=round(big * 0.12))
    else:
        # A figure in a side bend: legs, a curved trunk, an arm arching over.
        d.line([at(0.40, 0.84), at(0.47, 0.60), at(0.56, 0.84)], fill=white, width=w, joint="curve")
        d.line([at(0.47, 0.60), at(0.50, 0.45), at(0.60, 0.34)], fill=white, width=w, joint="curve")
        d.line([at(0.50, 0.45), at(0.42, 0.26), at(0.60, 0.17)], fill=white, width=w, joint="curve")
        r = big * 0.075
        cx, cy = at(0.69, 0.30)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=white)
    return img.resize((size, size), Image.Resampling.LANCZOS)
