"""An organisation's locked settings (issue 26) in the settings window and the welcome,
on a real X server with real clicks and keys: a locked field shows the organisation's
value, greyed, with "Set by your organisation" by it, and clicking or typing into it
changes nothing; a save writes only what the person changed (no locked key, and none
of the organisation's unlocked defaults copied into the user's file)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from qlbreak.storage import config
from qlbreak.storage.config_layers import admin_places
from qlbreak.storage.paths import default_paths
from tests.gui.screen import Screen, wait_until
from tests.gui.test_settings import IDS, SETTINGS, WELCOME, reminder_rows, window  # noqa: F401 - the fixture

PAGE = ".settings.body.reminderspage"
LOCKED = "Set by your organisation"
ADMIN = """\
[admin]
locked = ["schedule.snooze_minutes", "reminder", "stretches.equipment"]

[schedule]
snooze_minutes = 15
grace_minutes = 20      # a default, not locked: never copied into the user's file

[dialog]
sound = false           # likewise

[stretches]
equipment = ["chair"]

[[reminder]]
name = "stand up"
time = "10:00"
days = ["mon", "tue", "wed", "thu", "fri"]
"""
MINE = """\
# mine
[schedule]
snooze_minutes = 5    # locked by the organisation: left out, and left as it is
"""


def organisation() -> Path:
    admin = admin_places()[0]  # in the test's own folder (tests/conftest.py)
    admin.parent.mkdir(parents=True, exist_ok=True)
    admin.write_text(ADMIN)
    return admin


def state(screen: Screen, app: str, path: str) -> str:
    return screen.send(app, path, "cget", "-state")


def test_settings_shows_the_locks_and_saves_only_what_was_changed(screen, window, shots):  # noqa: F811
    organisation()
    path = default_paths().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MINE)
    w = window()
    screen.wait_text(SETTINGS, f"^{LOCKED}$")
    snooze, grace = f"{PAGE}.snoozerow.snooze", f"{PAGE}.gracerow.grace"
    assert screen.send(SETTINGS, snooze, "get") == "15"  # the organisation's, not the user's 5
    assert screen.send(SETTINGS, grace, "get") == "20"
    assert state(screen, SETTINGS, snooze) == "disabled" and state(screen, SETTINGS, grace) == "normal"
    (row,) = reminder_rows(screen)
    assert screen.send(SETTINGS, f"{row}.name", "get") == "stand up"
    for each in (f"{row}.name", f"{row}.time", f"{row}.days.mon", f"{row}.remove", f"{PAGE}.add"):
        assert state(screen, SETTINGS, each) == "disabled", each
    for field in ("snooze", "reminders"):  # a line each, under the field
        assert screen.send(SETTINGS, f"{PAGE}.{field}locked", "cget", "-text") == LOCKED
    assert screen.send(SETTINGS, "winfo", "exists", f"{PAGE}.gracelocked") == "0"
    screen.screenshot(shots / "settings-locked.png", w.wid)

    # real clicks and keys at the locked fields: the text, the arrow, Add, Remove, a day
    screen.click_widget(SETTINGS, snooze)
    screen.run("xdotool", "key", "ctrl+a", "BackSpace", "3")
    x, y, width, height = screen.place(SETTINGS, snooze)
    screen.click(x + width - 4, y + height // 4)  # the spin box's up arrow
    for each in (f"{PAGE}.add", f"{row}.remove", f"{row}.days.sat"):
        screen.click_widget(SETTINGS, each)
    # an unlocked field: typed into for real; once it holds the text, the keys and clicks
    # before it were handled too (X delivers them in order)
    screen.type_into(SETTINGS, grace, "25")
    assert screen.send(SETTINGS, snooze, "get") == "15"
    assert reminder_rows(screen) == [row] and screen.send(SETTINGS, f"{row}.time", "get") == "10:00"
    assert screen.send(SETTINGS, "set", f"[{row}.days.sat cget -variable]") == "0"
    screen.press(SETTINGS, "Save")
    assert w.exited() == 0, w.output()

    text = path.read_text()
    assert text == MINE + "grace_minutes = 25\n"  # the one change; the user's locked line left as it was
    assert "reminder" not in text and "sound" not in text and "equipment" not in text and "20" not in text
    loaded = config.load(path, IDS)
    c = loaded.config
    assert c.plan.snooze == timedelta(minutes=15) and c.plan.grace == timedelta(minutes=25) and not c.sound
    assert [r.name for r in c.plan.reminders] == ["stand up"]


def test_the_welcome_shows_the_locks_and_writes_only_its_answers(screen, window, shots, private_home):  # noqa: F811
    organisation()
    path = default_paths().config_file
    w = window(WELCOME, "--welcome")
    screen.wait_text(WELCOME, f"^{LOCKED}$")
    assert screen.send(WELCOME, ".welcome.times.morning", "get") == "10:00"  # the organisation's reminder
    for each in (".welcome.times.morning", ".welcome.workdays.days.mon", ".welcome.equipment.ball"):
        assert state(screen, WELCOME, each) == "disabled", each
    assert state(screen, WELCOME, ".welcome.floor") == "normal"
    for field in ("reminders", "equipment"):
        assert screen.send(WELCOME, f".welcome.{field}locked", "cget", "-text") == LOCKED
    screen.screenshot(shots / "welcome-locked.png", w.wid)
    screen.click_widget(WELCOME, ".welcome.equipment.ball")  # locked: nothing
    screen.click_widget(WELCOME, ".welcome.workdays.days.sat")
    screen.click_widget(WELCOME, ".welcome.places.place-home")  # the floor follows; the things to hand do not
    wait_until(lambda: screen.send(WELCOME, "set", "[.welcome.floor cget -variable]") == "1", 5, "the floor ticked")
    assert screen.send(WELCOME, "set", "[.welcome.equipment.ball cget -variable]") == "0"
    assert screen.send(WELCOME, "set", "[.welcome.equipment.cushion cget -variable]") == "0"
    assert screen.send(WELCOME, "set", "[.welcome.workdays.days.sat cget -variable]") == "0"
    screen.press(WELCOME, "Start using qlbreak")
    assert w.exited() == 0, w.output()

    said = [line.split("=")[0].strip() for line in path.read_text().splitlines() if line[:1].isalpha()]
    assert said == ["no_floor"], path.read_text()  # the welcome's one answer that differs; nothing else
    loaded = config.load(path, IDS)
    c = loaded.config
    assert not loaded.problems and not c.prefs.no_floor and c.prefs.equipment == {"chair"}
    assert [(r.name, f"{r.at:%H:%M}") for r in c.plan.reminders] == [("stand up", "10:00")]
    assert c.plan.snooze == timedelta(minutes=15) and c.plan.grace == timedelta(minutes=20) and not c.sound


def test_the_general_page_a_locked_choice_stays_out_of_reach_when_the_check_in_is_switched(screen, window):  # noqa: F811
    admin = admin_places()[0]
    admin.parent.mkdir(parents=True, exist_ok=True)
    admin.write_text('[admin]\nlocked = ["checkin.tighter", "dialog.sound"]\n\n[checkin]\ntighter = 2.0\n')
    path = default_paths().config_file
    w = window()
    screen.click_widget(SETTINGS, ".settings.tabs.general")
    general = ".settings.body.generalpage"
    screen.wait_text(SETTINGS, f"^{LOCKED}$")
    twice, same = f"{general}.tighter.tighter-twice", f"{general}.tighter.tighter-same"
    assert screen.send(SETTINGS, "set", f"[{twice} cget -variable]") == "twice"
    for each in (twice, same, f"{general}.sound"):
        assert state(screen, SETTINGS, each) == "disabled", each
    assert screen.send(SETTINGS, "winfo", "exists", f"{general}.tighterlocked") == "1"
    assert screen.send(SETTINGS, "winfo", "exists", f"{general}.soundlocked") == "1"
    box = f"{general}.checkin"
    variable = screen.send(SETTINGS, box, "cget", "-variable")
    for want in ("0", "1"):  # the check-in's box, unlocked: off and on again, for real
        screen.click_widget(SETTINGS, box)
        wait_until(lambda want=want: screen.send(SETTINGS, "set", variable) == want, 5, f"the check-in {want}")
        assert state(screen, SETTINGS, twice) == "disabled" and state(screen, SETTINGS, same) == "disabled"
    screen.click_widget(SETTINGS, same)  # locked: nothing
    screen.click_widget(SETTINGS, box)
    wait_until(lambda: screen.send(SETTINGS, "set", variable) == "0", 5, "the check-in off")
    assert screen.send(SETTINGS, "set", f"[{twice} cget -variable]") == "twice"
    screen.press(SETTINGS, "Save")
    assert w.exited() == 0, w.output()
    said = [line for line in path.read_text().splitlines() if line[:1].isalpha()]
    assert said == ["ask = false"], path.read_text()
    c = config.load(path, IDS).config
    assert not c.checkin and c.tighter == 2.0 and c.sound


def test_a_first_run_starts_from_the_organisations_values_and_enter_copies_none(screen, window):  # noqa: F811
    admin = admin_places()[0]
    admin.parent.mkdir(parents=True, exist_ok=True)
    admin.write_text(  # nothing locked: the organisation's defaults
        '[stretches]\nno_floor = false\nequipment = ["chair", "ball"]\n\n'
        '[[reminder]]\nname = "stand up"\ntime = "10:00"\ndays = ["mon", "wed"]\n'
    )
    path = default_paths().config_file
    w = window(WELCOME, "--welcome")
    screen.wait_text(WELCOME, "^Welcome to qlbreak$")
    assert screen.send(WELCOME, ".welcome.times.morning", "get") == "10:00"  # in place of the preset 09:30
    assert state(screen, WELCOME, ".welcome.times.morning") == "normal"
    assert screen.send(WELCOME, "set", "[.welcome.floor cget -variable]") == "1"
    assert screen.send(WELCOME, "set", "[.welcome.equipment.ball cget -variable]") == "1"
    assert screen.send(WELCOME, "set", "[.welcome.workdays.days.wed cget -variable]") == "1"
    assert LOCKED not in screen.texts(WELCOME)
    wait_until(lambda: w.focus().endswith(".start"), 5, "the Start button to have the focus")
    w.key("Return")
    assert w.exited() == 0, w.output()
    said = [line for line in path.read_text().splitlines() if line[:1].isalpha() or line.startswith("[[")]
    assert said == [], path.read_text()  # the organisation's values are not copied: theirs to change later
    c = config.load(path, IDS).config
    assert not c.prefs.no_floor and c.prefs.equipment == {"chair", "ball"}
    assert [(r.name, f"{r.at:%H:%M}", sorted(r.days)) for r in c.plan.reminders] == [("stand up", "10:00", [0, 2])]
