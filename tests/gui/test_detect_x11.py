"""qlbreak/edges/detect/x11.py on a real X server: Xvfb's idle counter, and a real
full-screen window under a real EWMH window manager (openbox)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from qlbreak.edges.detect.x11 import X11
from tests.gui.screen import TOOLS, Screen, end, require, wait_until

FULL_SCREEN_WINDOW = """
import sys, tkinter
root = tkinter.Tk(className="qlbreak-test-fullscreen")
root.title("presenting")
root.attributes("-fullscreen", True)
root.after(int(sys.argv[1]) * 1000, root.destroy)
root.mainloop()
"""


@pytest.fixture(scope="module")
def desktop() -> Iterator[Screen]:
    """A screen of its own with openbox on it (it would move the other tests' windows)."""
    require((*TOOLS, "openbox"), "window manager", "apt-get install xvfb xdotool x11-utils openbox")
    screen = Screen(Path(tempfile.mkdtemp(prefix="qlbreak-wm-"))).start()
    wm = subprocess.Popen(["openbox", "--sm-disable"], env=screen.env, stderr=subprocess.DEVNULL)
    try:
        detector = X11(screen.display)
        # a loaded machine (two cores, other suites beside) can take its time starting openbox
        wait_until(lambda: wm.poll() is not None or _answers(detector), 60, "openbox to take the screen")
        assert wm.poll() is None, f"openbox ended at its start (status {wm.returncode})"
        detector.close()
        yield screen
    finally:
        end(wm)
        screen.stop()


def _answers(detector: X11) -> bool:
    try:
        detector.full_screen()
    except Exception:  # noqa: BLE001 - not yet managed
        detector.close()
        return False
    return True


@pytest.fixture
def detector(desktop: Screen) -> Iterator[X11]:
    x11 = X11(desktop.display)
    yield x11
    x11.close()


def test_idle_time_grows_without_input_and_a_mouse_move_resets_it(desktop, detector):
    desktop.run("xdotool", "mousemove", "10", "10")
    time.sleep(1.3)  # idle time to measure: it only grows, so a slow machine waits longer, never less
    before = detector.idle_seconds()
    assert before >= 1.0
    desktop.run("xdotool", "mousemove", "200", "200")
    assert detector.idle_seconds() < before  # reset: it would have grown (however busy the machine)


def test_a_full_screen_window_is_seen_and_its_end_too(desktop, detector):
    assert detector.full_screen() is False
    window = subprocess.Popen([sys.executable, "-c", FULL_SCREEN_WINDOW, "60"], env=desktop.env)
    try:
        wait_until(detector.full_screen, 10, "the window to be full screen and active")
    finally:
        end(window)
    wait_until(lambda: detector.full_screen() is False, 10, "full screen to end")


def test_without_a_display_it_says_so():
    from qlbreak.edges.detect.facts import Unavailable

    with pytest.raises(Unavailable, match="no X display"):
        X11("").full_screen()
