"""The corner view of a moving picture moves with it (the stick stretch's sweep is
seen side-on there), and a stick held by a moving hand tilts with that hand."""

from __future__ import annotations

from PIL import Image, ImageChops

from tools.art.draw import render
from tools.art.scenes import SCENES
from tools.art.themes import LIGHT


def _corner(strip: Image.Image, width: int, index: int) -> Image.Image:
    """The top-right corner of frame ``index``: where the second view is drawn."""
    return strip.crop((index * width + width // 2 + 20, 0, (index + 1) * width, strip.height // 2))


def test_a_moving_corner_view_moves_in_step_with_the_main_picture() -> None:
    width = 360
    scene = SCENES["ql-stick-stretch"]
    assert scene.inset is not None and scene.inset.moves
    strip = render(scene, width, LIGHT)
    frames = strip.width // width
    first, middle = _corner(strip, width, 0), _corner(strip, width, frames // 2)
    assert ImageChops.difference(first, middle).getbbox() is not None  # the top hand swept
    assert ImageChops.difference(first, _corner(strip, width, frames - 1)).getbbox() is not None


def test_a_still_corner_view_is_the_same_in_every_frame() -> None:
    from dataclasses import replace

    width = 360
    scene = SCENES["ql-stick-stretch"]
    assert scene.inset is not None
    still = replace(scene, inset=replace(scene.inset, moves=False))
    strip = render(still, width, LIGHT)
    frames = strip.width // width
    assert ImageChops.difference(_corner(strip, width, 0), _corner(strip, width, frames // 2)).getbbox() is None
