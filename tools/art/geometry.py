"""Distances on the drawn figure: how far a point is from the body's surface, and
whether it lies on the body, for the checks that ask what touches what."""

from __future__ import annotations

import itertools
import math

from tools.art.figure import HEAD_RADIUS, Point
from tools.art.shapes import Body, Capsule


def delta(a: float, b: float) -> float:
    """The turn from ``a`` to ``b`` the short way round, in degrees."""
    return (b - a + 180) % 360 - 180


def to_segment(p: Point, a: Point, b: Point) -> float:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length))
    return math.dist(p, (ax + t * dx, ay + t * dy))


def to_capsule(p: Point, c: Capsule) -> float:
    """From ``p`` to the capsule's surface (negative inside), its radius tapering along it."""
    ax, ay = c.a
    dx, dy = c.b[0] - ax, c.b[1] - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length))
    return math.dist(p, (ax + t * dx, ay + t * dy)) - (c.ra + (c.rb - c.ra) * t)


def in_polygon(p: Point, polygon: tuple[Point, ...]) -> bool:
    x, y = p
    inside = False
    for (x1, y1), (x2, y2) in itertools.pairwise((*polygon, polygon[0])):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def to_trunk(p: Point, body: Body) -> float:
    edge = min(to_segment(p, a, b) for a, b in itertools.pairwise((*body.trunk, body.trunk[0])))
    return -edge if in_polygon(p, body.trunk) else edge


def to_body(p: Point, body: Body, parts: tuple[str, ...] | None = None) -> float:
    """From ``p`` to the nearest surface of the body (negative inside it); ``parts``
    limits it to some limbs ("arm_l", "leg_r", "leg_up_l", "trunk", "head")."""
    found = []
    if parts is None or "trunk" in parts:
        found.append(to_trunk(p, body))
    if parts is None or "head" in parts:
        found.append(math.dist(p, body.head) - HEAD_RADIUS)
    for limb, capsules in body.limbs.items():
        for c in capsules:
            if parts is None or limb in parts or c.name in parts:
                found.append(to_capsule(p, c))
    return min(found)


def inside_body(p: Point, body: Body) -> bool:
    return to_body(p, body) <= 0
