"""A private X screen for GUI tests, and the moves a person makes on it.

Xvfb picks a free display itself (-displayfd). Windows are found by title with
xdotool; a widget is found through Tk's X11 ``send`` (the test asks the dialog's own
Tk interpreter for its widget tree and geometry), then clicked for real with xdotool.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import sys
import time
import tkinter
from collections.abc import Callable
from pathlib import Path
from typing import Any

TOOLS = ("Xvfb", "xdotool", "xwininfo")

# Tcl run inside the app: its widget tree as a flat list of path, text (only widgets
# that have a -text), in one evaluation, so no event of its own can come in between.
TREE = r"""
proc qlbreak_tree {w} {
    set found {}
    if {![catch {$w cget -text} text]} { lappend found $w $text }
    foreach c [lreverse [winfo children $w]] { lappend found {*}[qlbreak_tree $c] }
    return $found
}
"""

# Tcl run inside the app: press buttons by their words, one after the other, in one
# evaluation (no tick of the window's own comes in between: a timed walk is held
# still this way, where a demo speed would race a test that looks from outside).
PRESS = r"""
proc qlbreak_all {w} {
    set found [list $w]
    foreach c [winfo children $w] { lappend found {*}[qlbreak_all $c] }
    return $found
}
proc qlbreak_text {w} { if {[catch {$w cget -text} t]} { return "" }; return $t }
proc qlbreak_press {args} {
    foreach label $args {
        set all [qlbreak_all .]
        [lindex $all [lsearch -exact [lmap w $all { qlbreak_text $w }] $label]] invoke
    }
}
"""


def missing_tools(tools: tuple[str, ...] = TOOLS) -> list[str]:
    return [t for t in tools if shutil.which(t) is None]


def require(tools: tuple[str, ...], kind: str, install: str) -> None:
    """Skip without the tools, with the reason, except under CI=true: there it fails."""
    from tests.need import missing

    problem = None
    if not sys.platform.startswith("linux"):
        problem = f"{kind} tests need Linux with X11"
    elif missing := missing_tools(tools):
        problem = f"missing tools: {', '.join(missing)} (Debian: {install})"
    if problem:
        missing(problem)


def end(proc: subprocess.Popen[bytes]) -> None:
    """Terminate, then kill: a test never leaves a process behind."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def wait_until(predicate: Callable[[], Any], timeout: float, what: str, interval: float = 0.03) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


class Screen:
    def __init__(self, workdir: Path, app: str = "", size: tuple[int, int] = (1280, 800), dpi: int = 96) -> None:
        self.workdir, self.app, self.size, self.dpi = workdir, app, size, dpi
        self.proc: subprocess.Popen[bytes] | None = None
        self.display = ""
        self._tk: tkinter.Tk | None = None

    def start(self) -> Screen:
        rfd, wfd = os.pipe()
        with (self.workdir / "xvfb.log").open("wb") as log:
            self.proc = subprocess.Popen(
                [
                    "Xvfb",
                    "-displayfd",
                    str(wfd),
                    "-screen",
                    "0",
                    f"{self.size[0]}x{self.size[1]}x24",
                    "-dpi",
                    str(self.dpi),
                    "-nolisten",
                    "tcp",
                ],
                pass_fds=(wfd,),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        os.close(wfd)
        buf = b""
        while not buf.endswith(b"\n"):  # read to the newline, or Xvfb dies on EPIPE
            if not select.select([rfd], [], [], 20)[0]:
                raise TimeoutError("Xvfb did not report a display number")
            chunk = os.read(rfd, 64)
            if not chunk:
                raise RuntimeError(f"Xvfb exited: see {self.workdir / 'xvfb.log'}")
            buf += chunk
        os.close(rfd)
        self.display = ":" + buf.decode().strip()
        return self

    def stop(self) -> None:
        if self._tk is not None:
            self._tk.destroy()
        if self.proc is not None:
            end(self.proc)

    @property
    def env(self) -> dict[str, str]:
        keep = {
            k: v
            for k, v in os.environ.items()
            if k not in ("WAYLAND_DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS")
        }
        return {**keep, "DISPLAY": self.display, "DBUS_SESSION_BUS_ADDRESS": "disabled:"}

    def run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(argv, env=self.env, check=check, capture_output=True, text=True, timeout=20)

    # -- windows ------------------------------------------------------------------------

    def windows(self, title: str) -> list[int]:
        # POSIX regex: escape what is special (re.escape also escapes spaces, which
        # xdotool rejects), and let any run match a non-ASCII character such as the
        # title's dash, which reaches xdotool as compound text, not UTF-8.
        posix = "".join(c if ord(c) < 128 else ".*" for c in re.sub(r"([.^$*+?()\[\]{}|\\])", r"\\\1", title))
        out = self.run("xdotool", "search", "--onlyvisible", "--name", f"^{posix}$", check=False).stdout
        return list(dict.fromkeys(int(w) for w in out.split()))

    def wait_window(self, title: str, timeout: float = 15) -> int:
        found: list[int] = wait_until(lambda: self.windows(title), timeout, f"a window titled {title!r}")
        return found[0]

    def geometry(self, wid: int) -> tuple[int, int, int, int]:
        out = self.run("xwininfo", "-id", str(wid)).stdout

        def num(key: str) -> int:
            match = re.search(rf"{key}:\s+(-?\d+)", out)
            assert match, out
            return int(match.group(1))

        return num("Absolute upper-left X"), num("Absolute upper-left Y"), num("Width"), num("Height")

    def click(self, x: int, y: int) -> None:
        # No `mousemove --sync`: it hangs when the pointer is already there.
        self.run("xdotool", "mousemove", str(x), str(y), "click", "1")

    def key(self, wid: int, *keys: str) -> None:
        """Type into window ``wid`` once its Tk app says it has the keyboard focus."""
        x, y, w, _h = self.geometry(wid)
        self.run("xdotool", "mousemove", str(x + w // 2), str(y + 8))
        self.run("xdotool", "windowfocus", "--sync", str(wid), check=False)
        if self.app:
            wait_until(lambda: self.send(self.app, "focus"), 5, f"{self.app} to have the keyboard focus")
        for k in keys:
            self.run("xdotool", "key", k)

    def screenshot(self, path: Path, wid: int | None = None) -> Path:
        from PIL import ImageGrab

        path.parent.mkdir(parents=True, exist_ok=True)
        image = ImageGrab.grab(xdisplay=self.display)
        if wid is not None:
            x, y, w, h = self.geometry(wid)
            image = image.crop((x, y, x + w, y + h))
        image.save(path)
        return path

    # -- widgets, through Tk's send -------------------------------------------------------

    def tk(self) -> tkinter.Tk:
        if self._tk is None:
            self._tk = tkinter.Tk(screenName=self.display)
            self._tk.withdraw()
        return self._tk

    def send(self, app: str, *command: object) -> str:
        return str(self.tk().tk.call("send", app, *command))

    def widgets(self, app: str) -> list[tuple[str, str]]:
        """Every (path, text) in the app's windows, read in one go inside its own event
        loop (a screen being rebuilt is seen before or after, never half); empty when it
        is gone."""
        try:
            found = self.tk().tk.splitlist(self.send(app, TREE + "qlbreak_tree ."))
        except tkinter.TclError:
            return []
        return list(zip(found[::2], found[1::2], strict=True))

    def texts(self, app: str) -> list[str]:
        return [text for _, text in self.widgets(app) if text]

    def wait_text(self, app: str, pattern: str, timeout: float = 10) -> str:
        regex = re.compile(pattern)

        def seen() -> str | None:
            return next((t for t in self.texts(app) if regex.search(t)), None)

        found: str = wait_until(seen, timeout, f"text /{pattern}/ in {app}")
        return found

    def place(self, app: str, path: str) -> tuple[int, int, int, int]:
        """Where ``path`` is on the screen (x, y, width, height), once the app has laid
        out what it has to: read in one go, after its pending idle work."""
        script = f"update idletasks; lmap k {{rootx rooty width height}} {{winfo $k {{{path}}}}}"
        x, y, w, h = (int(n) for n in self.tk().tk.splitlist(self.send(app, script)))
        return x, y, w, h

    def click_widget(self, app: str, path: str) -> None:
        """Click the widget at Tk path ``path`` in the middle, with the real pointer."""
        x, y, w, h = self.place(app, path)
        self.click(x + w // 2, y + h // 2)

    def type_into(self, app: str, path: str, text: str) -> None:
        """Click an entry, select what it holds, and type ``text`` over it, for real; back
        once the entry holds ``text``. Under load a key can reach the X server while the
        focus is still on its way (CI saw "13:45" not arrive): typed again, up to twice."""
        if not text:  # nothing to type: the text selected, for the caller's next key
            self._select_all(app, path)
            return
        for attempt in range(3):
            self._select_all(app, path)
            self.run("xdotool", "type", "--delay", "20", text)
            try:
                wait_until(lambda: self.send(app, path, "get") == text, 5, f"{text!r} typed into {path}")
                return
            except TimeoutError:
                if attempt == 2:
                    raise

    def _select_all(self, app: str, path: str) -> None:
        self.click_widget(app, path)
        wait_until(lambda: self.send(app, "focus") == path, 5, f"{path} to have the keyboard focus")
        self.run("xdotool", "key", "ctrl+a")  # Tk's entry: the start of the line
        self.run("xdotool", "key", "shift+End")

    def press(self, app: str, text: str, timeout: float = 10) -> None:
        """Click the widget showing ``text``, in the middle, with the real pointer, once
        it is there (the screen before may still be on its way out)."""

        def shown() -> str | None:
            return next((p for p, t in self.widgets(app) if t == text), None)

        path: str = wait_until(shown, timeout, f"a widget {text!r} in {app}")
        self.click_widget(app, path)
