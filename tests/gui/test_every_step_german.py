"""Every stretch and every exercise, every step, in German at 100% and at 200%, light
and dark: nothing cut, past the window's edge or on top of another, and every word a
person sees in German (none of the English it came from left behind)."""

from __future__ import annotations

import pytest

from qlbreak.core.words import ENGLISH, using
from qlbreak.language.catalogues import load as load_language
from qlbreak.stretches import translated
from qlbreak.stretches.catalogue import load
from tests.gui.language_walk import walk_in

CATALOGUE = load()
GERMAN = load_language("de")


def _english_left(where: str, texts: list[str]) -> None:
    """No text shown is an English msgid the German catalogue translates differently:
    a string that missed the catalogue on its way to the screen."""
    with using(ENGLISH):
        english = {s.name for s in CATALOGUE} | {s.summary for s in CATALOGUE}
    translated_names = {translated.stretch(s).name for s in CATALOGUE}
    left = [t for t in texts if t in english and t not in translated_names]
    assert left == [], f"{where}: English left: {left}"
    for english in ("Start", "Not now", "Skip", "Resume", "Close", "How did that feel?", "Better", "Easy"):
        assert english not in texts, f"{where}: {english!r} in {texts}"
    assert not any(t.startswith(("Set 1 of", "Left side", "Rest ·")) for t in texts), f"{where}: {texts}"


def _walk_all(display: str) -> int:
    assert GERMAN.code == "de", "the German catalogue is not compiled (python -m qlbreak.language.compile)"
    steps = 0

    def look(where: str, texts: list[str]) -> None:
        nonlocal steps
        steps += 1
        with using(GERMAN):
            _english_left(where, texts)

    for stretch in CATALOGUE:
        for theme in ("light", "dark") if stretch.strengthens else ("light",):
            walk_in(GERMAN, display, stretch, theme, look)
    walk_in(GERMAN, display, CATALOGUE.get("seated-side-bend"), "light", look, hurt=True)  # the warning signs
    return steps


@pytest.mark.parametrize("scale", ["100%", "200%"])
def test_every_step_of_every_stretch_in_german(request, scale):
    screen = request.getfixturevalue("screen" if scale == "100%" else "hidpi_screen")
    assert _walk_all(screen.display) > 200
