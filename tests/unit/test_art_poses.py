"""tools/art/checks.py on every stretch's scene: the pictures show what the steps say."""

from __future__ import annotations

from pathlib import Path

import pytest

from qlbreak.stretches.catalogue import load
from tools.art.checks import problems
from tools.art.scenes import SCENES

CATALOGUE = load()


PICTURES = sorted(
    (Path(image).stem, s.position) for s in CATALOGUE for image in (s.image, *(v.image for v in s.variants))
)


@pytest.mark.parametrize(("scene", "position"), PICTURES)
def test_the_picture_passes_the_pose_checks(scene, position):
    assert problems(scene, SCENES[scene], position) == []


def test_the_checks_fail_on_the_pictures_they_replaced():
    """The child's pose floating tilted with nothing under it, and the ball hidden under
    the glow, as they were drawn before (tools/art/scenes.py before issue 11)."""
    from dataclasses import replace

    from tools.art.draw import Glow, Prop, Scene
    from tools.art.figure import Limb
    from tools.art.postures import FLOOR, LYING_KNEE_HUG, LYING_TOP, QL_LEFT, WIDE_BOX, legs

    floating = Scene(
        keys=(
            replace(
                LYING_TOP,
                pelvis=(3.0, 3.2),
                spine=(178, 160),
                neck=155,
                arm_l=Limb(148, 146),
                arm_r=Limb(142, 140),
                leg_l=Limb(180, 0, 0),
                leg_r=Limb(180, 0, 0),
                scale=legs(0.35, 0.6, 0.3),
            ),
        ),
        box=WIDE_BOX,
        glows=QL_LEFT,
    )
    assert any("nothing to lie or kneel on" in p for p in problems("old child's pose", floating, "kneeling"))
    hidden_ball = Scene(
        keys=(replace(LYING_KNEE_HUG, pelvis=(1.2, 0.85), spine=(190, 177)),),
        box=WIDE_BOX,
        props=(FLOOR, Prop("ball", (0.55, 0.3, 0.3))),
        glows=(Glow("pelvis", "mid", 0.9),),
    )
    assert any("of the ball is hidden" in p for p in problems("old ball release", hidden_ball, "lying"))


def test_a_hand_off_the_stick_and_a_hand_out_of_the_picture_are_caught():
    from dataclasses import replace

    from tools.art.figure import Limb

    stick = SCENES["ql-stick-stretch"]
    off = replace(stick, keys=tuple(replace(k, arm_r=Limb(270, 270)) for k in stick.keys))
    assert any("hand_r should hold the stick" in p for p in problems("stick", off, "standing"))
    side = SCENES["standing-side-bend"]
    up = replace(side, keys=(replace(side.keys[0], arm_l=Limb(95, 95)),), box=(-6.75, -0.6, 6.75, 8.4))
    assert any("hand_l" in p and "outside the picture" in p for p in problems("side bend", up, "standing"))


def test_the_door_frame_is_held_by_both_hands_at_its_side():
    """The door-frame picture: both hands on the frame's side, not in the opening."""
    from dataclasses import replace

    from tools.art.figure import Limb

    door = SCENES["ql-stick-stretch-door-frame"]
    assert problems("door", door, "standing") == []
    off = replace(door, keys=tuple(replace(k, arm_r=Limb(270, 270)) for k in door.keys))
    assert any("hand_r should hold the door-frame" in p for p in problems("door", off, "standing"))
