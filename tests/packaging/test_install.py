"""README's first command, ``./scripts/install.sh``, in a fresh home: it installs, leaves
qlbreak running in a session of its own (the terminal's hang-up does not reach it),
turns on start at login, puts the command on PATH, and a second run upgrades and restarts."""

from __future__ import annotations

import os
import pwd
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.gui.screen import wait_until

ROOT = Path(__file__).resolve().parents[2]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _session(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[3])


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="install.sh is for Linux")
def test_install_leaves_a_running_app_that_survives_the_terminal_and_upgrades(tmp_path, full_install_dir):
    """The install with every dependency: the other packaging tests reuse its venv's (conftest)."""
    home = full_install_dir / "fresh"
    home.mkdir()
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    real_cache = Path(pwd.getpwuid(os.getuid()).pw_dir) / ".cache" / "pip"
    env = {
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(run),
        "QLBREAK_INSTANCE_DIR": str(run / "qlbreak"),  # not the uid's real one: this test's own
        # python3 as this test's own; ~/.local/bin deliberately not on PATH
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
        "PIP_CACHE_DIR": str(real_cache),
        **{k: v for k, v in os.environ.items() if k.startswith("PIP_")},
    }
    log = home / ".local" / "state" / "qlbreak" / "qlbreak.log"

    def install() -> tuple[str, int]:
        """The installer in a session of its own, as in a terminal; then the terminal
        closes: every process left in that session gets SIGHUP."""
        shell = subprocess.Popen(
            ["bash", "scripts/install.sh"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        out, err = shell.communicate(timeout=600)
        assert shell.returncode == 0, err
        pid = wait_until(lambda: _started(log), 30, "qlbreak's start in its log")
        assert _session(pid) != shell.pid  # not in the terminal's session
        for other in _pids():
            try:
                if _session(other) == shell.pid:
                    os.kill(other, signal.SIGHUP)
            except OSError:
                continue
        return out, pid

    def _started(path: Path) -> int | None:
        found = re.findall(r"qlbreak started \(pid (\d+)\)", path.read_text()) if path.exists() else []
        return int(found[-1]) if found and _alive(int(found[-1])) else None

    first, pid = install()
    assert "qlbreak is installed and running." in first
    assert "Click it for a stretch" in first
    assert "To use it in this terminal now, run:" in first and 'export PATH="$HOME/.local/bin:$PATH"' in first
    assert (home / ".config" / "autostart" / "qlbreak.desktop").exists()
    try:
        time.sleep(1)  # what a hang-up would take to end it
        assert _alive(pid), log.read_text()
        qlbreak = home / ".local" / "bin" / "qlbreak"
        assert qlbreak.is_symlink()

        _, new_pid = install()  # an upgrade: the old one quits, the new one starts
        assert new_pid != pid and not _alive(pid)
        assert "qlbreak stopped" in log.read_text()
        done = subprocess.run([str(qlbreak), "quit"], env=env, capture_output=True, text=True, timeout=30, check=False)
        assert "qlbreak has quit" in done.stdout
        wait_until(lambda: not _alive(new_pid), 10, "qlbreak to end")
    finally:
        for p in (pid, _started(log) or pid):
            if _alive(p):
                os.kill(p, signal.SIGKILL)


def _pids() -> list[int]:
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]
