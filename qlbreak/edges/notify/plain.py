"""Desktop notifications: plyer on Linux, the tray icon's own on Windows and macOS.

On Windows plyer adds a second tray icon and signs as "Python", and on macOS it needs
pyobjus; pystray's ``icon.notify`` uses the icon that is already there. Whatever
fails, the reminder is written to the log instead: a notification never raises and
never holds up the service loop (it is sent from a short-lived thread). Which sender
serves here is chosen in ``edges/choose.plain_sender``.
"""

from __future__ import annotations

import logging
import threading
import warnings
from collections.abc import Callable

log = logging.getLogger("qlbreak")
APP_NAME = "qlbreak"
# plyer's Windows path refuses longer texts; the same limits keep every platform tidy
TITLE_MAX, MESSAGE_MAX = 64, 256

Sender = Callable[[str, str], None]


class Notifications:
    """The Notifier port: each notification sent from a short-lived thread of its own."""

    def __init__(self, send: Sender, wait: bool = False) -> None:
        self._send, self._wait = send, wait

    def notify(self, title: str, message: str) -> None:
        title, message = _fit(title, TITLE_MAX), _fit(message, MESSAGE_MAX)
        worker = threading.Thread(target=self._deliver, args=(title, message), daemon=True, name="qlbreak-notify")
        worker.start()
        if self._wait:
            worker.join(10)

    def _deliver(self, title: str, message: str) -> None:
        try:
            self._send(title, message)
            log.info("notification sent: %s", title)
        except Exception as err:  # noqa: BLE001 - a missing server or library must not stop reminders
            log.warning(
                "notification failed (%s: %s); the reminder was: %s: %s", type(err).__name__, err, title, message
            )


SHOWN_SECONDS = 60  # a heads-up: the prompt stays for the whole grace window


def plyer_sender(icon_path: str) -> Sender:
    def send(title: str, message: str) -> None:
        from plyer import notification

        kwargs = {"title": title, "message": message, "app_name": APP_NAME, "app_icon": icon_path}
        with warnings.catch_warnings():  # "dbus-python is not installed": notify-send serves
            warnings.simplefilter("ignore")
            # plyer 2.1's notify() drops the timeout and the icon on its notify-send path,
            # so the reminder would stay on screen until dismissed; the implementation
            # takes them as expire_time (ms) and icon there, timeout (s) on D-Bus. Every
            # plyer qlbreak takes (>= 2.1, setup.cfg) has ``_notify(**kwargs)`` on its
            # facade: notify() itself calls it.
            expire = str(SHOWN_SECONDS * 1000)
            notification._notify(**kwargs, icon=icon_path, timeout=SHOWN_SECONDS, expire_time=expire)

    return send


def notify_send_sender(program: str, icon_path: str) -> Sender:
    """Linux's notify-send, run so that a failure is seen: plyer's path to it ignores
    its exit status, so a missing notification server was logged as "sent"."""

    def send(title: str, message: str) -> None:
        import subprocess

        argv = [program, "-a", APP_NAME, "-i", icon_path, "-t", str(SHOWN_SECONDS * 1000), title, message]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=10, check=False)
        if done.returncode != 0:
            reason = (done.stderr or done.stdout).strip().splitlines()
            raise OSError(f"notify-send exited {done.returncode}: {reason[-1] if reason else 'no reason given'}")

    return send


def log_only(title: str, message: str) -> None:
    log.info("reminder (no notification service): %s: %s", title, message)


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
