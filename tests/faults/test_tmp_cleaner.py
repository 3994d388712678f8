"""A tmp cleaner removes the running tray's folder (issue 20 I follow-up): the tray started
with no /run/user/<uid> locks and listens only in /tmp/qlbreak-<uid>; ``rm -rf`` of it (as
systemd-tmpfiles' age rules or tmpreaper do) made the next start a second tray, and
``quit`` stopped only that one. Now the tray makes, locks and listens in it again within
a few seconds: a later start hands over, and ``quit`` reaches the first. If a second
start slipped into the gap, the first quits once it sees that: one tray, either way."""

from __future__ import annotations

import io
import os
import shutil
import sys
import threading
import time

import pytest

from qlbreak.core.commands import Quit, StretchNow
from qlbreak.edges.instance import peruser
from qlbreak.edges.instance.endpoint import Endpoint
from qlbreak.storage.paths import default_paths
from tests.gui.screen import wait_until

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the Unix socket and flock")
IDS = frozenset({"cat-cow"})


def ask(*words: str) -> tuple[int, str, str]:
    from qlbreak.cli import main

    out, err = io.StringIO(), io.StringIO()
    status = main(list(words), out, err)
    return status, out.getvalue().strip(), err.getvalue().strip()


class Tray:
    """A running tray's endpoint, in this process: what it heard, and an event on quit."""

    def __init__(self) -> None:
        paths = default_paths()
        self.endpoint = Endpoint(paths.runtime_dir, paths.key_file)
        assert self.endpoint.acquire()
        self.heard: list[object] = []
        self.quit = threading.Event()
        self.server = self.endpoint.listen(self.post, IDS)  # type: ignore[arg-type]

    def post(self, command: object) -> None:
        self.heard.append(command)
        if isinstance(command, Quit):  # what the tray does as it quits
            self.server.close()
            self.endpoint.release()
            self.quit.set()

    def close(self) -> None:
        self.server.close()
        self.endpoint.release()


def locked_by_someone(folder: os.PathLike[str]) -> bool:
    import fcntl

    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


@pytest.fixture(autouse=True)
def quick_looks(monkeypatch):
    """The tray looks every 2 s; here every 0.3 s, to keep the fault suite fast."""
    from qlbreak.edges.instance import channels_posix

    monkeypatch.setattr(channels_posix, "LOOK_SECONDS", 0.3)


def test_the_folder_removed_under_the_tray_is_taken_again_and_a_later_start_hands_over():
    first = Tray()
    folder = first.endpoint.folder
    try:
        shutil.rmtree(folder)  # socket, key and folder: what `rm -rf` or systemd-tmpfiles does
        removed = time.monotonic()
        wait_until(  # the tray's own look: the folder back, locked, a socket in it
            lambda: (folder / peruser.SOCKET).is_socket() and locked_by_someone(folder), 10, "the folder taken again"
        )
        took = time.monotonic() - removed
        later = Endpoint(*_where())  # a second start, a few seconds later
        assert later.acquire() is False  # it hands over: not a second tray
        assert later.send("stretch cat-cow") == "ok"
        assert ask("quit") == (0, "qlbreak has quit", "")  # and quit reaches the first
        print(f"folder removed: taken again and listening after {took:.1f} s")
        assert first.quit.is_set() and first.heard == [StretchNow("cat-cow"), Quit()]
        assert took < 2
    finally:
        first.close()
    assert ask("quit") == (0, "qlbreak is not running", "")


def test_a_second_tray_that_slipped_into_the_gap_makes_the_first_quit():
    """A second start between the removal and the first's next look takes the folder and
    runs: the first sees it held for several looks in a row and quits (a start that only
    asks holds it for milliseconds)."""
    first = Tray()
    folder = first.endpoint.folder
    shutil.rmtree(folder)
    second = Tray()  # in the gap: it took the new folder
    try:
        assert first.quit.wait(10), "the first tray never saw it had lost its folder"
        assert first.heard == [Quit()]
        assert locked_by_someone(folder)  # the second still holds it, and answers
        assert Endpoint(*_where()).send("ping") == "ok"
    finally:
        first.close()
        second.close()
    assert second.heard == []


def _where() -> tuple[os.PathLike[str], os.PathLike[str]]:
    paths = default_paths()
    return paths.runtime_dir, paths.key_file


def test_a_runtime_folder_that_appears_later_is_locked_too(monkeypatch, tmp_path):
    """Started before logind made /run/user/<uid> (cron): once it appears, the running
    tray locks it too, so a start that finds it first hands over as well."""
    run, tmp = tmp_path / "run", tmp_path / "tmpq"
    monkeypatch.setattr(peruser, "folders", lambda *_: ((run / "qlbreak",) if run.is_dir() else ()) + (tmp,))
    first = Tray()
    try:
        assert first.endpoint.folder == tmp
        run.mkdir(mode=0o700)  # logind made it
        wait_until(lambda: locked_by_someone(run / "qlbreak"), 10, "the new runtime folder locked")
        later = Endpoint(*_where())
        assert later.folders == (run / "qlbreak", tmp) and later.acquire() is False
        assert later.send("stretch") == "ok" and first.heard == [StretchNow(None)]
    finally:
        first.close()


def test_a_socket_removed_alone_is_listened_on_again():
    """An age rule that removes only old files (the socket), not the folder."""
    first = Tray()
    socket_file = first.endpoint.folder / peruser.SOCKET
    try:
        socket_file.unlink()
        wait_until(socket_file.is_socket, 10, "the socket back")
        assert Endpoint(*_where()).send("ping") == "ok"
    finally:
        first.close()
