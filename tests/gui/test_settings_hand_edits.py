"""The settings window saves into the file as it is at the save (issue 20, E): what was
written by hand while it was open stays; a setting changed both by hand and in the
window is said in plain words before anything is written, and Save again means the
window's. Pressed for real on a real X server; every wait is on what the window shows."""

from __future__ import annotations

from qlbreak.storage import config
from qlbreak.storage.paths import default_paths
from tests.gui.screen import wait_until
from tests.gui.test_settings import IDS, MINE, PAGE, SETTINGS, reminder_rows, window  # noqa: F401 (a fixture)

TEA = '\n[[reminder]]\nname = "tea"   # added by hand\ntime = "15:00"\n'


def test_a_hand_edit_survives_the_save_and_the_same_setting_changed_both_ways_is_asked(screen, window, shots):  # noqa: F811
    path = default_paths().config_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MINE)
    w = window()
    second = f"{reminder_rows(screen)[1]}.time"
    screen.type_into(SETTINGS, second, "13:45")
    wait_until(lambda: screen.send(SETTINGS, second, "get") == "13:45", 5, "13:45 typed")
    hand = MINE.replace("snooze_minutes = 5 ", "snooze_minutes = 7 ").replace('"13:15"', '"13:30"') + TEA
    path.write_text(hand)  # meanwhile, in an editor: the snooze, the same reminder's time; a reminder added
    screen.press(SETTINGS, "Save")
    said = screen.wait_text(SETTINGS, "^Not saved yet")
    assert said == (
        "Not saved yet: your settings file was changed by hand while this window was open, and you changed the"
        " same setting here:\n\N{BULLET} The after lunch reminder: 13:30 in the file, 13:45 here.\nPress Save"
        " again to use this window's choice (your other changes by hand stay). To keep the file's, set it the"
        " same here and save, or press Cancel (then nothing here is saved)."
    )
    assert screen.send(SETTINGS, "winfo", "ismapped", ".settings.message") == "1"

    def whole() -> bool:  # laid out again for the longer text: every line of it shown
        tall = int(screen.send(SETTINGS, "winfo", "height", ".settings.message"))
        return tall >= int(screen.send(SETTINGS, "winfo", "reqheight", ".settings.message")) > 60

    wait_until(whole, 5, "the whole message shown")
    screen.screenshot(shots / "settings-changed-by-hand.png", w.wid)
    assert path.read_text() == hand and w.proc.poll() is None  # nothing written; the window stays
    screen.press(SETTINGS, "Save")  # again: the window's time
    assert w.exited() == 0, w.output()
    assert path.read_text() == hand.replace('"13:30"', '"13:45"')  # the snooze and the reminder by hand stay
    c = config.load(path, IDS).config
    assert c.plan.snooze.total_seconds() == 7 * 60
    assert [(r.name, f"{r.at:%H:%M}") for r in c.plan.reminders] == [
        ("morning", "09:00"),
        ("after lunch", "13:45"),
        ("tea", "15:00"),
    ]
