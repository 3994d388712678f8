"""A pictogram figure as data: a spine that bends along its length, limbs with volume.

Angles are absolute, in degrees, counter-clockwise from +x, with y pointing up;
lengths are in units of the head's height (the figure is about 7.7 heads tall).
A pose names where the pelvis is and which way it tips (``hips``: the pelvis's own
up), the direction the spine has reached at the top of the lumbar spine (``spine[0]``)
and at the top of the thoracic spine (``spine[1]``), and one angle per limb segment.
The spine is a chain of short segments that turn a little each, so a bend spreads
through the lumbar and the thoracic spine as it does in a body: a side bend that keeps
the pelvis level lengthens one side of the waist and shortens the other, which is what
a quadratus lumborum stretch is. ``twist`` turns the trunk about the spine (lumbar and
thoracic separately), which narrows the shoulders seen from the front.

Views: ``front`` (facing the viewer, drawn as a mirror: the figure's left is on the
image's left, so a user copies it like a reflection), ``side`` (the left limbs are the
near ones, drawn solid; the body's front is ``front`` quarter-turns from the spine:
-1 clockwise, the default), ``top`` (seen from the ceiling, as a camera there sees it:
see ``tools/art/sides.py`` for how left and right read).

``joints`` gives every joint and landmark; ``outline`` gives the shapes drawn (the
trunk as one outline, limbs as tapered capsules); ``muscle`` gives the line a muscle
runs along on the body, so its length can be measured and its glow drawn on it.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field, replace

Point = tuple[float, float]

LENGTH = {
    "sacrum": 0.45,  # the hip joints' centre up to the top of the pelvis (the crests)
    "lumbar": 0.8,  # the crests up to the lowest rib
    "thoracic": 1.35,  # the lowest rib up to the base of the neck
    "neck": 0.35,
    "arm_up": 1.45,
    "arm_low": 1.55,
    "leg_up": 1.95,
    "leg_low": 1.85,
    "foot": 0.8,
}
SPINE_LOW = LENGTH["sacrum"] + LENGTH["lumbar"]  # pelvis to the lowest rib, as the old one-joint spine had it
SEGMENTS = 4  # per region of the spine: enough for a smooth curve at 720 px
HEAD_RADIUS = 0.5
HIP_HALF = 0.62
SHOULDER_HALF = 0.95
RIB_HALF = 0.7

# Half the trunk's width (front) and depth (side) at levels along the spine, 0 at the
# hip joints and 1 at the base of the neck; below 0, the seat of the pelvis.
WIDTH = ((-0.18, 0.8), (0.0, 0.9), (0.17, 0.8), (0.33, 0.64), (0.5, 0.72), (0.8, 0.86), (1.0, 0.95))
DEPTH = ((-0.18, 0.52), (0.0, 0.6), (0.17, 0.54), (0.33, 0.46), (0.5, 0.54), (0.8, 0.6), (1.0, 0.5))
# Capsule radii of the limbs, at the body end and the far end.
RADII = {
    "arm_up": (0.28, 0.2),  # a round shoulder at the top
    "arm_low": (0.2, 0.15),
    "leg_up": (0.4, 0.27),
    "leg_low": (0.27, 0.17),
    "foot": (0.15, 0.1),
    "hand": (0.19, 0.19),
    "neck": (0.21, 0.21),
}


@dataclass(frozen=True)
class Limb:
    """Angles of a limb's segments from the body outwards (upper, lower, foot)."""

    upper: float
    lower: float
    end: float | None = None  # the foot; arms have none


@dataclass(frozen=True)
class Pose:
    view: str
    pelvis: Point  # the centre between the hip joints
    spine: tuple[float, float]  # the spine's direction at the top of the lumbar, and of the thoracic
    neck: float
    arm_l: Limb
    arm_r: Limb
    leg_l: Limb
    leg_r: Limb
    scale: dict[str, float] = field(default_factory=dict)  # e.g. {"leg_up_l": 0.3}: pointing at the viewer
    twist: tuple[float, float] = (
        0.0,
        0.0,
    )  # the trunk turned about the spine at the top of each region (+: to its left)
    face: float | None = None  # where the nose points, when the head is turned
    behind: tuple[str, ...] = ()  # limbs that reach behind the body, front view ("arm_l")
    hips: float | None = None  # the pelvis's own up; None: in line with the lumbar spine (no bend there)
    # side view: the body's front is a quarter-turn clockwise (-1) or anticlockwise (+1)
    # of the spine; seen from above: face down (-1) or face up (+1, lying on the back)
    front: int = -1

    def blend(self, other: Pose, t: float) -> Pose:
        """The pose ``t`` of the way (0..1) from this one to ``other``."""
        keys = set(self.scale) | set(other.scale)
        return replace(
            self,
            pelvis=(_mix(self.pelvis[0], other.pelvis[0], t), _mix(self.pelvis[1], other.pelvis[1], t)),
            spine=(_turn(self.spine[0], other.spine[0], t), _turn(self.spine[1], other.spine[1], t)),
            neck=_turn(self.neck, other.neck, t),
            arm_l=_limb(self.arm_l, other.arm_l, t),
            arm_r=_limb(self.arm_r, other.arm_r, t),
            leg_l=_limb(self.leg_l, other.leg_l, t),
            leg_r=_limb(self.leg_r, other.leg_r, t),
            scale={k: _mix(self.scale.get(k, 1.0), other.scale.get(k, 1.0), t) for k in keys},
            twist=(_mix(self.twist[0], other.twist[0], t), _mix(self.twist[1], other.twist[1], t)),
            face=None if self.face is None or other.face is None else _turn(self.face, other.face, t),
            hips=None if self.hips is None and other.hips is None else _turn(_hips(self), _hips(other), t),
        )


def hips_of(pose: Pose) -> float:
    """The pelvis's own up."""
    return _hips(pose)


def spine_chain(pose: Pose) -> list[tuple[Point, float, float]]:
    """Points along the spine from the hip joints' centre to the base of the neck:
    (where, the spine's direction there, the level from 0 to 1). The pelvis is rigid;
    each region turns evenly along its length from the direction below it to its own."""
    s = pose.scale
    hips = _hips(pose)
    low = _delta(hips, pose.spine[0])
    up = _delta(pose.spine[0], pose.spine[1])
    total = LENGTH["sacrum"] + LENGTH["lumbar"] + LENGTH["thoracic"]
    regions = (
        (LENGTH["sacrum"] * s.get("spine_low", 1), hips, 0.0, 1),
        (LENGTH["lumbar"] * s.get("spine_low", 1), hips, low, SEGMENTS),
        (LENGTH["thoracic"] * s.get("spine_up", 1), pose.spine[0], up, SEGMENTS),
    )
    at, walked = pose.pelvis, 0.0
    chain = [(at, hips, 0.0)]
    for (length, start, turn, count), anatomy in zip(
        regions, (LENGTH["sacrum"], LENGTH["lumbar"], LENGTH["thoracic"]), strict=True
    ):
        for k in range(count):
            at = step(at, start + turn * (k + 0.5) / count, length / count)
            walked += anatomy / count
            chain.append((at, start + turn * (k + 1) / count, walked / total))
    return chain


def joints(pose: Pose) -> dict[str, Point]:
    """Every joint's position, plus landmarks the highlights and checks use: ``crest``
    (the top of the pelvis at the side), ``rib`` (the lowest rib at the side), ``mid``
    (the spine at the lowest rib), ``glute`` (the buttock)."""
    s = pose.scale
    wide = pose.view in ("front", "top")
    chain = spine_chain(pose)
    hips = _hips(pose)
    j: dict[str, Point] = {"pelvis": pose.pelvis}
    for index, (point, _angle, _level) in enumerate(chain):
        j[f"spine_{index}"] = point
    crest, crest_dir, crest_level = chain[1]
    mid, mid_dir, mid_level = chain[1 + SEGMENTS]
    top, top_dir, _ = chain[-1]
    j["crest"], j["mid"], j["neck"] = crest, mid, top
    # a head bowed to the floor, seen from above, sits close to the shoulders: scale "neck"
    j["head_base"] = step(top, pose.neck, LENGTH["neck"] * s.get("neck", 1))
    j["head"] = step(j["head_base"], pose.neck, HEAD_RADIUS * s.get("neck", 1))
    t_mid, t_top = pose.twist
    for side, sign in (("l", 1), ("r", -1)):
        spread = sign * across(pose)
        j[f"hip_{side}"] = step(j["pelvis"], hips + 90, HIP_HALF * spread)
        j[f"crest_{side}"] = step(crest, crest_dir + 90, 0.8 * half(pose, crest_level, 0.0) * sided(pose, sign))
        j[f"rib_{side}"] = step(mid, mid_dir + 90, 0.8 * half(pose, mid_level, t_mid) * sided(pose, sign))
        out = 45 * pose.front if not wide else -45 * sign * across(pose)
        j[f"glute_{side}"] = step(j[f"hip_{side}"], hips + 180 + out, 0.45)
        turn = math.cos(math.radians(t_top)) if wide else 0.0
        # side-on, a chest turned to its left (+) takes the left shoulder back, the right forward
        ahead = 0.0 if wide else -math.sin(math.radians(t_top)) * SHOULDER_HALF * sign
        shoulder = step(top, top_dir + 90, SHOULDER_HALF * spread * turn)
        j[f"shoulder_{side}"] = step(shoulder, top_dir + 90 * pose.front, ahead) if ahead else shoulder
        arm, leg = getattr(pose, f"arm_{side}"), getattr(pose, f"leg_{side}")
        j[f"elbow_{side}"] = step(j[f"shoulder_{side}"], arm.upper, LENGTH["arm_up"] * s.get(f"arm_up_{side}", 1))
        j[f"hand_{side}"] = step(j[f"elbow_{side}"], arm.lower, LENGTH["arm_low"] * s.get(f"arm_low_{side}", 1))
        j[f"knee_{side}"] = step(j[f"hip_{side}"], leg.upper, LENGTH["leg_up"] * s.get(f"leg_up_{side}", 1))
        j[f"ankle_{side}"] = step(j[f"knee_{side}"], leg.lower, LENGTH["leg_low"] * s.get(f"leg_low_{side}", 1))
        j[f"thigh_{side}"] = _halfway(j[f"hip_{side}"], j[f"knee_{side}"])
        foot = leg.end if leg.end is not None else leg.lower
        j[f"toe_{side}"] = step(j[f"ankle_{side}"], foot, LENGTH["foot"] * s.get(f"foot_{side}", 1))
    return j


def across(pose: Pose) -> int:
    """Where the body's left lies from its spine, in the picture: a quarter turn
    anticlockwise (+1) in a front view (a mirror) and in a view from above of a body
    face down (seen from behind); clockwise (-1) from above of a body face up (the
    ceiling's true view: ``front=1``); 0 side-on (left and right coincide)."""
    if pose.view == "front":
        return 1
    if pose.view == "top":
        return -1 if pose.front == 1 else 1
    return 0


def sided(pose: Pose, sign: int) -> float:
    """Across the body for front and top views; to the back in a side view (both
    sides' landmarks lie behind the spine there, the near one drawn over)."""
    return sign * across(pose) if pose.view in ("front", "top") else -pose.front


def half(pose: Pose, level: float, twist: float) -> float:
    """Half the trunk's drawn width at ``level`` (0 hips, 1 neck): a twisted trunk seen
    from the front shows some of its depth, seen side-on some of its width."""
    w, d = _profile(WIDTH, level), _profile(DEPTH, level)
    c, s = math.cos(math.radians(twist)), math.sin(math.radians(twist))
    return math.hypot(w * c, d * s) if pose.view in ("front", "top") else math.hypot(d * c, w * s)


def _profile(table: tuple[tuple[float, float], ...], level: float) -> float:
    for (a, wa), (b, wb) in itertools.pairwise(table):
        if level <= b:
            return wa + (wb - wa) * max(0.0, (level - a) / (b - a))
    return table[-1][1]


# -- small geometry ----------------------------------------------------------------------


def _hips(pose: Pose) -> float:
    return pose.spine[0] if pose.hips is None else pose.hips


def shift(points: dict[str, Point], dx: float, dy: float) -> dict[str, Point]:
    return {k: (x + dx, y + dy) for k, (x, y) in points.items()}


def lowest(points: dict[str, Point], names: tuple[str, ...]) -> float:
    return min(points[n][1] for n in names)


def step(start: Point, angle: float, distance: float) -> Point:
    rad = math.radians(angle)
    return (start[0] + distance * math.cos(rad), start[1] + distance * math.sin(rad))


def toward(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _halfway(a: Point, b: Point) -> Point:
    return toward(a, b, 0.5)


def _mix(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def _delta(a: float, b: float) -> float:
    """The turn from ``a`` to ``b`` the short way round, in degrees."""
    return (b - a + 180) % 360 - 180


def _turn(a: float, b: float, t: float) -> float:
    """Interpolate angles the short way round."""
    return a + _delta(a, b) * t


def _limb(a: Limb, b: Limb, t: float) -> Limb:
    end = None if a.end is None or b.end is None else _turn(a.end, b.end, t)
    return Limb(_turn(a.upper, b.upper, t), _turn(a.lower, b.lower, t), end)


def reach(shoulder: Point, target: Point, bend: int = 1, limb: str = "arm") -> Limb:
    """The arm angles that put the hand on ``target`` (or as near as the arm reaches);
    ``bend`` picks the side the elbow goes to (+1 counter-clockwise, -1 clockwise).
    With ``limb="leg"`` the same for a leg from the hip: the ankle on ``target``."""
    a, b = (LENGTH["arm_up"], LENGTH["arm_low"]) if limb == "arm" else (LENGTH["leg_up"], LENGTH["leg_low"])
    dx, dy = target[0] - shoulder[0], target[1] - shoulder[1]
    d = min(max(math.hypot(dx, dy), abs(a - b) + 1e-6), a + b - 1e-6)
    toward = math.degrees(math.atan2(dy, dx))
    spread = math.degrees(math.acos((a * a + d * d - b * b) / (2 * a * d)))
    upper = toward + bend * spread
    elbow = step(shoulder, upper, a)
    lower = math.degrees(math.atan2(target[1] - elbow[1], target[0] - elbow[0]))
    return Limb(upper % 360, lower % 360)
