"""The tray app as a person meets it: a real tray host, real clicks, a real
notification server. Screenshots of each state go to artifacts/screenshots/e2e."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import time
import tkinter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from qlbreak.core.progress import EMPTY
from qlbreak.stretches.catalogue import load
from tests.e2e.conftest import DAYS
from tests.e2e.desktop import wait_gone
from tests.e2e.soon import minute_in, write_zone
from tests.gui.screen import wait_until

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DIALOG, MENU, PROMPT = "qlbreak-dialog", "qlbreak-menu", "qlbreak-prompt"
SETTINGS, WELCOME, PROGRESS = "qlbreak-settings", "qlbreak-welcome", "qlbreak-progress"
NAMES = {s.name for s in load()} | {v.name for s in load() for v in s.variants}  # a door frame, no stick
BOX = ("rootx", "rooty", "width", "height")  # a Tk window's place on screen, through winfo
LEAD = 15  # seconds from choosing a reminder's time to its firing: the checks before it took 1 to 2 s


def tk_title(desktop, app: str) -> str | None:
    """The title of Tk app ``app``'s window, or None while it is not there."""
    try:
        return desktop.screen.send(app, "wm", "title", ".")
    except tkinter.TclError:
        return None


def shot(desktop, e2e_shots, name: str, corner: tuple[int, int] | None = None) -> None:
    """The whole screen as an artefact; with QLBREAK_UPDATE_DOCS=1 the top-right
    ``corner`` (width, height) also goes to docs/screenshots for the README. Each
    qlbreak window on screen first draws what it has pending (a window just mapped is
    still blank for a moment: the picture must show what a person sees)."""
    for app in (DIALOG, MENU, PROMPT, SETTINGS, WELCOME, PROGRESS):
        with contextlib.suppress(tkinter.TclError):  # not open
            desktop.screen.send(app, "update", "idletasks")
    path = desktop.screen.screenshot(e2e_shots / f"{name}.png")
    if corner and os.environ.get("QLBREAK_UPDATE_DOCS") == "1":
        from PIL import Image

        image = Image.open(path)
        w, h = corner
        image.crop((image.width - w, 0, image.width, h)).save(DOCS / f"tray-{name.split('-', 1)[1]}.png")


def checked(desktop, app: str, path: str) -> bool:
    """Whether the check box ``path`` in Tk app ``app`` is ticked."""
    variable = desktop.screen.send(app, path, "cget", "-variable")
    return desktop.screen.send(app, "set", f"::{variable}") == "1"


def window_pid(desktop, app: str) -> int:
    return int(desktop.screen.send(app, "pid"))


def test_the_icon_docks_and_its_title_names_the_next_reminder(desktop, tray_app, e2e_shots):
    tray_app()
    icon = desktop.docked_icon()
    assert desktop.title(icon).startswith("qlbreak \u2014 next: test at 03:00")
    shot(desktop, e2e_shots, "1-icon-docked")


def test_a_left_click_opens_a_stretch(desktop, tray_app, e2e_shots):
    app = tray_app()
    desktop.click_icon(desktop.docked_icon())
    title = wait_until(lambda: tk_title(desktop, DIALOG), 15, "the stretch window")
    assert title.startswith("qlbreak \u2014 ") and title.split(" \u2014 ", 1)[1] in NAMES
    shot(desktop, e2e_shots, "2-click-opens-a-stretch")
    maps = Path(f"/proc/{app.proc.pid}/maps").read_text()
    assert "libtk" not in maps and "_tkinter" not in maps  # Tk lives in the window's process only


def test_a_second_launch_asks_the_running_app_and_exits_0(desktop, tray_app, e2e_shots):
    app = tray_app()
    desktop.docked_icon()
    second = app.qlbreak()
    assert second.returncode == 0 and "already running" in second.stdout
    wait_until(lambda: tk_title(desktop, DIALOG), 15, "the stretch window")
    pid = window_pid(desktop, DIALOG)
    again = app.qlbreak("stretch", "cat-cow")  # goes through the running app too
    assert again.returncode == 0 and "running qlbreak" in again.stdout
    time.sleep(1)
    assert window_pid(desktop, DIALOG) == pid  # the open one was raised, not a second one opened
    shot(desktop, e2e_shots, "6-second-launch")
    assert "raised" not in app.output()  # nothing printed to the user's terminal


def test_a_killed_dialog_leaves_the_tray_running(desktop, tray_app, e2e_shots):
    app = tray_app()
    icon = desktop.docked_icon()
    desktop.click_icon(icon)
    wait_until(lambda: tk_title(desktop, DIALOG), 15, "the stretch window")
    pid = window_pid(desktop, DIALOG)
    subprocess.run(["kill", "-9", str(pid)], check=True)
    wait_gone(pid, 10)
    time.sleep(0.5)
    assert not app.exited()
    desktop.click_icon(desktop.docked_icon())
    wait_until(lambda: tk_title(desktop, DIALOG) and window_pid(desktop, DIALOG) != pid, 15, "a new stretch window")
    shot(desktop, e2e_shots, "7-after-a-killed-dialog")


def test_after_kill_9_and_a_restart_a_click_raises_the_orphaned_stretch_window(desktop, tray_app, e2e_shots):
    """The killed tray's stretch window lives on; the new tray finds it (its lock in the
    runtime folder) and brings it back to the front: one stretch window, not two."""
    app = tray_app()
    desktop.click_icon(desktop.docked_icon())
    wait_until(lambda: tk_title(desktop, DIALOG), 15, "the stretch window")
    pid = window_pid(desktop, DIALOG)
    app.proc.kill()
    app.proc.wait(timeout=5)
    wait_until(lambda: not desktop.icons(), 5, "the killed tray's icon to go")
    desktop.screen.send(DIALOG, "wm", "withdraw", ".")  # put away meanwhile
    wait_until(lambda: desktop.screen.send(DIALOG, "winfo", "viewable", ".") == "0", 5, "the window put away")
    try:
        app.start()
        desktop.click_icon(desktop.docked_icon())
        wait_until(lambda: desktop.screen.send(DIALOG, "winfo", "viewable", ".") == "1", 10, "the stretch window back")
        shot(desktop, e2e_shots, "16-orphan-raised")
        assert window_pid(desktop, DIALOG) == pid
        time.sleep(1.5)  # what a second window would take to map
        names = desktop.screen.tk().tk.splitlist(desktop.screen.tk().tk.call("winfo", "interps"))
        assert [n for n in names if str(n).startswith(DIALOG)] == [DIALOG], names
        assert "from an earlier qlbreak is open" in app.log()
    finally:
        os.kill(pid, signal.SIGKILL)  # started ahead, its command line does not name the test's folders
        wait_gone(pid, 10)


def test_a_right_click_opens_the_menu_and_pause_one_hour_pauses(desktop, tray_app, e2e_shots):
    tray_app()
    icon = desktop.docked_icon()
    desktop.click_icon(icon, button=3)
    wait_until(lambda: tk_title(desktop, MENU), 15, "qlbreak's menu")
    texts = desktop.screen.texts(MENU)
    assert {"Stretch now", "Snooze 10 min"} & set(texts) == {"Stretch now"} and "Quit" in texts
    assert any(t.startswith("Today: 0 stretches") for t in texts)  # no reminder today in this test
    shot(desktop, e2e_shots, "3-menu", corner=(420, 360))
    desktop.screen.press(MENU, "1 hour")
    until = datetime.now(UTC) + timedelta(hours=1)
    expected = {f"qlbreak \u2014 paused until {(until + timedelta(minutes=d)):%H:%M}" for d in (-1, 0)}
    expected.add("qlbreak \u2014 paused until midnight")  # an hour from 23:00 (and "... 00:28 tomorrow" after)
    wait_until(lambda: desktop.title(icon).startswith(tuple(expected)), 10, f"the title to say {expected}")
    shot(desktop, e2e_shots, "4-paused")


def test_progress_in_the_menu_opens_the_progress_window_once(desktop, tray_app, e2e_shots):
    """The menu says "Progress…" (no "History…"); choosing it opens the Progress window,
    and choosing it again while it is open opens no second one."""
    tray_app()
    icon = desktop.docked_icon()
    for _ in range(2):
        desktop.click_icon(icon, button=3)
        wait_until(lambda: tk_title(desktop, MENU), 15, "qlbreak's menu")
        texts = desktop.screen.texts(MENU)
        assert "Progress\u2026" in texts and "History\u2026" not in texts
        desktop.screen.press(MENU, "Progress\u2026")
        wait_until(lambda: tk_title(desktop, PROGRESS) == "qlbreak \u2014 Progress", 30, "the Progress window")
    assert len(desktop.screen.windows("qlbreak \u2014 Progress")) == 1
    desktop.screen.wait_text(PROGRESS, re.escape(EMPTY), 30)  # a new history: what will appear, and when
    shot(desktop, e2e_shots, "5-progress")


@pytest.mark.parametrize("edge", ["top", "bottom"])
def test_the_menu_opens_beside_the_icon_never_over_it(desktop, tray_app, e2e_shots, edge):
    """Below the icon on a top panel, above it on a bottom one, on screen (it opened at
    the pointer, over the icon it came from)."""
    if edge == "bottom":
        desktop.stop_tray()
        desktop.trayer = desktop._spawn([*TRAYER[:2], "bottom", *TRAYER[3:]], desktop.workdir / "bottom.log")
        wait_until(desktop.tray_running, 10, "trayer at the bottom")
    try:
        tray_app()
        icon = desktop.docked_icon()
        desktop.click_icon(icon, button=3)
        wait_until(lambda: tk_title(desktop, MENU), 15, "qlbreak's menu")
        wait_until(lambda: desktop.screen.send(MENU, "winfo", "viewable", ".") == "1", 10, "the menu on screen")
        mx, my, mw, mh = (
            int(desktop.screen.send(MENU, "winfo", k, ".")) for k in ("rootx", "rooty", "width", "height")
        )
        ix, iy, iw, ih = desktop.screen.geometry(icon)
        shot(desktop, e2e_shots, f"15-menu-{edge}")
        sw, sh = desktop.screen.size
        assert min(mx, my) >= 0 and mx + mw <= sw and my + mh <= sh, "the menu is on screen"
        assert mx >= ix + iw or mx + mw <= ix or my >= iy + ih or my + mh <= iy, "the menu covers the icon"
        if edge == "top":
            assert 0 <= my - (iy + ih) <= 12, "just below the icon"
        else:
            assert 0 <= iy - (my + mh) <= 12, "just above the icon"
        assert mx <= ix + iw and mx + mw >= ix, "in line with the icon"
        desktop.screen.run("xdotool", "key", "Escape")
        wait_until(lambda: tk_title(desktop, MENU) is None, 10, "the menu to close")
    finally:
        if edge == "bottom":
            desktop.stop_tray()
            desktop.start_tray()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_signal_removes_the_icon_within_two_seconds(desktop, tray_app, e2e_shots, sig):
    app = tray_app()
    desktop.docked_icon()
    start = time.monotonic()
    app.proc.send_signal(sig)
    app.proc.wait(timeout=5)
    wait_until(lambda: not desktop.icons(), 5, "the icon to go")
    assert time.monotonic() - start < 2.0
    assert app.proc.returncode == 0
    assert "qlbreak stopped" in app.log()
    shot(desktop, e2e_shots, f"8-after-{sig.name}")


def test_qlbreak_quit_asks_the_running_app_to_quit(desktop, tray_app):
    app = tray_app()
    desktop.docked_icon()
    done = app.qlbreak("quit")
    assert done.returncode == 0 and "qlbreak has quit" in done.stdout
    assert app.proc.wait(timeout=5) == 0 and "qlbreak stopped" in app.log()
    wait_until(lambda: not desktop.icons(), 5, "the icon to go")
    assert "qlbreak is not running" in app.qlbreak("quit").stdout


def test_quit_in_the_menu_ends_the_app_and_its_windows(desktop, tray_app):
    app = tray_app()
    icon = desktop.docked_icon()
    desktop.click_icon(icon)
    wait_until(lambda: tk_title(desktop, DIALOG), 15, "the stretch window")
    desktop.click_icon(icon, button=3)
    wait_until(lambda: tk_title(desktop, MENU), 15, "qlbreak's menu")
    desktop.screen.press(MENU, "Quit")
    assert app.proc.wait(timeout=5) == 0
    wait_until(lambda: not desktop.qlbreak_windows(), 5, "the icon and the stretch window to go")


def test_a_late_or_restarted_tray_host_gets_the_icon(desktop, tray_app, e2e_shots):
    """Docked late, then again in a tray that paints itself another colour (trayer's
    tint): each time the icon's corners show the tray behind it, never a black square
    or the old tray's colour (pystray kept the background it read at the first dock)."""
    desktop.stop_tray()
    app = tray_app()
    wait_until(lambda: "no system tray is running" in app.output(), 10, "the no-tray message")
    desktop.start_tray()
    icon_over_tray(desktop, e2e_shots, "13-icon-first-dock")
    desktop.stop_tray()
    try:
        desktop.trayer = desktop._spawn(
            [*TRAYER, "--transparent", "true", "--tint", "0x3060c0", "--alpha", "0"], desktop.workdir / "tinted.log"
        )
        wait_until(desktop.tray_running, 10, "the tinted trayer")
        icon_over_tray(desktop, e2e_shots, "14-icon-after-a-re-dock")
    finally:
        desktop.stop_tray()
        desktop.start_tray()
    assert "Traceback" not in app.log()  # pystray's "Failed to dock icon" when the tray left


TRAYER = ("trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "32")


def icon_over_tray(desktop, e2e_shots, name: str) -> None:
    """Waits until the docked icon's corners show what the tray shows just left of the
    icon; the screen goes to ``name``.png, the icon enlarged to ``name``-icon.png."""
    from PIL import Image

    wid = desktop.docked_icon()
    x, y, w, h = desktop.screen.geometry(wid)
    path = e2e_shots / f"{name}.png"

    def corners_match() -> tuple | None:
        screen = Image.open(desktop.screen.screenshot(path)).convert("RGB")
        tray = screen.getpixel((x - 1, y + h // 2))
        corners = [screen.getpixel(p) for p in ((x, y), (x + w - 1, y), (x, y + h - 1), (x + w - 1, y + h - 1))]
        near = all(max(abs(a - b) for a, b in zip(c, tray, strict=True)) <= 8 for c in corners)
        return (screen, tray, corners) if near and max(tray) > 24 else None

    try:
        screen, _tray, _corners = wait_until(corners_match, 10, "the icon's corners to show the tray")
    finally:
        icon = Image.open(path).convert("RGB").crop((x - 4, y, x + w, y + h))
        icon.resize((icon.width * 8, icon.height * 8), Image.Resampling.NEAREST).save(e2e_shots / f"{name}-icon.png")
    drawn = list(screen.crop((x, y, x + w, y + h)).get_flattened_data())
    assert sum(1 for p in drawn if max(p) - min(p) > 60) > len(drawn) // 3  # the icon's green disc is there


def test_a_prompt_reminder_sits_below_the_icon_and_comes_exactly_once(desktop, tray_app, e2e_shots):
    """reminder_style = "prompt": qlbreak's own prompt by the icon, no notification."""
    due = datetime.now(UTC) - timedelta(minutes=2)  # inside the 30-minute grace: shown at start
    reminder = f'[[reminder]]\nname = "soon"\ntime = "{due:%H:%M}"\ndays = ["{DAYS[due.weekday()]}"]\n'
    before = desktop.run("xdotool", "getwindowfocus", check=False).stdout.strip()
    seen = len(desktop.notifications())  # the bus's log is the whole session's
    app = tray_app(reminder, settings='reminder_style = "prompt"\n')
    icon = desktop.docked_icon()
    wait_until(lambda: tk_title(desktop, PROMPT), 15, "the reminder's prompt")
    texts = desktop.screen.texts(PROMPT)
    assert {"Time for a stretch", "Start", "Snooze 10 min", "Skip today"} <= set(texts)
    wait_until(lambda: "time for a stretch" in desktop.title(icon), 10, "the icon's due title")
    px, py, pw = (int(desktop.screen.send(PROMPT, "winfo", k, ".")) for k in ("rootx", "rooty", "width"))
    ix, iy, iw, ih = desktop.screen.geometry(desktop.docked_icon())
    assert 0 <= py - (iy + ih) <= 40 and abs((px + pw) - (ix + iw)) <= 40  # just below the icon
    assert desktop.run("xdotool", "getwindowfocus", check=False).stdout.strip() == before  # focus not taken
    assert len(desktop.notifications()) == seen
    shot(desktop, e2e_shots, "5-reminder", corner=(420, 220))
    app.terminate()  # it takes its prompt away as it ends
    wait_until(lambda: tk_title(desktop, PROMPT) is None, 10, "the prompt gone with the app")
    app.start()  # the reminder is still due: the new run shows it once more, in one place
    icon = desktop.docked_icon()
    wait_until(lambda: "time for a stretch" in desktop.title(icon), 10, "the restarted icon's due title")
    wait_until(lambda: tk_title(desktop, PROMPT), 15, "the reminder's prompt, once more")
    prompts = desktop.run("xdotool", "search", "--name", "Time for a stretch$", check=False)
    assert len(prompts.stdout.split()) == 1 and len(desktop.notifications()) == seen  # one prompt, no notification
    desktop.click_icon(icon)
    wait_until(lambda: tk_title(desktop, DIALOG), 15, "the stretch window from the reminder")


def test_an_edited_config_is_used_at_once_and_its_reminder_fires(desktop, tray_app, e2e_shots, tmp_path):
    seen = len(desktop.notifications())  # the bus's log is the whole session's
    zone = tmp_path / "zone"
    write_zone(zone, 0)
    app = tray_app(env={"TZ": str(zone)})
    icon = desktop.docked_icon()
    at = minute_in(zone, LEAD)  # the edit moves the app to the zone where a whole minute is that near
    text = app.paths.config_file.read_text().replace('timezone = "UTC"', 'timezone = "local"')
    edited = f'# edited by hand while qlbreak runs\n{text}\n[[reminder]]\nname = "edited"\ntime = "{at:%H:%M}"\n'
    app.paths.config_file.write_text(edited + f'days = ["{DAYS[at.weekday()]}"]\n')
    wanted = f"next: edited at {at:%H:%M}"
    wait_until(lambda: wanted in desktop.title(icon), 5, "the title to name the new reminder at once (inotify)")
    assert "settings changed: reminders" in app.log()
    desktop.click_icon(icon, button=3)
    wait_until(lambda: tk_title(desktop, MENU), 15, "qlbreak's menu")
    assert f"Next: edited at {at:%H:%M}" in desktop.screen.texts(MENU)
    desktop.screen.run("xdotool", "key", "Escape")
    wait_until(lambda: tk_title(desktop, MENU) is None, 10, "the menu to close")
    wait_until(lambda: len(desktop.notifications()) > seen, 100, "the edited reminder's notification", interval=0.5)
    assert desktop.notifications()[-1].startswith("Time for a stretch: ")
    assert datetime.now(UTC) >= at
    shot(desktop, e2e_shots, "9-edited-reminder")


def test_a_time_changed_in_the_settings_window_fires_then_without_a_restart(desktop, tray_app, e2e_shots, tmp_path):
    seen = len(desktop.notifications())  # the bus's log is the whole session's
    zone = tmp_path / "zone"
    write_zone(zone, 0)
    app = tray_app(env={"TZ": str(zone)})
    icon = desktop.docked_icon()
    local = app.paths.config_file.read_text().replace('timezone = "UTC"', 'timezone = "local"')
    app.paths.config_file.write_text(local)  # the zone file's: a whole minute can be near (soon.py)
    wait_until(lambda: "settings changed: time zone" in app.log(), 10, "the tray to follow the zone")
    desktop.click_icon(icon, button=3)
    wait_until(lambda: tk_title(desktop, MENU), 15, "qlbreak's menu")
    desktop.screen.press(MENU, "Settings\u2026")
    wait_until(lambda: tk_title(desktop, SETTINGS), 15, "the settings window")
    at = minute_in(zone, LEAD)
    from tests.gui.test_settings import reminder_rows

    rows = reminder_rows(desktop.screen)
    desktop.screen.type_into(SETTINGS, f"{rows[0]}.time", f"{at:%H:%M}")
    desktop.screen.click_widget(SETTINGS, f"{rows[0]}.days.{DAYS[at.weekday()]}")
    shot(desktop, e2e_shots, "10-settings")
    desktop.screen.press(SETTINGS, "Save")
    # the tray hears the window's end and reads the file at once, not at the next heartbeat
    wait_until(lambda: f"next: test at {at:%H:%M}" in desktop.title(icon), 5, "the title to name the new time")
    wait_until(lambda: len(desktop.notifications()) > seen, 100, "the moved reminder's notification", interval=0.5)
    assert desktop.notifications()[-1].startswith("Time for a stretch: ")
    assert datetime.now(UTC) >= at
    shot(desktop, e2e_shots, "11-moved-reminder-fires")


def test_the_first_run_greets_and_enter_writes_the_answers(desktop, tray_app, e2e_shots):
    app = tray_app(first_run=True)
    desktop.docked_icon()
    wait_until(lambda: tk_title(desktop, WELCOME), 15, "the welcome")
    shot(desktop, e2e_shots, "12-welcome")
    wid = desktop.screen.wait_window("qlbreak \u2014 Welcome")
    desktop.screen.run("xdotool", "windowfocus", "--sync", str(wid), check=False)
    wait_until(lambda: desktop.screen.send(WELCOME, "focus").endswith(".start"), 10, "Start to have the focus")
    desktop.screen.run("xdotool", "key", "Return")
    wait_until(app.paths.config_file.exists, 10, "the answers in config.toml")
    assert "no_floor = true" in app.paths.config_file.read_text()
    wait_until(lambda: "the welcome window saved the settings" in app.log(), 10, "the tray to hear it")
    login = Path(app.env["HOME"]) / ".config" / "autostart" / "qlbreak.desktop"
    wait_until(login.exists, 10, "start at login to be on")  # set just after that line


def test_settings_welcome_gives_the_terminal_back_and_shows_the_users_answers(desktop, tray_app, e2e_shots):
    """With the tray running, ``qlbreak settings --welcome`` returns at once; its window
    shows the reminders, the floor and the things in effect, not the presets, and
    Enter keeps them (a third reminder too): the file is left as it was."""
    day = DAYS[(datetime.now(UTC) + timedelta(days=2)).weekday()]
    mine = "".join(
        f'[[reminder]]\nname = "{name}"\ntime = "{at}"\ndays = ["{day}"]\n'
        for name, at in (("lunch", "10:15"), ("tea", "15:40"), ("late", "17:05"))
    )
    app = tray_app(mine, settings='\n[stretches]\nno_floor = false\nequipment = ["ball"]\n')
    icon = desktop.docked_icon()
    before = app.paths.config_file.read_text()
    start = time.monotonic()
    done = app.qlbreak("settings", "--welcome")
    assert done.returncode == 0 and "its own window" in done.stdout, done
    assert time.monotonic() - start < 10  # not held until the window closes
    wait_until(lambda: tk_title(desktop, WELCOME), 15, "the welcome")
    pid = window_pid(desktop, WELCOME)
    try:
        field = ".welcome.times.{}".format
        assert [desktop.screen.send(WELCOME, field(n), "get") for n in ("morning", "lunch")] == ["10:15", "15:40"]
        texts = desktop.screen.texts(WELCOME)
        assert "Lunch" not in texts and "At lunchtime" in texts and "Tea" in texts
        assert any("late at 17:05" in t for t in texts)  # the third: said to stay as it is
        ticks = [checked(desktop, WELCOME, f".welcome.{k}") for k in ("equipment.ball", "equipment.chair", "floor")]
        assert ticks == [True, False, True]
        desktop.screen.send(WELCOME, "update", "idletasks")  # drawn before the picture
        shot(desktop, e2e_shots, "17-welcome-again")
        wid = desktop.screen.wait_window("qlbreak \u2014 Welcome")
        desktop.screen.run("xdotool", "windowfocus", "--sync", str(wid), check=False)
        wait_until(lambda: desktop.screen.send(WELCOME, "focus").endswith(".start"), 10, "Start to have the focus")
        desktop.screen.run("xdotool", "key", "Return")
        wait_until(lambda: tk_title(desktop, WELCOME) is None, 10, "the welcome to close")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # its own session: no test folder in its command line either
    saved = app.paths.config_file.read_text()
    for name, at in (("lunch", "10:15"), ("tea", "15:40"), ("late", "17:05")):
        assert f'name = "{name}"' in saved and f'time = "{at}"' in saved
    assert saved == before  # Enter kept what was in effect: nothing new to write (issue 26)
    assert "settings changed" not in app.log()
    assert not desktop.title(icon).startswith("qlbreak \u2014 next: morning")
