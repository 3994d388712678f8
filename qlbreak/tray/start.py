"""The tray's first moments: the one-per-user lock, then the icon, then the rest.

The icon docks before the settings, the catalogue, the history and the service load
(``main.serve`` does that, in pystray's setup thread, once the icon is shown): this
module imports only the lock, the folders and pystray. A second start asks the running
one for a stretch and exits 0, before any of it. Signals are set here, in the main
thread (the only one that may); until the service runs they wait in its queue.
"""

from __future__ import annotations

import logging
import queue
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from qlbreak.edges.instance.endpoint import Endpoint, InstanceError, TrayBusy
from qlbreak.storage.paths import default_paths
from qlbreak.system import THIS, System
from qlbreak.tray import signals_posix

if TYPE_CHECKING:
    from qlbreak.core.commands import Command
    from qlbreak.edges.detect.session_win32 import SessionLock
    from qlbreak.edges.icon.tray_icon import TrayIcon
    from qlbreak.edges.ports import Post
    from qlbreak.storage.config import Config
    from qlbreak.stretches.catalogue import Catalogue

    # The settings and the catalogue, problems already told; None: they cannot be used.
    Load = Callable[[], tuple[Config, Catalogue] | None]


def start(config: str | None, load: Load, out: TextIO, err: TextIO) -> int:
    """Run the tray app until it quits; the exit status."""
    paths = default_paths(config)
    from qlbreak.language.start import start as speak_the_users_language
    from qlbreak.storage.config import language_setting

    speak_the_users_language(language_setting(paths.config_file))  # before the icon: its menu speaks it
    endpoint = Endpoint(paths.runtime_dir, paths.key_file)
    try:
        if not endpoint.acquire():
            return _second(endpoint, out, err)
    except InstanceError as trouble:
        print(f"qlbreak: {trouble}", file=err)
        return 2
    commands: queue.Queue[Command] = queue.Queue()
    _quit_on_signals(commands.put)
    from qlbreak.edges.icon.tray_icon import display_problem

    problem = display_problem()
    from qlbreak.edges.choose import session_lock as lock_for

    session_lock = lock_for()  # Windows tells the icon's window of a lock; elsewhere None
    tray, why = (None, problem) if problem else _icon(commands.put, session_lock)
    status: list[int] = []

    def serve() -> None:  # the rest of the app: imported only now
        try:
            from qlbreak.tray import main

            status.append(main.serve(load, paths, endpoint, commands, tray, why, problem is None, session_lock))
        except Exception:  # a bug: no icon may stay behind without reminders
            status.append(1)
            if tray is not None:
                tray.stop()
            raise

    try:
        if tray is None:
            serve()
        else:
            tray.run(setup=serve)  # it runs once the icon has asked the tray to dock it
        return status[0] if status else 0
    finally:
        endpoint.release()


def _icon(post: Post, session_lock: SessionLock | None) -> tuple[TrayIcon | None, str | None]:
    from qlbreak.edges.icon.tray_icon import TrayIcon, TrayUnavailable
    from qlbreak.storage.paths import assets_dir

    # pystray logs "Failed to dock icon" with a traceback while no tray runs; the
    # watchdog says that in words, and logs.setup sends pystray's lines to the file
    logging.getLogger("pystray").propagate = False
    try:
        return TrayIcon(assets_dir(), post, session_lock), None
    except TrayUnavailable as error:
        return None, f"cannot show an icon here ({error})"


def _quit_on_signals(post: Post, system: System = THIS) -> None:
    """Quit cleanly (state saved, icon removed, a log line) on kill, Ctrl-C, and when the
    terminal it was started from closes (SIGHUP)."""

    def quit_now(*_: object) -> None:
        from qlbreak.core.commands import Quit  # not before the icon docks

        post(Quit())

    signals = [signal.SIGTERM, signal.SIGINT]
    if system.signals:
        signals += signals_posix.hang_up()
    for sig in signals:
        signal.signal(sig, quit_now)


def _second(endpoint: Endpoint, out: TextIO, err: TextIO) -> int:
    """Another qlbreak holds the lock: ask it for a stretch (it may still be starting:
    ``send`` asks again for a few seconds). Busy is never taken for "not running"."""
    from qlbreak.core.words import _  # the words only now: the first start imports little

    try:
        endpoint.send("stretch")
    except TrayBusy as busy:
        print(f"qlbreak: {busy} ({busy.detail})", file=err)
        return busy.status
    except InstanceError as problem:  # it quit meanwhile
        # Translators: {problem}: what went wrong reaching it (technical, often English)
        said = _("the qlbreak that was running has just quit ({problem}); start qlbreak again")
        print("qlbreak: " + said.format(problem=problem), file=err)
        return 1
    print(_("qlbreak is already running: it opens a stretch now"), file=out)
    return 0
