"""The welcome and the settings window on a real X server, driven by real clicks and
keys; what they write is read back by the loader, and a hand-written file keeps its
comments."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qlbreak.storage import config
from qlbreak.storage.paths import default_paths
from qlbreak.stretches.catalogue import load
from tests.gui.conftest import ROOT
from tests.gui.screen import Screen, end, wait_until

IDS = load().ids
SETTINGS, WELCOME = "qlbreak-settings", "qlbreak-welcome"
MINE = """\
# My own settings: written by hand, kept by the window.
[schedule]
snooze_minutes = 5    # I come back quickly
colour = "teal"       # not a qlbreak key: it stays

[[reminder]]
name = "morning"
time = "09:00"   # before stand-up

[[reminder]]
name = "after lunch"
time = "13:15"
days = ["mon", "wed", "fri"]
"""


def reminder_rows(screen: Screen) -> list[str]:
    """The Tk paths of the settings window's reminder rows, in order."""
    slaves = screen.tk().tk.splitlist(screen.send(SETTINGS, "pack", "slaves", ".settings.body.reminderspage.reminders"))
    return [str(w) for w in slaves if str(w).rsplit(".", 1)[-1].startswith("row")]


class Window:
    """``qlbreak settings`` (or ``--welcome``) on the test screen."""

    def __init__(self, screen: Screen, app: str, args: list[str], log: Path) -> None:
        self.screen, self.app, self.log = screen, app, log
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "qlbreak", "settings", *args],
                env={**screen.env, "PYTHONDONTWRITEBYTECODE": "1"},
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
            )
        title = "qlbreak \u2014 Welcome" if app == WELCOME else "qlbreak \u2014 Settings"
        self.wid = screen.wait_window(title)

    def key(self, *keys: str) -> None:
        x, y, w, _ = self.screen.geometry(self.wid)
        self.screen.run("xdotool", "mousemove", str(x + w // 2), str(y + 8))
        self.screen.run("xdotool", "windowfocus", "--sync", str(self.wid), check=False)
        wait_until(lambda: self.screen.send(self.app, "focus"), 5, "the window to have the keyboard focus")
        for k in keys:
            self.screen.run("xdotool", "key", k)

    def focus(self) -> str:
        return self.screen.send(self.app, "focus")

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def exited(self, timeout: float = 10) -> int:
        return self.proc.wait(timeout=timeout)


@pytest.fixture
def window(screen, tmp_path):
    opened: list[Window] = []

    def start(app: str = SETTINGS, *args: str) -> Window:
        w = Window(screen, app, list(args), tmp_path / f"window-{len(opened)}.log")
        opened.append(w)
        return w

    yield start
    for w in opened:
        end(w.proc)


def test_the_welcome_is_answered_with_enter_and_writes_a_work_pc(screen, window, shots, private_home):
    w = window(WELCOME, "--welcome")
    screen.wait_text(WELCOME, "^Welcome to qlbreak$")
    wait_until(lambda: w.focus().endswith(".start"), 5, "the Start button to have the focus")
    screen.screenshot(shots / "welcome.png", w.wid)
    w.key("Return")
    assert w.exited() == 0, w.output()
    path = default_paths().config_file
    loaded = config.load(path, IDS)
    assert not loaded.problems
    c = loaded.config
    assert c.prefs.no_floor and c.prefs.equipment == {"none", "chair", "door-frame"}
    assert [(r.name, f"{r.at:%H:%M}", sorted(r.days)) for r in c.plan.reminders] == [
        ("morning", "09:30", [0, 1, 2, 3, 4]),
        ("lunch", "12:30", [0, 1, 2, 3, 4]),
    ]
    assert path.read_text().startswith("# qlbreak settings.")  # the commented template, filled in
    assert (private_home / ".config" / "autostart" / "qlbreak.desktop").exists()  # start at login: on


def test_at_home_with_a_ball_the_floor_and_the_ball_are_chosen(screen, window, private_home):
    w = window(WELCOME, "--welcome")
    screen.click_widget(WELCOME, ".welcome.places.place-home")
    screen.click_widget(WELCOME, ".welcome.equipment.ball")
    screen.click_widget(WELCOME, ".welcome.workdays.days.sat")
    screen.click_widget(WELCOME, ".welcome.autostart")
    screen.press(WELCOME, "Start using qlbreak")
    assert w.exited() == 0, w.output()
    c = config.load(default_paths().config_file, IDS).config
    assert not c.prefs.no_floor and {"ball", "cushion"} <= c.prefs.equipment
    assert c.plan.reminders[0].days == frozenset({0, 1, 2, 3, 4, 5})
    assert not (private_home / ".config" / "autostart" / "qlbreak.desktop").exists()


def test_a_time_changed_in_the_settings_keeps_every_comment(screen, window, shots):
    path = default_paths().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MINE)
    w = window()
    screen.wait_text(SETTINGS, "^Reminders$")
    screen.screenshot(shots / "settings-reminders.png", w.wid)
    second = reminder_rows(screen)[1]
    screen.type_into(SETTINGS, f"{second}.time", "13:45")
    screen.press(SETTINGS, "Save")
    assert w.exited() == 0, w.output()
    assert path.read_text() == MINE.replace('time = "13:15"', 'time = "13:45"')


def test_a_wrong_time_is_refused_with_the_loaders_words_and_nothing_is_written(screen, window, shots):
    path = default_paths().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MINE)
    w = window()
    rows = reminder_rows(screen)
    screen.type_into(SETTINGS, f"{rows[0]}.time", "25:00")
    screen.press(SETTINGS, "Save")
    said = screen.wait_text(SETTINGS, "^Not saved")
    assert said.startswith("Not saved: the morning reminder: time must be HH:MM on a 24-hour clock")
    assert "'25:00'" in said
    assert screen.send(SETTINGS, "focus") == f"{rows[0]}.time"  # the field to fix has the focus
    screen.screenshot(shots / "settings-refused.png", w.wid)
    assert path.read_text() == MINE and w.proc.poll() is None
    w.key("Escape")
    assert w.exited() == 0


def test_every_control_is_reached_with_the_keyboard_and_the_stretch_page_explains(screen, window, shots):
    w = window()
    seen = set()
    w.key("Tab")
    for _ in range(45):
        seen.add(w.focus())
        w.key("Tab")
    short = {p.rsplit(".", 1)[-1] for p in seen}
    assert {"reminders", "stretches", "general", "name", "time", "mon", "sun", "remove", "add"} <= short
    assert {"snooze", "grace", "style-both", "save", "cancel"} <= short
    w.key("alt+2")
    screen.wait_text(SETTINGS, "^10 of 17 in your rotation")
    texts = screen.texts(SETTINGS)
    assert "Not offered: needs a massage ball" in texts and "In your rotation, with a door frame" in texts
    wait_until(lambda: screen.send(SETTINGS, "winfo", "ismapped", ".settings.body.stretchespage.floor") == "1", 5, "p2")
    screen.click_widget(SETTINGS, ".settings.body.stretchespage.floor")
    screen.wait_text(SETTINGS, "^14 of 17 in your rotation")  # the ball and the strap ones still need them
    screen.screenshot(shots / "settings-stretches.png", w.wid)
    w.key("alt+3")
    screen.wait_text(SETTINGS, "^Start qlbreak when I log in$")
    screen.screenshot(shots / "settings-general.png", w.wid)


def test_the_settings_in_the_dark(screen, window, shots, private_home):
    path = default_paths().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[dialog]\ntheme = "dark"\n')
    w = window()
    assert screen.send(SETTINGS, ".settings", "cget", "-background").upper() == "#23262B"
    w.key("alt+2")
    screen.wait_text(SETTINGS, "in your rotation")
    screen.screenshot(shots / "settings-dark.png", w.wid)


def test_the_history_window_shows_the_lines_read_only_and_escape_closes_it(screen, shots, tmp_path):
    from qlbreak.ui import spec

    lines = [
        "Tue 2026-12-01 09:31  done      Stick side stretch, better, morning",
        "Tue 2026-12-01 12:44  missed    lunch",
        "streak: 1 work day in a row with a stretch",
    ]
    proc = subprocess.Popen(spec.command("history", spec.history(lines, "light")), env=screen.env)
    try:
        wid = screen.wait_window("qlbreak \u2014 History")
        app = "qlbreak-history"
        assert screen.send(app, ".history.lines", "get", "1.0", "end-1c") == "\n".join(lines)
        assert screen.send(app, ".history.lines", "cget", "-state") == "disabled"
        screen.screenshot(shots / "history.png", wid)
        screen.run("xdotool", "windowfocus", "--sync", str(wid), check=False)
        wait_until(lambda: screen.send(app, "focus"), 5, "the history window to have the focus")
        screen.run("xdotool", "key", "Escape")
        assert proc.wait(timeout=10) == 0
    finally:
        end(proc)
