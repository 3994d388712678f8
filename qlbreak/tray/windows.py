"""qlbreak's windows as child processes of the tray: the stretch, the prompt, the menu.

The tray never imports tkinter: each window is a process of its own, so the idle tray
stays small, Tk and pystray never share a main thread (macOS forbids it), and a
crashed or killed window leaves the tray running. A thread waits on each child and
reports its end, with what it printed (the prompt's or menu's choice), as the
command ``("ended", (kind, result, started))``.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from qlbreak import clock
from qlbreak.core.tray_view import Due, Entry
from qlbreak.storage.config import Config
from qlbreak.storage.paths import Paths
from qlbreak.stretches.catalogue import Catalogue, Stretch
from qlbreak.ui import spec as launch
from qlbreak.ui.theme import palette

log = logging.getLogger("qlbreak")
Report = Callable[[str, object], None]


class ChildWindows:
    def __init__(
        self,
        config: Config,
        catalogue: Catalogue,
        paths: Paths,
        report: Report,
        python: str = sys.executable,
        speed: float = 1.0,
        icon_at: Callable[[], tuple[int, int, int, int] | None] = lambda: None,
    ) -> None:
        self.config, self.catalogue, self.paths, self.report = config, catalogue, paths, report
        self.python, self.speed, self.icon_at = python, speed, icon_at
        self._children: dict[str, subprocess.Popen[bytes]] = {}
        self._lock = threading.Lock()

    # -- the Windows port ------------------------------------------------------------

    def open_stretch(self, stretch: Stretch) -> None:
        spec = launch.snapshot(stretch, self.config, self.paths, self.speed) | {"listen": True}
        handoff = launch.write_handoff(spec, self.paths.data_dir)
        self._start("stretch", launch.window_command(str(handoff)), stdin=True, cleanup=handoff)

    def raise_stretch(self) -> bool:
        child = self._alive("stretch")
        if child is None or child.stdin is None:
            return False
        try:
            child.stdin.write(b"raise\n")
            child.stdin.flush()
        except OSError:
            return False
        return True

    def open_prompt(self, due: Due, snooze_minutes: int, seconds_left: float) -> None:
        stretch = self.catalogue.get(due.stretch)
        spec = {
            "name": due.name,
            "summary": stretch.summary if stretch else "",
            "snooze": snooze_minutes,
            "seconds": max(1.0, seconds_left),
            "theme": self._theme(),
            "corner": "bottom-right" if sys.platform == "win32" else "top-right",
            "icon": self.icon_at(),  # where the tray shows the icon, when it can be known
        }
        self.close_prompt()
        self._start("prompt", self._module("qlbreak.ui.prompt", spec), output=True)

    def close_prompt(self) -> None:
        self._end("prompt")

    def open_menu(self, entries: Sequence[Entry], x: int, y: int) -> None:
        spec = {"entries": [e.as_json() for e in entries], "x": x, "y": y, "theme": self._theme()}
        self._end("menu")
        self._start("menu", self._module("qlbreak.ui.menu", spec), output=True)

    def open_safety(self) -> None:
        if self._alive("safety") is None:
            self._start("safety", [self.python, "-m", "qlbreak", "--config", str(self.paths.config_file), "safety"])

    def close_all(self) -> None:
        for kind in list(self._children):
            self._end(kind)

    # -- processes -------------------------------------------------------------------

    def _start(
        self, kind: str, argv: list[str], stdin: bool = False, output: bool = False, cleanup: Path | None = None
    ) -> None:
        started = clock.now("UTC")
        try:
            child = subprocess.Popen(
                argv,
                stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                stdout=subprocess.PIPE if output else None,
            )
        except OSError as err:
            log.error("cannot start the %s window: %s", kind, err)
            if cleanup:
                cleanup.unlink(missing_ok=True)
            return
        with self._lock:
            self._children[kind] = child
        log.info("%s window started (pid %d)", kind, child.pid)
        waiter = threading.Thread(target=self._wait, args=(kind, child, started, cleanup), daemon=True)
        waiter.start()

    def _wait(self, kind: str, child: subprocess.Popen[bytes], started: datetime, cleanup: Path | None) -> None:
        out = child.communicate()[0] if child.stdout else b""
        code = child.wait()
        if cleanup:
            cleanup.unlink(missing_ok=True)
        with self._lock:
            ended_by_us = self._children.get(kind) is not child
            if not ended_by_us:
                del self._children[kind]
        if code not in (0, -15):
            log.warning("%s window ended with status %s", kind, code)
        result: object = (out or b"").decode("ascii", "replace").strip() or code
        if ended_by_us:
            result = None  # closed by the tray (a newer one replaced it): no choice was made
        self.report("ended", (kind, result, started))

    def _alive(self, kind: str) -> subprocess.Popen[bytes] | None:
        with self._lock:
            child = self._children.get(kind)
        return child if child is not None and child.poll() is None else None

    def _end(self, kind: str) -> None:
        with self._lock:
            child = self._children.pop(kind, None)
        if child is not None and child.poll() is None:
            child.terminate()

    def _module(self, module: str, spec: dict[str, object]) -> list[str]:
        return [self.python, "-m", module, json.dumps(spec)]

    def _theme(self) -> str:
        return palette(self.config.theme).name
