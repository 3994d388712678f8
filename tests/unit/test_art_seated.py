"""The seated pictures (tools/art/scenes_seated.py): a sitter seen from the front has a
lap, and the buttock's glow side-on lies on the buttock, not on the thigh (issue 23)."""

from __future__ import annotations

import math

from tools.art.draw import GAP, Scene, render
from tools.art.figure import RADII, joints
from tools.art.scenes_seated import FRONT, FRONT_BOX, SCENES, seated
from tools.art.shapes import muscle
from tools.art.themes import LIGHT


def test_a_sitter_seen_from_the_front_has_thighs_over_the_lap():
    """The thighs come towards the viewer, so they are drawn over the trunk, edged in the
    background colour: just above a hip, inside the trunk, the edge shows (drawn under
    the trunk, the thighs read as short stumps under a standing body)."""
    pose = seated(FRONT, feet=(0.0, 0.0))
    scene = Scene(keys=(pose,), box=FRONT_BOX)
    width = 720
    image = render(scene, width, LIGHT)
    x0, y0, x1, _ = FRONT_BOX
    unit = width / (x1 - x0)
    for side in "lr":
        hx, hy = joints(pose)[f"hip_{side}"]
        edge = (hx, hy + RADII["leg_up"][0] + GAP / 2)
        pixel = image.getpixel((round((edge[0] - x0) * unit), round(image.height - (edge[1] - y0) * unit)))
        assert math.dist(pixel, LIGHT.background) < math.dist(pixel, LIGHT.figure), side


def test_the_figure_four_glows_on_the_buttock_behind_the_thigh():
    """Side-on, the middle of the buttock's glow lies off the round end of the thigh (it
    lay on it, and read as the thigh)."""
    pose = SCENES["seated-figure-four"].keys[-1]
    a, b = muscle(pose, "glute_l")
    middle = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    assert math.dist(middle, joints(pose)["hip_l"]) > RADII["leg_up"][0]
