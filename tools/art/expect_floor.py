"""What each floor strengthening exercise's text says its picture shows (the rules in
``expect``, and the ones these exercises need), as ``expect.EXPECT`` does for the stretches.

Each rule measures the pose as drawn (``figure.joints``), in the key pose the text
speaks of: the held or lifted one is the last key; where the movement starts is the
first key, or the faint ghost drawn behind a hold:

- a plank or a bridge holds the body in one straight line (knees, hips, shoulders);
- the hips lift off the floor from where they started, the shoulders staying down;
- what rests on the floor does (a forearm, a knee, the hands and knees on all fours);
- the elbow is under the shoulder in a side plank;
- on all fours or on the back, the back stays level in every frame;
- an arm or leg that reaches is straight and in line with the back, ahead or behind;
- a dead bug starts with both arms up to the ceiling and the knees over the hips, bent
  square.
"""

from __future__ import annotations

import math

from tools.art.draw import Scene
from tools.art.expect import Expect, glows_on
from tools.art.figure import Point, Pose, joints
from tools.art.geometry import delta

LINE = 12.0  # degrees a straight body line may turn at the hips
LEVEL = 10.0  # degrees from level a back held still may tilt
ALONG = 20.0  # degrees a reaching limb may point off the line of the back
STRAIGHT = 15.0  # degrees a straightened elbow or knee may still bend
UPRIGHT = 15.0  # degrees from vertical an arm or thigh pointing at the ceiling may be
SQUARE = (70.0, 110.0)  # a knee bent at a right angle
FLOOR_REACH = 0.5  # a joint this low rests on the floor (a knee's radius and a touch)
SEGMENTS = {"arm": ("shoulder", "elbow", "hand"), "leg": ("hip", "knee", "ankle")}


def _angle(a: Point, b: Point) -> float:
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def _turn(a: Point, b: Point, c: Point) -> float:
    """How far the path a, b, c turns at b (0: a straight line)."""
    return abs(delta(_angle(a, b), _angle(b, c)))


def _start(scene: Scene) -> Pose:
    """Where the movement starts: the ghost behind a hold, else the first key."""
    return scene.ghost if scene.ghost is not None else scene.keys[0]


def one_line(first: str, through: str, last: str, most: float = LINE) -> Expect:
    """In the held (last) pose, ``through`` lies on the line from ``first`` to ``last``."""

    def check(name: str, scene: Scene) -> list[str]:
        j = joints(scene.keys[-1])
        turn = _turn(j[first], j[through], j[last])
        if turn > most:
            return [f"{name}: {first}, {through} and {last} bend {turn:.0f} degrees off one line (at most {most:.0f})"]
        return []

    return check


def hips_lift(least: float, shoulders: str = "shoulder_l", still: float = 0.25) -> Expect:
    """The pelvis rises at least ``least`` from the start to the held pose, while the
    ``shoulders`` (or the shoulder over the elbow) stay where they were, within ``still``."""

    def check(name: str, scene: Scene) -> list[str]:
        a, b = joints(_start(scene)), joints(scene.keys[-1])
        out = []
        rise = b["pelvis"][1] - a["pelvis"][1]
        if rise < least:
            out.append(f"{name}: the hips rise {rise:.2f} from the start (at least {least:.2f})")
        moved = math.dist(a[shoulders], b[shoulders])
        if moved > still:
            out.append(f"{name}: {shoulders} moves {moved:.2f} as the hips lift (it stays put)")
        return out

    return check


def on_floor(*names: str, key: int | None = None) -> Expect:
    """These joints rest on the floor: in every frame, or only in key pose ``key``."""

    def check(name: str, scene: Scene) -> list[str]:
        poses = scene.poses(6) if key is None else [scene.keys[key]]
        for index, pose in enumerate(poses):
            j = joints(pose)
            for part in names:
                if j[part][1] > FLOOR_REACH:
                    where = f"frame {index}" if key is None else f"key {key}"
                    return [f"{name}, {where}: {part} is {j[part][1]:.2f} up, not resting on the floor"]
        return []

    return check


def under(upper: str, lower: str, most: float = 0.5) -> Expect:
    """In the held pose, ``lower`` is straight under ``upper`` (an elbow under the shoulder)."""

    def check(name: str, scene: Scene) -> list[str]:
        j = joints(scene.keys[-1])
        off = abs(j[upper][0] - j[lower][0])
        return [] if off <= most else [f"{name}: {lower} is {off:.2f} off the line under {upper} (at most {most})"]

    return check


def back_level(most: float = LEVEL) -> Expect:
    """In every frame, the line from the pelvis to the base of the neck is level."""

    def check(name: str, scene: Scene) -> list[str]:
        for index, pose in enumerate(scene.poses(6)):
            j = joints(pose)
            tilt = _angle(j["pelvis"], j["neck"])
            off = min(abs(delta(tilt, 0.0)), abs(delta(tilt, 180.0)))
            if off > most:
                return [f"{name}, frame {index}: the back tilts {off:.0f} degrees from level (at most {most:.0f})"]
        return []

    return check


def reaches(limb: str, way: str, most: float = ALONG) -> Expect:
    """In the last key, ``limb`` ("arm_l", "leg_r") is straight and points along the
    back: ``ahead`` (the way the head is) or ``back`` (the way the hips are)."""
    kind, side = limb.split("_")
    root, middle, end = (f"{part}_{side}" for part in SEGMENTS[kind])

    def check(name: str, scene: Scene) -> list[str]:
        j = joints(scene.keys[-1])
        out = []
        bend = _turn(j[root], j[middle], j[end])
        if bend > STRAIGHT:
            out.append(f"{name}: {limb} bends {bend:.0f} degrees as it reaches (straight: at most {STRAIGHT:.0f})")
        spine = _angle(j["pelvis"], j["neck"]) + (0.0 if way == "ahead" else 180.0)
        off = abs(delta(spine, _angle(j[root], j[end])))
        if off > most:
            out.append(f"{name}: {limb} points {off:.0f} degrees off the line of the back {way} (at most {most:.0f})")
        return out

    return check


def points_up(*limbs: str, key: int = 0) -> Expect:
    """In key pose ``key``, these arms reach straight up to the ceiling, over the shoulder."""

    def check(name: str, scene: Scene) -> list[str]:
        j = joints(scene.keys[key])
        for limb in limbs:
            side = limb[-1]
            off = abs(delta(_angle(j[f"shoulder_{side}"], j[f"hand_{side}"]), 90.0))
            bend = _turn(j[f"shoulder_{side}"], j[f"elbow_{side}"], j[f"hand_{side}"])
            if off > UPRIGHT or bend > STRAIGHT:
                return [f"{name}, key {key}: {limb} is {off:.0f} degrees off straight up, bent {bend:.0f}"]
        return []

    return check


def knees_over_hips(*sides: str, key: int = 0) -> Expect:
    """In key pose ``key``, these thighs point up from the hips and the knees bend square."""

    def check(name: str, scene: Scene) -> list[str]:
        j = joints(scene.keys[key])
        for side in sides:
            hip, knee, ankle = (j[f"{part}_{side}"] for part in SEGMENTS["leg"])
            off = abs(delta(_angle(hip, knee), 90.0))
            bend = _turn(hip, knee, ankle)
            if off > UPRIGHT or not SQUARE[0] <= bend <= SQUARE[1]:
                return [f"{name}, key {key}: thigh_{side} is {off:.0f} degrees off upright, the knee bent {bend:.0f}"]
        return []

    return check


EXPECT: dict[str, tuple[Expect, ...]] = {
    "side-plank-knees": (
        one_line("knee_l", "hip_l", "shoulder_l"),
        hips_lift(0.4),
        on_floor("knee_l", "elbow_l", "hand_l"),
        under("shoulder_l", "elbow_l"),
        glows_on("ql_l"),
    ),
    "glute-bridge": (
        one_line("knee_l", "hip_l", "shoulder_l"),
        hips_lift(0.6),
        on_floor("ankle_l", "ankle_r", "hand_l"),
        glows_on("glute_l"),
    ),
    "bird-dog": (
        back_level(),
        on_floor("hand_l", "hand_r", "knee_l", "knee_r", key=0),
        on_floor("hand_r", "knee_l"),
        reaches("arm_l", "ahead", LEVEL),  # no higher than the back: reach long, not high
        reaches("leg_r", "back", LEVEL),
        glows_on("glute_r"),
    ),
    "dead-bug": (
        back_level(),
        points_up("arm_l", "arm_r", key=0),
        knees_over_hips("l", "r", key=0),
        reaches("arm_l", "ahead"),
        reaches("leg_r", "back"),
        points_up("arm_r", key=-1),
        knees_over_hips("l", key=-1),
        glows_on("belly"),
    ),
}
