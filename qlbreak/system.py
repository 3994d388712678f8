"""Which system this is, asked in one place; the rest of the code asks for what it may do.

``THIS`` is read once, at import, from ``sys.platform`` (the only module besides the
platform-named adapters, ``*_win32.py`` and kin, that looks). ``QLBREAK_SYSTEM``
(``linux``, ``windows``, ``macos`` or ``other``) overrides it, as ``PYSTRAY_BACKEND``
does pystray's choice: for tests and odd systems. A wrong value is one line on stderr
and the detected system is used. Stdlib only and cheap: every process imports it,
each window's before it paints.

The flags, each named by what it lets the code do, and who asks:

- ``posix_files``: file modes and the umask, fsync of a folder
  (``storage/privacy``, ``storage/spool``).
- ``fork``: ``os.fork`` and ``setsid`` (``cli/apart``: a window that outlives the command).
- ``signals``: POSIX signals to catch (SIGHUP, SIGUSR1, a window's SIGTERM through a
  wake-up fd): ``tray/start``, ``tray/logs``, ``ui/stretch``; and so the stretch windows'
  ``flock`` locks and the SIGUSR1 that raises one (``edges/children/locks``).
- ``unix_sockets``: the single-instance endpoint is a Unix socket in folders locked with
  ``flock``; else a named pipe and a lock file (``edges/instance``).
- ``replace_open_files``: a file may be replaced while it is open
  (``storage/config_save`` keeps the file open across the write).
- ``zoneinfo_files``: ``/etc/localtime`` names or holds the local zone (``clock``).
- ``xdg_runtime_dir``: ``$XDG_RUNTIME_DIR`` is the place for runtime files
  (``storage/paths``).
- ``x11_tray``: a tray icon needs an X display (``edges/icon/tray_icon.display_problem``).
- ``install_script``: ``scripts/install.sh`` installs here (a launcher, a menu entry, a
  PATH line: ``cli/uninstall`` takes them away).
- ``posix_shell``: a command told to a person is for a POSIX shell (``rm -r``, ``shlex``
  quoting: ``cli/uninstall``); else for Windows' command line.
- ``icon_notifies``: the tray icon's own notification is the better path
  (``edges/choose.plain_sender``).
- ``notify_send``: ``notify-send`` may be there (``edges/choose.plain_sender``).
- ``unbundled_notifications``: desktop-notifier shows a notification from a program
  outside an app bundle (``edges/notify/buttons``; macOS shows nothing).
- ``registry``: the Windows registry (``ui/theme``: the dark look).
- ``macos_defaults``: macOS's ``defaults`` (``ui/theme``: the dark look).
- ``winsound``, ``afplay``: the sound players (``ui/sound``).
- ``tray_at_bottom``: the tray, and the desktop's notifications, sit at the bottom right
  (Windows' taskbar and toasts); elsewhere at the top (``ui/spec.prompt_corner``).

``os`` itself is for ``edges/choose`` alone, which picks every adapter by it (the login
item, the detectors, the notifications with buttons, the alarm, the session lock).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

ENVIRONMENT = "QLBREAK_SYSTEM"


class OS(StrEnum):
    LINUX = "linux"
    WINDOWS = "windows"
    MACOS = "macos"
    OTHER = "other"  # the BSDs and other POSIX systems: Linux's ways where they work


@dataclass(frozen=True, slots=True)
class System:
    """What this system lets qlbreak do; see the module's docstring for each flag."""

    os: OS
    posix_files: bool
    fork: bool
    signals: bool
    unix_sockets: bool
    replace_open_files: bool
    zoneinfo_files: bool
    xdg_runtime_dir: bool
    x11_tray: bool
    install_script: bool
    posix_shell: bool
    icon_notifies: bool
    notify_send: bool
    unbundled_notifications: bool
    registry: bool
    macos_defaults: bool
    winsound: bool
    afplay: bool
    tray_at_bottom: bool


def of(name: OS) -> System:
    """The flags of the system ``name`` (tests hand these to what they check)."""
    posix = name is not OS.WINDOWS
    return System(
        os=name,
        posix_files=posix,
        fork=posix,
        signals=posix,
        unix_sockets=posix,
        replace_open_files=posix,
        zoneinfo_files=posix,
        xdg_runtime_dir=posix,
        x11_tray=name is OS.LINUX,
        install_script=posix,
        posix_shell=posix,
        icon_notifies=name in (OS.WINDOWS, OS.MACOS),
        notify_send=name is OS.LINUX,
        unbundled_notifications=name is not OS.MACOS,
        registry=name is OS.WINDOWS,
        macos_defaults=name is OS.MACOS,
        winsound=name is OS.WINDOWS,
        afplay=name is OS.MACOS,
        tray_at_bottom=name is OS.WINDOWS,
    )


def detected(platform: str = sys.platform) -> OS:
    """The system ``sys.platform`` names."""
    if platform == "win32":
        return OS.WINDOWS
    if platform == "darwin":
        return OS.MACOS
    if platform.startswith("linux"):
        return OS.LINUX
    return OS.OTHER


def this(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> System:
    """This system: the detected one, or the one ``QLBREAK_SYSTEM`` names."""
    found = detected(platform)
    given = environ.get(ENVIRONMENT, "").strip().lower()
    if given:
        try:
            found = OS(given)
        except ValueError:
            names = ", ".join(o.value for o in OS)
            if sys.stderr is not None:  # pythonw on Windows has none
                print(f"qlbreak: {ENVIRONMENT}={given!r} is not one of {names}; using {found.value}", file=sys.stderr)
    chosen = of(found)
    if chosen.fork and not hasattr(os, "fork"):  # a POSIX name given on a system without fork
        chosen = replace(chosen, fork=False)
    return chosen


THIS = this()
