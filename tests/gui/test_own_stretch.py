"""The user's own stretch on a real X server: the settings' stretch list shows it
marked as their own, with its picture (and says which file is left out for a
mistake), and the stretch window walks it (both sides) with that picture, shrunk to fit."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from qlbreak.storage.paths import default_paths
from tests.gui.conftest import APP, ROOT, history
from tests.gui.screen import Screen, wait_until
from tests.gui.test_settings import SETTINGS, window  # noqa: F401 (the fixture)
from tests.unit.test_own_stretches import GOOD

ROW = ".settings.body.stretchespage.stretchlist.canvas.rows.physio"


def physio_folder() -> Path:
    """A physiotherapist's stretch in the stretches folder, with a large photo-sized
    picture (a shipped drawing blown up three times: 1080 x 720)."""
    folder = default_paths().config_file.parent / "stretches"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "physio.toml").write_text(GOOD.format(id="physio"))
    with Image.open(ROOT / "assets" / "stretches" / "standing-side-bend.png") as drawn:
        first = drawn.convert("RGB").crop((0, 0, drawn.height * 3 // 2, drawn.height))
        first.resize((1080, 720)).save(folder / "physio.png")
    return folder


def test_the_settings_list_shows_ones_own_stretch_marked_with_its_picture(screen: Screen, window, shots):  # noqa: F811
    folder = physio_folder()
    (folder / "broken.toml").write_text(GOOD.format(id="broken").replace('"standing"', '"upside-down"'))
    w = window()
    w.key("alt+2")
    said = screen.send(SETTINGS, ".settings.body.stretchespage.ownmistakes", "cget", "-text")
    assert said.startswith("One of your own stretches is left out for a mistake: broken.toml line 5: position")
    wait_until(lambda: screen.send(SETTINGS, f"{ROW}.name", "cget", "-text"), 5, "the own stretch's row")
    assert screen.send(SETTINGS, f"{ROW}.name", "cget", "-text") == "Physio side stretch (your own)"
    wait_until(lambda: screen.send(SETTINGS, f"{ROW}.why", "cget", "-text").startswith("In your rotation"), 5, "why")
    picture = screen.tk().tk.splitlist(screen.send(SETTINGS, "winfo", "children", ROW))[0]
    thumb = wait_until(lambda: screen.send(SETTINGS, picture, "cget", "-image"), 10, "the thumbnail")
    assert int(screen.send(SETTINGS, "image", "width", thumb)) <= 72  # shrunk to the row, as the shipped ones
    screen.send(SETTINGS, "event", "generate", f"{ROW}.leaveout", "<FocusIn>")  # scrolled into view
    canvas = ".settings.body.stretchespage.stretchlist.canvas"
    top = lambda: float(screen.tk().tk.splitlist(screen.send(SETTINGS, canvas, "yview"))[0])  # noqa: E731
    wait_until(lambda: top() > 0, 5, "the row scrolled into view")
    screen.send(SETTINGS, "update")  # the rows drawn where they scrolled to, before the picture of it
    screen.screenshot(shots / "settings-own-stretch.png", w.wid)
    w.key("Escape")
    assert w.exited() == 0


def test_the_stretch_window_walks_ones_own_stretch_with_its_picture(screen: Screen, open_dialog, shots):
    physio_folder()
    d = open_dialog("physio", "--speed", "2")
    wid = d.window("qlbreak \u2014 Physio side stretch")
    image = wait_until(lambda: screen.send(APP, ".walk.illustration", "cget", "-image"), 10, "the picture")
    assert (int(screen.send(APP, "image", "width", image)), int(screen.send(APP, "image", "height", image))) == (
        360,
        240,
    )  # 1080 x 720 shrunk to the window's 360 x 240
    screen.screenshot(shots / "own-stretch-1-intro.png", wid)
    screen.press(APP, "Start")
    screen.wait_text(APP, "^Get into position$")
    screen.key(wid, "Return")
    screen.wait_text(APP, "^Left side: left arm up, lean to the right$")
    screen.screenshot(shots / "own-stretch-2-left.png", wid)
    screen.key(wid, "Right")
    screen.wait_text(APP, "^Right side: right arm up, lean to the left$", timeout=15)
    mirrored = screen.send(APP, ".walk.illustration", "cget", "-image")
    assert mirrored and mirrored != image  # the right side's picture is the mirrored copy
    screen.press(APP, "Skip")
    screen.wait_text(APP, "^How did that feel\\?$")
    screen.press(APP, "Better")
    screen.key(wid, "Return")  # Close
    assert d.exited() == 0
    assert [(e["stretch"], e["feeling"]) for e in history()["events"]] == [("physio", "better")]
