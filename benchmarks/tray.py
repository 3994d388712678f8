"""The tray app's footprint and latency, next to a bare pystray icon in the same run.

Run: .venv/bin/python benchmarks/tray.py [runs] [idle_seconds]     (needs Xvfb, trayer)

Starts its own Xvfb and trayer and a private home, then measures:
- start to docked: process start to the tray host reparenting the icon window (the
  X server's ReparentNotify), qlbreak vs. a bare pystray icon;
- click to dialog mapped: a real click on the icon (XTEST, sent from this process, so
  no xdotool start is in the time) to the stretch window's MapNotify, next to a bare
  ``tkinter.Tk()`` window's process start to map (a bare pystray xorg icon cannot be
  clicked at all: it never asks for button presses). Twice: with the pointer on the
  icon ``POINTER_REST`` before the click, as a person's is (the tray starts the window
  when the pointer arrives), and moved and clicked at once;
- idle: resident memory, CPU and wakeups (context switches of all its threads, per
  minute) of each tray process over ``idle_seconds`` (default 60), side by side; then
  qlbreak's memory again after the pointer has rested on its icon ``VISITS`` times
  (each visit shows the tooltip and starts a stretch window ahead): it must not creep.

``--write FILE`` also writes the tables, with the machine, versions, date and command,
as Markdown (docs/benchmarks.md).
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
from Xlib.ext import xtest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.dialog_startup import start_xvfb

BARE_ICON = (
    "import pystray; from PIL import Image; "
    "icon = pystray.Icon('bare', Image.new('RGB', (64, 64), 'teal'), 'bare'); "
    "icon.run(setup=lambda i: setattr(i, 'visible', True))"
)
BARE_TK = "import tkinter; tkinter.Tk().mainloop()"
QLBREAK = [sys.executable, "-m", "qlbreak"]
BARE = [sys.executable, "-c", BARE_ICON]
HZ = os.sysconf("SC_CLK_TCK")
POINTER_REST = 0.3  # seconds a person's pointer is on the icon before the click
VISITS = 40  # times the pointer rests on the icon (its tooltip shows) before the last RSS
BY_HAND = "<!-- written by hand from here: --write keeps it -->"


def events_until(display: Xlib.display.Display, wanted, timeout: float = 20) -> float:
    """Seconds (perf_counter) when ``wanted(event)`` first holds."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if not display.pending_events():
            select.select([display.fileno()], [], [], 0.2)
        while display.pending_events():
            event = display.next_event()
            if wanted(event):
                return time.perf_counter()
    raise SystemExit("timed out waiting for an X event")


def drain(display: Xlib.display.Display) -> None:
    display.sync()
    while display.pending_events():
        display.next_event()


def tray_class(event) -> str:
    try:
        wm_class = event.window.get_wm_class()
    except Exception:  # noqa: BLE001 - the window may already be gone
        return ""
    return wm_class[0] if wm_class else ""


def start_docked(
    display, argv, env, instance: str, cwd: Path | None = None, log: Path | None = None
) -> tuple[subprocess.Popen[bytes], float, int]:
    """Start ``argv`` (in ``cwd``: ``-m`` imports from there first; its output appended
    to ``log``) and time it to docked."""
    drain(display)
    out = log.open("ab") if log else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=out, stderr=out, cwd=cwd)
    if log:
        out.close()  # the child has its own copy
    found: list[int] = []

    def docked(event) -> bool:
        if event.type == Xlib.X.ReparentNotify and tray_class(event) == instance:
            found.append(event.window.id)
            return True
        return False

    try:
        return proc, (events_until(display, docked) - start) * 1000, found[0]
    except SystemExit:  # it never docked: leave no tray behind (it would dock in the next Xvfb)
        stop(proc)
        raise


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def rss_and_ticks(pid: int) -> tuple[float, int]:
    status = Path(f"/proc/{pid}/status").read_text()
    rss = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")) / 1024
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return rss, int(fields[11]) + int(fields[12])  # utime + stime


def switches(pid: int) -> dict[str, int]:
    """Context switches so far, voluntary and not, of each thread of ``pid`` (by id)."""
    found: dict[str, int] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            lines = (task / "status").read_text().splitlines()
        except OSError:
            continue  # a thread that just ended
        found[task.name] = sum(
            int(line.split()[1])
            for line in lines
            if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches"))
        )
    return found


def woken(before: dict[str, int], after: dict[str, int]) -> int:
    """Switches between two looks: of threads alive at the second (one that began in
    between counts whole; one that ended in between is not seen, and was short-lived)."""
    return sum(count - before.get(tid, 0) for tid, count in after.items())


def click_to_map(display, env, icon: int, rest: float = 0.0, timeout: float = 20) -> float:
    """A click on the icon to the window's MapNotify. ``rest``: the pointer arrives
    that long before the click, as a person's does (0: moved and clicked at once)."""
    geometry = display.create_resource_object("window", icon).get_geometry()
    origin = display.create_resource_object("window", icon).translate_coords(display.screen().root, 0, 0)
    x, y = -origin.x + geometry.width // 2, -origin.y + geometry.height // 2
    if rest:
        xtest.fake_input(display, Xlib.X.MotionNotify, x=x, y=y)
        display.sync()
        time.sleep(rest)
    drain(display)
    start = time.perf_counter()  # XTEST from this connection: no xdotool process in the time
    if not rest:
        xtest.fake_input(display, Xlib.X.MotionNotify, x=x, y=y)
    xtest.fake_input(display, Xlib.X.ButtonPress, 1)
    xtest.fake_input(display, Xlib.X.ButtonRelease, 1)
    display.sync()
    mapped = events_until(display, lambda e: e.type == Xlib.X.MapNotify and e.window.id != icon, timeout)
    return (mapped - start) * 1000


def close_windows(home: str) -> None:
    """End every qlbreak window of this run's home, and wait until the tray has heard
    they ended (it reaps its children: their /proc entries go), so that the next click
    is not taken for one on a window still open."""
    ended = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd, environ = (entry / "cmdline").read_bytes(), (entry / "environ").read_bytes()
                if b"qlbreak.ui." in cmd and f"HOME={home}".encode() in environ:
                    os.kill(int(entry.name), 15)
                    ended.append(entry)
            except OSError:
                continue
    deadline = time.monotonic() + 10
    while any(entry.exists() for entry in ended) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)


def private_env(name: str) -> tuple[dict[str, str], str]:
    """A home of its own: a config whose one reminder never fires, safety accepted."""
    home = tempfile.mkdtemp(prefix="qlbreak-bench-")
    env = {**os.environ, "DISPLAY": name, "HOME": home, "DBUS_SESSION_BUS_ADDRESS": "disabled:"}
    env |= {"XDG_CONFIG_HOME": f"{home}/c", "XDG_DATA_HOME": f"{home}/d", "XDG_STATE_HOME": f"{home}/s"}
    env |= {"XDG_RUNTIME_DIR": tempfile.mkdtemp(prefix="qlr")}
    # its own one-tray folder: not the user's /tmp/qlbreak-<uid>, where a running tray (or
    # another home's, in benchmarks/against.py) would take this one's start for a second tray
    env |= {"QLBREAK_INSTANCE_DIR": tempfile.mkdtemp(prefix="qli")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    Path(home, "c", "qlbreak").mkdir(parents=True)
    Path(home, "c", "qlbreak", "config.toml").write_text('[[reminder]]\nname = "x"\ntime = "03:00"\ndays = []\n')
    Path(home, "d", "qlbreak").mkdir(parents=True)
    Path(home, "d", "qlbreak", "safety-accepted").write_text("benchmark\n")
    return env, home


def latencies(display, env: dict[str, str], home: str, runs: int) -> dict[str, list[float]]:
    kinds = ("bare dock", "qlbreak dock", "bare tk", "click", "click at once")
    times: dict[str, list[float]] = {k: [] for k in kinds}
    for _ in range(runs):
        subprocess.run(["xdotool", "mousemove", "0", "0"], env=env, check=True)  # not where the icon docks
        proc, ms, _icon = start_docked(display, BARE, env, "bareSystemTrayIcon")
        times["bare dock"].append(ms)
        stop(proc)
        proc, ms, icon = start_docked(display, QLBREAK, env, "qlbreakSystemTrayIcon")
        times["qlbreak dock"].append(ms)
        time.sleep(1.5)  # let the tray settle (and any re-dock finish)
        times["click at once"].append(click_to_map(display, env, icon))
        close_windows(home)
        subprocess.run(["xdotool", "mousemove", "0", "0"], env=env, check=True)  # off the icon
        time.sleep(0.5)
        times["click"].append(click_to_map(display, env, icon, rest=POINTER_REST))
        close_windows(home)
        stop(proc)
        drain(display)
        start = time.perf_counter()
        tk = subprocess.Popen([sys.executable, "-c", BARE_TK], env=env)
        times["bare tk"].append((events_until(display, lambda e: e.type == Xlib.X.MapNotify) - start) * 1000)
        stop(tk)
        time.sleep(0.5)
    return times


Idle = dict[str, tuple[float, float, float]]  # per icon: RSS (MB), CPU (%), wakeups a minute


def idle_use(display, env: dict[str, str], home: str, seconds: float) -> tuple[Idle, tuple[float, float]]:
    """RSS (MB) at the end, CPU (%) and wakeups (context switches a minute) over
    ``seconds``, both icons side by side; then qlbreak's RSS (MB) after ``VISITS``, and
    the seconds they took."""
    started = {
        "bare pystray icon": start_docked(display, BARE, env, "bareSystemTrayIcon"),
        "qlbreak tray": start_docked(display, QLBREAK, env, "qlbreakSystemTrayIcon"),
    }
    procs = {k: proc for k, (proc, _ms, _icon) in started.items()}
    time.sleep(3)
    before = {k: (*rss_and_ticks(p.pid), switches(p.pid)) for k, p in procs.items()}
    time.sleep(seconds)
    after = {k: (*rss_and_ticks(p.pid), switches(p.pid)) for k, p in procs.items()}
    ours, _ms, icon = started["qlbreak tray"]
    visited = pointer_visits(display, home, icon)
    idle = {
        k: (
            after[k][0],
            (after[k][1] - before[k][1]) / HZ / seconds * 100,
            woken(before[k][2], after[k][2]) * 60 / seconds,
        )
        for k in procs
    }
    visits = (rss_and_ticks(ours.pid)[0], visited)
    for proc in procs.values():
        stop(proc)
    return idle, visits


def pointer_visits(display, home: str, icon: int) -> float:
    """Rest the pointer on the icon ``VISITS`` times (long enough for the tooltip) and
    move it away; the stretch windows it starts ahead are closed. Returns the seconds."""
    window = display.create_resource_object("window", icon)
    geometry, origin = window.get_geometry(), window.translate_coords(display.screen().root, 0, 0)
    x, y = -origin.x + geometry.width // 2, -origin.y + geometry.height // 2
    start = time.perf_counter()
    for visit in range(1, VISITS + 1):
        xtest.fake_input(display, Xlib.X.MotionNotify, x=x, y=y)
        display.sync()
        time.sleep(0.8)
        xtest.fake_input(display, Xlib.X.MotionNotify, x=x - 400, y=y + 300)
        display.sync()
        time.sleep(0.3)
        if visit % 10 == 0:
            close_windows(home)
    return time.perf_counter() - start


def report(
    times: dict[str, list[float]], idle: Idle, visits: tuple[float, float], runs: int, seconds: float
) -> list[str]:
    """The tables, as the lines printed (and written as Markdown with ``--write``)."""
    lines = [f"{'':<40} {'median':>9} {'best':>9} {'worst':>9} {'x base':>7}"]

    def row(label: str, values: list[float], base: float) -> None:
        median = statistics.median(values)
        lines.append(f"{label:<40} {median:>9.1f} {min(values):>9.1f} {max(values):>9.1f} {median / base:>7.2f}")

    base = statistics.median(times["bare dock"])
    row("start to docked: bare pystray icon", times["bare dock"], base)
    row("start to docked: qlbreak", times["qlbreak dock"], base)
    base = statistics.median(times["bare tk"])
    row("bare Tk window: start to mapped", times["bare tk"], base)
    row(f"click to stretch ({POINTER_REST:.1f} s on the icon)", times["click"], base)
    row("click to stretch (moved and clicked)", times["click at once"], base)
    lines += ["", f"idle over {seconds:.0f} s        {'RSS MB':>9} {'CPU %':>9} {'wakeups/min':>12}"]
    for label, (rss, cpu, wakeups) in idle.items():
        lines.append(f"{label:<22} {rss:>9.1f} {cpu:>9.2f} {wakeups:>12.1f}")
    bare, ours = idle["bare pystray icon"], idle["qlbreak tray"]
    lines.append(f"{'qlbreak / bare':<22} {ours[0] / bare[0]:>8.2f}x")
    lines.append(
        f"{'qlbreak after ' + str(VISITS) + ' pointer visits':<32} {visits[0]:>5.1f} MB "
        f"({visits[0] - ours[0]:+.1f} MB in {visits[1]:.0f} s)"
    )
    return lines


def write_markdown(path: Path, lines: list[str], runs: int, seconds: float) -> None:
    import datetime
    import platform

    import PIL  # (not pystray: importing it opens the X display, gone by now)

    from qlbreak import __version__

    info = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), platform.processor())
    head = [
        "# The tray's cost, next to a bare pystray icon",
        "",
        f"Measured {datetime.date.today():%Y-%m-%d} with",
        f"`python benchmarks/tray.py {runs} {seconds:.0f} --write={path}`",
        "(its own Xvfb and trayer, a private home).",
        "",
        f"- machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, pystray 0.19.5, Pillow {PIL.__version__}, qlbreak {__version__}",
        f"- {runs} runs each for the times (ms); the idle figures over {seconds:.0f} s, both icons side by side",
        "",
        "```",
    ]
    kept = path.read_text().partition(BY_HAND)[2] if path.exists() else ""  # the notes below the tables
    path.write_text("\n".join([*head, *lines, "```", "", BY_HAND]) + (kept or "\n"))


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--write")]
    target = next((Path(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--write=")), None)
    runs = int(args[0]) if args else 5
    seconds = float(args[1]) if len(args) > 1 else 60.0
    xvfb, name = start_xvfb()
    env, home = private_env(name)
    trayer = subprocess.Popen(
        ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "32"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.5)
        display = Xlib.display.Display(name)
        display.screen().root.change_attributes(event_mask=Xlib.X.SubstructureNotifyMask)
        times = latencies(display, env, home, runs)
        idle, visits = idle_use(display, env, home, seconds)
    finally:
        stop(trayer)
        xvfb.terminate()
        xvfb.wait()
    lines = report(times, idle, visits, runs, seconds)
    print(f"interpreter: {sys.executable}   ({runs} runs each; ms)")
    print("\n".join(lines))
    if target is not None:
        write_markdown(target, lines, runs, seconds)
        print(f"written to {target}")


if __name__ == "__main__":
    main()
