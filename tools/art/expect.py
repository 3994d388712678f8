"""What each stretch's own text says its picture shows, as checks on the pose data
(issue 23: the physiotherapist-minded review's faults, each turned into a rule).

``EXPECT`` is the table a reader checks: stretch by stretch, what must be seen. Every
rule measures the figure as drawn (``shapes.outline``, ``shapes.muscle``), so a picture
cannot pass by its names alone:

- a side bend lengthens the working side's quadratus lumborum (top of the pelvis to the
  lowest rib, along the side of the waist) by a visible amount over standing upright,
  and shortens the other side; side-on, which side lengthens cannot be seen, so a side
  bend is drawn from the front or from above;
- a cat-cow has a rounded and an arched key pose (the spine's bow changes sign);
- hands rest where the text puts them (a knee, a shin, the seat, the floor);
- the stick stretch's low hand is near the ground (below the knees: seed 004), and its
  movement is a sweep (the chest turns forward and back) in a lean that stays the same;
- the seated figure four tips forward from the hips and works the buttock;
- the standing hip opener bends both knees;
- the knee drop's legs stay side by side (no leg crossing the other into an "N").
"""

from __future__ import annotations

import math
from collections.abc import Callable

from tools.art.draw import Prop, Scene
from tools.art.figure import Limb, Point, Pose, joints
from tools.art.geometry import delta, to_body, to_segment
from tools.art.shapes import length, muscle, outline

Expect = Callable[[str, Scene], list[str]]
TOUCH = 0.22
HAND = 0.19
NEUTRAL = Pose(
    view="front",
    pelvis=(0.0, 3.85),
    spine=(90, 90),
    neck=90,
    arm_l=Limb(262, 268),
    arm_r=Limb(278, 272),
    leg_l=Limb(266, 270, 180),
    leg_r=Limb(274, 270, 0),
)
LONGER, SHORTER = 1.15, 0.92  # of standing upright: a visible stretch, and its other side
BOW = 0.08  # head heights the spine's middle lies off the line from pelvis to neck


def _frames(scene: Scene) -> list[Pose]:
    return scene.poses(6)


def lengthens(working: str = "ql_l", other: str = "ql_r") -> Expect:
    def check(name: str, scene: Scene) -> list[str]:
        if working not in {g.muscle for g in scene.glows}:
            return [f"{name}: the glow is not on {working}, the muscle the side bend stretches"]
        rest = length(muscle(NEUTRAL, working))
        for index, pose in enumerate(_frames(scene)):
            if pose.view == "side":
                return [f"{name}: a side bend drawn side-on: which side lengthens cannot be seen"]
            long, short = length(muscle(pose, working)) / rest, length(muscle(pose, other)) / rest
            if long < LONGER or short > SHORTER:
                said = f"{working} is {long:.0%} and {other} {short:.0%} of standing upright"
                return [f"{name}, frame {index}: {said} (at least {LONGER:.0%}, at most {SHORTER:.0%})"]
        return []

    return check


def bow(pose: Pose) -> float:
    """How far the middle of the spine lies towards the body's front (+: arched, a cow)
    or its back (-: rounded, a cat) of the line from the pelvis to the neck."""
    j = joints(pose)
    (px, py), (nx, ny) = j["pelvis"], j["neck"]
    run = math.hypot(nx - px, ny - py) or 1.0
    ux, uy = (nx - px) / run, (ny - py) / run
    fx, fy = (uy, -ux) if pose.front == -1 else (-uy, ux)  # the front: a quarter turn from the spine
    inner = [j[f"spine_{k}"] for k in range(2, 9)]
    return sum((x - px) * fx + (y - py) * fy for x, y in inner) / len(inner)


def rounds_and_arches(name: str, scene: Scene) -> list[str]:
    bows = [bow(p) for p in scene.keys]
    out = []
    if max(bows) < BOW:
        out.append(f"{name}: no key pose arches the back (its bows: {', '.join(f'{b:+.2f}' for b in bows)})")
    if min(bows) > -BOW:
        out.append(f"{name}: no key pose rounds the back (its bows: {', '.join(f'{b:+.2f}' for b in bows)})")
    return out


def touches(hand: str, target: str) -> Expect:
    """``hand`` rests on ``target``: a limb or segment ("leg_l", "leg_up_r"), a joint
    ("hip_r"), the "floor", the chair's "seat", or any part of the "chair"."""

    def check(name: str, scene: Scene) -> list[str]:
        for index, pose in enumerate(_frames(scene)):
            point = joints(pose)[hand]
            gap = _gap(point, target, pose, scene.props)
            if gap > TOUCH:
                return [f"{name}, frame {index}: {hand} is {gap:.2f} from the {target} it rests on"]
        return []

    return check


def _gap(point: Point, target: str, pose: Pose, props: tuple[Prop, ...]) -> float:
    if target == "floor":
        return point[1] - HAND
    if target in ("seat", "chair"):
        lines = [ln for p in props if p.kind.startswith("chair") for ln in _chair(p, seat_only=target == "seat")]
        return min(to_segment(point, a, b) for a, b in lines) - HAND if lines else math.inf
    if target.startswith(("hip_", "knee_", "pelvis")):
        return max(0.0, math.dist(point, joints(pose)[target]) - 0.6)
    return to_body(point, outline(pose), parts=(target,)) - HAND


def _chair(chair: Prop, seat_only: bool) -> list[tuple[Point, Point]]:
    x, seat = chair.at[0], chair.at[1]
    if chair.kind == "chair-side":
        f = chair.facing
        lines = [((x - 0.9 * f, seat), (x + 0.9 * f, seat))]
        back = [((x - 0.9 * f, seat), (x - 0.9 * f, seat + 2.2))]
    else:
        lines = [((x - 1.2, seat), (x + 1.2, seat))]
        back = [((x - 1.1, seat + 0.6), (x - 1.1, seat + 2.6)), ((x + 1.1, seat + 0.6), (x + 1.1, seat + 2.6))]
    return lines if seat_only else lines + back


def low_hand(hand: str) -> Expect:
    def check(name: str, scene: Scene) -> list[str]:
        for index, pose in enumerate(_frames(scene)):
            j = joints(pose)
            if j[hand][1] > min(j["knee_l"][1], j["knee_r"][1]):
                return [
                    f"{name}, frame {index}: {hand} grips at {j[hand][1]:.2f}, above the knees: not near the ground"
                ]
        return []

    return check


def sweeps(turn: float = 20.0, steady: float = 6.0) -> Expect:
    """Moving in the stretch, not deeper into it: the chest turns forward and back
    (the thoracic twist changes) while the lean stays about the same."""

    def check(name: str, scene: Scene) -> list[str]:
        twists = [p.twist[1] for p in scene.keys]
        bends = [_lean(joints(p)) for p in scene.keys]
        out = []
        if not scene.moves or max(twists) - min(twists) < turn:
            out.append(
                f"{name}: the chest turns {max(twists) - min(twists):.0f} degrees as it moves (at least {turn:.0f})"
            )
        if max(bends) - min(bends) > steady:
            out.append(f"{name}: the lean changes {max(bends) - min(bends):.0f} degrees (a sweep keeps it)")
        return out

    return check


def _lean(j: dict[str, Point]) -> float:
    """Degrees from upright of the line from the pelvis to the neck."""
    return math.degrees(math.atan2(j["neck"][0] - j["pelvis"][0], j["neck"][1] - j["pelvis"][1]))


def tips_forward(least: float) -> Expect:
    def check(name: str, scene: Scene) -> list[str]:
        pose = scene.keys[-1]
        if pose.view != "side":
            return [f"{name}: tipping forward cannot be seen from the front"]
        j = joints(pose)
        forward = _lean(j) * -pose.front
        return (
            [] if forward >= least else [f"{name}: the trunk tips {forward:.0f} degrees forward (at least {least:.0f})"]
        )

    return check


def glows_on(name_of_muscle: str) -> Expect:
    def check(name: str, scene: Scene) -> list[str]:
        glows = {g.muscle for g in scene.glows}
        return [] if name_of_muscle in glows else [f"{name}: the glow is on {sorted(glows)}, not {name_of_muscle}"]

    return check


def knees_bent(least: float) -> Expect:
    def check(name: str, scene: Scene) -> list[str]:
        pose = scene.keys[-1]
        out = []
        for s in "lr":
            leg = getattr(pose, f"leg_{s}")
            bend = delta(leg.upper, leg.lower) * pose.front
            if bend < least:
                out.append(f"{name}: knee_{s} bends {bend:.0f} degrees (the text bends both: at least {least:.0f})")
        return out

    return check


def legs_uncrossed(name: str, scene: Scene) -> list[str]:
    for index, pose in enumerate(_frames(scene)):
        j = joints(pose)
        legs = {s: [(j[f"hip_{s}"], j[f"knee_{s}"]), (j[f"knee_{s}"], j[f"ankle_{s}"])] for s in "lr"}
        for a in legs["l"]:
            for b in legs["r"]:
                if _cross(a, b):
                    return [f"{name}, frame {index}: the legs cross each other"]
    return []


def _cross(a: tuple[Point, Point], b: tuple[Point, Point]) -> bool:
    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    d1, d2 = side(b[0], b[1], a[0]), side(b[0], b[1], a[1])
    d3, d4 = side(a[0], a[1], b[0]), side(a[0], a[1], b[1])
    return d1 * d2 < 0 and d3 * d4 < 0


EXPECT: dict[str, tuple[Expect, ...]] = {
    "standing-side-bend": (lengthens(), touches("hand_r", "hip_r")),
    "seated-side-bend": (lengthens(), touches("hand_r", "seat")),
    "ql-stick-stretch": (lengthens(), low_hand("hand_r"), sweeps()),
    "ql-stick-stretch-door-frame": (lengthens(), low_hand("hand_r"), sweeps()),
    "child-pose-side-reach": (lengthens(),),
    "seated-twist": (touches("hand_r", "leg_up_l"), touches("hand_l", "chair")),
    "seated-figure-four": (tips_forward(15), glows_on("glute_l")),
    "standing-hip-flexor": (knees_bent(10), glows_on("hip_front_l")),
    "knee-to-chest": (touches("hand_l", "leg_l"), touches("hand_r", "leg_l")),
    "seated-knee-hug": (touches("hand_l", "leg_l"), touches("hand_r", "leg_l")),
    "seated-hamstring": (touches("hand_l", "leg_up_r"), touches("hand_r", "leg_up_r"), glows_on("hamstring_l")),
    "band-hamstring": (glows_on("hamstring_l"),),
    "lumbar-rotation": (legs_uncrossed,),
    "cat-cow": (rounds_and_arches, touches("hand_l", "floor"), touches("hand_r", "floor")),
    "seated-cat-cow": (rounds_and_arches, touches("hand_l", "leg_up_l"), touches("hand_r", "leg_up_r")),
}


def expected(name: str, scene: Scene) -> list[str]:
    """Every rule of ``EXPECT`` (and the exercises' tables) for the picture ``name`` (a
    variant is named by its image)."""
    from tools.art import expect_floor, expect_office  # they build on this module's rules

    rules = EXPECT.get(name) or expect_office.EXPECT.get(name) or expect_floor.EXPECT.get(name, ())
    return [found for rule in rules for found in rule(name, scene)]
