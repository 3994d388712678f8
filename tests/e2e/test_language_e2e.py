"""The language with the real tray (issue 25): chosen in Settings, it applies at once
(the tooltip, the menu, the next notification, the next window), with no restart; and a
tray on a German system speaks German from its first tooltip. The German expected is
worked out here from the catalogue (never written into the test), so a better wording
in de.po does not break it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import TypeVar

from qlbreak.core.schedule import reminder_name
from qlbreak.core.tray_view import APP, when
from qlbreak.core.words import ENGLISH, Words, _, ngettext, using
from qlbreak.language.catalogues import load as load_words
from qlbreak.stretches import translated
from qlbreak.stretches.catalogue import Stretch
from qlbreak.stretches.catalogue import load as load_stretches
from qlbreak.ui.settings_general import language_name
from tests.e2e.conftest import DAYS, TrayApp
from tests.e2e.desktop import Desktop
from tests.e2e.soon import minute_in, write_zone
from tests.e2e.test_tray import DIALOG, LEAD, MENU, SETTINGS, shot, tk_title
from tests.gui.screen import wait_until

GENERAL = ".settings.body.generalpage"
T = TypeVar("T")


def german() -> Words:
    return load_words("de")


def said(words: Words, text: Callable[[], T]) -> T:
    """``text()`` as ``words`` say it (the test process speaks English otherwise)."""
    with using(words):
        return text()


def next_title(reminder: str, at: datetime) -> str:
    """The tooltip naming ``reminder`` at ``at``, in the language in use now, worked out
    at this moment (a day's name in it changes at midnight)."""
    now = datetime.now(UTC).astimezone(at.tzinfo)
    status = _("next: {reminder} at {time}").format(reminder=reminder_name(reminder), time=when(at, now))
    return _("{app} \u2014 {status}").format(app=APP, status=status)


def far_away() -> tuple[str, datetime]:
    """conftest's far-away reminder (03:00 UTC two days on) and when it falls."""
    day = (datetime.now(UTC) + timedelta(days=2)).date()
    text = f'[[reminder]]\nname = "test"\ntime = "03:00"\ndays = ["{DAYS[day.weekday()]}"]\n'
    return text, datetime.combine(day, time(3, 0), UTC)


def variant_names(stretch: Stretch) -> list[str]:
    """What a reminder may call ``stretch``: its name or a variant's (a door frame...)."""
    return [stretch.name, *(v.name for v in stretch.variants)]


def in_english(name: str) -> str:
    """A German stretch or variant name in English."""
    shown = said(german(), lambda: translated.catalogue(load_stretches()))
    pairs = zip(shown, load_stretches(), strict=True)
    return dict(p for de, en in pairs for p in zip(variant_names(de), variant_names(en), strict=True))[name]


def last_notification(desktop: Desktop) -> list[str]:
    """Every string of qlbreak's last Notify call on the bus: the app, its icon, the
    summary, the body, then the buttons (key, label, key, label...) and the hints."""
    calls = desktop.monitor_log.read_text(errors="replace").split("member=Notify")[1:]
    strings = [re.findall(r'^\s+string "(.*)"$', call, flags=re.MULTILINE) for call in calls]
    return next(s for s in reversed(strings) if s and s[0] == "qlbreak")


def open_menu(desktop: Desktop, icon: int) -> list[str]:
    desktop.click_icon(icon, button=3)
    wait_until(lambda: tk_title(desktop, MENU), 15, "qlbreak's menu")
    return desktop.screen.texts(MENU)


def close_menu(desktop: Desktop) -> None:
    desktop.screen.run("xdotool", "key", "Escape")
    wait_until(lambda: tk_title(desktop, MENU) is None, 10, "the menu to close")


def language_chosen(desktop: Desktop) -> str:
    variable = desktop.screen.send(SETTINGS, f"{GENERAL}.languages.language-de", "cget", "-variable")
    return desktop.screen.send(SETTINGS, "set", f"::{variable}")


def choose_language(desktop: Desktop, words: Words, value: str) -> tuple[str, str]:
    """Settings from the open menu (in ``words``), the General page, ``value``'s choice,
    Save; returns the choice the window opened with, and its words."""
    desktop.screen.press(MENU, said(words, lambda: _("Settings\u2026")))
    title = said(words, lambda: _("qlbreak \u2014 Settings"))
    wait_until(lambda: tk_title(desktop, SETTINGS) == title, 30, f"the settings window titled {title!r}")
    desktop.screen.press(SETTINGS, said(words, lambda: _("General")))
    radio = f"{GENERAL}.languages.language-{value}"
    wait_until(lambda: desktop.screen.send(SETTINGS, "winfo", "ismapped", radio) == "1", 5, "the General page")
    before = language_chosen(desktop)
    ticked = desktop.screen.send(SETTINGS, f"{GENERAL}.languages.language-{before}", "cget", "-text")
    desktop.screen.click_widget(SETTINGS, radio)
    wait_until(lambda: language_chosen(desktop) == value, 5, f"{value!r} to be chosen")
    desktop.screen.press(SETTINGS, said(words, lambda: _("Save")))
    wait_until(lambda: tk_title(desktop, SETTINGS) is None, 10, "the settings window to close")
    return before, ticked


def german_stretch_window(desktop: Desktop, icon: int) -> None:
    """A left click: the stretch window (perhaps one started ahead as the pointer came
    to the icon) is titled with a German stretch name; closed with Escape (an open one
    would hold the reminder to come)."""
    de = german()
    lead = said(de, lambda: _("qlbreak \u2014 {name}")).split("{name}")[0]
    names = {n for s in said(de, lambda: translated.catalogue(load_stretches())) for n in variant_names(s)}
    desktop.click_icon(icon)
    title = wait_until(lambda: tk_title(desktop, DIALOG), 15, "the stretch window")
    assert title.startswith(lead) and title[len(lead) :] in names, title
    wid = desktop.screen.wait_window(title)
    desktop.screen.run("xdotool", "windowfocus", "--sync", str(wid), check=False)
    wait_until(lambda: desktop.screen.send(DIALOG, "focus"), 10, "the stretch window to have the focus")
    desktop.screen.run("xdotool", "key", "Escape")
    wait_until(lambda: tk_title(desktop, DIALOG) is None, 10, "the stretch window to close")
    desktop.run("xdotool", "mousemove", "600", "500")  # off the icon: no window started ahead meanwhile


def german_reminder(desktop: Desktop, app: TrayApp, icon: int, zone: Path) -> str:
    """A reminder due ``LEAD`` seconds from now, added by hand to the config file (as in
    test_tray); its tooltip and notification in German, the stretch's German name returned."""
    de = german()
    seen = len(desktop.notifications())
    at = minute_in(zone, LEAD)
    text = app.paths.config_file.read_text()
    assert 'timezone = "UTC"' in text
    edited = text.replace('timezone = "UTC"', 'timezone = "local"')
    edited += f'\n[[reminder]]\nname = "edited"\ntime = "{at:%H:%M}"\ndays = ["{DAYS[at.weekday()]}"]\n'
    app.paths.config_file.write_text(edited)
    wanted = said(de, lambda: next_title("edited", at))
    wait_until(lambda: desktop.title(icon) == wanted, 5, f"the tooltip {wanted!r}")
    wait_until(lambda: len(desktop.notifications()) > seen, 60, "the reminder's notification", interval=0.5)
    summary = desktop.notifications()[-1]
    lead, _name = said(de, lambda: _("Time for a stretch: {name}")).split("{name}")
    stretches = said(de, lambda: translated.catalogue(load_stretches()))
    named = next((s for s in stretches if summary[len(lead) :] in variant_names(s)), None)
    assert summary.startswith(lead) and named is not None, summary  # a German name
    call = last_notification(desktop)
    assert call[2:4] == [summary, named.summary]  # what it is, in German too
    buttons = said(de, lambda: [_("Start"), ngettext("Snooze {minutes} min", "Snooze {minutes} min", 10)])
    assert call[7] == buttons[0] and call[9] == buttons[1].format(minutes=10)
    wait_until(lambda: desktop.displayed() > 0, 10, "dunst to show the notification")
    return summary[len(lead) :]


def test_german_chosen_in_settings_applies_at_once_and_the_systems_language_brings_english_back(
    desktop: Desktop, tray_app: Callable[..., TrayApp], e2e_shots: Path, tmp_path: Path
) -> None:
    de = german()
    assert de.code == "de", "no compiled German catalogue (python -m qlbreak.language.compile)"
    zone = tmp_path / "zone"
    write_zone(zone, 0)
    reminders, far = far_away()
    app = tray_app(reminders, env={"TZ": str(zone), "LANGUAGE": "en"})
    icon = desktop.docked_icon()
    assert desktop.title(icon) == next_title("test", far)
    assert "Settings\u2026" in open_menu(desktop, icon)

    system = _("The system's language ({language})").format(language=language_name("en"))
    assert choose_language(desktop, ENGLISH, "de") == ("system", system)
    wait_until(lambda: desktop.title(icon) == said(de, lambda: next_title("test", far)), 5, "a German tooltip")
    assert 'language = "de"' in app.paths.config_file.read_text()
    texts = open_menu(desktop, icon)
    assert {said(de, lambda: _("Stretch now")), said(de, lambda: _("Settings\u2026"))} <= set(texts)
    assert "Stretch now" not in texts and "Settings\u2026" not in texts
    shot(desktop, e2e_shots, "lang-de-menu")
    close_menu(desktop)
    german_stretch_window(desktop, icon)

    # a reminder made due in a few seconds (test_tray's edited one): its notification speaks German
    name = german_reminder(desktop, app, icon, zone)
    shot(desktop, e2e_shots, "lang-de-notification")

    # the settings window opened again speaks German and has Deutsch ticked; the system's: English
    due = said(de, lambda: _("{app} \u2014 time for a stretch: {name}").format(app=APP, name=name))
    assert desktop.title(icon) == due
    open_menu(desktop, icon)
    assert choose_language(desktop, de, "system") == ("de", language_name("de"))  # Deutsch ticked
    english = _("{app} \u2014 time for a stretch: {name}").format(app=APP, name=in_english(name))
    wait_until(lambda: desktop.title(icon) == english, 5, f"the English tooltip {english!r} again")
    again = _("Time for a stretch: {name}").format(name=in_english(name))
    wait_until(lambda: desktop.notifications()[-1] == again, 10, f"the reminder shown again as {again!r}")
    assert {"Stretch now", "Settings\u2026"} <= set(open_menu(desktop, icon))
    close_menu(desktop)
    assert 'language = "system"' in app.paths.config_file.read_text()
    assert "settings changed: language" in app.log()


def test_a_tray_on_a_german_system_speaks_german_from_its_first_tooltip(
    desktop: Desktop, tray_app: Callable[..., TrayApp]
) -> None:
    de = german()
    reminders, far = far_away()
    tray_app(reminders, env={"LANGUAGE": "", "LC_MESSAGES": "", "LANG": "de_DE.UTF-8"})
    icon = desktop.docked_icon()
    assert desktop.title(icon) == said(de, lambda: next_title("test", far))
    texts = open_menu(desktop, icon)
    assert said(de, lambda: _("Stretch now")) in texts and "Stretch now" not in texts
    close_menu(desktop)
