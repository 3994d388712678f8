"""The stretch window's process: its spec, its imports, and bad specs."""

from __future__ import annotations

import json
import subprocess
import sys

from qlbreak.storage.config import Config
from qlbreak.storage.paths import default_paths
from qlbreak.stretches.catalogue import Stretch, load
from qlbreak.ui import spec
from qlbreak.ui import stretch as window


def test_a_spec_round_trips_to_the_same_stretch():
    stretch = load().get("cat-cow")
    assert stretch is not None
    told = json.loads(json.dumps(spec.stretch(stretch, Config(), default_paths(), "dark", 2.0)))
    assert Stretch.from_spec(told["stretch"]) == stretch
    assert set(spec.WINDOWS["stretch"][1]) <= set(told)
    assert told["workdays"] == [0, 1, 2, 3, 4] and told["speed"] == 2.0 and told["theme"] == "dark"
    assert told["checkin"] is True and told["tighter"] == 1.5  # the check-in asked; the tighter side's factor
    off = spec.stretch(stretch, Config(checkin=False, tighter=2.0), default_paths(), "dark")
    assert off["checkin"] is False and off["tighter"] == 2.0


# What the window must never pay for on its way to the screen: the history's sqlite3,
# the pictures' PIL, the tray's pystray and plyer; and what only loading files needs.
HEAVY = ("sqlite3", "PIL", "pystray", "plyer", "pathlib", "tomllib", "platformdirs", "zoneinfo", "argparse", "logging")
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


LOOK = (
    "import sys\n"
    "import qlbreak.ui.stretch, qlbreak.ui.dialog, qlbreak.ui.walkthrough\n"
    "before = set(sys.modules)\n"
    "from qlbreak.ui.lately import look\n"
    "print(look(sys.argv[1], True)[0])\n"
    "print(sorted({'zoneinfo', 'qlbreak.storage.history', 'qlbreak.clock'} & (set(sys.modules) - before)))\n"
)


def test_the_check_ins_look_before_the_first_screen_loads_no_history_module_or_zone_data(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", LOOK, str(tmp_path / "history.db")], capture_output=True, text=True, check=True
    )
    assert out.stdout.split("\n")[:2] == ["True", "[]"]


def test_a_bad_spec_is_one_clear_line(capsys):
    assert window.main(['{"stretch": {}}']) == 2
    assert "the stretch window was started wrongly: missing theme" in capsys.readouterr().err
    assert window.main([]) == 2
    assert window.main(["[1, 2]"]) == 2
    assert "not a JSON object" in capsys.readouterr().err
