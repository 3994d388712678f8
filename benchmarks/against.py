"""The tray now against the tray at an earlier revision, side by side in one run.

Run: .venv/bin/python benchmarks/against.py [REV] [--now REV] [--rounds N] [--idle SECONDS]
(needs Xvfb, trayer; REV defaults to ad68cac, main before issue 21)

Checks REV out with ``git worktree add`` in a temp folder and runs each tray from its
own tree (``PYTHONPATH`` and the working folder set to that tree; each has its own
private home), under one Xvfb and trayer, with this interpreter and its libraries:
only qlbreak's code differs. The same measurements as ``benchmarks/tray.py``:

- start to docked, and click to stretch window (the pointer on the icon 0.3 s first,
  and moved and clicked at once): ``rounds`` times each, the two trees alternating
  (and which goes first alternating too), so the machine's noise falls on both alike;
- idle: both trays docked at once for ``idle`` seconds, their RSS at the end, CPU and
  wakeups (context switches of all threads) a minute.

``--now REV`` measures a commit in place of the working tree (which is taken as it is,
half-made edits included: one may keep its tray from starting, and the run stops).

Prints one table: metric, baseline, now, now / baseline. Times are medians, with the
best and worst run in brackets; a click that maps no window within ``MISSED`` seconds is
counted in a row of its own, not timed. Before each click the run waits until the tray's
log says the window before was closed (killed with SIGTERM, as ``tray.py`` does; the
tray hears it through its child's end): one heard over 2 s late is counted too (up to
15 s is waited; such a window is heard 30-50 s late). The
defaults (5 rounds, 60 s idle) take about 3 minutes (each missed click 10 s more).
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import Xlib.display
import Xlib.X

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.dialog_startup import start_xvfb
from benchmarks.tray import (
    HZ,
    POINTER_REST,
    click_to_map,
    close_windows,
    private_env,
    rss_and_ticks,
    start_docked,
    stop,
    switches,
    woken,
)

ROOT = Path(__file__).resolve().parents[1]
QLBREAK = [sys.executable, "-m", "qlbreak"]
INSTANCE = "qlbreakSystemTrayIcon"
BASELINE = "ad68cac"  # main before issue 21
MISSED = 10.0  # seconds: a click with no window by then is counted as missed (they map in well under 1 s)


@dataclass(frozen=True)
class Tree:
    """One qlbreak checkout, and the private home its tray runs in."""

    label: str
    root: Path
    env: dict[str, str]
    home: str

    @property
    def log(self) -> Path:
        """What its trays said (the stretch windows log beside it, in the home)."""
        return Path(self.home, "tray.log")


def short(rev: str) -> str:
    """The abbreviated commit ``rev`` names (HEAD, main~3, a tag ...)."""
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", rev], check=True, capture_output=True, text=True
    ).stdout.strip()


def checkout(rev: str, scratch: Path) -> Path:
    """``rev`` as a detached worktree under ``scratch`` (removed with ``forget``)."""
    path = scratch / f"bench-{short(rev)}"
    if path.exists():  # the same commit twice (ad68cac against ad68cac: the noise alone)
        path = path.with_name(f"{path.name}-now")
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(path), rev],
        check=True,
    )
    return path


def forget(path: Path) -> None:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(path)], check=False)
    subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=False)


def tree(label: str, root: Path, display_name: str) -> Tree:
    """A home for ``root``'s tray; fails if that tray would import qlbreak from elsewhere
    (the editable install's finder comes after ``PYTHONPATH``, but say so if not)."""
    env, home = private_env(display_name)
    env["PYTHONPATH"] = str(root)
    compileall.compile_dir(root / "qlbreak", quiet=1)  # no first start pays for bytecode
    found = subprocess.run(
        [sys.executable, "-c", "import qlbreak; print(qlbreak.__file__)"],
        env=env,
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if not Path(found).is_relative_to(root):
        raise SystemExit(f"{label}: qlbreak imports from {found}, not from {root}")
    return Tree(label, root, env, home)


def mouse_away(env: dict[str, str]) -> None:
    subprocess.run(["xdotool", "mousemove", "0", "0"], env=env, check=True)  # not where the icon docks


def latencies(display: Xlib.display.Display, trees: list[Tree], rounds: int) -> dict[str, dict[str, list[float]]]:
    """Per tree: start to docked and both clicks, ms, ``rounds`` runs in alternation."""
    times: dict[str, dict[str, list[float]]] = {t.label: {"dock": [], "click": [], "at once": []} for t in trees}
    missed, late = dict.fromkeys(times, 0), dict.fromkeys(times, 0)
    for n in range(rounds):
        for t in trees if n % 2 == 0 else trees[::-1]:
            step = f"round {n + 1}/{rounds}: {t.label}"
            print(step, file=sys.stderr, flush=True)
            mouse_away(t.env)
            try:
                proc, ms, icon = start_docked(display, QLBREAK, t.env, INSTANCE, cwd=t.root, log=t.log)
            except SystemExit:
                fail(t, f"{step}: never docked")
            try:
                times[t.label]["dock"].append(ms)
                time.sleep(1.5)  # let the tray settle (and any re-dock finish)
                for key, rest in (("at once", 0.0), ("click", POINTER_REST)):
                    mouse_away(t.env)
                    time.sleep(0.5)
                    try:
                        times[t.label][key].append(click_to_map(display, t.env, icon, rest=rest, timeout=MISSED))
                    except SystemExit:  # no window in MISSED seconds: counted, and the run goes on
                        missed[t.label] += 1
                        print(f"{step}: {key}: no window mapped (missed)", file=sys.stderr, flush=True)
                    close_windows(t.home)
                    if key == "at once" and heard_closed(t) > 2.0:  # (after the last, the tray stops)
                        late[t.label] += 1
            finally:
                close_windows(t.home)
                stop(proc)
            time.sleep(0.5)
    for label, count in missed.items():
        times[label]["missed"], times[label]["late"] = [float(count)], [float(late[label])]
    return times


def heard_closed(t: Tree, timeout: float = 15) -> float:
    """Seconds until the tray's log says every stretch window it showed was closed (so
    the next click opens one, not raises one it still thinks open)."""
    log = Path(t.env["XDG_STATE_HOME"], "qlbreak", "qlbreak.log")
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        text = log.read_text(errors="replace") if log.exists() else ""
        if text.count("stretch window closed") >= text.count("stretch window shown"):
            break
        time.sleep(0.05)
    return time.monotonic() - start


def fail(t: Tree, what: str) -> NoReturn:
    """End the run saying where, with the end of what the tray said."""
    said = t.log.read_text(errors="replace").splitlines()[-15:] if t.log.exists() else []
    raise SystemExit("\n".join([f"{what} (timed out); the end of {t.log}:", *said]))


def idle_use(display: Xlib.display.Display, trees: list[Tree], seconds: float) -> dict[str, tuple[float, float, float]]:
    """Per tree: RSS (MB) at the end, CPU (%) and wakeups a minute over ``seconds``,
    both trays docked at the same time."""
    print(f"idle {seconds:.0f} s, side by side", file=sys.stderr, flush=True)
    mouse_away(trees[0].env)
    procs: dict[str, subprocess.Popen[bytes]] = {}
    try:
        for t in trees:
            try:
                procs[t.label] = start_docked(display, QLBREAK, t.env, INSTANCE, cwd=t.root, log=t.log)[0]
            except SystemExit:
                fail(t, "idle: never docked")
        time.sleep(3)
        before = {k: (*rss_and_ticks(p.pid), switches(p.pid)) for k, p in procs.items()}
        time.sleep(seconds)
        after = {k: (*rss_and_ticks(p.pid), switches(p.pid)) for k, p in procs.items()}
    finally:
        for proc in procs.values():
            stop(proc)
    return {
        k: (
            after[k][0],
            (after[k][1] - before[k][1]) / HZ / seconds * 100,
            woken(before[k][2], after[k][2]) * 60 / seconds,
        )
        for k in procs
    }


def table(
    times: dict[str, dict[str, list[float]]], idle: dict[str, tuple[float, float, float]], base: str, now: str
) -> list[str]:
    """metric, baseline, now, ratio: one line each."""
    lines = [f"{'metric':<40} {'baseline ' + base:>22} {'now ' + now:>22} {'ratio':>7}"]

    def cell(values: list[float]) -> str:
        if not values:
            return "none"
        return f"{statistics.median(values):.0f} [{min(values):.0f}-{max(values):.0f}]"

    def median(values: list[float]) -> float:
        return statistics.median(values) if values else 0.0

    def ratio(b: float, n: float) -> str:
        return f"{n / b:>7.2f}" if b else f"{'same' if n == b else '-':>7}"

    for key, label in (
        ("dock", "start to docked (ms)"),
        ("click", f"click to stretch, {POINTER_REST:.1f} s on icon (ms)"),
        ("at once", "click to stretch, moved+clicked (ms)"),
    ):
        b, n = times[base][key], times[now][key]
        lines.append(f"{label:<40} {cell(b):>22} {cell(n):>22} {ratio(median(b), median(n))}")
    b0, n0 = times[base]["missed"][0], times[now]["missed"][0]
    lines.append(f"{f'clicks with no window in {MISSED:.0f} s':<40} {b0:>22.0f} {n0:>22.0f} {ratio(b0, n0)}")
    b0, n0 = times[base]["late"][0], times[now]["late"][0]
    lines.append(f"{'first window heard closed over 2 s late':<40} {b0:>22.0f} {n0:>22.0f} {ratio(b0, n0)}")
    for i, (label, form) in enumerate((("idle RSS (MB)", ".1f"), ("idle CPU (%)", ".2f"), ("idle wakeups/min", ".1f"))):
        b1, n1 = idle[base][i], idle[now][i]
        lines.append(f"{label:<40} {format(b1, form):>22} {format(n1, form):>22} {ratio(b1, n1)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", default=BASELINE, help=f"the baseline revision (default {BASELINE})")
    parser.add_argument(
        "--now", metavar="REV", help="measure REV checked out as 'now' (default: this working tree, as it is)"
    )
    parser.add_argument("--rounds", type=int, default=5, help="runs of each latency per tree (default 5)")
    parser.add_argument("--idle", type=float, default=60.0, help="seconds both trays idle side by side (default 60)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))  # the clean-up below runs
    scratch = Path(tempfile.mkdtemp(prefix="qlbreak-against-"))
    base_root = checkout(args.rev, scratch)
    now_root = checkout(args.now, scratch) if args.now else ROOT
    xvfb, name = start_xvfb()
    trayer, trees = None, []
    try:
        base, now = short(args.rev), short(args.now) if args.now else "working tree"
        now = f"{now} (now)" if now == base else now  # one label each: the same commit twice
        trees = [tree(base, base_root, name), tree(now, now_root, name)]
        trayer = subprocess.Popen(
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "32"],
            env=trees[0].env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.5)
        display = Xlib.display.Display(name)
        display.screen().root.change_attributes(event_mask=Xlib.X.SubstructureNotifyMask)
        started = time.perf_counter()
        times = latencies(display, trees, args.rounds)
        idle = idle_use(display, trees, args.idle)
        took = time.perf_counter() - started
    finally:
        if trayer is not None:
            stop(trayer)
        xvfb.terminate()
        xvfb.wait()
        for root in {base_root, now_root} - {ROOT}:
            forget(root)
        for t in trees:
            for folder in (t.home, t.env["XDG_RUNTIME_DIR"], t.env["QLBREAK_INSTANCE_DIR"]):
                shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"interpreter: {sys.executable}; {args.rounds} rounds, idle {args.idle:.0f} s side by side; {took:.0f} s")
    print("\n".join(table(times, idle, base, now)))


if __name__ == "__main__":
    main()
