"""GUI tests run on a private Xvfb screen; without the tools they skip, except in CI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from qlbreak.storage.paths import default_paths
from tests.gui.screen import TOOLS, Screen, end, require

ROOT = Path(__file__).resolve().parents[2]
APP = "qlbreak-dialog"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def screen() -> Iterator[Screen]:
    yield from _screen(dpi=96)


@pytest.fixture(scope="session")
def hidpi_screen() -> Iterator[Screen]:
    """A 200% display (192 dpi), where the window should use the @2x pictures."""
    yield from _screen(dpi=192, size=(2560, 1600))


def _screen(dpi: int, size: tuple[int, int] = (1280, 800)) -> Iterator[Screen]:
    require(TOOLS, "GUI", "apt-get install xvfb xdotool x11-utils")
    workdir = Path(tempfile.mkdtemp(prefix="qlbreak-screen-"))
    s = Screen(workdir, app=APP, size=size, dpi=dpi).start()
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture(scope="session")
def shots() -> Path:
    """Screenshots of every state: CI keeps artifacts/screenshots; QLBREAK_UPDATE_DOCS=1
    writes them to docs/screenshots instead, for the README."""
    docs = os.environ.get("QLBREAK_UPDATE_DOCS") == "1"
    path = ROOT / "docs" / "screenshots" if docs else ROOT / "artifacts" / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


def no_checkin() -> None:
    """Switch the morning check-in off in the config the next window reads (appended to
    what the test wrote there), so a window opens on its stretch; the check-in's own
    tests (test_checkin.py) leave it on."""
    config = default_paths().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    text = config.read_text() if config.exists() else ""
    if "[checkin]" not in text:
        config.write_text(text + ("\n" if text and not text.endswith("\n") else "") + "[checkin]\nask = false\n")


class Dialog:
    """One `qlbreak stretch` process on the test screen (``checkin``: leave the morning
    check-in on, as a new user has it)."""

    def __init__(self, screen: Screen, args: list[str], log: Path, checkin: bool = False) -> None:
        self.screen, self.log = screen, log
        if not checkin:
            no_checkin()
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "qlbreak", "stretch", *args],
                env={**screen.env, "PYTHONDONTWRITEBYTECODE": "1"},
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
            )

    def window(self, title: str) -> int:
        return self.screen.wait_window(title)

    def exited(self, timeout: float = 10) -> int:
        return self.proc.wait(timeout=timeout)

    def stop(self) -> None:
        end(self.proc)


@pytest.fixture
def open_dialog(screen: Screen, tmp_path: Path) -> Iterator:
    started: list[Dialog] = []

    def start(*args: str, safety_done: bool = True, checkin: bool = False) -> Dialog:
        if safety_done:
            path = default_paths().safety_file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("2026-11-25T09:00:00+00:00\n")
        d = Dialog(screen, list(args), tmp_path / f"dialog-{len(started)}.log", checkin=checkin)
        started.append(d)
        return d

    yield start
    for d in started:
        d.stop()


def history() -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "qlbreak", "history", "--json"], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(out.stdout)
