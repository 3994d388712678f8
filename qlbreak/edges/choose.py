"""Every adapter for this system, chosen in one place from ``qlbreak.system.System``.

The tray (``tray/start.py``, ``tray/main.py``) and the command line get their adapters
here, never by importing an adapter module: the login item, the detectors, the plain
and the button notifications, the wall-clock alarm, the session lock and the tray
icon's repairs for its pystray backend, and the stretch window's voice. This is the one module that picks by
``system.os``; everything else asks ``System``'s flags. Each adapter module is
imported only when chosen (the icon docks before the rest of the app loads), so this
module imports nothing but the standard library and ``qlbreak.system`` at start.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from qlbreak.system import OS, THIS, System

if TYPE_CHECKING:
    from qlbreak.edges.detect.facts import FactSources
    from qlbreak.edges.detect.session_win32 import SessionLock
    from qlbreak.edges.icon.tray_icon import IconFeatures
    from qlbreak.edges.login.autostart import AutostartEntry
    from qlbreak.edges.notify.plain import Sender
    from qlbreak.edges.ports import Alarm, ButtonNotifier, Notifier, Post, Speaker


def login_item(system: System = THIS, environ: Mapping[str, str] = os.environ) -> AutostartEntry:
    """qlbreak's login item here: the Run key, a LaunchAgent, or an XDG autostart file."""
    from qlbreak.edges.login import autostart

    if system.os is OS.WINDOWS:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        return autostart.WindowsAutostart(winreg)
    if system.os is OS.MACOS:
        return autostart.LaunchAgent(Path.home())
    config_home = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return autostart.XdgAutostart(Path(config_home))


def session_lock(system: System = THIS) -> SessionLock | None:
    """Windows tells the icon's window of a lock; the "locked" detector listens to it."""
    if system.os is not OS.WINDOWS:
        return None
    from qlbreak.edges.detect.session_win32 import SessionLock

    return SessionLock()


def detectors(system: System = THIS, lock: SessionLock | None = None) -> FactSources:
    """Which detector reads which fact here (the first that can tell answers; for a
    camera, every one that can: one yes holds). ``lock``: on Windows, the
    ``SessionLock`` the tray icon feeds. Each source is named in words
    ``qlbreak status`` shows ("read from the sound server"), marked to be translated
    there; the log says which call could not tell."""
    from qlbreak.core.words import N_
    from qlbreak.edges.detect.facts import Fact, FactSources

    sources: dict[str, list[tuple[str, Fact]]] = {}

    def add(fact: str, source: str, read: Fact) -> None:
        sources.setdefault(fact, []).append((source, read))

    if system.os is OS.WINDOWS:
        from qlbreak.edges.detect import session_win32 as windows

        add("full_screen", N_("Windows"), windows.full_screen)
        add("do_not_disturb", N_("Windows"), windows.do_not_disturb)
        if lock is not None:
            add("locked", N_("Windows' lock messages"), lock.locked)
        add("locked", N_("Windows"), windows.locked)
        add("idle_seconds", N_("Windows"), windows.idle_seconds)
        add("microphone", N_("Windows' microphone settings"), windows.microphone)
        add("camera", N_("Windows' camera settings"), windows.camera)
    elif system.os is OS.MACOS:
        from qlbreak.edges.detect import macos

        add("idle_seconds", N_("macOS"), macos.idle_seconds)
        add("locked", N_("macOS"), macos.locked)
        add("camera", N_("macOS"), macos.camera)
    else:
        from qlbreak.edges.detect import camera_linux, freedesktop, pipewire, pulse
        from qlbreak.edges.detect.x11 import X11

        x11, session, bus = X11(), freedesktop.Bus("SESSION"), freedesktop.Bus("SYSTEM")
        add("full_screen", N_("the window manager"), x11.full_screen)
        add("idle_seconds", N_("the X display"), x11.idle_seconds)
        add("idle_seconds", N_("GNOME"), lambda: freedesktop.mutter_idle_seconds(session))
        add("do_not_disturb", N_("the notification server"), lambda: freedesktop.do_not_disturb(session))
        add("locked", N_("the login manager or the screen saver"), lambda: freedesktop.locked(bus, session))
        add("microphone", N_("the sound server"), pulse.microphone)
        add("camera", N_("the programs' open video devices"), camera_linux.in_use)  # both asked: one yes holds
        add("camera", N_("PipeWire"), pipewire.camera)
    # a camera: each source sees a part (a program's own device, one PipeWire runs for it)
    return FactSources({fact: tuple(found) for fact, found in sources.items()}, pooled=frozenset({"camera"}))


def plain_sender(icon_notify: Sender | None, icon_path: str, system: System = THIS) -> Sender:
    """The tray icon's own notify where it is the better path (Windows, macOS), else
    notify-send where there is one, else plyer."""
    from qlbreak.edges.notify import plain

    if icon_notify is not None and system.icon_notifies:
        return icon_notify
    import shutil

    program = shutil.which("notify-send") if system.notify_send else None
    return plain.notify_send_sender(program, icon_path) if program else plain.plyer_sender(icon_path)


def notifier(icon_notify: Sender | None, icon_path: str, system: System = THIS) -> Notifier:
    """The plain notifications, each sent from a thread of its own."""
    from qlbreak.edges.notify.plain import Notifications

    return Notifications(plain_sender(icon_notify, icon_path, system))


def buttons(icon_file: str, post: Post, system: System = THIS) -> ButtonNotifier:
    """The reminder as a notification with buttons: straight over D-Bus on Linux (a
    third of desktop-notifier's memory), through desktop-notifier elsewhere."""
    if system.os is OS.LINUX:
        from qlbreak.edges.notify.buttons_dbus import FreedesktopNotifications

        return FreedesktopNotifications(icon_file, post)
    from qlbreak.edges.notify.buttons import ButtonNotifications

    return ButtonNotifications(icon_file, post, system=system)


def alarm(post: Post, watched: Sequence[Path], system: System = THIS) -> Alarm | None:
    """The wall-clock alarm (Linux, Windows); elsewhere the loop looks every 30 s."""
    if system.os is OS.WINDOWS:
        from qlbreak.edges.alarm import alarm_win32

        return alarm_win32.for_this_system(post, watched)
    if system.os is OS.LINUX:
        from qlbreak.edges.alarm import alarm_linux

        # mypy checks alarm_linux as Linux's alone: elsewhere it has no names to check
        make: Callable[[Post, Sequence[Path]], Alarm | None] = alarm_linux.for_this_system  # type: ignore[attr-defined,unused-ignore]
        return make(post, watched)
    return None


def speaker(system: System = THIS, which: Callable[[str], str | None] | None = None) -> Speaker:
    """The system's own speech for the spoken cues: speech-dispatcher, else espeak-ng,
    else espeak (Linux and the rest); SAPI through PowerShell (Windows); ``say``
    (macOS). None of them: silence, and one line in the log."""
    import shutil

    from qlbreak.edges.speech import speakers
    from qlbreak.edges.speech.silent import Silent

    find = which or shutil.which
    linux = (("spd-say", speakers.spd_say), ("espeak-ng", speakers.espeak), ("espeak", speakers.espeak))
    by_os = {OS.WINDOWS: (("powershell", speakers.sapi),), OS.MACOS: (("say", speakers.say),)}
    engines: tuple[tuple[str, Callable[[str], speakers.Argv]], ...] = by_os.get(system.os, linux)
    for name, argv in engines:
        program = find(name)
        if program is not None:
            flags = speakers.CREATE_NO_WINDOW if system.os is OS.WINDOWS else 0
            return speakers.CommandSpeaker(argv(program), flags=flags)
    return Silent(f"no speech program here ({', '.join(name for name, _ in engines)} not found)")


def repaired_icon(
    icon_class: type, backend: str, post: Post, hover: Callable[[bool], None], lock: SessionLock | None
) -> tuple[type, IconFeatures]:
    """pystray's icon class for ``backend`` with qlbreak's repairs, and what it has
    beyond pystray's own ``HAS_*`` (X11: a position, a look at the tray host, work
    posted to its loop, a stop from any thread)."""
    from qlbreak.edges.icon.tray_icon import IconFeatures

    if backend == "xorg":
        from qlbreak.edges.icon import xorg

        def open_menu(x: int, y: int) -> None:
            from qlbreak.core.commands import OpenMenu

            post(OpenMenu(x, y))

        def approach() -> None:
            from qlbreak.core.commands import Approach

            post(Approach())

        return xorg.fixed(icon_class, open_menu, hover, approach), xorg.FEATURES
    if backend == "win32":
        from qlbreak.edges.icon import icon_win32

        def quit_now() -> None:
            from qlbreak.core.commands import Quit

            post(Quit())

        def wake() -> None:
            from qlbreak.core.commands import Wake

            post(Wake())

        fixed = icon_win32.fixed(
            icon_class,
            quit_now,
            wake,
            lock.heard if lock is not None else lambda locked: None,
            lock.listen if lock is not None else lambda: None,
        )
        return fixed, IconFeatures()
    return icon_class, IconFeatures()
