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
PAGE = ".settings.body.reminderspage"
WARN = "#A63D22"  # the light palette's warning colour
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


def box(screen: Screen, path: str) -> tuple[int, ...]:
    """Where ``path`` is on the screen (x, y, width, height), once laid out."""
    script = f"update idletasks; lmap k {{rootx rooty width height}} {{winfo $k {{{path}}}}}"
    return tuple(int(n) for n in screen.tk().tk.splitlist(screen.send(SETTINGS, script)))


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
    time_field = f"{rows[0]}.time"
    around = [f"{rows[0]}.name", time_field, f"{rows[0]}.days.sun", f"{rows[1]}.name", f"{PAGE}.snoozerow.snooze"]
    before = [box(screen, p) for p in around]
    screen.type_into(SETTINGS, time_field, "25:00")
    screen.press(SETTINGS, "Save")
    said = screen.wait_text(SETTINGS, "^Not saved")
    assert said == (
        'Not saved: the morning reminder: time must be HH:MM on a 24-hour clock, such as "09:30" or "14:15",'
        ' not "25:00"'
    )
    assert screen.send(SETTINGS, "focus") == time_field  # the field to fix has the focus
    assert screen.send(SETTINGS, time_field, "cget", "-fg") == WARN  # drawn as the one to fix
    assert [box(screen, p) for p in around] == before  # and nothing moved
    screen.screenshot(shots / "settings-refused.png", w.wid)
    assert path.read_text() == MINE and w.proc.poll() is None
    screen.type_into(SETTINGS, time_field, "09:15")  # mended: the words and the mark go at once
    wait_until(lambda: not [t for t in screen.texts(SETTINGS) if "Not saved" in t], 5, "the message to go")
    assert screen.send(SETTINGS, time_field, "cget", "-fg") != WARN
    assert [box(screen, p) for p in around] == before
    assert path.read_text() == MINE  # nothing is written before Save
    w.key("Escape")
    assert w.exited() == 0


def test_a_field_left_wrong_says_so_and_the_words_go_once_it_is_right(screen, window):
    w = window()
    snooze = f"{PAGE}.snoozerow.snooze"
    screen.type_into(SETTINGS, snooze, "ten")
    wait_until(lambda: screen.send(SETTINGS, snooze, "get") == "ten", 5, "ten typed")
    assert screen.send(SETTINGS, ".settings.message", "cget", "-text") == ""  # not while typing
    w.key("Tab")  # left: checked
    said = screen.wait_text(SETTINGS, "^Snooze")
    assert said == 'Snooze must be a whole number of minutes from 1 to 1440, not "ten"'
    assert screen.send(SETTINGS, snooze, "cget", "-fg") == WARN
    screen.type_into(SETTINGS, snooze, "15")
    wait_until(lambda: screen.send(SETTINGS, ".settings.message", "cget", "-text") == "", 5, "the words to go")
    assert screen.send(SETTINGS, snooze, "cget", "-fg") != WARN
    name = f"{reminder_rows(screen)[0]}.name"
    screen.type_into(SETTINGS, name, "")
    screen.run("xdotool", "key", "BackSpace")
    w.key("Tab")
    assert screen.wait_text(SETTINGS, "^Reminder 1") == 'Reminder 1: give this reminder a name, such as "morning"'
    screen.type_into(SETTINGS, name, "tea")
    wait_until(lambda: screen.send(SETTINGS, ".settings.message", "cget", "-text") == "", 5, "the words to go")
    days = f"{reminder_rows(screen)[0]}.days"
    for day in ("mon", "tue", "wed", "thu", "fri"):
        screen.click_widget(SETTINGS, f"{days}.{day}")
    screen.press(SETTINGS, "Save")
    assert screen.wait_text(SETTINGS, "^Not saved") == "Not saved: the tea reminder: pick at least one day"
    screen.click_widget(SETTINGS, f"{days}.sat")  # a day picked: nothing is wrong any more
    wait_until(lambda: screen.send(SETTINGS, ".settings.message", "cget", "-text") == "", 5, "the words to go")
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


def test_a_hand_edit_not_understood_shows_what_is_in_effect_and_save_keeps_comments(screen, shots, tmp_path):
    """The tray kept dark after ``theme = "drak"``: the window (opened by the tray, which
    tells it what is in effect) shows Dark with a note, names the misspelt key, and Save
    writes dark in place, keeping the comments and the key it does not know."""

    from qlbreak.ui import spec

    path = tmp_path / "config.toml"
    path.write_text(MINE + '\n[dialog]\ntheme = "dark"\n')
    in_use = config.load(path, IDS).config  # what the tray read before the edit
    hand = (
        MINE.replace("snooze_minutes = 5 ", 'snooze_minutes = "five" ')
        + '\n[dialog]\ntheme = "drak"   # mine\nsond = false\n'
    )
    path.write_text(hand)
    told = {"config": str(path), "theme": "dark", "assets": "", "autostart": None, "in_effect": config.as_table(in_use)}
    proc = subprocess.Popen(spec.command("settings", told), env=screen.env, stdout=subprocess.PIPE)
    try:
        wid = screen.wait_window("qlbreak \u2014 Settings")
        said = screen.wait_text(SETTINGS, "^config.toml line")
        assert said == (
            "config.toml line 4: 'colour' in [schedule] is not a setting qlbreak knows; it was left out.\n"
            "config.toml line 17: 'sond' in [dialog] is not a setting qlbreak knows \N{EM DASH} did you mean 'sound'?"
            " It was left out.\nSome of your settings file was not understood (see the notes on Reminders and General)."
            " Shown here is what qlbreak uses; Save writes it into the file."
        )
        assert screen.send(SETTINGS, f"{PAGE}.snoozerow.snooze", "get") == "5"
        assert screen.send(SETTINGS, f"{PAGE}.snoozenote", "cget", "-text") == (
            "Not understood: config.toml line 3: snooze_minutes must be a whole number of minutes from 1 to 1440,"
            ' not "five". qlbreak goes on with what is shown here.'
        )
        screen.screenshot(shots / "settings-not-understood-reminders.png", wid)
        screen.run("xdotool", "windowfocus", "--sync", str(wid), check=False)
        wait_until(lambda: screen.send(SETTINGS, "focus"), 5, "the window to have the keyboard focus")
        screen.run("xdotool", "key", "alt+3")
        general = ".settings.body.generalpage"
        wait_until(lambda: screen.send(SETTINGS, "winfo", "ismapped", general) == "1", 5, "the General page")
        assert screen.send(SETTINGS, f"{general}.themenote", "cget", "-text") == (
            'Not understood: config.toml line 16: theme must be "auto", "light" or "dark", not "drak"'
            ' (did you mean "dark"?). qlbreak goes on with what is shown here.'
        )
        dark = f"{general}.themes.theme-dark"
        variable = screen.send(SETTINGS, dark, "cget", "-variable")
        assert screen.send(SETTINGS, "set", variable) == "dark"  # what is in effect, not "Follow the system"
        screen.screenshot(shots / "settings-not-understood.png", wid)
        screen.press(SETTINGS, "Save")
        out, _ = proc.communicate(timeout=10)
        assert proc.returncode == 0 and out.decode().strip() == "saved"
    finally:
        end(proc)
    assert path.read_text() == hand.replace('"drak"', '"dark"').replace('"five"', "5")  # comments, 'sond' stay
    assert config.load(path, IDS).config == in_use


def test_a_stretch_that_hurt_rests_and_the_stretches_page_says_until_when(screen, window, shots):
    """Rated "it hurt" yesterday: the stretch window said it would be left out for two
    weeks, and the settings say the same (not "In your rotation")."""
    from datetime import timedelta

    from qlbreak.clock import now as clock_now
    from qlbreak.core.picker import HURT_REST
    from qlbreak.core.session import Feeling
    from qlbreak.storage.history import Event, History

    hurt = clock_now() - timedelta(days=1)
    path = default_paths().history_db
    path.parent.mkdir(parents=True, exist_ok=True)
    history = History.open(path, hurt)
    history.record(Event(hurt, "done", "seated-side-bend", Feeling.HURT))
    history.close()
    kept = path.read_bytes()
    until = hurt + HURT_REST
    w = window()
    w.key("alt+2")
    why = ".settings.body.stretchespage.stretchlist.canvas.rows.seated-side-bend.why"
    said = f"Resting until {until:%a} {until.day} {until:%b}: you said it hurt"
    wait_until(lambda: screen.send(SETTINGS, why, "cget", "-text") == said, 5, "the rest to be said")
    assert screen.wait_text(SETTINGS, "^9 of 17 in your rotation") == (
        "9 of 17 in your rotation, 1 resting after it hurt. Tick Leave out to never be offered one."
    )
    assert "In your rotation, with a chair" in screen.texts(SETTINGS)  # the others still are
    row = ".settings.body.stretchespage.stretchlist.canvas.rows.seated-side-bend"
    screen.send(SETTINGS, "event", "generate", f"{row}.leaveout", "<FocusIn>")  # scrolled into view
    screen.screenshot(shots / "settings-resting.png", w.wid)
    w.key("Escape")
    assert w.exited() == 0
    assert path.read_bytes() == kept  # read, never written


def test_a_broken_history_rests_nothing_and_the_settings_open(screen, window):
    path = default_paths().history_db
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("not a database")
    w = window()
    w.key("alt+2")
    assert screen.wait_text(SETTINGS, "^10 of 17 in your rotation").startswith("10 of 17 in your rotation. ")
    assert path.read_text() == "not a database"  # not moved aside: that is the tray's to do
    w.key("Escape")
    assert w.exited() == 0


def test_ctrl_a_and_coming_into_a_minutes_field_select_it_so_typing_replaces(screen, window):
    """Snooze 10; Ctrl+A, then 2: it reads 2 (Tk's own Ctrl+A went to the start: 210)."""
    snooze, grace = f"{PAGE}.snoozerow.snooze", f"{PAGE}.gracerow.grace"
    w = window()
    assert screen.send(SETTINGS, snooze, "get") == "10"
    screen.click_widget(SETTINGS, snooze)
    wait_until(lambda: screen.send(SETTINGS, "focus") == snooze, 5, "the snooze field to have the focus")
    wait_until(lambda: screen.send(SETTINGS, snooze, "selection", "present") == "1", 5, "a click-in to select all")
    screen.run("xdotool", "key", "End")  # the cursor at the end, nothing selected
    assert screen.send(SETTINGS, snooze, "selection", "present") == "0"
    screen.run("xdotool", "key", "ctrl+a")
    wait_until(lambda: screen.send(SETTINGS, snooze, "selection", "present") == "1", 5, "Ctrl+A to select all")
    screen.run("xdotool", "type", "2")
    wait_until(lambda: screen.send(SETTINGS, snooze, "get") == "2", 5, "2 typed over 10")
    screen.run("xdotool", "key", "Tab")  # the keyboard's way in: all selected too
    wait_until(lambda: screen.send(SETTINGS, "focus") == grace, 5, "the grace field to have the focus")
    wait_until(lambda: screen.send(SETTINGS, grace, "selection", "present") == "1", 5, "Tab to select all")
    screen.run("xdotool", "type", "7")
    wait_until(lambda: screen.send(SETTINGS, grace, "get") == "7", 5, "7 typed over the grace")
    time_field = f"{reminder_rows(screen)[0]}.time"  # an entry, built by form.entry: the same
    screen.click_widget(SETTINGS, time_field)
    wait_until(lambda: screen.send(SETTINGS, "focus") == time_field, 5, "the time field to have the focus")
    screen.run("xdotool", "key", "End", "ctrl+a")
    wait_until(lambda: screen.send(SETTINGS, time_field, "selection", "present") == "1", 5, "Ctrl+A to select all")
    screen.run("xdotool", "type", "08:45")
    wait_until(lambda: screen.send(SETTINGS, time_field, "get") == "08:45", 5, "08:45 typed over 09:30")
    screen.press(SETTINGS, "Save")
    assert w.exited() == 0, w.output()
    plan = config.load(default_paths().config_file, IDS).config.plan
    assert (plan.snooze.total_seconds(), plan.grace.total_seconds()) == (120, 420)
    assert f"{plan.reminders[0].at:%H:%M}" == "08:45"
