"""The morning check-in's settings on the General page (issue 22): asking it, and how
much longer the tighter side is held. Clicked for real on a real X server; Save writes
the file in place, its comments kept."""

from __future__ import annotations

from qlbreak.storage import config
from qlbreak.storage.paths import default_paths
from tests.gui.screen import wait_until
from tests.gui.test_settings import IDS, SETTINGS, window  # noqa: F401 (a fixture)

GENERAL = ".settings.body.generalpage"
MINE = """\
# My own settings, by hand.
[dialog]
sound = false   # an open-plan office

# the morning questions
[checkin]
ask = true   # yes, ask me
"""


def shown(screen, path: str) -> bool:
    return screen.send(SETTINGS, "winfo", "ismapped", path) == "1"


def tabbed(w) -> set[str]:
    """The last part of each widget's name the keyboard focus reaches with Tab."""
    seen = set()
    for _ in range(20):
        w.key("Tab")
        seen.add(w.focus().rsplit(".", 1)[-1])
    return seen


def test_the_check_in_switched_off_and_the_tighter_side_held_twice_as_long_are_saved(screen, window, shots):  # noqa: F811
    path = default_paths().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MINE)
    w = window()
    w.key("alt+3")
    screen.wait_text(SETTINGS, "^Ask how my back is before the day's first stretch$")
    wait_until(lambda: shown(screen, f"{GENERAL}.checkin"), 5, "the General page")
    texts = screen.texts(SETTINGS)
    assert "Morning check-in" in texts and "Hold the tighter side longer" in texts
    assert [
        screen.send(SETTINGS, f"{GENERAL}.tighter.tighter-{n}", "cget", "-text") for n in ("same", "half", "twice")
    ] == ["The same", "Half as long again", "Twice as long"]
    assert screen.send(SETTINGS, "winfo", "exists", f"{GENERAL}.tighter.tighter-file") == "0"  # one of the three
    variable = screen.send(SETTINGS, f"{GENERAL}.tighter.tighter-half", "cget", "-variable")
    assert screen.send(SETTINGS, "set", variable) == "half"  # the default, 1.5
    screen.click_widget(SETTINGS, f"{GENERAL}.tighter.tighter-twice")
    wait_until(lambda: screen.send(SETTINGS, "set", variable) == "twice", 5, "Twice as long to be chosen")
    screen.send(SETTINGS, "update idletasks")  # drawn before the picture is taken
    screen.screenshot(shots / "settings-checkin.png", w.wid)

    assert {"checkin", "tighter-same", "tighter-half", "tighter-twice"} <= tabbed(w)  # each reached with Tab
    screen.click_widget(SETTINGS, f"{GENERAL}.checkin")  # off: the tighter side is then never named
    twice = f"{GENERAL}.tighter.tighter-twice"
    wait_until(lambda: screen.send(SETTINGS, twice, "cget", "-state") == "disabled", 5, "the choices to grey out")
    assert screen.send(SETTINGS, "set", variable) == "twice"  # kept for when it is asked again
    assert "checkin" in tabbed(w) and not {"tighter-same", "tighter-twice"} & tabbed(w)  # greyed: passed by
    screen.send(SETTINGS, "update idletasks")  # drawn before the picture is taken
    screen.screenshot(shots / "settings-checkin-off.png", w.wid)
    screen.press(SETTINGS, "Save")
    assert w.exited() == 0, w.output()
    written = path.read_text()
    assert written == MINE.replace("ask = true", "ask = false") + "tighter = 2.0\n"
    c = config.load(path, IDS)
    assert not c.problems and (c.config.checkin, c.config.tighter) == (False, 2.0)


def test_a_factor_the_choices_do_not_name_is_shown_and_kept_and_a_bad_one_is_noted(screen, window, shots):  # noqa: F811
    path = default_paths().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MINE.replace("ask = true", "tighter = 1.25"))
    w = window()
    w.key("alt+3")
    mine = f"{GENERAL}.tighter.tighter-file"
    wait_until(lambda: shown(screen, mine), 5, "the file's own factor as a choice")
    assert screen.send(SETTINGS, mine, "cget", "-text") == "1.25 times as long (from your file)"
    screen.press(SETTINGS, "Save")  # the check-in's factor as it was: the file too
    assert w.exited() == 0, w.output()
    assert path.read_text() == MINE.replace("ask = true", "tighter = 1.25")

    path.write_text(MINE.replace("ask = true", "tighter = 3"))
    w = window()
    w.key("alt+3")
    said = screen.wait_text(SETTINGS, "^Not understood")
    assert said == (
        "Not understood: config.toml line 7: tighter must be a number from 1.0 (held as long as the other side)"
        " to 2.0 (twice as long), not 3. qlbreak goes on with what is shown here."
    )
    variable = screen.send(SETTINGS, f"{GENERAL}.tighter.tighter-half", "cget", "-variable")
    assert screen.send(SETTINGS, "set", variable) == "half"  # the value in use: the default
    wait_until(lambda: shown(screen, f"{GENERAL}.tighternote"), 5, "the note by the choices")
    screen.send(SETTINGS, "update idletasks")  # drawn before the picture is taken
    screen.screenshot(shots / "settings-checkin-not-understood.png", w.wid)
    screen.press(SETTINGS, "Save")
    assert w.exited() == 0, w.output()
    assert path.read_text() == MINE.replace("ask = true", "tighter = 1.5")
