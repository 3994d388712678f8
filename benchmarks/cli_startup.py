"""How long the commands take, from process start to exit, next to `--version`.

Run: .venv/bin/python benchmarks/cli_startup.py [runs]
Prints a table (median and best of N runs, in milliseconds). Each command runs in a
fresh process with a private HOME, so nothing is cached between tools.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

COMMANDS = [
    ("python -c pass", [sys.executable, "-c", "pass"]),
    ("qlbreak --version", [sys.executable, "-m", "qlbreak", "--version"]),
    ("qlbreak list", [sys.executable, "-m", "qlbreak", "list"]),
    ("qlbreak schedule --days 7", [sys.executable, "-m", "qlbreak", "schedule", "--days", "7"]),
    ("qlbreak schedule --days 365", [sys.executable, "-m", "qlbreak", "schedule", "--days", "365"]),
    ("qlbreak schedule --days 365 --json", [sys.executable, "-m", "qlbreak", "schedule", "--days", "365", "--json"]),
    ("qlbreak history", [sys.executable, "-m", "qlbreak", "history"]),
]


def measure(argv: list[str], runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home, "XDG_CONFIG_HOME": f"{home}/c", "XDG_DATA_HOME": f"{home}/d"}
        env.pop("QLBREAK_CONFIG", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode cached
        for _, argv in COMMANDS:  # warm-up
            measure(argv, 1, env)
        results = {name: measure(argv, runs, env) for name, argv in COMMANDS}
    base = statistics.median(results["qlbreak --version"])
    print(f"{'command':<36} {'median ms':>10} {'best ms':>9} {'x --version':>12}   ({runs} runs each)")
    for name, times in results.items():
        median = statistics.median(times)
        print(f"{name:<36} {median:>10.1f} {min(times):>9.1f} {median / base:>12.2f}")


if __name__ == "__main__":
    main()
