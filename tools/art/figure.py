"""A line figure as data: segment lengths in head heights, poses as joint angles.

Angles are absolute, in degrees, counter-clockwise from +x, with y pointing up;
lengths are in units of the head's height (the figure is about 7.7 heads tall).
A pose names one angle per segment; ``scale`` shortens a segment that points at
the viewer (a thigh seen end-on). Poses interpolate, so a movement is two or three
poses and the frames between them.

Views: ``front`` (facing the viewer, drawn as a mirror: the figure's left is on the
image's left, so a user copies it like a reflection), ``side`` (the left limbs are
the near ones, drawn solid), ``top`` (seen from above, lying down; laid out like
``front``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

Point = tuple[float, float]

LENGTH = {
    "spine_low": 1.25,
    "spine_up": 1.35,
    "neck": 0.35,
    "arm_up": 1.45,
    "arm_low": 1.55,
    "leg_up": 1.95,
    "leg_low": 1.85,
    "foot": 0.8,
}
HEAD_RADIUS = 0.5
HIP_HALF = 0.62
SHOULDER_HALF = 0.95
RIB_HALF = 0.7


@dataclass(frozen=True)
class Limb:
    """Angles of a limb's segments from the body outwards (upper, lower, foot)."""

    upper: float
    lower: float
    end: float | None = None  # the foot; arms have none


@dataclass(frozen=True)
class Pose:
    view: str
    pelvis: Point
    spine: tuple[float, float]  # lower and upper spine
    neck: float
    arm_l: Limb
    arm_r: Limb
    leg_l: Limb
    leg_r: Limb
    scale: dict[str, float] = field(default_factory=dict)  # e.g. {"leg_up_l": 0.3}
    shoulder_turn: float = 1.0  # <1 narrows the shoulders: a twisted torso, front view
    face: float | None = None  # where the nose points, when the head is turned (a twist)
    behind: tuple[str, ...] = ()  # limbs that reach behind the body, front view ("arm_l")
    hips: float | None = None  # the pelvis's own up, when it tips less than the lower spine (a side bend)

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
            shoulder_turn=_mix(self.shoulder_turn, other.shoulder_turn, t),
            hips=None if self.hips is None and other.hips is None else _turn(_hips(self), _hips(other), t),
        )


def joints(pose: Pose) -> dict[str, Point]:
    """Every joint's position, plus landmarks the highlights use (ribs, crests)."""
    s = pose.scale
    wide = pose.view in ("front", "top")
    j: dict[str, Point] = {"pelvis": pose.pelvis}
    j["mid"] = _step(j["pelvis"], pose.spine[0], LENGTH["spine_low"] * s.get("spine_low", 1))
    j["neck"] = _step(j["mid"], pose.spine[1], LENGTH["spine_up"] * s.get("spine_up", 1))
    j["head_base"] = _step(j["neck"], pose.neck, LENGTH["neck"])
    j["head"] = _step(j["head_base"], pose.neck, HEAD_RADIUS)
    for side, sign in (("l", 1), ("r", -1)):
        spread = sign if wide else 0
        j[f"hip_{side}"] = _step(j["pelvis"], _hips(pose) + 90, HIP_HALF * spread)
        j[f"crest_{side}"] = _step(j[f"hip_{side}"], _hips(pose), 0.3)
        j[f"rib_{side}"] = _step(j["mid"], pose.spine[0] + 90, RIB_HALF * spread)
        j[f"shoulder_{side}"] = _step(j["neck"], pose.spine[1] + 90, SHOULDER_HALF * spread * pose.shoulder_turn)
        arm, leg = getattr(pose, f"arm_{side}"), getattr(pose, f"leg_{side}")
        j[f"elbow_{side}"] = _step(j[f"shoulder_{side}"], arm.upper, LENGTH["arm_up"] * s.get(f"arm_up_{side}", 1))
        j[f"hand_{side}"] = _step(j[f"elbow_{side}"], arm.lower, LENGTH["arm_low"] * s.get(f"arm_low_{side}", 1))
        j[f"knee_{side}"] = _step(j[f"hip_{side}"], leg.upper, LENGTH["leg_up"] * s.get(f"leg_up_{side}", 1))
        j[f"ankle_{side}"] = _step(j[f"knee_{side}"], leg.lower, LENGTH["leg_low"] * s.get(f"leg_low_{side}", 1))
        j[f"thigh_{side}"] = _halfway(j[f"hip_{side}"], j[f"knee_{side}"])
        foot = leg.end if leg.end is not None else leg.lower
        j[f"toe_{side}"] = _step(j[f"ankle_{side}"], foot, LENGTH["foot"] * s.get(f"foot_{side}", 1))
    return j


def _hips(pose: Pose) -> float:
    return pose.spine[0] if pose.hips is None else pose.hips


def shift(points: dict[str, Point], dx: float, dy: float) -> dict[str, Point]:
    return {k: (x + dx, y + dy) for k, (x, y) in points.items()}


def lowest(points: dict[str, Point], names: tuple[str, ...]) -> float:
    return min(points[n][1] for n in names)


def _step(start: Point, angle: float, length: float) -> Point:
    rad = math.radians(angle)
    return (start[0] + length * math.cos(rad), start[1] + length * math.sin(rad))


def _halfway(a: Point, b: Point) -> Point:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _mix(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def _turn(a: float, b: float, t: float) -> float:
    """Interpolate angles the short way round."""
    delta = (b - a + 180) % 360 - 180
    return a + delta * t


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
    elbow = _step(shoulder, upper, a)
    lower = math.degrees(math.atan2(target[1] - elbow[1], target[0] - elbow[0]))
    return Limb(upper % 360, lower % 360)


def grounded(pose: Pose, floor: float = 0.0, line: float = 0.12) -> Pose:
    """``pose`` moved up or down so that its lowest point rests on the floor line."""
    j = joints(pose)
    names = [n for n in j if not n.startswith(("crest", "rib", "thigh", "mid", "head"))]
    low = min(min(j[n][1] for n in names) - line, j["head"][1] - HEAD_RADIUS)
    return replace(pose, pelvis=(pose.pelvis[0], pose.pelvis[1] + floor - low))
