"""The settings window and the welcome in the pseudo-locale (``test_pseudo_locale.py``)
under an organisation that locks every setting they show (issue 26): each field's
"Set by your organisation" line is one whole marked string, and every page still is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from qlbreak.core.words import Words
from qlbreak.storage.paths import default_paths
from qlbreak.ui import spec as ui_spec
from qlbreak.ui.locks import LOCKED
from tests.gui.pseudo_windows import Findings, an_organisation_locks, frame_of, say, seen
from tests.gui.screen import Screen
from tests.gui.test_pseudo_locale import child, pseudo_env, words  # noqa: F401 (fixtures)

SETTINGS, WELCOME = "qlbreak-settings", "qlbreak-welcome"
# the reminders, then snooze, the wait and the style; the floor, the things to hand, the
# stretches left out; the language, the colours, the two sounds, the check-in's two
LINES = {"reminders": 2, "stretches": 3, "general": 4, "programme": 0}


def test_settings_and_the_welcome_with_every_setting_locked(
    screen: Screen,
    child: Callable[..., None],  # noqa: F811
    words: Words,  # noqa: F811
    shots: Path,
) -> None:
    an_organisation_locks()
    found = Findings()
    paths = default_paths()
    locked = say(words, LOCKED)
    child("settings", ui_spec.settings("light", paths, True), SETTINGS)
    for tab in [p for p, _t in screen.widgets(SETTINGS) if ".tabs." in p]:
        screen.send(SETTINGS, tab, "invoke")
        shown = seen(screen, SETTINGS)
        found.look(f"settings, locked, {tab}", shown)
        # one line for each group of locked fields under one heading (the programme page shows none)
        assert shown.count(locked) == LINES[tab.rsplit(".", 1)[-1]], (tab, shown)
        screen.send(SETTINGS, "update")  # painted, before the screenshot reads the screen
        screen.screenshot(shots / f"pseudo-settings-locked-{tab.rsplit('.', 1)[-1]}.png", frame_of(screen, SETTINGS))
    child("welcome", ui_spec.settings("light", paths, True), WELCOME)
    shown = seen(screen, WELCOME)
    screen.screenshot(shots / "pseudo-welcome-locked.png", frame_of(screen, WELCOME))
    found.look("welcome, locked", shown)
    assert shown.count(locked) == 3, shown  # the floor, the things to hand, the reminders
    # the floor and the things to hand both the organisation's: the place presets nothing, so is not asked
    assert screen.send(WELCOME, ".welcome.places.place-home", "cget", "-state") == "disabled"
    found.check()
