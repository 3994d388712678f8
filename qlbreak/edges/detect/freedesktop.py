"""D-Bus on Linux desktops, through jeepney (pure Python, no GObject): do-not-disturb
(the notification server's ``Inhibited`` property), a locked screen (logind's
``LockedHint`` on the system bus, else the session's ScreenSaver ``GetActive``), and
GNOME's idle time on Wayland (Mutter's IdleMonitor).

One blocking connection per bus, opened on the first question and kept: nothing is
subscribed on it, so it never wakes the process. Every call times out in a second.
An answer of the wrong kind (a screen saver that says "maybe") is not known, never
taken for "locked" (``facts.flag``).
"""

from __future__ import annotations

import contextlib
from typing import Any

from qlbreak.core.words import N_
from qlbreak.edges.detect.facts import OddAnswer, Unavailable, amount, flag

TIMEOUT = 1.0


class Bus:
    def __init__(self, which: str = "SESSION") -> None:
        self.which = which
        self._conn: Any = None

    def call(
        self, bus_name: str, path: str, interface: str, method: str, signature: str = "", body: tuple[Any, ...] = ()
    ) -> Any:
        try:
            from jeepney import DBusAddress, MessageType, new_method_call
        except ImportError as err:
            raise Unavailable(MISSING, f"jeepney is not installed ({err})") from err
        message = new_method_call(DBusAddress(path, bus_name, interface), method, signature, body)
        reply = self._connection().send_and_get_reply(message, timeout=TIMEOUT)
        if reply.header.message_type is MessageType.error:
            name = reply.header.fields.get(4, "an error")  # 4: the error's name
            detail = reply.body[0] if reply.body else ""
            raise _Refused(f"{bus_name} answered {name}: {detail}")
        return reply.body

    def prop(self, bus_name: str, path: str, interface: str, name: str) -> Any:
        body = self.call(bus_name, path, "org.freedesktop.DBus.Properties", "Get", "ss", (interface, name))
        return body[0][1]  # a variant: (signature, value)

    def _connection(self) -> Any:
        if self._conn is None:
            from jeepney.io.blocking import open_dbus_connection

            try:
                self._conn = open_dbus_connection(bus=self.which)
            except KeyError as err:  # jeepney: the address variable is not set
                raise Unavailable(self._none, f"no {self.which.lower()} D-Bus ({err.args[0]} is not set)") from err
            except OSError as err:  # no socket there
                raise Unavailable(self._none, f"no {self.which.lower()} D-Bus ({err})") from err
            except ValueError as err:  # an address it cannot read ("disabled:", a typo)
                variable = f"DBUS_{self.which}_BUS_ADDRESS"
                detail = f"no {self.which.lower()} D-Bus (${variable} is not an address it can use)"
                raise Unavailable(self._none, detail) from err
        return self._conn

    @property
    def _none(self) -> str:
        """No such bus, in words: the session's is the desktop's, the system's is the computer's."""
        if self.which == "SESSION":
            return N_("cannot ask the desktop (its message service, D-Bus, is not there)")
        return N_("cannot ask the computer (its message service, D-Bus, is not there)")


MISSING = N_("cannot ask the desktop (a part of qlbreak is missing: reinstall qlbreak)")


class _Refused(Exception):
    """The service answered with a D-Bus error."""


def do_not_disturb(session: Bus) -> bool:
    try:
        inhibited = session.prop(
            "org.freedesktop.Notifications",
            "/org/freedesktop/Notifications",
            "org.freedesktop.Notifications",
            "Inhibited",
        )
    except _Refused as err:
        raise Unavailable(
            N_("this notification server does not say (it has no do-not-disturb setting qlbreak can read)"), str(err)
        ) from err
    return flag(inhibited, "the notification server's Inhibited")


def locked(system: Bus, session: Bus) -> bool:
    """logind's word where the desktop sets it, else the screensaver's. An odd answer
    from one is passed over for the other's; odd and nothing else: not known."""
    hint: bool | None = None
    odd: OddAnswer | None = None
    with contextlib.suppress(Unavailable, _Refused):  # no system bus, or no logind session
        try:
            hint = flag(system.prop(LOGIND, SESSION, f"{LOGIND}.Session", "LockedHint"), "logind's LockedHint")
        except OddAnswer as err:
            odd = err
    if hint:
        return True
    for name, path in SCREENSAVERS:
        try:
            return flag(_first(session.call(name, path, name, "GetActive")), f"{name} GetActive")
        except _Refused:
            continue
        except OddAnswer as err:
            odd = odd or err
    if odd is not None:
        raise odd
    if hint is None:
        raise Unavailable(
            N_("cannot tell (neither the login manager nor a screen saver says)"),
            "neither logind's LockedHint nor a ScreenSaver service answers",
        )
    return False


def _first(body: Any) -> Any:
    """The one value of a reply's body (an empty or odd body is an odd answer)."""
    if not isinstance(body, tuple | list) or not body:
        raise OddAnswer("the reply's body", body)
    return body[0]


LOGIND = "org.freedesktop.login1"
SESSION = "/org/freedesktop/login1/session/auto"
SCREENSAVERS = (
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
)


def mutter_idle_seconds(session: Bus) -> float:
    try:
        body = session.call(
            "org.gnome.Mutter.IdleMonitor",
            "/org/gnome/Mutter/IdleMonitor/Core",
            "org.gnome.Mutter.IdleMonitor",
            "GetIdletime",
        )
    except _Refused as err:
        raise Unavailable(N_("GNOME cannot tell (this desktop is not GNOME, or it does not say)"), str(err)) from err
    return amount(_first(body), "Mutter's GetIdletime") / 1000.0
