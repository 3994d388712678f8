"""The strengthening exercises done at home on the floor: one scene each (issue 24).

Every scene shows the LEFT side working (see ``scenes``). Side-on, a figure lying on its
back has its head to the left, face up, and one on hands and knees faces right: its
left limbs are the near, solid ones. The side plank is seen from the front (a mirror),
lying on its left side with the head on the picture's left, so the left side is the
lower one. A mat under the floor line says "at home, on the floor".
"""

from __future__ import annotations

import math
from dataclasses import replace

from tools.art.draw import Arrow, Glow, Prop, Scene
from tools.art.figure import Limb, Point, Pose, joints, reach
from tools.art.postures import FLOOR
from tools.art.scenes_floor import ALL_FOURS, LYING, LYING_BOX, foot_flat, hands_down, with_limbs
from tools.art.shapes import grounded

MAT = Prop("mat", (-3.9, -0.32, 5.4, 0.0))  # a floor mat seen edge-on: a band under the floor line
GHOST_FADE = 0.72  # a faint copy this far to the background: never mistaken for a far limb
HAND_REST = 0.19  # a hand's centre when it lies on the floor

# -- glute bridge: lying on the back, side-on ----------------------------------------------

BRIDGE_FEET = 3.2  # the heels' x, a forearm's length from the buttocks: the shins upright at the top
BRIDGE_LIFT = 18.0  # degrees the trunk slopes up from the shoulders when the hips are up


def feet_planted(pose: Pose, x: float = BRIDGE_FEET) -> Pose:
    """``pose`` with both feet flat on the floor at ``x`` (the far one just beside)."""
    return foot_flat(foot_flat(pose, "l", x), "r", x + 0.1)


def arms_on_floor(pose: Pose) -> Pose:
    """Both arms lying on the floor by the sides, palms down, reaching towards the feet."""
    j = joints(pose)
    arms = {
        f"arm_{s}": reach(j[f"shoulder_{s}"], (j[f"shoulder_{s}"][0] + 3.2 + dx, HAND_REST), bend=-1)
        for s, dx in (("l", 0.0), ("r", 0.08))
    }
    return with_limbs(pose, arms)


def _on_the_mat(pose: Pose) -> Pose:
    """``pose`` resting on the floor, feet flat and arms down by the sides: the trunk
    grounded with the limbs out of the way (they follow it), so doing it twice changes
    nothing (each frame is settled, and the first is drawn again on its own)."""
    up = Limb(90, 90, 90)
    body = grounded(replace(pose, arm_l=up, arm_r=up, leg_l=up, leg_r=up))
    return arms_on_floor(feet_planted(replace(pose, pelvis=body.pelvis)))


def _bridge(lift: float) -> Pose:
    """Lying on the back, knees bent and feet flat, the hips raised so the trunk slopes
    ``lift`` degrees up from the shoulder blades (which stay on the floor)."""
    rise = math.sin(math.radians(lift)) * 2.6
    return _on_the_mat(
        replace(LYING, pelvis=(1.2, 0.6 + rise), hips=180 + lift, spine=(180 + lift, 180 + lift - 6), neck=186)
    )


BRIDGE_DOWN = _on_the_mat(LYING)
BRIDGE_UP = _bridge(BRIDGE_LIFT)


# -- dead bug: lying on the back, side-on --------------------------------------------------

BUG_BOX = (-4.9, -0.6, 5.6, 6.4)  # an arm reaching back over the head needs the room (3:2)
BUG_ARM, BUG_LEG = "l", "r"  # the arm that lowers back over the head, and the opposite leg
UP_ARM = Limb(90, 90)  # straight up to the ceiling, over the shoulder
TABLE_LEG = Limb(90, 0, 85)  # the knee over the hip, bent square: the shin level with the floor
BUG_START = grounded(
    replace(
        LYING,
        hips=182,
        spine=(180, 182),
        neck=184,
        arm_l=UP_ARM,
        arm_r=UP_ARM,
        leg_l=TABLE_LEG,
        leg_r=TABLE_LEG,
        scale={"foot_l": 0.7, "foot_r": 0.7},
    )
)
# one arm lowered back past the head and the other side's leg straightened out, both a
# hand's breadth above the floor; the low back stays down
BUG_REACH = with_limbs(
    BUG_START,
    {f"arm_{BUG_ARM}": Limb(170, 172), f"leg_{BUG_LEG}": Limb(12, 10, 80)},
    BUG_START.scale,
)

# -- bird-dog: on hands and knees, side-on -------------------------------------------------

DOG_BOX = (-6.5, -0.7, 4.9, 6.9)  # an arm reaching ahead and a leg reaching back: long (3:2)
DOG_ARM, DOG_LEG = "l", "r"  # the arm that reaches forward, and the opposite leg back
DOG_HANDS = 0.9  # the hands' x, under the shoulders
FOURS_ARMS = 0.71  # the arms' drawn length on all fours: the figure's forearm is long for a flat hand
DOG_START = hands_down(
    replace(ALL_FOURS, neck=-22, scale={f"{part}_{s}": FOURS_ARMS for part in ("arm_up", "arm_low") for s in "lr"}),
    DOG_HANDS,
)
# the back stays level and still: the arm straight ahead at shoulder height, the other
# side's leg straight back at hip height, the foot flexed (toes to the floor)
DOG_REACH = with_limbs(
    DOG_START,
    {f"arm_{DOG_ARM}": Limb(5, 5), f"leg_{DOG_LEG}": Limb(181, 180, 255)},
    DOG_START.scale | {f"arm_up_{DOG_ARM}": 1.0, f"arm_low_{DOG_ARM}": 1.0},
)

# -- side plank on the knees: seen from the front (a mirror), on the left side ---------------

PLANK_BOX = (-5.0, -0.5, 5.8, 6.7)  # 3:2
PLANK_SLANT = 158.0  # the spine's direction: up to the head on the left, 22 degrees over the floor
FOREARM = 0.55  # the forearm flat on the floor under the chest: an L with the upper arm
FOREARM_AT = 0.0  # along the floor
TOP_ARM = Limb(90, 90)  # the upper arm reaches straight up to the ceiling: the body faces the viewer
TUCK = 0.2  # the shins run straight back behind the thighs (away from the viewer): hidden by them


def _side_plank(pose: Pose, elbow: Point | None = None) -> Pose:
    """``pose`` (front view, lying on its left side, head on the picture's left) with the
    left upper arm down to the ``elbow`` on the floor (straight down when None) and the
    forearm flat on the floor from it towards the viewer, the right arm straight up, the
    upper thigh stacked on the lower one to the same knee, and the shins folded back
    behind the thighs (going away from the viewer, so the thighs hide them)."""
    j = joints(pose)
    shoulder = j["shoulder_l"]
    arm = 270.0 if elbow is None else math.degrees(math.atan2(elbow[1] - shoulder[1], elbow[0] - shoulder[0]))
    knee = j["knee_l"]
    up = math.radians(pose.spine[0] - 90)
    rest = (knee[0] + 0.25 * math.cos(up), knee[1] + 0.25 * math.sin(up))
    hip_r = j["hip_r"]
    thigh_r = math.degrees(math.atan2(rest[1] - hip_r[1], rest[0] - hip_r[0])) % 360
    tuck_l, tuck_r = (pose.leg_l.upper + 180) % 360, (thigh_r + 180) % 360
    return replace(
        pose,
        arm_l=Limb(arm % 360, FOREARM_AT),
        arm_r=TOP_ARM,
        leg_l=Limb(pose.leg_l.upper, tuck_l, tuck_l),
        leg_r=Limb(thigh_r, tuck_r, tuck_r),
        scale=pose.scale | {"arm_low_l": FOREARM, "leg_low_l": TUCK, "leg_low_r": TUCK, "foot_l": 0.05, "foot_r": 0.05},
    )


PLANK = grounded(
    _side_plank(
        Pose(
            view="front",
            pelvis=(0.6, 1.6),
            hips=PLANK_SLANT,
            spine=(PLANK_SLANT, PLANK_SLANT),
            neck=PLANK_SLANT - 8,
            arm_l=Limb(270, 180),
            arm_r=Limb(300, 300),
            leg_l=Limb(PLANK_SLANT + 180, 0),
            leg_r=Limb(PLANK_SLANT + 180, 0),
        )
    )
)


def _hips_down() -> Pose:
    """Where the lift starts (drawn faintly): the same knees and elbow, the lower hip
    resting on the floor and the waist bent down to it."""
    plank = joints(PLANK)
    sag = replace(PLANK, hips=168, spine=(134, 138), leg_l=Limb(359, 0), leg_r=Limb(359, 0))
    knee = joints(sag)["knee_l"]
    sag = replace(
        sag, pelvis=(sag.pelvis[0] + plank["knee_l"][0] - knee[0], sag.pelvis[1] + plank["knee_l"][1] - knee[1])
    )
    return _side_plank(sag, plank["elbow_l"])


# the faint copy shows the hips down only: its raised arm (a little off the held one's) left out
PLANK_START = replace(_hips_down(), scale=_hips_down().scale | {"arm_up_r": 0.02, "arm_low_r": 0.02})

SCENES: dict[str, Scene] = {
    # lying on the back, knees bent, feet flat: the hips lift until knees, hips and
    # shoulders make one line, and lower again; the glow on the buttock
    "glute-bridge": Scene(
        keys=(BRIDGE_DOWN, BRIDGE_UP),
        # each end faint in every frame: the top behind the lying frames, the floor
        # behind the top one, so every frame shows where the hips go from and to
        ghosts=(BRIDGE_DOWN, BRIDGE_UP),
        fade=0.4,  # the lying copy shows under the lifted hips
        box=LYING_BOX,
        props=(MAT, FLOOR),
        glows=(Glow("glute_l", 0.75),),
        arrow=Arrow((1.1 - 9.0, 2.8), 9.0, -5.0, 5.0),
        moves=True,
        settle=_on_the_mat,
    ),
    # lying on the back, arms up to the ceiling, knees over the hips bent square: one arm
    # lowers back over the head while the other side's leg straightens out, both just above
    # the floor, the back flat (the glow on the belly), and back
    "dead-bug": Scene(
        keys=(BUG_START, BUG_REACH),
        ghosts=(BUG_REACH,),  # where the arm and leg go, faint in every frame
        fade=GHOST_FADE,  # much paler than the far (right) side's limbs
        box=BUG_BOX,
        props=(replace(MAT, at=(-4.7, -0.32, 5.4, 0.0)), FLOOR),
        glows=(Glow("belly", 0.75),),
        arrow=Arrow(BUG_START.pelvis, 4.3, 62, 18),
        cues=(Arrow(joints(BUG_START)[f"shoulder_{BUG_ARM}"], 3.6, 100, 150),),
        moves=True,
    ),
    # on hands and knees, the back level: one arm reaches straight ahead and the other
    # side's leg straight back, in one long line with the back, and back down
    "bird-dog": Scene(
        keys=(DOG_START, DOG_REACH),
        ghosts=(DOG_REACH,),  # where the arm and leg go, faint in every frame
        fade=GHOST_FADE,  # much paler than the far (right) side's limbs
        box=DOG_BOX,
        props=(replace(MAT, at=(-6.3, -0.32, 4.7, 0.0)), FLOOR),
        glows=(Glow(f"glute_{DOG_LEG}", 0.7), Glow("belly", 0.6)),
        arrow=Arrow(joints(DOG_START)[f"hip_{DOG_LEG}"], 4.0, 208, 183),
        cues=(Arrow(joints(DOG_START)[f"shoulder_{DOG_ARM}"], 2.5, 300, 350),),
        moves=True,
    ),
    # seen from the front, lying on the left side, propped on the left forearm with the
    # elbow under the shoulder, knees bent with the feet behind: the hips lifted into one
    # straight line from the knees to the shoulders, and held; the glow on the lower side
    # of the waist
    "side-plank-knees": Scene(
        keys=(PLANK,),
        box=PLANK_BOX,
        props=(replace(MAT, at=(-5.1, -0.32, 4.7, 0.0)), FLOOR),
        glows=(Glow("ql_l", 0.75),),
        ghost=PLANK_START,
        fade=0.45,  # the hips down on the floor, clearly a copy: paler than the faint default
        arrow=Arrow((PLANK.pelvis[0] - 9.0, 1.3), 9.0, -5.0, 5.0),
    ),
}
