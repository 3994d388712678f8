"""No window locks on Windows (``locks.py`` chooses this module).

Design: no flock and no SIGUSR1 there: no lock is taken, none is ever found held, and
no window is asked to the front by its pid.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

assert sys.platform == "win32"  # imported on Windows only; mypy checks it as such


def take(folder: Path) -> tuple[int, Path] | None:
    return None


def open_stretch(folder: Path) -> int | None:
    return None


def ask_to_front(pid: int) -> bool:
    return False


if TYPE_CHECKING:  # mypy: this module is the half locks.py expects
    from qlbreak.edges.children import locks, locks_win32  # noqa: PLW0406 - itself, as a module

    _is_a_platform: locks.Platform = locks_win32
