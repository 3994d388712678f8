"""edges/children/locks.py: a stretch window's lock lasts as long as its process, whoever
its parent is now, so a tray started after a killed one finds the window and asks it
to the front instead of stacking a second (issue 19). Real processes, real flock."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from qlbreak.edges.children import locks as window_locks

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock and signals: POSIX only")

# a stand-in window: says when it is ready, counts the "come to the front" it hears
WINDOW = (
    "import signal, sys, time\n"
    "signal.signal(signal.SIGUSR1, lambda *_: print('raised', flush=True))\n"
    "print('ready', flush=True)\n"
    "time.sleep(30)\n"
)


def window(folder: Path, kind: str = window_locks.STRETCH) -> tuple[subprocess.Popen[str], Path]:
    lock = window_locks.WindowLock.take(folder)
    assert lock is not None
    child = subprocess.Popen([sys.executable, "-c", WINDOW], stdout=subprocess.PIPE, text=True, pass_fds=(lock.fd,))
    path = lock.hand_over(kind, child.pid)
    assert child.stdout is not None and child.stdout.readline() == "ready\n"
    return child, path


def end(child: subprocess.Popen[str]) -> None:
    child.kill()
    child.wait()
    if child.stdout is not None:
        child.stdout.close()


def test_the_open_stretch_window_is_found_and_asked_to_the_front(tmp_path: Path) -> None:
    child, path = window(tmp_path)
    try:
        assert path.name == f"stretch-{child.pid}.lock"
        assert window_locks.open_stretch(tmp_path) == child.pid  # the tray let go of its copy: the child holds it
        assert window_locks.ask_to_front(child.pid)
        assert child.stdout is not None and child.stdout.readline() == "raised\n"
    finally:
        end(child)


def test_the_lock_of_an_ended_window_is_free_and_removed(tmp_path: Path) -> None:
    child, path = window(tmp_path)
    child.send_signal(signal.SIGTERM)
    end(child)
    assert window_locks.open_stretch(tmp_path) is None
    assert not path.exists()


def test_a_window_started_ahead_is_no_stretch_window_until_it_is_told_one(tmp_path: Path) -> None:
    child, path = window(tmp_path, window_locks.WARM)
    try:
        assert window_locks.open_stretch(tmp_path) is None and path.exists()  # held: left alone
        window_locks.rename(path, window_locks.STRETCH, child.pid)
        assert window_locks.open_stretch(tmp_path) == child.pid
    finally:
        end(child)


def test_other_files_in_the_runtime_folder_are_left_alone(tmp_path: Path) -> None:
    (tmp_path / "qlbreak.lock").write_text("")
    (tmp_path / "stretch-x.lock").write_text("")
    assert window_locks.open_stretch(tmp_path) is None
    assert (tmp_path / "qlbreak.lock").exists() and (tmp_path / "stretch-x.lock").exists()


def test_the_locks_half_follows_the_system_flag_not_the_os(monkeypatch: pytest.MonkeyPatch) -> None:
    """No signals (Windows): the half without locks, whatever this system is."""
    import importlib

    from qlbreak.system import OS, of

    asked: list[str] = []
    monkeypatch.setattr(importlib, "import_module", asked.append)
    for system in (of(OS.WINDOWS), of(OS.LINUX), of(OS.MACOS)):
        window_locks._chosen(system)
    monkeypatch.undo()
    assert asked == [f"qlbreak.edges.children.locks_{half}" for half in ("win32", "posix", "posix")]
