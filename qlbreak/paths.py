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

    @property
    def history_db(self) -> Path:
        return self.data_dir / "history.db"

    @property
    def safety_file(self) -> Path:
        """Exists once the user has said "I understand" to the safety notice."""
        return self.data_dir / "safety-accepted"


def assets_dir() -> Path:
    """The artwork: inside the package once installed, beside it in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "assets"
    return packaged if packaged.is_dir() else here.parent / "assets"


def default_paths(config: str | None = None, environ: Mapping[str, str] = os.environ) -> Paths:
    """``config`` (from ``--config``) wins over ``$QLBREAK_CONFIG``, which wins over the default."""
    dirs = PlatformDirs(APP, appauthor=False)
    chosen = config or environ.get(CONFIG_ENV)
    config_file = Path(chosen).expanduser() if chosen else Path(dirs.user_config_dir) / "config.toml"
    return Paths(config_file=config_file, data_dir=Path(dirs.user_data_dir))
