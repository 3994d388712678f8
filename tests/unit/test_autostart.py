"""edges/login/autostart.py: the Linux file for real; Windows and macOS through fakes."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
from contextlib import contextmanager

from qlbreak.edges.login.autostart import APPROVED_KEY, RUN_KEY, LaunchAgent, WindowsAutostart, XdgAutostart
from tests.need import missing


def test_xdg_file_on_off_and_a_hidden_one_counts_as_off(tmp_path):
    item = XdgAutostart(tmp_path, python="/opt/my apps/venv/bin/python")
    assert not item.enabled()
    item.set(True)
    assert item.enabled()
    text = item.path.read_text()
    assert 'Exec="/opt/my apps/venv/bin/python" -m qlbreak' in text
    assert item.path == tmp_path / "autostart" / "qlbreak.desktop"
    item.path.write_text(text + "Hidden=true\n")
    assert not item.enabled()
    item.set(False)
    assert not item.path.exists()
    item.set(False)  # turning off twice is fine


def test_the_desktop_file_is_valid(tmp_path):
    if shutil.which("desktop-file-validate") is None:
        missing("desktop-file-validate is missing (Debian: desktop-file-utils; scripts/test.sh installs it)")
    item = XdgAutostart(tmp_path)
    item.set(True)
    result = subprocess.run(["desktop-file-validate", str(item.path)], check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


class FakeWinreg:
    """The part of ``winreg`` the adapter uses, over a dict of keys."""

    HKEY_CURRENT_USER, REG_SZ, REG_BINARY, KEY_SET_VALUE = "HKCU", 1, 3, 2

    def __init__(self):
        self.keys: dict[str, dict[str, object]] = {}

    @contextmanager
    def OpenKey(self, root, path, reserved=0, access=0):
        if path not in self.keys:
            raise FileNotFoundError(path)
        yield path

    @contextmanager
    def CreateKey(self, root, path):
        self.keys.setdefault(path, {})
        yield path

    def QueryValueEx(self, key, name):
        if name not in self.keys[key]:
            raise FileNotFoundError(name)
        return self.keys[key][name], self.REG_SZ

    def SetValueEx(self, key, name, reserved, kind, value):
        self.keys[key][name] = value

    def DeleteValue(self, key, name):
        del self.keys[key][name]


def test_windows_run_key_uses_pythonw_so_no_console_opens():
    reg = FakeWinreg()
    item = WindowsAutostart(reg, python=r"C:\Users\Ann Lee\qlbreak\Scripts\python.exe")
    assert not item.enabled()
    item.set(True)
    assert reg.keys[RUN_KEY]["qlbreak"] == r'"C:\Users\Ann Lee\qlbreak\Scripts\pythonw.exe" -m qlbreak'
    assert item.enabled() and item.status().startswith("on")
    item.set(False)
    assert "qlbreak" not in reg.keys[RUN_KEY] and not item.enabled()


def test_windows_respects_a_task_manager_disable():
    reg = FakeWinreg()
    item = WindowsAutostart(reg, python=r"C:\py\python.exe")
    item.set(True)
    reg.keys[APPROVED_KEY] = {"qlbreak": bytes([3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])}
    assert not item.enabled()
    assert "disabled in Task Manager" in item.status()
    item.set(True)
    assert reg.keys[APPROVED_KEY]["qlbreak"][0] == 3  # never overridden
    reg.keys[APPROVED_KEY]["qlbreak"] = bytes([2] + [0] * 11)
    assert item.enabled()


def test_macos_launch_agent(tmp_path):
    item = LaunchAgent(tmp_path, python="/Users/ann/venv/bin/python")
    item.set(True)
    data = plistlib.loads(item.path.read_bytes())
    assert data["ProgramArguments"] == ["/Users/ann/venv/bin/python", "-m", "qlbreak"]
    assert data["RunAtLoad"] is True and item.enabled()
    assert item.path.parent == tmp_path / "Library" / "LaunchAgents"
    item.path.write_bytes(b"not a plist")
    assert not item.enabled()
    item.set(False)
    assert not item.path.exists()
