"""Everything qlbreak creates is the user's alone: no file or folder it makes can be
read by another user (what someone stretched, and that it hurt, is private); files an
older qlbreak left open are closed at the next start."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from qlbreak.core.schedule import WEEKDAYS
from qlbreak.storage.paths import default_paths
from tests.gui.screen import wait_until

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
OPEN = 0o022  # the usual umask: what qlbreak must not rely on


def run(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qlbreak", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env=env,
        umask=OPEN,
    )


def headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return env | {"DBUS_SESSION_BUS_ADDRESS": "disabled:", "PATH": "/usr/bin:/bin"}


def everything_under(*roots: Path) -> list[Path]:
    found = []
    for root in roots:
        if root.exists():
            found.append(root)
            found += sorted(root.rglob("*"))
    return found


def open_to_others(paths: list[Path]) -> list[str]:
    return [f"{stat.filemode(p.lstat().st_mode)} {p}" for p in paths if p.lstat().st_mode & 0o077]


def start_tray_until(ready: Path) -> None:
    """The tray with a reminder due two minutes ago: it fires, writes its history,
    state, log and socket; then it is stopped."""
    due = datetime.now(UTC) - timedelta(minutes=2)
    paths = default_paths()
    paths.config_file.write_text(
        f'[schedule]\ntimezone = "UTC"\n[[reminder]]\nname = "now"\ntime = "{due:%H:%M}"\n'
        f'days = ["{WEEKDAYS[due.weekday()]}"]\n'
    )
    app = subprocess.Popen([sys.executable, "-m", "qlbreak"], env=headless_env(), stderr=subprocess.DEVNULL, umask=OPEN)
    try:
        wait_until(lambda: ready.exists() and paths.state_file.exists(), 20, "the tray's files")
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=10)


def test_every_file_and_folder_qlbreak_creates_is_private(private_home):
    paths = default_paths()
    run("config", "--init")
    run("autostart", "on")
    run("history")
    start_tray_until(paths.runtime_dir / "qlbreak.sock")
    remember = "from qlbreak.ui.safety import remember; import sys; remember(sys.argv[1], 'UTC')"
    subprocess.run([sys.executable, "-c", remember, str(paths.safety_file)], check=True, timeout=60, umask=OPEN)
    made = everything_under(paths.config_dir, paths.data_dir, paths.state_dir, paths.runtime_dir)
    names = {p.name for p in made}
    assert {"config.toml", "instance.key", "history.db", "state.json", "qlbreak.log", "safety-accepted"} <= names
    assert open_to_others(made) == []
    autostart = private_home / ".config" / "autostart" / "qlbreak.desktop"
    assert autostart.exists() and open_to_others([autostart]) == []


def test_files_an_older_qlbreak_left_open_are_closed_at_start(private_home):
    paths = default_paths()
    run("history")  # makes the folder and the database
    for folder in (paths.data_dir,):
        os.chmod(folder, 0o755)
    os.chmod(paths.history_db, 0o644)
    paths.state_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(paths.state_dir, 0o755)
    paths.log_file.write_text("an old log\n")
    os.chmod(paths.log_file, 0o644)
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    start_tray_until(paths.runtime_dir / "qlbreak.sock")
    assert open_to_others([paths.data_dir, paths.history_db, paths.state_dir, paths.log_file]) == []
