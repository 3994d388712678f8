"""The fixed words a stretch is described in (positions, equipment, targets): what the
catalogue, the settings and the command line all check against; cheap to import."""

from __future__ import annotations

from qlbreak.core.words import N_, _

# "walking": the stretch is a walk (its hold is spent on the move, not in one pose).
POSITIONS = ("standing", "walking", "seated", "lying", "kneeling", "hands-and-knees")
NO_FLOOR_POSITIONS = frozenset({"standing", "walking", "seated"})
EQUIPMENT = ("none", "chair", "stick", "door-frame", "ball", "band", "cushion", "step")
# Each piece of equipment as a person names it (the settings, "needs a ball"); marked,
# shown through ``equipment_words`` in the user's language.
EQUIPMENT_WORDS = {
    "none": N_("nothing"),
    "chair": N_("a chair"),
    "stick": N_("a stick or broom handle"),
    "door-frame": N_("a door frame"),
    "ball": N_("a massage ball"),
    "band": N_("a band, belt or scarf"),
    "cushion": N_("a cushion"),
    "step": N_("a step or a sturdy low box"),
}
TARGETS = ("ql", "lumbar", "hips", "hamstrings", "glutes", "upper-back", "core")
# What a catalogue entry is: a stretch (held, rated better/same/worse) or an exercise
# that strengthens (done in sets, rated easy/right/too hard, with easier and harder versions).
KINDS = ("stretch", "strengthen")
LEVELS = ("easier", "standard", "harder")
SIDES = ("both", "none")


def equipment_words(thing: str) -> str:
    """A piece of equipment as the user's language names it ("a chair"); an unknown id as is."""
    return _(EQUIPMENT_WORDS[thing]) if thing in EQUIPMENT_WORDS else thing
