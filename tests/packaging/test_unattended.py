"""IT's install and uninstall (docs/administrators.md), for real, in a fresh account
with fresh XDG folders and nothing on stdin: ``install.sh --unattended`` installs,
turns on start at login, writes the user's settings file so the first start on a
display shows no welcome, and says so in a few plain lines; ``install.sh --uninstall
--unattended`` leaves no login item, program or command and keeps the settings and
history; ``--purge`` takes those too.

One install serves every check (pip installs qlbreak alone: its dependencies come on
``PYTHONPATH``, conftest). The administrator's folder is ``<tmp>/etc/xdg`` on
``XDG_CONFIG_DIRS``, never the machine's ``/etc/xdg``: ``write_admin_defaults`` writes
the organisation's file there and ``check_admin_defaults_stand`` sees its values stand."""

from __future__ import annotations

import json
import os
import pwd
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.screen import Screen, require, wait_until
from tests.packaging.test_install import _alive

ROOT = Path(__file__).resolve().parents[2]
INSTALL = ["bash", "scripts/install.sh"]

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="install.sh is for Linux")


ADMIN_FILE = """\
[schedule]
snooze_minutes = 15

[[reminder]]
name = "morning"
time = "10:15"

[admin]
locked = ["schedule.grace_minutes"]
"""


def write_admin_defaults(etc_xdg: Path) -> None:
    """HOOK for the administrator's settings (system-wide layers): the install below runs
    with ``XDG_CONFIG_DIRS=etc_xdg``, so this is the organisation's file for every desk."""
    (etc_xdg / "qlbreak").mkdir()
    (etc_xdg / "qlbreak" / "config.toml").write_text(ADMIN_FILE)


def check_admin_defaults_stand(account: Account) -> None:
    """HOOK: after the unattended install, what the user gets is the administrator's
    values: the user's file written by ``config --init`` shadows none of them."""
    admin = account.etc_xdg / "qlbreak" / "config.toml"
    said = account.qlbreak("config", "--check").stdout
    assert f"  schedule.snooze_minutes = 15  \u2014 your organisation ({admin})\n" in said, said
    assert f"  reminder = morning 10:15  \u2014 your organisation ({admin})\n" in said, said
    assert f"  schedule.grace_minutes = 30  \u2014 locked by your organisation ({admin})\n" in said, said
    coming = json.loads(account.qlbreak("status", "--json").stdout)["next"]
    assert (coming["reminder"], coming["at"][11:16]) == ("morning", "10:15"), coming


class Account:
    """A fresh user: a home, XDG folders of its own (not under the home's defaults, so
    the installer must follow them), an administrator's folder, a display."""

    def __init__(self, tmp_path: Path, dependencies: Path, display: str) -> None:
        self.home = tmp_path / "user"
        self.home.mkdir()
        xdg = tmp_path / "xdg"
        self.config, self.data, self.state = xdg / "config", xdg / "data", xdg / "state"
        self.etc_xdg = tmp_path / "etc" / "xdg"
        self.etc_xdg.mkdir(parents=True)
        run = tmp_path / "run"
        run.mkdir(mode=0o700)
        real_cache = Path(pwd.getpwuid(os.getuid()).pw_dir) / ".cache" / "pip"
        self.env = {
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.config),
            "XDG_DATA_HOME": str(self.data),
            "XDG_STATE_HOME": str(self.state),
            "XDG_CACHE_HOME": str(xdg / "cache"),
            "XDG_CONFIG_DIRS": str(self.etc_xdg),  # the administrator's (hook above)
            "XDG_RUNTIME_DIR": str(run),
            "QLBREAK_INSTANCE_DIR": str(run / "qlbreak"),  # not the uid's real one: this test's own
            "DISPLAY": display,  # where a first start would show the welcome
            "DBUS_SESSION_BUS_ADDRESS": "disabled:",
            "SHELL": "/bin/bash",
            "LANG": "C.UTF-8",
            "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
            "PIP_CACHE_DIR": str(real_cache),
            **{k: v for k, v in os.environ.items() if k.startswith("PIP_")},
            "PYTHONPATH": str(dependencies),  # installed once a session: pip adds qlbreak alone
        }
        self.venv = self.data / "qlbreak-venv"
        self.launcher = self.home / ".local" / "bin" / "qlbreak"
        self.login = self.config / "autostart" / "qlbreak.desktop"
        self.settings = self.config / "qlbreak" / "config.toml"
        self.history = self.data / "qlbreak" / "history.db"
        self.log = self.state / "qlbreak" / "qlbreak.log"
        self.state_file = self.state / "qlbreak" / "state.json"
        self.pids: list[int] = []

    def sh(self, *argv: str, closed_stdin: bool = False) -> subprocess.CompletedProcess[str]:
        """Run as IT's tools do: nothing on stdin (``closed_stdin``: no stdin at all)."""
        if closed_stdin:
            argv = ("bash", "-c", 'exec 0<&-; exec "$@"', "closed", *argv)
        done = subprocess.run(
            list(argv),
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
        return done

    def qlbreak(self, *argv: str) -> subprocess.CompletedProcess[str]:
        return self.sh(str(self.launcher), *argv)

    def install(self, *flags: str) -> str:
        done = self.sh(*INSTALL, "--unattended", *flags)
        assert done.returncode == 0, done.stdout + done.stderr
        self.pids.append(wait_until(self._started, 30, "qlbreak's start in its log"))
        return done.stdout

    def _started(self) -> int | None:
        found = re.findall(r"qlbreak started \(pid (\d+)\)", self.log.read_text()) if self.log.exists() else []
        return int(found[-1]) if found and _alive(int(found[-1])) and int(found[-1]) not in self.pids else None

    def kill_all(self) -> None:
        for pid in self.pids:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def display(tmp_path_factory: pytest.TempPathFactory):
    require(("Xvfb",), "unattended install", "scripts/test.sh installs xvfb")
    screen = Screen(tmp_path_factory.mktemp("unattended-display")).start()
    try:
        yield screen.display
    finally:
        screen.stop()


@pytest.fixture
def account(tmp_path, dependencies, display):
    made = Account(tmp_path, dependencies, display)
    yield made
    made.kill_all()


@linux
@pytest.mark.slow
@pytest.mark.gui
def test_unattended_install_then_uninstall_keeps_the_data_unless_purged(account):
    write_admin_defaults(account.etc_xdg)
    said = account.install()
    assert said.startswith("qlbreak is installed and running (qlbreak "), said
    for line in (
        f"  program: {account.venv}",
        f"  command: {account.launcher}",
        "  start at login: on",
        f"  settings: {account.settings} (written: the defaults)",
        f"  log: {account.log}",
        f"  to remove it: {account.launcher} uninstall --unattended",
    ):
        assert line in said, said
    assert account.venv.is_dir() and account.launcher.is_symlink() and account.login.is_file()
    assert not (account.home / ".config").exists()  # the XDG folders were followed
    checked = account.qlbreak("config", "--check")
    assert checked.returncode == 0 and checked.stdout.endswith(f"{account.settings}: ok\n"), checked.stdout
    status = json.loads(account.qlbreak("status", "--json").stdout)
    assert status["running"] is True
    # The first turn of the loop opens the welcome on a first run, then saves the state:
    # once the state file is there, a welcome would have been started (and logged).
    wait_until(account.state_file.exists, 30, "the tray's first turn (its state file)")
    log = account.log.read_text()
    assert "welcome window started" not in log, log
    check_admin_defaults_stand(account)
    written = account.settings.read_text()

    # again, as an upgrade, without start at login: the user's file stays as it is
    said = account.install("--no-autostart")
    assert "  start at login: off" in said and f"  settings: {account.settings} (there already" in said
    assert not account.login.exists() and account.settings.read_text() == written
    assert not _alive(account.pids[0])  # the old one quit for the upgrade

    done = account.sh(*INSTALL, "--uninstall", "--unattended")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "qlbreak is uninstalled." in done.stdout and "Kept your settings and history" in done.stdout
    wait_until(lambda: not any(_alive(p) for p in account.pids), 10, "qlbreak to end")
    assert not account.venv.exists() and not account.launcher.is_symlink() and not account.login.exists()
    assert "welcome window started" not in account.log.read_text()
    assert account.settings.read_text() == written and account.history.is_file()

    # the program's folder is gone, so the installer's own list does it; no stdin at all
    done = account.sh(*INSTALL, "--uninstall", "--purge", "--unattended", closed_stdin=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "your settings and history: " in done.stdout and "Kept" not in done.stdout
    for folder in (account.config / "qlbreak", account.data / "qlbreak", account.state / "qlbreak"):
        assert not folder.exists(), folder


@linux
def test_uninstall_without_unattended_and_no_terminal_removes_nothing(tmp_path):
    """No terminal to answer on (stdin closed or empty) and no --unattended: nothing
    goes, and the message names the option; it never waits for an answer."""
    home = tmp_path / "user"
    login = home / ".config" / "autostart" / "qlbreak.desktop"
    login.parent.mkdir(parents=True)
    login.write_text("[Desktop Entry]\n")
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "XDG_RUNTIME_DIR": str(tmp_path)}
    for stdin in ("exec 0<&-;", "exec 0</dev/null;"):
        done = subprocess.run(
            ["bash", "-c", f'{stdin} exec "$@"', "x", "bash", "scripts/install.sh", "--uninstall"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert done.returncode == 2 and "add --unattended" in done.stderr, done.stderr
        assert login.exists()


@linux
def test_a_failed_step_exits_non_zero_and_names_it(tmp_path):
    home = tmp_path / "user"
    home.mkdir()
    blocked = tmp_path / "data"
    blocked.write_text("a file where the program's folder would go\n")
    env = {"HOME": str(home), "XDG_DATA_HOME": str(blocked), "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"}
    done = subprocess.run(
        [*INSTALL, "--unattended"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert re.fullmatch(r"qlbreak: the install failed while making the program's folder \S+ \(exit status \d+\)", last)
    assert not (home / ".local" / "bin").exists()


def test_help_explains_every_flag_in_one_line():
    done = subprocess.run([*INSTALL, "--help"], cwd=ROOT, capture_output=True, text=True, timeout=30, check=True)
    usage = [line for line in done.stdout.splitlines() if "install.sh" in line]
    flags = sorted(set(re.findall(r"--[a-z-]+", " ".join(usage))) | {"--yes", "--help"})
    for flag in flags:
        (line,) = [line for line in done.stdout.splitlines() if line.lstrip().startswith((flag, f"-h, {flag}"))]
        assert len(line.split(flag, 1)[1].strip()) > 10, line  # said what it does
    assert "exit status:" in done.stdout
    wrong = subprocess.run([*INSTALL, "--unatended"], cwd=ROOT, capture_output=True, text=True, timeout=30, check=False)
    assert wrong.returncode == 2 and "unknown option: --unatended" in wrong.stderr
