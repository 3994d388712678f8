"""The local zone followed when /etc/localtime changes, a link or a plain file."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qlbreak import clock
from qlbreak.clock import LocalZone, SystemClock
from tests.need import missing

pytestmark = pytest.mark.skipif(os.name != "posix", reason="/etc/localtime is Unix's")

ROOT = Path(__file__).resolve().parents[2]
WINTER = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


def zone_file(name: str) -> Path:
    for root in ("/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo"):
        if (Path(root) / name).is_file():
            return Path(root) / name
    missing(f"no system zone files ({name})")


@pytest.fixture(autouse=True)
def no_tz(monkeypatch):
    monkeypatch.delenv("TZ", raising=False)


def offset(tz) -> timedelta | None:
    return WINTER.astimezone(tz).utcoffset()


def test_a_plain_localtime_file_swapped_is_followed_at_the_next_reading(tmp_path):
    localtime = tmp_path / "localtime"
    shutil.copyfile(zone_file("Europe/Berlin"), localtime)
    wall = SystemClock(localtime=localtime)
    assert wall.now().utcoffset() in (timedelta(hours=1), timedelta(hours=2))
    new = tmp_path / "localtime.new"  # as a package or a sync tool swaps it: renamed over
    shutil.copyfile(zone_file("America/New_York"), new)
    new.replace(localtime)
    assert wall.now().utcoffset() in (timedelta(hours=-5), timedelta(hours=-4))


def test_a_plain_file_rewritten_in_place_is_followed(tmp_path):
    localtime = tmp_path / "localtime"
    shutil.copyfile(zone_file("Europe/Berlin"), localtime)
    local = LocalZone(localtime)
    assert offset(local.get()) == timedelta(hours=1)
    localtime.write_bytes(zone_file("America/New_York").read_bytes())
    assert offset(local.get()) == timedelta(hours=-5)


def test_the_plain_file_is_read_again_only_when_it_changed(tmp_path, monkeypatch):
    localtime = tmp_path / "localtime"
    shutil.copyfile(zone_file("Asia/Tokyo"), localtime)
    reads: list[object] = []
    monkeypatch.setattr(clock, "open", lambda *a: reads.append(a) or open(*a), raising=False)  # noqa: SIM115 - clock closes it
    local = LocalZone(localtime)
    first = local.get()
    assert all(local.get() is first for _ in range(100))
    assert len(reads) == 1
    shutil.copyfile(zone_file("Asia/Kolkata"), tmp_path / "new")
    (tmp_path / "new").replace(localtime)
    assert offset(local.get()) == timedelta(hours=5, minutes=30)
    assert len(reads) == 2


def test_a_link_names_its_zone_and_a_new_link_is_followed(tmp_path):
    localtime = tmp_path / "localtime"
    localtime.symlink_to(zone_file("Europe/Berlin"))
    local = LocalZone(localtime)
    assert local.get() == ZoneInfo("Europe/Berlin")
    (tmp_path / "new").symlink_to(zone_file("America/New_York"))
    (tmp_path / "new").replace(localtime)  # as timedatectl set-timezone does
    assert local.get() == ZoneInfo("America/New_York")


def test_a_relative_link_and_a_chain_of_links_name_their_zone(tmp_path):
    relative = tmp_path / "relative"
    relative.symlink_to(os.path.relpath(zone_file("Asia/Tokyo"), tmp_path))
    assert LocalZone(relative).get() == ZoneInfo("Asia/Tokyo")
    (tmp_path / "alternative").symlink_to(zone_file("Asia/Kolkata"))
    (tmp_path / "chained").symlink_to(tmp_path / "alternative")
    assert LocalZone(tmp_path / "chained").get() == ZoneInfo("Asia/Kolkata")


def test_tz_comes_first(tmp_path, monkeypatch):
    localtime = tmp_path / "localtime"
    shutil.copyfile(zone_file("Europe/Berlin"), localtime)
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert SystemClock(localtime=localtime).now().utcoffset() == timedelta(hours=9)
    monkeypatch.setenv("TZ", f":{zone_file('America/New_York')}")  # a file, as POSIX allows
    assert offset(LocalZone(localtime).get()) == timedelta(hours=-5)


def test_a_broken_or_missing_localtime_falls_back_without_a_traceback(tmp_path):
    localtime = tmp_path / "localtime"
    localtime.write_bytes(b"not a zone file")
    assert clock.LocalZone(localtime).get() is not None
    assert clock.LocalZone(tmp_path / "nothing").get() is not None
    (tmp_path / "dangling").symlink_to(tmp_path / "gone" / "zoneinfo" / "Mars/Olympus")
    assert SystemClock(localtime=tmp_path / "dangling").now().tzinfo is not None


def test_a_named_zone_setting_ignores_the_system_zone(tmp_path):
    localtime = tmp_path / "localtime"
    shutil.copyfile(zone_file("Europe/Berlin"), localtime)
    wall = SystemClock("Asia/Tokyo", localtime=localtime)
    assert wall.now().utcoffset() == timedelta(hours=9)
    wall.use_zone(clock.LOCAL)
    assert wall.now().utcoffset() in (timedelta(hours=1), timedelta(hours=2))


def damaged_new_york() -> bytes:
    """New York's file with two bytes changed (found by fuzzing): a transition's time and
    a type's DST flag. Python 3.11's C zoneinfo reader crashes the process on it."""
    data = bytearray(zone_file("America/New_York").read_bytes())
    isut, isstd, leap, count, types, chars = struct.unpack(">6l", data[20:44])
    second = 44 + count * 5 + types * 6 + chars + leap * 8 + isstd + isut  # the 64-bit part
    count = struct.unpack(">l", data[second + 32 : second + 36])[0]
    data[second + 44 + 182 * 8 + 3] = 135
    data[second + 44 + count * 9 + 2 * 6 + 4] = 149
    return bytes(data)


def test_a_damaged_localtime_neither_crashes_nor_hangs_and_the_zone_read_before_stays(tmp_path):
    localtime = tmp_path / "localtime"
    shutil.copyfile(zone_file("Europe/Berlin"), localtime)
    local = LocalZone(localtime)
    assert offset(local.get()) == timedelta(hours=1)
    berlin = zone_file("Europe/Berlin").read_bytes()
    # cut short in its last line (a copy stopped by a full disk): from_file would read for ever
    for cut in (berlin[:-1], berlin[: berlin.rindex(b"\n", 0, -1) + 1], b"", b"TZif2"):
        localtime.write_bytes(cut)
        reading = threading.Thread(target=local.get, daemon=True)
        reading.start()
        reading.join(2)
        assert not reading.is_alive(), len(cut)
        assert offset(local.get()) == timedelta(hours=1)
    script = (
        "import sys; from pathlib import Path; from qlbreak.clock import LocalZone as L; L(Path(sys.argv[1])).get()"
    )
    localtime.write_bytes(damaged_new_york())
    done = subprocess.run(
        [sys.executable, "-c", script, str(localtime)], check=False, env=os.environ | {"TZ": ""}, cwd=ROOT
    )
    assert done.returncode == 0  # not -11, a segmentation fault
    localtime.write_bytes(zone_file("America/New_York").read_bytes())
    assert offset(local.get()) == timedelta(hours=-5)
