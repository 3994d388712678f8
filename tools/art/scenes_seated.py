"""Stretches done sitting on a chair: each scene's poses, props, the muscle that works and its movement.

Every scene shows the LEFT side working (see ``scenes``)."""

from __future__ import annotations

from dataclasses import replace

from tools.art.draw import Arrow, Glow, Scene
from tools.art.figure import Limb
from tools.art.postures import (
    CHAIR_FRONT,
    CHAIR_SIDE,
    FLOOR,
    LOW_BACK,
    QL_LEFT,
    SEATED_SIDE,
    STAND_BOX,
    ankle_on,
    hand_r_to,
    hands_on,
    hands_to,
    seated_front,
)

SCENES: dict[str, Scene] = {
    "seated-side-bend": Scene(
        keys=(hand_r_to(seated_front(spine=(89, 58), neck=54, arm_l=Limb(66, 24)), (1.35, 2.0)),),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_FRONT),
        glows=QL_LEFT,
    ),
    # front view, the chest turned to the left (the shoulders narrow as they turn): the
    # right hand on the outside of the left knee, the left hand back on the chair
    "seated-twist": Scene(
        keys=(
            hands_to(
                seated_front(twist=(10.0, 60.0), neck=96, face=170, behind=("arm_l",)),
                (-1.15, 2.95),
                (-0.95, 1.95),
                bend=-1,
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_FRONT),
        glows=LOW_BACK,
        arrow=Arrow((0.0, 4.3), 2.4, 60, 120),
    ),
    # side-on: the near ankle rests across the far knee (the shin across the thighs, the
    # knee out to the side), the hands on the shin, tipping forward from the hips
    "seated-figure-four": Scene(
        keys=(
            hand_r_to(
                hands_to(ankle_on(seated_front(), "knee_r", 168, 0.75), (-1.85, 2.62), (0.5, 2.3), bend=-1), (0.5, 2.3)
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_FRONT),
        glows=(Glow("glute_l", 0.9),),
    ),
    # side-on, sitting near the front of the seat with the hands on the knees: the chest
    # lifts and the low back arches (breathing in), then the back rounds (breathing out)
    "seated-cat-cow": Scene(
        keys=(
            hands_to(replace(SEATED_SIDE, pelvis=(0.0, 2.15), spine=(102, 78), neck=84), (1.75, 2.5), (1.75, 2.4)),
            hands_to(replace(SEATED_SIDE, pelvis=(0.0, 2.15), spine=(74, 52), neck=20), (1.75, 2.5), (1.75, 2.4)),
        ),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_SIDE),
        glows=LOW_BACK,
        moves=True,
    ),
    # side-on: one knee drawn up towards the chest, both hands round the shin below it
    "seated-knee-hug": Scene(
        keys=(
            hands_on(
                replace(SEATED_SIDE, spine=(94, 96), neck=88, leg_l=Limb(62, 292, 330)),
                "knee_l",
                "ankle_l",
                0.4,
                bend=1,
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_SIDE),
        glows=LOW_BACK,
        arrow=Arrow((-0.4, 2.15), 3.3, 25, 60),
    ),
    # side-on: one leg out straight with the heel down, the other bent; leaning forward
    # from the hips with a long back, the hands resting on the bent leg's thigh
    "seated-hamstring": Scene(
        keys=(
            hands_on(
                replace(
                    SEATED_SIDE,
                    pelvis=(-0.1, 2.15),
                    spine=(68, 66),
                    neck=58,
                    leg_l=Limb(336, 326, 70),
                    scale={"foot_l": 0.5},
                ),
                "hip_r",
                "knee_r",
                0.75,
                bend=-1,
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_SIDE),
        glows=(Glow("hamstring_l", 0.8),),
        arrow=Arrow((-0.1, 2.15), 3.6, 96, 70),
    ),
}
