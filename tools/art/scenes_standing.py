"""Standing stretches (and the walk): each scene's poses, props, the muscle that works and its movement.

Every scene shows the LEFT side working (see ``scenes``)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from tools.art.draw import Arrow, Glow, Prop, Scene
from tools.art.figure import LENGTH, RADII, Limb, Point, Pose, joints, step, toward
from tools.art.geometry import to_trunk
from tools.art.postures import FLOOR, FOOT_LINE, REACH_BOX, STAND_BOX, STANDING_FRONT, STANDING_SIDE
from tools.art.shapes import grounded, outline

QL_LEFT = (Glow("ql_l", 0.8),)

# -- holding a pole: feet planted, hands on their grips, the body moving between --------

POLE_X = 1.65  # the pole (or the door frame's side) stands just past the leaning head
POLE_GRIP = (7.85, 1.72)  # the high hand over the head; the low hand near the ground, below the knees
POLE_FEET = (-2.7, 0.8)  # a wide stance, the stick-side foot by the pole
DOOR_FEET = (-2.3, 0.8)  # in the doorway: the far foot inside the opening
SWEEP = 22.0  # degrees the chest turns as the top hand sweeps forward, and back
POLE_BOX = (-5.3, -0.6, 9.7, 9.4)  # the front view on the left, the side view in the corner (3:2)


def _two(start: Point, target: Point, lengths: tuple[float, float], bend: int) -> tuple[float, float]:
    """The angles of a two-segment limb from ``start`` that put its end on ``target``
    (or as near as it reaches); ``bend``: the middle joint goes anticlockwise (+1) of
    the line to the target, or clockwise (-1)."""
    a, b = lengths
    d = min(max(math.dist(start, target), abs(a - b) + 1e-6), a + b - 1e-6)
    spread = math.degrees(math.acos((a * a + d * d - b * b) / (2 * a * d)))
    upper = math.degrees(math.atan2(target[1] - start[1], target[0] - start[0])) + bend * spread
    middle = step(start, upper, a)
    return upper % 360, math.degrees(math.atan2(target[1] - middle[1], target[0] - middle[0])) % 360


def _arm(shoulder: Point, target: Point, bend: int, scale: float = 1.0) -> Limb:
    """The arm that puts the hand on ``target``; ``scale`` foreshortens the whole arm
    (it points partly at or away from the viewer), so it reaches less far."""
    return Limb(*_two(shoulder, target, (LENGTH["arm_up"] * scale, LENGTH["arm_low"] * scale), bend))


def _leg(pose: Pose, side: str, ankle: Point, bend: int, foot: float) -> Limb:
    """The leg from its hip to ``ankle`` on the floor, foreshortened as the pose says."""
    sizes = (
        LENGTH["leg_up"] * pose.scale.get(f"leg_up_{side}", 1),
        LENGTH["leg_low"] * pose.scale.get(f"leg_low_{side}", 1),
    )
    return Limb(*_two(joints(pose)[f"hip_{side}"], ankle, sizes, bend), foot)


def _stand(pose: Pose, feet: Point) -> Pose:
    """``pose`` (front view) with its ankles on these spots on the floor, the knees
    bending out over the feet as far as the pelvis is low."""
    return replace(
        pose,
        leg_l=_leg(pose, "l", (feet[0], FOOT_LINE), -1, 180.0),
        leg_r=_leg(pose, "r", (feet[1], FOOT_LINE), 1, 0.0),
    )


def _on_pole(feet: Point) -> Callable[[Pose], Pose]:
    def settle(pose: Pose) -> Pose:
        """Feet on their spots, the left hand high and the right hand low on the pole:
        put on every frame, so only the body between them moves (the high arm
        foreshortened as ``scale["arm_up_l"]`` says, as it sweeps towards or away from
        the viewer)."""
        body = _stand(pose, feet)
        j = joints(body)
        sweep = body.scale.get("arm_up_l", 1.0)
        return replace(
            body,
            arm_l=_arm(j["shoulder_l"], (POLE_X, POLE_GRIP[0]), 1, sweep),
            arm_r=_arm(j["shoulder_r"], (POLE_X, POLE_GRIP[1]), -1),
        )

    return settle


on_pole = _on_pole(POLE_FEET)
on_door = _on_pole(DOOR_FEET)

# The lean: the hips drift away from the pole (the far leg near upright, so that hip
# rides a little higher), the legs long with soft knees, the lumbar and the thoracic
# spine both curve towards the pole, and the left waist (under the high arm) opens long.
SOFT_KNEES = {"leg_up_l": 0.85, "leg_up_r": 0.85, "leg_low_l": 0.97, "leg_low_r": 0.97}  # a little at the viewer
LEAN = replace(
    STANDING_FRONT, pelvis=(-1.1, 3.32), hips=78, spine=(54, 28), neck=52, scale=STANDING_FRONT.scale | SOFT_KNEES
)


def _turned(turn: float, lumbar: float, fore: float, settle: Callable[[Pose], Pose]) -> Pose:
    """The lean with the chest turned ``turn`` degrees (+: to its left, the top hand
    back; -: to its right, the top hand forward); the high arm foreshortened by ``fore``."""
    scale = LEAN.scale | {"arm_up_l": fore, "arm_low_l": fore}
    return settle(replace(LEAN, twist=(lumbar, turn), scale=scale))


# the top hand sweeps back (the chest turns to the left), through the middle, and forward
STICK_KEYS = tuple(_turned(t * SWEEP, t * 6, f, on_pole) for t, f in ((1, 0.86), (0, 1.0), (-1, 0.86)))
# holding a door frame the whole body rocks forward and back in the lean
DOOR_KEYS = tuple(_turned(t * SWEEP, t * 14, f, on_door) for t, f in ((1, 0.88), (0, 1.0), (-1, 0.88)))

# -- the same lean side-on, seen from the working (left) side: the corner view ------------
# The lean itself points away from the viewer, so the trunk looks upright and shorter;
# what shows is the top hand going forward and back over the head. The near (left)
# arm is the high one; the far arm reaches down the stick: the far shoulder sits low in
# the lean, lower than the side view's one shoulder point, so that arm is drawn longer.

SIDE_BOX = (-3.3, -0.5, 4.1, 9.1)  # a tall corner view, as tall as the picture allows
STICK_FOOT = (1.3, 0.0)  # braced by the toes, a little ahead: both hands show on it
STICK_LENGTH = 8.25
TILT = 13.0  # degrees the stick leans forward or back as the top hand sweeps
LOW_GRIP = 2.2  # how far up the stick the low hand holds
SIDE_LEAN = replace(
    STANDING_SIDE,
    pelvis=(-0.2, 3.62),
    spine=(92, 90),
    neck=88,
    face=0.0,  # the nose says which way is forward
    scale={"spine_low": 0.8, "spine_up": 0.8, "leg_up_l": 0.9, "leg_up_r": 0.9, "arm_up_r": 1.3, "arm_low_r": 1.3},
)


def _side_feet(pose: Pose) -> Pose:
    """Side-on: both ankles on their spot under the hips, the knees soft (forward)."""
    leg = _leg(pose, "l", (0.0, FOOT_LINE), 1, 0.0)
    return replace(pose, leg_l=leg, leg_r=Limb(leg.upper + 2, leg.lower + 2, 0))


def _on_tilted_stick(pose: Pose) -> Pose:
    """The stick leans ``TILT`` degrees back or forward as the chest turns (the near
    shoulder goes with the hand): the high hand on its top, the low hand low on it,
    the feet planted."""
    body = _side_feet(pose)
    j = joints(body)
    # the body holds still, only the high arm and the stick swing (the stranger's test: a
    # chest that turned too made the head seem to switch sides); the low back's twist,
    # too small to see side-on, carries the sweep from key to key
    tilt = 90 + TILT * pose.twist[0] / SWEEP
    high, low = step(STICK_FOOT, tilt, POLE_GRIP[0]), step(STICK_FOOT, tilt, LOW_GRIP)
    reach_high = min(1.0, math.dist(j["shoulder_l"], high) / (LENGTH["arm_up"] + LENGTH["arm_low"]) + 0.004)
    return replace(
        body,
        arm_l=_arm(j["shoulder_l"], high, -1, reach_high),
        arm_r=_arm(j["shoulder_r"], low, -1, body.scale["arm_up_r"]),
        scale=body.scale | {"arm_up_l": reach_high, "arm_low_l": reach_high},
    )


STICK_SIDE_KEYS = tuple(_on_tilted_stick(replace(SIDE_LEAN, twist=(-t * SWEEP, 0.0))) for t in (-1, 0, 1))
STICK_SIDE = Scene(
    keys=STICK_SIDE_KEYS,  # back, upright, forward
    box=(SIDE_BOX[0] + 0.6, SIDE_BOX[1], SIDE_BOX[2] + 0.6, SIDE_BOX[3]),  # room ahead for the stick
    props=(FLOOR, Prop("stick", (*STICK_FOOT, STICK_LENGTH), link=("hand_l",))),
    moves=True,
    settle=_on_tilted_stick,
    glows=QL_LEFT,  # the same warm patch as the front view: the same stretch, side-on
    ghosts=(STICK_SIDE_KEYS[0], STICK_SIDE_KEYS[-1]),  # both ends of the sweep, faint, in every frame
    # the top of the stick swings forward and back: an arc at its top, round the stick's foot
    arrow=Arrow(STICK_FOOT, STICK_LENGTH + 0.45, 90 - TILT - 5, 90 + TILT + 5, both=True),
)

# Holding a door frame (edge-on side-on: a post behind the body), both hands stay on
# it and the whole body rocks: the pelvis and the chest forward, then back.
POST_X = 0.9  # a little ahead of the body: both hands show on it
ROCK = ((-0.35, 99.0), (0.0, 90.0), (0.35, 81.0))  # the pelvis's shift, and the spine's direction


def _on_post(pose: Pose) -> Pose:
    """Side-on: the feet planted, the high hand and the low hand on the door frame."""
    body = _side_feet(pose)
    j = joints(body)
    high, low = (POST_X, POLE_GRIP[0]), (POST_X, LOW_GRIP)
    arm = LENGTH["arm_up"] + LENGTH["arm_low"]
    reach_high = min(1.0, math.dist(j["shoulder_l"], high) / arm + 0.004)
    reach_low = min(SIDE_LEAN.scale["arm_up_r"], math.dist(j["shoulder_r"], low) / arm + 0.004)  # near straight
    return replace(
        body,
        arm_l=_arm(j["shoulder_l"], high, -1, reach_high),
        arm_r=_arm(j["shoulder_r"], low, -1, reach_low),
        scale=body.scale
        | {"arm_up_l": reach_high, "arm_low_l": reach_high, "arm_up_r": reach_low, "arm_low_r": reach_low},
    )


DOOR_SIDE_KEYS = tuple(
    _on_post(replace(SIDE_LEAN, pelvis=(SIDE_LEAN.pelvis[0] + dx, SIDE_LEAN.pelvis[1]), spine=(a, a), neck=a - 2))
    for dx, a in ROCK
)
DOOR_SIDE = Scene(
    keys=DOOR_SIDE_KEYS,
    box=SIDE_BOX,
    props=(FLOOR, Prop("wall", (POST_X, 8.3))),
    moves=True,
    settle=_on_post,
    glows=QL_LEFT,  # the same warm patch as the front view: the same stretch, side-on
    ghosts=(DOOR_SIDE_KEYS[0], DOOR_SIDE_KEYS[-1]),  # both ends of the rock, faint, in every frame
    # the body rocks forward and back on its feet: an arc over the head, round the feet
    arrow=Arrow((0.0, 0.0), 7.2, 68, 112, both=True),
)

# -- the standing side reach ------------------------------------------------------------

# front view: feet hip-width, the right hand on the right hip, the left arm up and over
# the head; the hips stay level and the bend runs through the lumbar and thoracic spine
SIDE_REACH = replace(STANDING_FRONT, hips=90, spine=(65, 45), neck=48, arm_l=Limb(72, 24))


def _hand_on_hip(pose: Pose) -> Pose:
    """The right hand resting on the top of the right hip, the elbow out to the side."""
    j = joints(pose)
    hip = j["hip_r"]
    return replace(pose, arm_r=_arm(j["shoulder_r"], (hip[0] + 0.3, hip[1] + 0.5), 1))


def _hands_on_hips(pose: Pose) -> Pose:
    """Side-on: both hands on the top of the hips at the side (the waist), the elbows
    out behind the back: hands on hips, seen side-on."""
    j = joints(pose)
    hand = step(j["crest"], (pose.hips or 90) - 90, 0.12)
    hand = (hand[0], hand[1] + 0.1)
    return replace(pose, arm_l=_arm(j["shoulder_l"], hand, -1), arm_r=_arm(j["shoulder_r"], hand, -1))


def _front_foot_down(pose: Pose, ahead: float) -> Pose:
    """Side-on: the far (front) leg reaching its ankle to the floor ``ahead`` of the
    pelvis, the knee bending forward over the foot, the foot flat."""
    return replace(pose, leg_r=_leg(pose, "r", (pose.pelvis[0] + ahead, RADII["foot"][0]), 1, 0.0))


# a held lunge, not a walking step: a long stride (about five head heights heel to
# heel), the pelvis low, the front shin upright (the knee over the ankle, not past the
# toes), the back knee a little bent and low, the back heel well up on the toes, the
# trunk upright and still, hands on the hips. The back (near, left) leg sets the height.
OPENER = _front_foot_down(
    grounded(
        _hands_on_hips(
            replace(
                STANDING_SIDE,
                pelvis=(0.0, 3.4),
                hips=112,  # tucked under: the pelvis tipped back
                spine=(93, 90),  # upright, not leaning forward into the lunge
                neck=88,
                leg_r=Limb(224, 206, 300),  # for now as the back leg: replaced by the front leg below
                leg_l=Limb(224, 206, 300),  # far back, the knee a little bent, on the toes, the heel up
            )
        )
    ),
    1.75,  # the front ankle right under the knee
)

SCENES: dict[str, Scene] = {
    # held stretches hold still: the lean itself, the raised arm over the head
    "standing-side-bend": Scene(
        keys=(grounded(_hand_on_hip(SIDE_REACH)),),
        box=REACH_BOX,
        props=(FLOOR,),
        glows=QL_LEFT,
    ),
    # front view: a wide grip, the low hand near the floor, the high hand over the head;
    # in the lean the top hand sweeps slowly forward and back (the chest turns with it)
    "ql-stick-stretch": Scene(
        keys=STICK_KEYS,
        box=POLE_BOX,
        props=(FLOOR, Prop("stick", (POLE_X, 0.0, POLE_X, 8.2))),
        glows=QL_LEFT,
        moves=True,
        holds=("hand_l", "hand_r"),
        settle=on_pole,
        inset=STICK_SIDE,  # side-on: the sweep of the top hand, forward and back
    ),
    # the same lean holding the side of a door frame: the wall around the opening is
    # drawn, so the frame reads as a door; the whole body rocks forward and back
    "ql-stick-stretch-door-frame": Scene(
        keys=DOOR_KEYS,
        box=POLE_BOX,
        props=(Prop("door-frame", (POLE_X, POLE_X - 5.2, 8.3)), FLOOR),
        glows=QL_LEFT,
        moves=True,
        holds=("hand_l", "hand_r"),
        settle=on_door,
        inset=DOOR_SIDE,  # side-on: the body rocking forward and back, the hands on the frame
    ),
}

# -- side-on scenes -----------------------------------------------------------------------

SCENES |= {
    # side-on, facing right: a long stride, both knees a little bent, the back heel up;
    # the hands on the hips, the pelvis tucked under (tilted back) and the front of the
    # back hip opening; the arrow: the tailbone drawing down and under
    "standing-hip-flexor": Scene(
        keys=(OPENER,),
        box=STAND_BOX,
        props=(FLOOR,),
        glows=(Glow("hip_front_l", 0.7),),
        # a short curl round the hip, from the top of the back of the pelvis down and
        # under the buttock, its head pointing forward: the pelvis turning, the tailbone
        # tucking under (a turn about the hip, so not "drop down" or "push the hips forward")
        arrow=Arrow((OPENER.pelvis[0] - 0.05, OPENER.pelvis[1] + 0.05), 0.95, 100, 250),
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
        glows=(Glow("low_back", 0.75),),
        moves=True,
    ),
}

# -- the ball against a wall ---------------------------------------------------------------

WALL_X = -0.9
BALL = (WALL_X + 0.17 + 0.36, 4.4, 0.36)  # against the wall's face, at the height of the low back
WALL_FEET = WALL_X + 1.75  # the ankles a small step out from the wall
SQUASH = 0.1  # how far the back presses into the ball


def against_ball(pose: Pose) -> Pose:
    """``pose`` (side-on, facing right) with its ankles on their spot and its back
    resting on the ball: the pelvis slides along until the trunk meets the ball, and
    the knees bend as far as the pelvis is low (forwards, over the toes)."""
    x = pose.pelvis[0]
    for _ in range(6):
        body = _side_legs(replace(pose, pelvis=(x, pose.pelvis[1])))
        gap = to_trunk(BALL[:2], outline(body)) - (BALL[2] - SQUASH)
        x -= gap
    body = _side_legs(replace(pose, pelvis=(x, pose.pelvis[1])))
    j = joints(body)
    rest = [toward(j[f"hip_{s}"], j[f"knee_{s}"], 0.72) for s in "lr"]  # the hands rest on the thighs
    rest = [(x, y + 0.3) for x, y in rest]  # on top of them, not through them
    return replace(body, arm_l=_arm(j["shoulder_l"], rest[0], -1), arm_r=_arm(j["shoulder_r"], rest[1], -1))


def _side_legs(pose: Pose) -> Pose:
    """Side-on, facing right: both ankles on their spot, the knees bending forward."""
    leg = _leg(pose, "l", (WALL_FEET, FOOT_LINE), 1, 0.0)
    return replace(pose, leg_l=leg, leg_r=Limb(leg.upper - 2, leg.lower - 2, 0))


WALL_LEAN = replace(STANDING_SIDE, hips=95, spine=(96, 97), neck=92, arm_l=Limb(282, 296), arm_r=Limb(286, 300))

SCENES["ql-ball-wall-release"] = Scene(
    # the knees bend a little and straighten: the body slides down and up the ball, so
    # it rolls over the tight spot beside the spine, between the wall and the low back
    keys=(against_ball(replace(WALL_LEAN, pelvis=(0.6, 3.72))), against_ball(replace(WALL_LEAN, pelvis=(0.6, 3.38)))),
    box=STAND_BOX,
    props=(FLOOR, Prop("wall", (WALL_X, 8.4)), Prop("ball", BALL, front=True)),
    glows=(Glow("ql_l", 0.9),),
    arrow=Arrow((WALL_FEET + 1.2 - 6.0, 4.2), 6.0, -14, 14, both=True),  # down and up the ball
    moves=True,
    settle=against_ball,
)
