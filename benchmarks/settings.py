"""What following config.toml costs the tray, and how fast the settings window opens.

Run: .venv/bin/python benchmarks/settings.py [--runs N]   (the window part needs Xvfb)

1. One service step of an idle tray (the heartbeat), with no settings port next to one
   that looks at an unchanged config.toml (one stat) each step: the price of "changes
   take effect at once". Goal: under 0.05 ms added to a step that comes every 30 s.
2. Process start to window mapped: the settings window and the welcome next to the
   stretch window's process (the same run, the same machine's load). Goal: within
   2x of the stretch window, which is built to open fast; the settings window also
   reads the catalogue and the file and lays out every stretch (pictures come after).
"""

from __future__ import annotations

import argparse
import os
import queue
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.dialog_startup import start_xvfb, time_to_map
from qlbreak.edges.ports import Ports
from qlbreak.storage.config import Config, Watch
from qlbreak.storage.history import History
from qlbreak.storage.outbox import Outbox
from qlbreak.storage.paths import default_paths
from qlbreak.stretches import catalogue
from qlbreak.tray.service import Service
from tests.fakes import FakeClock, FakeLogin, FakeNotifier, FakeTray, FakeWindows


def step_times(folder: Path, watch: bool, steps: int) -> list[float]:
    clock = FakeClock(datetime(2026, 11, 30, 7, 0, tzinfo=ZoneInfo("Europe/Berlin")))
    cat = catalogue.load()
    config_file = folder / "config.toml"
    config_file.write_text('[dialog]\ntheme = "dark"\n')
    commands: queue.Queue = queue.Queue()
    settings = Watch(config_file, cat.ids) if watch else None
    ports = Ports(FakeTray(), FakeNotifier(), FakeWindows(commands.put), FakeLogin(), clock, settings)
    history = Outbox(lambda: History.open(folder / f"h{watch}.db", clock.now()))
    service = Service(Config(), cat, history, folder / f"state{watch}.json", ports, commands)
    service.step()
    times = []
    for _ in range(steps):
        clock.advance(30)
        start = time.perf_counter()
        service.step()
        times.append((time.perf_counter() - start) * 1000)
    history.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rounds: dict[str, list[float]] = {"step, no settings port": [], "step, watching config.toml": []}
        for _ in range(args.runs):  # in turn, so that the machine's load falls on both alike
            rounds["step, no settings port"].append(statistics.median(step_times(Path(tmp), False, 200)))
            rounds["step, watching config.toml"].append(statistics.median(step_times(Path(tmp), True, 200)))
    base = statistics.median(rounds["step, no settings port"])
    print(f"{'idle service step (heartbeat)':<32} {'median ms':>10} {'x no port':>10}   ({args.runs} rounds of 200)")
    for label, values in rounds.items():
        print(f"{label:<32} {statistics.median(values):>10.3f} {statistics.median(values) / base:>10.2f}")
    print()
    windows(args.runs)


def windows(runs: int) -> None:

    import Xlib.display
    import Xlib.X

    from qlbreak.ui import spec

    xvfb, name = start_xvfb()
    try:
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "DISPLAY": name, "HOME": home, "XDG_CONFIG_HOME": f"{home}/c"}
            env |= {"XDG_DATA_HOME": f"{home}/d"}
            env.pop("QLBREAK_CONFIG", None)
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            os.environ.update({k: env[k] for k in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")})
            paths = default_paths()
            stretch = catalogue.load().get("seated-twist")
            assert stretch is not None
            told = spec.settings("light", paths, True)
            programs = {
                "stretch window process": spec.command("stretch", spec.stretch(stretch, Config(), paths, "light")),
                "settings window process": spec.command("settings", told),
                "welcome window process": spec.command("welcome", told),
            }
            Path(home, "d", "qlbreak").mkdir(parents=True)
            Path(home, "d", "qlbreak", "safety-accepted").write_text("benchmark\n")
            display = Xlib.display.Display(name)
            display.screen().root.change_attributes(event_mask=Xlib.X.SubstructureNotifyMask)
            display.sync()
            cwd = Path(__file__).resolve().parents[1]
            times: dict[str, list[float]] = {label: [] for label in programs}
            for argv in programs.values():
                time_to_map(display, argv, env, cwd)
            for _ in range(runs):
                for label, argv in programs.items():
                    times[label].append(time_to_map(display, argv, env, cwd))
    finally:
        xvfb.terminate()
        xvfb.wait()
    base = statistics.median(times["stretch window process"])
    print(f"{'start to mapped':<32} {'median ms':>10} {'best ms':>9} {'x stretch':>10}   ({runs} runs each)")
    for label, values in times.items():
        median = statistics.median(values)
        print(f"{label:<32} {median:>10.1f} {min(values):>9.1f} {median / base:>10.2f}")


if __name__ == "__main__":
    main()
