"""Every stretch, every step, at 100% and at 200%: the buttons, the Safety link and the
key hints are inside the window (a long caution grows the window instead of hiding
them), and Return goes on while Space pauses, whatever has the focus.

Every exercise (done in sets) too, light and dark: all of them in this test's own
process, one window after the other, pressed through in Tk's own calls (a window
process each would add minutes to CI)."""

from __future__ import annotations

import pytest

from qlbreak.storage.config import Config
from qlbreak.storage.paths import default_paths
from qlbreak.stretches.catalogue import load
from tests.gui.conftest import APP, Dialog
from tests.gui.exercise_walk import walk_exercise, walk_levels
from tests.gui.screen import PRESS, Screen, wait_until

CATALOGUE = load()
STRETCHES = sorted(s.id for s in CATALOGUE if not s.strengthens)
EXERCISES = sorted(s.id for s in CATALOGUE if s.strengthens)


# Tcl run inside the dialog, each in one evaluation, so that no tick, redraw or resize
# of its own comes in between: what the test reads is one state of the window.
#
# qlbreak_layout: the window's bottom edge, then for the buttons and the Safety link
# their path, whether mapped, height, wanted height and bottom edge.
# qlbreak_press: press buttons by their words, one after the other. A walk is held still
# this way where a demo speed would race the test: a hold lasts 1 s at --speed 60, a
# switch 83 ms, and a late tick carries a hold's overflow past it.
TCL = (
    PRESS
    + r"""
proc qlbreak_layout {} {
    set found [list [expr {[winfo rooty .] + [winfo height .]}]]
    foreach w [qlbreak_all .walk] {
        if {$w eq ".walk.buttons" || [string match *.safety $w]} {
            set h [winfo height $w]
            lappend found $w [winfo ismapped $w] $h [winfo reqheight $w] [expr {[winfo rooty $w] + $h}]
        }
    }
    return $found
}
"""
)


def _check(screen: Screen, layout: str) -> None:
    """The window's bottom edge is below the footer and the buttons."""
    bottom, *found = screen.tk().tk.splitlist(layout)
    rows = [found[i : i + 5] for i in range(0, len(found), 5)]
    assert len(rows) == 2, rows
    for path, mapped, height, wanted, low in rows:
        # pack squeezes what does not fit to nothing, or leaves it unmapped: both are "cut off"
        assert mapped == "1", f"{path} is not on screen"
        assert int(height) >= int(wanted), f"{path} is cut to {height} of its {wanted} pixels"
        assert int(low) <= int(bottom), f"{path} ends at {low}, below the window's bottom at {bottom}"


def _inside(screen: Screen) -> None:
    """Checked once the dialog has laid out what it has to (after a key it handled)."""
    _check(screen, screen.send(APP, TCL + "update idletasks; qlbreak_layout"))


def _press(screen: Screen, *labels: str) -> list[str]:
    """Press the buttons in the dialog's own event loop, and check the layout as the
    last press leaves it (a window that grows has its new size before the press
    returns); what it shows then."""
    pressed = " ".join("{" + label + "}" for label in labels)
    _check(screen, screen.send(APP, TCL + f"qlbreak_press {pressed}; qlbreak_layout"))
    return screen.texts(APP)


def _walk_every_step(screen: Screen, stretch_id: str, log) -> None:
    safety = default_paths().safety_file
    safety.parent.mkdir(parents=True, exist_ok=True)
    safety.write_text("2026-12-01T09:00:00+00:00\n")
    stretch = CATALOGUE.get(stretch_id)
    assert stretch is not None
    stretch = stretch.for_equipment(Config().prefs.equipment)  # as shown to the default settings: a door frame
    d = Dialog(screen, [stretch_id, "--demo", "--speed", "60"], log)
    try:
        wid = d.window(f"qlbreak \u2014 {stretch.name}")
        screen.wait_text(APP, "^Start$")
        _inside(screen)
        screen.key(wid, "Return")
        screen.wait_text(APP, "^Get into position$")
        _inside(screen)
        # Each timed step held still: see TCL.
        texts = _press(screen, "I'm ready", "Pause")
        assert "Resume" in texts and "Space resume · → skip · Esc stop" in texts, texts
        if stretch.two_sided:
            assert any(t.startswith("Left side") for t in texts), texts
        elif stretch.reps:  # a rep lasts ~60 ms at --speed 60: drawing the screen may take one
            assert any(t.startswith("Rep ") and " of " in t for t in texts), texts
        screen.key(wid, "Return")  # neither resumes nor ends a hold
        assert _press(screen) == texts  # nothing pressed: read once the key is handled
        if stretch.two_sided:
            texts = _press(screen, "Skip", "Pause")
            assert "Switch sides" in texts and "Resume" in texts, texts
        screen.key(wid, "space")  # resumed: it runs to its end
        screen.wait_text(APP, "^How did that feel\\?$", timeout=30)
        _inside(screen)
        screen.key(wid, "2")
        screen.wait_text(APP, "^Close$")
        _inside(screen)
        screen.key(wid, "Return")
        assert d.exited() == 0
    finally:
        d.stop()


@pytest.mark.parametrize("stretch_id", STRETCHES)
def test_every_step_shows_its_footer_at_100_percent(screen, tmp_path, stretch_id):
    _walk_every_step(screen, stretch_id, tmp_path / "dialog.log")


@pytest.mark.parametrize("stretch_id", STRETCHES)
def test_every_step_shows_its_footer_at_200_percent(hidpi_screen, tmp_path, stretch_id):
    _walk_every_step(hidpi_screen, stretch_id, tmp_path / "dialog.log")


def test_return_on_any_button_goes_on_and_space_on_any_button_pauses(screen, tmp_path):
    d = Dialog(screen, ["seated-twist", "--demo", "--speed", "2"], tmp_path / "dialog.log")
    safety = default_paths().safety_file
    safety.parent.mkdir(parents=True, exist_ok=True)
    safety.write_text("ok\n")
    try:
        wid = d.window("qlbreak \u2014 Seated twist")
        screen.wait_text(APP, "^Start$")
        screen.key(wid, "Tab", "Tab")  # the focus on "Not now"
        wait_until(lambda: screen.send(APP, "focus").endswith("not_now"), 5, "Not now to have the focus")
        screen.key(wid, "Return")
        screen.wait_text(APP, "^Get into position$")  # went on: did not close
        screen.key(wid, "Return")
        screen.wait_text(APP, "^Skip$")
        assert "Space pause · → skip · Esc stop" in screen.texts(APP)
        screen.key(wid, "Return")  # a running hold (15 s here): neither paused nor ended
        texts = screen.texts(APP)  # read once the key is handled
        assert "Pause" in texts and "Skip" in texts and "Resume" not in texts, texts
        screen.key(wid, "Tab")  # the focus on Skip
        screen.key(wid, "space")
        screen.wait_text(APP, "^Resume$")  # paused, did not skip
        texts = screen.texts(APP)
        assert "Space resume · → skip · Esc stop" in texts, texts
        # still the first side's hold ("Left side: ..."): a skip would show "Switch sides"
        assert any(t.startswith("Left side") for t in texts) and "Switch sides" not in texts, texts
    finally:
        d.stop()


def test_every_exercise_every_step_light_and_dark_at_100_percent(screen):
    assert len(EXERCISES) >= 8, EXERCISES
    for stretch_id in EXERCISES:
        for theme in ("light", "dark"):
            walk_exercise(screen.display, stretch_id, theme)
        walk_levels(screen.display, stretch_id, "light")  # the versions: their words (a theme changes only colours)


def test_every_exercise_every_step_light_and_dark_at_200_percent(hidpi_screen):
    for stretch_id in EXERCISES:
        for theme in ("light", "dark"):
            walk_exercise(hidpi_screen.display, stretch_id, theme)
        walk_levels(hidpi_screen.display, stretch_id, "light")
