"""One tray per user whatever the environment: the real ``python -m qlbreak`` started
from a cron job ($XDG_RUNTIME_DIR unset, before any login made /run/user/<uid>), then
from the login session (set), an ssh shell (another value, with an older run's
leftovers there) and ``sudo -u`` (another again, and $TMPDIR), the same $HOME. Exactly
one runs; every later start hands its request to it; ``status`` and ``quit`` from any
of them reach it.

The trays use the uid's real folders (/run/user/<uid>, /tmp/qlbreak-<uid>), so the test
runs them in a mount namespace of their own with a fresh /tmp and /run/user: nothing
of the machine's, or of another test run's, is seen or touched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.need import missing

ROOT = Path(__file__).resolve().parents[2]

# Runs inside the namespace: makes a home, starts the trays, reports what happened.
SCRIPT = r"""
import json, os, socket, subprocess, sys, time
from datetime import UTC, datetime, timedelta

os.umask(0o077)
uid = os.getuid()
# The checkout and its Python may live under /tmp (a CI clone): they are mounted back
# into the fresh /tmp, from the old one (still reachable through an open folder).
keep = sorted({p for p in (os.getcwd(), sys.prefix) if p.startswith("/tmp/")})
old_tmp = os.open("/tmp", os.O_RDONLY | os.O_DIRECTORY)
for where in ("/tmp", "/run/user"):
    subprocess.run(["mount", "-t", "tmpfs", "-o", "mode=0755", "tmpfs", where], check=True)
for path in keep:
    os.makedirs(path, exist_ok=True)
    source = f"/proc/{os.getpid()}/fd/{old_tmp}/{path.removeprefix('/tmp/')}"
    subprocess.run(["mount", "--no-canonicalize", "--bind", source, path], check=True)
home = "/tmp/home"
os.makedirs(home + "/.config/qlbreak", 0o700)
day = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[(datetime.now(UTC) + timedelta(days=2)).weekday()]
with open(home + "/.config/qlbreak/config.toml", "w") as f:
    f.write(f'[[reminder]]\nname = "far"\ntime = "03:00"\ndays = ["{day}"]\n')
keep = ("DISPLAY", "WAYLAND_DISPLAY", "QLBREAK_INSTANCE_DIR", "XDG_RUNTIME_DIR", "HOME", "TMPDIR")
base = {k: v for k, v in os.environ.items() if k not in keep and not k.startswith("XDG_")}
base |= {"HOME": home, "DBUS_SESSION_BUS_ADDRESS": "disabled:", "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
old = "/tmp/session-b"
os.makedirs(old + "/qlbreak", 0o700)  # an older run's leftovers in the old place: a socket nobody serves, a lock file
leftover = socket.socket(socket.AF_UNIX)
leftover.bind(old + "/qlbreak/qlbreak.sock")
leftover.close()
open(old + "/qlbreak/qlbreak.lock", "w").close()
os.makedirs("/tmp/elsewhere", 0o700)
envs = {
    "login": base | {"XDG_RUNTIME_DIR": f"/run/user/{uid}"},
    "cron": base,
    "ssh": base | {"XDG_RUNTIME_DIR": old},
    "sudo": base | {"XDG_RUNTIME_DIR": "/tmp/elsewhere", "TMPDIR": "/tmp/elsewhere"},
}
report = {"later": {}, "status": {}}


def qlbreak(env, *words):
    argv = [sys.executable, "-m", "qlbreak", *words]
    try:
        done = subprocess.run(argv, env=envs[env], capture_output=True, text=True, timeout=15)
    except subprocess.TimeoutExpired:  # it did not hand over and exit: a second tray
        return {"code": None, "out": "a second tray: still running after 15 s", "err": ""}
    return {"code": done.returncode, "out": done.stdout.strip(), "err": done.stderr.strip()[-300:]}


first = subprocess.Popen([sys.executable, "-m", "qlbreak"], env=envs["cron"], stderr=subprocess.DEVNULL)
socket_at = (f"/run/user/{uid}/qlbreak/qlbreak.sock", f"/tmp/qlbreak-{uid}/qlbreak.sock")
deadline = time.monotonic() + 30
while not os.path.exists(socket_at[1]) and first.poll() is None and time.monotonic() < deadline:
    time.sleep(0.05)
report["listening"] = [p for p in socket_at if os.path.exists(p)]
os.mkdir(f"/run/user/{uid}", 0o700)  # the user logs in: logind makes the runtime folder
def closed():
    try:
        with open(home + "/.local/state/qlbreak/qlbreak.log") as log:
            return log.read().count("stretch window closed")
    except OSError:
        return 0


for n, env in enumerate(("login", "ssh", "sudo"), start=1):
    report["later"][env] = qlbreak(env)  # a second start: hands its request over, exits
    deadline = time.monotonic() + 15  # its window (no display here) ends before the next start,
    while closed() < n and time.monotonic() < deadline:  # which would only raise a window still open
        time.sleep(0.05)
for env in ("login", "ssh"):
    report["status"][env] = qlbreak(env, "status")["out"].splitlines()[:1]
report["first_alive"] = first.poll() is None
report["quit"] = qlbreak("sudo", "quit")
try:
    first.wait(timeout=15)
except subprocess.TimeoutExpired:
    first.kill()
report["first_code"] = first.wait()
report["after_quit"] = qlbreak("login", "quit")
with open(home + "/.local/state/qlbreak/qlbreak.log") as log:
    report["log"] = log.read().splitlines()
print(json.dumps(report))
"""


def run_in_namespace() -> dict[str, object]:
    done = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return report


@pytest.mark.slow  # eight interpreters: about 5 s
def test_one_tray_per_user_whatever_the_environment():
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        missing("a mount namespace of its own needs root and unshare (CI has both)")
    report = run_in_namespace()
    print(json.dumps(report, indent=1))
    assert report["listening"] == [f"/tmp/qlbreak-{os.getuid()}/qlbreak.sock"], report
    later = report["later"]
    assert isinstance(later, dict) and len(later) == 3
    for env, done in later.items():  # each later start: no second tray, its request taken
        assert done["code"] == 0 and done["out"] == "qlbreak is already running: it opens a stretch now", (env, done)
    assert report["first_alive"] is True
    assert report["status"] == {"login": ["qlbreak is running"], "ssh": ["qlbreak is running"]}, report
    assert report["quit"]["code"] == 0 and report["quit"]["out"] == "qlbreak has quit", report  # type: ignore[index]
    assert report["first_code"] == 0
    assert report["after_quit"]["out"] == "qlbreak is not running", report  # type: ignore[index]
    log = report["log"]
    assert isinstance(log, list)
    assert sum("qlbreak started" in line for line in log) == 1
    assert sum("stretch window started" in line for line in log) == 3  # each later start's request
