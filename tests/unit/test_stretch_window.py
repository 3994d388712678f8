"""The window's process: its snapshot, its imports, and bad snapshots."""

from __future__ import annotations

import json
import subprocess
import sys

from qlbreak.storage.config import Config
from qlbreak.storage.paths import default_paths
from qlbreak.stretches.catalogue import load
from qlbreak.ui import spec as launch
from qlbreak.ui import stretch as window


def test_a_snapshot_round_trips_to_the_same_stretch():
    stretch = load().get("cat-cow")
    spec = json.loads(json.dumps(launch.snapshot(stretch, Config(), default_paths(), 2.0)))
    assert window.stretch_from(spec["stretch"]) == stretch
    assert set(window.SNAPSHOT_KEYS) <= set(spec)
    assert spec["workdays"] == [0, 1, 2, 3, 4] and spec["speed"] == 2.0


HEAVY = ("sqlite3", "pathlib", "tomllib", "platformdirs", "zoneinfo", "argparse", "PIL", "logging", "subprocess")
LEAN_IMPORT = (
    "import sys\n"
    "before = set(sys.modules)\n"
    "import qlbreak.ui.stretch, qlbreak.ui.dialog, qlbreak.ui.walkthrough, qlbreak.stretches.catalogue\n"
    f"print(sorted(set({HEAVY!r}) & (set(sys.modules) - before)))\n"
)


def test_the_window_imports_only_what_it_needs_to_paint():
    # What the interpreter loaded before (an editable install's import hook pulls in
    # pathlib) does not count; tests/packaging checks the installed wheel as well.
    out = subprocess.run([sys.executable, "-c", LEAN_IMPORT], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_bad_snapshot_is_one_clear_line(tmp_path, capsys):
    path = tmp_path / "s.json"
    path.write_text('{"stretch": {}}')
    assert window.main([str(path)]) == 2
    assert "not a window snapshot: missing theme" in capsys.readouterr().err
    assert window.main([]) == 2
