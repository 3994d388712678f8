"""The user's language: which one is chosen, loaded, and how dates read in it."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from qlbreak.core import words
from qlbreak.language import catalogues, choosing, extract, start, system
from qlbreak.language.compile import compile_all
from qlbreak.language.formats import BabelFormats
from qlbreak.language.start import speak
from qlbreak.system import THIS

AVAILABLE = ("en", "de", "pt_BR")


@pytest.mark.parametrize(
    ("setting", "preferred", "chosen"),
    [
        ("system", ("de_DE.UTF-8",), "de"),  # the system's language, by its language part
        ("system", ("de-AT",), "de"),  # Windows and macOS write a hyphen
        ("system", ("fr_FR", "de_DE"), "de"),  # the first the install has
        ("system", ("en_US", "de_DE"), "en"),  # English preferred before German
        ("system", ("fr_FR",), "en"),  # nothing we have: English
        ("system", (), "en"),
        ("system", ("C",), "en"),
        ("de", ("en_GB.UTF-8",), "de"),  # the setting wins
        ("en", ("de_DE",), "en"),
        ("pt_BR", ("de_DE",), "pt_BR"),  # a whole code first
        ("pt_PT", (), "en"),  # "pt" alone is not there
        ("xx", ("de_DE",), "de"),  # a setting we do not have: the system's
        ("", ("de_DE",), "de"),
    ],
)
def test_pick(setting: str, preferred: tuple[str, ...], chosen: str) -> None:
    assert choosing.pick(setting, preferred, AVAILABLE) == chosen


def test_normalise() -> None:
    assert choosing.normalise("de_AT.UTF-8@euro") == "de_AT"
    assert choosing.normalise("zh-hans-CN") == "zh_hans_CN"
    assert choosing.normalise("POSIX") == "en"


@pytest.mark.parametrize(
    ("env", "found"),
    [
        ({"LANGUAGE": "de:en", "LANG": "fr_FR.UTF-8"}, ("de", "en", "fr_FR.UTF-8")),
        ({"LC_ALL": "de_CH.UTF-8", "LANG": "en_US.UTF-8"}, ("de_CH.UTF-8",)),
        ({"LC_MESSAGES": "de_DE", "LANG": "en_US"}, ("de_DE",)),
        ({"LANGUAGE": "de", "LC_ALL": "C"}, ("C",)),  # glibc ignores LANGUAGE under C
        ({}, ()),
    ],
)
def test_environment(env: dict[str, str], found: tuple[str, ...]) -> None:
    assert system.from_environment(env) == found


def test_each_system_asks_its_own_way() -> None:
    windows = replace(THIS, registry=True, macos_defaults=False)
    macos = replace(THIS, registry=False, macos_defaults=True)
    linux = replace(THIS, registry=False, macos_defaults=False)
    apple = '(\n    "de-DE",\n    "en-US"\n)\n'
    assert system.preferred({"LANG": "C"}, windows, windows=lambda: ("de-CH",)) == ("de-CH", "C")
    assert system.preferred({}, macos, macos=lambda: apple) == ("de-DE", "en-US")
    assert system.preferred({"LANG": "de_DE.UTF-8"}, linux, windows=lambda: 1 / 0) == ("de_DE.UTF-8",)  # type: ignore[arg-type,return-value]

    def broken() -> str:
        raise OSError("no defaults")

    assert system.preferred({"LANG": "de_DE"}, macos, macos=broken) == ("de_DE",)  # an error is no answer


def _compiled(folder: Path, code: str, entries: dict[str, str]) -> Path:
    catalog = Catalog(locale=code, domain="qlbreak")
    for english, translated in entries.items():
        catalog.add(english, translated)
    target = folder / code / "LC_MESSAGES" / "qlbreak.mo"
    target.parent.mkdir(parents=True)
    with open(target, "wb") as file:
        write_mo(file, catalog)
    return target


def test_load_and_speak(tmp_path: Path) -> None:
    _compiled(tmp_path, "de", {"Stretch now": "Jetzt dehnen"})
    assert catalogues.available(tmp_path) == ("en", "de")
    german = catalogues.load("de", tmp_path)
    assert german.code == "de"
    with words.using(german):
        assert words._("Stretch now") == "Jetzt dehnen"
        assert words._("Not in the catalogue") == "Not in the catalogue"
        assert words.formats().day(date(2026, 12, 3)) == "Do., 3. Dez."
    assert words._("Stretch now") == "Stretch now"  # English again after the block
    assert catalogues.load("fr", tmp_path) is words.ENGLISH  # no catalogue: English, logged
    assert catalogues.load("en", tmp_path) is words.ENGLISH


def test_speak_sets_the_process_language() -> None:
    before = words.current()
    try:
        assert speak("en") is words.ENGLISH
        assert words.current() is words.ENGLISH
    finally:
        words.use(before)


def test_start_speaks_the_settings_language_or_the_systems() -> None:
    before = words.current()
    try:
        assert start.start("en", {"LANG": "de_DE.UTF-8"}) is words.ENGLISH  # the setting wins
        chosen = start.start("system", {"LANG": "de_DE.UTF-8"})
        assert chosen.code == ("de" if "de" in catalogues.available() else "en")
        assert words.current() is chosen
    finally:
        words.use(before)


def test_english_formats_are_the_old_ones() -> None:
    english = words.EnglishFormats()
    day = date(2026, 12, 3)
    assert english.day(day) == f"{day:%a} {day.day} {day:%b}" == "Thu 3 Dec"
    assert english.long_day(day) == "Thursday 3 December"
    assert english.clock(time(9, 5)) == "09:05"
    assert english.month_year(day) == "Dec 2026"
    assert english.day_month(day) == "3 Dec"
    assert english.weekday_names()[0] == "Mon"


def test_german_formats() -> None:
    from babel import Locale

    german = BabelFormats(Locale.parse("de"))
    day = date(2026, 12, 3)
    assert german.day(day) == "Do., 3. Dez."
    assert german.long_day(day) == "Donnerstag, 3. Dezember"
    assert german.weekday(day) == "Do."
    assert german.clock(time(9, 5)) == "09:05"
    assert german.clock(datetime(2026, 12, 3, 9, 5, tzinfo=ZoneInfo("America/New_York"))) == "09:05"
    assert german.weekday_names() == ("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So.")


def test_compile_all(tmp_path: Path) -> None:
    po = tmp_path / "po"
    po.mkdir()
    (po / "de.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Quit"\nmsgstr "Beenden"\n\n#, fuzzy\nmsgid "Settings"\nmsgstr "Einstellung"\n',
        encoding="utf-8",
    )
    [written] = compile_all(po, tmp_path / "mo")
    german = catalogues.load("de", tmp_path / "mo")
    assert written.exists()
    assert german.translations.gettext("Quit") == "Beenden"
    assert german.translations.gettext("Settings") == "Settings"  # a fuzzy guess never ships


def test_extract_finds_every_text_of_a_catalogue_file() -> None:
    source = b"""id = "x"
name = "A stretch"
summary = "What it does."
steps = ["One.", "Two."]
left = "left words"

[variants.door-frame]
name = "With a door"
steps = ["Door one."]

[easier]
name = "Easier"
steps = ["Easy one."]
"""
    found = [
        (message, comments)
        for _line, _fn, message, comments in extract.extract_stretches(io.BytesIO(source), None, None, None)
    ]
    assert [m for m, _c in found] == [
        ("x", "A stretch"),
        ("x", "What it does."),
        ("x", "left words"),
        ("x", "One."),
        ("x", "Two."),
        ("x", "With a door"),
        ("x", "Door one."),
        ("x", "Easier"),
        ("x", "Easy one."),
    ]
    assert found[3][1] == ["x: steps 1"]
    assert found[6][1] == ["x: with a door-frame: steps 1"]


def test_a_window_speaks_the_language_of_the_parent_that_started_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from qlbreak.ui import spec
    from tests import pseudo

    monkeypatch.setenv("QLBREAK_LOCALES", str(pseudo.folder()))
    with words.using(pseudo.words()):
        argv = spec.command("tooltip", spec.tooltip("qlbreak", "light", None))
        warm = spec.with_language({"theme": "light"})
    told = json.loads(argv[-1])
    assert told["language"] == warm["language"] == "qps"
    assert words.current() is words.ENGLISH
    spec.parse("tooltip", argv[-1])  # what the window's process does first
    assert words.current().code == "qps" and words._("Settings\u2026").startswith("\u27e6")


def test_the_german_tray_imports_babel_only_for_a_day_name() -> None:
    """A time of day is "HH:mm" in every language here: the tray's usual tooltip costs no
    Babel (~6 MB); a weekday or a month does."""
    import subprocess
    import sys

    code = (
        "import sys; from datetime import date, time; from qlbreak.language.start import speak;"
        " from qlbreak.core.words import formats; speak('de'); formats().clock(time(9, 5));"
        " print('babel' in sys.modules); formats().day(date(2026, 12, 3)); print('babel' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
