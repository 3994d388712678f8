"""One's own stretch through the whole tray app: asked for by its id, the running
tray opens it with its picture; a file added while it runs is offered at the next
click, with no restart."""

from __future__ import annotations

from qlbreak.storage.paths import default_paths
from qlbreak.stretches.catalogue import load
from tests.e2e.test_tray import DIALOG, tk_title
from tests.gui.screen import wait_until
from tests.unit.test_own_stretches import GOOD, png


def test_the_running_tray_opens_ones_own_stretch_and_offers_one_added_while_it_runs(desktop, tray_app):
    folder = default_paths().config_file.parent / "stretches"
    folder.mkdir(parents=True)
    (folder / "physio.toml").write_text(GOOD.format(id="physio"))
    png(folder / "physio.png", 300, 200)
    everything = ", ".join(f'"{i}"' for i in [*sorted(load().ids), "physio"])
    desktop.run("xdotool", "mousemove", "600", "500")  # off where the icon docks: no window started ahead
    app = tray_app(settings=f"\n[stretches]\navoid = [{everything}]\n")  # nothing left for a click but a new one
    desktop.docked_icon()
    asked = app.qlbreak("stretch", "physio")
    assert asked.returncode == 0 and "running qlbreak" in asked.stdout
    assert (
        wait_until(lambda: tk_title(desktop, DIALOG), 15, "the stretch window") == "qlbreak \u2014 Physio side stretch"
    )
    image = wait_until(lambda: desktop.screen.send(DIALOG, ".walk.illustration", "cget", "-image"), 10, "its picture")
    assert desktop.screen.send(DIALOG, "image", "width", image) == "300"
    desktop.screen.send(DIALOG, "event", "generate", ".", "<Escape>")
    wait_until(lambda: tk_title(desktop, DIALOG) is None, 30, "the window to close")

    (folder / "second.toml").write_text(GOOD.format(id="second").replace("Physio side stretch", "Second one"))
    desktop.click_icon(desktop.docked_icon())
    assert wait_until(lambda: tk_title(desktop, DIALOG), 15, "the stretch window") == "qlbreak \u2014 Second one"
    assert "second.png" in app.log()  # its missing picture: a warning in the log, the stretch shown without one
