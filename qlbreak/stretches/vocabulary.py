"""The catalogue's fixed words: cheap to import, so the command line can offer them."""

POSITIONS = ("standing", "seated", "lying", "kneeling", "hands-and-knees")
NO_FLOOR_POSITIONS = frozenset({"standing", "seated"})
EQUIPMENT = ("none", "chair", "stick", "door-frame", "ball", "band", "cushion")
TARGETS = ("ql", "lumbar", "hips", "hamstrings", "glutes", "upper-back")
SIDES = ("both", "none")
