"""Every stretch, every step, at 100% and at 200%: the buttons, the Safety link and the
key hints are inside the window (a long caution grows the window instead of hiding
them), and Return goes on while Space pauses, whatever has the focus."""

from __future__ import annotations

import pytest

from qlbreak.storage.config import Config
from qlbreak.storage.paths import default_paths
from qlbreak.stretches.catalogue import load
from tests.gui.conftest import APP, Dialog
from tests.gui.screen import Screen, wait_until

CATALOGUE = load()


def _inside(screen: Screen) -> None:
    """The window's bottom edge is below the footer and the buttons."""
    top = int(screen.send(APP, "winfo", "rooty", "."))
    bottom = top + int(screen.send(APP, "winfo", "height", "."))
    paths = [".walk.buttons", *(p for p, _ in screen.widgets(APP) if p.endswith(".safety"))]
    assert len(paths) == 2, paths
    for path in paths:
        # pack squeezes what does not fit to nothing, or leaves it unmapped: both are "cut off"
        assert screen.send(APP, "winfo", "ismapped", path) == "1", f"{path} is not on screen"
        height, wanted = (int(screen.send(APP, "winfo", k, path)) for k in ("height", "reqheight"))
        assert height >= wanted, f"{path} is cut to {height} of its {wanted} pixels"
        low = int(screen.send(APP, "winfo", "rooty", path)) + height
        assert low <= bottom, f"{path} ends at {low}, below the window's bottom at {bottom}"


# Tcl run inside the dialog: press its buttons, by their words, one after the other in
# one go. A two-sided walk is held still this way where a demo speed would race the
# test: its switch lasts 5 s / 60 = 83 ms, and a late tick carries a hold's overflow
# past it.
PRESS = r"""
proc qlbreak_all {w} {
    set found [list $w]
    foreach c [winfo children $w] { lappend found {*}[qlbreak_all $c] }
    return $found
}
proc qlbreak_text {w} { if {[catch {$w cget -text} t]} { return "" }; return $t }
proc qlbreak_press {args} {
    foreach label $args {
        set all [qlbreak_all .]
        [lindex $all [lsearch -exact [lmap w $all { qlbreak_text $w }] $label]] invoke
    }
}
"""


def _press(screen: Screen, *labels: str) -> list[str]:
    """Press the buttons in the dialog's own event loop; what it shows then."""
    screen.send(APP, PRESS + "qlbreak_press " + " ".join("{" + label + "}" for label in labels))
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
        if stretch.two_sided:  # each step held still: see PRESS
            texts = _press(screen, "I'm ready", "Pause")
            assert "Resume" in texts and any(t.startswith("Left side") for t in texts), texts
            _inside(screen)
            screen.key(wid, "Return")  # neither resumes nor ends a hold
            assert _press(screen) == texts  # nothing pressed: read once the key is handled
            texts = _press(screen, "Skip", "Pause")
            assert "Switch sides" in texts and "Resume" in texts, texts
            _inside(screen)
            screen.key(wid, "space")
        else:
            screen.key(wid, "Return")
            screen.wait_text(APP, "^(Rep 1|Walk)" if stretch.reps else ".")
            _inside(screen)
            screen.key(wid, "Return")  # never pauses a hold
            assert "Resume" not in screen.texts(APP)
        screen.wait_text(APP, "^How did that feel\\?$", timeout=30)
        _inside(screen)
        screen.key(wid, "2")
        screen.wait_text(APP, "^Close$")
        _inside(screen)
        screen.key(wid, "Return")
        assert d.exited() == 0
    finally:
        d.stop()


@pytest.mark.parametrize("stretch_id", sorted(CATALOGUE.ids))
def test_every_step_shows_its_footer_at_100_percent(screen, tmp_path, stretch_id):
    _walk_every_step(screen, stretch_id, tmp_path / "dialog.log")


@pytest.mark.parametrize("stretch_id", sorted(CATALOGUE.ids))
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
        screen.key(wid, "Tab")  # the focus on Skip
        screen.key(wid, "space")
        screen.wait_text(APP, "^Resume$")  # paused, did not skip
        assert "Left side" in screen.texts(APP) or "Switch sides" not in screen.texts(APP)
    finally:
        d.stop()
