"""qlbreak's windows as child processes: the one way to start one and hear how it ended.

The tray never imports tkinter: each window is a process of its own (``ui/spec.py``
says how it starts and what it answers), so the idle tray stays small, Tk and
pystray never share a main thread (macOS forbids it), and a crashed or killed window
leaves the tray running. A thread waits on each child and posts its end, with the
line it answered, as ``ChildEnded(kind, result)``.

A stretch window is also given a file of its own to write ``done`` or ``partial`` in
the moment the stretch is finished (``answer_file``, in the state folder): one killed
on its done screen ended "done", not unanswered, and one that outlived its tray
(killed, or quit at logout) is heard by the next tray, when it starts.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from qlbreak.core.commands import ChildEnded
from qlbreak.core.kinds import STRETCHED, Window
from qlbreak.core.reminder import headline
from qlbreak.core.window_specs import (
    MenuSpec,
    ProgressSpec,
    PromptSpec,
    SafetySpec,
    SettingsSpec,
    StretchSpec,
    TooltipSpec,
    WelcomeSpec,
    WindowSpec,
)
from qlbreak.edges.children import locks as window_locks
from qlbreak.edges.instance import peruser
from qlbreak.edges.ports import Post
from qlbreak.storage.config import Config, as_table
from qlbreak.storage.paths import Paths
from qlbreak.stretches import translated
from qlbreak.stretches.catalogue import Catalogue, Stretch
from qlbreak.ui import spec as ui_spec
from qlbreak.ui.theme import palette

log = logging.getLogger("qlbreak")
WARM_FOR = 20.0  # seconds a stretch window started ahead waits for its click
ANSWERS = "stretch-answers"  # in the state folder: how each stretch window ended, until heard


def start(
    kind: str, window_spec: ui_spec.Spec, python: str = sys.executable, listen: bool = False, keep: int | None = None
) -> subprocess.Popen[bytes]:
    """Start window ``kind``; its answer comes on the child's stdout, and with
    ``listen`` the child reads requests ("raise") on its stdin. ``keep``: a descriptor
    the child holds for its life (its lock, ``window_locks.py``)."""
    return subprocess.Popen(
        ui_spec.command(kind, window_spec, python),
        stdin=subprocess.PIPE if listen else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        pass_fds=() if keep is None else (keep,),
    )


def run_to_end(kind: str, window_spec: ui_spec.Spec) -> tuple[int, list[str]]:
    """Run a window from a terminal command to its end; SIGTERM or Ctrl-C here closes
    it too. Returns the window's exit status and its answer's lines."""
    child = start(kind, window_spec)
    previous = signal.signal(signal.SIGTERM, lambda *_: child.terminate())
    try:
        out = child.communicate()[0] or b""
    except KeyboardInterrupt:
        child.terminate()
        out = child.communicate()[0] or b""
    finally:
        signal.signal(signal.SIGTERM, previous)
    return child.returncode, out.decode("utf-8", "replace").strip().splitlines()


class ChildWindows:
    def __init__(
        self,
        config: Config,
        catalogue: Catalogue,
        paths: Paths,
        report: Post,
        python: str = sys.executable,
        icon_at: Callable[[], tuple[int, int, int, int] | None] = lambda: None,
    ) -> None:
        self.config, self.catalogue, self.paths, self.report = config, catalogue, paths, report
        self.python, self.icon_at = python, icon_at
        self.tk_problem = ui_spec.tk_missing()  # then no window can open: said once, at start
        self._children: dict[Window, subprocess.Popen[bytes]] = {}
        self._warm: subprocess.Popen[bytes] | None = None  # a stretch window started ahead
        self._held: dict[int, Path] = {}  # a stretch window's pid, its lock file (window_locks.py)
        self._lock = threading.Lock()
        self._closing = False  # the tray quits: what its windows answered is left for the next one
        self._own: set[str] = set()  # the answer files of this tray's stretch windows
        self._locks = peruser.folders(paths.runtime_dir)[0]  # the stretch windows' locks, as the tray's own
        self._hear_earlier()

    # -- the Windows port ------------------------------------------------------------

    def open(self, kind: Window, spec: WindowSpec) -> None:
        """Open window ``kind`` from its typed spec (``ports.Windows.open``)."""
        if spec.kind != kind:
            raise ValueError(f"a {spec.kind} window's spec cannot open a {kind} window")
        match spec:
            case StretchSpec(stretch=None):
                self._prepare_stretch()
            case StretchSpec(stretch=str() as stretch_id):
                stretch = self.catalogue.get(stretch_id)
                if stretch is None:
                    log.error("no stretch %r in the catalogue: no stretch window", stretch_id)
                else:
                    self._open_stretch(stretch)
            case PromptSpec():
                self._open_prompt(spec)
            case MenuSpec(entries=entries, x=x, y=y):
                self._end(kind)
                where = {"icon": self.icon_at()}  # the menu opens beside the icon, not over it
                self._start(kind, ui_spec.menu(entries, x, y, self._theme()) | where)
            case TooltipSpec(text=text):
                self._end(kind)
                self._start(kind, ui_spec.tooltip(text, self._theme(), self.icon_at()))
            case SafetySpec():
                self._open_once(kind, ui_spec.safety(self._theme(), self.paths, self.config.timezone))
            case SettingsSpec(autostart=autostart):
                in_effect = {"in_effect": as_table(self.config)}  # a broken hand edit: what is kept, not the default
                self._open_once(kind, ui_spec.settings(self._theme(), self.paths, autostart) | in_effect)
            case WelcomeSpec(autostart=autostart):
                self._open_once(kind, ui_spec.settings(self._theme(), self.paths, autostart))
            case ProgressSpec():
                have = self.config.prefs.equipment  # each stretch named as done with what is to hand
                names = {s.id: translated.stretch(s).for_equipment(have).name for s in self.catalogue}
                self._open_once(kind, ui_spec.progress(self._theme(), self.paths, self.config, names))

    def close(self, kind: Window) -> None:
        self._end(kind)

    def raise_(self, kind: Window) -> bool:
        """Only the stretch window listens (for "raise", on its stdin): any other kind
        answers False, as if none were open."""
        return self._raise_stretch() if kind == Window.STRETCH else False

    def close_all(self) -> None:
        self._closing = True
        for kind in list(self._children):
            self._end(kind)
        with self._lock:
            warm, self._warm = self._warm, None
        if warm is not None:
            _close_unused(warm)
            self._forget(warm)

    def configure(self, config: Config) -> None:
        self.config = config

    # -- each kind ---------------------------------------------------------------------

    def _open_stretch(self, stretch: Stretch) -> None:
        self._hear_earlier(say=False)  # an orphan's (it ended after this tray started): older than this stretch
        answers = self.paths.state_dir / ANSWERS
        told = ui_spec.stretch(translated.stretch(stretch), self.config, self.paths, self._theme()) | {
            "listen": True,
            "answer_file": str(answers / f"{os.urandom(16).hex()}.answer"),
        }
        if not self._tell_warm(told):
            self._start(Window.STRETCH, told, listen=True)

    def _prepare_stretch(self) -> None:
        """Start a stretch window ahead of a click it may never get (the pointer is on
        the icon); it ends unseen ``WARM_FOR`` seconds later if no stretch opens."""
        if self.tk_problem or self._alive(Window.STRETCH) is not None:
            return
        if window_locks.open_stretch(self._locks) is not None:
            return  # an earlier qlbreak's stretch window is open: the click raises it
        with self._lock:
            warm = self._warm
        if warm is not None and warm.poll() is None:
            return
        try:
            warm = self._locked("warm-stretch", {}, listen=True)
        except OSError as err:
            log.info("cannot start a stretch window ahead: %s", err)
            return
        with self._lock:
            self._warm = warm
        timer = threading.Timer(WARM_FOR, self._cool, args=(warm,))
        timer.daemon = True
        timer.start()

    def _tell_warm(self, told: ui_spec.Spec) -> bool:
        """Give a warm window its stretch; False when there is none to give it to."""
        with self._lock:
            warm, self._warm = self._warm, None
        if warm is None or warm.poll() is not None or warm.stdin is None:
            return False
        try:
            warm.stdin.write(json.dumps(ui_spec.with_language(told)).encode() + b"\n")
            warm.stdin.flush()
        except OSError:
            return False
        with self._lock:
            self._children[Window.STRETCH] = warm
            if warm.pid in self._held:
                self._held[warm.pid] = window_locks.rename(self._held[warm.pid], window_locks.STRETCH, warm.pid)
        log.info("stretch window shown (started ahead, pid %d)", warm.pid)
        threading.Thread(target=self._wait, args=(Window.STRETCH, warm, told["answer_file"]), daemon=True).start()
        return True

    def _cool(self, warm: subprocess.Popen[bytes]) -> None:
        """No stretch came for the warm window: it ends, and nobody hears of it."""
        with self._lock:
            if self._warm is not warm:
                return  # it became the stretch window, or a newer one took its place
            self._warm = None
        _close_unused(warm)
        self._forget(warm)

    def _raise_stretch(self) -> bool:
        """Bring the open stretch window to the front: the tray's own, or one a tray
        before this one opened (killed, it left its window open); False if none is."""
        child = self._alive(Window.STRETCH)
        if child is None or child.stdin is None:
            return self._raise_orphan()
        try:
            child.stdin.write(b"raise\n")
            child.stdin.flush()
        except OSError:
            return False
        return True

    def _raise_orphan(self) -> bool:
        pid = window_locks.open_stretch(self._locks)
        if pid is None or not window_locks.ask_to_front(pid):
            return False
        log.info("a stretch window from an earlier qlbreak is open (pid %d): raised it", pid)
        return True

    def _open_prompt(self, told: PromptSpec) -> None:
        reminder, stretch = told.reminder, self.catalogue.get(told.reminder.stretch)
        summary = translated.stretch(stretch).summary if stretch else ""  # in the user's words
        icon = None if told.clear else self.icon_at()  # clear of the notification: its own corner, not by the icon
        self._end(Window.PROMPT)
        self._start(
            Window.PROMPT,
            ui_spec.prompt(
                reminder.name,
                summary,
                told.snooze_minutes,
                told.seconds_left,
                self._theme(),
                icon,
                headline(reminder),
                told.clear,
            ),
        )

    def _open_once(self, kind: Window, told: ui_spec.Spec) -> None:
        if self._alive(kind) is None:
            self._start(kind, told)
        else:
            log.info("the %s window is open already", kind)

    # -- processes -------------------------------------------------------------------

    def _start(self, kind: Window, told: ui_spec.Spec, listen: bool = False) -> None:
        if self.tk_problem:
            log.warning("no %s window: %s", kind, self.tk_problem)
            return
        try:
            child = (
                self._locked(kind, told, listen) if kind is Window.STRETCH else start(kind, told, self.python, listen)
            )
        except OSError as err:
            log.error("cannot start the %s window: %s", kind, err)
            return
        with self._lock:
            self._children[kind] = child
        log.info("%s window started (pid %d)", kind, child.pid)
        threading.Thread(target=self._wait, args=(kind, child, told.get("answer_file")), daemon=True).start()

    def _locked(self, kind: str, told: ui_spec.Spec, listen: bool) -> subprocess.Popen[bytes]:
        """A stretch window (or one started ahead), holding its lock for its life."""
        lock = window_locks.WindowLock.take(self._locks)
        try:
            child = start(kind, told, self.python, listen, keep=lock.fd if lock else None)
        except OSError:
            if lock is not None:
                lock.drop()
                window_locks.remove(lock.path)
            raise
        if lock is not None:
            named = window_locks.STRETCH if kind == Window.STRETCH else window_locks.WARM
            with self._lock:
                self._held[child.pid] = lock.hand_over(named, child.pid)
        return child

    def _forget(self, child: subprocess.Popen[bytes]) -> None:
        """The window has ended: its lock file goes (the lock itself went with it)."""
        with self._lock:
            path = self._held.pop(child.pid, None)
        window_locks.remove(path)

    def _wait(self, kind: Window, child: subprocess.Popen[bytes], answer_file: str | None = None) -> None:
        if answer_file is not None:
            with self._lock:
                self._own.add(answer_file)
        out = child.stdout.read() if child.stdout else b""  # not communicate(): it closes stdin
        code = child.wait()
        file = Path(answer_file) if answer_file else None
        noted = _noted(file)
        self._forget(child)
        for pipe in (child.stdin, child.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
        with self._lock:
            ended_by_us = self._children.get(kind) is not child
            if not ended_by_us:
                del self._children[kind]
        if code not in (0, -signal.SIGTERM):
            log.warning("%s window ended with status %s", kind, code)
        answered = out.decode("utf-8", "replace").strip().splitlines() if code == 0 else []
        # closed by the tray (a newer one replaced it), killed or crashed: no choice was made
        result = answered[0] if answered and not ended_by_us else None
        if result is None and not ended_by_us and noted is not None:
            log.info("the %s window ended unanswered, but the stretch was %s", kind, noted)
            result = noted  # killed on its done screen: the stretch was done all the same
        self.report(ChildEnded(kind, result, tuple(answered[1:])))
        if file is not None and not self._closing:  # quitting: the next tray hears it (``_hear_earlier``)
            _remove(file)
            with self._lock:
                self._own.discard(str(file))

    def _hear_earlier(self, say: bool = True) -> None:
        """What stretch windows answered that no tray heard (this one's quit, or was
        killed, before they ended): the stretch was done, so the reminder it answered
        is over, not missed later. Said once (with ``say``), then forgotten."""
        try:
            files = sorted((self.paths.state_dir / ANSWERS).glob("*.answer"), key=_mtime)
        except OSError:
            return
        with self._lock:
            heard = [(file, _noted(file)) for file in files if str(file) not in self._own]
        for file, _ in heard:
            _remove(file)
        done = [noted for _, noted in heard if noted is not None]
        if done and not say:
            log.info("a stretch window no tray heard ended %s, before this stretch opened", done[-1])
        elif done:
            log.info("a stretch window no tray heard ended %s", done[-1])
            self.report(ChildEnded(Window.STRETCH, done[-1]))

    def _alive(self, kind: Window) -> subprocess.Popen[bytes] | None:
        with self._lock:
            child = self._children.get(kind)
        return child if child is not None and child.poll() is None else None

    def _end(self, kind: Window) -> None:
        with self._lock:
            child = self._children.pop(kind, None)
        if child is not None and child.poll() is None:
            child.terminate()

    def _theme(self) -> str:
        return palette(self.config.theme).name


def _close_unused(warm: subprocess.Popen[bytes]) -> None:
    """An empty line tells a warm window it is not needed; it is reaped here."""
    try:
        if warm.stdin is not None:
            warm.stdin.close()
        warm.wait(timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        warm.kill()
        warm.wait()
    if warm.stdout is not None:
        warm.stdout.close()


def _noted(file: Path | None) -> str | None:
    """``done`` or ``partial``, as the stretch window wrote in its answer file."""
    if file is None:
        return None
    try:
        noted = file.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None
    return noted if noted in STRETCHED else None


def _mtime(file: Path) -> float:
    try:
        return file.stat().st_mtime
    except OSError:
        return 0.0


def _remove(file: Path) -> None:
    with contextlib.suppress(OSError):
        file.unlink(missing_ok=True)
