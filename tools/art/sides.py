"""Which side is which in the pictures, checked against each stretch's side words.

The convention (issue 19, item 6): the figure is the user's MIRROR IMAGE, as in every
exercise video. Whoever copies it does, with their left, what the figure does on the
left of the picture. Spelt out for each kind of view:

- facing the viewer (``front`` views): a mirror. The user's left is the picture's
  left: 90 degrees anticlockwise from the spine's direction (pelvis to head).
- seen from above (``top`` views, issue 23): always the true view, as a camera in the
  ceiling sees the person, never mirrored. Turn the picture so the head is up: lying
  face down (the child's pose), the user's left is the picture's left; lying on the
  back (``front=1``: the knee drop, the ball release), the picture's right, exactly as
  a friend standing at your head would see you.
- side-on (``side`` views): the side of the body nearest the screen is drawn nearest
  the viewer (solid, not faded), as a mirror beside you shows it. So the near limbs
  are the user's left when the figure, as drawn, would have its own left away from the
  viewer (spine x front < 0), else the user's right.

The dialog shows the right side by flipping the left side's picture left to right
(``qlbreak/ui/illustration.py``); ``reading(..., flipped=True)`` reads that flipped
picture, so the right side's words are checked against what the user sees too.

``CLAIMS`` says, for every two-sided stretch, which words of its ``left`` text the
picture must show, and how to see it; ``{s}`` is the side the words are for and ``{o}``
the other (the right side's text says the same with the sides swapped).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from tools.art.draw import Prop, Scene
from tools.art.figure import HEAD_RADIUS, Point, Pose, joints

UP: Point = (0.0, 1.0)
AHEAD: Point = (1.0, 0.0)  # facing the picture's right


@dataclass(frozen=True)
class Reading:
    """One frame of a picture, as the user copying it reads it."""

    j: dict[str, Point]  # every joint where it is drawn
    view: str
    front: Point | None  # side views: where the body's front points, as drawn
    face: float | None  # where the nose points (a turned head), degrees, as drawn
    props: tuple[Prop, ...]
    glows: tuple[str, ...]  # the muscles the warm highlight lies on
    face_up: bool = False  # seen from above lying on the back: the ceiling's true view

    def drawn(self, side: str) -> str:
        """``l`` or ``r``: which of the drawn limbs are the user's ``side``."""
        j = self.j
        spine = _sub(j["neck"], j["pelvis"])
        if self.view == "side":
            assert self.front is not None, "a side view needs the way its body faces"
            near_is_left = spine[0] * self.front[1] - spine[1] * self.front[0] < 0
            return "l" if (side == "left") == near_is_left else "r"
        hip_l_on_left = _dot(_sub(j["hip_l"], j["pelvis"]), self.toward("left")) > 0
        return "l" if (side == "left") == hip_l_on_left else "r"

    def toward(self, side: str) -> Point:
        """The user's ``side`` as a direction in the picture (front and top views)."""
        dx, dy = _unit(_sub(self.j["mid"], self.j["pelvis"]))
        left = (dy, -dx) if self.view == "top" and self.face_up else (-dy, dx)
        return left if side == "left" else (-left[0], -left[1])

    def at(self, name: str, side: str) -> Point:
        """The user's ``side`` joint: ``at("hand", "left")``."""
        return self.j[f"{name}_{self.drawn(side)}"]

    def prop(self, kind: str) -> Prop:
        return next(p for p in self.props if p.kind == kind)


def reading(scene: Scene, pose: Pose, front: Point | None, flipped: bool) -> Reading:
    """``pose`` of ``scene`` as drawn; ``flipped``: mirrored left to right, as the dialog
    shows the right side. ``front``: a side view's facing, in the unflipped picture."""
    j = joints(pose)
    props = scene.props
    face = pose.face
    if flipped:
        j = {k: (-x, y) for k, (x, y) in j.items()}
        props = tuple(_flip(p) for p in props)
        front = None if front is None else (-front[0], front[1])
        face = None if face is None else 180 - face
    glows = tuple(g.muscle for g in scene.glows)
    return Reading(j, pose.view, front, face, props, glows, face_up=pose.view == "top" and pose.front == 1)


def _flip(prop: Prop) -> Prop:
    from dataclasses import replace

    at = prop.at
    if prop.kind == "stick":
        return replace(prop, at=(-at[0], at[1], -at[2], at[3]))
    if prop.kind == "door-frame":
        return replace(prop, at=(-at[0], -at[1], at[2]))
    if prop.kind in ("ball", "wall", "chair-side", "chair-front"):
        return replace(prop, at=(-at[0], *at[1:]), facing=-prop.facing)
    if prop.kind in ("step", "wall-face"):  # (x0, x1, height)
        return replace(prop, at=(-at[1], -at[0], at[2]))
    return prop


# -- what a picture can show ------------------------------------------------------------

Check = Callable[[Reading, str, str], bool]  # (picture, the side named, the other side)


def arm_up(r: Reading, s: str, o: str) -> bool:
    return r.at("hand", s)[1] > r.j["head"][1] + HEAD_RADIUS


def leans_to(r: Reading, s: str, o: str) -> bool:
    """The ribs and head lean over to the other side (``lean to the {o}``), measured
    across the hips: a lower back that leans too is part of the lean."""
    return _dot(_sub(r.j["neck"], r.j["pelvis"]), _unit(_sub(r.at("hip", o), r.j["pelvis"]))) > 0.5


def hand_high(r: Reading, s: str, o: str) -> bool:
    return r.at("hand", s)[1] > r.at("hand", o)[1] + 1.0


def held_on_other_side(kind: str) -> Check:
    """The stick or door frame stands on the other side (``stick on your {o}``)."""

    def check(r: Reading, s: str, o: str) -> bool:
        return _dot((r.prop(kind).at[0] - r.j["pelvis"][0], 0.0), r.toward(o)) > 0.5

    return check


def glow_on(r: Reading, s: str, o: str) -> bool:
    """The warm highlight lies on the named side's muscle."""
    sided = [g for g in r.glows if g[-2:] in ("_l", "_r")]
    return bool(sided) and all(g.endswith("_" + r.drawn(s)) for g in sided)


def turned_to(r: Reading, s: str, o: str) -> bool:
    assert r.face is not None, "a turned chest shows which way the face turns"
    nose = (math.cos(math.radians(r.face)), math.sin(math.radians(r.face)))
    return _dot(nose, r.toward(s)) > 0.5


def hand_on_knee(r: Reading, s: str, o: str) -> bool:
    """``{o} hand on your {s} knee``: across the body."""
    return math.dist(r.at("hand", o), r.at("knee", s)) < 0.6


def ankle_on_knee(r: Reading, s: str, o: str) -> bool:
    return math.dist(r.at("ankle", s), r.at("knee", o)) < 0.6


def foot_back(r: Reading, s: str, o: str) -> bool:
    assert r.front is not None
    return _dot(_sub(r.at("ankle", s), r.at("ankle", o)), r.front) < -1.0


def knee_to_chest(r: Reading, s: str, o: str) -> bool:
    """The named knee is the one drawn in to the chest, and both hands hold its shin."""
    chest = r.j["neck"]
    nearer = math.dist(r.at("knee", s), chest) < math.dist(r.at("knee", o), chest) - 0.5
    shin = (r.at("knee", s), r.at("ankle", s))
    hands = all(_to_segment(r.at("hand", side), *shin) < 0.6 for side in (s, o))
    return nearer and hands


def band_round_foot(r: Reading, s: str, o: str) -> bool:
    raised = r.at("ankle", s)[1] > r.at("ankle", o)[1] + 1.0
    return raised and f"toe_{r.drawn(s)}" in r.prop("band").link


def leg_out_straight(r: Reading, s: str, o: str) -> bool:
    assert r.front is not None
    hip, knee, ankle = r.at("hip", s), r.at("knee", s), r.at("ankle", s)
    bend = math.degrees(math.acos(max(-1.0, min(1.0, _dot(_unit(_sub(hip, knee)), _unit(_sub(ankle, knee)))))))
    ahead = _dot(_sub(ankle, r.at("ankle", o)), r.front) > 1.0
    return bend > 140 and ahead and ankle[1] < 0.6


def knees_sink_to(r: Reading, s: str, o: str) -> bool:
    return all(_dot(_sub(r.j[f"knee_{d}"], r.j["pelvis"]), r.toward(s)) > 0.5 for d in "lr")


def ball_on_side(r: Reading, s: str, o: str) -> bool:
    """Side-on: the ball is drawn over the body (the near side) exactly when the named
    side is the near one; from above: it lies on the named side of the spine."""
    ball = r.prop("ball")
    if r.view == "side":
        return ball.front == (r.drawn(s) == "l")
    return _dot(_sub((ball.at[0], ball.at[1]), r.j["pelvis"]), r.toward(s)) > 0.2


def hands_over_to(r: Reading, s: str, o: str) -> bool:
    """From above: both hands walked over, off the line of the hips, to the ``{o}`` side."""
    return all(_dot(_sub(r.j[f"hand_{d}"], r.j["pelvis"]), r.toward(o)) > 0.5 for d in "lr")


def lies_on(r: Reading, s: str, o: str) -> bool:
    """Lying on the named side (a side plank): its hip is the lower one."""
    return r.at("hip", s)[1] < r.at("hip", o)[1] - 0.5


def forearm_and_knee_down(r: Reading, s: str, o: str) -> bool:
    """The named side's elbow, hand and knee rest on the floor; the other hand is up."""
    down = all(r.at(part, s)[1] < 0.5 for part in ("elbow", "hand", "knee"))
    return down and r.at("hand", o)[1] > 1.0


def _ahead(r: Reading) -> Point:
    return _unit(_sub(r.j["neck"], r.j["pelvis"]))


def arm_forward(r: Reading, s: str, o: str) -> bool:
    """The named arm is the one that reaches ahead (never behind or below the other)."""
    hand, other = r.at("hand", s), r.at("hand", o)
    return _dot(_sub(hand, other), _ahead(r)) > -0.15 and hand[1] > other[1] - 0.15


def leg_back(r: Reading, s: str, o: str) -> bool:
    """The other side's leg is the one that reaches back (``{o} leg back``)."""
    ankle, other = r.at("ankle", o), r.at("ankle", s)
    return _dot(_sub(other, ankle), _ahead(r)) > -0.15 and ankle[1] > other[1] - 0.15


def arm_lowers(r: Reading, s: str, o: str) -> bool:
    """Lying on the back, the named arm is the one that comes down (never the higher)."""
    return r.at("hand", s)[1] < r.at("hand", o)[1] + 0.15


def leg_lowers(r: Reading, s: str, o: str) -> bool:
    """Lying on the back, the other side's leg is the one that comes down."""
    return r.at("ankle", o)[1] < r.at("ankle", s)[1] + 0.15


def wall_on_side(r: Reading, s: str, o: str) -> bool:
    """The wall stands on the named side (``your {s} side to the wall``)."""
    return _dot((r.prop("wall").at[0] - r.j["pelvis"][0], 0.0), r.toward(s)) > 0.5


def forearm_on_wall(r: Reading, s: str, o: str) -> bool:
    wall = r.prop("wall").at[0]
    return all(abs(r.at(part, s)[0] - wall) < 0.6 for part in ("elbow", "hand"))


def on_the_step(r: Reading, s: str, o: str) -> bool:
    """``stand on your {o} foot``: that ankle on the step's top."""
    x0, x1, top = r.prop("step").at
    x, y = r.at("ankle", o)
    return x0 <= x <= x1 and abs(y - top) < 0.3


def hangs_off(r: Reading, s: str, o: str) -> bool:
    """``your {s} foot hangs``: off the step's edge, clear of the floor."""
    x0, x1, _ = r.prop("step").at
    x, y = r.at("ankle", s)
    return not x0 <= x <= x1 and y > 0.5


def leg_out_to(r: Reading, s: str, o: str) -> bool:
    """``lift your {s} leg out to the {s}``: that foot beside the other, towards that side, never lower."""
    foot, other = r.at("ankle", s), r.at("ankle", o)
    return _dot(_sub(foot, other), r.toward(s)) > 0.3 and foot[1] > other[1] - 0.05


def holds_chair(r: Reading, s: str, o: str) -> bool:
    """``your {o} hand holds on``: that hand on the top of the chair's back rest."""
    chair = r.prop("chair-side")
    top = (chair.at[0] - 0.9 * chair.facing, chair.at[1] + 2.2)
    return math.dist(r.at("hand", o), top) < 0.6


@dataclass(frozen=True)
class Claim:
    words: str  # in the stretch's side text, with {s} and {o}
    check: Check
    inset: bool = False  # seen in the view from above in the corner


SIDE_BEND = (Claim("{s} arm up", arm_up), Claim("lean to the {o}", leans_to), Claim("lean to the {o}", glow_on))
# A side view's facing in the left side's picture (for the near and far limbs);
# front and top views need none.
FRONT: dict[str, Point] = {
    "standing-hip-flexor": AHEAD,
    "seated-knee-hug": AHEAD,
    "seated-figure-four": AHEAD,
    "seated-hamstring": AHEAD,
    "ql-ball-wall-release": AHEAD,
    "knee-to-chest": UP,
    "band-hamstring": UP,
    "ql-ball-release": UP,
    "bird-dog": (0.0, -1.0),  # on all fours, facing the picture's right: the front faces the floor
    "dead-bug": UP,
}
CLAIMS: dict[str, tuple[Claim, ...]] = {
    "standing-side-bend": SIDE_BEND,
    "seated-side-bend": SIDE_BEND,
    "ql-stick-stretch": (
        Claim("stick on your {o}", held_on_other_side("stick")),
        Claim("{s} hand high", hand_high),
        Claim("lean your ribs to the {o}", leans_to),
        Claim("lean your ribs to the {o}", glow_on),
    ),
    "ql-stick-stretch-door-frame": (
        Claim("the frame on your {o}", held_on_other_side("door-frame")),
        Claim("{s} hand high", hand_high),
        Claim("lean your ribs to the {o}", leans_to),
        Claim("lean your ribs to the {o}", glow_on),
    ),
    "seated-twist": (Claim("turn your chest to the {s}", turned_to), Claim("{o} hand on your {s} knee", hand_on_knee)),
    "seated-figure-four": (
        Claim("{s} ankle resting on your {o} knee", ankle_on_knee),
        Claim("{s} ankle resting", glow_on),
    ),
    "standing-hip-flexor": (Claim("{s} foot back, {o} foot forward", foot_back),),
    "knee-to-chest": (Claim("hold your {s} knee in towards your chest", knee_to_chest),),
    "band-hamstring": (Claim("band round your {s} foot, {s} leg raised", band_round_foot), Claim("{s} leg", glow_on)),
    "lumbar-rotation": (Claim("both knees sink to your {s}", knees_sink_to),),
    "ql-ball-release": (
        Claim("the ball under the {s} side of your low back", ball_on_side),
        Claim("hug your {s} knee", knee_to_chest),
    ),
    "ql-ball-wall-release": (Claim("the {s} side of your low back", ball_on_side),),
    "child-pose-side-reach": (
        Claim("both hands walked over to the {o}", hands_over_to),
        Claim("the {s} side of your back opens", glow_on),
    ),
    "seated-knee-hug": (Claim("hug your {s} knee up to your chest", knee_to_chest),),
    "seated-hamstring": (Claim("{s} leg out straight", leg_out_straight), Claim("{s} leg out straight", glow_on)),
    "side-plank-knees": (
        Claim("lie on your {s} side", lies_on),
        Claim("lie on your {s} side", glow_on),
        Claim("on your {s} forearm and knee", forearm_and_knee_down),
    ),
    "bird-dog": (Claim("reach your {s} arm forward", arm_forward), Claim("your {o} leg back", leg_back)),
    "dead-bug": (Claim("lower your {s} arm", arm_lowers), Claim("your {o} leg", leg_lowers)),
    "wall-side-plank": (
        Claim("your {s} side to the wall", wall_on_side),
        Claim("{s} forearm on it", forearm_on_wall),
        Claim("your {s} side to the wall", glow_on),
    ),
    "hip-hitch": (
        Claim("stand on your {o} foot", on_the_step),
        Claim("your {s} foot hangs", hangs_off),
        Claim("your {s} hip lifts", glow_on),
    ),
    "standing-hip-abduction": (
        Claim("lift your {s} leg out to the {s}", leg_out_to),
        Claim("lift your {s} leg", glow_on),
        Claim("your {o} hand holds on", holds_chair),
    ),
}


def disagreements(name: str, scene: Scene, left: str, right: str) -> list[str]:
    """Where the words for each side and the picture the user sees for it disagree."""
    found: list[str] = []
    claims = CLAIMS.get(name)
    if not claims:
        return [f"{name}: no claims say what its picture shows for each side (tools/art/sides.py)"]
    for side, other, words, flipped in (("left", "right", left, False), ("right", "left", right, True)):
        for claim in claims:
            said = claim.words.format(s=side, o=other)
            if said not in words:
                found.append(f"{name}, {side} side: the words {words!r} do not say {said!r}")
                continue
            shown = scene.inset if claim.inset else scene
            assert shown is not None
            front = None if claim.inset else FRONT.get(name)
            for index, pose in enumerate(shown.poses(6)):
                if not claim.check(reading(shown, pose, front, flipped), side, other):
                    view = " (from above)" if claim.inset else ""
                    found.append(f"{name}, {side} side, frame {index}{view}: the picture does not show {said!r}")
                    break
    return found


def _sub(a: Point, b: Point) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def _dot(a: Point, b: Point) -> float:
    return a[0] * b[0] + a[1] * b[1]


def _unit(a: Point) -> Point:
    n = math.hypot(*a) or 1.0
    return (a[0] / n, a[1] / n)


def _to_segment(p: Point, a: Point, b: Point) -> float:
    d = _sub(b, a)
    length = _dot(d, d)
    t = 0.0 if length == 0 else max(0.0, min(1.0, _dot(_sub(p, a), d) / length))
    return math.dist(p, (a[0] + t * d[0], a[1] + t * d[1]))
