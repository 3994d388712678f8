"""Standing stretches (and the walk): each scene's poses, props, the muscle that works and its movement.

Every scene shows the LEFT side working (see ``scenes``)."""

from __future__ import annotations

from dataclasses import replace

from tools.art.draw import Arrow, Glow, Prop, Scene
from tools.art.figure import Limb
from tools.art.postures import (
    FLOOR,
    LOW_BACK,
    QL_LEFT,
    REACH_BOX,
    STAND_BOX,
    STANDING_FRONT,
    STANDING_SIDE,
    STICK_X,
    on_stick,
)
from tools.art.shapes import grounded

# front view: feet apart and planted, the hands holding the pole where they grip it (the
# low hand far down it); the hips drift away from it and the ribs curve towards it, the
# bend spread through the waist (the pelvis tips a little, the lower back leans, the
# ribs and head a little more), deepening to a comfortable lean and easing slowly
STICK_KEYS = (
    on_stick(replace(STANDING_FRONT, pelvis=(-0.6, 3.8), spine=(82, 62), neck=55)),
    on_stick(replace(STANDING_FRONT, pelvis=(-1.05, 3.8), spine=(71, 51), neck=43)),
)

SCENES: dict[str, Scene] = {
    # held stretches hold still: the lean itself, the raised arm over the head
    "standing-side-bend": Scene(
        keys=(grounded(replace(STANDING_FRONT, spine=(84, 56), neck=52, arm_l=Limb(72, 36), arm_r=Limb(300, 200))),),
        box=REACH_BOX,
        props=(FLOOR,),
        glows=QL_LEFT,
    ),
    # front view: feet apart, hips level (drifting away from the pole), a wide grip with
    # the low hand far down the pole; the ribs curve towards it, the lean deepening and
    # easing slowly (the sources: work in motion)
    "ql-stick-stretch": Scene(
        keys=STICK_KEYS,
        box=STAND_BOX,
        props=(FLOOR, Prop("stick", (STICK_X, 0.0, STICK_X, 8.0))),
        glows=QL_LEFT,
        moves=True,
        holds=("hand_l", "hand_r"),
        settle=on_stick,
    ),
    # the same lean holding the side of a door frame (the stretch's door-frame variant):
    # the wall around the opening is drawn, so the frame reads as a door, not a post
    "ql-stick-stretch-door-frame": Scene(
        keys=STICK_KEYS,
        box=REACH_BOX,
        props=(Prop("door-frame", (STICK_X, -6.3, 9.0)), FLOOR),
        glows=QL_LEFT,
        moves=True,
        holds=("hand_l", "hand_r"),
        settle=on_stick,
    ),
    # side-on: a long stride, both knees a little bent, the back heel up and both feet on
    # the floor; the hips tuck under and the front of the back hip opens
    "standing-hip-flexor": Scene(
        keys=(
            grounded(
                replace(
                    STANDING_SIDE,
                    pelvis=(0.0, 3.4),
                    spine=(92, 90),
                    leg_r=Limb(312, 262, 0),
                    leg_l=Limb(232, 232, 320),
                    arm_l=Limb(262, 300),
                    arm_r=Limb(276, 305),
                )
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR,),
        glows=(Glow("hip_front_l", 0.8),),
        arrow=Arrow((1.1, 6.4), 2.6, 256, 284),
    ),
    "gentle-walk": Scene(
        keys=(
            grounded(
                replace(
                    STANDING_SIDE,
                    pelvis=(0.0, 3.75),
                    leg_l=Limb(290, 272, 0),
                    leg_r=Limb(250, 238, 330),
                    arm_l=Limb(250, 262),
                    arm_r=Limb(292, 320),
                )
            ),
            grounded(
                replace(
                    STANDING_SIDE,
                    pelvis=(0.0, 3.75),
                    leg_r=Limb(290, 272, 0),
                    leg_l=Limb(250, 238, 330),
                    arm_r=Limb(250, 262),
                    arm_l=Limb(292, 320),
                )
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR,),
        glows=LOW_BACK,
        moves=True,
    ),
    # side-on, the back to a wall with the ball between them at the low back; the knees
    # bend a little and straighten, so the ball rolls slowly over the sore spot
    "ql-ball-wall-release": Scene(
        keys=(
            grounded(
                replace(
                    STANDING_SIDE,
                    pelvis=(0.1, 3.85),
                    spine=(90, 92),
                    neck=90,
                    leg_l=Limb(286, 274, 0),
                    leg_r=Limb(288, 276, 0),
                )
            ),
            grounded(
                replace(
                    STANDING_SIDE,
                    pelvis=(0.1, 3.55),
                    spine=(90, 92),
                    neck=90,
                    leg_l=Limb(298, 262, 0),
                    leg_r=Limb(300, 264, 0),
                )
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR, Prop("wall", (-0.85, 8.4)), Prop("ball", (-0.49, 4.5, 0.36), front=True)),
        glows=(Glow("ql_l", 1.0),),  # wider than the spine line over it, so it shows
        moves=True,
    ),
}
