"""A camera in use (issue 26): Linux's look at /proc (a fake tree), PipeWire's nodes (a
fake pw-dump), Windows' consent store (fake stops), the port asking every source, and
``qlbreak status``'s words for it."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from qlbreak.cli import main
from qlbreak.core.holds import Signals
from qlbreak.edges import choose
from qlbreak.edges.detect import camera_linux, macos, pipewire
from qlbreak.edges.detect import session_win32 as windows
from qlbreak.edges.detect.facts import FactSources, OddAnswer, Unavailable
from qlbreak.system import OS, of
from tests.unit.test_cli import qlbreak
from tests.unit.test_cli_status import Detectors

ME = os.getuid()


def process(proc: Path, pid: int, *opened: str, comm: str = "zoom") -> Path:
    """A fake /proc/<pid>: ``fd/<n>`` links to what it has open, as the kernel shows them."""
    fds = proc / str(pid) / "fd"
    fds.mkdir(parents=True)
    (proc / str(pid) / "comm").write_text(f"{comm}\n")
    for n, target in enumerate(opened):
        (fds / str(n)).symlink_to(target)
    return proc / str(pid)


@pytest.fixture
def proc(tmp_path: Path) -> Path:
    root = tmp_path / "proc"
    root.mkdir()
    process(root, 1, "/dev/null", "socket:[4242]", "/dev/pts/0", comm="systemd")
    (root / "self").symlink_to("1")  # not a process of its own
    (root / "meminfo").write_text("MemTotal: 1 kB\n")
    return root


def test_a_program_of_this_user_with_a_video_device_open_is_a_camera_in_use(proc):
    assert camera_linux.in_use(proc, uid=ME, me=99) is False
    process(proc, 200, "/dev/null", "/dev/video2", "anon_inode:[eventfd]")
    assert camera_linux.in_use(proc, uid=ME, me=99) is True
    assert camera_linux.in_use(proc, uid=ME, me=200) is False  # not its own open device
    assert camera_linux.in_use(proc, uid=ME + 1, me=99) is False  # another user's programs are not looked at


@pytest.mark.parametrize(
    ("target", "counts"),
    [
        ("/dev/video0", True),
        ("/dev/video63", True),  # the tests' stand-in: a plain file there counts as well
        ("/dev/video0 (deleted)", False),
        ("/dev/videox", False),
        ("/dev/video10/x", False),
        ("/dev/media0", False),
        ("/home/me/dev/video0", False),
    ],
)
def test_only_a_video_device_counts(proc, target, counts):
    process(proc, 300, target)
    assert camera_linux.in_use(proc, uid=ME, me=99) is counts


def test_pipewires_own_open_device_is_left_to_pipewire(proc):
    process(proc, 400, "/dev/video0", comm="pipewire")
    process(proc, 401, "/dev/video0", comm="wireplumber")
    assert camera_linux.in_use(proc, uid=ME, me=99) is False
    process(proc, 402, "/dev/video0", comm="firefox")
    assert camera_linux.in_use(proc, uid=ME, me=99) is True


def test_a_process_that_vanished_or_hides_its_descriptors_is_passed_over(proc):
    (proc / "500").mkdir()  # exited between the listing and the look: no fd folder
    gone = process(proc, 501, "/dev/video0")
    (gone / "fd" / "0").unlink()
    (gone / "fd" / "0").symlink_to("/dev/null")
    assert camera_linux.in_use(proc, uid=ME, me=99) is False


def test_descriptors_it_may_not_read_are_passed_over(proc, monkeypatch):
    """Another user's program run as this user (setuid, a sandbox) answers EACCES."""
    process(proc, 600, "/dev/video0")
    process(proc, 601, "/dev/null", "/dev/video1")
    listdir, readlink = os.listdir, os.readlink

    def no_listing(path):
        if str(path).endswith("/600/fd/"):
            raise PermissionError(13, "Permission denied", str(path))
        return listdir(path)

    def no_reading(path):
        if str(path).endswith("/601/fd/0"):
            raise PermissionError(13, "Permission denied", str(path))
        return readlink(path)

    monkeypatch.setattr(camera_linux.os, "listdir", no_listing)
    monkeypatch.setattr(camera_linux.os, "readlink", no_reading)
    assert camera_linux.in_use(proc, uid=ME, me=99) is True  # 601's second descriptor
    (proc / "601" / "fd" / "1").unlink()
    assert camera_linux.in_use(proc, uid=ME, me=99) is False


def test_the_real_proc_is_read_and_no_proc_cannot_tell(tmp_path):
    assert camera_linux.in_use() in (True, False)  # this machine's own /proc, quietly
    with pytest.raises(Unavailable) as caught:
        camera_linux.in_use(tmp_path / "no-proc")
    assert caught.value.words == "cannot see which programs use the camera (this system has no /proc)"
    assert "no-proc" in caught.value.detail


# pw-dump's answer on a laptop with its built-in camera streaming to a browser,
# trimmed to the objects that matter (a client, the camera's device and node, a
# microphone) and the properties of each that pw-dump prints.
PW_DUMP = [
    {
        "id": 0,
        "type": "PipeWire:Interface:Core",
        "version": 4,
        "permissions": ["r", "w", "x", "m"],
        "info": {"cookie": 1234567, "user-name": "me", "name": "pipewire-0", "change-mask": ["props"], "props": {}},
    },
    {
        "id": 48,
        "type": "PipeWire:Interface:Device",
        "version": 3,
        "permissions": ["r", "w", "x", "m"],
        "info": {
            "change-mask": ["props", "params"],
            "props": {
                "device.api": "v4l2",
                "device.description": "Integrated Camera",
                "device.name": "v4l2_device.pci-0000_00_14.0-usb-0_6_1.0",
                "media.class": "Video/Device",
            },
        },
    },
    {
        "id": 62,
        "type": "PipeWire:Interface:Node",
        "version": 3,
        "permissions": ["r", "w", "x", "m"],
        "info": {
            "max-input-ports": 0,
            "max-output-ports": 1,
            "change-mask": ["input-ports", "output-ports", "state", "props", "params"],
            "n-input-ports": 0,
            "n-output-ports": 1,
            "state": "running",
            "error": None,
            "props": {
                "api.v4l2.path": "/dev/video0",
                "device.api": "v4l2",
                "media.class": "Video/Source",
                "media.role": "Camera",
                "node.description": "Integrated Camera (V4L2)",
                "node.name": "v4l2_input.pci-0000_00_14.0-usb-0_6_1.0",
                "object.serial": 62,
            },
        },
    },
    {
        "id": 58,
        "type": "PipeWire:Interface:Node",
        "version": 3,
        "permissions": ["r", "w", "x", "m"],
        "info": {
            "state": "running",
            "error": None,
            "props": {"media.class": "Audio/Source", "node.name": "alsa_input.pci-0000_00_1f.3.analog-stereo"},
        },
    },
    {"id": 70, "type": "PipeWire:Interface:Link", "version": 3, "permissions": ["r"], "info": {"state": "active"}},
    {"id": 71, "type": "PipeWire:Interface:Metadata", "version": 3, "permissions": ["r"], "metadata": []},
]


def answering(out: str, status: int = 0, err: str = "") -> pipewire.Run:
    def run(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
        assert argv == ["/usr/bin/pw-dump"]
        return subprocess.CompletedProcess(list(argv), status, out, err)

    return run


def with_camera(state: str) -> str:
    dump = json.loads(json.dumps(PW_DUMP))
    dump[2]["info"]["state"] = state
    return json.dumps(dump, indent=2)


def test_a_running_pipewire_camera_is_in_use_and_an_idle_or_suspended_one_is_not():
    assert pipewire.camera("/usr/bin/pw-dump", answering(with_camera("running"))) is True
    for state in ("idle", "suspended", "creating", "error"):
        assert pipewire.camera("/usr/bin/pw-dump", answering(with_camera(state))) is False
    assert pipewire.camera("/usr/bin/pw-dump", answering("[]")) is False  # a microphone alone is no camera


def test_without_pw_dump_or_a_pipewire_answering_it_cannot_tell(monkeypatch):
    monkeypatch.setattr(pipewire.shutil, "which", lambda name: None)
    with pytest.raises(Unavailable) as caught:
        pipewire.camera()
    assert "pw-dump, is not installed" in caught.value.words
    refused = answering("", 255, "can't connect: Host is down\n")
    with pytest.raises(Unavailable) as caught:
        pipewire.camera("/usr/bin/pw-dump", refused)
    assert caught.value.words == "cannot ask PipeWire (it did not answer)"
    assert caught.value.detail == "no PipeWire answers pw-dump (can't connect: Host is down)"

    def hangs(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
        raise subprocess.TimeoutExpired(list(argv), 3)

    with pytest.raises(Unavailable):
        pipewire.camera("/usr/bin/pw-dump", hangs)


@pytest.mark.parametrize("out", ["not json", '{"id": 0}', "[1, [2], null]"])
def test_an_answer_that_is_not_pw_dumps_is_odd_or_says_no(out):
    if out.startswith("["):
        assert pipewire.camera("/usr/bin/pw-dump", answering(out)) is False
    else:
        with pytest.raises(OddAnswer):
            pipewire.camera("/usr/bin/pw-dump", answering(out))


def test_every_source_of_a_pooled_fact_is_asked_and_one_yes_holds(caplog):
    asked: list[str] = []

    def says(name: str, value: bool | None) -> tuple[str, object]:
        def read() -> bool | None:
            asked.append(name)
            return value

        return name, read

    def cannot() -> bool:
        raise Unavailable("cannot ask PipeWire (it did not answer)", "pw-dump: no")

    pooled = frozenset({"camera"})
    assert FactSources({"camera": (says("proc", False), says("pw", True))}, pooled).look() == Signals(camera=True)
    assert FactSources({"camera": (says("proc", True), says("pw", False))}, pooled).look() == Signals(camera=True)
    assert asked == ["proc", "pw", "proc"]  # a yes is enough: the second not asked
    assert FactSources({"camera": (says("proc", False), says("pw", None))}, pooled).look() == Signals(camera=False)
    d = FactSources({"camera": (("proc", cannot), says("pw", True))}, pooled)
    with caplog.at_level(logging.INFO, "qlbreak"):
        assert d.look() == d.look() == Signals(camera=True)
    assert sum("cannot tell camera from proc" in r.getMessage() for r in caplog.records) == 1
    assert d.available()["camera"] == "read from pw"
    # not pooled: the first that can tell answers, as before
    assert FactSources({"camera": (says("proc", False), says("pw", True))}).look() == Signals(camera=False)
    with pytest.raises(ValueError):
        FactSources({}, frozenset({"typo"}))


def test_windows_camera_is_the_webcam_consent_store_read_as_the_microphones(monkeypatch):
    assert windows.camera(lambda: iter([133_000_000, 0])) is True
    assert windows.camera(lambda: iter([133_000_000])) is False
    asked: list[str] = []

    def stops(capability: str):
        asked.append(capability)
        yield 0

    monkeypatch.setattr(windows, "_last_stops", stops)
    assert windows.camera() is True and windows.microphone() is True
    assert asked == ["webcam", "microphone"]


def test_windows_camera_here_cannot_tell():
    with pytest.raises(Unavailable):
        windows.camera()


def test_each_platform_names_where_a_camera_is_read_from():
    from qlbreak.edges.detect.session_win32 import SessionLock

    assert choose.detectors(of(OS.WINDOWS), lock=SessionLock()).available()["camera"] == (
        "read from Windows' camera settings"
    )
    assert choose.detectors(of(OS.LINUX)).available()["camera"] == "read from the programs' open video devices"
    mac = choose.detectors(of(OS.MACOS))
    assert mac.look(frozenset({"camera"})) == Signals()
    assert mac.available()["camera"] == "qlbreak cannot tell on macOS yet (it does not ask macOS's camera system)"
    with pytest.raises(Unavailable):
        macos.camera()


@pytest.fixture
def seen(private_home, monkeypatch):
    fake = Detectors()  # as test_cli_status's: reads idle time, cannot tell the microphone
    monkeypatch.setattr(choose, "detectors", lambda: fake)
    return fake


def test_status_says_a_camera_holds_and_where_it_is_read(seen):
    seen.signals = Signals(camera=True)
    _, out, _ = qlbreak("status")
    assert "A reminder due now would wait: waiting until your camera is off" in out
    assert "  a camera: qlbreak cannot tell on this system" in out.splitlines()
    buffer = io.StringIO()
    assert main(["status", "--json"], buffer, io.StringIO()) == 0
    data = json.loads(buffer.getvalue())
    assert data["holding"] == ["camera"] and data["waiting"] == ["waiting until your camera is off"]


def test_status_says_the_camera_is_switched_off(seen, private_home):
    (private_home / ".config" / "qlbreak").mkdir(parents=True)
    (private_home / ".config" / "qlbreak" / "config.toml").write_text("[holds]\ncamera = false\n")
    seen.signals = Signals(camera=True)
    _, out, _ = qlbreak("status")
    assert "Nothing holds reminders right now" in out
    assert "  a camera: switched off ([holds] camera = false)" in out.splitlines()
    buffer = io.StringIO()
    assert main(["status", "--json"], buffer, io.StringIO()) == 0
    assert json.loads(buffer.getvalue())["switched_off"] == ["camera"]
