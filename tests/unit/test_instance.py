"""tray/instance.py for real: a lock, a Unix socket with an authkey, fixed commands."""

from __future__ import annotations

import os
import queue
import stat
import sys
from multiprocessing.connection import Client

import pytest

from qlbreak.core.commands import OpenSettings, StretchNow
from qlbreak.tray.instance import Endpoint, InstanceError, parse

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


def test_one_holds_the_lock_a_second_asks_it(endpoint):
    first, second = endpoint(), endpoint()
    assert first.acquire()
    assert not second.acquire()
    got: queue.Queue[StretchNow] = queue.Queue()
    listener = first.listen(got.put, IDS)
    try:
        assert second.send("ping") == "ok"
        assert second.send("stretch cat-cow") == "ok"
        assert got.get(timeout=5) == StretchNow("cat-cow")
        assert second.send("settings") == "ok"  # `qlbreak settings` while the tray runs
        assert got.get(timeout=5) == OpenSettings()
        assert second.send("open the pod bay doors") == "error: unknown command"
        assert got.empty()
        assert stat.S_IMODE(os.stat(first.key_file).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(first.runtime_dir).st_mode) == 0o700
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
    first.runtime_dir.mkdir(parents=True)
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
    from qlbreak.tray.channels import _PipeChannel

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
    (tmp_path / "run").write_text("a file where the runtime folder should be")
    with pytest.raises(InstanceError, match="cannot take the one-per-user lock"):
        Endpoint(tmp_path / "run", tmp_path / "instance.key").acquire()


def test_a_runtime_folder_that_is_not_one_is_never_replaced_by_tmp(tmp_path):
    from qlbreak.storage.paths import default_paths

    (tmp_path / "not-a-folder").write_text("x")
    paths = default_paths(environ={"XDG_RUNTIME_DIR": str(tmp_path / "not-a-folder")})
    assert paths.runtime_dir == paths.state_dir / "run"
