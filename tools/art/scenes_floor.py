"""Stretches done on the floor (lying, kneeling, on hands and knees): poses, props, muscle, movement.

Every scene shows the LEFT side working (see ``scenes``). Side-on, the figure lies with
its head to the left, face up, its left limbs the near, solid ones. Seen from above, the
view is the ceiling's true view (``tools/art/sides.py``): turn the picture so the head
is up, and lying on the back (``front=1``) the left side is on the image's right, face
down (``front=-1``) on its left. So lying on the back with the head to the left, the
left side is the upper side.
"""

from __future__ import annotations

import math
from dataclasses import replace

from tools.art.draw import Arrow, Glow, Prop, Scene
from tools.art.figure import LENGTH, Limb, Point, Pose, joints, reach
from tools.art.postures import FLOOR
from tools.art.shapes import grounded

FOOT_REST = 0.15  # an ankle's height when the sole is flat on the floor
HAND = 0.19  # a hand's radius: its centre's height when it rests on the floor
TOP_BOX = (-6.6, -1.0, 6.6, 7.8)  # seen from above: the arms out wide need the room (3:2)
TOP_MAT = Prop("mat", (-6.4, -0.85, 6.4, 7.65))
LYING_BOX = (-4.2, -0.6, 5.7, 6.0)  # lying side-on: low and long (3:2)
HUG_BOX = (-3.3, -0.5, 5.1, 5.1)  # lying side-on, a knee drawn in: lower still (3:2)
FOURS_BOX = (-5.75, -0.7, 3.25, 5.3)  # on hands and knees: the figure is low and long (3:2)
UPRIGHT = 7.0  # the radius of a nearly straight, upright arrow (cat-cow: up and down)
INSET_BOX = (-4.5, -0.6, 4.5, 5.4)  # the small side view in a corner (3:2)


def with_limbs(pose: Pose, limbs: dict[str, Limb], scale: dict[str, float] | None = None) -> Pose:
    """``pose`` with some limbs (``"arm_l"``, ``"leg_r"``...) and its scale changed."""
    return replace(
        pose,
        arm_l=limbs.get("arm_l", pose.arm_l),
        arm_r=limbs.get("arm_r", pose.arm_r),
        leg_l=limbs.get("leg_l", pose.leg_l),
        leg_r=limbs.get("leg_r", pose.leg_r),
        scale=pose.scale if scale is None else scale,
    )


def foot_flat(pose: Pose, side: str, x: float) -> Pose:
    """``pose`` (side view, lying) with that knee up and its foot flat on the floor at ``x``."""
    j = joints(pose)
    leg = reach(j[f"hip_{side}"], (x, FOOT_REST), bend=1, limb="leg")
    return with_limbs(pose, {f"leg_{side}": Limb(leg.upper, leg.lower, 0)})


def hold(pose: Pose, left: Point, right: Point) -> Pose:
    """``pose`` (side view) with its hands on these points, the arms nearly straight: an
    elbow that bends out to the side is seen end-on, so the arm is drawn shorter."""
    j = joints(pose)
    arms: dict[str, Limb] = {}
    scale = dict(pose.scale)
    for side, spot in (("l", left), ("r", right)):
        shoulder = j[f"shoulder_{side}"]
        k = min(1.0, math.dist(shoulder, spot) / (0.97 * (LENGTH["arm_up"] + LENGTH["arm_low"])))
        target = (shoulder[0] + (spot[0] - shoulder[0]) / k, shoulder[1] + (spot[1] - shoulder[1]) / k)
        arms[f"arm_{side}"] = reach(shoulder, target, bend=-1)
        scale |= {f"arm_up_{side}": k, f"arm_low_{side}": k}
    return with_limbs(pose, arms, scale)


WRAP = 0.89  # the arms' drawn length: the elbows bend out sideways, towards and away from the viewer


def wrap(pose: Pose, share: float = 0.25, lift: float = 0.22) -> Pose:
    """``pose`` with both hands clasped over the front of the left shin ``share`` of the
    way from the knee to the ankle, the elbows bent out to the sides: seen side-on the
    arms are foreshortened and the near one hooks over the knee (the far one just past it)."""
    j = joints(pose)
    knee, ankle = j["knee_l"], j["ankle_l"]
    run = math.dist(knee, ankle)
    ux, uy = (ankle[0] - knee[0]) / run, (ankle[1] - knee[1]) / run
    nx, ny = (-uy, ux) if ux >= 0 else (uy, -ux)  # the shin's front: its upper side
    arms: dict[str, Limb] = {}
    scale = dict(pose.scale)
    for side, t in (("l", share), ("r", share + 0.08)):
        spot = (knee[0] + ux * run * t + nx * lift, knee[1] + uy * run * t + ny * lift)
        sx, sy = j[f"shoulder_{side}"]
        target = (sx + (spot[0] - sx) / WRAP, sy + (spot[1] - sy) / WRAP)  # as the full-length arm reaches it
        arms[f"arm_{side}"] = reach((sx, sy), target, bend=1)
        scale |= {f"arm_up_{side}": WRAP, f"arm_low_{side}": WRAP}
    return with_limbs(pose, arms, scale)


# -- lying on the back, side-on ------------------------------------------------------------

LYING = Pose(  # head to the left, face up, knees bent, feet flat, arms by the sides
    view="side",
    pelvis=(1.2, 0.6),
    spine=(180, 182),
    neck=184,
    arm_l=Limb(354, 358),
    arm_r=Limb(355, 359),
    leg_l=Limb(45, 300, 0),
    leg_r=Limb(45, 300, 0),
)
LYING_KNEES_UP = grounded(foot_flat(foot_flat(LYING, "l", 3.3), "r", 3.4))
# a knee hugged in tips the pelvis back a little (the tail curls up off the floor)
HUGGING = replace(LYING_KNEES_UP, hips=192)
# the thigh drawn in over the chest, the knee folded so the shin slopes down from it (not
# level with the arms) and the foot points up; both hands clasped just below the knee
KNEE_HUG = grounded(wrap(foot_flat(replace(HUGGING, leg_l=Limb(133, 343, 70)), "r", 3.4)))
# on the ball, the same hug: the waist (and the ball under it) shows below the thigh
BALL_HUG = KNEE_HUG


# the ball's x: under the waist of BALL_HUG, between the top of the pelvis (0.85) and the
# lowest rib (0), in the middle of the warm patch: clear of the hip and buttock (the thigh's end)
BALL_AT = 0.25


# -- knee drop, seen from above ------------------------------------------------------------

# Lying along the picture, head to the right, face up: the left side is down the image,
# so the knees sink down it, sideways from the body (a drop, not a lift). The arms lie
# out in a T; the start is side-on in the bottom-right corner, clear of the figure.
DROP_BOX = (-3.3, -5.0, 11.7, 5.0)  # 3:2
DROP_MAT = Prop("mat", (-3.15, -4.85, 11.55, 4.85))
BACK_FROM_ABOVE = Pose(  # on the back, head to the right, arms out wide at shoulder height
    view="top",
    front=1,
    pelvis=(0.0, 0.0),
    spine=(0, 0),
    neck=0,
    arm_l=Limb(268, 270),
    arm_r=Limb(92, 90),
    leg_l=Limb(180, 180, 180),
    leg_r=Limb(180, 180, 180),
)


def legs_through(pose: Pose, points: dict[str, tuple[Point, Point, Point]]) -> Pose:
    """``pose`` (seen from above) with each leg's knee, ankle and toe at these points,
    given from the pelvis: a thigh or shin that rises towards the ceiling is drawn shorter."""
    j = joints(pose)
    px, py = pose.pelvis
    limbs: dict[str, Limb] = {}
    scale = dict(pose.scale)
    for side, spots in points.items():
        knee, ankle, toe = ((px + x, py + y) for x, y in spots)
        hip = j[f"hip_{side}"]
        limbs[f"leg_{side}"] = Limb(_angle(hip, knee), _angle(knee, ankle), _angle(ankle, toe))
        scale[f"leg_up_{side}"] = math.dist(hip, knee) / LENGTH["leg_up"]
        scale[f"leg_low_{side}"] = math.dist(knee, ankle) / LENGTH["leg_low"]
        scale[f"foot_{side}"] = math.dist(ankle, toe) / LENGTH["foot"]
    return with_limbs(pose, limbs, scale)


def _angle(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0])) % 360


DROP_KNEES = ((-0.15, -2.55), (-0.72, -2.02))  # the left knee on the floor, the right one on it (from above: beside it)
DROP_FEET = ((-1.95, -1.95), (-2.35, -1.35))  # the feet stacked, rolled onto their sides


def _dropped() -> dict[str, tuple[Point, Point, Point]]:
    """Both knees lying to the left (down the image), bent the same: the right leg lies
    on the left one, drawn just inside it, so thighs, shins and feet lie side by side,
    parallel, never crossing (the right leg drawn over the left)."""
    out = {}
    for side, knee, (ax, ay) in zip("lr", DROP_KNEES, DROP_FEET, strict=True):
        out[side] = (knee, (ax, ay), (ax - 0.6, ay + 0.1))
    return out


KNEES_DROPPED = legs_through(BACK_FROM_ABOVE, _dropped())
# the start: knees up towards the ceiling, together over the feet (thighs and shins seen
# end-on, short, the knees round), the feet flat near the buttocks, toes away from the head
KNEES_UP = legs_through(
    BACK_FROM_ABOVE,
    {"l": ((-0.75, -0.33), (-1.5, -0.38), (-2.25, -0.4)), "r": ((-0.75, 0.33), (-1.5, 0.38), (-2.25, 0.4))},
)


def mirrored(pose: Pose) -> Pose:
    """``pose`` (side view) turned end for end: the head to the other side, facing the
    same way up, as the view from above lies (head to the right)."""

    def turn(limb: Limb) -> Limb:
        return Limb(
            (180 - limb.upper) % 360, (180 - limb.lower) % 360, None if limb.end is None else (180 - limb.end) % 360
        )

    return replace(
        pose,
        pelvis=(-pose.pelvis[0], pose.pelvis[1]),
        spine=((180 - pose.spine[0]) % 360, (180 - pose.spine[1]) % 360),
        neck=(180 - pose.neck) % 360,
        hips=None if pose.hips is None else (180 - pose.hips) % 360,
        arm_l=turn(pose.arm_l),
        arm_r=turn(pose.arm_r),
        leg_l=turn(pose.leg_l),
        leg_r=turn(pose.leg_r),
        front=-pose.front,
    )


# from the start's knees sideways round to the dropped ones
KNEE_ARROW = Arrow((0.75, -1.0), 1.85, 148, 207)

# -- on hands and knees, side-on -----------------------------------------------------------

ALL_FOURS = Pose(  # facing right: the knees under the hips, the hands under the shoulders
    view="side",
    pelvis=(-1.7, 2.3),
    spine=(0, 0),
    neck=0,
    arm_l=Limb(270, 270),
    arm_r=Limb(270, 270),
    leg_l=Limb(270, 180, 180),
    leg_r=Limb(270, 180, 180),
    # the figure's forearm is long for a hand flat on the floor: shortened, the back lies level
    scale={"arm_up_l": 0.8, "arm_low_l": 0.8, "arm_up_r": 0.8, "arm_low_r": 0.8},
)


def hands_down(pose: Pose, x: float) -> Pose:
    """``pose`` with both hands flat on the floor at ``x`` (under the shoulders); the arms
    are as short as ``pose.scale`` makes them."""
    j = joints(pose)
    k = pose.scale.get("arm_up_l", 1.0)
    arms: dict[str, Limb] = {}
    for side, dx in (("l", 0.0), ("r", 0.06)):
        sx, sy = j[f"shoulder_{side}"]
        target = (sx + (x + dx - sx) / k, sy + (HAND - sy) / k)  # as the unscaled arm would reach it
        arms[f"arm_{side}"] = reach((sx, sy), target, bend=-1)
    return with_limbs(pose, arms)


# the cow's belly sinks and its shoulders with it: shorter arms keep the elbows straight
COW_ARMS = {"arm_up_l": 0.765, "arm_low_l": 0.765, "arm_up_r": 0.765, "arm_low_r": 0.765}
# the trunk a little longer on all fours, so the dip and the hump show over the thigh and arm
LONG_BACK = {"spine_low": 1.15, "spine_up": 1.15}
FOURS_HANDS = 1.1  # the hands' x: under the shoulders of the longer back
# the cow: the pelvis tipped (the tail up), the lumbar and thoracic spine arched about as far
# as they go, so the belly sinks between the raised tail and the raised chest; head up, eyes ahead
COW = hands_down(replace(ALL_FOURS, hips=-28, spine=(7, 37), neck=105, scale=COW_ARMS | LONG_BACK), FOURS_HANDS)
CAT = hands_down(replace(ALL_FOURS, hips=24, spine=(14, -24), neck=-64, scale=ALL_FOURS.scale | LONG_BACK), FOURS_HANDS)


# -- child's pose side reach, seen from above ----------------------------------------------

# The head is up the picture, so face down the left side is on the image's left. The
# main view needs the upper right for the hands, so the side view sits bottom right.
CHILD_BOX = (-5.75, -0.3, 5.35, 7.1)  # 3:2
CHILD_MAT = Prop("mat", (-5.5, -0.15, 1.3, 6.95))
CHILD_INSET_BOX = (-3.25, -1.3, 4.25, 3.7)  # the kneeling fold side-on, small (3:2)


def kneeling_from_above(pose: Pose) -> Pose:
    """``pose`` (face down, seen from above, the spine up the picture) sitting back on its
    heels: the thighs run forward under the belly and the shins back under the seat, both
    hidden by the body, and the soles show just below the seat, big toes together."""
    j = joints(pose)
    px, py = pose.pelvis
    limbs: dict[str, Limb] = {}
    scale = dict(pose.scale)
    for side, out in (("l", -1), ("r", 1)):
        hip = j[f"hip_{side}"]
        knee, ankle, toe = ((px + out * x, py + y) for x, y in ((0.5, 1.2), (0.35, -0.35), (0.15, -0.8)))
        limbs[f"leg_{side}"] = Limb(_angle(hip, knee), _angle(knee, ankle), _angle(ankle, toe))
        scale[f"leg_up_{side}"] = math.dist(hip, knee) / LENGTH["leg_up"]  # sloping down to the knee
        scale[f"leg_low_{side}"] = math.dist(knee, ankle) / LENGTH["leg_low"]
        scale[f"foot_{side}"] = math.dist(ankle, toe) / LENGTH["foot"]
    return with_limbs(pose, limbs, scale)


CHILD_START = kneeling_from_above(
    Pose(  # face down, the head up the picture, the forehead down (the head close to the shoulders), arms ahead
        view="top",
        front=-1,
        pelvis=(-3.0, 0.9),
        hips=90,
        spine=(90, 90),
        neck=90,
        arm_l=Limb(95, 94),
        arm_r=Limb(85, 86),
        leg_l=Limb(90, 270, 270),
        leg_r=Limb(90, 270, 270),
        scale={"neck": 0.7},
    )
)
# both hands walked over to the right (up and to the right of the picture), side by side:
# the back curves in a C through the lumbar and the thoracic spine, the hips staying level
# on the heels, so its left side (the image's left, the outer side of the C) is long
CHILD_REACH = replace(CHILD_START, hips=92, spine=(64, 44), neck=46, arm_l=Limb(45, 42), arm_r=Limb(52, 50))
CHILD_SIDE = Pose(  # the kneeling fold, side-on, facing right: forehead and forearms down
    view="side",
    pelvis=(-2.0, 1.0),
    hips=38,
    spine=(8, 350),
    neck=325,
    arm_l=Limb(356, 358),
    arm_r=Limb(357, 359),
    leg_l=Limb(344, 180, 180),
    leg_r=Limb(345, 181, 180),
    scale={"foot_l": 0.45, "foot_r": 0.45},
)


def hands_flat(pose: Pose, x: float) -> Pose:
    """``pose`` with both hands resting on the floor at ``x``, the arms long."""
    j = joints(pose)
    return replace(
        pose, arm_l=reach(j["shoulder_l"], (x, HAND), bend=-1), arm_r=reach(j["shoulder_r"], (x + 0.1, HAND), bend=-1)
    )


SCENES: dict[str, Scene] = {
    # lying on the back, side-on: both hands round the left shin just below the knee,
    # drawing it in towards the chest; the other foot flat on the floor
    "knee-to-chest": Scene(
        keys=(KNEE_HUG,),
        box=HUG_BOX,
        props=(FLOOR,),
        glows=(Glow("low_back", 0.65),),  # a patch on the low back, not the whole underside
        arrow=Arrow(KNEE_HUG.pelvis, 2.6, 100, 140),
    ),
    # the left leg raised straight (the knee soft), a band round the sole held in both
    # hands; the glow on the back of the raised thigh
    "band-hamstring": Scene(
        keys=(grounded(hold(replace(LYING_KNEES_UP, leg_l=Limb(100, 94, 182)), (-0.15, 2.45), (0.3, 2.95))),),
        box=LYING_BOX,
        # looped over the sole: from the near hand up to the toes, across the sole to the
        # heel, and back down to the far hand (drawn over the leg, so the loop shows)
        props=(FLOOR, Prop("band", (), link=("hand_l", "toe_l", "ankle_l", "hand_r"), front=True)),
        glows=(Glow("hamstring_l", 0.7),),
        arrow=Arrow(LYING_KNEES_UP.pelvis, 4.7, 74, 100),
    ),
    # seen from above, on a mat: arms out wide, both knees bent and sunk together to the
    # left (the upper side, the right leg lying over the left), the arrow from where they
    # start, knees up over the feet
    "lumbar-rotation": Scene(
        keys=(KNEES_DROPPED,),
        ghost=KNEES_UP,
        box=DROP_BOX,
        props=(DROP_MAT,),
        glows=(Glow("ql_r", 0.7),),  # the side of the waist opposite the drop opens
        arrow=KNEE_ARROW,
        # the start side-on, in the empty corner below the legs: lying on the back, knees up
        inset=Scene(keys=(mirrored(LYING_KNEES_UP),), box=(-4.4, -0.4, 4.0, 5.2), props=(FLOOR,)),
        inset_low=True,
    ),
    # one rep is one cycle: the cow (back dipped, head up) and the cat (back rounded up,
    # head down), the hands under the shoulders and the knees under the hips
    "cat-cow": Scene(
        keys=(COW, CAT),
        box=FOURS_BOX,
        props=(FLOOR,),
        glows=(Glow("low_back", 0.8),),
        # over the middle of the back, nearly upright, a head at each end: round up, dip down
        arrow=Arrow((-0.3 - UPRIGHT, 4.22), UPRIGHT, -6.8, 6.8, both=True),
        moves=True,
        settle=lambda pose: hands_down(pose, FOURS_HANDS),  # the hands stay planted as the back moves
    ),
    # seen from above, face down on a mat: the hips back on the heels, both arms walked
    # over to the right, the back curving in a C so its left side (the upper side) opens;
    # the corner shows the kneeling fold side-on
    "child-pose-side-reach": Scene(
        keys=(CHILD_REACH,),
        ghost=CHILD_START,
        box=CHILD_BOX,
        props=(CHILD_MAT,),
        glows=(Glow("ql_l", 0.8),),
        arrow=Arrow((-3.0, 0.5), 6.5, 97, 53),  # from the start's hands ahead round to the right
        inset=Scene(keys=(hands_flat(grounded(CHILD_SIDE), 3.8),), box=CHILD_INSET_BOX, props=(FLOOR,)),
        inset_low=True,
    ),
    # side-on, lying on the back: a tennis ball under the waist just beside the spine (on
    # the near side, so drawn over the body's outline), the left knee hugged in
    "ql-ball-release": Scene(
        keys=(BALL_HUG,),
        box=HUG_BOX,
        props=(FLOOR, Prop("ball", (BALL_AT, 0.32, 0.32), front=True)),
        glows=(Glow("ql_l", 0.6),),
        arrow=Arrow(BALL_HUG.pelvis, 2.6, 78, 128),
    ),
}
