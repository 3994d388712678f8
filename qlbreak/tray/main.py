"""``qlbreak`` with no command: the tray app, wired from its parts.

One per user: a second start asks the running one for a stretch and exits 0. The
icon's loop owns the main thread (macOS requires it); the service loop runs in
pystray's setup thread; signals, menu clicks and the single-instance listener only
queue commands. Without any tray (a bare Wayland session, no X display) the service
runs on its own and reminders arrive as notifications.
"""

from __future__ import annotations

import logging
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from qlbreak.clock import SystemClock
from qlbreak.core.commands import Command, Quit
from qlbreak.core.tray_view import Entry
from qlbreak.detect.desktop import for_this_desktop
from qlbreak.detect.windows import SessionLock
from qlbreak.storage.config import Config, Watch
from qlbreak.storage.history import History
from qlbreak.storage.outbox import Outbox
from qlbreak.storage.paths import Paths, assets_dir
from qlbreak.storage.privacy import private_folder
from qlbreak.stretches.catalogue import Catalogue
from qlbreak.tray import logs
from qlbreak.tray.autostart import for_this_system
from qlbreak.tray.buttons import ButtonNotifications
from qlbreak.tray.channels import Server
from qlbreak.tray.icon import TrayIcon, TrayUnavailable, display_problem
from qlbreak.tray.instance import Endpoint, InstanceError
from qlbreak.tray.notify import Notifications, choose_sender
from qlbreak.tray.ports import Alarm, Ports, Post
from qlbreak.tray.service import Service
from qlbreak.tray.windows import ChildWindows

log = logging.getLogger("qlbreak")
QUIT_WITHIN = 2.0  # seconds from Quit or SIGTERM to a finished process
HISTORY_WAIT = 2.0  # seconds the loop waits for a busy history before keeping a record for later


def run(config: Config, catalogue: Catalogue, paths: Paths, out: TextIO, err: TextIO) -> int:
    endpoint = Endpoint(paths.runtime_dir, paths.key_file)
    try:
        if not endpoint.acquire():
            return _second(endpoint, out, err)
    except InstanceError as trouble:
        print(f"qlbreak: {trouble}", file=err)
        return 2
    logs.setup(paths.log_file)
    _close_folders(paths)
    clock = SystemClock(config.timezone)
    # No usable history (a read-only folder, a full disk, a newer qlbreak's file) must
    # not stop the reminders: they go on, and the records wait until it can be written.
    history = Outbox(lambda: History.open(paths.history_db, clock.now(), timeout=HISTORY_WAIT))
    if history.notice:
        log.warning(history.notice)
    commands: queue.Queue[Command] = queue.Queue()
    post = commands.put

    # Windows tells the icon's window of a lock; the "locked" detector hears it there.
    session_lock = SessionLock() if sys.platform == "win32" else None
    tray, problem, adjust = _tray_or_notifications(post, session_lock)
    config = adjust(config)
    windows = ChildWindows(config, catalogue, paths, report=post, icon_at=tray.position if tray else lambda: None)
    icon_file = str(assets_dir() / "qlbreak.png")
    notifier = Notifications(choose_sender(tray.notify if tray else None, icon_file))
    settings = Watch(paths.config_file, frozenset(catalogue.ids), adjust)
    # Buttons on the notification start windows: only where there is a display for them.
    buttons = ButtonNotifications(icon_file, post) if adjust is _as_given else None
    detectors = for_this_desktop(session_lock=session_lock)
    alarm = _alarm(post, paths)
    ports = Ports(tray or _NoTray(), notifier, windows, for_this_system(), clock, settings, detectors, buttons, alarm)
    # A first run (no answers yet) on a display the welcome can be shown on.
    welcome = adjust is _as_given and not _exists(paths.config_file)
    service = Service(config, catalogue, history, paths.state_file, ports, commands, welcome)
    listener = _listen(endpoint, post, catalogue)
    _quit_on_signals(post)
    if problem:  # once, on stderr and in the log
        log.warning("no tray icon: %s. Reminders will come as notifications.", problem)
    if windows.tk_problem:  # once, on stderr, in the log and as a notification
        log.warning("%s", windows.tk_problem)
        notifier.notify("qlbreak cannot open its windows", windows.tk_problem)
    log.info("qlbreak started (pid %d)", os.getpid())
    try:
        if tray is None:
            service.run()
        else:
            tray.run(setup=lambda: _serve(service, tray))
    finally:
        if listener is not None:
            listener.close()
        if alarm is not None:
            alarm.close()
        history.close()
        endpoint.release()
        log.info("qlbreak stopped")
    return 0


def _listen(endpoint: Endpoint, post: Post, catalogue: Catalogue) -> Server | None:
    try:
        return endpoint.listen(post, frozenset(catalogue.ids))
    except InstanceError as trouble:  # the app still works; a second start cannot reach it
        log.warning("%s", trouble)
        return None


def _alarm(post: Post, paths: Paths) -> Alarm | None:
    """The wall-clock alarm (Linux); elsewhere the loop looks every 30 s."""
    if not sys.platform.startswith("linux"):
        return None
    from qlbreak.tray import alarm_linux

    return alarm_linux.for_this_system(post, [paths.config_file])


def _as_given(config: Config) -> Config:
    return config


def _notifications_only(config: Config) -> Config:
    return replace(config, reminder_style="notification")


def _quit_on_signals(post: Post) -> None:
    """Quit cleanly (state saved, icon removed, a log line) on kill, Ctrl-C, and when the
    terminal it was started from closes (SIGHUP)."""
    signals = [signal.SIGTERM, signal.SIGINT]
    if sys.platform != "win32":
        signals.append(signal.SIGHUP)
    for sig in signals:
        signal.signal(sig, lambda *_: post(Quit()))


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return True  # cannot even look: not a first run to greet


def _close_folders(paths: Paths) -> None:
    """qlbreak's folders are the user's alone; one an older qlbreak left open is closed."""
    for folder in (paths.config_dir, paths.data_dir, paths.state_dir):
        try:
            private_folder(folder)
        except OSError as trouble:
            log.warning("%s: cannot make this folder private: %s", folder, trouble)


def _second(endpoint: Endpoint, out: TextIO, err: TextIO) -> int:
    """Another qlbreak holds the lock: ask it for a stretch (it may still be starting)."""
    for attempt in range(10):
        try:
            endpoint.send("stretch")
        except InstanceError as problem:
            if attempt == 9:
                print(f"qlbreak: another qlbreak holds the lock but does not answer ({problem})", file=err)
                return 1
            time.sleep(0.3)
        else:
            break
    print("qlbreak is already running: it opens a stretch now", file=out)
    return 0


def _tray_or_notifications(
    post: Post, session_lock: SessionLock | None = None
) -> tuple[TrayIcon | None, str | None, Callable[[Config], Config]]:
    """The icon, why there is none, and what every reading of the settings becomes:
    with no display there is no prompt window either, so reminders are notifications."""
    problem = display_problem()
    if problem:
        return None, problem, _notifications_only
    tray, problem = _make_tray(post, session_lock)
    return tray, problem, _as_given


def _make_tray(post: Post, session_lock: SessionLock | None = None) -> tuple[TrayIcon | None, str | None]:
    try:
        tray = TrayIcon(assets_dir(), post, session_lock)
    except TrayUnavailable as error:
        return None, f"cannot show an icon here ({error})"
    if tray.tray_present() is False:
        gnome = "on GNOME, install the AppIndicator extension"
        return tray, f"no system tray is running ({gnome}); the icon appears when one starts"
    return tray, None


def _serve(service: Service, tray: TrayIcon) -> None:
    """The setup thread: the service loop, then a bounded stop of the icon."""
    try:
        service.run()
    except Exception:
        log.exception("the service loop failed")
        raise
    finally:
        _exit_if_stuck()
        tray.stop()


def _exit_if_stuck() -> None:
    """pystray's loop can wedge on stop (X11): the state is saved, so end anyway."""
    timer = threading.Timer(QUIT_WITHIN, lambda: os._exit(0))
    timer.daemon = True
    timer.start()


class _NoTray:
    def update(self, title: str, look: str, menu: Sequence[Entry]) -> None:
        log.debug("tray (not shown): %s", title)
