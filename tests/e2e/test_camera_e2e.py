"""A camera in use holds a reminder (issue 26), on the real desktop with the real /proc:
a program holds a video device open while a reminder falls due; the reminder waits,
and shows once when the camera is let go. ``[holds] camera = false`` lets it show.

The device is a stand-in: a plain file at a free ``/dev/video<N>`` (no v4l2loopback
module in a container), which the detector counts as it counts a real one; made as
root (here and in CI) and removed after.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_reminders import due_now, reminders_sent
from tests.gui.screen import end, wait_until
from tests.need import missing

HELD = "waiting until your camera is off"
HOLD_OPEN = "import sys; f = open(sys.argv[1], 'rb'); print('open', flush=True); sys.stdin.read()"


@pytest.fixture
def video_device() -> Iterator[Path]:
    """A stand-in ``/dev/video<N>`` at the highest free N from 63 down."""
    free = next((p for p in (Path(f"/dev/video{n}") for n in range(63, 31, -1)) if not p.exists()), None)
    if free is None:
        missing("no free /dev/video<N> for a stand-in device")
    try:
        free.write_bytes(b"")
    except PermissionError:
        missing("a stand-in /dev/video<N> needs root (the CI runs as root)")
    try:
        yield free
    finally:
        free.unlink(missing_ok=True)


@pytest.fixture
def camera_on(video_device: Path) -> Iterator[subprocess.Popen[str]]:
    """A program with the camera open, as a video call holds it: until its stdin closes."""
    argv = [sys.executable, "-c", HOLD_OPEN, str(video_device)]
    call = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert call.stdout is not None and call.stdout.readline() == "open\n"
        yield call
    finally:
        end(call)
        for pipe in (call.stdin, call.stdout):
            if pipe is not None:
                pipe.close()


def camera_off(call: subprocess.Popen[str]) -> None:
    assert call.stdin is not None
    call.stdin.close()
    call.wait(timeout=10)


def test_a_reminder_waits_while_a_camera_is_in_use_and_shows_once_when_it_is_off(desktop, tray_app, camera_on):
    seen = len(reminders_sent(desktop))
    app = tray_app(due_now())
    icon = desktop.docked_icon()
    wait_until(lambda: f"reminders held: {HELD}" in app.log(), 20, "the reminder held (the log)")
    wait_until(lambda: HELD in desktop.title(icon), 10, "the reminder held (the icon)")
    time.sleep(3)  # a look or more later: still held, nothing sent
    assert len(reminders_sent(desktop)) == seen
    status = app.qlbreak("status", "--json").stdout
    assert '"camera"' in status and HELD in status
    camera_off(camera_on)
    wait_until(lambda: len(reminders_sent(desktop)) == seen + 1, 15, "the reminder after the camera", interval=0.5)
    wait_until(lambda: HELD not in desktop.title(icon), 10, "the icon no longer waiting")
    time.sleep(4)  # more looks: it showed once, not again at each
    assert len(reminders_sent(desktop)) == seen + 1
    assert app.log().count(f"reminders held: {HELD}") == 1


def test_with_the_camera_switched_off_in_holds_the_reminder_shows_despite_it(desktop, tray_app, camera_on):
    seen = len(reminders_sent(desktop))
    app = tray_app(due_now(), settings="[holds]\ncamera = false\n")
    wait_until(lambda: len(reminders_sent(desktop)) == seen + 1, 20, "the reminder, camera or not", interval=0.5)
    assert "reminders held" not in app.log()
    assert camera_on.poll() is None  # the camera was on all along


def test_a_reminder_held_by_the_camera_shows_once_the_camera_is_switched_off_in_the_file(desktop, tray_app, camera_on):
    """The user whose camera is always on says so in config.toml while a reminder waits."""
    seen = len(reminders_sent(desktop))
    app = tray_app(due_now())
    wait_until(lambda: f"reminders held: {HELD}" in app.log(), 20, "the reminder held")
    config = app.paths.config_file
    config.write_text(config.read_text() + "\n[holds]\ncamera = false\n")
    wait_until(lambda: "settings changed: holds" in app.log(), 15, "the tray to read the switch")
    wait_until(lambda: len(reminders_sent(desktop)) == seen + 1, 15, "the reminder, camera or not", interval=0.5)
    assert camera_on.poll() is None
