"""Start the stretch window in a process of its own, from what this one already knows.

The window's process paints from a snapshot (qlbreak/window.py) instead of reading
the config and the catalogue again; a crashed or killed window never takes its
parent down, and the parent's exit status is the window's.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from qlbreak.storage.config import Config
from qlbreak.storage.paths import Paths, assets_dir
from qlbreak.stretches.catalogue import Stretch
from qlbreak.ui.theme import palette


def snapshot(stretch: Stretch, config: Config, paths: Paths, speed: float = 1.0) -> dict[str, Any]:
    """Everything the window needs to paint, as plain JSON values."""
    return {
        "stretch": stretch._asdict(),
        "theme": palette(config.theme).name,
        "sound": config.sound,
        "assets": str(assets_dir()),
        "history": str(paths.history_db),
        "safety_file": str(paths.safety_file),
        "config": str(paths.config_file),
        "timezone": config.timezone,
        "workdays": sorted(config.workdays),
        "speed": speed,
    }


def window_command(handoff: str) -> list[str]:
    """How the window's process is started. ``-c`` rather than ``-m qlbreak.ui.stretch``:
    runpy's imports cost ~10 ms of the window's start-up."""
    return [sys.executable, "-c", "import sys; from qlbreak.ui.stretch import main; sys.exit(main())", handoff]


def write_handoff(spec: dict[str, Any], folder: Path) -> Path:
    """The snapshot as a private file (0600) that the window reads at start."""
    folder.mkdir(parents=True, exist_ok=True)
    handoff = folder / f"window-{os.getpid()}-{os.urandom(3).hex()}.json"
    fd = os.open(handoff, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(spec, out)
    return handoff


def open_window(spec: dict[str, Any], folder: Path) -> int:
    """Run the window to its end; SIGTERM or Ctrl-C here closes it too."""
    handoff = write_handoff(spec, folder)
    try:
        child = subprocess.Popen(window_command(str(handoff)))
        previous = signal.signal(signal.SIGTERM, lambda *_: child.terminate())
        try:
            return child.wait()
        except KeyboardInterrupt:
            child.terminate()
            return child.wait()
        finally:
            signal.signal(signal.SIGTERM, previous)
    finally:
        handoff.unlink(missing_ok=True)
