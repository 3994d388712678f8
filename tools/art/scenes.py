"""One scene per stretch: the poses, the props, where it works, and the movement
(built from the pieces in ``postures``).

Every scene shows the LEFT side working; the right side is its mirror image, made by
the dialog at run time (mirroring also moves the highlight, so it always follows).
In front views the figure is drawn as a reflection: its left is on the image's left.
"""

from __future__ import annotations

from dataclasses import replace

from tools.art.draw import Arrow, Glow, Prop, Scene
from tools.art.figure import Limb, Pose, grounded
from tools.art.postures import (
    ALL_FOURS,
    BALL_FROM_ABOVE,
    CHAIR_FRONT,
    CHAIR_SIDE,
    CHILD_FROM_ABOVE,
    FLOOR,
    LOW_BACK,
    LYING_KNEE_HUG,
    LYING_SIDE,
    LYING_TOP,
    QL_LEFT,
    REACH_BOX,
    SEATED_SIDE,
    STAND_BOX,
    STANDING_FRONT,
    STANDING_SIDE,
    STICK_X,
    WIDE_BOX,
    ankle_on,
    hand_r_to,
    hands_on,
    hands_to,
    legs,
    on_stick,
    seated_front,
)

# front view: feet apart and planted, the hands holding the pole where they grip it (the
# low hand far down it); the hips drift away from it and the ribs curve towards it, the
# bend spread through the waist (the pelvis tips a little, the lower back leans, the
# ribs and head a little more), deepening to a comfortable lean and easing slowly
STICK_KEYS = (
    on_stick(replace(STANDING_FRONT, pelvis=(-0.6, 3.8), spine=(82, 62), neck=55)),
    on_stick(replace(STANDING_FRONT, pelvis=(-1.05, 3.8), spine=(71, 51), neck=43)),
)

# -- the stretches -------------------------------------------------------------------------

SCENES: dict[str, Scene] = {
    # held stretches hold still: the lean itself, the raised arm over the head
    "standing-side-bend": Scene(
        keys=(grounded(replace(STANDING_FRONT, spine=(84, 56), neck=52, arm_l=Limb(72, 36), arm_r=Limb(300, 200))),),
        box=REACH_BOX,
        props=(FLOOR,),
        glows=QL_LEFT,
    ),
    "seated-side-bend": Scene(
        keys=(hand_r_to(seated_front(spine=(89, 58), neck=54, arm_l=Limb(66, 24)), (1.35, 2.0)),),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_FRONT),
        glows=QL_LEFT,
    ),
}

SCENES |= {
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
    # front view, the chest turned to the left (the shoulders narrow as they turn): the
    # right hand on the outside of the left knee, the left hand back on the chair
    "seated-twist": Scene(
        keys=(
            hands_to(
                seated_front(shoulder_turn=0.5, neck=96, face=170, behind=("arm_l",)),
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
        glows=(Glow("hip_l", "knee_l", 0.9),),
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
        glows=(Glow("pelvis", "thigh_l", 0.8),),
        arrow=Arrow((1.1, 6.4), 2.6, 256, 284),
    ),
    "knee-to-chest": Scene(
        keys=(LYING_KNEE_HUG,),
        box=WIDE_BOX,
        props=(FLOOR,),
        glows=LOW_BACK,
        arrow=Arrow((1.2, 0.45), 2.9, 70, 118),
    ),
    "band-hamstring": Scene(
        keys=(
            replace(
                LYING_SIDE,
                arm_l=Limb(52, 38),
                arm_r=Limb(54, 40),
                leg_l=Limb(84, 84, 174),  # the sole to the ceiling, the toes towards the head
            ),
        ),
        box=WIDE_BOX,
        props=(FLOOR, Prop("band", (), link=("hand_l", "toe_l"))),
        glows=(Glow("hip_l", "knee_l", 0.9),),
        arrow=Arrow((1.2, 0.45), 4.6, 68, 98),
    ),
    # seen from above, on a mat: arms out wide, both knees bent and sunk together to one
    # side; the faint figure is where they start, knees pointing up
    "lumbar-rotation": Scene(
        keys=(
            replace(
                LYING_TOP,
                leg_l=Limb(322, 208, 208),
                leg_r=Limb(316, 204, 204),
                scale=LYING_TOP.scale | legs(0.95, 0.55, 0.3),
            ),
        ),
        ghost=replace(
            LYING_TOP,
            leg_l=Limb(6, 174, 174),
            leg_r=Limb(354, 186, 186),
            scale=LYING_TOP.scale | legs(0.8, 0.45, 0.3),
        ),
        box=WIDE_BOX,
        props=(Prop("mat", (-5.6, -0.4, 5.6, 7.2)),),
        glows=LOW_BACK,
        arrow=Arrow((1.6, 3.4), 2.7, 6, -36),
    ),
    # one rep is one cycle: into the cow (back dipped, head up) and then round into the
    # cat (back arched up, head down) while breathing out, as the hold's words say
    "cat-cow": Scene(
        keys=(
            replace(ALL_FOURS, spine=(-12, 10), neck=30, arm_l=Limb(268, 272), arm_r=Limb(266, 270)),
            replace(ALL_FOURS, spine=(16, -14), neck=-55, arm_l=Limb(272, 268), arm_r=Limb(270, 266)),
        ),
        box=WIDE_BOX,
        props=(FLOOR,),
        glows=LOW_BACK,
        moves=True,
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
    # side-on, kneeling: the hips sunk back onto the heels, the chest resting low over the
    # thighs, the forehead towards the floor and both arms long on the floor ahead
    "child-pose-side-reach": Scene(
        keys=(
            hands_to(
                grounded(
                    Pose(
                        view="side",
                        pelvis=(-1.9, 0.8),
                        spine=(30, 338),
                        neck=318,
                        arm_l=Limb(356, 358),
                        arm_r=Limb(358, 0),
                        leg_l=Limb(344, 180, 180),
                        leg_r=Limb(346, 181, 180),
                        scale={"foot_l": 0.45, "foot_r": 0.45},
                    )
                ),
                (4.2, 0.12),
                (4.4, 0.12),
                bend=1,
            ),
        ),
        box=WIDE_BOX,
        props=(FLOOR,),
        glows=(Glow("crest_l", "rib_l", 0.7),),
        inset=CHILD_FROM_ABOVE,
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
    # side-on, lying on the floor: a tennis ball under the low back just beside the spine
    # (on the near side, so drawn over the body's outline), one knee drawn up
    "ql-ball-release": Scene(
        keys=(replace(LYING_KNEE_HUG, pelvis=(1.2, 0.66), spine=(183, 180)),),
        box=WIDE_BOX,
        props=(FLOOR, Prop("ball", (0.55, 0.32, 0.32), front=True)),
        glows=(Glow("crest_l", "rib_l", 0.6),),
        inset=BALL_FROM_ABOVE,
        arrow=Arrow((1.2, 0.5), 2.9, 70, 118),
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
        glows=(Glow("crest_l", "rib_l", 1.4),),  # wider than the spine line over it, so it shows
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
        glows=(Glow("hip_l", "knee_l", 0.8),),
        arrow=Arrow((-0.1, 2.15), 3.6, 96, 70),
    ),
}
