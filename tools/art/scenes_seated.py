"""Stretches done sitting on a chair: each scene's poses, props, the muscle that works and its movement.

Every scene shows the LEFT side working (see ``scenes``). Every sitter rests the seat of
the pelvis on the chair's seat and has the feet on the floor: ``seated`` puts the
trunk's lowest point on the seat line and the ankles on their spots, so a pose only
says how the body bends. The chair is low enough that the thighs lie level with the
knees over feet flat on the floor.
"""

from __future__ import annotations

import math
from dataclasses import replace

from tools.art.draw import Arrow, Glow, Prop, Scene
from tools.art.figure import LENGTH, Limb, Point, Pose, joints, reach, step, toward
from tools.art.postures import FLOOR
from tools.art.shapes import outline

SEAT = 1.65  # the chair's seat line
SEAT_TOP = SEAT + 0.14  # where the seat of the pelvis rests: on top of the drawn line
ANKLE = 0.15  # an ankle's height with the sole on the floor line
CHAIR_SIDE = Prop("chair-side", (-0.45, SEAT))
CHAIR_FRONT = Prop("chair-front", (0.0, SEAT))
LOW_BACK = (Glow("low_back", 0.65),)

# -- base postures ----------------------------------------------------------------------

# side-on, facing right, near the front of the seat, sitting tall
SIDE = Pose(
    view="side",
    pelvis=(0.0, 2.3),
    hips=90,
    spine=(93, 91),
    neck=88,
    arm_l=Limb(280, 330),
    arm_r=Limb(282, 332),
    leg_l=Limb(0, 270, 0),
    leg_r=Limb(0, 270, 0),
)
# facing the viewer: the thighs come towards the viewer (foreshortened, drawn over the
# lap), the knees a little apart over the feet
FRONT = Pose(
    view="front",
    pelvis=(0.0, 2.3),
    hips=90,
    spine=(90, 90),
    neck=90,
    arm_l=Limb(262, 275),
    arm_r=Limb(278, 265),
    leg_l=Limb(256, 270, 180),
    leg_r=Limb(284, 270, 0),
    scale={"leg_up_l": 0.2, "leg_up_r": 0.2, "foot_l": 0.45, "foot_r": 0.45},
)


def on_seat(pose: Pose) -> Pose:
    """``pose`` moved up or down so the seat of the pelvis (the middle of the trunk's
    lowest edge: the sitting bones) rests on the seat. A pelvis tipped forward rolls on
    it: its front corner sinks into the seat (behind the thigh) no more than the line's
    width, and its back corner lifts a little."""
    trunk = outline(pose).trunk
    bones = (trunk[0][1] + trunk[-1][1]) / 2
    rise = max(SEAT_TOP - 0.04 - bones, SEAT_TOP - 0.2 - min(y for _, y in trunk))
    return replace(pose, pelvis=(pose.pelvis[0], pose.pelvis[1] + rise))


def planted(pose: Pose, left: float | None, right: float | None) -> Pose:
    """A side view with the ankles (those given, by x) on the floor, the feet flat and
    the knees up over them; a front view with those shins straight down from the knees
    to the floor (their x unused: the knees say where the feet are)."""
    j = joints(pose)
    out = pose
    for side, x in (("l", left), ("r", right)):
        if x is None:
            continue
        if pose.view == "side":
            leg = reach(j[f"hip_{side}"], (x, ANKLE), bend=1, limb="leg")
            flat = Limb(leg.upper, leg.lower, 0)
            out = replace(out, leg_l=flat) if side == "l" else replace(out, leg_r=flat)
        else:
            shin = (j[f"knee_{side}"][1] - ANKLE) / LENGTH["leg_low"]
            out = replace(out, scale=out.scale | {f"leg_low_{side}": shin})
    return out


def seated(pose: Pose, feet: tuple[float | None, float | None] = (None, None)) -> Pose:
    return planted(on_seat(pose), *feet)


def hands_at(pose: Pose, left: Point | None, right: Point | None, bend: int = -1) -> Pose:
    """``pose`` with its hands on these points; side-on, ``bend=-1`` bends the elbows
    the way elbows bend for a figure facing right."""
    j = joints(pose)
    out = pose
    if left is not None:
        out = replace(out, arm_l=reach(j["shoulder_l"], left, bend))
    if right is not None:
        out = replace(out, arm_r=reach(j["shoulder_r"], right, bend))
    return out


def on_thigh(pose: Pose, side: str, share: float, lift: float = 0.45) -> Point:
    """A spot resting on top of a thigh, ``share`` of the way from the hip to the knee."""
    j = joints(pose)
    spot = toward(j[f"hip_{side}"], j[f"knee_{side}"], share)
    return (spot[0], spot[1] + lift)


# -- the scenes -------------------------------------------------------------------------

SIDE_BOX = (-4.2, -0.5, 6.9, 6.9)  # side-on: the sitter large in the frame (3:2)
FRONT_BOX = (-6.3, -0.5, 6.3, 7.9)  # from the front, room for an arm over the head (3:2)
WIDE_BOX = (-5.2, -0.5, 6.8, 7.5)  # side-on, with a view from the front in the corner (3:2)


def side_bend() -> Pose:
    """From the front: the hips level on the seat, the lean to the right curving up
    through the waist (the left waist long), the left arm over the head and the right
    hand on the seat beside the hip."""
    pose = seated(replace(FRONT, spine=(68, 42), neck=38), feet=(-0.85, 0.85))
    pose = replace(pose, arm_l=Limb(74, 38))
    return hands_at(pose, None, (1.45, SEAT + 0.28), bend=1)


def twist() -> Pose:
    """From the front: the chest turned well to the left (the shoulders narrowed to
    little more than the rib cage's depth above the square hips, the head following),
    the right arm across the body, elbow bent, the hand on the outside of the left knee;
    the left arm reaching down and back behind the body (pointing away from the viewer:
    shorter), its hand gripping the back rest's left post. The chest comes a little
    forward as it turns (the back shorter seen from the front)."""
    turned = replace(
        FRONT,
        spine=(92, 96),
        twist=(28.0, 80.0),
        neck=96,
        face=186,
        behind=("arm_l",),
        scale=FRONT.scale | {"spine_low": 0.94, "spine_up": 0.8, "arm_up_l": BACK_ARM[0], "arm_low_l": BACK_ARM[1]},
    )
    pose = seated(turned, feet=(-0.85, 0.85))
    j = joints(pose)
    knee = j["knee_l"]
    back = _arm(j["shoulder_l"], BACK_GRIP, -1, BACK_ARM)  # the elbow a little out, behind
    pose = replace(pose, arm_l=back)
    return hands_at(pose, None, (knee[0] - 0.42, knee[1] + 0.3), bend=1)  # the elbow by the right side


BACK_GRIP = (-1.1, SEAT + 1.9)  # on the back rest's left post (chair-front: posts at x = +-1.1)
BACK_ARM = (0.45, 0.42)  # the reaching-back arm's drawn share of its upper arm and forearm


def _arm(shoulder: Point, target: Point, bend: int, scale: tuple[float, float]) -> Limb:
    """``reach`` for an arm pointing partly away from the viewer: its upper arm and
    forearm drawn ``scale`` of their length (the pose's ``scale`` must say the same)."""
    a, b = LENGTH["arm_up"] * scale[0], LENGTH["arm_low"] * scale[1]
    d = min(max(math.dist(shoulder, target), abs(a - b) + 1e-6), a + b - 1e-6)
    upper = _angle(shoulder, target) + bend * math.degrees(math.acos((a * a + d * d - b * b) / (2 * a * d)))
    return Limb(upper % 360, _angle(step(shoulder, upper, a), target))


def _angle(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0])) % 360


def crossed(pose: Pose, knee: Point) -> Pose:
    """The left knee at ``knee`` (the thigh turned out: foreshortened) and the left shin
    across to rest the ankle on top of the right knee: a figure four."""
    j = joints(pose)
    hip = j["hip_l"]
    thigh = _angle(hip, knee)
    pose = replace(
        pose, leg_l=Limb(thigh, 0, 0), scale=pose.scale | {"leg_up_l": math.dist(hip, knee) / LENGTH["leg_up"]}
    )
    j = joints(pose)
    rest = (j["knee_r"][0] + 0.05, j["knee_r"][1] + 0.42)
    shin = _angle(j["knee_l"], rest)
    scale = {"leg_low_l": math.dist(j["knee_l"], rest) / LENGTH["leg_low"], "foot_l": 0.45}
    return replace(pose, leg_l=Limb(thigh, shin, shin + 20), scale=pose.scale | scale)


def figure_four() -> Pose:
    """Side-on from the crossed leg's side: the left knee dropped out to the side (its
    thigh turned towards the viewer), the left ankle resting on top of the right knee;
    tipping forward from the hips with a long back. The near hand rests on the dropped
    knee and the far one on the crossed foot, so no arm hides the shin lying across the
    other knee."""
    pose = seated(replace(SIDE, pelvis=(-2.6, 2.3), hips=74, spine=(70, 67), neck=62), feet=(None, -0.75))
    hip = joints(pose)["hip_l"]
    pose = crossed(pose, (hip[0] + 0.8, hip[1] - 0.15))
    j = joints(pose)
    knee, ankle = j["knee_l"], j["ankle_l"]
    return hands_at(pose, (knee[0] - 0.05, knee[1] + 0.3), (ankle[0] + 0.15, ankle[1] + 0.2))


def figure_four_front() -> Pose:
    """The same from the front, small: the left ankle across the right knee, the left
    knee out to the side; leaning forward (the trunk shortened, seen from the front)."""
    pose = seated(replace(FRONT, neck=90, scale=FRONT.scale | {"spine_low": 0.92, "spine_up": 0.88}), feet=(None, 0.85))
    j = joints(pose)
    rest = (j["knee_r"][0] + 0.05, j["knee_r"][1] + 0.42)
    knee = (rest[0] - LENGTH["leg_low"] * 0.97, j["hip_l"][1] - 0.3)
    thigh = _angle(j["hip_l"], knee)
    pose = replace(
        pose,
        leg_l=Limb(thigh, _angle(knee, rest), 0),
        scale=pose.scale
        | {"leg_up_l": math.dist(j["hip_l"], knee) / LENGTH["leg_up"], "leg_low_l": 0.97, "foot_l": 0.4},
    )
    j = joints(pose)
    (kx, ky), (ax, ay) = j["knee_l"], j["ankle_l"]
    pose = hands_at(pose, (kx + 0.1, ky + 0.4), None, bend=-1)  # the elbows out to the sides
    return hands_at(pose, None, (ax - 0.3, ay + 0.35), bend=1)


CAT_FEET = (1.95, 1.95)


def cat_cow_settle(pose: Pose) -> Pose:
    """Every frame: on the seat, feet down, hands on the knees."""
    pose = seated(pose, feet=CAT_FEET)
    return hands_at(pose, on_thigh(pose, "l", 0.85), on_thigh(pose, "r", 0.8))


# breathing in: the pelvis tips forward, the low back arches (the spine bows to the
# front), the chest lifts and the shoulders draw back
COW = cat_cow_settle(replace(SIDE, hips=66, spine=(100, 89), neck=102))
# breathing out: the pelvis tips back, the back rounds, the chin tucks
CAT = cat_cow_settle(replace(SIDE, hips=108, spine=(80, 50), neck=18))


def knee_hug() -> Pose:
    """Side-on: the left knee drawn up to the chest, both hands round the shin just
    below the knee, the back long."""
    pose = seated(replace(SIDE, spine=(95, 93), neck=88, leg_l=Limb(64, 285, 330)), feet=(None, 1.9))
    j = joints(pose)
    shin = toward(j["knee_l"], j["ankle_l"], 0.25)
    spot = step(shin, 15, 0.3)  # on the front of the shin
    return hands_at(pose, spot, (spot[0] + 0.08, spot[1] - 0.05))


def hamstring() -> Pose:
    """Side-on: the left leg out straight, heel down and toes up; the right foot flat;
    tipping forward from the hips with a long back, the hands on the right thigh by the
    knee (it stands up above the straight leg, so they read as on the bent leg)."""
    pose = on_seat(replace(SIDE, hips=72, spine=(69, 66), neck=60))
    j = joints(pose)
    leg = reach(j["hip_l"], (j["hip_l"][0] + 3.25, ANKLE), bend=1, limb="leg")
    pose = replace(pose, leg_l=Limb(leg.upper, leg.lower, 72), scale={"foot_l": 0.75})
    pose = planted(pose, None, 1.8)
    return hands_at(pose, on_thigh(pose, "r", 0.88, 0.5), on_thigh(pose, "r", 0.78, 0.5))


SCENES: dict[str, Scene] = {
    "seated-side-bend": Scene(
        keys=(side_bend(),),
        box=FRONT_BOX,
        props=(FLOOR, CHAIR_FRONT),
        glows=(Glow("ql_l", 0.75),),
        arrow=Arrow((0.0, 2.3), 3.9, 58, 28),
    ),
    "seated-twist": Scene(
        keys=(twist(),),
        box=FRONT_BOX,
        props=(FLOOR, CHAIR_FRONT),
        # on the side of the waist the chest turns towards (not the front of the belly)
        glows=(Glow("ql_l", 0.6),),
        arrow=Arrow((0.0, 5.0), 1.9, 330, 195, squash=0.3),  # round the shoulders: the chest turns left
    ),
    "seated-figure-four": Scene(
        keys=(figure_four(),),
        box=WIDE_BOX,
        props=(FLOOR, Prop("chair-side", (-3.05, SEAT))),
        glows=(Glow("glute_l", 0.7),),
        arrow=Arrow((-2.6, 2.2), 3.0, 51, 17),  # the chest tips forward, pivoting at the hips
        inset=Scene(
            keys=(figure_four_front(),),
            box=(-4.725, -0.3, 4.725, 6.0),
            props=(FLOOR, CHAIR_FRONT),
        ),
    ),
    "seated-cat-cow": Scene(
        keys=(COW, CAT),
        box=SIDE_BOX,
        props=(FLOOR, CHAIR_SIDE),
        glows=LOW_BACK,
        arrow=Arrow((0.1, 2.3), 3.3, 14, 58, both=True),  # the chest rocks forward and back about the hips
        moves=True,
        settle=cat_cow_settle,
    ),
    "seated-knee-hug": Scene(
        keys=(knee_hug(),),
        box=SIDE_BOX,
        # near the front of the seat: the back clear of the back rest, so the warm patch
        # on the back of the waist (the quadratus lumborum's line, side-on) reads as the
        # low back, above the buttock and the raised thigh
        props=(FLOOR, Prop("chair-side", (-0.8, SEAT))),
        glows=(Glow("ql_l", 0.75),),
        arrow=Arrow((0.0, 2.3), 2.8, 22, 56),
    ),
    "seated-hamstring": Scene(
        keys=(hamstring(),),
        box=SIDE_BOX,
        props=(FLOOR, Prop("chair-side", (-0.8, SEAT))),  # on the front of the seat
        glows=(Glow("hamstring_l", 0.6),),
        arrow=Arrow((0.0, 2.2), 3.0, 50, 15),  # the chest tips forward, pivoting at the hips
    ),
}
