"""What the packaging tests share, made once a session: the built wheel, installed with
every dependency into a fresh virtual environment (``test_wheel`` checks it), and those
dependencies without qlbreak, for the uninstall tests.

The uninstall tests are about ``install.sh`` and the uninstallers, not about pip
unpacking numpy and matplotlib again: with the dependencies on ``PYTHONPATH``, pip in
the installer's fresh venv finds them already there and installs qlbreak alone. The
full install, dependencies and all, stays in ``test_install`` and ``test_wheel``."""

from __future__ import annotations

import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOT_DEPENDENCIES = ("qlbreak", "pip", "setuptools", "wheel", "_distutils_hack", "distutils-precedence", "__pycache__")


@dataclass(frozen=True)
class WheelVenv:
    wheel: Path
    bin_dir: Path
    site_packages: Path


@pytest.fixture(scope="session")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> WheelVenv:
    """qlbreak's wheel, built from this checkout, pip-installed into a fresh venv."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    wheel_cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist)]
    subprocess.run([*wheel_cmd, str(ROOT)], check=True, timeout=300)
    (wheel,) = dist.glob("qlbreak-*.whl")
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=False)  # this pip installs into it: no second pip to unpack
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / ("python.exe" if sys.platform == "win32" else "python")
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, str(wheel)], check=True, timeout=600)
    (site_packages,) = [*env_dir.glob("lib/python3*/site-packages"), *env_dir.glob("Lib/site-packages")]
    return WheelVenv(wheel, bin_dir, site_packages)


@pytest.fixture(scope="session")
def dependencies(wheel_venv: WheelVenv, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of links to what ``wheel_venv`` installed besides qlbreak: put on
    ``PYTHONPATH``, it satisfies qlbreak's requirements in any venv of this Python."""
    folder = tmp_path_factory.mktemp("dependencies")
    for entry in wheel_venv.site_packages.iterdir():
        if not entry.name.startswith(NOT_DEPENDENCIES):
            (folder / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    return folder
