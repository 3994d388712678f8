"""What speaking German costs a process, next to English, in one run.

Run: .venv/bin/python benchmarks/language.py [runs]   (after tools.i18n.catalogue compile)

Each case is a fresh interpreter that imports qlbreak's words, speaks a language, looks
up 200 strings and (in the "+ a date" cases) writes one date, then prints its time and
its peak RSS. Babel is imported only at the first date in a language other than
English; English never imports it. Prints medians and the ratio to the English case.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

CASE = """
import time, resource
start = time.perf_counter()
from datetime import date
from qlbreak.core.words import _, formats
from qlbreak.language.start import speak
speak({code!r})
for i in range(200):
    _("Stretch now"); _("Settings\u2026")
if {date}:
    formats().day(date(2026, 12, 3))
took = (time.perf_counter() - start) * 1000
print(took, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

CASES = [
    ("English", "en", False),
    ("English + a date", "en", True),
    ("German", "de", False),
    ("German + a date (Babel)", "de", True),
]


def measure(code: str, date: bool, runs: int) -> tuple[list[float], list[float]]:
    took, rss = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", CASE.format(code=code, date=date)], capture_output=True, text=True, check=True
        )
        t, r = (float(x) for x in out.stdout.split())
        took.append(t)
        rss.append(r)
    return took, rss


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    results = {name: measure(code, date, runs) for name, code, date in CASES}
    base_t = statistics.median(results["English"][0])
    base_r = statistics.median(results["English"][1])
    print(f"{'case':<26} {'ms':>7} {'x English':>10} {'peak RSS MB':>12} {'+MB':>6}   ({runs} runs each)")
    for name, (took, rss) in results.items():
        t, r = statistics.median(took), statistics.median(rss)
        print(f"{name:<26} {t:>7.1f} {t / base_t:>10.2f} {r:>12.1f} {r - base_r:>6.1f}")


if __name__ == "__main__":
    main()
