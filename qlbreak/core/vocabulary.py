"""The fixed words a stretch is described in (positions, equipment, targets): what the
catalogue, the settings and the command line all check against; cheap to import."""

from __future__ import annotations

# "walking": the stretch is a walk (its hold is spent on the move, not in one pose).
POSITIONS = ("standing", "walking", "seated", "lying", "kneeling", "hands-and-knees")
NO_FLOOR_POSITIONS = frozenset({"standing", "walking", "seated"})
EQUIPMENT = ("none", "chair", "stick", "door-frame", "ball", "band", "cushion", "step")
# Each piece of equipment as a person names it (the settings, "needs a ball").
EQUIPMENT_WORDS = {
    "none": "nothing",
    "chair": "a chair",
    "stick": "a stick or broom handle",
    "door-frame": "a door frame",
    "ball": "a massage ball",
    "band": "a band, belt or scarf",
    "cushion": "a cushion",
    "step": "a step or a sturdy low box",
}
TARGETS = ("ql", "lumbar", "hips", "hamstrings", "glutes", "upper-back", "core")
# What a catalogue entry is: a stretch (held, rated better/same/worse) or an exercise
# that strengthens (done in sets, rated easy/right/too hard, with easier and harder versions).
KINDS = ("stretch", "strengthen")
LEVELS = ("easier", "standard", "harder")
SIDES = ("both", "none")
