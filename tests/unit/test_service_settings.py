"""The running tray follows config.toml: the settings window or an editor changes it,
and the next look (a heartbeat at most) uses it, with the clock the test moves."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from qlbreak.core.kinds import Window
from qlbreak.core.window_specs import SettingsSpec, WelcomeSpec
from qlbreak.storage.atomic import write_atomic
from qlbreak.storage.config import Watch, load
from qlbreak.stretches import catalogue
from tests.fakes import prompts
from tests.unit.test_service import BERLIN, Rig

IDS = frozenset(catalogue.load().ids)
MONDAY_1000 = datetime(2026, 11, 30, 10, 0, tzinfo=BERLIN)


def settings(morning: str = "09:30", lunch: str = "12:30", extra: str = "") -> str:
    return f"""\
# my own notes: kept by the settings window
[schedule]
timezone = "Europe/Berlin"

[[reminder]]
name = "morning"
time = "{morning}"

[[reminder]]
name = "lunch"
time = "{lunch}"
{extra}"""


class Edited:
    """A config file, a Watch on it, and a service that started with what it said."""

    def __init__(self, tmp_path, text: str, now: datetime = MONDAY_1000) -> None:
        self.file = tmp_path / "config.toml"
        self.write(text)
        config = load(self.file, IDS).config
        self.rig = Rig(tmp_path, now=now, config=config, settings=Watch(self.file, IDS))
        self.rig.service.step()

    def write(self, text: str) -> None:
        write_atomic(self.file, text.encode())


@pytest.fixture
def edited(tmp_path):
    e = Edited(tmp_path, settings())
    yield e
    e.rig.history.close()


def test_a_reminder_moved_later_today_fires_at_its_new_time_without_a_restart(edited):
    app = edited.rig
    assert app.tray.title == "qlbreak \u2014 next: lunch at 12:30"
    edited.write(settings(lunch="11:15"))
    app.at(30)  # one heartbeat
    assert app.tray.title == "qlbreak \u2014 next: lunch at 11:15"
    app.at(74 * 60)
    assert prompts(app.windows) == []
    app.at(60)
    assert [p.occurrence.reminder for p in prompts(app.windows)] == ["lunch"]
    assert app.kinds() == ["fired"]


def test_one_that_fired_and_is_moved_later_does_not_fire_again_and_is_not_listed(edited):
    app = edited.rig
    edited.write(settings(morning="10:05"))
    app.at(6 * 60)
    assert app.kinds() == ["fired"]
    app.finish("prompt", "skip")  # answered: no more today
    edited.write(settings(morning="15:00", lunch="12:30"))
    app.at(30)
    assert app.tray.title.startswith("qlbreak \u2014 paused until")
    from qlbreak.core.commands import Resume

    app.do(Resume())
    assert app.tray.title == "qlbreak \u2014 next: lunch at 12:30"
    app.at(2 * 3600 + 30 * 60)  # lunch at 12:30 fires; then the title skips the morning at 15:00
    assert app.tray.title == "qlbreak \u2014 time for a stretch: " + prompts(app.windows)[-1].name
    app.finish("prompt", "snooze")
    app.at(3 * 3600)  # past 15:00: the morning, already shown today, does not fire again
    fired = [p.occurrence.reminder for p in prompts(app.windows)]
    assert fired == ["morning", "lunch", "lunch"]


def test_a_reminder_added_for_a_time_already_gone_neither_fires_nor_counts_as_missed(edited):
    app = edited.rig
    edited.write(settings(extra='\n[[reminder]]\nname = "tea"\ntime = "09:55"\n'))
    app.at(30 * 60)
    assert prompts(app.windows) == [] and app.kinds() == []
    edited.write(settings(extra='\n[[reminder]]\nname = "tea"\ntime = "10:45"\n'))
    app.at(16 * 60)  # added for later today: fires today
    assert [p.occurrence.reminder for p in prompts(app.windows)] == ["tea"]


def test_a_broken_edit_keeps_the_last_good_value_and_is_reported_once(edited, caplog):
    app = edited.rig
    edited.write(settings(lunch="11:15"))
    app.at(30)
    caplog.set_level(logging.WARNING, logger="qlbreak")
    edited.write(settings(lunch="11:75", extra='\n[stretches]\nno_floor = "yes"\n'))
    app.at(30)
    assert app.tray.title == "qlbreak \u2014 next: lunch at 11:15"  # the last good time goes on
    assert [t for t, _ in app.notifier.sent] == ["qlbreak: a mistake in your settings"]
    message = app.notifier.sent[0][1]
    assert message.startswith("config.toml line 11: time must be HH:MM") and "1 more" in message
    assert message.endswith("That setting keeps the value it had; the rest applies.")
    assert f"{edited.file}:14: no_floor must be true or false" in caplog.text
    app.at(10 * 60)
    edited.write(settings(lunch="11:75", extra='\n[stretches]\nno_floor = "yes"\n\n'))  # touched, same mistakes
    app.at(30)
    assert len(app.notifier.sent) == 1
    edited.write(settings(lunch="11:45"))
    app.at(30)
    assert app.tray.title == "qlbreak \u2014 next: lunch at 11:45" and len(app.notifier.sent) == 1


def test_a_misspelt_key_is_told_in_a_notification_with_the_right_name_once(edited, caplog):
    app = edited.rig
    caplog.set_level(logging.WARNING, logger="qlbreak")
    edited.write(settings(extra="\n[dialog]\nsond = false\n"))
    app.at(30)
    line = settings(extra="\n[dialog]\nsond = false\n").splitlines().index("sond = false") + 1
    assert app.notifier.sent == [
        (
            "qlbreak: a mistake in your settings",
            f"config.toml line {line}: 'sond' in [dialog] is not a setting qlbreak knows"
            " \N{EM DASH} did you mean 'sound'? It was left out.",
        )
    ]
    assert f"{edited.file}:{line}: warning: 'sond' in [dialog]" in caplog.text
    edited.write("# a line more\n" + settings(lunch="11:45", extra="\n[dialog]\nsond = false\n"))  # same typo
    app.at(30)
    assert len(app.notifier.sent) == 1 and app.tray.title == "qlbreak \u2014 next: lunch at 11:45"
    edited.write(settings(extra="\n[dialog]\nsound = false\n"))  # fixed: nothing more to say
    app.at(30)
    assert len(app.notifier.sent) == 1 and app.windows.config is not None and app.windows.config.sound is False


def test_the_windows_and_the_clock_follow_the_new_settings(edited):
    app = edited.rig
    edited.write(settings().replace("Europe/Berlin", "Europe/London") + '\n[dialog]\ntheme = "dark"\n')
    app.at(30)
    assert app.windows.config is not None and app.windows.config.theme == "dark"
    assert app.clock.now().utcoffset() == BERLIN.utcoffset(MONDAY_1000) * 0
    # 09:00 in London: its 09:30 is still to come (Berlin's 09:30 passed before the start)
    assert app.tray.title == "qlbreak \u2014 next: morning at 09:30"


def test_a_deleted_file_means_the_defaults_again(edited, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")  # the defaults' zone is the system's: the file's, here
    app = edited.rig
    edited.write(settings(lunch="11:15"))
    app.at(30)
    edited.file.unlink()
    app.at(30)
    assert app.tray.title == "qlbreak \u2014 next: lunch at 12:30" and app.notifier.sent == []


def test_an_unchanged_file_is_not_read_again(edited, monkeypatch):
    import qlbreak.storage.config as config_mod

    reads = []
    monkeypatch.setattr(config_mod, "load", lambda *a, **k: reads.append(a))
    edited.rig.at(10 * 60)
    assert reads == []


# -- the settings, welcome and history windows, as the service sees them ---------------


def test_the_first_run_opens_the_welcome_once(tmp_path):
    from qlbreak.tray.service import Service

    rig = Rig(tmp_path)
    rig.service = Service(
        rig.config, rig.catalogue, rig.history, tmp_path / "state.json", rig.service.ports, rig.service.commands,
        welcome=True,
    )  # fmt: skip
    rig.service.step()
    rig.at(60)
    assert rig.windows.calls == [(Window.WELCOME, WelcomeSpec(False))]
    rig.history.close()


def test_saved_settings_are_used_in_the_same_step_and_set_the_login_item(edited):
    from qlbreak.core.commands import OpenSettings

    app = edited.rig
    app.do(OpenSettings())
    assert app.windows.calls == [(Window.SETTINGS, SettingsSpec(False))]
    edited.write(settings(lunch="10:01"))  # what the window wrote
    app.finish("settings", "saved autostart=on")
    assert app.tray.title == "qlbreak \u2014 next: lunch at 10:01" and app.login.on is True
    app.at(60)
    assert [p.occurrence.reminder for p in prompts(app.windows)] == ["lunch"]


def test_closed_without_saving_changes_nothing(edited):
    from qlbreak.core.commands import OpenSettings

    app = edited.rig
    app.do(OpenSettings())
    app.finish("settings", None)
    assert app.login.on is False and app.tray.title == "qlbreak \u2014 next: lunch at 12:30"


def test_the_menu_offers_progress_and_choosing_it_opens_the_progress_window(edited):
    from qlbreak.core.commands import OpenMenu
    from qlbreak.core.window_specs import ProgressSpec

    app = edited.rig
    labels = app.tray.labels()
    assert labels[-4:] == ["Settings\u2026", "Progress\u2026", "Safety", "Quit"]
    assert "History\u2026" not in labels
    entry = next(e for e in app.tray.menu if e.label == "Progress\u2026")
    app.do(OpenMenu(10, 10))  # qlbreak's own menu (X11): the user picks "Progress…"
    app.finish("menu", entry.action)
    assert app.windows.showing[Window.PROGRESS] == ProgressSpec()
    app.do(OpenMenu(10, 10))
    app.finish("menu", entry.action)  # again while it is open: still the one window
    assert app.windows.specs(Window.PROGRESS) == [ProgressSpec(), ProgressSpec()]
    assert list(app.windows.showing) == [Window.PROGRESS]
    app.finish("progress", None)  # closed: the tray goes on as before
    assert Window.PROGRESS not in app.windows.showing and app.tray.labels()[-3] == "Progress\u2026"


def test_the_settings_window_is_told_the_settings_in_effect(monkeypatch):
    """A hand edit the tray did not understand keeps its last good value: the window must
    show that value, not the file's default (``theme = "drak"`` after dark)."""
    from dataclasses import replace

    from qlbreak.storage.config import Config, in_effect
    from tests.unit.test_windows import windows

    w, ended, told = windows("print('')", monkeypatch)
    dark = replace(Config(), theme="dark", sound=False)
    w.configure(dark)
    w.open(Window.SETTINGS, SettingsSpec(None))
    ended.get(timeout=20)
    kind, spec = told[0]
    assert kind == "settings" and in_effect(spec["in_effect"], IDS) == dark


def test_a_language_chosen_in_the_file_is_spoken_at_once_and_english_again_after(tmp_path, monkeypatch):
    from qlbreak.core import words
    from tests import pseudo

    monkeypatch.setenv("QLBREAK_LOCALES", str(pseudo.folder()))
    before = words.current()
    e = Edited(tmp_path, settings())
    try:
        app = e.rig
        assert app.tray.title == "qlbreak \u2014 next: lunch at 12:30"
        e.write(settings(extra='\n[dialog]\nlanguage = "qps"\n'))
        app.at(30)  # one heartbeat
        assert words.current().code == "qps"
        assert "\u27e6" in app.tray.title and "next: lunch" not in app.tray.title, app.tray.title
        assert all(pseudo.unmarked([entry.label]) == [] for entry in app.tray.menu), app.tray.menu
        e.write(settings())
        app.at(30)
        assert app.tray.title == "qlbreak \u2014 next: lunch at 12:30"
    finally:
        words.use(before)
        e.rig.history.close()


def test_a_new_time_zone_counts_from_the_step_that_reads_it(edited):
    """CI's German e2e test caught it: the step that read a new zone went on with ``now``
    in the old one, so the next reminder was placed (and the alarm set) at its clock time
    in the old zone; the loop then slept until that wrong instant."""
    app = edited.rig
    edited.write(settings(lunch="19:00").replace('"Europe/Berlin"', '"Asia/Tokyo"'))
    app.clock.advance(30)  # 10:00:30 in Berlin is 18:00:30 in Tokyo
    wake = app.service.step()
    assert app.tray.title == "qlbreak \u2014 next: lunch at 19:00"
    assert wake == datetime(2026, 11, 30, 19, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
