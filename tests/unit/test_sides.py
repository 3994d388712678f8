"""Left and right: the words for each side and the picture the user sees for it agree,
read the one way a person copies a figure facing them, as a mirror (issue 19, item 6).
tools/art/sides.py spells the convention out; the right side is the left side's picture
flipped left to right, as the dialog shows it, and is checked as flipped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from qlbreak.stretches.catalogue import load
from tools.art.figure import Limb
from tools.art.scenes import SCENES
from tools.art.sides import CLAIMS, FRONT, disagreements, reading

CATALOGUE = load()
# Every two-sided picture: (its scene, the left side's words, the right side's words)
LOOKS = {
    Path(image).stem: (left or s.left, right or s.right)
    for s in CATALOGUE
    if s.two_sided
    for image, left, right in ((s.image, s.left, s.right), *((v.image, v.left, v.right) for v in s.variants))
}


@pytest.mark.parametrize("name", sorted(LOOKS))
def test_the_words_for_each_side_are_what_its_picture_shows(name):
    left, right = LOOKS[name]
    assert disagreements(name, SCENES[name], left, right) == []


def test_every_two_sided_picture_has_its_sides_checked():
    assert set(CLAIMS) == set(LOOKS)
    assert all(SCENES[name].keys[0].view != "side" or name in FRONT for name in LOOKS)


def test_the_raised_arm_of_the_left_side_is_drawn_on_the_viewers_left():
    """The issue's own example, in numbers: 'Left side: left arm up, lean to the right'
    raises the arm on the viewer's left and leans to the viewer's right; the right
    side's picture (flipped) raises the arm on the viewer's right."""
    scene = SCENES["standing-side-bend"]
    for flipped, raised_x in ((False, -1), (True, 1)):
        r = reading(scene, scene.keys[0], None, flipped)
        up = max("lr", key=lambda d: r.j[f"hand_{d}"][1])  # the raised arm, over the head
        assert r.j[f"hand_{up}"][1] > r.j["head"][1]
        other = "r" if up == "l" else "l"
        assert (r.j[f"shoulder_{up}"][0] - r.j[f"shoulder_{other}"][0]) * raised_x > 0  # its shoulder: that side
        assert (r.j["neck"][0] - r.j["pelvis"][0]) * raised_x < 0  # leaning away from it
        assert r.drawn("right" if flipped else "left") == up


def test_a_picture_or_words_read_from_behind_are_caught():
    """What the issue met, both ways round: the words written as if the figure were seen
    from behind, and a picture with the raised arm on the viewer's right."""
    bend = SCENES["standing-side-bend"]
    assert disagreements("standing-side-bend", bend, "right arm up, lean to the left", "left arm up, lean to the right")
    pose = bend.keys[0]
    swapped = replace(bend, keys=(replace(pose, arm_l=pose.arm_r, arm_r=pose.arm_l, spine=(96, 124), neck=128),))
    found = disagreements("standing-side-bend", swapped, *LOOKS["standing-side-bend"])
    assert any("does not show 'left arm up'" in p for p in found), found
    # side-on: the hugged knee must be the near one for "left" (the far one is the right)
    hug = SCENES["knee-to-chest"]
    far = replace(hug, keys=(replace(hug.keys[0], leg_l=hug.keys[0].leg_r, leg_r=Limb(124, 338, 320)),))
    assert disagreements("knee-to-chest", far, *LOOKS["knee-to-chest"])
    # a ball drawn behind the body is on the far side: not "the left side of your low back"
    wall = SCENES["ql-ball-wall-release"]
    behind = replace(wall, props=tuple(replace(p, front=False) if p.kind == "ball" else p for p in wall.props))
    assert disagreements("ql-ball-wall-release", behind, *LOOKS["ql-ball-wall-release"])
