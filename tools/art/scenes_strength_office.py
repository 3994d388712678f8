"""The strengthening exercises done at the office (no floor, work clothes): one scene each (issue 24).

Every scene shows the LEFT side working (see ``scenes``): facing the viewer the figure
is a mirror (its left on the image's left); side-on its left limbs are the near ones.
An exercise that moves shows its start and its end (``moves``, with an arrow where it
moves); a hold shows the held position with the warm patch on the muscle that works.
"""

from __future__ import annotations

import math
from dataclasses import replace

from tools.art.draw import Arrow, Glow, Prop, Scene
from tools.art.figure import HIP_HALF, LENGTH, Limb, Point, Pose, joints, reach, step
from tools.art.postures import FLOOR, FOOT_LINE, REACH_BOX, STANDING_FRONT, STANDING_SIDE
from tools.art.scenes_seated import ANKLE, SEAT, SIDE, hands_at, on_seat, on_thigh, seated

STRAIGHT = LENGTH["leg_up"] + LENGTH["leg_low"] - 0.004  # hip to ankle, the knee straight
WALL_HALF = 0.17  # half a wall's drawn line
FRONT_FEET = {"foot_l": 0.45, "foot_r": 0.45}


def straight(a: Point, b: Point, bow: float = 8.0) -> Arrow:
    """A short, nearly straight arrow from ``a`` to ``b`` (level): a sliver of a wide circle."""
    mid, run = (a[0] + b[0]) / 2, math.degrees(1.0 / bow)
    return Arrow((mid, a[1] + bow), bow, 270 + (a[0] - mid) * run, 270 + (b[0] - mid) * run)


# -- side plank against a wall: from the front ------------------------------------------

# Facing the viewer, the wall on the figure's left (the image's left): the body one
# straight line slanting from the feet (together, out from the wall) to the head, the
# left forearm on the wall with the elbow at shoulder height (the upper arm level, the
# forearm up the wall), the right hand on the right hip. The left side (nearest the
# wall, the lower side of the slant) holds the hips up in the line: its waist glows.
PLANK_LEAN = 21.0  # degrees from upright
PLANK_FEET = 2.2  # the ankles' x


def wall_plank(lean: float = PLANK_LEAN, feet: float = PLANK_FEET) -> tuple[Pose, float]:
    """The plank leaning ``lean`` degrees to the wall, and the wall's x (where the
    elbow's edge meets it)."""
    up = 90.0 + lean
    pelvis = step((feet, FOOT_LINE), up, STRAIGHT - 0.02)
    body = replace(STANDING_FRONT, pelvis=pelvis, hips=up, spine=(up, up), neck=up, scale=dict(FRONT_FEET))
    j = joints(body)
    legs = {}
    for side, dx, bend in (("l", -0.16, -1), ("r", 0.16, 1)):  # the ankles together, a little apart
        leg = reach(j[f"hip_{side}"], (feet + dx, FOOT_LINE), bend=bend, limb="leg")
        legs[side] = Limb(leg.upper, leg.lower, 180.0 if side == "l" else 0.0)
    body = replace(body, leg_l=legs["l"], leg_r=legs["r"])
    j = joints(body)
    shoulder = j["shoulder_l"]
    elbow = (shoulder[0] - LENGTH["arm_up"], shoulder[1])  # the upper arm level: the elbow under the shoulder
    wall = elbow[0] - 0.2 - WALL_HALF
    crest = j["crest_r"]
    hand = step(crest, up - 90, 0.25)  # on the top of the right hip, at its side
    body = replace(body, arm_l=Limb(180.0, 90.0), arm_r=reach(j["shoulder_r"], hand, bend=1))
    return body, wall


PLANK, PLANK_WALL = wall_plank()


def sagging(pose: Pose, sag: float = 0.8) -> Pose:
    """The mistake the text warns of, drawn faintly behind: the hips sunk ``sag`` towards
    the wall, the feet and the shoulders where they were (a bend at the waist)."""
    j = joints(pose)
    pelvis = (pose.pelvis[0] - sag, pose.pelvis[1] - 0.1)
    up = math.degrees(math.atan2(j["neck"][1] - pelvis[1], j["neck"][0] - pelvis[0]))
    body = replace(pose, pelvis=pelvis, spine=(up + 8, up - 8), neck=pose.neck)
    j2 = joints(body)
    legs = {}
    for side in "lr":
        leg = reach(j2[f"hip_{side}"], j[f"ankle_{side}"], bend=-1 if side == "l" else 1, limb="leg")
        legs[f"leg_{side}"] = Limb(leg.upper, leg.lower, getattr(pose, f"leg_{side}").end)
    return replace(body, **legs)  # type: ignore[arg-type]


PLANK_SAG = sagging(PLANK)

# -- hip hitch on a step: from the front ---------------------------------------------------

# Facing the viewer, standing on the right foot at the edge of a step beside a wall, the
# right hand resting on the wall, the left foot hanging off the step's edge (the image's
# left). Knees straight, shoulders level: the pelvis drops on the left, then the left
# hip hitches up past level (the left waist shortens: it works); the left hand on that
# hip rides with it, so the tilt shows.
HITCH_WALL = 3.0  # the wall at the figure's right (edge-on, the image's right)
STEP = (0.1, HITCH_WALL, 1.3)  # x0, x1, height: the bottom stair or a sturdy low box
HITCH_FOOT = 0.7  # the standing (right) ankle's x on the step
HITCH = 15.0  # degrees the pelvis tilts each way (a few centimetres at the hip, drawn large enough to see)
HITCH_HAND = (HITCH_WALL - WALL_HALF - 0.19, 5.6)  # resting on the wall, a little below the shoulder


def hitched(pose: Pose) -> Pose:
    """Every frame: the right foot planted on the step with that leg straight, the pelvis
    pivoting on the right hip as its tilt says, the left leg hanging straight down, the
    ribs and shoulders level over it (the bend in the waist); the right hand on the
    wall, the left on the left hip."""
    tilt = pose.hips if pose.hips is not None else 90.0
    hip_r = (HITCH_FOOT, STEP[2] + FOOT_LINE + STRAIGHT)
    pelvis = step(hip_r, tilt + 90, HIP_HALF)
    body = replace(pose, pelvis=pelvis, spine=(90 + (tilt - 90) * 0.15, 90.0), neck=90.0)
    j = joints(body)
    leg_r = reach(j["hip_r"], (HITCH_FOOT, STEP[2] + FOOT_LINE), bend=1, limb="leg")
    body = replace(body, leg_r=Limb(leg_r.upper, leg_r.lower, 0.0), leg_l=Limb(270.0, 270.0, 180.0))
    hand = step(j["crest_l"], tilt + 90, 0.2)
    return replace(body, arm_l=reach(j["shoulder_l"], hand, bend=-1), arm_r=reach(j["shoulder_r"], HITCH_HAND, bend=-1))


HITCH_KEYS = tuple(hitched(replace(STANDING_FRONT, hips=90 + t, scale=dict(FRONT_FEET))) for t in (HITCH, -HITCH))

# -- sit to stand: side-on ------------------------------------------------------------------

# Side-on, facing right, from the front half of the seat: arms crossed over the chest,
# the feet flat a little behind the knees. Tip forward from the hips with a long back
# (the nose over the toes), stand up tall, and sit back down the same way, slowly.
RISE_FEET = 1.55  # the ankles' x, planted
RISE_CHAIR = Prop("chair-side", (-0.55, SEAT))


def arms_crossed(pose: Pose) -> Pose:
    """Side-on: each hand on the chest below the other shoulder, the forearms across it
    (pointing away from the viewer, so drawn short), the elbows in front of the ribs."""
    j = joints(pose)
    up = pose.spine[1]
    front = up + 90 * pose.front
    out = pose
    scale = dict(pose.scale)
    for side, low in (("l", 0.55), ("r", 0.8)):
        shoulder = j[f"shoulder_{side}"]
        hand = step(step(j["neck"], up + 180, low), front, 0.55)
        elbow = step(step(shoulder, up + 180, 1.15), front, 0.55)
        upper, lower = _angle(shoulder, elbow), _angle(elbow, hand)
        scale |= {
            f"arm_up_{side}": math.dist(shoulder, elbow) / LENGTH["arm_up"],
            f"arm_low_{side}": math.dist(elbow, hand) / LENGTH["arm_low"],
        }
        out = replace(out, **{f"arm_{side}": Limb(upper, lower)})  # type: ignore[arg-type]
    return replace(out, scale=scale)


def _angle(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0])) % 360


def rising(pose: Pose) -> Pose:
    """Every frame: both feet flat on their spot, the knees forward over them, the arms
    crossed; a key on the seat rests on it (``on_seat``) before this."""
    j = joints(pose)
    legs = {}
    for side in "lr":
        leg = reach(j[f"hip_{side}"], (RISE_FEET + (0.05 if side == "r" else 0.0), ANKLE), bend=1, limb="leg")
        legs[f"leg_{side}"] = Limb(leg.upper, leg.lower, 0.0)
    return arms_crossed(replace(pose, **legs))  # type: ignore[arg-type]


RISE_SIT = rising(on_seat(replace(SIDE, pelvis=(0.0, 2.3), hips=90, spine=(92, 91), neck=88)))
RISE_LEAN = rising(on_seat(replace(SIDE, pelvis=(0.15, 2.3), hips=48, spine=(46, 46), neck=44)))
RISE_STAND = rising(replace(SIDE, pelvis=(RISE_FEET - 0.05, ANKLE + STRAIGHT - 0.01), hips=90, spine=(91, 92), neck=88))

# -- standing hip abduction: from the front ---------------------------------------------------

# Facing the viewer, the right hand on the top of a chair's back (the chair side-on at
# the figure's right), the left hand on the left hip: the weight over the right foot,
# the trunk upright and the hips level, the straight left leg lifts out to the side
# and lowers slowly. The outside of the left hip (the buttock's side) works.
LIFT_PELVIS = (-0.6, STRAIGHT + FOOT_LINE - 0.03)
LIFT_FOOT = LIFT_PELVIS[0] + 0.05  # the right ankle, under the middle of the body (the weight over it)
LIFT_OUT = 25.0  # degrees the left leg swings out: the ankle about a foot's length
LIFT_CHAIR = Prop("chair-side", (LIFT_PELVIS[0] + 2.9, SEAT))
LIFT_GRIP = (LIFT_CHAIR.at[0] - 0.9, SEAT + 2.2 + 0.2)  # on the top of the back rest


def lifting(pose: Pose) -> Pose:
    """Every frame: the right foot planted under the body, that leg straight; the left
    leg straight at the angle the key gives (its ankle by the right one at the start);
    the right hand on the chair's back, the left on the left hip."""
    body = replace(pose, pelvis=LIFT_PELVIS, hips=90.0, spine=(90.0, 90.0), neck=90.0)
    j = joints(body)
    right = reach(j["hip_r"], (LIFT_FOOT, FOOT_LINE), bend=1, limb="leg")
    out = pose.leg_l.upper
    body = replace(body, leg_r=Limb(right.upper, right.lower, 0.0), leg_l=Limb(out, out, 180.0))
    hand = step(j["crest_l"], 180.0, 0.2)
    return replace(body, arm_l=reach(j["shoulder_l"], hand, bend=-1), arm_r=reach(j["shoulder_r"], LIFT_GRIP, bend=1))


LIFT_KEYS = tuple(
    lifting(replace(STANDING_FRONT, leg_l=Limb(a, a, 180.0), scale=dict(FRONT_FEET))) for a in (274.0, 270.0 - LIFT_OUT)
)

# -- seated core brace: side-on ------------------------------------------------------------

# Side-on, facing right, sitting tall on the front of the seat (clear of the back rest),
# the feet flat, the near hand's fingertips on the side of the belly to feel it firm up,
# the far hand on the thigh; the belly glows. Breathing goes on: a rep is one breath.
BRACE_CHAIR = Prop("chair-side", (-0.85, SEAT))


def bracing() -> Pose:
    pose = seated(replace(SIDE, hips=90, spine=(91, 90), neck=88), feet=(1.85, 1.9))
    j = joints(pose)
    belly = step(j["spine_5"], 0.0, 0.62)  # on the upper belly: the warm patch shows below the forearm
    elbow = (j["shoulder_l"][0] - 0.15, j["shoulder_l"][1] - LENGTH["arm_up"] * 0.97)  # by the side
    near = Limb(_angle(j["shoulder_l"], elbow), _angle(elbow, belly))
    scale = pose.scale | {"arm_low_l": min(1.0, math.dist(elbow, belly) / LENGTH["arm_low"])}
    return hands_at(replace(pose, arm_l=near, scale=scale), None, on_thigh(pose, "r", 0.75))


BRACE = bracing()


# The brace, which does not move: the belly and the low back firm up towards each other,
# two short arrows pressing in at the belly's height (firm all round, not sucked in).
BRACE_CUES = (straight((2.25, 2.95), (0.78, 2.95)), straight((-1.62, 2.95), (-0.66, 2.95)))

# -- wall angel: from the front, and side-on in the corner --------------------------------------

# Facing the viewer, the wall behind: the arms in a W (the upper arms out to the sides a
# little below the shoulders, the elbows bent, the forearms up) slide up the wall to a Y
# (the arms up and out, nearly straight) and back. Side-on in the corner: the head, the
# upper back and the buttocks on the wall, the feet a little out from it, the arms
# sliding up along it; the glow between the shoulder blades (seen side-on, on the back).
ANGEL_X = -3.1  # the front view's pelvis
ANGEL_W = (Limb(192.0, 96.0), Limb(348.0, 84.0))  # left arm, right arm: upper arm out, forearm up
ANGEL_Y = (Limb(128.0, 120.0), Limb(52.0, 60.0))
ANGEL_FRONT = tuple(
    replace(STANDING_FRONT, pelvis=(ANGEL_X, STANDING_FRONT.pelvis[1]), arm_l=arms[0], arm_r=arms[1])
    for arms in (ANGEL_W, ANGEL_Y)
)
ANGEL_WALL = -1.4  # the side view's wall


def on_wall(pose: Pose, arms_up: float) -> Pose:
    """Side-on, facing right: the back of the pelvis, the upper back and the head on the
    wall, the feet a little out from it; the arms against the wall (seen from the side,
    along it): ``arms_up`` 0 for the W (the upper arm pointing out sideways, drawn
    short, the forearm up the wall), 1 for the Y (the arm up along the wall)."""
    body = replace(pose, pelvis=(ANGEL_WALL + WALL_HALF + 0.62, pose.pelvis[1]))
    j = joints(body)
    shoulder = j["shoulder_l"]
    wall = ANGEL_WALL + WALL_HALF + 0.22  # the arm's middle, on the wall
    elbow_w, hand_w = (wall, shoulder[1] - 0.1), (wall, shoulder[1] - 0.1 + LENGTH["arm_low"])
    elbow_y = (wall + 0.05, shoulder[1] + LENGTH["arm_up"] * 0.8)
    hand_y = (wall + 0.1, elbow_y[1] + LENGTH["arm_low"] * 0.8)
    elbow = _mix(elbow_w, elbow_y, arms_up)
    hand = _mix(hand_w, hand_y, arms_up)
    arm = Limb(_angle(shoulder, elbow), _angle(elbow, hand))
    scale = body.scale | {
        f"arm_{part}_{s}": math.dist(a, b) / LENGTH[f"arm_{part}"]
        for s in "lr"
        for part, a, b in (("up", shoulder, elbow), ("low", elbow, hand))
    }
    feet = ANGEL_WALL + 1.1
    legs = {}
    for side in "lr":
        leg = reach(j[f"hip_{side}"], (feet, FOOT_LINE), bend=1, limb="leg")
        legs[f"leg_{side}"] = Limb(leg.upper, leg.lower, 0.0)
    return replace(body, arm_l=arm, arm_r=arm, scale=scale, **legs)  # type: ignore[arg-type]


def _mix(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


ANGEL_SIDE = tuple(on_wall(replace(STANDING_SIDE, pelvis=(0.0, 3.83), spine=(90, 91), neck=90), t) for t in (0.0, 1.0))

SCENES: dict[str, Scene] = {
    "wall-side-plank": Scene(
        keys=(PLANK,),
        box=(PLANK_WALL - 4.2, -0.6, PLANK_WALL + 9.3, 8.4),
        props=(
            Prop("wall-face", (PLANK_WALL - 6.0, PLANK_WALL, 8.4)),
            Prop("wall", (PLANK_WALL, 8.4)),
            Prop("floor", (PLANK_WALL, 20.0)),
        ),
        glows=(Glow("ql_l", 0.8),),
        holds=("hand_l",),
        ghosts=(PLANK_SAG,),  # faint: the hips sagging to the wall; the arrow lifts them into the line
        cues=(straight((PLANK_WALL + 0.7, 3.3), (PLANK_WALL + 2.2, 3.3)),),
    ),
    "hip-hitch": Scene(
        keys=HITCH_KEYS,
        box=(-6.2, -0.3, 8.2, 9.3),
        props=(
            Prop("wall-face", (HITCH_WALL, HITCH_WALL + 6.0, 9.2)),
            Prop("wall", (HITCH_WALL, 9.2)),
            Prop("step", STEP),
        ),
        glows=(Glow("ql_l", 0.8),),
        moves=True,
        settle=hitched,
        cues=(Arrow((-1.7 - 8.0, 1.45), 8.0, -4.3, 4.3, both=True),),  # the hanging foot: below the step's top and up
        arrow=Arrow((HITCH_FOOT + 6.2, 5.0), 9.0, 172, 188, both=True),  # the left hip down and up
    ),
    "sit-to-stand": Scene(
        keys=(RISE_SIT, RISE_LEAN, RISE_STAND),
        box=(-5.1, -0.4, 7.8, 8.2),
        props=(FLOOR, RISE_CHAIR),
        glows=(Glow("glute_l", 0.8),),
        moves=True,
        settle=rising,
        ghosts=(RISE_SIT, RISE_STAND),
        arrow=Arrow((RISE_FEET + 0.6, 1.4), 3.0, 170, 105),  # the hips up and forward, over the feet
    ),
    "standing-hip-abduction": Scene(
        keys=LIFT_KEYS,
        box=(-7.0, -0.5, 6.5, 8.5),
        props=(FLOOR, LIFT_CHAIR),
        glows=(Glow("glute_l", 0.8),),
        moves=True,
        settle=lifting,
        ghosts=LIFT_KEYS[:1],  # faint: the foot down by the other, where the lift starts
        # beside the shin, out past where the leg stops and back
        arrow=Arrow(joints(LIFT_KEYS[0])["hip_l"], 2.7, 270 - LIFT_OUT - 3, 270 - LIFT_OUT - 36, both=True),
    ),
    "seated-core-brace": Scene(
        keys=(BRACE,),
        box=(-4.2, -0.5, 6.9, 6.9),
        props=(FLOOR, BRACE_CHAIR),
        glows=(Glow("belly", 0.8),),
        cues=BRACE_CUES,
    ),
    "wall-angel": Scene(
        keys=ANGEL_FRONT,
        box=REACH_BOX,
        props=(Prop("wall-face", (REACH_BOX[0] - 1.0, 0.3, REACH_BOX[3] + 1.0)), FLOOR),
        moves=True,
        arrow=Arrow((ANGEL_X + 4.9, 8.3), 8.0, 185.4, 174.6, both=True),  # by the left hand: up the wall and back
        inset=Scene(
            keys=ANGEL_SIDE,
            box=(-3.1, -0.4, 4.0, 9.4),
            props=(FLOOR, Prop("wall", (ANGEL_WALL, 9.6))),
            glows=(Glow("upper_back", 0.7),),
            moves=True,
        ),
    ),
}
