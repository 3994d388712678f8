"""The figure's shapes (the trunk's outline, limbs as tapered capsules) and the lines
muscles run along on it: what ``draw`` paints and what ``checks`` measures.

The trunk follows the spine's curve, wider at the hips and ribs than at the waist, so a
side bend shows one side of the waist long and the other short.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace

from tools.art.figure import (
    HEAD_RADIUS,
    LENGTH,
    RADII,
    SEGMENTS,
    Point,
    Pose,
    half,
    hips_of,
    joints,
    sided,
    spine_chain,
    step,
    toward,
)


@dataclass(frozen=True)
class Capsule:
    """A limb segment: a tapered bar with round ends."""

    name: str  # e.g. "arm_up_l"
    a: Point
    b: Point
    ra: float
    rb: float


@dataclass(frozen=True)
class Body:
    trunk: tuple[Point, ...]  # one closed outline from the seat of the pelvis to the shoulders
    head: Point
    limbs: dict[str, tuple[Capsule, ...]]  # "arm_l", "leg_r", "neck": from the body outwards

    def lowest(self) -> float:
        ys = [y for _, y in self.trunk] + [self.head[1] - HEAD_RADIUS]
        ys += [min(c.a[1] - c.ra, c.b[1] - c.rb) for parts in self.limbs.values() for c in parts]
        return min(ys)

    def extent(self) -> tuple[float, float, float, float]:
        """The smallest box around everything drawn: x0, y0, x1, y1."""
        xs = [x for x, _ in self.trunk] + [self.head[0] - HEAD_RADIUS, self.head[0] + HEAD_RADIUS]
        ys = [y for _, y in self.trunk] + [self.head[1] - HEAD_RADIUS, self.head[1] + HEAD_RADIUS]
        for parts in self.limbs.values():
            for c in parts:
                for (x, y), r in ((c.a, c.ra), (c.b, c.rb)):
                    xs += [x - r, x + r]
                    ys += [y - r, y + r]
        return min(xs), min(ys), max(xs), max(ys)


YOKE = 0.22  # head heights the shoulders' slope rises over the base of the neck
NECK_BASE = 0.42  # half the width where the slope meets the neck (front view)


def outline(pose: Pose) -> Body:
    """The figure's shapes: the trunk's outline follows the spine's curve, wider at the
    hips and ribs than at the waist, so a bend shows as one side long and one short."""
    j = joints(pose)
    chain = spine_chain(pose)
    hips = hips_of(pose)
    seat = step(pose.pelvis, hips + 180, 0.18 * (LENGTH["sacrum"] + LENGTH["lumbar"] + LENGTH["thoracic"]))
    top, top_dir, _ = chain[-1]
    # past the base of the neck, the shoulders slope in to it (the trapezius): the head
    # sits on the trunk, not on a stick above a flat top
    rows = [(seat, hips, -0.18), *chain, (step(top, top_dir, YOKE), top_dir, 1.0 + YOKE)]
    left, right = [], []
    for point, angle, level in rows:
        twist = twist_at(pose, min(level, 1.0))
        w = half(pose, min(level, 1.0), twist)
        if level > 1.0:
            w = NECK_BASE if pose.view in ("front", "top") else half(pose, 1.0, twist) * 0.6
        left.append(step(point, angle + 90, w))
        right.append(step(point, angle - 90, w))
    trunk = (*_seat(pose, rows[0], left[0], right[0]), *left, *reversed(right))
    s = pose.scale
    limbs: dict[str, tuple[Capsule, ...]] = {
        "neck": (Capsule("neck", j["neck"], j["head_base"], *RADII["neck"]),),
    }
    for side in "lr":
        arm = []
        for seg, a, b in (("arm_up", "shoulder", "elbow"), ("arm_low", "elbow", "hand")):
            arm.append(Capsule(f"{seg}_{side}", j[f"{a}_{side}"], j[f"{b}_{side}"], *RADII[seg]))
        arm.append(Capsule(f"hand_{side}", j[f"hand_{side}"], j[f"hand_{side}"], *RADII["hand"]))
        limbs[f"arm_{side}"] = tuple(arm)
        leg = []
        for seg, a, b in (("leg_up", "hip", "knee"), ("leg_low", "knee", "ankle"), ("foot", "ankle", "toe")):
            ra, rb = RADII[seg]
            if s.get(f"{seg}_{side}", 1.0) < 0.5:  # seen end-on: the far end is as wide as the near
                rb = ra
            leg.append(Capsule(f"{seg}_{side}", j[f"{a}_{side}"], j[f"{b}_{side}"], ra, rb))
        limbs[f"leg_{side}"] = tuple(leg)
    return Body(trunk, j["head"], limbs)


def _seat(pose: Pose, row: tuple[Point, float, float], left: Point, right: Point) -> list[Point]:
    """Seen from above, the seat of the pelvis is round (the buttocks), not a hem: a
    half ellipse below the lowest row, from its right edge round to its left."""
    if pose.view != "top":
        return []
    (cx, cy), angle, _ = row
    half_width = math.dist(left, right) / 2
    down = angle + 180
    points = []
    for k in range(1, 8):
        t = math.pi * k / 8  # from the right edge (0) round to the left (pi)
        across = math.cos(t) * half_width
        below = math.sin(t) * half_width * 0.45
        x, y = step((cx, cy), angle - 90, across)
        points.append(step((x, y), down, below))
    return points


def twist_at(pose: Pose, level: float) -> float:
    mid = (LENGTH["sacrum"] + LENGTH["lumbar"]) / (LENGTH["sacrum"] + LENGTH["lumbar"] + LENGTH["thoracic"])
    if level <= 0:
        return 0.0
    if level <= mid:
        return pose.twist[0] * level / mid
    return pose.twist[0] + (pose.twist[1] - pose.twist[0]) * (level - mid) / (1 - mid)


# -- muscles ---------------------------------------------------------------------------

HAMSTRING_OUT = 0.55  # of the thigh's radius: side-on, the hamstring's line lies on the back of the thigh
MUSCLES = (
    *("ql_l", "ql_r", "low_back", "glute_l", "glute_r", "hamstring_l", "hamstring_r"),
    *("hip_front_l", "hip_front_r", "thigh_l", "thigh_r"),
    *("belly", "upper_back"),  # the exercises (issue 24): the core, between the shoulder blades
)
BELLY = (0.08, 0.42)  # levels along the spine (0 hips, 1 neck): from above the pelvis to below the ribs
UPPER_BACK = (0.58, 0.88)  # from the lowest ribs' height up to just below the neck


def muscle(pose: Pose, name: str) -> list[Point]:
    """The line ``name`` runs along, on the body: the quadratus lumborum from the top of
    the pelvis to the lowest rib at the side of the waist (front views) or the back of
    it (side views), following the spine's curve; the low back along the lumbar spine;
    a buttock; the back of a thigh; the front of a hip."""
    j = joints(pose)
    chain = spine_chain(pose)
    if name in ("ql_l", "ql_r"):
        sign = 1 if name.endswith("_l") else -1
        out = []
        for point, angle, level in chain[1 : 2 + SEGMENTS]:
            w = 0.8 * half(pose, level, twist_at(pose, level))
            out.append(step(point, angle + 90, w * sided(pose, sign)))
        return out
    if name in ("belly", "upper_back"):
        return _along(pose, chain, *(BELLY if name == "belly" else UPPER_BACK), front=name == "belly")
    if name == "low_back":
        back = 0.0 if pose.view in ("front", "top") else -pose.front * 0.4
        return [step(p, a + 90, back * half(pose, lv, 0.0)) for p, a, lv in chain[1 : 2 + SEGMENTS]]
    side = name[-1]
    if name.startswith("glute"):
        # side-on, further back: out from under the round of the thigh, on the seat's bulge
        ends = (0.55, 1.3) if pose.view == "side" else (0.3, 1.0)
        return [toward(j[f"hip_{side}"], j[f"glute_{side}"], t) for t in ends]
    if name.startswith("hamstring"):
        hip, knee = j[f"hip_{side}"], j[f"knee_{side}"]
        line = [toward(hip, knee, 0.15), toward(hip, knee, 0.85)]
        if pose.view != "side":
            return line
        # side-on, the back of the thigh: a quarter turn from the thigh towards the body's
        # back (below a leg lying out straight, the feet's side of a leg raised)
        back = getattr(pose, f"leg_{side}").upper + 90 * pose.front
        ra, rb = RADII["leg_up"]
        return [step(p, back, HAMSTRING_OUT * (ra + (rb - ra) * t)) for p, t in zip(line, (0.15, 0.85), strict=True)]
    if name.startswith("thigh"):  # along the middle of the thigh (the glow drawn before issue 23)
        return [j[f"hip_{side}"], j[f"knee_{side}"]]
    if name.startswith("hip_front"):
        return [j["crest"] if pose.view == "side" else j[f"crest_{side}"], j[f"thigh_{side}"]]
    raise ValueError(f"unknown muscle {name!r}")


def _along(pose: Pose, chain: list[tuple[Point, float, float]], low: float, high: float, front: bool) -> list[Point]:
    """Points on the trunk between two levels of the spine: on its middle line seen from
    the front or above; side-on, towards the body's front (the belly) or its back (between
    the shoulder blades), inside the outline."""
    points = [(p, a, lv) for p, a, lv in chain if low <= lv <= high]
    if pose.view != "side":
        return [p for p, _, _ in points]
    out = pose.front * (0.55 if front else -0.55)  # a quarter turn towards the body's front, or its back
    return [step(p, a + 90, out * half(pose, lv, 0.0)) for p, a, lv in points]


def length(points: list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(points))


def grounded(pose: Pose, floor: float = 0.0) -> Pose:
    """``pose`` moved up or down so that its lowest point (its outline, not its bones)
    rests on the floor line."""
    low = outline(pose).lowest()
    return replace(pose, pelvis=(pose.pelvis[0], pose.pelvis[1] + floor - low))
