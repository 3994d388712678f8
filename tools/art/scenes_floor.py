"""Stretches done on the floor (lying, kneeling, on hands and knees): poses, props, muscle, movement.

Every scene shows the LEFT side working (see ``scenes``)."""

from __future__ import annotations

from dataclasses import replace

from tools.art.draw import Arrow, Glow, Prop, Scene
from tools.art.figure import Limb, Pose
from tools.art.postures import (
    ALL_FOURS,
    BALL_FROM_ABOVE,
    CHILD_FROM_ABOVE,
    FLOOR,
    LOW_BACK,
    LYING_KNEE_HUG,
    LYING_SIDE,
    LYING_TOP,
    WIDE_BOX,
    hands_to,
    legs,
)
from tools.art.shapes import grounded

SCENES: dict[str, Scene] = {
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
        glows=(Glow("hamstring_l", 0.9),),
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
        glows=(Glow("ql_l", 0.7),),
        inset=CHILD_FROM_ABOVE,
    ),
    # side-on, lying on the floor: a tennis ball under the low back just beside the spine
    # (on the near side, so drawn over the body's outline), one knee drawn up
    "ql-ball-release": Scene(
        keys=(replace(LYING_KNEE_HUG, pelvis=(1.2, 0.66), spine=(183, 180)),),
        box=WIDE_BOX,
        props=(FLOOR, Prop("ball", (0.55, 0.32, 0.32), front=True)),
        glows=(Glow("ql_l", 0.6),),
        inset=BALL_FROM_ABOVE,
        arrow=Arrow((1.2, 0.5), 2.9, 70, 118),
    ),
}
