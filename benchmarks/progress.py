"""Process start to window mapped: the Progress window (four weeks of history, the
charts drawn only after the map) against the stretch window, in the same run.

Run: .venv/bin/python benchmarks/progress.py [--runs N] (needs Xvfb)

Both are started as the tray starts them (``ui/spec.command`` with their spec), in
turn, ``runs`` times each after a warm-up, and timed from the process's start to the
X server's MapNotify (as ``dialog_startup.py`` does). Goal: the Progress window
within 2x of the stretch window: it reads the history and words first, and loads
matplotlib only once it is on the screen.
"""

from __future__ import annotations

import argparse
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import Xlib.display
import Xlib.X

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.dialog_startup import ROOT, start_xvfb
from qlbreak.storage.config import Config
from qlbreak.storage.history import History
from qlbreak.storage.paths import default_paths
from qlbreak.stretches import catalogue
from qlbreak.ui import spec
from tests.progress_history import NAMES, four_weeks

GOAL = 2.0  # the Progress window's median against the stretch window's


def history(path: Path) -> None:
    now = datetime.now(UTC)
    h = History.open(path, now)
    for e in four_weeks(now):
        h.record(e)
    h.close()


def time_to_map(display: Xlib.display.Display, argv: list[str], env: dict[str, str]) -> float:
    """``dialog_startup.time_to_map``, but the window is killed once mapped: the
    stretch window, ended, would first write what it was doing to a history."""
    while display.pending_events():
        display.next_event()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        while time.perf_counter() < start + 30:
            if not display.pending_events():
                select.select([display.fileno()], [], [], 0.5)
            while display.pending_events():
                if display.next_event().type == Xlib.X.MapNotify:
                    return (time.perf_counter() - start) * 1000
        raise SystemExit(f"no window mapped: {argv}")
    finally:
        proc.kill()
        proc.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    xvfb, name = start_xvfb()
    try:
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "DISPLAY": name, "HOME": home, "XDG_DATA_HOME": f"{home}/d"}
            env |= {"XDG_CONFIG_HOME": f"{home}/c"}
            env.pop("QLBREAK_CONFIG", None)
            env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode cached
            os.environ.update({k: env[k] for k in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME")})
            paths = default_paths()
            paths.history_db.parent.mkdir(parents=True, exist_ok=True)
            paths.safety_file.write_text("benchmark\n")
            history(paths.history_db)
            config = Config()
            stretch = spec.stretch(catalogue.load().get("seated-twist"), config, paths, "light")
            timed = {
                "stretch window": spec.command("stretch", stretch),
                "Progress window": spec.command("progress", spec.progress("light", paths, config, NAMES)),
            }
            display = Xlib.display.Display(name)
            display.screen().root.change_attributes(event_mask=Xlib.X.SubstructureNotifyMask)
            display.sync()
            times: dict[str, list[float]] = {label: [] for label in timed}
            for argv in timed.values():  # warm-up: bytecode, fonts, matplotlib's font cache
                time_to_map(display, argv, env)
            for _ in range(args.runs):
                for label, argv in timed.items():
                    times[label].append(time_to_map(display, argv, env))
    finally:
        xvfb.terminate()
        xvfb.wait()
    stretch_ms = statistics.median(times["stretch window"])
    print(
        f"{'window':<18} {'median ms':>10} {'best ms':>9} {'worst ms':>9} {'x stretch':>10}   ({args.runs} runs each)"
    )
    for label, values in times.items():
        median = statistics.median(values)
        print(f"{label:<18} {median:>10.1f} {min(values):>9.1f} {max(values):>9.1f} {median / stretch_ms:>10.2f}")
    ratio = statistics.median(times["Progress window"]) / stretch_ms
    print(f"goal: Progress within {GOAL:.1f}x of the stretch window: {'met' if ratio <= GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
