"""Start qlbreak at login: an XDG autostart file, the HKCU Run key, or a LaunchAgent.

Each login item starts this same interpreter with ``-m qlbreak`` (on Windows its
``pythonw.exe``, so no console window opens). Only qlbreak's own entry is ever
written or removed; on Windows a "Disabled" set in Task Manager is respected and
reported, never overridden.
"""

from __future__ import annotations

import ntpath
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from qlbreak.core.words import _
from qlbreak.storage.atomic import write_atomic

NAME = "qlbreak"
LABEL = "io.github.qlbreak"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"


def command(python: str = sys.executable) -> list[str]:
    return [python, "-m", "qlbreak"]


class XdgAutostart:
    """Linux and the BSDs: ``$XDG_CONFIG_HOME/autostart/qlbreak.desktop``."""

    def __init__(self, config_home: Path, python: str = sys.executable) -> None:
        self.path = config_home / "autostart" / f"{NAME}.desktop"
        self.python = python

    def enabled(self) -> bool:
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError:
            return False
        lines = {line.strip().replace(" ", "").lower() for line in text.splitlines()}
        return "hidden=true" not in lines and "x-gnome-autostart-enabled=false" not in lines

    def set(self, on: bool) -> None:
        if on:
            write_atomic(self.path, self.entry().encode())
        else:
            self.path.unlink(missing_ok=True)

    def entry(self) -> str:
        exec_line = " ".join(_desktop_quote(arg) for arg in command(self.python))
        return (
            "[Desktop Entry]\n"
            "Type=Application\n"
            "Name=qlbreak\n"
            "Comment=Stretch reminders for the lower back\n"  # a file, kept in English (not the user's words)
            f"Exec={exec_line}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        )

    def status(self) -> str:
        return _said(self.enabled(), str(self.path))


class WindowsAutostart:
    """``HKCU\\...\\Run``; ``winreg`` is passed in so tests can hand over a fake."""

    def __init__(self, winreg: ModuleType | Any, python: str = sys.executable) -> None:
        self.reg, self.python = winreg, python

    def value(self) -> str:
        folder, exe = ntpath.split(self.python)  # a Windows path, whatever runs the tests
        gui = ntpath.join(folder, "pythonw.exe") if exe.lower() == "python.exe" else self.python
        return " ".join(f'"{arg}"' if " " in arg or arg == gui else arg for arg in command(gui))

    def registered(self) -> bool:
        try:
            with self.reg.OpenKey(self.reg.HKEY_CURRENT_USER, RUN_KEY) as key:
                self.reg.QueryValueEx(key, NAME)
            return True
        except OSError:
            return False

    def disabled_in_task_manager(self) -> bool:
        try:
            with self.reg.OpenKey(self.reg.HKEY_CURRENT_USER, APPROVED_KEY) as key:
                data = self.reg.QueryValueEx(key, NAME)[0]
        except OSError:
            return False
        return bool(data) and data[0] == 3

    def enabled(self) -> bool:
        return self.registered() and not self.disabled_in_task_manager()

    def set(self, on: bool) -> None:
        if on:
            with self.reg.CreateKey(self.reg.HKEY_CURRENT_USER, RUN_KEY) as key:
                self.reg.SetValueEx(key, NAME, 0, self.reg.REG_SZ, self.value())
        elif self.registered():
            with self.reg.OpenKey(self.reg.HKEY_CURRENT_USER, RUN_KEY, 0, self.reg.KEY_SET_VALUE) as key:
                self.reg.DeleteValue(key, NAME)

    def status(self) -> str:
        if self.registered() and self.disabled_in_task_manager():
            # Translators: after "start at login: "; Task Manager and Startup apps as Windows names them
            return _("off: disabled in Task Manager (Startup apps); turn it on there")
        return _said(self.registered(), f"HKCU\\{RUN_KEY}\\{NAME}")


class LaunchAgent:
    """macOS: ``~/Library/LaunchAgents/io.github.qlbreak.plist``."""

    def __init__(self, home: Path, python: str = sys.executable) -> None:
        self.path = home / "Library" / "LaunchAgents" / f"{LABEL}.plist"
        self.python = python

    def enabled(self) -> bool:
        import plistlib  # macOS only: not in the tray's memory elsewhere

        try:
            with self.path.open("rb") as f:
                data = plistlib.load(f)
        except (OSError, plistlib.InvalidFileException, ValueError):
            return False
        return bool(data.get("RunAtLoad")) and not data.get("Disabled", False)

    def set(self, on: bool) -> None:
        import plistlib

        if on:
            data = {
                "Label": LABEL,
                "ProgramArguments": command(self.python),
                "RunAtLoad": True,
                "ProcessType": "Interactive",
            }
            write_atomic(self.path, plistlib.dumps(data))
        else:
            self.path.unlink(missing_ok=True)

    def status(self) -> str:
        return _said(self.enabled(), str(self.path))


# one of the three, as ``edges/choose.login_item`` picks it (the ``LoginItem`` port and more)
AutostartEntry = XdgAutostart | WindowsAutostart | LaunchAgent


def where(item: AutostartEntry) -> str | None:
    """Where qlbreak's login item is, for ``qlbreak uninstall`` to say; None: there is none."""
    if isinstance(item, WindowsAutostart):
        return f"HKCU\\{RUN_KEY}\\{NAME}" if item.registered() else None
    return str(item.path) if item.path.exists() or item.path.is_symlink() else None


def remove(item: AutostartEntry) -> None:
    """Uninstall: the login item goes, and on Windows the Task Manager's note about it."""
    item.set(False)
    if isinstance(item, WindowsAutostart):
        reg = item.reg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, APPROVED_KEY, 0, reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, NAME)
        except OSError:  # none: it was never turned off there
            pass


def _said(on: bool, where: str) -> str:
    """For ``qlbreak autostart``: on or off, and where the login item is (its file or key)."""
    # Translators: after "start at login: "; {where} is the login item's file or registry key
    return _("on ({where})").format(where=where) if on else _("off ({where})").format(where=where)


def _desktop_quote(arg: str) -> str:
    """The Desktop Entry spec's quoting for one Exec argument."""
    if not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'
