"""Whether the user has read the safety notice: a small file, written when they say
"I understand", so the notice comes before the very first stretch and never again."""

from __future__ import annotations

import os
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def given(path: Path | str) -> bool:
    return os.path.exists(path)


def give(path: Path | str, now: datetime) -> None:
    """Remember the notice was read at ``now``; raises OSError when it cannot."""
    from pathlib import Path  # here: the stretch window asks ``given`` on its way to the screen

    from qlbreak.storage.atomic import write_atomic

    write_atomic(Path(path), f"{now.isoformat()}\n".encode())
