"""``qlbreak uninstall`` in a private home: what goes, what stays, what it says; and
the installer's PATH line (``cli/shellpath.py``). The real install and uninstall run
in tests/packaging/test_install.py."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest

from qlbreak.cli import main, shellpath
from qlbreak.cli.uninstall import Here, Piece, Plan, carry_out, make_plan
from qlbreak.core.commands import Quit
from qlbreak.edges.instance.endpoint import Endpoint
from qlbreak.edges.login.autostart import APPROVED_KEY, RUN_KEY, LaunchAgent, WindowsAutostart, remove, where
from qlbreak.storage.paths import default_paths
from qlbreak.system import OS, of
from tests.unit.test_autostart import FakeWinreg as BaseFakeWinreg


class FakeWinreg(BaseFakeWinreg):
    def DeleteValue(self, key, name):  # as winreg: a missing value is an OSError
        if name not in self.keys[key]:
            raise FileNotFoundError(name)
        super().DeleteValue(key, name)


def qlbreak(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


class Installed:
    """What scripts/install.sh and a few days of use leave in a home."""

    def __init__(self, home: Path) -> None:
        self.home = home
        paths = default_paths()
        self.paths = paths
        assert qlbreak("autostart", "on")[0] == 0
        self.login = home / ".config" / "autostart" / "qlbreak.desktop"
        self.venv = home / ".local" / "share" / "qlbreak-venv"
        (self.venv / "bin").mkdir(parents=True)
        (self.venv / "bin" / "qlbreak").write_text("#!/bin/sh\n")
        self.launcher = home / ".local" / "bin" / "qlbreak"
        self.launcher.parent.mkdir(parents=True)
        self.launcher.symlink_to(self.venv / "bin" / "qlbreak")
        self.menu = home / ".local" / "share" / "applications" / "qlbreak.desktop"
        self.menu.parent.mkdir(parents=True)
        self.menu.write_text("[Desktop Entry]\n")
        self.bashrc = home / ".bashrc"
        self.bashrc.write_text(f"alias ll='ls -l'\n{shellpath.LINE}\nexport EDITOR=nano\n")
        paths.runtime_dir.mkdir(parents=True)
        for name in ("qlbreak.lock", "qlbreak.sock"):
            (paths.runtime_dir / name).write_text("")
        paths.key_file.parent.mkdir(parents=True, exist_ok=True)
        paths.key_file.write_bytes(os.urandom(32))
        paths.config_file.write_text("[reminders]\n")
        paths.data_dir.mkdir(parents=True)
        paths.history_db.write_bytes(b"SQLite format 3\0")
        paths.state_dir.mkdir(parents=True)
        paths.state_file.write_text("{}")

    def program_gone(self) -> None:
        """Everything but the user's data."""
        assert not self.login.exists() and not self.launcher.is_symlink() and not self.venv.exists()
        assert not self.menu.exists() and not self.paths.runtime_dir.exists() and not self.paths.key_file.exists()
        assert self.bashrc.read_text() == "alias ll='ls -l'\nexport EDITOR=nano\n"


def test_uninstall_removes_the_program_and_keeps_the_settings_and_history(private_home):
    home = Installed(private_home)
    status, out, err = qlbreak("uninstall", "--yes")
    assert (status, err) == (0, "")
    home.program_gone()
    paths = home.paths
    assert paths.config_file.exists() and paths.history_db.exists() and paths.state_file.exists()
    assert "Removed:\n  start at login: " in out and f"the qlbreak command: {home.launcher}" in out
    assert f"the program: {home.venv}" in out and f"on PATH: {home.bashrc}" in out
    assert "qlbreak is uninstalled." in out
    kept = out.split("Kept your settings and history, for a later install:\n", 1)[1]
    assert kept.startswith(f"  {paths.config_dir}\n  {paths.data_dir}\n  {paths.state_dir}\n")
    assert f"To remove them too, run:\n  rm -r {paths.config_dir} {paths.data_dir} {paths.state_dir}\n" in kept
    # and again: nothing left to remove is fine
    status, out, err = qlbreak("uninstall", "--yes")
    assert (status, err) == (0, "")
    assert out.startswith("qlbreak is not installed for this user: there was nothing to remove.")
    assert "Kept your settings and history" in out


def test_purge_removes_the_settings_and_history_too(private_home):
    home = Installed(private_home)
    status, out, err = qlbreak("uninstall", "--purge", "--yes")
    assert (status, err) == (0, "")
    home.program_gone()
    paths = home.paths
    assert not paths.config_dir.exists() and not paths.data_dir.exists() and not paths.state_dir.exists()
    assert f"your settings and history: {paths.config_dir}, {paths.data_dir}, {paths.state_dir}" in out
    assert "Kept" not in out


def test_nothing_installed_nothing_made(private_home):
    status, out, err = qlbreak("uninstall", "--yes")
    assert (status, err) == (0, "")
    assert out.startswith("qlbreak is not installed for this user")
    assert "Kept" not in out
    assert not any(private_home.rglob("*")), list(private_home.rglob("*"))
    assert not default_paths().runtime_dir.exists()


def test_a_script_without_yes_is_asked_for_it_and_nothing_goes(private_home, monkeypatch):
    home = Installed(private_home)
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))  # not a terminal
    status, out, err = qlbreak("uninstall")
    assert status == 2 and "add --unattended" in err and "Traceback" not in err
    assert "This removes qlbreak from your account:" in out and "qlbreak uninstall --purge" in out
    assert home.login.exists() and home.venv.exists() and home.launcher.is_symlink()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("answer", ["\n", "n\n", ""])
def test_on_a_terminal_no_is_the_default(private_home, monkeypatch, answer):
    home = Installed(private_home)
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    status, out, _ = qlbreak("uninstall")
    assert status == 1 and out.endswith("Remove qlbreak now? [y/N] Nothing was removed.\n")
    assert home.login.exists() and home.venv.exists()


def test_on_a_terminal_yes_removes(private_home, monkeypatch):
    home = Installed(private_home)
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    status, out, _ = qlbreak("uninstall")
    assert status == 0 and "Remove qlbreak now? [y/N] Removed:" in out
    home.program_gone()


def test_the_running_qlbreak_quits_first(private_home):
    home = Installed(private_home)
    paths = home.paths
    running = Endpoint(paths.runtime_dir, paths.key_file)
    assert running.acquire()
    asked: list[object] = []

    def post(command: object) -> None:  # the tray: saves, then lets go of its lock
        asked.append(command)
        if isinstance(command, Quit):
            threading.Timer(0.2, running.release).start()

    listener = running.listen(post, frozenset())
    try:
        status, out, err = qlbreak("uninstall", "--yes")
    finally:
        listener.close()
        running.release()
    assert (status, err) == (0, "")
    assert asked[-1] == Quit()
    assert out.startswith("The running qlbreak has quit.\nRemoved:")
    home.program_gone()


def test_a_qlbreak_that_holds_its_lock_but_does_not_answer_stops_it(private_home):
    home = Installed(private_home)
    stuck = Endpoint(home.paths.runtime_dir, home.paths.key_file)
    assert stuck.acquire()
    try:
        status, _, err = qlbreak("uninstall", "--yes")
    finally:
        stuck.release()
    assert status == 3 and "running but did not answer in time; try again in a moment; nothing was removed" in err
    assert home.login.exists() and home.venv.exists() and home.paths.key_file.exists()


def test_a_command_of_someone_else_stays(private_home):
    home = Installed(private_home)
    home.launcher.unlink()
    home.launcher.symlink_to(private_home / ".local" / "share" / "pipx" / "venvs" / "qlbreak" / "bin" / "qlbreak")
    assert qlbreak("uninstall", "--yes")[0] == 0
    assert home.launcher.is_symlink() and not home.venv.exists()


def test_a_dangling_launcher_of_ours_goes(private_home):
    home = Installed(private_home)
    import shutil

    shutil.rmtree(home.venv)  # the user deleted the program's folder by hand
    status, out, _ = qlbreak("uninstall", "--yes")
    assert status == 0 and not home.launcher.is_symlink() and not home.login.exists()
    assert "the program:" not in out


def test_a_piece_that_cannot_go_is_said_and_the_rest_still_goes(tmp_path):
    def refuse() -> None:
        raise PermissionError(13, "Permission denied")

    other = tmp_path / "other"
    other.write_text("")
    plan = Plan([Piece("the qlbreak command", "/x", refuse), Piece("the program", str(other), other.unlink)], [])
    done, failed = carry_out(plan)
    assert [p.what for p in done] == ["the program"] and not other.exists()
    assert [(p.what, why) for p, why in failed] == [("the qlbreak command", "Permission denied")]


def test_a_program_the_installer_did_not_make_stays_and_says_how(private_home):
    here = Here(private_home, {}, of(OS.LINUX), "/opt/tools/venv", "/usr", "/opt/tools/venv/bin/python")
    plan = make_plan(default_paths(), LaunchAgent(private_home), here, purge=False)
    assert plan.notes == [
        "The program in /opt/tools/venv was not put there by the installer, so it stays: delete that "
        "folder to remove it (or run: /opt/tools/venv/bin/python -m pip uninstall qlbreak)."
    ]


def test_windows_plan_login_item_and_task_manager_note_go(private_home):
    reg = FakeWinreg()
    item = WindowsAutostart(reg, python=r"C:\py\python.exe")
    item.set(True)
    reg.keys[APPROVED_KEY] = {"qlbreak": bytes([3] + [0] * 11)}
    here = Here(private_home, {}, of(OS.WINDOWS), r"C:\qlbreak-venv", r"C:\py", r"C:\qlbreak-venv\Scripts\python.exe")
    plan = make_plan(default_paths(), item, here, purge=False)
    assert [(p.what, p.where) for p in plan.pieces] == [("start at login", f"HKCU\\{RUN_KEY}\\qlbreak")]
    assert "delete that folder" in plan.notes[-1]
    carry_out(plan)
    assert reg.keys[RUN_KEY] == {} and reg.keys[APPROVED_KEY] == {}
    assert where(item) is None
    remove(item)  # gone already: fine


def test_windows_says_how_to_remove_a_program_in_a_folder_with_a_space(private_home):
    python = r"C:\Users\Ann Lee\qlbreak-venv\Scripts\python.exe"
    here = Here(private_home, {}, of(OS.WINDOWS), r"C:\Users\Ann Lee\qlbreak-venv", r"C:\py", python)
    plan = make_plan(default_paths(), WindowsAutostart(FakeWinreg()), here, purge=False)
    assert plan.notes[-1].endswith(f'(or run: "{python}" -m pip uninstall qlbreak).')


def test_a_folder_that_cannot_be_looked_into_is_said_in_words(private_home, monkeypatch):
    Installed(private_home)

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr("qlbreak.cli.uninstall.Path.is_dir", refuse)
    status, _, err = qlbreak("uninstall", "--yes")
    assert status == 2 and "nothing was removed: cannot look at " in err and "Permission denied" in err


def test_macos_launch_agent_goes(private_home):
    item = LaunchAgent(private_home)
    item.set(True)
    here = Here(private_home, {}, of(OS.MACOS))
    plan = make_plan(default_paths(), item, here, purge=False)
    assert plan.pieces[0].where == str(item.path)
    carry_out(plan)
    assert not item.path.exists()


# -- the installer's PATH line -----------------------------------------------------------


def test_path_already_has_it_nothing_is_written(private_home):
    said = shellpath.ensure(private_home, {"PATH": f"/usr/bin:{private_home}/.local/bin/", "SHELL": "/bin/bash"})
    assert said == [] and not (private_home / ".bashrc").exists()


def test_debian_profile_adds_it_at_login_so_nothing_is_written(private_home):
    (private_home / ".profile").write_text(
        'if [ -d "$HOME/.local/bin" ] ; then\n    PATH="$HOME/.local/bin:$PATH"\nfi\n'
    )
    said = shellpath.ensure(private_home, {"PATH": "/usr/bin", "SHELL": "/bin/bash"})
    assert said[0].startswith("From your next login, the qlbreak command works in every terminal")
    assert said[-1] == '  export PATH="$HOME/.local/bin:$PATH"'
    assert not (private_home / ".bashrc").exists() and shellpath.marked(private_home) == []


@pytest.mark.parametrize(
    ("shell", "name"), [("/bin/bash", ".bashrc"), ("/usr/bin/zsh", ".zshrc"), ("/bin/sh", ".profile")]
)
def test_otherwise_one_marked_line_once_and_uninstall_takes_it_away(private_home, shell, name):
    rc = private_home / name
    rc.write_text("# mine\nalias ll='ls -l'")  # no newline at the end
    rc.chmod(0o640)
    env = {"PATH": "/usr/bin", "SHELL": shell}
    said = shellpath.ensure(private_home, env)
    assert f"the installer added one line to ~/{name}" in said[0]
    assert shellpath.ensure(private_home, env) == said  # a second install: still one line
    assert rc.read_text() == f"# mine\nalias ll='ls -l'\n{shellpath.LINE}\n"
    assert shellpath.marked(private_home) == [rc]
    shellpath.take_away(rc)
    assert rc.read_text() == "# mine\nalias ll='ls -l'\n" and rc.stat().st_mode & 0o777 == 0o640


def test_a_startup_file_made_for_the_line_goes_with_it(private_home):
    shellpath.ensure(private_home, {"PATH": "/usr/bin", "SHELL": "/bin/bash"})
    assert (private_home / ".bashrc").read_text() == shellpath.LINE + "\n"
    shellpath.take_away(private_home / ".bashrc")
    assert not (private_home / ".bashrc").exists()


def test_a_dotfiles_symlink_stays_a_symlink(private_home):
    dotfiles = private_home / "dotfiles"
    dotfiles.mkdir()
    (dotfiles / "bashrc").write_text("set -o vi\n")
    (private_home / ".bashrc").symlink_to(dotfiles / "bashrc")
    shellpath.ensure(private_home, {"PATH": "/usr/bin", "SHELL": "/bin/bash"})
    shellpath.take_away(private_home / ".bashrc")
    assert (private_home / ".bashrc").is_symlink() and (dotfiles / "bashrc").read_text() == "set -o vi\n"


def test_the_one_per_user_lock_folder_goes_too_wherever_it_is(private_home, monkeypatch, tmp_path):
    """The lock and socket are found by the uid (/run/user/<uid>/qlbreak, /tmp/qlbreak-<uid>),
    not in the runtime folder: uninstall removes that folder as well, with the key beside it."""
    lock_folder = tmp_path / "lock-folder"
    monkeypatch.setenv("QLBREAK_INSTANCE_DIR", str(lock_folder))
    home = Installed(private_home)
    running = Endpoint(home.paths.runtime_dir, home.paths.key_file)
    assert running.acquire() and running.folder == lock_folder != home.paths.runtime_dir
    listener = running.listen(lambda _command: None, frozenset())
    listener.close()
    running.release()
    assert {p.name for p in lock_folder.iterdir()} == {"qlbreak.sock", "instance.key"}
    status, out, err = qlbreak("uninstall", "--yes")
    assert (status, err) == (0, "") and str(lock_folder) in out
    assert not lock_folder.exists()
    home.program_gone()
