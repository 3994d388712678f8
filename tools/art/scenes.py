"""One scene per stretch: the poses, the props, where it works, and the movement.

Every scene shows the LEFT side working; the right side is its mirror image, made by
the dialog at run time (mirroring also moves the highlight, so it always follows).
In front views the figure is drawn as a reflection: its left is on the image's left.
"""

from __future__ import annotations

from dataclasses import replace

from tools.art.draw import Arrow, Glow, Prop, Scene
from tools.art.figure import Limb, Pose

STAND_BOX = (-6.75, -0.6, 6.75, 8.4)
WIDE_BOX = (-6.0, -0.6, 6.0, 7.4)
FLOOR = Prop("floor", (-20.0, 20.0))
QL_LEFT = (Glow("crest_l", "rib_l", 0.9),)
LOW_BACK = (Glow("pelvis", "mid", 1.2),)

# -- base postures ----------------------------------------------------------------------

STANDING_FRONT = Pose(
    view="front",
    pelvis=(0.0, 3.85),
    spine=(90, 90),
    neck=90,
    arm_l=Limb(262, 268),
    arm_r=Limb(278, 272),
    leg_l=Limb(266, 270, 180),
    leg_r=Limb(274, 270, 0),
    scale={"foot_l": 0.45, "foot_r": 0.45},
)
STANDING_SIDE = Pose(
    view="side",
    pelvis=(0.0, 3.85),
    spine=(90, 92),
    neck=88,
    arm_l=Limb(268, 280),
    arm_r=Limb(272, 282),
    leg_l=Limb(268, 270, 0),
    leg_r=Limb(272, 270, 0),
)
SEATED_SIDE = Pose(  # on a chair, facing right
    view="side",
    pelvis=(-0.4, 2.15),
    spine=(92, 92),
    neck=88,
    arm_l=Limb(280, 350),
    arm_r=Limb(282, 352),
    leg_l=Limb(2, 268, 0),
    leg_r=Limb(358, 272, 0),
)
SEATED_FRONT = Pose(
    view="front",
    pelvis=(0.0, 2.15),
    spine=(90, 90),
    neck=90,
    arm_l=Limb(262, 300),
    arm_r=Limb(278, 240),
    leg_l=Limb(250, 270, 180),
    leg_r=Limb(290, 270, 0),
    scale={"leg_up_l": 0.18, "leg_up_r": 0.18, "leg_low_l": 1.0, "leg_low_r": 1.0, "foot_l": 0.4, "foot_r": 0.4},
)
LYING_SIDE = Pose(  # on the back, head to the left, knees bent
    view="side",
    pelvis=(1.2, 0.45),
    spine=(180, 180),
    neck=180,
    arm_l=Limb(350, 355),
    arm_r=Limb(352, 357),
    leg_l=Limb(52, 305, 0),
    leg_r=Limb(48, 302, 0),
)
LYING_TOP = Pose(  # seen from above, on the back, head to the left, arms out wide
    view="top",
    pelvis=(1.6, 3.4),
    spine=(180, 180),
    neck=180,
    arm_l=Limb(262, 270),
    arm_r=Limb(98, 90),
    scale={"arm_up_l": 0.8, "arm_low_l": 0.8, "arm_up_r": 0.8, "arm_low_r": 0.8},
    leg_l=Limb(0, 0, 0),
    leg_r=Limb(0, 0, 0),
)
ALL_FOURS = Pose(  # hands and knees, facing right; arms shortened to reach the floor
    view="side",
    pelvis=(-1.6, 2.2),
    spine=(0, 0),
    neck=0,
    arm_l=Limb(270, 270),
    arm_r=Limb(270, 270),
    leg_l=Limb(270, 180, 180),
    leg_r=Limb(268, 180, 180),
    scale={"arm_up_l": 0.72, "arm_low_l": 0.72, "arm_up_r": 0.72, "arm_low_r": 0.72, "foot_l": 0.5, "foot_r": 0.5},
)
CHAIR_SIDE = Prop("chair-side", (-0.6, 1.95))
CHAIR_FRONT = Prop("chair-front", (0.0, 1.95))


def _legs(upper: float, lower: float, foot: float) -> dict[str, float]:
    """Foreshortening for both legs alike (a view from above)."""
    return {
        f"{part}_{side}": value
        for side in "lr"
        for part, value in (("leg_up", upper), ("leg_low", lower), ("foot", foot))
    }


def _seated_front(**changes: object) -> Pose:
    return replace(SEATED_FRONT, **changes)  # type: ignore[arg-type]


# -- the stretches -------------------------------------------------------------------------

SCENES: dict[str, Scene] = {
    "standing-side-bend": Scene(
        keys=(
            replace(STANDING_FRONT, arm_l=Limb(95, 95), arm_r=Limb(300, 200)),
            replace(STANDING_FRONT, spine=(80, 62), neck=55, arm_l=Limb(72, 18), arm_r=Limb(300, 200)),
        ),
        box=STAND_BOX,
        props=(FLOOR,),
        glows=QL_LEFT,
        moves=True,
    ),
    "seated-side-bend": Scene(
        keys=(
            _seated_front(arm_l=Limb(95, 95)),
            _seated_front(spine=(84, 62), neck=55, arm_l=Limb(72, 18), arm_r=Limb(285, 275)),
        ),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_FRONT),
        glows=QL_LEFT,
        moves=True,
    ),
}

_LYING_KNEE_HUG = replace(
    LYING_SIDE,
    arm_l=Limb(62, 8),
    arm_r=Limb(64, 10),
    leg_l=Limb(128, 22, 340),
)

SCENES |= {
    "ql-stick-stretch": Scene(
        keys=(
            replace(
                STANDING_FRONT,
                pelvis=(-0.5, 3.8),
                spine=(76, 62),
                neck=58,
                arm_l=Limb(66, 14),
                arm_r=Limb(300, 292),
                leg_l=Limb(258, 266, 180),
                leg_r=Limb(282, 276, 0),
            ),
            replace(
                STANDING_FRONT,
                pelvis=(-0.75, 3.75),
                spine=(70, 52),
                neck=48,
                arm_l=Limb(58, 6),
                arm_r=Limb(302, 296),
                leg_l=Limb(256, 266, 180),
                leg_r=Limb(284, 276, 0),
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR, Prop("stick", (2.7, 0.0, 2.7, 8.0))),
        glows=QL_LEFT,
        moves=True,
    ),
    "seated-twist": Scene(
        keys=(
            _seated_front(
                shoulder_turn=0.45,
                arm_l=Limb(250, 262),
                arm_r=Limb(240, 256),
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_FRONT),
        glows=LOW_BACK,
        arrow=Arrow((0.0, 4.3), 2.3, 35, 145),
    ),
    "seated-figure-four": Scene(
        keys=(
            replace(
                SEATED_SIDE,
                spine=(68, 60),
                neck=45,
                arm_l=Limb(300, 330),
                arm_r=Limb(298, 328),
                leg_l=Limb(14, 320, 0),
                scale={"leg_up_l": 0.85, "leg_low_l": 0.3, "foot_l": 0.4},
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_SIDE),
        glows=(Glow("pelvis", "thigh_l", 1.2),),
        arrow=Arrow((-0.4, 2.15), 4.0, 100, 62),
    ),
    "standing-hip-flexor": Scene(
        keys=(
            replace(
                STANDING_SIDE,
                pelvis=(0.0, 3.5),
                spine=(92, 90),
                leg_r=Limb(300, 266, 0),
                leg_l=Limb(244, 236, 330),
                arm_l=Limb(262, 300),
                arm_r=Limb(276, 305),
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR,),
        glows=(Glow("pelvis", "thigh_l", 1.0),),
        arrow=Arrow((0.0, 4.6), 1.9, 235, 300),
    ),
    "knee-to-chest": Scene(
        keys=(_LYING_KNEE_HUG,),
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
                leg_l=Limb(84, 84, 0),
            ),
        ),
        box=WIDE_BOX,
        props=(FLOOR, Prop("band", (), link=("hand_l", "toe_l"))),
        glows=(Glow("hip_l", "knee_l", 0.9),),
        arrow=Arrow((1.2, 0.45), 4.6, 68, 98),
    ),
    "lumbar-rotation": Scene(
        keys=(
            replace(
                LYING_TOP, leg_l=Limb(2, 358, 0), leg_r=Limb(358, 2, 0), scale=LYING_TOP.scale | _legs(0.5, 0.55, 0.35)
            ),
            replace(
                LYING_TOP,
                leg_l=Limb(300, 10, 0),
                leg_r=Limb(310, 14, 0),
                scale=LYING_TOP.scale | _legs(0.95, 0.8, 0.35),
            ),
        ),
        box=WIDE_BOX,
        glows=LOW_BACK,
        moves=True,
    ),
    "cat-cow": Scene(
        keys=(
            replace(ALL_FOURS, spine=(16, -14), neck=-55, arm_l=Limb(272, 268), arm_r=Limb(270, 266)),
            replace(ALL_FOURS, spine=(-12, 10), neck=30, arm_l=Limb(268, 272), arm_r=Limb(266, 270)),
        ),
        box=WIDE_BOX,
        props=(FLOOR,),
        glows=LOW_BACK,
        moves=True,
    ),
    "seated-cat-cow": Scene(
        keys=(
            replace(SEATED_SIDE, spine=(80, 55), neck=35, arm_l=Limb(295, 330), arm_r=Limb(293, 328)),
            replace(SEATED_SIDE, spine=(98, 96), neck=100, arm_l=Limb(282, 345), arm_r=Limb(280, 343)),
        ),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_SIDE),
        glows=LOW_BACK,
        moves=True,
    ),
    "child-pose-side-reach": Scene(
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
                scale=_legs(0.35, 0.6, 0.3),
            ),
        ),
        box=WIDE_BOX,
        glows=QL_LEFT,
        arrow=Arrow((-0.2, 3.2), 3.6, 178, 140),
    ),
    "gentle-walk": Scene(
        keys=(
            replace(
                STANDING_SIDE,
                pelvis=(0.0, 3.75),
                leg_l=Limb(290, 272, 0),
                leg_r=Limb(250, 238, 330),
                arm_l=Limb(250, 262),
                arm_r=Limb(292, 320),
            ),
            replace(
                STANDING_SIDE,
                pelvis=(0.0, 3.75),
                leg_r=Limb(290, 272, 0),
                leg_l=Limb(250, 238, 330),
                arm_r=Limb(250, 262),
                arm_l=Limb(292, 320),
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR,),
        glows=LOW_BACK,
        moves=True,
    ),
    "ql-ball-release": Scene(
        # the low back rests on the ball, so it sits a little higher than the head
        keys=(replace(_LYING_KNEE_HUG, pelvis=(1.2, 0.85), spine=(190, 177)),),
        box=WIDE_BOX,
        props=(FLOOR, Prop("ball", (0.55, 0.3, 0.3))),
        glows=(Glow("pelvis", "mid", 0.9),),
        arrow=Arrow((1.2, 0.85), 2.9, 70, 118),
    ),
    "ql-ball-wall-release": Scene(
        keys=(
            replace(STANDING_SIDE, pelvis=(0.0, 3.85), spine=(94, 94), neck=92),
            replace(
                STANDING_SIDE,
                pelvis=(0.0, 3.45),
                spine=(96, 95),
                neck=92,
                leg_l=Limb(292, 250, 0),
                leg_r=Limb(294, 252, 0),
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR, Prop("wall", (-0.85, 8.4)), Prop("ball", (-0.3, 4.55, 0.32))),
        glows=(Glow("pelvis", "mid", 0.9),),
        moves=True,
    ),
    "seated-knee-hug": Scene(
        keys=(
            replace(
                SEATED_SIDE, spine=(94, 96), neck=88, leg_l=Limb(42, 282, 330), arm_l=Limb(300, 20), arm_r=Limb(302, 22)
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_SIDE),
        glows=LOW_BACK,
        arrow=Arrow((-0.4, 2.15), 2.6, 20, 62),
    ),
    "seated-hamstring": Scene(
        keys=(
            replace(
                SEATED_SIDE,
                pelvis=(-0.1, 2.15),
                spine=(64, 58),
                neck=48,
                leg_l=Limb(336, 326, 70),
                arm_l=Limb(300, 320),
                arm_r=Limb(298, 318),
                scale={"foot_l": 0.5},
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_SIDE),
        glows=(Glow("hip_l", "knee_l", 0.8),),
        arrow=Arrow((-0.1, 2.15), 3.6, 96, 64),
    ),
}
