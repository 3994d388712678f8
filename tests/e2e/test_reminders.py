"""Reminders that respect the workday, on a real desktop: held while a window is full
screen (openbox, a real EWMH window manager) or while nobody touches the keyboard or
mouse (Xvfb's idle counter), shown once after; and the notification's own buttons,
pressed through dunst, doing what the prompt's would."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.conftest import DAYS
from tests.e2e.test_tray import DIALOG, MENU, PROMPT, shot, tk_title
from tests.gui.screen import end, require, wait_until

TOOLTIP = "qlbreak-tooltip"
ICON = str(Path(__file__).resolve().parents[2] / "assets" / "qlbreak.png")
FULL_SCREEN_WINDOW = """
import tkinter
root = tkinter.Tk(className="presenting")
root.title("a presentation")
root.configure(background="#204060")
root.attributes("-fullscreen", True)
root.mainloop()
"""


def due_now(name: str = "soon") -> str:
    """A reminder that fell due two minutes ago: inside its grace window, so it fires at once."""
    due = datetime.now(UTC) - timedelta(minutes=2)
    return f'[[reminder]]\nname = "{name}"\ntime = "{due:%H:%M}"\ndays = ["{DAYS[due.weekday()]}"]\n'


def reminders_sent(desktop) -> list[str]:
    return [s for s in desktop.notifications() if s.startswith(("Time for a stretch", "Missed your"))]


@pytest.fixture
def window_manager(desktop) -> Iterator[None]:
    """openbox on the test screen for one test (it moves windows: the others do without)."""
    require(("openbox",), "window manager", "apt-get install openbox")
    wm = subprocess.Popen(["openbox", "--sm-disable"], env=desktop.env, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    try:
        yield
    finally:
        end(wm)


def test_a_notification_with_buttons_is_the_reminder_and_start_opens_the_stretch(desktop, tray_app, e2e_shots):
    seen = len(reminders_sent(desktop))
    tray_app(due_now())
    icon = desktop.docked_icon()
    wait_until(lambda: len(reminders_sent(desktop)) > seen, 20, "the reminder's notification", interval=0.5)
    log = desktop.monitor_log.read_text(errors="replace")
    call = log.split("member=Notify")[-1]
    for label in ("Start", "Snooze 10 min", "Skip today"):
        assert f'string "{label}"' in call  # the actions array carries the buttons
    wait_until(lambda: "time for a stretch" in desktop.title(icon), 10, "the icon's due title")
    time.sleep(1.5)
    assert tk_title(desktop, PROMPT) is None  # the notification is the reminder: no prompt on it
    shot(desktop, e2e_shots, "6-notification-buttons", corner=(420, 220))
    desktop.press("Start")
    wait_until(lambda: tk_title(desktop, DIALOG), 15, "the stretch window from the notification's Start")
    assert len(reminders_sent(desktop)) == seen + 1


def test_snooze_on_the_notification_snoozes(desktop, tray_app):
    tray_app(due_now())
    icon = desktop.docked_icon()
    wait_until(lambda: "time for a stretch" in desktop.title(icon), 20, "the reminder")
    wait_until(lambda: desktop.displayed() >= 1, 10, "the notification on screen")
    desktop.press("Snooze 10 min")
    wait_until(lambda: "snoozed until" in desktop.title(icon), 10, "the snooze")


def test_a_snooze_in_the_menu_takes_the_notification_away(desktop, tray_app):
    """No stale "Time for a stretch" left on screen once it is answered elsewhere."""
    tray_app(due_now())
    icon = desktop.docked_icon()
    wait_until(lambda: "time for a stretch" in desktop.title(icon), 20, "the reminder")
    wait_until(lambda: desktop.displayed() >= 1, 10, "the notification on screen")
    before = desktop.monitor_log.read_text(errors="replace").count("member=CloseNotification")
    desktop.click_icon(icon, button=3)
    wait_until(lambda: tk_title(desktop, MENU), 15, "qlbreak's menu")
    desktop.screen.press(MENU, "Snooze 10 min")
    wait_until(lambda: "snoozed until" in desktop.title(icon), 10, "the snooze")
    closes = lambda: desktop.monitor_log.read_text(errors="replace").count("member=CloseNotification")  # noqa: E731
    wait_until(lambda: closes() > before, 10, "qlbreak to close its notification")
    wait_until(lambda: desktop.displayed() == 0, 10, "the notification taken away")


def closes(desktop) -> int:
    """CloseNotification calls the bus carried so far (qlbreak taking one away)."""
    return desktop.monitor_log.read_text(errors="replace").count("member=CloseNotification")


def reminder_on_screen(desktop, tray_app):
    app = tray_app(due_now())
    icon = desktop.docked_icon()
    wait_until(lambda: "time for a stretch" in desktop.title(icon), 20, "the reminder")
    wait_until(lambda: desktop.displayed() >= 1, 10, "the notification on screen")
    return app, icon


def test_a_button_pressed_on_the_notification_takes_it_away(desktop, tray_app):
    """Issue 19: after Snooze on the notification it stayed, with buttons that did nothing."""
    app, icon = reminder_on_screen(desktop, tray_app)
    before = closes(desktop)
    desktop.press("Snooze 10 min")
    wait_until(lambda: "snoozed until" in desktop.title(icon), 10, "the snooze")
    wait_until(lambda: closes(desktop) > before, 10, "qlbreak to close its answered notification")
    wait_until(lambda: desktop.displayed() == 0, 10, "the answered notification gone")
    desktop.press("Skip today")  # a second press: there is nothing left to press on
    assert desktop.displayed() == 0
    status = app.qlbreak("status").stdout  # a round trip through the running app
    assert "snoozed until" in desktop.title(icon) and "paused" not in desktop.title(icon), status
    assert "could not take the reminder notification away" not in app.log()


def test_start_on_the_notification_opens_the_stretch_and_takes_the_notification_away(desktop, tray_app):
    app, icon = reminder_on_screen(desktop, tray_app)
    desktop.press("Start")
    wait_until(lambda: tk_title(desktop, DIALOG), 15, "the stretch window from the notification's Start")
    wait_until(lambda: desktop.displayed() == 0, 10, "the notification gone once the stretch is open")
    assert "waiting until your stretch is over" in desktop.title(icon)
    assert "could not take the reminder notification away" not in app.log()


def test_quit_leaves_no_reminder_notification_behind(desktop, tray_app):
    app, _ = reminder_on_screen(desktop, tray_app)
    assert app.qlbreak("quit").returncode == 0
    assert app.proc.wait(timeout=10) == 0
    assert desktop.displayed() == 0  # taken away before the app ended


def test_after_a_kill_the_next_run_replaces_the_dead_notification_with_a_live_one(desktop, tray_app):
    """Issue 19: a notification left by a killed run had buttons nobody answered."""
    app, _ = reminder_on_screen(desktop, tray_app)
    shown = len(reminders_sent(desktop))
    app.proc.kill()
    app.proc.wait(timeout=10)
    assert desktop.displayed() == 1  # the dead run's notification is still there
    app.start()
    icon = desktop.docked_icon()
    wait_until(lambda: len(reminders_sent(desktop)) > shown, 20, "the reminder shown again")
    wait_until(lambda: desktop.displayed() == 1, 10, "one notification: the dead one taken away")
    desktop.press("Snooze 10 min")  # its buttons answer
    wait_until(lambda: "snoozed until" in desktop.title(icon), 10, "the snooze")
    wait_until(lambda: desktop.displayed() == 0, 10, "nothing left on screen")


def test_a_reminder_due_during_a_full_screen_window_waits_then_shows_once(desktop, tray_app, window_manager, e2e_shots):
    presenting = subprocess.Popen([sys.executable, "-c", FULL_SCREEN_WINDOW], env=desktop.env)
    try:
        wait_until(
            lambda: "a presentation" in desktop.run("xdotool", "getactivewindow", "getwindowname", check=False).stdout,
            15,
            "the full-screen window",
        )
        seen = len(reminders_sent(desktop))
        app = tray_app(due_now())
        wait_until(lambda: "held" in app.log(), 20, "the reminder to be held")
        time.sleep(4)  # a few of the tray's looks at the desktop
        assert len(reminders_sent(desktop)) == seen and tk_title(desktop, PROMPT) is None
        assert "waiting until you leave full screen" in app.qlbreak("status").stdout
        shot(desktop, e2e_shots, "7-held-full-screen")
    finally:
        end(presenting)
    wait_until(lambda: len(reminders_sent(desktop)) == seen + 1, 15, "the reminder after full screen", interval=0.5)
    time.sleep(4)
    assert len(reminders_sent(desktop)) == seen + 1


def idle_seconds(desktop) -> float:
    """How long the test screen has had no keyboard or mouse input, by its X server."""
    import Xlib.display

    display = Xlib.display.Display(desktop.screen.display)
    try:
        return display.screen().root.screensaver_query_info().idle / 1000
    finally:
        display.close()


def test_a_reminder_waits_while_nobody_is_at_the_desk_and_shows_at_the_first_move(desktop, tray_app):
    seen = len(reminders_sent(desktop))
    if idle_seconds(desktop) > 30:  # the first reminder must find someone there (input within the minute)
        desktop.run("xdotool", "mousemove", "300", "300")
    # else the quiet the tests before left counts towards the minute away, as a person's would
    app = tray_app(due_now(), settings="[holds]\naway_minutes = 1\n")
    icon = desktop.docked_icon()
    wait_until(lambda: len(reminders_sent(desktop)) > seen, 20, "the reminder while someone is there", interval=0.5)
    seen += 1
    wait_until(lambda: "waiting until you are back" in desktop.title(icon), 90, "the reminder held while away")
    assert desktop.displayed() == 0  # taken away from the empty chair
    here = desktop.run("xdotool", "getmouselocation").stdout  # a move to where it is is no input
    desktop.run("xdotool", "mousemove", *(("300", "300") if here.startswith("x:400 y:420 ") else ("400", "420")))
    wait_until(lambda: len(reminders_sent(desktop)) == seen + 1, 15, "the reminder on return", interval=0.5)
    assert "time for a stretch" in desktop.title(icon)
    assert "held" in app.log()


def test_resting_the_pointer_on_the_icon_shows_qlbreaks_own_tooltip(desktop, tray_app, e2e_shots):
    tray_app()
    icon = desktop.docked_icon()
    x, y, w, h = desktop.screen.geometry(icon)
    time.sleep(2)  # the tray knows where its icon is once its watchdog has seen it docked
    desktop.run("xdotool", "mousemove", "600", "500")
    desktop.run("xdotool", "mousemove", str(x + w // 2), str(y + h // 2))
    wait_until(lambda: tk_title(desktop, TOOLTIP), 10, "the tooltip")
    assert desktop.screen.texts(TOOLTIP) == [desktop.title(icon)]
    ty = int(desktop.screen.send(TOOLTIP, "winfo", "rooty", "."))
    assert 0 <= ty - (y + h) <= 20  # just below the icon on this top-right tray
    shot(desktop, e2e_shots, "8-tooltip", corner=(520, 120))
    desktop.run("xdotool", "mousemove", "600", "500")
    wait_until(lambda: tk_title(desktop, TOOLTIP) is None, 10, "the tooltip to go")


SOUND_SERVER = """
load-module module-native-protocol-unix auth-anonymous=1 socket={socket}
load-module module-null-source source_name=microphone
load-module module-null-sink sink_name=speakers
"""


@pytest.fixture
def sound_server(tmp_path) -> Iterator[dict[str, str]]:
    """A PulseAudio of the test's own with a silent microphone: what a call records from."""
    require(("pulseaudio", "pactl", "parecord"), "sound server", "apt-get install pulseaudio pulseaudio-utils")
    socket = tmp_path / "pulse" / "native"
    socket.parent.mkdir()
    script = tmp_path / "pulse" / "default.pa"
    script.write_text(SOUND_SERVER.format(socket=socket))
    env = {**os.environ, "HOME": str(socket.parent), "XDG_RUNTIME_DIR": str(socket.parent)}
    argv = ["pulseaudio", "-n", "-F", str(script), "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit"]
    server = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until(socket.exists, 15, "the sound server")
        yield {"PULSE_SERVER": f"unix:{socket}"}
    finally:
        end(server)


def test_a_reminder_waits_while_a_microphone_is_in_use_and_shows_when_the_call_ends(desktop, tray_app, sound_server):
    env = {**desktop.env, **sound_server}
    call = subprocess.Popen(["parecord", "--device=microphone", "/dev/null"], env=env)
    try:
        recording = ["pactl", "list", "source-outputs"]

        def in_call() -> bool:
            return "parecord" in subprocess.run(recording, env=env, capture_output=True, text=True, check=False).stdout

        wait_until(in_call, 10, "the call")
        seen = len(reminders_sent(desktop))
        app = tray_app(due_now(), env=sound_server)
        icon = desktop.docked_icon()
        wait_until(lambda: "waiting until your call ends" in desktop.title(icon), 20, "the reminder held")
        time.sleep(3)
        assert len(reminders_sent(desktop)) == seen
        assert "in-a-call" in app.qlbreak("status", "--json").stdout
    finally:
        end(call)
    wait_until(lambda: len(reminders_sent(desktop)) == seen + 1, 15, "the reminder after the call", interval=0.5)


def adapters():
    from qlbreak.edges.notify.buttons import ButtonNotifications
    from qlbreak.edges.notify.buttons_dbus import FreedesktopNotifications

    return [FreedesktopNotifications, ButtonNotifications]  # Linux's, and Windows' and macOS's


@pytest.mark.parametrize("adapter", adapters(), ids=["dbus", "desktop-notifier"])
def test_a_pointer_notification_without_buttons_is_taken_away_with_the_reminder(desktop, monkeypatch, adapter):
    """Where the prompt is the reminder, the notification pointing to it goes when it is
    answered, through the same adapter, on the real server."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", desktop.bus_address)
    before = desktop.displayed()
    notifications = adapter(ICON, lambda command: None, app_name="qlbreak-pointer-test")
    try:
        assert notifications.point("Time for a stretch: Cat-cow", "Start, snooze or skip it in qlbreak's prompt.", 60)
        wait_until(lambda: desktop.displayed() == before + 1, 10, "the pointer on screen")
        notifications.withdraw()
        wait_until(lambda: desktop.displayed() == before, 10, "the pointer taken away")
    finally:
        getattr(notifications, "close", lambda: None)()


@pytest.mark.parametrize("adapter", adapters(), ids=["dbus", "desktop-notifier"])
def test_each_adapter_posts_a_press_and_closes_the_pressed_notification(desktop, monkeypatch, adapter):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", desktop.bus_address)
    before = desktop.displayed()
    posted: list[object] = []
    notifications = adapter(ICON, posted.append, app_name="qlbreak-adapter-test")
    actions = (("stretch", "Start"), ("snooze", "Snooze 10 min"), ("skip", "Skip today"))
    try:
        assert notifications.remind("Time for a stretch: Cat-cow", "A gentle stretch.", actions, 60)
        wait_until(lambda: desktop.displayed() == before + 1, 10, "the reminder on screen")
        desktop.press("Snooze 10 min")
        wait_until(lambda: posted, 10, "the press posted")
        assert [type(c).__name__ for c in posted] == ["Snooze"]
        notifications.withdraw()  # what the service does once the snooze is carried out
        wait_until(lambda: desktop.displayed() == before, 10, "the pressed notification taken away")
    finally:
        getattr(notifications, "close", lambda: None)()
