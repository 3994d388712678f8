"""Where qlbreak keeps its files: a thin layer over platformdirs.

Tests redirect everything through the environment (``XDG_*_HOME`` on Linux,
``QLBREAK_CONFIG`` for the config file), so nothing here is patched.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

from qlbreak.system import THIS, System

APP = "qlbreak"
CONFIG_ENV = "QLBREAK_CONFIG"


@dataclass(frozen=True)
class Paths:
    """Every file and folder qlbreak uses, each named once (``default_paths`` makes them)."""

    config_file: Path
    config_dir: Path  # the per-user config folder, whatever --config says
    data_dir: Path  # the history, the safety notice's mark
    state_dir: Path  # the tray's saved state and its log
    runtime_dir: Path  # the single-instance lock and socket (0700)
    key_file: Path  # the single-instance endpoint's secret (0600)
    history_db: Path
    safety_file: Path  # exists once the user has said "I understand" to the safety notice
    state_file: Path
    log_file: Path


def assets_dir() -> Path:
    """The artwork: inside the package once installed, beside it in a checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "assets"
    return packaged if packaged.is_dir() else package.parent / "assets"


def default_paths(config: str | None = None, environ: Mapping[str, str] = os.environ, system: System = THIS) -> Paths:
    """``config`` (from ``--config``) wins over ``$QLBREAK_CONFIG``, which wins over the default."""
    dirs = PlatformDirs(APP, appauthor=False)
    chosen = config or environ.get(CONFIG_ENV)
    config_dir, data, state = Path(dirs.user_config_dir), Path(dirs.user_data_dir), Path(dirs.user_state_dir)
    return Paths(
        config_file=Path(chosen).expanduser() if chosen else config_dir / "config.toml",
        config_dir=config_dir,
        data_dir=data,
        state_dir=state,
        runtime_dir=_runtime_dir(dirs, environ, system),
        key_file=config_dir / "instance.key",
        history_db=data / "history.db",
        safety_file=data / "safety-accepted",
        state_file=state / "state.json",
        log_file=state / "qlbreak.log",
    )


def _runtime_dir(dirs: PlatformDirs, environ: Mapping[str, str], system: System) -> Path:
    """$XDG_RUNTIME_DIR/qlbreak where the session has a usable one; else a 0700 folder
    of the user's. platformdirs would fall back to a shared /tmp and print a Python
    warning (with a source line) at every command: a person never sees that, the log
    gets one plain line."""
    own = Path(dirs.user_state_dir) / "run"  # never a shared /tmp
    given = environ.get("XDG_RUNTIME_DIR")
    if not system.xdg_runtime_dir:
        return Path(dirs.user_runtime_dir)
    if not (given and os.path.isdir(given)):
        return own
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        found = Path(dirs.user_runtime_dir)
    if found.parent != Path(given):  # refused (not 0700, not the user's, a link): its fallback is shared
        why = next((str(w.message) for w in said), f"XDG_RUNTIME_DIR {given} cannot be used")
        logging.getLogger("qlbreak").info("%s; using %s instead", why.split(", falling back")[0], own)
        return own
    return found
