"""The tray's resident memory over a new user's first walk, step by step.

Run: .venv/bin/python benchmarks/walk.py [idle_seconds]   (needs Xvfb, trayer, dunst)

A private desktop (tests/e2e/desktop.py: Xvfb, a D-Bus session, trayer, dunst) and a
private home with no settings, as a new user has. Then, as that user would:
the welcome answered with its presets; three reminders a minute apart, the first
answered with Start on the notification (the stretch window opens and is
closed; the safety notice was accepted beforehand), the second left to the third, which
replaces it; the menu and Settings, saved; then ``idle_seconds`` (default 60)
with nothing to do. The tray's RSS (VmRSS) is read after each step, once it has
settled.

The same walk runs twice, side by side in one run: qlbreak as it is (on Linux its
reminder notifications speak D-Bus through jeepney, ``edges/notify/buttons_dbus.py``) and,
as the baseline, qlbreak with desktop-notifier's adapter (``edges/notify/buttons.py``, what
Windows and macOS use, and what Linux used before: asyncio, dbus-fast and the SSL
libraries come with it).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import tkinter
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.e2e.conftest import DAYS, ROOT, TrayApp
from tests.e2e.desktop import Desktop
from tests.gui.screen import wait_until

DESKTOP_NOTIFIER = (
    "import runpy, sys; import qlbreak.tray.main as m; from qlbreak.edges.notify.buttons import ButtonNotifications; "
    "m._buttons = ButtonNotifications; sys.argv[0] = 'qlbreak'; "
    "runpy.run_module('qlbreak', run_name='__main__', alter_sys=True)"
)
SETTLE = 2.0  # seconds after a step before its RSS is read: the tray's own work is done


class WalkApp(TrayApp):
    """The e2e tests' tray app, started by ``command``."""

    command: tuple[str, ...] = (sys.executable, "-m", "qlbreak")

    def start(self) -> WalkApp:
        with (self.workdir / f"app-{len(self.runs)}.log").open("wb") as log:
            proc = subprocess.Popen(self.command, env=self.env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        self.runs.append(proc)
        wait_until(lambda: self.paths.runtime_dir.joinpath("qlbreak.sock").exists(), 20, "the tray")
        return self


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")) / 1024


class Walk:
    def __init__(self, desktop: Desktop, app: WalkApp) -> None:
        self.desktop, self.app = desktop, app
        self.rows: list[tuple[str, float]] = []

    def mark(self, step: str) -> None:
        time.sleep(SETTLE)
        self.rows.append((step, rss_mb(self.app.proc.pid)))
        print(f"{step:<52} {self.rows[-1][1]:6.1f} MB", flush=True)

    def title(self, app: str) -> str | None:
        try:
            return self.desktop.screen.send(app, "wm", "title", ".")
        except tkinter.TclError:
            return None

    def wait(self, what: str, predicate: Callable[[], object], timeout: float = 15) -> None:
        wait_until(predicate, timeout, what, interval=0.2)

    def run(self, idle: float) -> None:
        d, app, screen = self.desktop, self.app, self.desktop.screen
        app.start()
        icon = d.docked_icon()
        self.wait("the welcome", lambda: self.title("qlbreak-welcome"))
        self.mark("docked, the welcome open")
        screen.press("qlbreak-welcome", "Start using qlbreak")
        self.wait("the answers saved", lambda: "the welcome window saved" in app.log())
        self.mark("the welcome answered")
        first = (datetime.now().astimezone() + timedelta(seconds=95)).replace(second=0, microsecond=0)
        reminders = "".join(
            f'\n[[reminder]]\nname = "r{i}"\ntime = "{at:%H:%M}"\ndays = ["{DAYS[at.weekday()]}"]\n'
            for i, at in enumerate(first + timedelta(minutes=m) for m in range(3))
        )
        app.paths.config_file.write_text(app.paths.config_file.read_text() + reminders)
        seen = len(d.notifications())
        self.wait("the first reminder", lambda: len(d.notifications()) > seen, 100)
        self.mark("the first reminder (a notification with buttons)")
        d.press("Start")
        self.wait("the stretch window", lambda: self.title("qlbreak-dialog"))
        self.mark("Start pressed: the stretch window open")
        screen.send("qlbreak-dialog", "destroy", ".")
        self.wait("the stretch window to close", lambda: self.title("qlbreak-dialog") is None)
        self.mark("the stretch window closed")
        self.wait("the second reminder", lambda: len(d.notifications()) > seen + 1, 100)
        self.mark("the second reminder")
        self.wait("the third reminder", lambda: len(d.notifications()) > seen + 2, 100)
        self.mark("the third reminder (replaces the second)")
        d.click_icon(icon, button=3)
        self.wait("the menu", lambda: self.title("qlbreak-menu"))
        screen.press("qlbreak-menu", "Settings\u2026")
        self.wait("the settings", lambda: self.title("qlbreak-settings"))
        screen.press("qlbreak-settings", "Save")
        self.wait("the settings to close", lambda: self.title("qlbreak-settings") is None)
        self.mark("Settings opened from the menu and saved")
        time.sleep(idle)
        self.mark(f"then {idle:.0f} s idle")


def walk(idle: float, command: tuple[str, ...]) -> list[tuple[str, float]]:
    """One new user's walk on a private desktop and home; the tray's RSS at each step."""
    work = Path(tempfile.mkdtemp(prefix="qlbreak-walk-"))
    home, runtime = work / "home", work / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    env = {"HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)}
    os.environ.update(env)  # TrayApp finds its files through the environment
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "QLBREAK_CONFIG"):
        os.environ.pop(name, None)
    desktop = Desktop(work).start()
    app = WalkApp(desktop, work, "", env=env)
    app.paths.config_file.unlink()  # a new user: no answers yet, the welcome comes first
    app.command = command
    steps = Walk(desktop, app)
    try:
        steps.run(idle)
    finally:
        app.stop()
        desktop.stop()
    return steps.rows


def main() -> None:
    """Each walk in a process of its own (a Tk connection to the first walk's X server
    would not survive that server), then the table side by side."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    idle = float(args[0]) if args else 60.0
    if "--one" in sys.argv:
        command = (sys.executable, "-c", DESKTOP_NOTIFIER) if "--baseline" in sys.argv else WalkApp.command
        for step, mb in walk(idle, command):
            print(f"row\t{step}\t{mb:.1f}", flush=True)
        return
    tables = []
    for name, flags in (("qlbreak", []), ("baseline: qlbreak with desktop-notifier's adapter", ["--baseline"])):
        print(f"== {name}", flush=True)
        argv = [sys.executable, __file__, str(idle), "--one", *flags]
        done = subprocess.run(argv, capture_output=True, text=True, check=True)
        tables.append([line.split("\t")[1:] for line in done.stdout.splitlines() if line.startswith("row\t")])
    print("\n| step | qlbreak (MB) | with desktop-notifier (MB) | ratio |\n|---|---|---|---|")
    for (step, mb), (_, was) in zip(*tables, strict=True):
        print(f"| {step} | {mb} | {was} | {float(mb) / float(was):.2f} |")


if __name__ == "__main__":
    main()
