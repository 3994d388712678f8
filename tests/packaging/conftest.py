"""What the packaging tests share, once a session: qlbreak's dependencies, installed.

``test_install`` is the install with every dependency: ``install.sh`` in a fresh home,
pip fetching and unpacking numpy, matplotlib and the rest into the venv it makes. The
other tests are about other things (the wheel's contents and running from a fresh venv,
the uninstallers): they take those same dependencies from ``PYTHONPATH``, so pip in
their fresh venvs installs qlbreak alone instead of unpacking the rest once more each.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOT_DEPENDENCIES = (
    "qlbreak",
    "pip",
    "setuptools",
    "pkg_resources",
    "wheel",
    "_distutils_hack",
    "distutils-precedence",
    "__pycache__",
)


@pytest.fixture(scope="session")
def full_install_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where ``test_install`` makes its fresh home (``fresh``): the others reuse its venv."""
    return tmp_path_factory.mktemp("full-install")


def site_packages(env_dir: Path) -> Path | None:
    found = [*env_dir.glob("lib/python3*/site-packages"), *env_dir.glob("Lib/site-packages")]
    return found[0] if found else None


def _complete(site: Path | None) -> bool:
    """pip installs qlbreak after what it needs: its record there means the rest is too."""
    return site is not None and any(site.glob("qlbreak-*.dist-info")) and (site / "matplotlib").is_dir()


def installed_with_dependencies(env_dir: Path) -> Path:
    """A fresh venv with this checkout installed, every dependency with it."""
    venv.create(env_dir, with_pip=False)  # this pip installs into it: no second pip to unpack
    python = env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, str(ROOT)], check=True, timeout=600)
    site = site_packages(env_dir)
    assert site is not None and _complete(site), f"no qlbreak with its dependencies in {env_dir}"
    return site


@pytest.fixture(scope="session")
def dependencies(full_install_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of links to what a full install put beside qlbreak: on ``PYTHONPATH`` it
    satisfies qlbreak's requirements in any venv of this Python. ``test_install``'s venv
    when it ran first; otherwise (run alone, deselected, failed) a full install of its own."""
    site = site_packages(full_install_dir / "fresh" / ".local" / "share" / "qlbreak-venv")
    if not _complete(site):
        site = installed_with_dependencies(tmp_path_factory.mktemp("dependencies-venv"))
    assert site is not None
    folder = tmp_path_factory.mktemp("dependencies")
    for entry in site.iterdir():
        if not entry.name.startswith(NOT_DEPENDENCIES):
            (folder / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    return folder
