"""Process start to window mapped: the stretch window next to a bare Tk window.

Run: .venv/bin/python benchmarks/dialog_startup.py [runs] [python]     (needs Xvfb)

`python` is the interpreter to measure (default: this one). Give the one of a normal
install (scripts/install.sh puts it in ~/.local/share/qlbreak-venv/bin/python): an
editable development install adds ~25 ms of import hooks to every start.

Starts its own Xvfb, listens on the root window for MapNotify (the X server's own
word that a window is on screen), and starts each program `runs` times, in turn,
so that load on the machine falls on all of them alike. Prints a table in ms and
the ratio to the bare window. Goal: the stretch window's process (started with the
snapshot its parent prepares) within 1.3x of bare Tk. `qlbreak stretch` from a shell
is that process plus a parent that reads the config and the catalogue first.
"""

from __future__ import annotations

import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import Xlib.display
import Xlib.X

from qlbreak.ui.spec import window_command

ROOT = Path(__file__).resolve().parents[1]
PROGRAMS: dict[str, list[str]] = {}


SNAPSHOT = (
    "import json, sys; from qlbreak.stretches import catalogue as catalog; from qlbreak.ui import spec as launch; "
    "from qlbreak.storage.config import Config; "
    "from qlbreak.storage.paths import default_paths; "
    "json.dump(launch.snapshot(catalog.load().get('seated-twist'), Config(), default_paths()), open(sys.argv[1], 'w'))"
)


LABEL = "import tkinter; r = tkinter.Tk(); tkinter.Label(r, text='Seated twist').pack(); r.mainloop()"


def programs(python: str, snapshot: str) -> dict[str, list[str]]:
    return {
        "bare Tk window": [python, "-c", "import tkinter; r = tkinter.Tk(); r.title('bare'); r.mainloop()"],
        # any text costs fontconfig's first use (~12 ms here), which the bare window never pays
        "Tk window with one label": [python, "-c", LABEL],
        "stretch window process": [python, *window_command(snapshot)[1:]],  # as qlbreak.ui.spec starts it
        "qlbreak stretch seated-twist": [python, "-m", "qlbreak", "stretch", "seated-twist"],
        "qlbreak stretch (picked)": [python, "-m", "qlbreak", "stretch"],
    }


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    rfd, wfd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(wfd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(wfd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(wfd)
    buf = b""
    while not buf.endswith(b"\n"):
        chunk = os.read(rfd, 64)
        if not chunk:
            raise SystemExit("Xvfb did not start")
        buf += chunk
    os.close(rfd)
    return xvfb, ":" + buf.decode().strip()


def time_to_map(display: Xlib.display.Display, argv: list[str], env: dict[str, str], cwd: Path) -> float:
    while display.pending_events():
        display.next_event()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    try:
        deadline = start + 20
        while time.perf_counter() < deadline:
            if not display.pending_events():
                select.select([display.fileno()], [], [], 0.5)
            while display.pending_events():
                event = display.next_event()
                if event.type == Xlib.X.MapNotify:
                    return (time.perf_counter() - start) * 1000
        raise SystemExit(f"no window mapped: {argv}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    python = sys.argv[2] if len(sys.argv) > 2 else sys.executable
    cwd = ROOT if python == sys.executable else Path(tempfile.gettempdir())  # not the checkout
    xvfb, name = start_xvfb()
    try:
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "DISPLAY": name, "HOME": home}
            env |= {"XDG_DATA_HOME": f"{home}/d", "XDG_CONFIG_HOME": f"{home}/c"}
            env.pop("QLBREAK_CONFIG", None)
            # As on a user's machine: bytecode is cached (pip compiles it at install);
            # this workplace sets PYTHONDONTWRITEBYTECODE, which would recompile each run.
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            data = Path(home, "d", "qlbreak")
            data.mkdir(parents=True)
            (data / "safety-accepted").write_text("benchmark\n")
            snapshot = f"{home}/snapshot.json"  # what `qlbreak stretch` and the tray hand the window
            subprocess.run([python, "-c", SNAPSHOT, snapshot], env=env, check=True, cwd=cwd)
            PROGRAMS.update(programs(python, snapshot))
            display = Xlib.display.Display(name)
            display.screen().root.change_attributes(event_mask=Xlib.X.SubstructureNotifyMask)
            display.sync()
            times: dict[str, list[float]] = {label: [] for label in PROGRAMS}
            for argv in PROGRAMS.values():  # warm-up: caches bytecode and fonts
                time_to_map(display, argv, env, cwd)
            for _ in range(runs):
                for label, argv in PROGRAMS.items():
                    times[label].append(time_to_map(display, argv, env, cwd))
    finally:
        xvfb.terminate()
        xvfb.wait()
    bare = statistics.median(times["bare Tk window"])
    print(f"interpreter: {python}")
    print(f"{'program':<32} {'median ms':>10} {'best ms':>9} {'worst ms':>9} {'x bare':>7}   ({runs} runs each)")
    for label, values in times.items():
        median = statistics.median(values)
        print(f"{label:<32} {median:>10.1f} {min(values):>9.1f} {max(values):>9.1f} {median / bare:>7.2f}")


if __name__ == "__main__":
    main()
