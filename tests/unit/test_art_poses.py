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
        glows=(Glow("low_back", 0.9),),
    )
    assert any("of the ball is hidden" in p for p in problems("old ball release", hidden_ball, "lying"))


def test_a_hand_off_the_stick_and_a_hand_out_of_the_picture_are_caught():
    from dataclasses import replace

    from tools.art.figure import Limb

    stick = SCENES["ql-stick-stretch"]
    off = replace(stick, keys=tuple(replace(k, arm_r=Limb(270, 270)) for k in stick.keys), settle=None)
    assert any("hand_r should hold the stick" in p for p in problems("stick", off, "standing"))
    side = SCENES["standing-side-bend"]
    up = replace(side, keys=(replace(side.keys[0], arm_l=Limb(95, 95)),), box=(-6.75, -0.6, 6.75, 8.4))
    assert any("off the picture's top edge" in p for p in problems("side bend", up, "standing"))


def test_the_door_frame_is_held_by_both_hands_at_its_side():
    """The door-frame picture: both hands on the frame's side, not in the opening."""
    from dataclasses import replace

    from tools.art.figure import Limb

    door = SCENES["ql-stick-stretch-door-frame"]
    assert problems("door", door, "standing") == []
    off = replace(door, keys=tuple(replace(k, arm_r=Limb(270, 270)) for k in door.keys), settle=None)
    assert any("hand_r should hold the door-frame" in p for p in problems("door", off, "standing"))


def _old_stick_keys():
    """The stick stretch's keys as drawn before the physiotherapist's review: the feet
    and grip moved with each key, and all the lean was one corner at the ribs."""
    from dataclasses import replace

    from tools.art.figure import Limb, joints, reach
    from tools.art.postures import STANDING_FRONT, STICK_X
    from tools.art.shapes import grounded

    def key(pelvis_x, spine, neck, legs, high, low):
        body = grounded(
            replace(STANDING_FRONT, pelvis=(pelvis_x, 3.8), spine=spine, neck=neck, leg_l=legs[0], leg_r=legs[1])
        )
        j = joints(body)
        return replace(
            body,
            arm_l=reach(j["shoulder_l"], (STICK_X, high), bend=1),
            arm_r=reach(j["shoulder_r"], (STICK_X, low), bend=-1),
        )

    return (
        key(-1.2, (89, 46), 44, (Limb(262, 266, 180), Limb(280, 276, 0)), 7.7, 3.0),
        key(-1.7, (86, 26), 22, (Limb(260, 266, 180), Limb(282, 276, 0)), 7.2, 2.5),
    )


@pytest.mark.parametrize("scene", ["ql-stick-stretch", "ql-stick-stretch-door-frame"])
def test_the_stick_lean_plants_the_feet_keeps_the_grip_and_bends_gently(scene):
    """The review of issue 19: the feet slid ~27 px over the floor, the hands ~25 px down
    the post, and the upper body leant 65 degrees at one hinge at the ribs. The old keys
    fail each check; the drawn picture passes them all."""
    from dataclasses import replace

    old = replace(SCENES[scene], keys=_old_stick_keys(), settle=None)
    found = problems(scene, old, "standing")
    for part in ("ankle_l", "toe_r", "hand_l", "hand_r"):
        assert any(f"{part} slides" in p for p in found), part
    assert any("the spine bends sideways +0 / -43 degrees" in p for p in found)  # all of it at the ribs
    assert any("lower back stays straight" in p for p in found)
    assert problems(scene, SCENES[scene], "standing") == []


def test_a_side_bend_leaning_too_far_is_caught_even_when_held():
    from dataclasses import replace

    from tools.art.figure import Limb

    side = SCENES["standing-side-bend"]
    deep = replace(side, keys=(replace(side.keys[0], hips=90, spine=(55, 15), neck=10, arm_l=Limb(60, 20)),))
    assert any("upper body leans" in p for p in problems("side bend", deep, "standing"))


def _highlight_pixels(scene, theme: str) -> int:
    """Pixels of the first frame (360 px wide) that the warm highlight visibly changes."""
    from dataclasses import replace

    from PIL import ImageChops

    from tools.art.draw import render
    from tools.art.themes import THEMES

    def frame(s):
        return render(s, 360, THEMES[theme]).crop((0, 0, 360, 240))

    diff = ImageChops.difference(frame(scene), frame(replace(scene, glows=()))).convert("L")
    return sum(1 for v in diff.tobytes() if v > 40)


@pytest.mark.parametrize(("theme", "least"), [("light", 300), ("dark", 300)])
def test_the_wall_ball_release_shows_its_highlight_as_clearly_as_the_others(theme, least):
    """It was a thin band hidden under the spine's line (~100 px light, none dark). Since
    issue 23 every glow is drawn on the body only (none spills beside it), so the
    yardstick is smaller: the standing side bend shows ~360 light and ~550 dark."""
    assert _highlight_pixels(SCENES["ql-ball-wall-release"], theme) >= least
    assert _highlight_pixels(SCENES["standing-side-bend"], theme) >= least  # the yardstick
