"""The right side is shown as the left side's picture flipped left to right (issue 19,
item 6): the pictures are the user's mirror image, so "Right side: right arm up" shows
the arm on the viewer's right raised. tests/unit/test_sides.py checks the words against
the left picture and its flip; this checks the window really shows that flip."""

from __future__ import annotations

from PIL import Image, ImageOps

from qlbreak.storage.paths import assets_dir
from tests.gui.conftest import APP
from tests.gui.screen import PRESS, Screen, wait_until

STEP = 7  # pixels between samples: every line of the figure is crossed

# Tcl run inside the dialog, in one evaluation: press buttons by their words, one after
# the other (the walk is held still: no tick comes in between); and the picture as shown.
TCL = (
    PRESS
    + r"""
proc qlbreak_picture {step} {
    set label [lsearch -inline -glob [qlbreak_all .] *.illustration]
    set img [$label cget -image]
    if {$img eq ""} { return "" }
    set found [list [image width $img] [image height $img]]
    for {set y 0} {$y < [image height $img]} {incr y $step} {
        for {set x 0} {$x < [image width $img]} {incr x $step} { lappend found {*}[$img get $x $y] }
    }
    return $found
}
"""
)


def _shown(screen: Screen, *press: str) -> tuple[list[str], tuple[int, int], list[int]]:
    """Press these buttons, then read the texts and the picture, once it is drawn."""
    if press:
        screen.send(APP, TCL + "qlbreak_press " + " ".join("{" + p + "}" for p in press))
    found = wait_until(lambda: screen.send(APP, TCL + f"update idletasks; qlbreak_picture {STEP}"), 10, "the picture")
    values = [int(v) for v in screen.tk().tk.splitlist(found)]
    return screen.texts(APP), (values[0], values[1]), values[2:]


def _samples(image: Image.Image) -> list[int]:
    rgb = image.convert("RGB")
    return [c for y in range(0, rgb.height, STEP) for x in range(0, rgb.width, STEP) for c in rgb.getpixel((x, y))]


def test_the_right_side_shows_the_left_sides_picture_flipped(open_dialog, screen):
    d = open_dialog("standing-side-bend", "--demo")
    d.window("qlbreak \u2014 Standing side reach")
    screen.wait_text(APP, "^Start$")
    texts, size, left = _shown(screen, "Start", "I'm ready", "Pause")
    assert "Left side: left arm up, lean to the right" in texts, texts
    files = [assets_dir() / f"stretches/standing-side-bend{theme}.png" for theme in ("", "-dark")]
    pictures = []
    for file in files:
        with Image.open(file) as image:
            pictures.append(image.convert("RGB"))
    picture = next((p for p in pictures if p.size == size and _samples(p) == left), None)
    assert picture is not None, "the left side shows its picture as drawn"
    texts, _, right = _shown(screen, "Skip", "Skip", "Pause")  # to the switch, past it, held
    assert "Right side: right arm up, lean to the left" in texts, texts
    assert right == _samples(ImageOps.mirror(picture)) != left


def test_a_two_sided_stretch_says_the_picture_is_its_mirror(open_dialog, screen):
    from qlbreak.stretches.wording import MIRROR

    d = open_dialog("standing-side-bend", "--demo")
    d.window("qlbreak \u2014 Standing side reach")
    screen.wait_text(APP, "^Start$")
    texts, _, _ = _shown(screen, "Start")
    assert "Get into position" in texts and MIRROR in texts, texts


def test_a_stretch_without_sides_says_nothing_of_mirrors(open_dialog, screen):
    from qlbreak.stretches.wording import MIRROR

    d = open_dialog("seated-cat-cow", "--demo")
    d.window("qlbreak \u2014 Seated cat-cow")
    screen.wait_text(APP, "^Start$")
    texts, _, _ = _shown(screen, "Start")
    assert "Get into position" in texts and MIRROR not in texts, texts
