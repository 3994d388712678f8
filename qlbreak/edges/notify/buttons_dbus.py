"""Reminders with buttons on Linux: the freedesktop notification server spoken to
directly over D-Bus, through jeepney (pure Python, already used by the detectors).

The same port as ``buttons.py`` (desktop-notifier, kept for Windows and macOS), at a
fraction of the memory: desktop-notifier brings asyncio, dbus-fast and the SSL
libraries into the tray (~12 MB resident, measured in benchmarks/walk.py); this needs
one socket and jeepney's receiver thread, both made with the first reminder.

The server's own id is what is shown and withdrawn, so an answered reminder is always
closed. A press on any notification this tray sent is posted as the command it names,
even on one the server kept after it was closed: the service decides what it still
means (a Snooze with nothing due does nothing), so no button is ever dead.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from qlbreak.core.commands import StretchNow, from_action
from qlbreak.edges.ports import Post

log = logging.getLogger("qlbreak")
TIMEOUT = 3.0  # seconds a call may take before the prompt is used instead
NAME, PATH = "org.freedesktop.Notifications", "/org/freedesktop/Notifications"
BODY_CLICKED = "default"  # the spec's action key for a click on the notification itself
REMEMBERED = 16  # how many of its own notifications the tray still answers presses on


class FreedesktopNotifications:
    """The ButtonNotifier port on Linux: one reminder notification at a time."""

    def __init__(self, icon_path: str, post: Post, app_name: str = "qlbreak", bus: str = "SESSION") -> None:
        self.icon_path, self.post, self.app_name, self.bus = icon_path, post, app_name, bus
        self._router: Any = None
        self._filter: Any = None  # jeepney's filter handle: the signals reach _signal while it lives
        self._lock = threading.Lock()  # _shown and _sent, read by jeepney's receiver thread
        self._shown: int | None = None  # the server's id of the one on screen
        self._sent: list[int] = []  # the last REMEMBERED ids this tray sent
        self._capabilities: frozenset[str] | None = None
        self._unreachable = False  # no server, no bus: said once, then the plain notifier
        self._no_buttons = False  # the server has no buttons: said once, then the prompt

    def remind(self, title: str, message: str, actions: Sequence[tuple[str, str]], seconds: float) -> bool:
        """Show the reminder with a button per (action, label); False (nothing shown)
        where this desktop's notifications have no buttons."""
        return not self._no_buttons and self._show(title, message, actions, seconds)

    def point(self, title: str, message: str, seconds: float) -> bool:
        """A notification without buttons that ``withdraw`` takes away like the reminder."""
        return self._show(title, message, (), seconds)

    def withdraw(self) -> None:
        """Take the notification away (answered, snoozed, held, ended)."""
        with self._lock:
            shown, self._shown = self._shown, None
        if shown is None or self._router is None:
            return
        try:
            self._call("CloseNotification", "u", (shown,))
        except Exception as err:  # noqa: BLE001 - it may be gone already
            log.info("could not take the reminder notification away: %s: %s", type(err).__name__, err)

    def left(self) -> str | None:
        """The server's id: any client may close a notification by it."""
        with self._lock:
            return None if self._shown is None else str(self._shown)

    def take_away(self, left: str) -> None:
        """Close what an earlier run left on screen (its buttons are dead: the server
        answers a press only to the connection that sent it)."""
        try:
            self._call("CloseNotification", "u", (int(left),))
            log.info("took away the notification an earlier run left (%s)", left)
        except Exception as err:  # noqa: BLE001 - gone already, or no server
            log.info("could not take away the notification an earlier run left: %s: %s", type(err).__name__, err)

    def close(self) -> None:
        """Stop listening and close the connection (a test's end; the tray's own ends with it)."""
        router, self._router = self._router, None
        if router is not None:
            router.close()
            router.conn.close()

    # -- the bus ---------------------------------------------------------------------

    def _show(self, title: str, message: str, actions: Sequence[tuple[str, str]], seconds: float) -> bool:
        if self._unreachable:
            return False
        self.withdraw()  # one at a time
        try:
            if actions and "actions" not in self._server_capabilities():
                self._no_buttons = True
                log.info("this desktop's notifications have no buttons; the prompt is the reminder")
                return False
            keys = [BODY_CLICKED, ""] if actions else []
            keys += [word for action, label in actions for word in (action, label)]
            icon = Path(self.icon_path).resolve().as_uri() if self.icon_path else ""
            hints = {"urgency": ("y", 1)}
            body = (self.app_name, 0, icon, title, message, keys, hints, max(1000, int(seconds * 1000)))
            (shown,) = self._call("Notify", "susssasa{sv}i", body)
        except Exception as err:  # noqa: BLE001 - no bus, no server: the prompt serves
            self._unreachable = True
            log.warning(
                "notifications with buttons are not available (%s: %s); the prompt is used",
                type(err).__name__,
                err,
            )
            return False
        with self._lock:
            self._shown = shown
            self._sent = [*self._sent[-(REMEMBERED - 1) :], shown]
        log.info("reminder notification%s: %s", " with buttons" if actions else "", title)
        return True

    def _server_capabilities(self) -> frozenset[str]:
        if self._capabilities is None:
            (found,) = self._call("GetCapabilities")
            self._capabilities = frozenset(found)
        return self._capabilities

    def _call(self, method: str, signature: str = "", body: tuple[Any, ...] = ()) -> Any:
        from jeepney import DBusAddress, MessageType, new_method_call

        message = new_method_call(DBusAddress(PATH, NAME, NAME), method, signature, body)
        reply = self._connection().send_and_get_reply(message, timeout=TIMEOUT)
        if reply.header.message_type is MessageType.error:
            raise OSError(f"{NAME}.{method} answered {reply.header.fields.get(4, 'an error')}: {reply.body}")
        return reply.body

    def _connection(self) -> Any:
        """jeepney's router, made on first use, listening for the server's signals."""
        if self._router is None:
            from jeepney import MatchRule
            from jeepney.bus_messages import message_bus
            from jeepney.io.threading import DBusRouter, open_dbus_connection

            router = DBusRouter(open_dbus_connection(self.bus))
            rule = MatchRule(type="signal", interface=NAME, path=PATH)
            self._filter = router.filter(rule, queue=_Calls(self._signal))
            router.send_and_get_reply(message_bus.AddMatch(rule), timeout=TIMEOUT)
            self._router = router
        return self._router

    def _signal(self, message: Any) -> None:
        """In jeepney's receiver thread: a press, a click, or a notification closed."""
        member = message.header.fields.get(3)  # 3: the member's name
        if member == "NotificationClosed":
            closed = message.body[0]
            with self._lock:
                if self._shown == closed:
                    self._shown = None  # gone by itself (its time, or the user): nothing to close
        elif member == "ActionInvoked":
            pressed, key = message.body
            with self._lock:
                ours = pressed in self._sent
            command = StretchNow() if key == BODY_CLICKED else from_action(key)
            if ours and command is not None:
                log.info("notification button: %s", key)
                self.post(command)


class _Calls:
    """What jeepney's filter puts matched messages into: a call, not a queue, so no
    second thread waits on them."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def put_nowait(self, message: Any) -> None:
        try:
            self.handle(message)
        except Exception:  # an error here would end jeepney's receiver thread
            log.exception("a notification signal could not be handled")
