"""A fault of qlbreak's own while Settings saves (issue 20 F: tomlkit's ParseError went
uncaught and Save did nothing): the window says so in plain words and stays open; the
traceback goes to stderr for the developer."""

from __future__ import annotations

import os

from qlbreak.storage.paths import default_paths
from tests.gui.conftest import ROOT
from tests.gui.test_settings import MINE, SETTINGS, window  # noqa: F401 (a fixture)

FAULT = """\
from qlbreak.storage import config_save


def save_changes(*args, **kwargs):
    raise RuntimeError("a fault planted by the test")


config_save.save_changes = save_changes
"""


def test_a_fault_while_saving_is_said_and_the_window_stays(screen, window, shots, tmp_path, monkeypatch):  # noqa: F811
    planted = tmp_path / "planted"
    planted.mkdir()
    (planted / "sitecustomize.py").write_text(FAULT)
    here = [str(planted), str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]  # this tree's qlbreak
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(here))
    path = default_paths().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MINE)
    w = window()
    screen.press(SETTINGS, "Save")
    said = screen.wait_text(SETTINGS, "^Not saved")
    assert said == (
        f"Not saved: qlbreak ran into a fault of its own while saving to {path} (not something you did). Try Save"
        " again; if it happens again, press Cancel and change the file in a text editor."
    )
    screen.screenshot(shots / "settings-fault-while-saving.png", w.wid)
    assert w.proc.poll() is None and path.read_text() == MINE  # the window stays; nothing written
    assert "RuntimeError: a fault planted by the test" in w.output() and "Traceback" in w.output()
