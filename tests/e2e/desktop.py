"""A private Linux desktop for end-to-end tests: Xvfb, a D-Bus session bus of its own,
the trayer tray host, the dunst notification server, and dbus-monitor recording
every notification that reaches the bus. Each piece is a child process, ended by PID.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

from tests.gui.screen import Screen, end, wait_until

TOOLS = ("Xvfb", "xdotool", "xwininfo", "trayer", "dunst", "dbus-daemon", "dbus-monitor", "notify-send")


class Desktop:
    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.screen = Screen(workdir)
        self.bus: subprocess.Popen[bytes] | None = None
        self.bus_address = ""
        self.trayer: subprocess.Popen[bytes] | None = None
        self.dunst: subprocess.Popen[bytes] | None = None
        self.monitor: subprocess.Popen[bytes] | None = None
        self.monitor_log = workdir / "dbus-monitor.log"

    def start(self) -> Desktop:
        self.screen.start()
        address = f"unix:path={self.workdir / 'bus'}"
        self.bus = self._spawn(
            ["dbus-daemon", "--session", "--nofork", f"--address={address}"], self.workdir / "dbus.log"
        )
        wait_until((self.workdir / "bus").exists, 10, "the D-Bus session bus")
        self.bus_address = address
        self.monitor = self._spawn(
            ["dbus-monitor", "interface='org.freedesktop.Notifications'"], self.monitor_log, line_buffered=True
        )
        # a monitor gives its bus name up once it listens (BecomeMonitor): before that, a
        # notification goes unrecorded (the first test of a loaded session missed one)
        wait_until(lambda: "member=NameLost" in self._bus_log(), 10, "dbus-monitor to listen")
        self.dunst = self._spawn(["dunst", "-conf", str(self._dunstrc())], self.workdir / "dunst.log")
        self.start_tray()
        wait_until(self._notification_server_up, 10, "dunst on the bus")
        return self

    def stop(self) -> None:
        for proc in (self.trayer, self.dunst, self.monitor, self.bus):
            if proc is not None:
                end(proc)
        self.screen.stop()

    @property
    def env(self) -> dict[str, str]:
        return {**self.screen.env, "DBUS_SESSION_BUS_ADDRESS": self.bus_address}

    def run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(argv, env=self.env, check=check, capture_output=True, text=True, timeout=20)

    # -- the tray host ----------------------------------------------------------------

    def start_tray(self) -> None:
        self.trayer = self._spawn(
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "32"],
            self.workdir / "trayer.log",
        )
        wait_until(self.tray_running, 10, "trayer to own the system tray selection")

    def stop_tray(self) -> None:
        if self.trayer is not None:
            end(self.trayer)
            self.trayer = None
        wait_until(lambda: not self.tray_running(), 10, "the tray selection to be free")

    def tray_running(self) -> bool:
        import Xlib.display
        import Xlib.X

        display = Xlib.display.Display(self.screen.display)
        try:
            return display.get_selection_owner(display.intern_atom("_NET_SYSTEM_TRAY_S0")) != Xlib.X.NONE
        finally:
            display.close()

    # -- the icon ---------------------------------------------------------------------

    def icons(self) -> list[int]:
        """qlbreak's tray icon windows (pystray names the class after the app)."""
        out = self.run("xdotool", "search", "--classname", "^qlbreakSystemTrayIcon$", check=False).stdout
        return [int(w) for w in out.split()]

    def qlbreak_windows(self) -> list[int]:
        out = self.run("xdotool", "search", "--name", "^qlbreak", check=False).stdout
        return [int(w) for w in out.split()]

    def docked_icon(self, timeout: float = 15) -> int:
        def embedded() -> int | None:
            for wid in self.icons():
                tree = self.run("xwininfo", "-tree", "-id", str(wid), check=False).stdout
                root = re.search(r"Root window id: (0x[0-9a-f]+)", tree)
                parent = re.search(r"Parent window id: (0x[0-9a-f]+)", tree)
                if root and parent and root.group(1) != parent.group(1):
                    try:
                        _x, _y, w, h = self.screen.geometry(wid)
                    except subprocess.CalledProcessError:
                        continue  # gone meanwhile
                    shown = "IsViewable" in self.run("xwininfo", "-id", str(wid), check=False).stdout
                    if w > 1 and h > 1 and shown and self._settled(wid):
                        return wid
            return None

        try:
            found: int = wait_until(embedded, timeout, "qlbreak's icon docked in the tray")
        except TimeoutError as err:
            trees = [self.run("xwininfo", "-tree", "-stats", "-id", str(w), check=False).stdout for w in self.icons()]
            raise TimeoutError(f"{err}; icons: {trees}") from None
        return found

    def _settled(self, wid: int) -> bool:
        """The tray has stopped moving the icon (a click must not land where it was)."""
        try:
            first = self.screen.geometry(wid)
            time.sleep(0.3)
            return self.screen.geometry(wid) == first
        except subprocess.CalledProcessError:
            return False

    def title(self, wid: int) -> str:
        return self.run("xdotool", "getwindowname", str(wid)).stdout.strip()

    def click_icon(self, wid: int, button: int = 1) -> None:
        x, y, w, h = self.screen.geometry(wid)
        self.run("xdotool", "mousemove", str(x + w // 2), str(y + h // 2), "click", str(button))

    # -- notifications ----------------------------------------------------------------

    def _bus_log(self) -> str:
        return self.monitor_log.read_text(errors="replace") if self.monitor_log.exists() else ""

    def notifications(self, app_name: str = "qlbreak") -> list[str]:
        """Summaries of every Notify call from ``app_name`` that the bus carried."""
        text = self._bus_log()
        found = []
        for call in text.split("member=Notify")[1:]:
            strings = re.findall(r'^\s+string "(.*)"$', call, flags=re.MULTILINE)
            if len(strings) >= 3 and strings[0] == app_name:
                found.append(strings[2])  # app_name, icon, summary, body
        return found

    def press(self, label: str) -> None:
        """Press the button ``label`` on the newest notification, through dunst's own
        context menu (its "dmenu" is a script that picks the line with ``label``)."""
        (self.workdir / "dmenu-choice").write_text(label)
        self.run("dunstctl", "context")

    def displayed(self) -> int:
        return int(self.run("dunstctl", "count", "displayed").stdout.strip() or 0)

    def _dunstrc(self) -> Path:
        pick = self.workdir / "dmenu-pick"
        pick.write_text(f'#!/bin/sh\ngrep -m1 -F -- "$(cat {self.workdir / "dmenu-choice"})"\n')
        pick.chmod(0o755)
        rc = self.workdir / "dunstrc"
        rc.write_text(f"[global]\n    dmenu = {pick}\n")
        return rc

    def _notification_server_up(self) -> bool:
        names = self.run(
            "dbus-send",
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.ListNames",
            check=False,
        ).stdout
        return "org.freedesktop.Notifications" in names

    def _spawn(self, argv: list[str], log: Path, line_buffered: bool = False) -> subprocess.Popen[bytes]:
        cmd = ["stdbuf", "-oL", *argv] if line_buffered and shutil.which("stdbuf") else argv
        with log.open("wb") as out:  # the child keeps its own copy of the descriptor
            return subprocess.Popen(cmd, env=self.env, stdout=out, stderr=subprocess.STDOUT)


def wait_gone(pid: int, timeout: float) -> float:
    """Seconds until process ``pid`` (a child of ours, reaped elsewhere) is gone."""
    start = time.monotonic()
    wait_until(lambda: not os.path.exists(f"/proc/{pid}"), timeout, f"process {pid} to end")
    return time.monotonic() - start
