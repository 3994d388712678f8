"""One scene per stretch: the poses, the props, where it works, and the movement.

Every scene shows the LEFT side working; the right side is its mirror image, made by
the dialog at run time (mirroring also moves the highlight, so it always follows).
In front views the figure is drawn as a reflection: its left is on the image's left.
"""

from __future__ import annotations

import math
from dataclasses import replace

from tools.art.draw import Arrow, Glow, Prop, Scene
from tools.art.figure import LENGTH, Limb, Point, Pose, grounded, joints, reach

STAND_BOX = (-6.75, -0.6, 6.75, 8.4)
REACH_BOX = (-7.5, -0.6, 7.5, 9.4)  # a hand raised over the head needs the room (still 3:2)
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
STICK_X = 1.9
CHAIR_FRONT = Prop("chair-front", (0.0, 1.95))


def _legs(upper: float, lower: float, foot: float) -> dict[str, float]:
    """Foreshortening for both legs alike (a view from above)."""
    return {
        f"{part}_{side}": value
        for side in "lr"
        for part, value in (("leg_up", upper), ("leg_low", lower), ("foot", foot))
    }


def _on_stick(pose: Pose, x: float, high: float, low: float) -> Pose:
    """``pose`` standing on the floor with the left hand high and the right hand low on
    a pole at ``x``: the hands are put on it, not near it."""
    body = grounded(pose)
    j = joints(body)
    return replace(
        body, arm_l=reach(j["shoulder_l"], (x, high), bend=1), arm_r=reach(j["shoulder_r"], (x, low), bend=-1)
    )


def _hands_to(pose: Pose, left: Point, right: Point, bend: int = 1) -> Pose:
    """``pose`` with its hands put on these points (a knee, the floor ahead)."""
    j = joints(pose)
    return replace(pose, arm_l=reach(j["shoulder_l"], left, bend), arm_r=reach(j["shoulder_r"], right, bend))


def _hands_on(pose: Pose, joint: str, toward: str, share: float, bend: int = 1) -> Pose:
    """``pose`` with both hands resting ``share`` of the way from one joint to another
    (on the shin below the knee, on the thigh): held, not hovering."""
    j = joints(pose)
    (ax, ay), (bx, by) = j[joint], j[toward]
    spot = (ax + (bx - ax) * share, ay + (by - ay) * share + 0.15)
    return _hands_to(pose, spot, (spot[0] + 0.1, spot[1] - 0.05), bend)


def _ankle_on(pose: Pose, target: str, thigh: float, thigh_scale: float) -> Pose:
    """``pose`` (front view) with the left thigh out at ``thigh`` degrees and the left
    shin laid across to rest its ankle on ``target`` (the other knee: a figure four)."""
    out = replace(pose, leg_l=Limb(thigh, 0, 0), scale=pose.scale | {"leg_up_l": thigh_scale})
    j = joints(out)
    (kx, ky), (tx, ty) = j["knee_l"], j[target]
    ty += 0.2
    angle = math.degrees(math.atan2(ty - ky, tx - kx)) % 360
    length = math.hypot(tx - kx, ty - ky) / LENGTH["leg_low"]
    return replace(out, leg_l=Limb(thigh, angle, angle), scale=out.scale | {"leg_low_l": length, "foot_l": 0.3})


def _hand_r_to(pose: Pose, spot: Point) -> Pose:
    """``pose`` with the right hand resting on ``spot`` (the seat beside the hip)."""
    return replace(pose, arm_r=reach(joints(pose)["shoulder_r"], spot, bend=1))


def _seated_front(**changes: object) -> Pose:
    return replace(SEATED_FRONT, **changes)  # type: ignore[arg-type]


INSET_BOX = (-4.5, 0.4, 4.5, 6.4)  # a view from above in the corner (3:2)
INSET_MAT = Prop("mat", (-4.3, 0.6, 4.3, 6.2))
# Child's pose seen from above, face down, head to the right as in the side view: the
# hips back, the shins folded under, both arms walked over to the right (down here), so
# the left side of the back (at the top: it is lit) opens.
CHILD_FROM_ABOVE = Scene(
    keys=(
        Pose(
            view="top",
            pelvis=(-1.6, 3.9),
            spine=(0, 346),
            neck=340,
            arm_l=Limb(326, 320),  # both arms walked well over to the one side
            arm_r=Limb(318, 314),
            leg_l=Limb(0, 180, 180),
            leg_r=Limb(0, 180, 180),
            scale={"leg_up_l": 0.4, "leg_up_r": 0.4, "leg_low_l": 0.8, "leg_low_r": 0.8, "foot_l": 0.3, "foot_r": 0.3}
            | {"arm_up_l": 0.85, "arm_low_l": 0.85, "arm_up_r": 0.85, "arm_low_r": 0.85},
        ),
    ),
    box=INSET_BOX,
    props=(INSET_MAT,),
    glows=(Glow("crest_l", "rib_l", 0.7),),
)
# The ball release seen from above, on the back, head to the left: the ball lies under
# the low back just to one side of the spine (drawn over the body to show where).
BALL_FROM_ABOVE = Scene(
    keys=(
        Pose(
            view="top",
            pelvis=(1.4, 3.4),
            spine=(180, 180),
            neck=180,
            arm_l=Limb(330, 350),
            arm_r=Limb(30, 10),
            leg_l=Limb(340, 180, 0),
            leg_r=Limb(0, 180, 0),
            scale={
                "leg_up_l": 0.35,
                "leg_up_r": 0.55,
                "leg_low_l": 0.3,
                "leg_low_r": 0.3,
                "foot_l": 0.3,
                "foot_r": 0.3,
            },
        ),
    ),
    box=INSET_BOX,
    props=(INSET_MAT, Prop("ball", (0.55, 2.85, 0.25), front=True)),
)

# -- the stretches -------------------------------------------------------------------------

SCENES: dict[str, Scene] = {
    # held stretches hold still: the lean itself, the raised arm over the head
    "standing-side-bend": Scene(
        keys=(grounded(replace(STANDING_FRONT, spine=(84, 56), neck=52, arm_l=Limb(66, 24), arm_r=Limb(300, 200))),),
        box=REACH_BOX,
        props=(FLOOR,),
        glows=QL_LEFT,
    ),
    "seated-side-bend": Scene(
        keys=(_hand_r_to(_seated_front(spine=(89, 58), neck=54, arm_l=Limb(66, 24)), (1.35, 2.0)),),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_FRONT),
        glows=QL_LEFT,
    ),
}

# both hands round the shin below the knee, the elbows bent out below the thigh
_LYING_KNEE_HUG = _hands_on(replace(LYING_SIDE, leg_l=Limb(124, 14, 350)), "knee_l", "ankle_l", 0.45, bend=-1)

SCENES |= {
    # a wide grip, the low hand far down the pole, the ribs leaning towards it while the
    # hips drift away; the lean deepens and eases slowly (the sources: work in motion)
    # front view: feet apart, hips level (drifting away from the pole), a wide grip with
    # the low hand far down the pole; the ribs curve towards it, deepening and easing
    "ql-stick-stretch": Scene(
        keys=(
            _on_stick(
                replace(
                    STANDING_FRONT,
                    pelvis=(-1.3, 3.8),
                    spine=(88, 40),
                    neck=38,
                    leg_l=Limb(262, 266, 180),
                    leg_r=Limb(280, 276, 0),
                ),
                STICK_X,
                7.7,
                3.0,
            ),
            _on_stick(
                replace(
                    STANDING_FRONT,
                    pelvis=(-1.5, 3.8),
                    spine=(88, 32),
                    neck=30,
                    leg_l=Limb(262, 266, 180),
                    leg_r=Limb(280, 276, 0),
                ),
                STICK_X,
                7.5,
                2.8,
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR, Prop("stick", (STICK_X, 0.0, STICK_X, 8.0))),
        glows=QL_LEFT,
        moves=True,
        holds=("hand_l", "hand_r"),
    ),
    # front view, the chest turned to the left (the shoulders narrow as they turn): the
    # right hand on the outside of the left knee, the left hand back on the chair
    "seated-twist": Scene(
        keys=(_hands_to(_seated_front(shoulder_turn=0.45), (-1.15, 2.55), (-0.95, 2.0), bend=-1),),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_FRONT),
        glows=LOW_BACK,
        arrow=Arrow((0.0, 4.1), 1.5, 20, 160),
    ),
    # front view, sitting tall then leaning a little: the left ankle rests on the right
    # knee, the left knee falls out to the side (the "4"), the hands on the shin
    # side-on: the near ankle rests across the far knee (the shin across the thighs, the
    # knee out to the side), the hands on the shin, tipping forward from the hips
    "seated-figure-four": Scene(
        keys=(
            _hands_on(
                _ankle_on(replace(SEATED_SIDE, spine=(70, 64), neck=52), "knee_r", 28, 0.5),
                "knee_l",
                "ankle_l",
                0.5,
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_SIDE),
        glows=(Glow("pelvis", "thigh_l", 1.0),),
        arrow=Arrow((-0.4, 2.15), 3.9, 100, 70),
    ),
    # side-on: a long stride, both knees bent, the back heel up; the hips tuck under and
    # the front of the back hip opens
    # side-on: a long stride, both knees a little bent, the back heel up and both feet on
    # the floor; the hips tuck under and the front of the back hip opens
    "standing-hip-flexor": Scene(
        keys=(
            grounded(
                replace(
                    STANDING_SIDE,
                    pelvis=(0.0, 3.4),
                    spine=(92, 90),
                    leg_r=Limb(290, 268, 0),
                    leg_l=Limb(238, 240, 330),
                    arm_l=Limb(262, 300),
                    arm_r=Limb(276, 305),
                )
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR,),
        glows=(Glow("pelvis", "thigh_l", 1.0),),
        arrow=Arrow((0.0, 4.3), 1.9, 235, 300),
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
                leg_l=Limb(84, 84, 174),  # the sole to the ceiling, the toes towards the head
            ),
        ),
        box=WIDE_BOX,
        props=(FLOOR, Prop("band", (), link=("hand_l", "toe_l"))),
        glows=(Glow("hip_l", "knee_l", 0.9),),
        arrow=Arrow((1.2, 0.45), 4.6, 68, 98),
    ),
    # seen from above, on a mat: arms out wide, knees bent and sunk together to one side
    # seen from above, on a mat: arms out wide, both knees bent and sunk together to one
    # side; the faint figure is where they start, knees pointing up
    "lumbar-rotation": Scene(
        keys=(
            replace(
                LYING_TOP,
                leg_l=Limb(322, 208, 208),
                leg_r=Limb(316, 204, 204),
                scale=LYING_TOP.scale | _legs(0.95, 0.55, 0.3),
            ),
        ),
        ghost=replace(
            LYING_TOP,
            leg_l=Limb(6, 174, 174),
            leg_r=Limb(354, 186, 186),
            scale=LYING_TOP.scale | _legs(0.8, 0.45, 0.3),
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
            _hands_to(replace(SEATED_SIDE, pelvis=(0.0, 2.15), spine=(102, 78), neck=84), (1.75, 2.5), (1.75, 2.4)),
            _hands_to(replace(SEATED_SIDE, pelvis=(0.0, 2.15), spine=(74, 52), neck=20), (1.75, 2.5), (1.75, 2.4)),
        ),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_SIDE),
        glows=LOW_BACK,
        moves=True,
    ),
    # side-on, kneeling: shins on the floor, the hips sinking back towards the heels, the
    # chest low over the thighs and both arms long on the floor ahead
    # side-on, kneeling: the hips sunk back onto the heels, the chest resting low over the
    # thighs, the forehead towards the floor and both arms long on the floor ahead
    "child-pose-side-reach": Scene(
        keys=(
            _hands_to(
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
    # side-on: the head and shoulders on the floor, the low back resting on the ball
    # (drawn in its own colour, in full), one knee drawn up towards the chest
    # side-on, lying on the floor: a tennis ball under the low back just beside the spine
    # (on the near side, so drawn over the body's outline), one knee drawn up
    "ql-ball-release": Scene(
        keys=(replace(_LYING_KNEE_HUG, pelvis=(1.2, 0.5), spine=(181, 180)),),
        box=WIDE_BOX,
        props=(FLOOR, Prop("ball", (0.55, 0.25, 0.25), front=True)),
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
        props=(FLOOR, Prop("wall", (-0.85, 8.4)), Prop("ball", (-0.49, 4.5, 0.36))),
        glows=(Glow("crest_l", "rib_l", 0.5),),
        moves=True,
    ),
    # side-on: one knee drawn up towards the chest, both hands round the shin below it
    "seated-knee-hug": Scene(
        keys=(
            _hands_on(
                replace(SEATED_SIDE, spine=(92, 94), neck=88, leg_l=Limb(62, 290, 330)), "knee_l", "ankle_l", 0.3
            ),
        ),
        box=STAND_BOX,
        props=(FLOOR, CHAIR_SIDE),
        glows=LOW_BACK,
        arrow=Arrow((-0.4, 2.15), 2.8, 30, 70),
    ),
    # side-on: one leg out straight with the heel down, the other bent; leaning forward
    # from the hips with a long back, the hands resting on the bent leg's thigh
    "seated-hamstring": Scene(
        keys=(
            _hands_on(
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
