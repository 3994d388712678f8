"""Draw a scene (props, a figure, the muscle that works, a movement arrow) with Pillow.

Everything is drawn four times larger and scaled down, so lines stay smooth at any
size; one line weight, derived from the image size, serves the whole picture.
Only the asset script and the tests import this module; the app loads the PNGs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from tools.art.figure import HEAD_RADIUS, Point, Pose, joints
from tools.art.shapes import Capsule, muscle, outline
from tools.art.themes import Theme

SUPERSAMPLE = 4


@dataclass(frozen=True)
class Glow:
    """A warm band on the muscle that works, along the line ``figure.muscle`` gives it
    (so it lies on the body and grows as the muscle lengthens)."""

    muscle: str  # one of figure.MUSCLES
    width: float = 0.9  # in head heights


@dataclass(frozen=True)
class Arrow:
    """One curved arrow: an arc around ``centre`` from ``start`` to ``end`` degrees."""

    centre: Point
    radius: float
    start: float
    end: float
    # a circle seen at a slant (its height over its width): a swing towards the viewer
    # and away, drawn around the hand that sweeps; ``both``: a head at each end (there and back)
    squash: float = 1.0
    both: bool = False


@dataclass(frozen=True)
class Prop:
    """Furniture and equipment, in scene units: a kind and its numbers."""

    kind: str  # floor, mat, chair-side, chair-front, stick, wall, wall-face, door-frame, ball, cushion, band, step
    at: tuple[float, ...]
    facing: int = 1  # chairs: which way the sitter faces (+1 right, -1 left)
    link: tuple[str, ...] = ()  # a band runs between these joints
    front: bool = False  # on the near side of the body (a ball beside the spine): drawn over it


@dataclass(frozen=True)
class Scene:
    keys: tuple[Pose, ...]  # one pose, or the poses a movement passes through
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in head heights
    props: tuple[Prop, ...] = ()
    glows: tuple[Glow, ...] = ()
    arrow: Arrow | None = None
    cues: tuple[Arrow, ...] = ()  # more arrows, short ones (a brace's squeeze, a hold's lift): default none
    moves: bool = False  # animate between the keys (else the last key is shown)
    holds: tuple[str, ...] = ()  # hands that hold the stick (or the wall): checks.py keeps them on it
    ghost: Pose | None = None  # where the movement starts, drawn faintly behind (a knee drop's knees up)
    ghosts: tuple[Pose, ...] = ()  # the ends of a sweep, faint in every frame, each with its linked stick
    # how far a ghost's colour goes from the faint one to the background (None: half way,
    # the same pale for the near and far sides); set, the ghost reads apart from a far limb
    fade: float | None = None
    inset: Scene | None = None  # a second view in the top-right corner (seen from above)
    inset_low: bool = False  # the second view in the bottom-right corner instead (arms reach up-right)
    # put on every frame after blending (hands back on the stick, feet on their spots):
    # blended angles alone let planted hands and feet slide between the keys
    settle: Callable[[Pose], Pose] | None = None

    def poses(self, between: int) -> list[Pose]:
        """The frames: there and back through the keys when it moves."""
        settle = self.settle or (lambda pose: pose)
        if not self.moves or len(self.keys) < 2:
            return [settle(self.keys[-1])]
        out = []
        for a, b in zip(self.keys, self.keys[1:], strict=False):
            out += [a.blend(b, _ease(i / between)) for i in range(between)]
        forward = [settle(p) for p in (*out, self.keys[-1])]
        return forward + forward[-2:0:-1]


def render(scene: Scene, width: int, theme: Theme, frames_between: int = 6) -> Image.Image:
    """The scene as an RGB image ``width`` wide; an animation is a horizontal strip."""
    poses = scene.poses(frames_between)
    x0, y0, x1, y1 = scene.box
    height = round(width * (y1 - y0) / (x1 - x0))
    strip = Image.new("RGB", (width * len(poses), height), theme.background)
    corners = _inset(scene.inset, width, theme, frames_between) if scene.inset is not None else []
    for index, pose in enumerate(poses):
        frame = _frame(scene, pose, width, height, theme)
        if corners:  # a moving second view moves in step (a still one is one frame)
            corner = corners[index * len(corners) // len(poses)]
            top = height - corner.height - width // 40 if scene.inset_low else width // 40
            frame.paste(corner, (width - corner.width - width // 40, top))
        strip.paste(frame, (index * width, 0))
    return strip


INSET_SHARE = 0.45  # of the picture's width


def _inset(scene: Scene, width: int, theme: Theme, frames_between: int) -> list[Image.Image]:
    """The second view's frames (one, unless it moves), small, each with a thin frame
    so it reads as a separate picture."""
    inner = round(width * INSET_SHARE)
    strip = render(scene, inner, theme, frames_between)
    border = max(1, width // 180)
    out = []
    for index in range(strip.width // inner if scene.moves else 1):
        picture = strip.crop((index * inner, 0, (index + 1) * inner, strip.height))  # its own box's shape
        framed = Image.new("RGB", (picture.width + 2 * border, picture.height + 2 * border), theme.far)
        framed.paste(picture, (border, border))
        out.append(framed)
    return out


def _frame(scene: Scene, pose: Pose, width: int, height: int, theme: Theme) -> Image.Image:
    big = (width * SUPERSAMPLE, height * SUPERSAMPLE)
    unit = big[0] / (scene.box[2] - scene.box[0])  # pixels per head height
    canvas = Image.new("RGBA", big, (*theme.background, 255))
    pen = _Pen(ImageDraw.Draw(canvas), scene.box, unit, big[1])
    points = joints(pose)
    fr, fg, fb = theme.faint
    pale = ((fr + theme.background[0]) // 2, (fg + theme.background[1]) // 2, (fb + theme.background[2]) // 2)
    if scene.fade is not None:
        pale = _mix(theme.faint, theme.background, scene.fade)
    faint = replace(theme, figure=pale, far=pale, prop=pale)
    for ghost in scene.ghosts:
        for prop in (p for p in scene.props if p.kind == "stick" and p.link):
            pen.prop(prop, joints(ghost), faint)
        pen.figure(ghost, faint)
    for prop in scene.props:
        if not prop.front:
            pen.prop(prop, points, theme)
    if scene.ghost is not None:  # on the floor or mat, behind everything else
        shade = theme.faint if scene.fade is None else _mix(theme.faint, theme.background, scene.fade)
        pen.figure(scene.ghost, replace(theme, figure=shade, far=shade))
    pen.figure(pose, theme)
    if scene.glows:  # on the body only: a mask of the figure keeps it off the chair and the floor
        mask = Image.new("L", big, 0)
        _Pen(ImageDraw.Draw(mask), scene.box, unit, big[1]).silhouette(pose)
        glow = Image.new("RGBA", big, (0, 0, 0, 0))
        gpen = _Pen(ImageDraw.Draw(glow), scene.box, unit, big[1])
        for g in scene.glows:
            gpen.line(muscle(pose, g.muscle), theme.glow, g.width)
        glow = glow.filter(ImageFilter.GaussianBlur(unit * 0.12))
        alpha = ImageChops.multiply(glow.getchannel("A"), mask)
        glow.putalpha(alpha)
        canvas.alpha_composite(glow)
    for prop in scene.props:
        if prop.front:
            pen.prop(prop, points, theme)
    if scene.arrow is not None:
        pen.arrow(scene.arrow, theme.arrow)
    for cue in scene.cues:
        pen.arrow(cue, theme.arrow)
    return canvas.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)


GAP = 0.07  # head heights of background around a near limb, so it reads over the trunk


class _Pen:
    """Scene units in, pixels out; the one line weight lives here."""

    def __init__(self, draw: ImageDraw.ImageDraw, box: Sequence[float], unit: float, height: int) -> None:
        self.draw, self.box, self.unit, self.height = draw, box, unit, height
        self.weight = 0.24  # head heights

    def xy(self, p: Point) -> tuple[float, float]:
        return ((p[0] - self.box[0]) * self.unit, self.height - (p[1] - self.box[1]) * self.unit)

    def line(self, points: Sequence[Point], colour: Sequence[int], weight: float | None = None) -> None:
        w = (weight if weight is not None else self.weight) * self.unit
        pts = [self.xy(p) for p in points]
        self.draw.line(pts, fill=tuple(colour), width=max(1, round(w)), joint="curve")
        for x, y in (pts[0], pts[-1]):  # round caps
            self.draw.ellipse((x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=tuple(colour))

    def disc(self, centre: Point, radius: float, colour: Sequence[int] | int) -> None:
        x, y = self.xy(centre)
        r = radius * self.unit
        self.draw.ellipse((x - r, y - r, x + r, y + r), fill=colour if isinstance(colour, int) else tuple(colour))

    def capsule(self, c: Capsule, colour: Sequence[int] | int, grow: float = 0.0) -> None:
        """A tapered bar with round ends: the two end discs and the band between their
        outer tangents."""
        fill = colour if isinstance(colour, int) else tuple(colour)
        ra, rb = c.ra + grow, c.rb + grow
        self.disc(c.a, ra, colour)
        self.disc(c.b, rb, colour)
        d = math.dist(c.a, c.b)
        if d <= abs(ra - rb) + 1e-9:
            return
        phi = math.atan2(c.b[1] - c.a[1], c.b[0] - c.a[0])
        alpha = math.acos((ra - rb) / d)
        pts = []
        for sign in (1, -1):
            k = phi + sign * alpha
            pts += [
                (c.a[0] + ra * math.cos(k), c.a[1] + ra * math.sin(k)),
                (c.b[0] + rb * math.cos(k), c.b[1] + rb * math.sin(k)),
            ]
        self.draw.polygon([self.xy(p) for p in (pts[0], pts[1], pts[3], pts[2])], fill=fill)

    def figure(self, pose: Pose, theme: Theme) -> None:
        """Far limbs first (a side view's far side, a limb reaching behind), then the
        trunk and head, then the near limbs, each edged in the background colour."""
        body = outline(pose)
        side = pose.view == "side"
        far = ["leg_r", "arm_r"] if side else list(pose.behind)
        near = ["leg_l", "arm_l"] if side else [n for n in ("leg_l", "leg_r", "arm_l", "arm_r") if n not in pose.behind]
        for name in far:
            self._limb(body.limbs[name], theme.far, theme.background)
        # seated, seen from the front: thighs coming at the viewer lie over the trunk (a lap)
        lap = [n for n in near if n.startswith("leg") and pose.view == "front" and _at_viewer(pose, n)]
        if not side:  # legs come out from under the trunk
            for name in [n for n in near if n.startswith("leg") and n not in lap]:
                self._limb(body.limbs[name], theme.figure, theme.background)
        self.draw.polygon([self.xy(p) for p in body.trunk], fill=tuple(theme.figure))
        self._limb(body.limbs["neck"], theme.figure, None)
        self.disc(body.head, HEAD_RADIUS, theme.figure)
        face = pose.face if pose.face is not None or not side else pose.neck + 90 * pose.front
        if face is not None:  # side-on, always: which way the figure faces (the stranger's test)
            self._nose(body.head, face, theme.figure)
        for name in lap:
            self._limb(body.limbs[name], theme.figure, theme.background)
        for name in near if side else [n for n in near if n.startswith("arm")]:
            self._limb(body.limbs[name], theme.figure, theme.background)

    def silhouette(self, pose: Pose) -> None:
        """The whole figure in white on black: where a glow may show."""
        body = outline(pose)
        self.draw.polygon([self.xy(p) for p in body.trunk], fill=255)
        self.disc(body.head, HEAD_RADIUS, 255)
        for parts in body.limbs.values():
            for c in parts:
                self.capsule(c, 255)

    def _limb(self, parts: Sequence[Capsule], colour: Sequence[int], edge: Sequence[int] | None) -> None:
        if edge is not None:
            for c in parts:
                self.capsule(c, edge, GAP)
        for c in parts:
            self.capsule(c, colour)

    def _nose(self, head: Point, angle: float, colour: Sequence[int]) -> None:
        """A small point on the head: which way the face looks."""
        a = math.radians(angle)
        tip = (head[0] + math.cos(a) * HEAD_RADIUS * 1.45, head[1] + math.sin(a) * HEAD_RADIUS * 1.45)
        sides = [
            (head[0] + math.cos(a + d) * HEAD_RADIUS * 0.8, head[1] + math.sin(a + d) * HEAD_RADIUS * 0.8)
            for d in (0.7, -0.7)
        ]
        self.draw.polygon([self.xy(tip), *(self.xy(p) for p in sides)], fill=tuple(colour))

    def prop(self, prop: Prop, j: dict[str, Point], theme: Theme) -> None:
        c, a, w = theme.prop, prop.at, self.weight
        if prop.kind == "floor":
            self.line([(a[0], 0.0), (a[1], 0.0)], c, w * 0.8)
        elif prop.kind == "wall":
            self.line([(a[0], 0.0), (a[0], a[1])], c, w * 1.4)
        elif prop.kind == "door-frame":  # a wall face-on with a doorway: (held side, far side, top)
            self.doorway(a[0], a[1], a[2], theme)
        elif prop.kind == "stick" and prop.link:  # (foot x, y, length): tilting with the hand on it
            (fx, fy), (hx, hy) = (a[0], a[1]), j[prop.link[0]]
            run = math.hypot(hx - fx, hy - fy) or 1.0
            self.line([(fx, fy), (fx + (hx - fx) * a[2] / run, fy + (hy - fy) * a[2] / run)], c, w * 0.9)
        elif prop.kind == "stick":
            self.line([(a[0], a[1]), (a[2], a[3])], c, w * 0.9)
        elif prop.kind == "ball":  # a tennis ball: yellow-green, with its seam
            self.disc((a[0], a[1]), a[2], theme.ball)
            x, y = self.xy((a[0], a[1]))
            r = a[2] * self.unit
            seam = max(1, round(w * 0.22 * self.unit))
            self.draw.arc(
                (x - r * 1.6, y - r * 0.7, x - r * 0.1, y + r * 0.7), -60, 60, fill=theme.background, width=seam
            )
            self.draw.arc(
                (x + r * 0.1, y - r * 0.7, x + r * 1.6, y + r * 0.7), 120, 240, fill=theme.background, width=seam
            )
        elif prop.kind == "mat":  # a floor seen from above
            x, y = self.xy((a[0], a[3]))
            x2, y2 = self.xy((a[2], a[1]))
            self.draw.rounded_rectangle((x, y, x2, y2), radius=self.unit * 0.5, fill=theme.mat)
        elif prop.kind in ("step", "wall-face"):
            self.block(prop, theme)
        elif prop.kind == "cushion":
            x, y = self.xy((a[0] - a[2] / 2, a[1] + a[3] / 2))
            x2, y2 = self.xy((a[0] + a[2] / 2, a[1] - a[3] / 2))
            self.draw.rounded_rectangle((x, y, x2, y2), radius=(y2 - y) / 2, fill=c)
        elif prop.kind == "band":
            self.line([j[name] for name in prop.link], theme.band, w * 0.6)
        elif prop.kind == "chair-side":
            x, seat, f = a[0], a[1], prop.facing
            self.line([(x - 0.9 * f, seat), (x + 0.9 * f, seat)], c, w * 1.3)  # seat
            self.line([(x - 0.9 * f, seat), (x - 0.9 * f, seat + 2.2)], c, w * 1.3)  # back rest
            self.line([(x - 0.8 * f, seat), (x - 0.8 * f, 0.0)], c)
            self.line([(x + 0.8 * f, seat), (x + 0.8 * f, 0.0)], c)
        elif prop.kind == "chair-front":
            x, seat = a[0], a[1]
            self.line([(x - 1.1, seat + 0.6), (x - 1.1, seat + 2.6), (x + 1.1, seat + 2.6), (x + 1.1, seat + 0.6)], c)
            self.line([(x - 1.2, seat), (x + 1.2, seat)], c, w * 1.3)
            self.line([(x - 1.1, seat), (x - 1.1, 0.0)], c)
            self.line([(x + 1.1, seat), (x + 1.1, 0.0)], c)
        else:
            raise ValueError(f"unknown prop {prop.kind!r}")

    def block(self, prop: Prop, theme: Theme) -> None:
        """A box from the floor up (x0, x1, top) in a muted fill: a wall seen face-on
        behind the body, or a step (edged, on a floor line of its own: a foot on the
        step is not on the floor, so the step is not a ``floor`` for the checks)."""
        (x, y), (x2, y2) = self.xy((prop.at[0], prop.at[2])), self.xy((prop.at[1], 0.0))
        self.draw.rectangle((x, y, x2, y2), fill=theme.mat)
        if prop.kind == "step":
            x0, x1, top = prop.at
            self.line([(x0, 0.0), (x0, top), (x1, top), (x1, 0.0)], theme.prop, self.weight * 0.9)
            self.line([(-20.0, 0.0), (20.0, 0.0)], theme.prop, self.weight * 0.8)

    def doorway(self, near: float, far: float, top: float, theme: Theme) -> None:
        """The wall in a muted fill around the opening (so the opening reads as a door),
        and the frame's edges as lines: the side held at ``near``, the other at ``far``."""
        x0, _, x1, y1 = self.box
        left, right = sorted((near, far))
        for a, b in (((x0 - 1, 0.0), (left, top)), ((right, 0.0), (x1 + 1, top)), ((x0 - 1, top), (x1 + 1, y1 + 1))):
            (ax, ay), (bx, by) = self.xy(a), self.xy(b)
            self.draw.rectangle((ax, by, bx, ay), fill=theme.mat)
        self.line([(left, 0.0), (left, top), (right, top), (right, 0.0)], theme.prop, self.weight * 0.9)

    def arrow(self, arrow: Arrow, colour: Sequence[int]) -> None:
        if arrow.squash != 1.0 or arrow.both:
            self._swing(arrow, colour)
            return
        cx, cy = self.xy(arrow.centre)
        r = arrow.radius * self.unit
        w = max(1, round(self.weight * 0.7 * self.unit))
        lo, hi = sorted((arrow.start, arrow.end))
        self.draw.arc((cx - r, cy - r, cx + r, cy + r), -hi, -lo, fill=tuple(colour), width=w)
        # The head: a triangle at the end, along the direction of travel.
        end = math.radians(arrow.end)
        tip = (cx + r * math.cos(end), cy - r * math.sin(end))
        travel = 1 if arrow.end > arrow.start else -1
        tangent = (-math.sin(end) * travel, -math.cos(end) * travel)  # in pixel space
        size = self.weight * 2.4 * self.unit
        normal = (-tangent[1], tangent[0])
        back = (tip[0] - tangent[0] * size, tip[1] - tangent[1] * size)
        head = [
            (tip[0] + tangent[0] * size * 0.2, tip[1] + tangent[1] * size * 0.2),
            (back[0] + normal[0] * size * 0.55, back[1] + normal[1] * size * 0.55),
            (back[0] - normal[0] * size * 0.55, back[1] - normal[1] * size * 0.55),
        ]
        self.draw.polygon(head, fill=tuple(colour))

    def _swing(self, arrow: Arrow, colour: Sequence[int]) -> None:
        """An arc of an ellipse (a circle at a slant) with a head at the end, or both;
        its near side (the bottom of the ellipse) drawn thicker, its near head larger."""
        cx, cy = self.xy(arrow.centre)
        rx, ry, count = arrow.radius * self.unit, arrow.radius * arrow.squash * self.unit, 48
        angles = [math.radians(arrow.start + (arrow.end - arrow.start) * k / count) for k in range(count + 1)]
        points = [(cx + rx * math.cos(a), cy - ry * math.sin(a)) for a in angles]
        # 1.1 at the front, 0.5 at the back (a circle in the picture's plane: all alike)
        near = [1.0 if arrow.squash == 1.0 else 0.8 - 0.3 * math.sin(a) for a in angles]
        size = self.weight * 2.0 * self.unit
        ends = [(points[-1], points[-2], near[-1])] + ([(points[0], points[1], near[0])] if arrow.both else [])
        clear = [all(math.dist(p, tip) > size * grow * 0.6 for tip, _, grow in ends) for p in points]
        for k in range(count):  # stopping short of each head, so the line does not poke past it
            if clear[k] and clear[k + 1]:
                width = max(1, round(self.weight * 0.7 * self.unit * (near[k] + near[k + 1]) / 2))
                self.draw.line([points[k], points[k + 1]], fill=tuple(colour), width=width)
                x, y = points[k + 1]
                self.draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=tuple(colour))
        for (tx, ty), (bx, by), grow in ends:
            run, s = math.hypot(tx - bx, ty - by) or 1.0, size * grow
            ux, uy = (tx - bx) / run, (ty - by) / run
            head = [(tx + ux * s * 0.2, ty + uy * s * 0.2)]
            head += [(tx - ux * s + side * uy * s * 0.5, ty - uy * s - side * ux * s * 0.5) for side in (1, -1)]
            self.draw.polygon(head, fill=tuple(colour))


def _at_viewer(pose: Pose, leg: str) -> bool:
    """A thigh foreshortened to under half its length points at the viewer (sitting)."""
    return pose.scale.get(f"leg_up_{leg[-1]}", 1.0) < 0.5


def _mix(a: Sequence[int], b: Sequence[int], t: float) -> tuple[int, int, int]:
    """The colour ``t`` of the way from ``a`` to ``b``."""
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def _ease(t: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * t)
