"""The stretch pictures' pose data as drawn before issue 23's review (tools/art/postures.py
and scenes.py at 0334fe4), read by today's figure: the review's faults, kept so the
tests show each pose check fails on the picture it was written for. The numbers are the
old ones; only names changed (a glow names its muscle, a turned chest its twist). Views
from above were mirrors then (``front`` left at its default, face down)."""

from __future__ import annotations

import math
from dataclasses import replace

from tools.art.draw import Arrow, Glow, Prop, Scene
from tools.art.figure import HIP_HALF, LENGTH, Limb, Point, Pose, joints, reach
from tools.art.shapes import grounded

STAND_BOX = (-6.75, -0.6, 6.75, 8.4)
REACH_BOX = (-7.5, -0.6, 7.5, 9.4)  # a hand raised over the head needs the room (still 3:2)
WIDE_BOX = (-6.0, -0.6, 6.0, 7.4)
FLOOR = Prop("floor", (-20.0, 20.0))
QL_LEFT = (Glow("ql_l", 0.9),)
LOW_BACK = (Glow("low_back", 1.2),)

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
STICK_GRIP = (7.6, 3.0)  # the heights the high and the low hand hold the pole at
STICK_FEET = (-1.85, 0.25)  # where the ankles stand beside it
FOOT_LINE = 0.12  # an ankle's height over the floor (half a line: the sole rests on it)
LEG_SOFT = LENGTH["leg_up"] + LENGTH["leg_low"] - 0.015  # hip to ankle, the knee just soft
CHAIR_FRONT = Prop("chair-front", (0.0, 1.95))


def legs(upper: float, lower: float, foot: float) -> dict[str, float]:
    """Foreshortening for both legs alike (a view from above)."""
    return {
        f"{part}_{side}": value
        for side in "lr"
        for part, value in (("leg_up", upper), ("leg_low", lower), ("foot", foot))
    }


def on_stick(pose: Pose, x: float = STICK_X, grip: Point = STICK_GRIP, feet: Point = STICK_FEET) -> Pose:
    """``pose`` (front view) with its ankles on their spots on the floor (``feet``, x of
    each) and its left hand high and right hand low on a pole at ``x`` (``grip``, the
    heights). Put on every frame, so while the hips drift and the ribs lean, the feet
    stay planted and the hands keep their grip."""
    body = standing_on(pose, feet)
    j = joints(body)
    return replace(
        body, arm_l=reach(j["shoulder_l"], (x, grip[0]), bend=1), arm_r=reach(j["shoulder_r"], (x, grip[1]), bend=-1)
    )


def standing_on(pose: Pose, feet: Point) -> Pose:
    """``pose`` (front view) standing on both legs with the ankles at these x on the
    floor: the hips as high as the legs reach with the knees just soft, and tipped as
    the legs make them (drifting over one foot lifts that hip a little)."""
    px, low = pose.pelvis[0], FOOT_LINE
    y, tilt = pose.pelvis[1], 90.0
    for _ in range(8):  # each hip over its foot, then the pelvis between them
        across = math.radians(tilt + 90)
        hx = [px + HIP_HALF * math.cos(across), px - HIP_HALF * math.cos(across)]
        hy = [low + math.sqrt(LEG_SOFT**2 - (h - f) ** 2) for h, f in zip(hx, feet, strict=True)]
        y = (hy[0] + hy[1]) / 2
        tilt = 90 - math.degrees(math.asin((hy[0] - hy[1]) / (2 * HIP_HALF)))
    body = replace(pose, pelvis=(px, y), hips=tilt)
    j = joints(body)
    leg_l = reach(j["hip_l"], (feet[0], low), bend=-1, limb="leg")  # a soft knee bows out, not in
    leg_r = reach(j["hip_r"], (feet[1], low), bend=1, limb="leg")
    return replace(body, leg_l=Limb(leg_l.upper, leg_l.lower, 180), leg_r=Limb(leg_r.upper, leg_r.lower, 0))


def hands_to(pose: Pose, left: Point, right: Point, bend: int = 1) -> Pose:
    """``pose`` with its hands put on these points (a knee, the floor ahead)."""
    j = joints(pose)
    return replace(pose, arm_l=reach(j["shoulder_l"], left, bend), arm_r=reach(j["shoulder_r"], right, bend))


def hands_on(pose: Pose, joint: str, toward: str, share: float, bend: int = 1) -> Pose:
    """``pose`` with both hands resting ``share`` of the way from one joint to another
    (on the shin below the knee, on the thigh): held, not hovering."""
    j = joints(pose)
    (ax, ay), (bx, by) = j[joint], j[toward]
    spot = (ax + (bx - ax) * share, ay + (by - ay) * share + 0.15)
    return hands_to(pose, spot, (spot[0] + 0.1, spot[1] - 0.05), bend)


def ankle_on(pose: Pose, target: str, thigh: float, thigh_scale: float) -> Pose:
    """``pose`` (front view) with the left thigh out at ``thigh`` degrees and the left
    shin laid across to rest its ankle on ``target`` (the other knee: a figure four)."""
    out = replace(pose, leg_l=Limb(thigh, 0, 0), scale=pose.scale | {"leg_up_l": thigh_scale})
    j = joints(out)
    (kx, ky), (tx, ty) = j["knee_l"], j[target]
    ty += 0.2
    angle = math.degrees(math.atan2(ty - ky, tx - kx)) % 360
    length = math.hypot(tx - kx, ty - ky) / LENGTH["leg_low"]
    return replace(out, leg_l=Limb(thigh, angle, angle), scale=out.scale | {"leg_low_l": length, "foot_l": 0.3})


def hand_r_to(pose: Pose, spot: Point) -> Pose:
    """``pose`` with the right hand resting on ``spot`` (the seat beside the hip)."""
    return replace(pose, arm_r=reach(joints(pose)["shoulder_r"], spot, bend=1))


def seated_front(**changes: object) -> Pose:
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
            pelvis=(-1.9, 4.0),
            spine=(356, 336),
            neck=324,
            arm_l=Limb(326, 322),  # both arms walked well over to the one side, the head between them
            arm_r=Limb(322, 320),
            leg_l=Limb(0, 180, 180),
            leg_r=Limb(0, 180, 180),
            scale={"leg_up_l": 0.4, "leg_up_r": 0.4, "leg_low_l": 0.8, "leg_low_r": 0.8, "foot_l": 0.3, "foot_r": 0.3}
            | {"arm_up_l": 0.85, "arm_low_l": 0.85, "arm_up_r": 0.85, "arm_low_r": 0.85},
        ),
    ),
    box=INSET_BOX,
    props=(INSET_MAT,),
    glows=(Glow("ql_l", 0.7),),
)
# The ball release seen from above, on the back, head to the left: the ball lies under
# the low back just to one side of the spine (drawn over the body to show where).
BALL_FROM_ABOVE = Scene(
    keys=(
        hands_on(
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
            "knee_l",
            "hip_l",
            0.1,
        ),
    ),
    box=INSET_BOX,
    props=(INSET_MAT, Prop("ball", (0.55, 2.85, 0.25), front=True)),
)

# lying on the back, both hands round the shin below the knee, the elbow up and out
LYING_KNEE_HUG = hands_on(
    replace(LYING_SIDE, leg_l=Limb(124, 338, 320), leg_r=Limb(36, 318, 0)), "knee_l", "ankle_l", 0.12, bend=1
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

BEFORE: dict[str, Scene] = {
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

BEFORE |= {
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
                seated_front(twist=(0.0, 60.0), neck=96, face=170, behind=("arm_l",)),
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
        glows=(Glow("thigh_l", 0.9),),
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
        glows=(Glow("ql_l", 0.7),),
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
        glows=(Glow("ql_l", 0.6),),
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
        glows=(Glow("ql_l", 1.4),),  # wider than the spine line over it, so it shows
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
