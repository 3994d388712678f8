"""The tray app wired from its parts, once ``start.py`` holds the lock and shows the icon.

The icon's loop owns the main thread (macOS requires it); the service loop runs in
pystray's setup thread; signals, menu clicks and the single-instance listener only
queue commands. Without any tray (a bare Wayland session, no X display) the service
runs on its own and reminders arrive as notifications.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from qlbreak.clock import SystemClock
from qlbreak.core.commands import Command
from qlbreak.core.words import _
from qlbreak.edges import choose
from qlbreak.edges.children.launch import ChildWindows
from qlbreak.edges.instance.channels import Server
from qlbreak.edges.instance.endpoint import Endpoint, InstanceError
from qlbreak.edges.nothing import NoTray
from qlbreak.edges.ports import Ports, Post
from qlbreak.storage.config import Config, Watch
from qlbreak.storage.config_layers import read_admin
from qlbreak.storage.history import History
from qlbreak.storage.outbox import Outbox
from qlbreak.storage.paths import Paths, assets_dir
from qlbreak.storage.privacy import private_folder
from qlbreak.stretches.own import Folder, own_dir
from qlbreak.tray import logs
from qlbreak.tray.service import Service

if TYPE_CHECKING:
    from qlbreak.edges.detect.session_win32 import SessionLock
    from qlbreak.edges.icon.tray_icon import TrayIcon
    from qlbreak.tray.start import Load

log = logging.getLogger("qlbreak")
QUIT_WITHIN = 2.0  # seconds from Quit or SIGTERM to a finished process
HISTORY_WAIT = 2.0  # seconds the loop waits for a busy history before keeping a record for later


def serve(
    load: Load,
    paths: Paths,
    endpoint: Endpoint,
    commands: queue.Queue[Command],
    tray: TrayIcon | None,
    problem: str | None,
    display: bool,
    session_lock: SessionLock | None = None,
) -> int:
    """Everything after the lock and the icon (``start.py``), until Quit: in the icon's
    setup thread, or the main thread where there is no icon. ``display``: windows can
    open here (without one, reminders are notifications)."""
    post = commands.put
    logs.setup(paths.log_file)
    loaded = load()
    if loaded is None:
        _stop(tray)
        return 2
    config, catalogue = loaded
    _close_folders(paths)
    if tray is not None:
        log.info("tray backend %s (click: %s, menu: %s)", tray.backend, tray.has_default_action, tray.has_menu)
        problem = problem or _no_tray_host(tray)
    adjust = _as_given if display else _notifications_only
    config = adjust(config)
    clock = SystemClock(config.timezone)
    # No usable history (a read-only folder, a full disk, a newer qlbreak's file) must
    # not stop the reminders: they go on, and the records wait until it can be written.
    history = Outbox(lambda: History.open(paths.history_db, clock.now(), timeout=HISTORY_WAIT))
    if history.notice:
        log.warning(history.notice)
    windows = ChildWindows(config, catalogue, paths, report=post, icon_at=tray.position if tray else lambda: None)
    icon_file = str(assets_dir() / "qlbreak.png")
    notifier = choose.notifier(tray.notify if tray else None, icon_file)
    ids = set(catalogue.ids)  # the user's own stretches' too, as they come and go (``own``)
    settings = Watch(paths.config_file, ids, adjust)
    # Buttons on the notification start windows: only where there is a display for them.
    buttons = choose.buttons(icon_file, post) if display else None
    detectors = choose.detectors(lock=session_lock)
    # None: the loop looks every 30 s; the organisation's files too (a time changed there counts)
    alarm = choose.alarm(post, [paths.config_file, *settings.places])
    ports = Ports(tray or NoTray(), notifier, windows, choose.login_item(), clock, settings, detectors, buttons, alarm)
    # A first run (no answers yet) on a display the welcome can be shown on, unless the
    # organisation's settings say to ask nothing ([admin] welcome = false)
    welcome = display and not _exists(paths.config_file) and read_admin().welcome
    own = Folder(own_dir(paths.config_file), catalogue, ids)  # the user's own stretches: read again when changed
    service = Service(config, catalogue, history, paths.state_file, ports, commands, welcome, own)
    listener = _listen(endpoint, post, ids)  # the user's own as they come and go
    if problem:  # once, on stderr and in the log
        log.warning("no tray icon: %s. Reminders will come as notifications.", problem)
    if windows.tk_problem:  # once, on stderr, in the log and as a notification
        log.warning("%s", windows.tk_problem)
        notifier.notify(_("qlbreak cannot open its windows"), windows.tk_problem)
    log.info("qlbreak started (pid %d)", os.getpid())
    try:
        service.run()
    except Exception:
        log.exception("the service loop failed")
        raise
    finally:
        if listener is not None:
            listener.close()
        if alarm is not None:
            alarm.close()
        history.close()
        log.info("qlbreak stopped")
        _stop(tray)
    return 0


def _stop(tray: TrayIcon | None) -> None:
    """A bounded stop of the icon (pystray's loop can wedge on stop under X11: the
    state is saved by now, so the process ends anyway)."""
    if tray is None:
        return
    timer = threading.Timer(QUIT_WITHIN, lambda: os._exit(0))
    timer.daemon = True
    timer.start()
    tray.stop()


def _no_tray_host(tray: TrayIcon) -> str | None:
    if tray.tray_present() is False:
        gnome = "on GNOME, install the AppIndicator extension"
        return f"no system tray is running ({gnome}); the icon appears when one starts"
    return None


def _listen(endpoint: Endpoint, post: Post, ids: set[str]) -> Server | None:
    try:
        return endpoint.listen(post, ids)
    except InstanceError as trouble:  # the app still works; a second start cannot reach it
        log.warning("%s", trouble)
        return None


def _as_given(config: Config) -> Config:
    return config


def _notifications_only(config: Config) -> Config:
    return replace(config, reminder_style="notification")


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
