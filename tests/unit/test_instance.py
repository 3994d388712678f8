"""edges/instance/endpoint.py for real: a lock, a Unix socket with an authkey, fixed commands."""

from __future__ import annotations

import logging
import os
import queue
import stat
import sys
from multiprocessing.connection import Client
from pathlib import Path

import pytest

from qlbreak.core.commands import OpenSettings, StretchNow
from qlbreak.edges.instance import peruser
from qlbreak.edges.instance.endpoint import Endpoint, InstanceError, parse
from qlbreak.edges.instance.peruser import INSTANCE_ENV

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the Unix socket path")
IDS = frozenset({"cat-cow", "seated-twist"})


@pytest.fixture
def endpoint(tmp_path_factory):
    short = tmp_path_factory.mktemp("run")  # AF_UNIX paths are short
    return lambda: Endpoint(short / "qlbreak", short / "config" / "instance.key")


def test_parse_accepts_only_the_fixed_commands():
    assert parse(b"stretch", IDS) == ("stretch", None)
    assert parse(b"stretch cat-cow", IDS) == ("stretch", "cat-cow")
    assert parse(b"ping", IDS) == ("ping", None)
    assert parse(b"settings", IDS) == ("settings", None)
    for bad in (b"stretch rm -rf", b"stretch nosuch", b"quit now", b"\xff\xfe", b"", b"ping ping"):
        assert parse(bad, IDS) is None


def test_one_holds_the_lock_a_second_asks_it(endpoint, caplog):
    caplog.set_level(logging.INFO)
    first, second = endpoint(), endpoint()
    assert first.acquire()
    assert not second.acquire()
    got: queue.Queue[StretchNow] = queue.Queue()
    listener = first.listen(got.put, IDS)
    try:
        assert second.send("ping") == "ok"
        assert second.send("stretch cat-cow") == "ok"
        assert got.get(timeout=5) == StretchNow("cat-cow")
        # the log says why a stretch window opened with no click (a second `qlbreak`)
        assert "asked by another qlbreak: stretch cat-cow" in caplog.text
        assert second.send("settings") == "ok"  # `qlbreak settings` while the tray runs
        assert got.get(timeout=5) == OpenSettings()
        assert second.send("open the pod bay doors") == "error: unknown command"
        assert got.empty()
        assert stat.S_IMODE(os.stat(first.key_file).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(first.folder).st_mode) == 0o700
    finally:
        listener.close()
        first.release()
    assert second.acquire()  # the lock is free again
    second.release()


def test_a_wrong_key_is_refused(endpoint, caplog):
    first = endpoint()
    assert first.acquire()
    got: queue.Queue[StretchNow] = queue.Queue()
    listener = first.listen(got.put, IDS)
    try:
        with pytest.raises(Exception), Client(first.address, authkey=b"guess" * 8) as conn:  # noqa: B017
            conn.send_bytes(b"stretch")  # AuthenticationError, or a pipe the app closed
            conn.recv_bytes()
        assert first.send("ping") == "ok"  # still serving
        assert got.empty()
    finally:
        listener.close()
        first.release()


def test_nobody_listening_is_a_clear_error(endpoint):
    lonely = endpoint()
    with pytest.raises(InstanceError, match="no running qlbreak"):
        lonely.send("ping")
    lonely.key(create=True)
    with pytest.raises(InstanceError, match="cannot reach"):
        lonely.send("ping")


def test_a_stale_socket_is_replaced(endpoint):
    first = endpoint()
    first.folder.mkdir(parents=True)
    open(first.address, "w").close()  # left by a crash
    assert first.acquire()
    listener = first.listen(lambda _command: None, IDS)
    try:
        assert endpoint().send("ping") == "ok"
    finally:
        listener.close()
        first.release()


class FakePipe:
    """A message pipe: what multiprocessing.connection gives on Windows."""

    def __init__(self, *messages: bytes) -> None:
        self.messages = list(messages)
        self.sent: list[bytes] = []

    def send_bytes(self, buf: bytes) -> None:
        self.sent.append(buf)

    def recv_bytes(self, maxlength: int | None = None) -> bytes:
        return self.messages.pop(0)

    def poll(self, timeout: float | None = 0.0) -> bool:
        return bool(self.messages)

    def close(self) -> None:
        pass


def test_a_pipe_reads_like_a_stream_whatever_the_messages():
    from qlbreak.edges.instance.channels import _PipeChannel

    channel = _PipeChannel(FakePipe(b"\x05hello", b"ab", b"c"), timeout=0.1)
    assert channel.recv(1) == b"\x05" and channel.recv(5) == b"hello" and channel.recv(3) == b"abc"
    with pytest.raises(OSError, match="no answer in time"):
        channel.recv(1)


def test_a_broken_or_unreadable_key_is_a_clear_error(endpoint):
    first = endpoint()
    first.key_file.parent.mkdir(parents=True)
    first.key_file.write_bytes(b"")  # what a crash while writing it used to leave
    with pytest.raises(InstanceError, match="the single-instance key is broken"):
        first.send("ping")
    first.key_file.unlink()
    first.key_file.mkdir()  # a folder where the key should be
    with pytest.raises(InstanceError, match="cannot use the single-instance key"):
        first.key(create=True)


def test_a_lock_that_cannot_be_made_is_a_clear_error(tmp_path):
    (tmp_path / "run").write_text("a file where the lock's folder should be")
    with pytest.raises(InstanceError, match="cannot take the one-per-user lock"):
        Endpoint(tmp_path / "run", tmp_path / "instance.key", {INSTANCE_ENV: str(tmp_path / "run")}).acquire()


def test_a_runtime_folder_that_is_not_one_is_never_replaced_by_tmp(tmp_path):
    from qlbreak.storage.paths import default_paths

    (tmp_path / "not-a-folder").write_text("x")
    paths = default_paths(environ={"XDG_RUNTIME_DIR": str(tmp_path / "not-a-folder")})
    assert paths.runtime_dir == paths.state_dir / "run"


def test_the_lock_is_the_uids_whatever_the_environment(tmp_path):
    """A login session, a cron job, an ssh shell: $XDG_RUNTIME_DIR set, unset or
    another, $HOME and $TMPDIR anything: one place, named by the uid."""
    uid = os.getuid()
    places = {
        peruser.folders(tmp_path / runtime, environ)
        for runtime in ("a", "b")
        for environ in (
            {},
            {"XDG_RUNTIME_DIR": str(tmp_path)},
            {"XDG_RUNTIME_DIR": f"/run/user/{uid}", "HOME": "/elsewhere", "TMPDIR": str(tmp_path)},
        )
    }
    assert len(places) == 1
    (place,) = places
    assert place[-1] == peruser.Path(f"/tmp/qlbreak-{uid}")
    assert place[0] == (
        peruser.Path(f"/run/user/{uid}/qlbreak") if peruser.private(peruser.Path(f"/run/user/{uid}")) else place[-1]
    )


@pytest.mark.skipif(os.geteuid() != 0, reason="making a folder another user's needs root")
def test_a_folder_another_user_made_first_is_passed_over_never_used(tmp_path, caplog):
    squatted, link, ours = tmp_path / "squatted", tmp_path / "link", tmp_path / "ours"
    squatted.mkdir(mode=0o777)
    os.chown(squatted, 65534, 65534)  # nobody's, made before the user's first start
    (tmp_path / "target").mkdir(mode=0o700)
    link.symlink_to(tmp_path / "target")
    first = Endpoint(tmp_path / "run", tmp_path / "instance.key")
    first.folders = (squatted, link, ours)
    assert first.acquire()
    try:
        assert first.folder == ours and first.address == str(ours / "qlbreak.sock")
        said = " ".join(r.getMessage() for r in caplog.records)
        assert "belongs to another user" in said and "is not a folder" in said
        second = Endpoint(tmp_path / "run", tmp_path / "instance.key")
        second.folders = first.folders
        assert not second.acquire()
    finally:
        first.release()
    only_theirs = Endpoint(tmp_path / "run", tmp_path / "instance.key")
    only_theirs.folders = (squatted,)  # a squatter does not stop reminders: the runtime folder, said
    assert only_theirs.acquire() and only_theirs.folder == tmp_path / "run"
    only_theirs.release()
    assert "falls back to" in caplog.records[-1].getMessage()
    (tmp_path / "run").rmdir()
    (tmp_path / "run").write_text("not a folder either")
    with pytest.raises(InstanceError, match="belongs to another user"):
        only_theirs.acquire()


def test_a_folder_of_ours_left_open_is_closed_and_tried_again_after_a_crash(endpoint):
    first = endpoint()
    first.folder.mkdir(parents=True, mode=0o755)
    os.chmod(first.folder, 0o755)
    assert first.acquire()
    assert stat.S_IMODE(os.stat(first.folder).st_mode) == 0o700
    first.release()  # the kernel lets go as at a crash: nothing stale is left to remove
    assert endpoint().acquire()


def test_an_older_qlbreak_in_the_old_place_is_the_one_and_is_reached(endpoint, tmp_path):
    """An upgrade: the older version locks a file and listens in the runtime folder.
    The new one must not start a second tray, and its commands must reach the old one."""
    import fcntl

    new = endpoint()
    old = Endpoint(new.runtime_dir, new.key_file, {INSTANCE_ENV: str(new.runtime_dir)})
    assert old.folder == new.runtime_dir != new.folder
    assert old.acquire()
    with open(new.runtime_dir / "qlbreak.lock", "a+b") as old_lock:  # what older versions held
        fcntl.flock(old_lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        got: queue.Queue[StretchNow] = queue.Queue()
        listener = old.listen(got.put, IDS)
        (old.folder / "instance.key").unlink()  # older versions kept it only in the config folder
        try:
            assert not new.acquire()
            assert new.running() is True
            assert new.send("stretch cat-cow") == "ok"
            assert got.get(timeout=5) == StretchNow("cat-cow")
        finally:
            listener.close()
            old.release()
    assert new.running() is False  # leftovers in the old place (a socket, a lock file) change nothing
    assert (new.runtime_dir / "qlbreak.sock").exists() and (new.runtime_dir / "qlbreak.lock").exists()
    assert new.acquire()
    new.release()


@pytest.mark.skipif(os.geteuid() != 0, reason="acting as another user needs root")
def test_another_user_reaches_neither_the_endpoint_nor_its_key(endpoint):
    """As in /tmp (open to all, sticky): only the folder the lock made keeps others out."""
    import shutil
    import subprocess
    import tempfile

    like_tmp = Path(tempfile.mkdtemp(prefix="qlt", dir="/tmp"))
    os.chmod(like_tmp, 0o1777)
    first = endpoint()
    first.folders = (like_tmp / f"qlbreak-{os.getuid()}",)
    assert first.acquire()
    listener = first.listen(lambda _command: None, IDS)
    probe = (
        "import socket, sys\n"
        "tries = (lambda: socket.socket(socket.AF_UNIX).connect(sys.argv[1]), lambda: open(sys.argv[2], 'rb'))\n"
        "for attempt in tries:\n"
        "    try:\n"
        "        attempt()\n"
        "        print('reached')\n"
        "    except PermissionError:\n"
        "        print('refused')\n"
    )
    try:
        python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable  # where nobody may go
        argv = [python, "-c", probe, first.address, str(first.folder / "instance.key")]
        done = subprocess.run(argv, user=65534, capture_output=True, text=True, timeout=30, check=False)
    finally:
        listener.close()
        first.release()
        shutil.rmtree(like_tmp)
    assert done.stdout.split() == ["refused", "refused"], done.stderr


def test_a_client_with_another_config_folder_reaches_it_by_the_key_beside_the_socket(endpoint, tmp_path):
    """``sudo -u``, or a cron job with another $XDG_CONFIG_HOME: no key in its config
    folder, yet it reaches the one tray (and nobody's answer is "not running")."""
    first = endpoint()
    assert first.acquire()
    listener = first.listen(lambda _command: None, IDS)
    try:
        elsewhere = Endpoint(first.runtime_dir, tmp_path / "other-config" / "instance.key")
        assert elsewhere.send("ping") == "ok"
        assert not elsewhere.key_file.exists()
    finally:
        listener.close()
        first.release()
    with pytest.raises(InstanceError, match="cannot reach"):
        elsewhere.send("ping", patience=10)  # the lock is free: not running (not busy), at once


@pytest.mark.parametrize("module", ["channels", "peruser", "endpoint"])
def test_each_shared_module_takes_its_half_from_the_system_flag_not_from_the_os(module, monkeypatch):
    """A system without Unix sockets gets the pipe's half whatever this one is: the
    shared modules ask ``System.unix_sockets``, never which OS this is."""
    import importlib

    from qlbreak.system import OS, of

    shared = importlib.import_module(f"qlbreak.edges.instance.{module}")
    asked: list[str] = []
    monkeypatch.setattr(importlib, "import_module", asked.append)
    for system in (of(OS.WINDOWS), of(OS.LINUX), of(OS.MACOS), of(OS.OTHER)):
        shared._chosen(system)
    monkeypatch.undo()
    half = f"qlbreak.edges.instance.{module}"
    assert asked == [f"{half}_win32", f"{half}_posix", f"{half}_posix", f"{half}_posix"]
