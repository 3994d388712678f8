"""Nothing phones home: the tray and every window it opens (each a child process: the
stretch window, the menu, the settings) reach no network, only the desktop's own
services. The whole app runs under ``strace -f`` through a reminder on the bus, its
stretch walked to the end (the chime played), the settings window opened and closed,
and ``qlbreak status`` and ``qlbreak quit`` (the single-instance endpoint, each also
under strace); then every socket opened and every address connected or sent to is
read back (``audit.py``). Any network family fails, naming the call and the process;
a Unix socket must be the X display, the D-Bus session bus, the sound server or
qlbreak's own endpoint.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

from qlbreak.edges.instance import peruser
from tests.e2e import audit
from tests.e2e.conftest import ROOT, TrayApp
from tests.e2e.test_reminders import due_now
from tests.e2e.test_tray import DIALOG, MENU, SETTINGS, tk_title
from tests.gui.screen import require, wait_until

FEELING = "How did that feel?"


def test_the_tray_and_its_windows_reach_no_network(desktop, tray_app, tmp_path):
    require(("strace",), "network audit", "apt-get install strace")
    tray_trace, clients_trace = tmp_path / "tray.strace", tmp_path / "clients.strace"
    app = tray_app(due_now(), wrap=[*audit.command(tray_trace), "--"])
    try:
        icon = desktop.docked_icon()
        wait_until(lambda: "time for a stretch" in desktop.title(icon), 20, "the reminder")
        wait_until(lambda: desktop.displayed() >= 1, 10, "its notification on screen (through the bus)")
        desktop.press("Start")
        wait_until(lambda: tk_title(desktop, DIALOG), 15, "the stretch window from the notification's Start")
        walk_to_the_end(desktop)

        desktop.click_icon(icon, button=3)
        wait_until(lambda: tk_title(desktop, MENU), 15, "qlbreak's menu")
        desktop.screen.press(MENU, "Settings\u2026")
        wait_until(lambda: tk_title(desktop, SETTINGS), 15, "the settings window")
        desktop.screen.press(SETTINGS, "Cancel")
        wait_until(lambda: tk_title(desktop, SETTINGS) is None, 10, "the settings window to close")

        second = traced_qlbreak(app, clients_trace)  # a second start: the running tray opens a stretch
        assert second.returncode == 0 and "already running" in second.stdout, second
        wait_until(lambda: tk_title(desktop, DIALOG), 15, "the stretch window the second start asked for")
        desktop.screen.wait_text(DIALOG, "^Start$", 15)  # its stretch in it (a window started ahead waits for one)
        desktop.screen.send(DIALOG, "event", "generate", ".", "<Escape>")
        wait_until(lambda: tk_title(desktop, DIALOG) is None, 10, "the stretch window to close")
        status = traced_qlbreak(app, clients_trace, "status")
        assert status.returncode == 0, status
        done = traced_qlbreak(app, clients_trace, "quit")
        assert done.returncode == 0 and "qlbreak has quit" in done.stdout, done
        assert app.proc.wait(timeout=20) == 0  # strace: every process it followed has ended
    finally:
        end_traced(app)

    found = audit.calls(tray_trace.read_text()) + audit.calls(clients_trace.read_text())
    own = [f / peruser.SOCKET for f in (*peruser.folders(app.paths.runtime_dir, app.env), app.paths.runtime_dir)]
    allowed = audit.local_services(app.env, own)
    problems = audit.findings(found, allowed)
    reached = sorted({f"{c.address} ({c.syscall})" for c in found if c.family == audit.UNIX and c.address})
    assert not problems, "\n".join([*problems, "Unix sockets reached:", *reached])
    # the audit saw the app at work, not an empty trace: the X display from the tray and
    # a window, the bus, and the endpoint from the clients
    display = {a for a in allowed if "/.X11-unix/" in a}
    x_users = {c.process for c in found if c.syscall == "connect" and c.address in display}
    assert any("qlbreak" in p and "stretch" in p for p in x_users) and len(x_users) >= 3, x_users
    assert any(c.address in {str(p) for p in own} for c in found if c.syscall == "connect"), reached
    assert any(c.syscall == "connect" and c.address.endswith("/bus") for c in found), reached


def walk_to_the_end(desktop) -> None:
    """The stretch window through every step, as a person's keys would take it: Return
    on (Start, I'm ready), Right through each hold once it runs, 1 for the feeling (its
    chime played), and Return to close; each key waits for the screen it was meant for."""
    screen, felt = desktop.screen, False
    screen.wait_text(DIALOG, "^Start$", 15)  # its first screen, the stretch in it
    # a key made before the window has the keyboard focus is lost (Tk's event generate;
    # a person's key goes to the window that has it): CI lost a Return so
    wait_until(lambda: screen.send(DIALOG, "focus"), 10, "the stretch window to have the focus")
    for _ in range(60):
        texts = screen.texts(DIALOG) if tk_title(desktop, DIALOG) else []
        if not texts:
            assert felt, "the stretch window closed before its end"
            return
        felt = felt or FEELING in texts
        key = "1" if FEELING in texts else "Right" if "Pause" in texts else "Return"
        screen.send(DIALOG, "event", "generate", ".", f"<Key-{key}>")
        wait_until(lambda t=texts: tk_title(desktop, DIALOG) is None or screen.texts(DIALOG) != t, 10, f"{key} to act")
    raise AssertionError(f"the stretch window did not end: {screen.texts(DIALOG)}")


def end_traced(app: TrayApp) -> None:
    """strace blocks the signals a test's end sends it (``-o FILE PROG`` does), so a tray
    still running (the test failed) is told itself; strace ends with the last process it follows."""
    strace = app.proc.pid
    with contextlib.suppress(OSError):
        for pid in Path(f"/proc/{strace}/task/{strace}/children").read_text().split():
            os.kill(int(pid), signal.SIGTERM)


def traced_qlbreak(app: TrayApp, trace: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``qlbreak`` on the command line under strace too, its calls added to ``trace``."""
    run = [*audit.command(trace), "-A", "--", sys.executable, "-m", "qlbreak", *argv]
    return subprocess.run(run, env=app.env, capture_output=True, text=True, timeout=30, cwd=ROOT, check=False)
