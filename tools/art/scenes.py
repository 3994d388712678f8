"""One scene per stretch: the poses, the props, where it works, and the movement
(built from the pieces in ``postures``).

Every scene shows the LEFT side working; the right side is its mirror image, made by
the dialog at run time (mirroring also moves the highlight, so it always follows).
In front views the figure is drawn as a reflection: its left is on the image's left.
"""

from __future__ import annotations

from tools.art.draw import Scene
from tools.art.scenes_floor import SCENES as FLOOR
from tools.art.scenes_seated import SCENES as SEATED
from tools.art.scenes_standing import SCENES as STANDING
from tools.art.scenes_strength_floor import SCENES as STRENGTH_FLOOR
from tools.art.scenes_strength_office import SCENES as STRENGTH_OFFICE

SCENES: dict[str, Scene] = STANDING | SEATED | FLOOR | STRENGTH_OFFICE | STRENGTH_FLOOR
