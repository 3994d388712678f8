"""Where the one tray locks on Windows (``peruser.py`` chooses this module).

Design: the runtime folder, as before (a user's profile is private); the lock is a file
there (``endpoint_win32.py``), not the folder itself.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

assert sys.platform == "win32"  # imported on Windows only; mypy checks it as such


def folders(runtime_dir: Path, environ: Mapping[str, str]) -> tuple[Path, ...]:
    return (runtime_dir,)


def private(folder: Path) -> bool:
    return folder.is_dir()


if TYPE_CHECKING:  # mypy: this module is what peruser.py expects
    from qlbreak.edges.instance import peruser, peruser_win32  # noqa: PLW0406 - itself, as a module

    _are_places: peruser.Places = peruser_win32
