"""Reminders with buttons on the desktop's own notification (Start, Snooze, Skip today)
through desktop-notifier: freedesktop notifications with actions, Windows toasts, and
macOS's notification centre (from an app bundle only: elsewhere it shows nothing, so
it counts as "no buttons" and the prompt is the reminder).

desktop-notifier runs on asyncio: one daemon thread runs its loop, started with the
first reminder (an idle tray that never reminds never pays for it); each call from
the service waits at most ``TIMEOUT``. asyncio itself is imported then too (~25 ms
and its memory at start otherwise). A press is posted as the command it names,
exactly as the prompt's answer would be; a click on the body opens the stretch.

An answered reminder never stays on screen. desktop-notifier forgets a notification
the moment one of its buttons is pressed (its D-Bus backend drops the server's id on
ActionInvoked), so its ``clear`` then fails and the notification would stay, with
buttons nobody listens to (a server such as dunst keeps it after an action). The
server's id is therefore kept here too, and the notification closed by it: read from
the D-Bus backend's own attributes (``DBusBackend`` below declares the two used), and
only from that backend, known by its class name; no other backend has a server id.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Coroutine, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from qlbreak.core.commands import StretchNow, from_action
from qlbreak.edges.ports import Post
from qlbreak.system import THIS, System

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger("qlbreak")
TIMEOUT = 3.0  # seconds a call may take before the prompt is used instead
T = TypeVar("T")
DBUS_BACKEND = "DBusDesktopNotifier"  # desktop-notifier 6's D-Bus backend class


class DBusBackend(Protocol):
    """What is read of desktop-notifier's D-Bus backend (its own attributes, untyped
    there): the proxy of the notification server, and the server's ids of those sent."""

    interface: Any  # dbus_fast's ProxyInterface, None before the first notification
    _platform_to_interface_notification_identifier: Any  # a bidict: server id -> identifier


class ButtonNotifications:
    """The ButtonNotifier port: one reminder notification at a time."""

    def __init__(self, icon_path: str, post: Post, app_name: str = "qlbreak", system: System = THIS) -> None:
        self.icon_path, self.post, self.app_name, self.system = icon_path, post, app_name, system
        self._loop: asyncio.AbstractEventLoop | None = None
        self._notifier: Any = None
        self._shown: str | None = None
        self._server_id: int | None = None  # the D-Bus server's id of the one shown
        self._unreachable = False  # no server or no library: said once, then the plain notifier
        self._no_buttons = False  # the server has no buttons: said once, then the prompt is the reminder

    def remind(self, title: str, message: str, actions: Sequence[tuple[str, str]], seconds: float) -> bool:
        """Show the reminder with a button per (action, label); False (nothing shown)
        where this desktop's notifications have no buttons."""
        return not self._no_buttons and self._show(title, message, actions, seconds)

    def point(self, title: str, message: str, seconds: float) -> bool:
        """A notification without buttons (it points to the prompt) that ``withdraw``
        takes away like the reminder; False where it cannot be sent so, and the plain
        notifier serves (macOS outside an app bundle would show nothing)."""
        return self.system.unbundled_notifications and self._show(title, message, (), seconds)

    def _show(self, title: str, message: str, actions: Sequence[tuple[str, str]], seconds: float) -> bool:
        if self._unreachable:
            return False
        self.withdraw()  # one at a time
        try:
            shown = self._call(self._send(title, message, actions, seconds))
        except Exception as err:  # noqa: BLE001 - no server, no library: the prompt serves
            self._unreachable = True
            log.warning(
                "notifications with buttons are not available (%s: %s); the prompt is used", type(err).__name__, err
            )
            return False
        if shown is None:
            self._no_buttons = True
            log.info("this desktop's notifications have no buttons; the prompt is the reminder")
            return False
        self._shown = shown
        log.info("reminder notification%s: %s", " with buttons" if actions else "", title)
        return True

    def withdraw(self) -> None:
        """Take the reminder notification away (answered, snoozed, held, ended)."""
        shown, self._shown = self._shown, None
        server_id, self._server_id = self._server_id, None
        if shown is None or self._notifier is None:
            return
        try:
            self._call(self._withdraw(shown, server_id))
        except Exception as err:  # noqa: BLE001 - it may be gone already
            log.info("could not take the reminder notification away: %s: %s", type(err).__name__, err)

    def left(self) -> str | None:
        """None: desktop-notifier's ids mean nothing to another process."""
        return None

    def take_away(self, left: str) -> None:
        """Nothing to do: ``left`` is never given out here."""

    async def _withdraw(self, shown: str, server_id: int | None) -> None:
        if shown in await self._notifier.get_current_notifications() or server_id is None:
            await self._notifier.clear(shown)
            return
        # a button was pressed: desktop-notifier forgot it, the server still shows it
        backend = self._dbus_backend()
        if backend is not None and backend.interface is not None:
            await backend.interface.call_close_notification(server_id)

    async def _send(self, title: str, message: str, actions: Sequence[tuple[str, str]], seconds: float) -> str | None:
        from desktop_notifier import Button, Capability, DesktopNotifier, Icon

        if self._notifier is None:
            self._notifier = DesktopNotifier(app_name=self.app_name, app_icon=Icon(path=Path(self.icon_path)))
        if actions and Capability.BUTTONS not in await self._notifier.get_capabilities():
            return None
        buttons = [Button(title=label, on_pressed=self._presser(action)) for action, label in actions]
        identifier: str = await self._notifier.send(
            title,
            message,
            buttons=buttons,
            on_clicked=lambda: self.post(StretchNow()),
            timeout=max(1, int(seconds)),
        )
        backend = self._dbus_backend()
        ids = backend._platform_to_interface_notification_identifier if backend is not None else None
        self._server_id = ids.inverse.get(identifier) if ids is not None else None  # D-Bus only
        return identifier

    def _dbus_backend(self) -> DBusBackend | None:
        """desktop-notifier's backend when it is the D-Bus one (it alone has server ids)."""
        backend = self._notifier._backend
        return cast("DBusBackend", backend) if type(backend).__name__ == DBUS_BACKEND else None

    def _presser(self, action: str) -> Any:
        def pressed() -> None:
            command = from_action(action)
            if command is not None:
                log.info("notification button: %s", action)
                self.post(command)

        return pressed

    def _call(self, work: Coroutine[Any, Any, T]) -> T:
        import asyncio
        from concurrent.futures import TimeoutError as FutureTimeout

        if self._loop is None:
            self._loop = asyncio.new_event_loop()
            threading.Thread(target=self._loop.run_forever, daemon=True, name="qlbreak-notifier").start()
        future = asyncio.run_coroutine_threadsafe(work, self._loop)
        try:
            return future.result(TIMEOUT)
        except FutureTimeout:
            future.cancel()
            raise TimeoutError(f"no answer within {TIMEOUT:.0f} s") from None
