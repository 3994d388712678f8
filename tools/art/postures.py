"""The pieces the scenes are built from: picture boxes, props, base postures (standing,
seated, lying, on all fours) and the helpers that put hands and feet where they rest
(the floor's own views from above live in ``scenes_floor``).

Front views are drawn as a reflection: the figure's left is on the image's left.
"""

from __future__ import annotations

import math
from dataclasses import replace

from tools.art.draw import Glow, Prop
from tools.art.figure import HIP_HALF, LENGTH, Limb, Point, Pose, joints, reach

STAND_BOX = (-6.75, -0.6, 6.75, 8.4)
REACH_BOX = (-7.5, -0.6, 7.5, 9.4)  # a hand raised over the head needs the room (still 3:2)
WIDE_BOX = (-6.0, -0.6, 6.0, 7.4)
FLOOR = Prop("floor", (-20.0, 20.0))
QL_LEFT = (Glow("ql_l", 0.9),)
LOW_BACK = (Glow("low_back", 1.0),)

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
    front=1,
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


# lying on the back, both hands round the shin below the knee, the elbow up and out
LYING_KNEE_HUG = hands_on(
    replace(LYING_SIDE, leg_l=Limb(124, 338, 320), leg_r=Limb(36, 318, 0)), "knee_l", "ankle_l", 0.12, bend=1
)
