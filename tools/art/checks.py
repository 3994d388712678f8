"""Checks on the pose data that fail for a picture a physiotherapist would not accept.

Each rule is geometry on the scene's own numbers, every frame, so it holds whatever
the drawing code does with colours and order:

- the figure and its props stay inside the picture (a raised hand never leaves it);
- on the floor or a chair, the body rests on it: its lowest point is on the floor
  line (not floating, not sunk in), and a sitter's pelvis is on the seat;
- a stretch done lying, kneeling or on hands and knees shows what it lies on (a
  floor line, or a mat when seen from above);
- hands that hold something (``Scene.holds``: a stick, a wall, a door frame) are on it;
- a ball is drawn where it is used: resting on the floor or the wall, touched by the
  body, and no more than half of it hidden by the body or the glow;
- a stretch that holds on (a stick, a door frame) keeps its feet planted and its hands
  where they grip, frame to frame: only the body between them moves;
- a side bend (front view) leans the upper body at most 50 degrees from upright, and
  one that holds on bends in a curve through the waist: the lower back leans too, no
  one sharp corner at the bottom of the ribs.
"""

from __future__ import annotations

import math

from tools.art.draw import Prop, Scene
from tools.art.figure import HEAD_RADIUS, Point, joints

TOUCH = 0.22  # head heights: "touching" (about one line's width, at 360 px ~3 px)
STROKE = 0.12  # half a limb's line
SPINE = 0.23  # half the spine's line
BODY = (
    "pelvis",
    "neck",
    "head_base",
    *tuple(f"{part}_{side}" for side in "lr" for part in ("hip", "knee", "ankle", "toe", "shoulder", "elbow", "hand")),
)
SEGMENTS = (
    ("pelvis", "mid", SPINE),
    ("mid", "neck", SPINE),
    ("neck", "head_base", STROKE),
    *tuple(
        (a.format(s), b.format(s), STROKE)
        for s in "lr"
        for a, b in (
            ("hip_{}", "knee_{}"),
            ("knee_{}", "ankle_{}"),
            ("ankle_{}", "toe_{}"),
            ("shoulder_{}", "elbow_{}"),
            ("elbow_{}", "hand_{}"),
        )
    ),
)
NEEDS_GROUND = ("lying", "kneeling", "hands-and-knees")
SLIDE = 0.05  # head heights a planted foot or a gripping hand may move (~1 px at 360 px)
FEET = ("ankle_l", "toe_l", "ankle_r", "toe_r")
MOST_LEAN = 50.0  # degrees from upright, the ribs to the head: a long pull, never a pinch
SHARPEST_WAIST = 30.0  # degrees: the corner at the bottom of the ribs, in a held-on lean
LOW_BACK_SHARE = 0.2  # of the upper body's lean, that the lower back leans too


def problems(name: str, scene: Scene, position: str) -> list[str]:
    """What is wrong with ``scene`` (the picture of a stretch done in ``position``)."""
    found: list[str] = []
    kinds = {p.kind for p in scene.props}
    seen_from_above = scene.keys[0].view == "top"
    if position in NEEDS_GROUND and not ({"floor", "mat"} & kinds):
        found.append(f"{name}: done {position}, but nothing to lie or kneel on is drawn")
    if scene.inset is not None:  # the view from above obeys the same rules
        found += problems(f"{name} (from above)", scene.inset, position)
    frames = [joints(pose) for pose in scene.poses(6)]
    for index, (pose, j) in enumerate(zip(scene.poses(6), frames, strict=True)):
        where = f"{name}, frame {index}"
        found += _inside(where, scene, j)
        if pose.view == "front":
            found += _side_bend(where, j, curved=bool(scene.holds))
        if "floor" in kinds and not seen_from_above:
            found += _on_the_floor(where, j)
        for prop in scene.props:
            if prop.kind in ("chair-side", "chair-front"):
                found += _on_the_seat(where, prop, j)
            if prop.kind == "ball":
                found += _ball(where, scene, prop, j, kinds)
        found += _holding(where, scene, j)
    if scene.holds:
        found += _planted(name, frames, (*FEET, *scene.holds))
    return found


def _planted(name: str, frames: list[dict[str, Point]], names: tuple[str, ...]) -> list[str]:
    """Feet that stand and hands that grip stay on their spot in every frame."""
    out = []
    for part in names:
        slide = max(math.dist(j[part], frames[0][part]) for j in frames)
        if slide > SLIDE:
            out.append(f"{name}: {part} slides {slide:.2f} between frames (it should stay where it is)")
    return out


def _side_bend(where: str, j: dict[str, Point], curved: bool) -> list[str]:
    """How far the upper body leans, and (``curved``) whether the bend is spread
    through the waist rather than one hinge at the ribs over a straight lower back."""
    lean = _tilt(j["mid"], j["head"])
    out = []
    if abs(lean) > MOST_LEAN:
        out.append(f"{where}: the upper body leans {abs(lean):.0f} degrees (at most {MOST_LEAN:.0f})")
    if curved and abs(lean) > 20:
        low, up = _tilt(j["pelvis"], j["mid"]), _tilt(j["mid"], j["neck"])
        if abs(up - low) > SHARPEST_WAIST:
            out.append(f"{where}: the bend is one sharp corner of {abs(up - low):.0f} degrees at the ribs")
        if abs(low) < LOW_BACK_SHARE * abs(lean):
            out.append(f"{where}: the lower back stays straight ({abs(low):.0f} degrees) while the ribs lean")
    return out


def _tilt(a: Point, b: Point) -> float:
    """Degrees from upright of the line from ``a`` up to ``b`` (positive: to the right)."""
    return math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))


def _inside(where: str, scene: Scene, j: dict[str, Point]) -> list[str]:
    x0, y0, x1, y1 = scene.box
    out = []
    for name in BODY:
        x, y = j[name]
        if not (x0 + STROKE <= x <= x1 - STROKE and y0 + STROKE <= y <= y1 - STROKE):
            out.append(f"{where}: {name} at ({x:.2f}, {y:.2f}) is outside the picture")
    hx, hy = j["head"]
    if not (x0 <= hx - HEAD_RADIUS and hx + HEAD_RADIUS <= x1 and y0 <= hy - HEAD_RADIUS and hy + HEAD_RADIUS <= y1):
        out.append(f"{where}: the head leaves the picture")
    return out


def _lowest(j: dict[str, Point]) -> float:
    return min(min(j[n][1] for n in BODY) - STROKE, j["head"][1] - HEAD_RADIUS)


def _on_the_floor(where: str, j: dict[str, Point]) -> list[str]:
    low = _lowest(j)
    if low > TOUCH:
        return [f"{where}: the body floats {low:.2f} above the floor"]
    if low < -TOUCH:
        return [f"{where}: the body sinks {-low:.2f} into the floor"]
    return []


def _on_the_seat(where: str, chair: Prop, j: dict[str, Point]) -> list[str]:
    gap = j["pelvis"][1] - SPINE - chair.at[1]
    return [] if abs(gap) <= TOUCH else [f"{where}: the pelvis is {gap:+.2f} off the seat"]


def _holding(where: str, scene: Scene, j: dict[str, Point]) -> list[str]:
    held = [p for p in scene.props if p.kind in ("stick", "wall", "door-frame")]
    out = []
    for hand in scene.holds:
        gaps = [_to_prop(j[hand], p) for p in held]
        if not gaps or min(gaps) > TOUCH:
            out.append(f"{where}: {hand} should hold the {'/'.join(p.kind for p in held) or 'nothing drawn'}")
    return out


def _to_prop(point: Point, prop: Prop) -> float:
    a = prop.at
    if prop.kind == "stick":
        return _to_segment(point, (a[0], a[1]), (a[2], a[3]))
    if prop.kind == "door-frame":  # the side that is held, from the floor to the top
        return _to_segment(point, (a[0], 0.0), (a[0], a[2]))
    return abs(point[0] - a[0])  # a wall


def _ball(where: str, scene: Scene, ball: Prop, j: dict[str, Point], kinds: set[str]) -> list[str]:
    (bx, by, r), out = ball.at[:3], []
    rests_on = []
    if "floor" in kinds:
        rests_on.append(abs(by - r))
    if "mat" in kinds:  # seen from above: it lies on the mat under the body
        rests_on.append(0.0)
    for wall in (p for p in scene.props if p.kind == "wall"):
        rests_on.append(abs(abs(bx - wall.at[0]) - r))
    if not rests_on or min(rests_on) > TOUCH:
        out.append(f"{where}: the ball rests on nothing")
    nearest = min(_to_segment((bx, by), j[a], j[b]) - width for a, b, width in SEGMENTS)
    # beside the spine (drawn in front) it may overlap the body's outline; behind, it touches
    apart = nearest - r if ball.front else abs(nearest - r)
    if apart > TOUCH:
        out.append(f"{where}: the body does not rest on the ball ({nearest - r:+.2f} away)")
    covered = 0.0 if ball.front else _covered((bx, by, r), scene, j)  # drawn over the body: all seen
    if covered > 0.5:
        out.append(f"{where}: {covered:.0%} of the ball is hidden by the body or the glow")
    return out


def _covered(ball: tuple[float, float, float], scene: Scene, j: dict[str, Point]) -> float:
    """The share of the ball's disc under a body line or a glow band (sampled on a grid)."""
    bx, by, r = ball
    bands = [(j[a], j[b], w) for a, b, w in SEGMENTS] + [(j[g.start], j[g.end], g.width / 2) for g in scene.glows]
    inside = hidden = 0
    steps = 24
    for i in range(steps + 1):
        for k in range(steps + 1):
            p = (bx - r + 2 * r * i / steps, by - r + 2 * r * k / steps)
            if math.dist(p, (bx, by)) > r:
                continue
            inside += 1
            if any(_to_segment(p, a, b) <= w for a, b, w in bands) or math.dist(p, j["head"]) <= HEAD_RADIUS:
                hidden += 1
    return hidden / max(1, inside)


def _to_segment(p: Point, a: Point, b: Point) -> float:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length))
    return math.dist(p, (ax + t * dx, ay + t * dy))
