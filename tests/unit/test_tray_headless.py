"""``qlbreak`` where no tray can exist (no display at all): one clear message, and the
reminder still arrives as a notification (a stand-in notify-send records it)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from qlbreak.core.schedule import WEEKDAYS
from tests.gui.screen import wait_until

DAYS = WEEKDAYS


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="notify-send is plyer's Linux path")
def test_without_a_display_reminders_come_as_notifications(tmp_path, private_home):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "notify-send.calls"
    fake = bin_dir / "notify-send"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> {calls}\n')
    fake.chmod(0o755)
    due = datetime.now(UTC) - timedelta(minutes=2)  # inside the grace window: shown at start
    config = private_home / ".config" / "qlbreak" / "config.toml"
    config.parent.mkdir(parents=True)
    reminder = f'[[reminder]]\nname = "now"\ntime = "{due:%H:%M}"\ndays = ["{DAYS[due.weekday()]}"]\n'
    config.write_text(f'[schedule]\ntimezone = "UTC"\n\n{reminder}')
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env |= {"PATH": f"{bin_dir}:/usr/bin:/bin", "DBUS_SESSION_BUS_ADDRESS": "disabled:"}
    app = subprocess.Popen(
        [sys.executable, "-m", "qlbreak"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_until(lambda: calls.exists() and "Time for a stretch" in calls.read_text(), 20, "the notification")
        time.sleep(0.5)
        app.send_signal(signal.SIGTERM)
        _out, err = app.communicate(timeout=10)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0
    assert "no tray icon: there is no graphical session (DISPLAY is not set)" in err
    assert err.count("no tray icon") == 1
    assert "-a qlbreak" in calls.read_text()
    assert Path(private_home / ".local" / "state" / "qlbreak" / "qlbreak.log").exists()
