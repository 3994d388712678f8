"""Where qlbreak keeps its files: a thin layer over platformdirs.

Tests redirect everything through the environment (``XDG_*_HOME`` on Linux,
``QLBREAK_CONFIG`` for the config file), so nothing here is patched.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

APP = "qlbreak"
CONFIG_ENV = "QLBREAK_CONFIG"


@dataclass(frozen=True)
class Paths:
    config_file: Path
    data_dir: Path
    config_dir: Path = Path()  # the per-user config folder, whatever --config says
    state_dir: Path = Path()  # the tray's saved state and its log
    runtime_dir: Path = Path()  # the single-instance lock and socket (0700)

    @property
    def key_file(self) -> Path:
        """The single-instance endpoint's secret (0600)."""
        return self.config_dir / "instance.key"

    @property
    def state_file(self) -> Path:
        return self.state_dir / "state.json"

    @property
    def log_file(self) -> Path:
        return self.state_dir / "qlbreak.log"

    @property
    def history_db(self) -> Path:
        return self.data_dir / "history.db"

    @property
    def safety_file(self) -> Path:
        """Exists once the user has said "I understand" to the safety notice."""
        return self.data_dir / "safety-accepted"


def assets_dir() -> Path:
    """The artwork: inside the package once installed, beside it in a checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "assets"
    return packaged if packaged.is_dir() else package.parent / "assets"


def default_paths(config: str | None = None, environ: Mapping[str, str] = os.environ) -> Paths:
    """``config`` (from ``--config``) wins over ``$QLBREAK_CONFIG``, which wins over the default."""
    dirs = PlatformDirs(APP, appauthor=False)
    chosen = config or environ.get(CONFIG_ENV)
    config_file = Path(chosen).expanduser() if chosen else Path(dirs.user_config_dir) / "config.toml"
    return Paths(
        config_file=config_file,
        data_dir=Path(dirs.user_data_dir),
        config_dir=Path(dirs.user_config_dir),
        state_dir=Path(dirs.user_state_dir),
        runtime_dir=_runtime_dir(dirs, environ),
    )


def _runtime_dir(dirs: PlatformDirs, environ: Mapping[str, str]) -> Path:
    """$XDG_RUNTIME_DIR/qlbreak where the session has one; else a 0700 folder of the user's."""
    if os.name == "posix" and not environ.get("XDG_RUNTIME_DIR"):
        return Path(dirs.user_state_dir) / "run"  # never a shared /tmp
    return Path(dirs.user_runtime_dir)
