"""The fixed words a stretch is described in (positions, equipment, targets): what the
catalogue, the settings and the command line all check against; cheap to import."""

from __future__ import annotations

# "walking": the stretch is a walk (its hold is spent on the move, not in one pose).
POSITIONS = ("standing", "walking", "seated", "lying", "kneeling", "hands-and-knees")
NO_FLOOR_POSITIONS = frozenset({"standing", "walking", "seated"})
EQUIPMENT = ("none", "chair", "stick", "door-frame", "ball", "band", "cushion")
# Each piece of equipment as a person names it (the settings, "needs a ball").
EQUIPMENT_WORDS = {
    "none": "nothing",
    "chair": "a chair",
    "stick": "a stick or broom handle",
    "door-frame": "a door frame",
    "ball": "a massage ball",
    "band": "a band, belt or scarf",
    "cushion": "a cushion",
}
TARGETS = ("ql", "lumbar", "hips", "hamstrings", "glutes", "upper-back")
SIDES = ("both", "none")
