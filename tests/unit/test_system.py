"""qlbreak/system.py: the one place that asks which OS this is, its override, and the
flags the rest of the code asks instead; edges/nothing.py: a do-nothing adapter per port."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime

import pytest

from qlbreak import system
from qlbreak.clock import LocalZone
from qlbreak.core.holds import Signals
from qlbreak.edges import nothing
from qlbreak.edges.ports import Alarm, ButtonNotifier, Detectors, LoginItem, Notifier, SettingsFile, Tray
from qlbreak.storage.privacy import private_file
from qlbreak.system import OS, of
from tests.need import missing


def test_each_platform_name_is_its_system():
    assert system.detected("win32") is OS.WINDOWS
    assert system.detected("darwin") is OS.MACOS
    assert system.detected("linux") is OS.LINUX
    assert system.detected("freebsd14") is OS.OTHER


def test_the_environment_names_another_system(capsys):
    chosen = system.this({"QLBREAK_SYSTEM": "Windows "}, platform="linux")
    assert chosen.os is OS.WINDOWS and chosen == of(OS.WINDOWS)
    assert system.this({}, platform="darwin") == of(OS.MACOS)
    assert capsys.readouterr().err == ""


def test_a_wrong_name_is_one_line_and_the_detected_system_serves(capsys):
    chosen = system.this({"QLBREAK_SYSTEM": "beos"}, platform="linux")
    assert chosen.os is OS.LINUX
    err = capsys.readouterr().err
    assert err == "qlbreak: QLBREAK_SYSTEM='beos' is not one of linux, windows, macos, other; using linux\n"


def test_a_wrong_name_in_a_real_start_is_no_traceback():
    import subprocess

    env = {**os.environ, "QLBREAK_SYSTEM": "amiga"}
    done = subprocess.run(
        [sys.executable, "-c", "from qlbreak.system import THIS; print(THIS.os)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Traceback" not in done.stderr and "QLBREAK_SYSTEM='amiga'" in done.stderr
    assert done.stdout.strip() == system.detected().value


def test_no_fork_where_os_has_none(monkeypatch):
    monkeypatch.delattr(os, "fork", raising=False)
    assert system.this({"QLBREAK_SYSTEM": "linux"}).fork is False
    assert system.of(OS.LINUX).fork is True


def test_flags_follow_the_system():
    windows, mac, linux, other = of(OS.WINDOWS), of(OS.MACOS), of(OS.LINUX), of(OS.OTHER)
    assert not windows.posix_files and not windows.signals and not windows.replace_open_files
    assert mac.posix_files and mac.icon_notifies and not mac.unbundled_notifications
    assert linux.x11_tray and linux.notify_send and not linux.icon_notifies
    assert not other.x11_tray and not other.notify_send and other.posix_files


@pytest.mark.skipif(sys.platform == "win32", reason="file modes are POSIX")
def test_file_modes_are_tightened_only_where_files_have_modes(tmp_path):
    path = tmp_path / "history.db"
    path.write_text("")
    path.chmod(0o644)
    private_file(path, of(OS.WINDOWS))
    assert path.stat().st_mode & 0o777 == 0o644
    private_file(path, of(OS.LINUX))
    assert path.stat().st_mode & 0o777 == 0o600


def test_the_zone_file_is_read_only_where_there_is_one(tmp_path, monkeypatch):
    source = "/usr/share/zoneinfo/Pacific/Chatham"  # nobody's machine runs in it
    if not os.path.exists(source):
        missing("no zone files here (tzdata)")
    localtime = tmp_path / "localtime"
    localtime.symlink_to(source)  # a link names its zone
    monkeypatch.delenv("TZ", raising=False)
    assert str(LocalZone(localtime, of(OS.LINUX)).get()) == "Pacific/Chatham"
    assert str(LocalZone(localtime, of(OS.WINDOWS)).get()) != "Pacific/Chatham"


def test_macos_sends_no_pointing_notification_outside_an_app_bundle():
    from qlbreak.edges.notify.buttons import ButtonNotifications

    posted: list[object] = []
    on_mac = ButtonNotifications("icon.png", posted.append, system=of(OS.MACOS))
    assert on_mac.point("Time for a stretch", "It waits in the corner", 60) is False
    assert on_mac._loop is None  # nothing was even started


def test_each_port_has_a_do_nothing_adapter_that_says_none_here():
    tray: Tray = nothing.NoTray()
    notifier: Notifier = nothing.NoNotifier()
    buttons: ButtonNotifier = nothing.NoButtons()
    login: LoginItem = nothing.NoLogin()
    alarm: Alarm = nothing.NoAlarm()
    detectors: Detectors = nothing.NoDetectors()
    settings: SettingsFile = nothing.NoSettingsFile()
    tray.update("qlbreak", "normal", [])
    notifier.notify("Title", "Body")
    assert buttons.remind("Title", "Body", [("start", "Start")], 60) is False
    assert buttons.point("Title", "Body", 60) is False and buttons.left() is None
    assert login.enabled() is None
    assert alarm.exact is False
    alarm.at(datetime.now(UTC))
    alarm.close()
    assert detectors.look() == detectors.look(frozenset({"locked"})) == Signals()
    assert set(detectors.available()) == {
        "locked",
        "full_screen",
        "do_not_disturb",
        "microphone",
        "camera",
        "idle_seconds",
    }
    assert settings.changed(None) is None  # type: ignore[arg-type]
