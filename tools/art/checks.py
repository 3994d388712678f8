"""Checks on the pose data that fail for a picture a physiotherapist would not accept.

Each rule is geometry on the scene's own numbers, every frame, so it holds whatever
the drawing code does with colours and order:

- the figure and its props stay inside the picture (a raised hand never leaves it);
- on the floor or a chair, the body rests on it: its lowest point is on the floor
  line (not floating, not sunk in), and a sitter's pelvis is on the seat (up off it,
  standing up from it or holding it, the body's balance point is over its feet);
- a stretch done lying, kneeling or on hands and knees shows what it lies on (a
  floor line, or a mat when seen from above);
- hands that hold something (``Scene.holds``: a stick, a wall, a door frame) are on it;
- a ball is drawn where it is used: resting on the floor or the wall, touched by the
  body, and no more than half of it hidden by the body or the glow;
- a stretch that holds on (a stick, a door frame) keeps its feet planted and its hands
  where they grip, frame to frame: only the body between them moves;
- a side bend (front view, not lying on the side) leans the upper body at most 50
  degrees from upright, and one that holds on bends in a curve through the waist: the
  lower back leans too, no one sharp corner at the bottom of the ribs;
- joints bend within a body's range: knees and elbows do not bend backwards, the
  lumbar and thoracic spine bend no further than a spine does;
- a view from above of a body lying on its back says so (``front=1``): it is drawn as
  the ceiling sees it, never as a mirror (issue 23);
- and what the stretch's own text says its picture shows (``tools/art/expect.py``).
"""

from __future__ import annotations

import math

from tools.art.draw import Prop, Scene
from tools.art.expect import expected
from tools.art.figure import Point, Pose, hips_of, joints
from tools.art.geometry import delta, inside_body, to_body, to_segment
from tools.art.shapes import Body, outline

TOUCH = 0.22  # head heights: "touching" (about one line's width, at 360 px ~3 px)
STROKE = 0.12  # half a prop's line
BODY = (
    "pelvis",
    "neck",
    "head_base",
    *tuple(f"{part}_{side}" for side in "lr" for part in ("hip", "knee", "ankle", "toe", "shoulder", "elbow", "hand")),
)
NEEDS_GROUND = ("lying", "kneeling", "hands-and-knees")
SLIDE = 0.05  # head heights a planted foot or a gripping hand may move (~1 px at 360 px)
FEET = ("ankle_l", "toe_l", "ankle_r", "toe_r")
HAND = 0.19  # a hand's radius: it holds what its edge touches
MOST_LEAN = 50.0  # degrees from upright, the ribs to the head: a long pull, never a pinch
SHARPEST_WAIST = 30.0  # degrees: the corner at the bottom of the ribs, in a held-on lean
LOW_BACK_SHARE = 0.2  # of the upper body's lean, that the lower back leans too
# How far a body bends (degrees): (least, most), a bend towards the front positive
KNEE = (-5.0, 165.0)
ELBOW = (-10.0, 160.0)
LUMBAR_SIDE, THORACIC_SIDE = 35.0, 40.0
LUMBAR = (-35.0, 60.0)  # extension back, flexion forward
THORACIC = (-30.0, 60.0)
NECK = 75.0
FACE_UP = ("lying",)  # seen from above, these positions lie on the back


def problems(name: str, scene: Scene, position: str) -> list[str]:
    """What is wrong with ``scene`` (the picture of a stretch done in ``position``)."""
    found: list[str] = []
    kinds = {p.kind for p in scene.props}
    seen_from_above = scene.keys[0].view == "top"
    if position in NEEDS_GROUND and not ({"floor", "mat"} & kinds):
        found.append(f"{name}: done {position}, but nothing to lie or kneel on is drawn")
    if scene.inset is not None:  # the view from above obeys the same rules
        found += problems(f"{name} (from above)", scene.inset, position)
    if seen_from_above and (scene.keys[0].front == 1) != (position in FACE_UP):
        lying = "on the back" if position in FACE_UP else "face down"
        found.append(
            f"{name}: seen from above {lying}, but drawn {'face up' if scene.keys[0].front == 1 else 'face down'}"
        )
    poses = scene.poses(6)
    frames = [joints(pose) for pose in poses]
    for index, (pose, j) in enumerate(zip(poses, frames, strict=True)):
        where = f"{name}, frame {index}"
        body = outline(pose)
        found += _inside(where, scene, body)
        found += _ranges(where, pose, j)
        if pose.view == "front" and not _on_its_side(pose):
            found += _side_bend(where, j, curved=bool(scene.holds))
        if "floor" in kinds and not seen_from_above:
            found += _on_the_floor(where, body)
        for prop in scene.props:
            if prop.kind in ("chair-side", "chair-front"):
                found += _on_the_seat(where, prop, pose, body)
            if prop.kind == "ball":
                found += _ball(where, scene, prop, body)
        found += _holding(where, scene, j)
    if scene.holds:
        found += _planted(name, frames, (*FEET, *scene.holds))

    found += expected(name, scene)
    return found


def _ranges(where: str, pose: Pose, j: dict[str, Point]) -> list[str]:
    """Knees, elbows and the spine bend as far as a body's do, and the right way: in a
    side view a bend towards the front is a flexion. Front and top views see a knee or
    an elbow end-on, so there only the spine is checked."""
    out = []
    side = pose.view == "side"
    lumbar, thoracic = delta(hips_of(pose), pose.spine[0]), delta(pose.spine[0], pose.spine[1])
    neck = delta(pose.spine[1], pose.neck)
    if side:
        forward = pose.front  # a turn towards the front (clockwise when front=-1) counts positive
        for label, bend, (least, most) in (("lumbar", lumbar, LUMBAR), ("thoracic", thoracic, THORACIC)):
            if not least <= bend * forward <= most:
                said = f"{bend * forward:+.0f} degrees forward ({least:+.0f} to {most:+.0f})"
                out.append(f"{where}: the {label} spine bends {said}")
        for s in "lr":
            foreshortened = any(pose.scale.get(f"{k}_{s}", 1.0) < 0.9 for k in ("leg_up", "leg_low"))
            leg, arm = getattr(pose, f"leg_{s}"), getattr(pose, f"arm_{s}")
            knee = delta(leg.upper, leg.lower) * forward
            if not foreshortened and not KNEE[0] <= knee <= KNEE[1]:
                out.append(f"{where}: knee_{s} bends {knee:+.0f} degrees ({KNEE[0]:+.0f} to {KNEE[1]:+.0f})")
            elbow = -delta(arm.upper, arm.lower) * forward
            end_on = any(pose.scale.get(f"{k}_{s}", 1.0) < 0.9 for k in ("arm_up", "arm_low"))  # round a shin
            if not end_on and not ELBOW[0] <= elbow <= ELBOW[1]:
                out.append(f"{where}: elbow_{s} bends {elbow:+.0f} degrees ({ELBOW[0]:+.0f} to {ELBOW[1]:+.0f})")
    elif abs(lumbar) > LUMBAR_SIDE or abs(thoracic) > THORACIC_SIDE:
        out.append(f"{where}: the spine bends sideways {lumbar:+.0f} / {thoracic:+.0f} degrees (lumbar, thoracic)")
    if abs(neck) > NECK:
        out.append(f"{where}: the neck bends {abs(neck):.0f} degrees (at most {NECK:.0f})")
    return out


def _planted(name: str, frames: list[dict[str, Point]], names: tuple[str, ...]) -> list[str]:
    """Feet that stand and hands that grip stay on their spot in every frame."""
    out = []
    for part in names:
        slide = max(math.dist(j[part], frames[0][part]) for j in frames)
        if slide > SLIDE:
            out.append(f"{name}: {part} slides {slide:.2f} between frames (it should stay where it is)")
    return out


def _on_its_side(pose: Pose) -> bool:
    """Lying on its side, seen from the front (a side plank): the pelvis's own up is
    nearer level than upright, so a lean from upright is no side bend."""
    return abs(delta(90.0, hips_of(pose))) > 45.0


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


def _inside(where: str, scene: Scene, body: Body) -> list[str]:
    x0, y0, x1, y1 = scene.box
    bx0, by0, bx1, by1 = body.extent()
    out = []
    for label, gap in (("left", bx0 - x0), ("bottom", by0 - y0), ("right", x1 - bx1), ("top", y1 - by1)):
        if gap < -0.02:
            out.append(f"{where}: the figure runs {-gap:.2f} off the picture's {label} edge")
    return out


def _on_the_floor(where: str, body: Body) -> list[str]:
    low = body.lowest()
    if low > TOUCH:
        return [f"{where}: the body floats {low:.2f} above the floor"]
    if low < -TOUCH:
        return [f"{where}: the body sinks {-low:.2f} into the floor"]
    return []


def _on_the_seat(where: str, chair: Prop, pose: Pose, body: Body) -> list[str]:
    """The seat of the pelvis (the trunk's lowest point, or a thigh's underside near the
    hip) rests on the chair's seat line."""
    seat = chair.at[1] + STROKE
    sitting = [y for _, y in body.trunk]
    sitting += [c.a[1] - c.ra for s in "lr" for c in body.limbs[f"leg_{s}"][:1]]
    gap = min(sitting) - seat
    if abs(gap) <= TOUCH or (gap > 0 and _on_its_feet(pose)):
        return []
    return [f"{where}: the pelvis is {gap:+.2f} off the seat"]


HEEL = 0.25  # head heights a foot reaches past its ankle and toe joints (the heel, the sole's edge)
GROUNDED = 0.5  # an ankle this low stands on the floor


def _on_its_feet(pose: Pose) -> bool:
    """Up off a chair (standing up from it, or standing beside it holding it), the feet
    carry the body: its balance point (the body's parts weighted roughly as a body's
    are) lies over the feet that stand on the floor, between heel and toe."""
    j = joints(pose)
    feet = [x for s in "lr" if j[f"ankle_{s}"][1] < GROUNDED for x in (j[f"ankle_{s}"][0], j[f"toe_{s}"][0])]
    if not feet:
        return False

    def mid(a: str, b: str) -> float:
        return (j[a][0] + j[b][0]) / 2

    parts = [(0.5, mid("pelvis", "neck")), (0.08, j["head"][0])]
    parts += [
        (w, mid(a + s, b + s)) for s in ("_l", "_r") for w, a, b in ((0.1, "hip", "knee"), (0.05, "knee", "ankle"))
    ]
    parts += [(0.05, j[f"elbow_{s}"][0]) for s in "lr"]
    balance = sum(w * x for w, x in parts) / sum(w for w, _ in parts)
    return min(feet) - HEEL <= balance <= max(feet) + HEEL


def _holding(where: str, scene: Scene, j: dict[str, Point]) -> list[str]:
    held = [p for p in scene.props if p.kind in ("stick", "wall", "door-frame")]
    out = []
    for hand in scene.holds:
        gaps = [_to_prop(j[hand], p) - HAND for p in held]
        if not gaps or min(gaps) > TOUCH:
            out.append(f"{where}: {hand} should hold the {'/'.join(p.kind for p in held) or 'nothing drawn'}")
    return out


def _to_prop(point: Point, prop: Prop) -> float:
    a = prop.at
    if prop.kind == "stick":
        return to_segment(point, (a[0], a[1]), (a[2], a[3]))
    if prop.kind == "door-frame":  # the side that is held, from the floor to the top
        return to_segment(point, (a[0], 0.0), (a[0], a[2]))
    return abs(point[0] - a[0])  # a wall


def _ball(where: str, scene: Scene, ball: Prop, body: Body) -> list[str]:
    (bx, by, r), out = ball.at[:3], []
    kinds = {p.kind for p in scene.props}
    rests_on = []
    if "floor" in kinds:
        rests_on.append(abs(by - r))
    if "mat" in kinds:  # seen from above: it lies on the mat under the body
        rests_on.append(0.0)
    for wall in (p for p in scene.props if p.kind == "wall"):
        rests_on.append(abs(abs(bx - wall.at[0]) - r))
    if not rests_on or min(rests_on) > TOUCH:
        out.append(f"{where}: the ball rests on nothing")
    nearest = to_body((bx, by), body)
    # beside the spine (drawn in front) it may overlap the body's outline; behind, it touches
    apart = nearest - r if ball.front else abs(nearest - r)
    if apart > TOUCH:
        out.append(f"{where}: the body does not rest on the ball ({nearest - r:+.2f} away)")
    covered = 0.0 if ball.front else _covered((bx, by, r), body)  # drawn over the body: all seen
    if covered > 0.5:
        out.append(f"{where}: {covered:.0%} of the ball is hidden by the body")
    return out


def _covered(ball: tuple[float, float, float], body: Body) -> float:
    """The share of the ball's disc under the body (sampled on a grid)."""
    bx, by, r = ball
    inside = hidden = 0
    steps = 16
    for i in range(steps + 1):
        for k in range(steps + 1):
            p = (bx - r + 2 * r * i / steps, by - r + 2 * r * k / steps)
            if math.dist(p, (bx, by)) > r:
                continue
            inside += 1
            hidden += inside_body(p, body)
    return hidden / max(1, inside)
