"""Hostile clients of the single-instance endpoint: none of them stops it or holds it
up; after each one, a normal second qlbreak is answered within a second."""

from __future__ import annotations

import os
import pickle
import queue
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from qlbreak.core.commands import StretchNow
from qlbreak.storage.paths import default_paths
from qlbreak.tray.instance import NONCE, Endpoint
from tests.gui.screen import wait_until

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the Unix socket")
IDS = frozenset({"cat-cow"})


def connect(address: str) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(5)
    sock.connect(address)
    return sock


def connect_close(address: str) -> None:
    connect(address).close()


def short_frame(address: str) -> None:
    with connect(address) as sock:
        sock.recv(NONCE)
        sock.sendall(b"\x01\x02\x03")  # 3 of the 64 bytes the answer needs, then gone


def short_frame_then_silence(address: str) -> None:
    sock = connect(address)
    sock.recv(NONCE)
    sock.sendall(b"\x01\x02\x03")
    time.sleep(2.5)  # longer than any read may wait
    sock.close()


def huge_length(address: str) -> None:
    with connect(address) as sock:
        sock.sendall(struct.pack("!i", 2**31 - 1) + b"x" * 60)  # multiprocessing's 2 GB header


def silence(address: str) -> None:
    sock = connect(address)
    time.sleep(2.5)
    sock.close()


def wrong_key(address: str) -> None:
    with connect(address) as sock:
        sock.recv(NONCE)
        sock.sendall(os.urandom(2 * NONCE))
        assert sock.recv(NONCE) == b""  # dropped, nothing proven back


def pickles(address: str) -> None:
    class Boom:
        def __reduce__(self) -> tuple[Callable[..., object], tuple[str]]:
            return (os.system, ("touch /tmp/qlbreak-pwned",))

    with connect(address) as sock:
        sock.recv(NONCE)
        sock.sendall(pickle.dumps(Boom()) * 4)


def flood(address: str) -> None:
    crowd = [connect(address) for _ in range(40)]
    time.sleep(0.2)
    for sock in crowd:
        sock.close()


HOSTILE = {
    f.__name__: f
    for f in (connect_close, short_frame, short_frame_then_silence, huge_length, silence, wrong_key, pickles, flood)
}


@pytest.fixture
def serving(tmp_path_factory) -> Iterator[tuple[Endpoint, queue.Queue[StretchNow]]]:
    short = tmp_path_factory.mktemp("run")
    endpoint = Endpoint(short / "q", short / "config" / "instance.key")
    assert endpoint.acquire()
    got: queue.Queue[StretchNow] = queue.Queue()
    server = endpoint.listen(got.put, IDS)
    yield endpoint, got
    server.close()
    endpoint.release()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_client_neither_stops_nor_holds_up_the_endpoint(serving, name):
    endpoint, got = serving
    attacker = threading.Thread(target=HOSTILE[name], args=(endpoint.address,), daemon=True)
    attacker.start()
    time.sleep(0.1)  # the attack is under way (silent ones stay connected)
    start = time.monotonic()
    second = Endpoint(endpoint.runtime_dir, endpoint.key_file)
    assert second.send("stretch cat-cow", timeout=1.0) == "ok"
    assert time.monotonic() - start < 1.0
    assert got.get(timeout=1) == StretchNow("cat-cow") and got.empty()
    attacker.join(10)
    assert second.send("ping", timeout=1.0) == "ok"  # and still after it has gone
    assert not os.path.exists("/tmp/qlbreak-pwned")


def test_the_real_app_answers_a_second_start_after_hostile_clients(tmp_path, private_home):
    """``qlbreak`` itself (no display: notifications only), attacked, then started again."""
    config = default_paths().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    day = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[(datetime.now(UTC) + timedelta(days=2)).weekday()]
    config.write_text(f'[[reminder]]\nname = "far"\ntime = "03:00"\ndays = ["{day}"]\n')
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env |= {"DBUS_SESSION_BUS_ADDRESS": "disabled:", "PATH": "/usr/bin:/bin"}
    app = subprocess.Popen([sys.executable, "-m", "qlbreak"], env=env, stderr=subprocess.PIPE)
    address = str(default_paths().runtime_dir / "qlbreak.sock")
    try:
        wait_until(lambda: os.path.exists(address), 20, "the app's endpoint")
        for name in ("connect_close", "short_frame", "huge_length", "wrong_key", "pickles"):
            HOSTILE[name](address)
        quiet = [threading.Thread(target=silence, args=(address,), daemon=True) for _ in range(3)]
        for thread in quiet:
            thread.start()
        time.sleep(0.1)
        start = time.monotonic()
        second = subprocess.run(
            [sys.executable, "-m", "qlbreak", "--version"],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert second.returncode == 0  # (the interpreter's start, for scale)
        asked = subprocess.run(
            [sys.executable, "-m", "qlbreak", "stretch", "cat-cow"],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert asked.returncode == 0 and "the running qlbreak opens the stretch" in asked.stdout
        assert time.monotonic() - start < 2.0  # an interpreter's start and one answer
        assert app.poll() is None
    finally:
        app.send_signal(signal.SIGTERM)
        app.communicate(timeout=10)
