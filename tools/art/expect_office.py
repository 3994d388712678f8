"""What each office strengthening exercise's text says its picture shows (the rules in
``expect``, and the new ones these exercises need), as ``expect.EXPECT`` does for the
stretches. Each rule measures the figure as drawn, on every frame or on the key poses:

- the wall side plank: the body one straight line slanting from the ankles to the
  head, the forearm on the wall with the elbow at shoulder height; a faint copy with
  the hips sagging to the wall and an arrow lifting them into the line;
- the hip hitch: the standing foot on the step, the other hanging off its edge; the
  pelvis tilts from that side low to that side high while both knees stay straight;
- sit to stand: from sitting on the seat, through a lean forward from the hips, to
  standing tall with straight knees; the arms crossed on the chest throughout;
- the leg lift to the side: the straight leg out to the side, the trunk upright and
  the hips level over a straight standing leg;
- the seated core brace: sitting tall, a hand resting on the belly, the belly glowing,
  arrows pressing in at it from front and back;
- the wall angel: the arms from a W (elbows bent, at or below the shoulders) to a Y
  (nearly straight, the hands over the head and wide), and side-on the back of the
  pelvis, the upper back and the head on the wall.
"""

from __future__ import annotations

import math

from tools.art.draw import Arrow, Prop, Scene
from tools.art.expect import HAND, TOUCH, Expect, glows_on, touches
from tools.art.figure import Point, Pose, hips_of, joints
from tools.art.geometry import delta, to_body
from tools.art.shapes import outline

WALL_HALF = 0.17  # half a wall's drawn line: its face is this far from its x
STRAIGHT_LINE = 12.0  # degrees the legs' line and the trunk's line may differ in a plank
STRAIGHT_KNEE = 6.0  # degrees a straight knee may bend (front views: the leg's two angles)


def _frames(scene: Scene) -> list[Pose]:
    return scene.poses(6)


def _tilt(a: Point, b: Point) -> float:
    """Degrees from upright of the line from ``a`` up to ``b`` (positive: to the right)."""
    return math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))


def _mid(a: Point, b: Point) -> Point:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _prop(scene: Scene, kind: str) -> Prop | None:
    return next((p for p in scene.props if p.kind == kind), None)


def plank_line(least: float = 12.0) -> Expect:
    """One straight line from the ankles through the hips to the neck (within
    ``STRAIGHT_LINE``), slanting at least ``least`` degrees from upright."""

    def check(name: str, scene: Scene) -> list[str]:
        for index, pose in enumerate(_frames(scene)):
            j = joints(pose)
            legs = _tilt(_mid(j["ankle_l"], j["ankle_r"]), j["pelvis"])
            trunk = _tilt(j["pelvis"], j["neck"])
            if abs(legs - trunk) > STRAIGHT_LINE:
                return [f"{name}, frame {index}: the hips break the line by {abs(legs - trunk):.0f} degrees"]
            if abs(legs) < least:
                return [f"{name}, frame {index}: the body slants {abs(legs):.0f} degrees (at least {least:.0f})"]
        return []

    return check


def shows_the_sag(name: str, scene: Scene) -> list[str]:
    """A hold that shows what to do: a faint copy with the hips sagging to the wall (the
    line broken, the pelvis nearer the wall than held), and an arrow lifting them out."""
    wall = _prop(scene, "wall")
    held = joints(scene.keys[-1])
    for ghost in scene.ghosts:
        j = joints(ghost)
        broken = abs(_tilt(_mid(j["ankle_l"], j["ankle_r"]), j["pelvis"]) - _tilt(j["pelvis"], j["neck"]))
        nearer = wall is not None and abs(j["pelvis"][0] - wall.at[0]) < abs(held["pelvis"][0] - wall.at[0]) - 0.3
        if broken > STRAIGHT_LINE and nearer:
            away = [a for a in scene.cues if wall is not None and _moves_away(a, wall.at[0])]
            return [] if away else [f"{name}: no arrow lifts the hips away from the wall"]
    return [f"{name}: no faint copy shows the hips sagging to the wall"]


def _tip(arrow: Arrow) -> Point:
    end = math.radians(arrow.end)
    return (arrow.centre[0] + arrow.radius * math.cos(end), arrow.centre[1] + arrow.radius * math.sin(end))


def _tail(arrow: Arrow) -> Point:
    start = math.radians(arrow.start)
    return (arrow.centre[0] + arrow.radius * math.cos(start), arrow.centre[1] + arrow.radius * math.sin(start))


def _moves_away(arrow: Arrow, x: float) -> bool:
    return abs(_tip(arrow)[0] - x) > abs(_tail(arrow)[0] - x)


def squeezes(name: str, scene: Scene) -> list[str]:
    """A brace, which does not move, still shows what to do: arrows from in front and from
    behind point in at the belly (between the pelvis and the ribs), stopping by the body."""
    pose = scene.keys[-1]
    j, body = joints(pose), outline(pose)
    sides = set()
    for arrow in scene.cues:
        tip, tail = _tip(arrow), _tail(arrow)
        level = (tip[1] - j["crest"][1]) / (j["neck"][1] - j["crest"][1])
        inward = abs(tip[0] - j["pelvis"][0]) < abs(tail[0] - j["pelvis"][0])
        if inward and 0.0 <= level <= 0.45 and to_body(tip, body, parts=("trunk",)) < 0.5:
            sides.add(tip[0] > j["pelvis"][0])
    return [] if len(sides) == 2 else [f"{name}: no arrows press in at the belly from front and back"]


def forearm_on_wall(side: str) -> Expect:
    """The elbow and the hand of ``side`` rest on the wall, the elbow at shoulder height."""

    def check(name: str, scene: Scene) -> list[str]:
        wall = _prop(scene, "wall")
        if wall is None:
            return [f"{name}: no wall drawn for the forearm"]
        for index, pose in enumerate(_frames(scene)):
            j = joints(pose)
            for part in ("elbow", "hand"):
                gap = abs(j[f"{part}_{side}"][0] - wall.at[0]) - WALL_HALF - HAND
                if gap > TOUCH:
                    return [f"{name}, frame {index}: {part}_{side} is {gap:.2f} off the wall"]
            drop = j[f"shoulder_{side}"][1] - j[f"elbow_{side}"][1]
            if abs(drop) > 0.5:
                return [f"{name}, frame {index}: the elbow is {drop:.2f} below the shoulder, not at its height"]
        return []

    return check


def hand_on_wall(hand: str) -> Expect:
    def check(name: str, scene: Scene) -> list[str]:
        wall = _prop(scene, "wall")
        if wall is None:
            return [f"{name}: no wall drawn for {hand} to rest on"]
        for index, pose in enumerate(_frames(scene)):
            gap = abs(joints(pose)[hand][0] - wall.at[0]) - WALL_HALF - HAND
            if gap > TOUCH:
                return [f"{name}, frame {index}: {hand} is {gap:.2f} off the wall"]
        return []

    return check


def _knee_bend(pose: Pose, side: str) -> float:
    leg = getattr(pose, f"leg_{side}")
    return abs(delta(leg.upper, leg.lower))


def hitches(stands: str, hangs: str, least: float = 12.0) -> Expect:
    """On the step on ``stands``, the ``hangs`` foot off its edge; between the first and
    the last key the pelvis turns from that side low to that side high by ``least``
    degrees or more, the knees straight all the while."""

    def check(name: str, scene: Scene) -> list[str]:
        box = _prop(scene, "step")
        if box is None:
            return [f"{name}: no step drawn"]
        x0, x1, top = box.at
        out = []
        for index, pose in enumerate(_frames(scene)):
            j = joints(pose)
            (sx, sy), (hx, hy) = j[f"ankle_{stands}"], j[f"ankle_{hangs}"]
            if not (x0 <= sx <= x1 and abs(sy - top) < 0.3):
                out.append(f"{name}, frame {index}: ankle_{stands} is not on the step")
            if x0 - 0.2 <= hx <= x1 + 0.2 or hy < 0.5:
                out.append(f"{name}, frame {index}: ankle_{hangs} does not hang off the step's edge")
            bent = [s for s in "lr" if _knee_bend(pose, s) > STRAIGHT_KNEE]
            if bent:
                out.append(f"{name}, frame {index}: knee_{bent[0]} bends (the text keeps both straight)")
        first, last = (joints(k) for k in (scene.keys[0], scene.keys[-1]))
        low = first[f"hip_{hangs}"][1] - first[f"hip_{stands}"][1]
        high = last[f"hip_{hangs}"][1] - last[f"hip_{stands}"][1]
        turn = abs(delta(hips_of(scene.keys[0]), hips_of(scene.keys[-1])))
        if not (low < 0 < high) or turn < least:
            out.append(f"{name}: the pelvis turns {turn:.0f} degrees, hip_{hangs} from {low:+.2f} to {high:+.2f}")
        return out[:3]

    return check


def sits_then_stands(lean: float = 25.0) -> Expect:
    """The first key sits on the seat, a middle one leans forward from the hips, the last
    stands tall on straight knees, well clear of the seat."""

    def check(name: str, scene: Scene) -> list[str]:
        chair = _prop(scene, "chair-side")
        if chair is None:
            return [f"{name}: no chair drawn side-on"]
        seat = chair.at[1] + 0.12
        first, last = scene.keys[0], scene.keys[-1]
        out = []
        if abs(min(y for _, y in outline(first).trunk) - seat) > TOUCH:
            out.append(f"{name}: the first key does not sit on the seat")
        forward = max(_tilt(joints(k)["pelvis"], joints(k)["neck"]) * -k.front for k in scene.keys)
        if forward < lean:
            out.append(f"{name}: the trunk leans {forward:.0f} degrees forward at most (at least {lean:.0f})")
        j = joints(last)
        bend = max(abs(delta(getattr(last, f"leg_{s}").upper, getattr(last, f"leg_{s}").lower)) for s in "lr")
        if bend > 15 or j["pelvis"][1] - seat < 1.5 or abs(_tilt(j["pelvis"], j["neck"])) > 10:
            out.append(f"{name}: the last key does not stand tall (knees bend {bend:.0f} degrees)")
        return out

    return check


def arms_crossed(name: str, scene: Scene) -> list[str]:
    """Both hands on the chest, high on the trunk, in every frame."""
    for index, pose in enumerate(_frames(scene)):
        j, body = joints(pose), outline(pose)
        for hand in ("hand_l", "hand_r"):
            gap = to_body(j[hand], body, parts=("trunk",)) - HAND
            (mx, my), (nx, ny) = j["mid"], j["neck"]
            run = math.dist(j["mid"], j["neck"])
            high = ((j[hand][0] - mx) * (nx - mx) + (j[hand][1] - my) * (ny - my)) / run > 0.3 * run
            if gap > TOUCH or not high:
                return [f"{name}, frame {index}: {hand} is not on the chest (arms crossed)"]
    return []


def leg_out(side: str, least: float = 18.0) -> Expect:
    """The last key: the ``side`` leg straight and out to the side at least ``least``
    degrees, the standing leg near upright, the hips level, the trunk upright."""

    def check(name: str, scene: Scene) -> list[str]:
        pose = scene.keys[-1]
        j = joints(pose)
        other = "r" if side == "l" else "l"
        out = []
        spread = abs(_tilt(j[f"ankle_{side}"], j[f"hip_{side}"]))
        away = (j[f"ankle_{side}"][0] - j[f"ankle_{other}"][0]) * (1 if side == "r" else -1)
        if spread < least or away < 1.0:
            out.append(f"{name}: the {side} leg is out {spread:.0f} degrees (at least {least:.0f}), to the side")
        if _knee_bend(pose, side) > STRAIGHT_KNEE:
            out.append(f"{name}: the lifted leg's knee bends")
        if abs(_tilt(j[f"ankle_{other}"], j[f"hip_{other}"])) > 12:
            out.append(f"{name}: the standing leg slants (it stands under the body)")
        if abs(delta(hips_of(pose), 90.0)) > 5 or abs(_tilt(j["pelvis"], j["neck"])) > 6:
            out.append(f"{name}: the hips tip or the trunk leans (the text keeps the body upright)")
        return out

    return check


def sits_tall(name: str, scene: Scene) -> list[str]:
    j = joints(scene.keys[-1])
    lean = _tilt(j["pelvis"], j["neck"])
    return [] if abs(lean) <= 8 else [f"{name}: the trunk leans {lean:+.0f} degrees (sitting tall: upright)"]


def hand_on_belly(hand: str) -> Expect:
    """``hand`` rests on the front of the trunk, between the top of the pelvis and the
    lowest ribs (a little above them: the fingertips over the belly)."""

    def check(name: str, scene: Scene) -> list[str]:
        for index, pose in enumerate(_frames(scene)):
            j = joints(pose)
            gap = to_body(j[hand], outline(pose), parts=("trunk",)) - HAND
            level = (j[hand][1] - j["crest"][1]) / (j["neck"][1] - j["crest"][1])
            if gap > TOUCH or not 0.0 <= level <= 0.45:
                return [f"{name}, frame {index}: {hand} is not on the belly ({gap:+.2f} away, at {level:.0%})"]
        return []

    return check


def w_to_y(name: str, scene: Scene) -> list[str]:
    """The first key a W, the last a Y (a front view)."""
    w, y = joints(scene.keys[0]), joints(scene.keys[-1])
    out = []
    for s in "lr":
        bend_w = _elbow(scene.keys[0], s)
        if bend_w < 60 or w[f"elbow_{s}"][1] > w[f"shoulder_{s}"][1] + 0.2 or w[f"hand_{s}"][1] < w[f"elbow_{s}"][1]:
            out.append(f"{name}: the first key's {s} arm is no W (elbow bends {bend_w:.0f} degrees)")
        bend_y = _elbow(scene.keys[-1], s)
        if bend_y > 25 or y[f"hand_{s}"][1] < y["head"][1] + 1.0:
            out.append(f"{name}: the last key's {s} arm is no Y (elbow bends {bend_y:.0f} degrees)")
    if abs(y["hand_l"][0] - y["hand_r"][0]) < 2 * abs(y["shoulder_l"][0] - y["shoulder_r"][0]):
        out.append(f"{name}: the last key's hands are not wide apart (a Y, not an I)")
    return out


def _elbow(pose: Pose, side: str) -> float:
    arm = getattr(pose, f"arm_{side}")
    return abs(delta(arm.upper, arm.lower))


def back_on_wall(name: str, scene: Scene) -> list[str]:
    """Side-on (the corner view): the back of the pelvis, the upper back and the back of
    the head touch the wall in every frame."""
    side = scene.inset if scene.inset is not None else scene
    wall = _prop(side, "wall")
    if wall is None or side.keys[0].view != "side":
        return [f"{name}: no side view with a wall shows the back on it"]
    face = wall.at[0] + WALL_HALF
    for index, pose in enumerate(_frames(side)):
        j, body = joints(pose), outline(pose)
        spots = {"pelvis": j["pelvis"][1], "upper back": j["spine_7"][1]}
        for label, height in spots.items():
            gap = to_body((face, height), body, parts=("trunk",))
            if gap > TOUCH:
                return [f"{name}, frame {index}: the {label} is {gap:.2f} off the wall"]
        head = math.dist((face, j["head"][1]), j["head"]) - 0.5
        if head > TOUCH:
            return [f"{name}, frame {index}: the head is {head:.2f} off the wall"]
    return []


def inset_glows_on(muscle: str) -> Expect:
    def check(name: str, scene: Scene) -> list[str]:
        inner = scene.inset
        return glows_on(muscle)(name, inner) if inner is not None else [f"{name}: no side view in the corner"]

    return check


EXPECT: dict[str, tuple[Expect, ...]] = {
    "wall-side-plank": (plank_line(), forearm_on_wall("l"), glows_on("ql_l"), shows_the_sag),
    "hip-hitch": (hitches("r", "l"), hand_on_wall("hand_r"), touches("hand_l", "hip_l"), glows_on("ql_l")),
    "sit-to-stand": (sits_then_stands(), arms_crossed, glows_on("glute_l")),
    "standing-hip-abduction": (leg_out("l"), touches("hand_r", "chair"), glows_on("glute_l")),
    "seated-core-brace": (sits_tall, hand_on_belly("hand_l"), glows_on("belly"), squeezes),
    "wall-angel": (w_to_y, back_on_wall, inset_glows_on("upper_back")),
}
