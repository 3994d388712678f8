"""The built wheel, installed into a fresh virtual environment, is a working qlbreak
(with its dependencies from ``test_install``'s full install, on ``PYTHONPATH``)."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
from tests.unit.test_stretch_window import LEAN_IMPORT  # noqa: E402


@pytest.mark.slow
def test_wheel_installs_and_runs(tmp_path, private_home, dependencies):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        timeout=300,
    )
    (wheel,) = dist.glob("qlbreak-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        shipped = set(zf.namelist())
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "qlbreak").rglob("*.py")}
    assert sources <= shipped, f"modules missing from the wheel: {sorted(sources - shipped)}"
    build_only = sorted(n for n in shipped if n.split("/")[0] in ("tools", "scripts", "tests", "benchmarks"))
    assert build_only == [], f"build-time code in the wheel: {build_only}"
    assert all(n.startswith(("qlbreak/", "qlbreak-")) for n in shipped), sorted(shipped)
    assert "qlbreak/language/mo/de/LC_MESSAGES/qlbreak.mo" in shipped, "the German catalogue is built into the wheel"
    assert not any(n.endswith((".po", ".pot")) for n in shipped), "the sources of the catalogues are not shipped"
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)  # this pip installs into it
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    pip = [sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install", "-q", "--no-deps"]
    subprocess.run([*pip, str(wheel)], check=True, timeout=600)
    # the dependencies as the full install unpacked them (conftest): this test is the wheel's
    env = {"HOME": str(private_home), "PATH": f"{bin_dir}:/usr/bin:/bin", "PYTHONPATH": str(dependencies)}
    listed = subprocess.run(
        [bin_dir / "qlbreak", "list", "--all", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    assert len(json.loads(listed.stdout)) >= 13
    module = subprocess.run(
        [bin_dir / "python", "-m", "qlbreak", "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=tmp_path,
    )
    assert module.stdout.startswith("qlbreak ")
    german = subprocess.run(
        [bin_dir / "qlbreak", "--help"],
        capture_output=True,
        text=True,
        env={**env, "LANG": "de_DE.UTF-8"},
        check=True,
        cwd=tmp_path,
    )
    assert german.stdout.startswith("Aufruf: qlbreak"), german.stdout[:200]
    opens = "from PIL import Image; from qlbreak.storage.paths import assets_dir; a = assets_dir(); "
    opens += "Image.open(a / 'stretches' / 'cat-cow@2x.png').load(); Image.open(a / 'tray-due.png').load(); print(a)"
    where = subprocess.run(
        [bin_dir / "python", "-c", opens],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=tmp_path,
    )
    assets = Path(where.stdout.strip())
    lean = subprocess.run(
        [bin_dir / "python", "-c", LEAN_IMPORT], capture_output=True, text=True, env=env, check=True, cwd=tmp_path
    )
    assert lean.stdout.strip() == "[]", "the window's process imports more than it needs to paint"
    assert (assets / "chime.wav").is_file(), "assets/ is not shipped in the wheel"
    assert not str(assets).startswith(str(ROOT)), "the installed package must not read from the checkout"
