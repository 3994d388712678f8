"""The README's install and uninstall, for real, in a fresh home: ``./scripts/install.sh``
puts ``qlbreak`` on PATH without the user editing a file, and ``qlbreak uninstall``,
run from the very program it removes, leaves no login item, command, program folder,
socket or PATH line; the settings and history stay unless ``--purge``. When the
program's folder was deleted by hand, ``./scripts/install.sh --uninstall`` still
clears what it left.

Each install here is a real ``install.sh`` run in a fresh home (a fresh venv, pip, the
build of this checkout), with qlbreak's dependencies on ``PYTHONPATH`` (conftest: ``test_install``'s), so
pip installs qlbreak alone: ``test_install`` is the install with every dependency."""

from __future__ import annotations

import os
import pwd
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from qlbreak.cli.shellpath import MARK
from tests.gui.screen import wait_until
from tests.packaging.test_install import _alive

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="install.sh is for Linux"),
]


class Home:
    """A fresh user account: its home, its runtime folder, its terminal's environment."""

    def __init__(self, tmp_path: Path, dependencies: Path) -> None:
        self.home = tmp_path / "fresh"
        self.home.mkdir()
        self.run = tmp_path / "run"
        self.run.mkdir(mode=0o700)
        real_cache = Path(pwd.getpwuid(os.getuid()).pw_dir) / ".cache" / "pip"
        self.env = {
            "HOME": str(self.home),
            "XDG_RUNTIME_DIR": str(self.run),
            "QLBREAK_INSTANCE_DIR": str(self.run / "qlbreak"),  # not the uid's real one: this test's own
            "SHELL": "/bin/bash",
            # python3 as this test's own; ~/.local/bin not on PATH, as on a fresh account
            "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
            "PIP_CACHE_DIR": str(real_cache),
            **{k: v for k, v in os.environ.items() if k.startswith("PIP_")},
            "PYTHONPATH": str(dependencies),  # installed once a session: pip adds qlbreak alone
        }
        self.venv = self.home / ".local" / "share" / "qlbreak-venv"
        self.launcher = self.home / ".local" / "bin" / "qlbreak"
        self.login = self.home / ".config" / "autostart" / "qlbreak.desktop"
        self.socket = self.run / "qlbreak" / "qlbreak.sock"
        self.settings = self.home / ".config" / "qlbreak" / "config.toml"
        self.history = self.home / ".local" / "share" / "qlbreak" / "history.db"
        self.log = self.home / ".local" / "state" / "qlbreak" / "qlbreak.log"
        self.pids: list[int] = []

    def sh(self, *argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            list(argv), cwd=ROOT, env=self.env, input=stdin, capture_output=True, text=True, timeout=600, check=False
        )
        assert "Traceback" not in done.stderr, done.stderr
        return done

    def install(self) -> str:
        done = self.sh("bash", "scripts/install.sh")
        assert done.returncode == 0, done.stderr
        self.pids.append(wait_until(self._started, 30, "qlbreak's start in its log"))
        wait_until(self.socket.exists, 10, "the running qlbreak's socket")
        return done.stdout

    def _started(self) -> int | None:
        found = re.findall(r"qlbreak started \(pid (\d+)\)", self.log.read_text()) if self.log.exists() else []
        return int(found[-1]) if found and _alive(int(found[-1])) and int(found[-1]) not in self.pids else None

    def program_gone(self) -> None:
        assert not self.venv.exists() and not self.launcher.is_symlink() and not self.login.exists()
        assert not self.socket.exists() and not (self.run / "qlbreak").exists()
        assert not (self.home / ".config" / "qlbreak" / "instance.key").exists()
        bashrc = self.home / ".bashrc"
        assert not bashrc.exists() or MARK not in bashrc.read_text()

    def kill_all(self) -> None:
        for pid in self.pids:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.fixture
def fresh(tmp_path, dependencies):
    home = Home(tmp_path, dependencies)
    yield home
    home.kill_all()


def test_install_puts_qlbreak_on_path_and_uninstall_removes_all_but_the_data(fresh):
    said = fresh.install()
    # no ~/.profile that adds ~/.local/bin: one marked line in ~/.bashrc, and the command for now
    bashrc = fresh.home / ".bashrc"
    assert bashrc.read_text().count(MARK) == 1
    assert "In new terminals, the qlbreak command works: the installer added one line to ~/.bashrc" in said
    assert 'To use it in this terminal now, run:\n  export PATH="$HOME/.local/bin:$PATH"' in said
    assert "To remove it again: qlbreak uninstall" in said
    found = subprocess.run(
        ["bash", "-ic", "command -v qlbreak"], env=fresh.env, capture_output=True, text=True, timeout=30, check=False
    )
    assert found.stdout.strip() == str(fresh.launcher)  # a new terminal finds it
    assert fresh.login.exists() and fresh.launcher.is_symlink() and fresh.socket.exists()
    assert fresh.sh(str(fresh.launcher), "config", "--init").returncode == 0  # some settings of the user's
    fresh.install()  # an upgrade: still one line
    assert bashrc.read_text().count(MARK) == 1

    # the program removes itself: the command it runs from, its venv, and the rest
    done = fresh.sh(str(fresh.launcher), "uninstall", "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith("The running qlbreak has quit.\nRemoved:\n")
    assert f"the program: {fresh.venv}" in done.stdout and "qlbreak is uninstalled." in done.stdout
    assert "Kept your settings and history, for a later install:" in done.stdout
    wait_until(lambda: not any(_alive(p) for p in fresh.pids), 10, "qlbreak to end")
    fresh.program_gone()
    assert not bashrc.exists()  # the installer made it for its line alone
    assert fresh.settings.exists() and fresh.history.exists()
    assert not any(p.name.startswith("qlbreak") for p in (fresh.home / ".local" / "bin").iterdir())

    # the rm -r it suggests removes the rest
    rm = done.stdout.split("To remove them too, run:\n  ", 1)[1].splitlines()[0]
    assert fresh.sh("bash", "-c", rm).returncode == 0
    assert not fresh.settings.exists() and not fresh.history.exists()


def test_installer_uninstall_purge_and_a_debian_profile(fresh):
    skel = Path("/etc/skel/.profile")
    profile = fresh.home / ".profile"
    if skel.exists() and ".local/bin" in skel.read_text():
        shutil.copy(skel, profile)
    else:
        profile.write_text('if [ -d "$HOME/.local/bin" ] ; then\n    PATH="$HOME/.local/bin:$PATH"\nfi\n')
    said = fresh.install()
    assert "From your next login, the qlbreak command works in every terminal" in said
    assert not (fresh.home / ".bashrc").exists() and MARK not in profile.read_text()
    login = subprocess.run(
        ["bash", "-lc", "command -v qlbreak"], env=fresh.env, capture_output=True, text=True, timeout=30, check=False
    )
    assert login.stdout.strip() == str(fresh.launcher)  # the next login finds it
    assert fresh.sh(str(fresh.launcher), "config", "--init").returncode == 0

    assert fresh.sh("bash", "scripts/install.sh", "--uninstall").returncode == 2  # no terminal, no --yes
    assert fresh.venv.exists() and fresh.login.exists()
    done = fresh.sh("bash", "scripts/install.sh", "--uninstall", "--purge", "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    fresh.program_gone()
    for folder in (".config/qlbreak", ".local/share/qlbreak", ".local/state/qlbreak"):
        assert not (fresh.home / folder).exists(), folder
    assert "Kept" not in done.stdout


def test_after_the_program_folder_was_deleted_by_hand_the_installer_clears_the_rest(fresh):
    fresh.install()
    assert fresh.sh(str(fresh.launcher), "config", "--init").returncode == 0
    fresh.sh(str(fresh.launcher), "quit")
    wait_until(lambda: not any(_alive(p) for p in fresh.pids), 10, "qlbreak to end")
    shutil.rmtree(fresh.venv)  # what the user did
    assert fresh.launcher.is_symlink() and fresh.login.exists() and fresh.socket.exists()

    done = fresh.sh("bash", "scripts/install.sh", "--uninstall", "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "start at login: " in done.stdout and "qlbreak is uninstalled." in done.stdout
    fresh.program_gone()
    assert fresh.settings.exists() and fresh.history.exists()
    assert "To remove them too, run:" in done.stdout
    again = fresh.sh("bash", "scripts/install.sh", "--uninstall", "--yes")
    assert again.stdout.startswith("qlbreak is not installed for this user: there was nothing to remove.")
