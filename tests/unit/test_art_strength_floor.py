"""The floor exercises' pictures show what their text says (tools/art/expect_floor.py):
each rule passes on the drawn scene and fails on a pose a physiotherapist would send back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tools.art import scenes_strength_floor as floor
from tools.art.checks import problems
from tools.art.draw import Scene
from tools.art.expect import expected
from tools.art.figure import Limb, Pose
from tools.art.scenes import SCENES
from tools.art.scenes_floor import mirrored
from tools.art.sides import disagreements
from tools.art.themes import DARK, LIGHT

NAMES = ("side-plank-knees", "bird-dog", "glute-bridge", "dead-bug")
WORDS = {
    "side-plank-knees": (
        "lie on your left side, on your left forearm and knee",
        "lie on your right side, on your right forearm and knee",
    ),
    "bird-dog": (
        "reach your left arm forward and your right leg back",
        "reach your right arm forward and your left leg back",
    ),
    "dead-bug": ("lower your left arm and your right leg", "lower your right arm and your left leg"),
}


def _found(name: str, scene: Scene) -> str:
    return "\n".join(expected(name, scene))


def _last(name: str, pose: Pose) -> Scene:
    """The scene with its last key (the held or reached pose) replaced."""
    scene = SCENES[name]
    return replace(scene, keys=(*scene.keys[:-1], pose), settle=None)


@pytest.mark.parametrize("name", NAMES)
def test_the_pictures_pass_their_own_rules_and_the_general_checks(name: str) -> None:
    assert expected(name, SCENES[name]) == []
    position = "hands-and-knees" if name == "bird-dog" else "lying"
    assert problems(name, SCENES[name], position) == []


def test_a_side_plank_with_sagging_hips_is_caught() -> None:
    sagging = replace(SCENES["side-plank-knees"], keys=(floor.PLANK_START,))
    found = _found("side-plank-knees", sagging)
    assert "off one line" in found and "the hips rise" in found


def test_a_side_plank_elbow_out_from_under_the_shoulder_or_off_the_floor_is_caught() -> None:
    plank = floor.PLANK
    out = _last("side-plank-knees", replace(plank, arm_l=Limb(235, 180)))
    assert "off the line under shoulder_l" in _found("side-plank-knees", out)
    up = _last("side-plank-knees", replace(plank, arm_l=Limb(270, 90)))
    assert "hand_l is" in _found("side-plank-knees", up)


def test_a_bridge_that_arches_past_the_line_or_never_lifts_is_caught() -> None:
    arched = _last("glute-bridge", floor._bridge(34))
    assert "off one line" in _found("glute-bridge", arched)
    flat = replace(SCENES["glute-bridge"], keys=(floor.BRIDGE_DOWN, floor.BRIDGE_DOWN), settle=None)
    assert "the hips rise" in _found("glute-bridge", flat)


def test_a_bridge_with_a_foot_off_the_floor_is_caught() -> None:
    scene = SCENES["glute-bridge"]
    lifted = replace(scene, keys=tuple(replace(k, leg_l=Limb(k.leg_l.upper, 330, 0)) for k in scene.keys), settle=None)
    assert "ankle_l is" in _found("glute-bridge", lifted)


def test_a_bird_dog_with_a_tilted_back_a_high_arm_or_a_bent_leg_is_caught() -> None:
    reach = floor.DOG_REACH
    tilted = _last("bird-dog", replace(reach, hips=18, spine=(18, 18)))
    assert "the back tilts" in _found("bird-dog", tilted)
    high = _last("bird-dog", replace(reach, arm_l=Limb(55, 55)))
    assert "arm_l points" in _found("bird-dog", high)
    bent = _last("bird-dog", replace(reach, leg_r=Limb(200, 120, 120)))
    assert "leg_r bends" in _found("bird-dog", bent)
    kicked = _last("bird-dog", replace(reach, leg_r=Limb(150, 150, 240)))
    assert "leg_r points" in _found("bird-dog", kicked)


def test_a_bird_dog_that_lifts_its_supporting_hand_is_caught() -> None:
    lifted = _last("bird-dog", replace(floor.DOG_REACH, arm_r=Limb(0, 0)))
    assert "hand_r is" in _found("bird-dog", lifted)


def test_a_dead_bug_without_its_start_or_with_a_bent_reach_is_caught() -> None:
    scene = SCENES["dead-bug"]
    start, reach = scene.keys
    low_arms = replace(scene, keys=(replace(start, arm_l=Limb(45, 45), arm_r=Limb(45, 45)), reach))
    assert "key 0: arm_l is" in _found("dead-bug", low_arms)
    knees = replace(scene, keys=(replace(start, leg_l=Limb(60, 0, 85), leg_r=Limb(60, 0, 85)), reach))
    assert "key 0: thigh_l" in _found("dead-bug", knees)
    bent = _last("dead-bug", replace(reach, leg_r=Limb(40, 320, 50)))
    assert "leg_r bends" in _found("dead-bug", bent)
    both = _last("dead-bug", replace(reach, arm_r=reach.arm_l))
    assert "key -1: arm_r is" in _found("dead-bug", both)
    arched = _last("dead-bug", replace(reach, hips=200, spine=(200, 200)))
    assert "the back tilts" in _found("dead-bug", arched)


def _other_side(pose: Pose) -> Pose:
    """The same pose done with the other side's limbs (side-on, the near and far swap)."""
    scale = {k[:-1] + {"l": "r", "r": "l"}[k[-1]]: v for k, v in pose.scale.items() if k[-2:] in ("_l", "_r")}
    scale |= {k: v for k, v in pose.scale.items() if k[-2:] not in ("_l", "_r")}
    return replace(pose, arm_l=pose.arm_r, arm_r=pose.arm_l, leg_l=pose.leg_r, leg_r=pose.leg_l, scale=scale)


@pytest.mark.parametrize("name", sorted(WORDS))
def test_the_side_words_agree_with_the_picture_and_not_with_the_other_sides(name: str) -> None:
    """The words pass on the drawn picture, and fail on the picture of the other side:
    lying on the right side, or the other arm and leg moving."""
    left, right = WORDS[name]
    scene = SCENES[name]
    assert disagreements(name, scene, left, right) == []
    if name == "side-plank-knees":
        other = replace(scene, keys=(mirrored(scene.keys[0]),), ghost=None)
    else:
        other = replace(scene, keys=tuple(_other_side(k) for k in scene.keys), settle=None)
    assert disagreements(name, other, left, right) != []


def test_only_a_body_lying_on_its_side_is_spared_the_side_bend_lean() -> None:
    """checks.py skips the 50-degree lean for a front view lying on its side (the side
    plank); a standing figure leaning as far is still caught."""
    bend = SCENES["standing-side-bend"]
    over = replace(bend, keys=(replace(bend.keys[0], spine=(60, 30), neck=30),))
    assert any("the upper body leans" in p for p in problems("side bend", over, "standing"))
    assert not any("leans" in p for p in problems("side-plank-knees", SCENES["side-plank-knees"], "lying"))


@pytest.mark.parametrize("name", ["dead-bug", "bird-dog"])
def test_a_faint_copy_is_far_paler_than_a_far_limb(name: str) -> None:
    """A stranger could not tell the far leg (mid-grey) from the faint copy of where it
    goes: the copy is drawn much nearer the background than the far colour is."""
    scene = SCENES[name]
    fade = 0.5 if scene.fade is None else scene.fade  # draw.py's default: half way
    for theme in (LIGHT, DARK):
        pale = [f + (b - f) * fade for f, b in zip(theme.faint, theme.background, strict=True)]
        gap = sum(abs(a - b) for a, b in zip(pale, theme.far, strict=True))
        whole = sum(abs(a - b) for a, b in zip(theme.background, theme.far, strict=True))
        assert gap > 0.7 * whole, (name, pale, theme.far)


@pytest.mark.parametrize("name", ["dead-bug", "bird-dog"])
def test_the_moving_arm_has_its_own_arrow(name: str) -> None:
    """Both an arm and a leg move: each has an arrow (the leg's, and the arm's cue)."""
    scene = SCENES[name]
    assert scene.arrow is not None and len(scene.cues) == 1
