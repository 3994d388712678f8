"""The office strengthening exercises' pictures (tools/art/scenes_strength_office.py): each
passes the pose checks, and each rule of tools/art/expect_office.py catches the wrong
picture it is there for (issue 24)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tools.art.checks import problems
from tools.art.draw import Scene
from tools.art.expect import expected
from tools.art.figure import Limb, joints
from tools.art.scenes_strength_office import (
    ANGEL_FRONT,
    BRACE,
    HITCH_KEYS,
    LIFT_KEYS,
    PLANK,
    RISE_LEAN,
    RISE_SIT,
    RISE_STAND,
    SCENES,
    rising,
)
from tools.art.shapes import muscle
from tools.art.sides import disagreements

POSITIONS = {
    "wall-side-plank": "standing",
    "hip-hitch": "standing",
    "sit-to-stand": "seated",
    "standing-hip-abduction": "standing",
    "seated-core-brace": "seated",
    "wall-angel": "standing",
}


@pytest.mark.parametrize("name", sorted(POSITIONS))
def test_every_office_picture_passes_the_pose_checks(name):
    assert problems(name, SCENES[name], POSITIONS[name]) == []


def _with(name: str, *keys, **changes) -> Scene:
    """The scene drawn with other key poses, as given (nothing put back in place)."""
    return replace(SCENES[name], keys=keys, settle=None, **changes)


def _said(name: str, scene: Scene) -> str:
    return " | ".join(expected(name, scene))


def test_a_side_plank_with_sagging_hips_or_standing_upright_is_caught():
    sagging = replace(PLANK, leg_l=Limb(272, 272, 180), leg_r=Limb(268, 268, 0))  # a corner at the hips
    assert "break the line" in _said("wall-side-plank", _with("wall-side-plank", sagging))
    upright = replace(PLANK, pelvis=(PLANK.pelvis[0], PLANK.pelvis[1]), hips=90, spine=(90, 90), neck=90)
    upright = replace(upright, leg_l=Limb(270, 270, 180), leg_r=Limb(270, 270, 0))
    assert "slants" in _said("wall-side-plank", _with("wall-side-plank", upright))


def test_a_side_plank_with_the_forearm_off_the_wall_is_caught():
    off = replace(PLANK, arm_l=Limb(250, 270))
    assert "off the wall" in _said("wall-side-plank", _with("wall-side-plank", off))


def test_a_hip_hitch_that_bends_a_knee_or_keeps_the_pelvis_level_is_caught():
    drop, lift = HITCH_KEYS
    bent = replace(lift, leg_l=Limb(250, 300, 180))
    assert "knee_l bends" in _said("hip-hitch", _with("hip-hitch", drop, bent))
    assert "the pelvis turns 0 degrees" in _said("hip-hitch", _with("hip-hitch", lift, lift))


def test_a_hip_hitch_on_the_floor_is_caught():
    down = replace(HITCH_KEYS[0], pelvis=(HITCH_KEYS[0].pelvis[0], HITCH_KEYS[0].pelvis[1] - 1.15))
    said = _said("hip-hitch", _with("hip-hitch", down, down))
    assert "not on the step" in said


def test_a_hip_hitch_without_a_hand_on_the_wall_is_caught():
    loose = tuple(replace(k, arm_r=Limb(280, 275)) for k in HITCH_KEYS)
    assert "hand_r is" in _said("hip-hitch", _with("hip-hitch", *loose))


def test_sit_to_stand_must_sit_lean_and_stand():
    assert "does not stand tall" in _said("sit-to-stand", _with("sit-to-stand", RISE_SIT, RISE_LEAN, RISE_SIT))
    assert "leans" in _said("sit-to-stand", _with("sit-to-stand", RISE_SIT, RISE_STAND))
    assert "does not sit" in _said("sit-to-stand", _with("sit-to-stand", RISE_STAND, RISE_LEAN, RISE_STAND))


def test_sit_to_stand_with_the_arms_hanging_is_caught():
    hanging = tuple(
        replace(k, arm_l=Limb(270, 280), arm_r=Limb(272, 282), scale={}) for k in SCENES["sit-to-stand"].keys
    )
    assert "not on the chest" in _said("sit-to-stand", _with("sit-to-stand", *hanging))


def test_a_body_off_the_seat_but_not_on_its_feet_is_caught():
    """The seat rule lets a figure rise from a chair only with its weight over its feet:
    the standing pose moved back over the seat floats there, its weight behind its heels."""
    floating = rising(replace(RISE_STAND, pelvis=(RISE_STAND.pelvis[0] - 1.6, RISE_STAND.pelvis[1] - 1.0)))
    found = problems("sit-to-stand", _with("sit-to-stand", floating), "seated")
    assert any("off the seat" in p for p in found)


def test_a_leg_lift_that_leans_or_bends_or_stays_down_is_caught():
    start, end = LIFT_KEYS
    leaning = replace(end, spine=(78, 75), neck=75)
    assert "leans" in _said("standing-hip-abduction", _with("standing-hip-abduction", start, leaning))
    bent = replace(end, leg_l=Limb(end.leg_l.upper, end.leg_l.upper + 40, 180))
    assert "knee bends" in _said("standing-hip-abduction", _with("standing-hip-abduction", start, bent))
    assert "is out" in _said("standing-hip-abduction", _with("standing-hip-abduction", start, start))


def test_a_leg_lift_with_the_hand_off_the_chair_is_caught():
    start, end = LIFT_KEYS
    loose = tuple(replace(k, arm_r=Limb(280, 275)) for k in (start, end))
    assert "hand_r is" in _said("standing-hip-abduction", _with("standing-hip-abduction", *loose))


def test_a_core_brace_slumped_or_with_the_hand_off_the_belly_is_caught():
    slumped = replace(BRACE, spine=(110, 120), neck=110)
    assert "sitting tall" in _said("seated-core-brace", _with("seated-core-brace", slumped))
    off = replace(BRACE, arm_l=Limb(280, 330), scale={})
    assert "not on the belly" in _said("seated-core-brace", _with("seated-core-brace", off))


def test_a_wall_angel_must_go_from_a_w_to_a_y():
    w, y = ANGEL_FRONT
    said = _said("wall-angel", _with("wall-angel", y, w, inset=SCENES["wall-angel"].inset))
    assert "no W" in said and "no Y" in said
    narrow = replace(y, arm_l=Limb(95, 92), arm_r=Limb(85, 88))
    assert "not wide apart" in _said("wall-angel", _with("wall-angel", w, narrow, inset=SCENES["wall-angel"].inset))


def test_a_wall_angel_standing_off_the_wall_is_caught():
    inset = SCENES["wall-angel"].inset
    assert inset is not None
    away = tuple(replace(k, pelvis=(k.pelvis[0] + 0.8, k.pelvis[1])) for k in inset.keys)
    said = _said("wall-angel", replace(SCENES["wall-angel"], inset=replace(inset, keys=away)))
    assert "off the wall" in said


def test_the_new_muscle_lines_lie_on_the_belly_and_between_the_shoulder_blades():
    """Side-on, facing right: the belly's line in front of the spine, the upper back's
    behind it and higher up."""
    j = joints(BRACE)
    belly, upper = muscle(BRACE, "belly"), muscle(BRACE, "upper_back")
    assert all(x > j["spine_3"][0] for x, _ in belly)
    assert all(x < j["spine_7"][0] for x, _ in upper)
    assert min(y for _, y in upper) > max(y for _, y in belly)


@pytest.mark.parametrize(
    ("name", "left", "right"),
    [
        (
            "wall-side-plank",
            "your left side to the wall, left forearm on it",
            "your right side to the wall, right forearm on it",
        ),
        (
            "hip-hitch",
            "stand on your right foot; your left foot hangs and your left hip lifts",
            "stand on your left foot; your right foot hangs and your right hip lifts",
        ),
        (
            "standing-hip-abduction",
            "lift your left leg out to the left; your right hand holds on",
            "lift your right leg out to the right; your left hand holds on",
        ),
    ],
)
def test_the_side_words_agree_with_the_picture_and_swapped_words_do_not(name, left, right):
    assert disagreements(name, SCENES[name], left, right) == []
    assert disagreements(name, SCENES[name], right, left) != []


def test_a_wall_plank_without_its_sagging_copy_or_its_lifting_arrow_is_caught():
    assert "sagging" in _said("wall-side-plank", replace(SCENES["wall-side-plank"], ghosts=()))
    assert "sagging" in _said("wall-side-plank", replace(SCENES["wall-side-plank"], ghosts=(PLANK,)))  # no sag
    assert "lifts the hips" in _said("wall-side-plank", replace(SCENES["wall-side-plank"], cues=()))
    back = tuple(replace(a, start=a.end, end=a.start) for a in SCENES["wall-side-plank"].cues)  # into the wall
    assert "lifts the hips" in _said("wall-side-plank", replace(SCENES["wall-side-plank"], cues=back))


def test_a_brace_without_arrows_pressing_in_at_the_belly_is_caught():
    brace = SCENES["seated-core-brace"]
    assert "press in" in _said("seated-core-brace", replace(brace, cues=()))
    assert "press in" in _said("seated-core-brace", replace(brace, cues=brace.cues[:1]))  # the front only
    out = tuple(replace(a, start=a.end, end=a.start) for a in brace.cues)  # pointing away
    assert "press in" in _said("seated-core-brace", replace(brace, cues=out))
    high = tuple(replace(a, centre=(a.centre[0], a.centre[1] + 1.5)) for a in brace.cues)  # at the chest
    assert "press in" in _said("seated-core-brace", replace(brace, cues=high))
