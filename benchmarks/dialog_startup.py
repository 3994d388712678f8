"""Process start to window mapped: the stretch window next to a bare Tk window, and
next to another qlbreak (the one before a change) in the same run.

Run: .venv/bin/python benchmarks/dialog_startup.py [--runs N] [--python PY] [--baseline PY]
(needs Xvfb)

`--python` is the interpreter to measure (default: this one). Give the one of a normal
install (scripts/install.sh puts it in ~/.local/share/qlbreak-venv/bin/python): an
editable development install adds ~25 ms of import hooks to every start. `--baseline`
is a second interpreter with another qlbreak installed (say, main before a change):
its stretch window is timed in the same rounds, and the last column is the ratio.

Starts its own Xvfb, listens on the root window for MapNotify (the X server's own
word that a window is on screen), and starts each program `runs` times, in turn,
so that load on the machine falls on all of them alike. Prints a table in ms and
the ratio to the bare window. Goal: the stretch window's process (started with the
spec its parent prepares) within 1.3x of bare Tk. `qlbreak stretch` from a shell
is that process plus a parent that reads the config and the catalogue first.
"""

from __future__ import annotations

import argparse
import json
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

ROOT = Path(__file__).resolve().parents[1]


# Prints the argv that the interpreter's own qlbreak starts the stretch window with.
WINDOW_ARGV = """
import json, sys
try:
    from qlbreak.storage.config import Config
    from qlbreak.storage.paths import default_paths
    from qlbreak.stretches import catalogue
    from qlbreak.ui import spec
    stretch = catalogue.load().get(sys.argv[2])
    argv = spec.command("stretch", spec.stretch(stretch, Config(), default_paths(), "light"))
except ImportError:  # a qlbreak from before the re-layout (0.1.0 at c18dbff): a snapshot file
    from qlbreak import catalog, launch
    from qlbreak.config import Config
    from qlbreak.paths import default_paths
    json.dump(launch.snapshot(catalog.load().get(sys.argv[2]), Config(), default_paths()), open(sys.argv[1], "w"))
    argv = launch.window_command(sys.argv[1])
print(json.dumps(argv))
"""
LABEL = "import tkinter; r = tkinter.Tk(); tkinter.Label(r, text='Seated twist').pack(); r.mainloop()"


def window_argv(python: str, env: dict[str, str], cwd: Path, snapshot: str, stretch: str) -> list[str]:
    out = subprocess.run(
        [python, "-c", WINDOW_ARGV, snapshot, stretch], env=env, cwd=cwd, capture_output=True, check=True
    )
    return list(json.loads(out.stdout))


def programs(python: str, window: list[str], baseline: list[str] | None, stretch: str) -> dict[str, list[str]]:
    found = {
        "bare Tk window": [python, "-c", "import tkinter; r = tkinter.Tk(); r.title('bare'); r.mainloop()"],
        # any text costs fontconfig's first use (~12 ms here), which the bare window never pays
        "Tk window with one label": [python, "-c", LABEL],
        "stretch window process": window,  # as the tray and `qlbreak stretch` start it
    }
    if baseline is not None:
        found["stretch window, baseline"] = baseline
    found[f"qlbreak stretch {stretch}"] = [python, "-m", "qlbreak", "stretch", stretch]
    return found


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
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--baseline", metavar="PYTHON", help="an interpreter with another qlbreak installed")
    parser.add_argument(
        "--stretch", default="seated-twist", help="whose picture the window loads (ql-stick-stretch: the largest strip)"
    )
    args = parser.parse_args()
    python, runs = args.python, args.runs
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
            window = window_argv(python, env, cwd, f"{home}/snapshot.json", args.stretch)
            other = Path(tempfile.gettempdir())
            baseline = None
            if args.baseline:
                baseline = window_argv(args.baseline, env, other, f"{home}/baseline.json", args.stretch)
            timed = programs(python, window, baseline, args.stretch)
            display = Xlib.display.Display(name)
            display.screen().root.change_attributes(event_mask=Xlib.X.SubstructureNotifyMask)
            display.sync()
            times: dict[str, list[float]] = {label: [] for label in timed}
            where = {label: other if label.endswith("baseline") else cwd for label in timed}
            for label, argv in timed.items():  # warm-up: caches bytecode and fonts
                time_to_map(display, argv, env, where[label])
            for _ in range(runs):
                for label, argv in timed.items():
                    times[label].append(time_to_map(display, argv, env, where[label]))
    finally:
        xvfb.terminate()
        xvfb.wait()
    bare = statistics.median(times["bare Tk window"])
    base = statistics.median(times["stretch window, baseline"]) if args.baseline else None
    print(f"interpreter: {python}" + (f"; baseline: {args.baseline}" if args.baseline else ""))
    head = f"{'program':<32} {'median ms':>10} {'best ms':>9} {'worst ms':>9} {'x bare':>7}"
    print(head + (f" {'x baseline':>11}" if base else "") + f"   ({runs} runs each)")
    for label, values in times.items():
        median = statistics.median(values)
        row = f"{label:<32} {median:>10.1f} {min(values):>9.1f} {max(values):>9.1f} {median / bare:>7.2f}"
        print(row + (f" {median / base:>11.2f}" if base else ""))


if __name__ == "__main__":
    main()
