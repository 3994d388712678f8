"""Spoken cues on the settings' General page (issue 24): a check box, off by default,
with a line saying what it does; clicked for real, Save writes it into the file in
place."""

from __future__ import annotations

from qlbreak.storage import config
from qlbreak.storage.paths import default_paths
from qlbreak.ui.settings_sound import SPOKEN, SPOKEN_SAYS
from tests.gui.screen import wait_until
from tests.gui.test_settings import IDS, SETTINGS, window  # noqa: F401 (a fixture)

GENERAL = ".settings.body.generalpage"
MINE = """\
# Mine.
[dialog]
sound = false   # an open-plan office
"""


def test_spoken_cues_are_off_until_ticked_and_then_saved(screen, window, shots):  # noqa: F811
    path = default_paths().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MINE)
    w = window()
    w.key("alt+3")
    box = f"{GENERAL}.spoken_cues"
    wait_until(lambda: screen.send(SETTINGS, "winfo", "ismapped", box) == "1", 5, "the General page")
    assert screen.send(SETTINGS, box, "cget", "-text") == SPOKEN
    assert screen.send(SETTINGS, f"{GENERAL}.spokensays", "cget", "-text") == SPOKEN_SAYS
    variable = screen.send(SETTINGS, box, "cget", "-variable")
    assert screen.send(SETTINGS, "set", variable) == "0"  # off by default
    screen.click_widget(SETTINGS, box)
    wait_until(lambda: screen.send(SETTINGS, "set", variable) == "1", 5, "the box to be ticked")
    screen.send(SETTINGS, "update idletasks")  # drawn before the picture is taken
    screen.screenshot(shots / "settings-spoken-cues.png", w.wid)
    screen.press(SETTINGS, "Save")
    assert w.exited() == 0, w.output()
    assert path.read_text() == MINE + "spoken_cues = true\n"
    loaded = config.load(path, IDS)
    assert not loaded.problems and (loaded.config.sound, loaded.config.spoken_cues) == (False, True)
