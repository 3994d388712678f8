"""The compiled catalogues: which languages this install has, and one loaded as ``Words``.

The ``.po`` files live in ``po/`` (one per language, ``de.po``); the install compiles
each to ``mo/<code>/LC_MESSAGES/qlbreak.mo`` (``compile.py``, run by ``setup.py``'s
build and by ``scripts/test.sh`` for a checkout). English is the msgids themselves.
``QLBREAK_LOCALES`` names another folder of compiled catalogues: a translator trying a
``.mo`` before it ships, and the tests' pseudo-locale.
"""

from __future__ import annotations

import gettext
import logging
import os
from collections.abc import Mapping
from datetime import date, datetime, time
from functools import cache, cached_property
from pathlib import Path

from qlbreak.core.words import ENGLISH, Formats, Words

DOMAIN = "qlbreak"
HERE = Path(__file__).resolve().parent
PO = HERE / "po"
MO = HERE / "mo"

ENVIRONMENT = "QLBREAK_LOCALES"

log = logging.getLogger(__name__)


def folder_of(env: Mapping[str, str] = os.environ) -> Path:
    """Where the compiled catalogues are: ``QLBREAK_LOCALES``, else the package's own."""
    return Path(env[ENVIRONMENT]) if env.get(ENVIRONMENT) else MO


def available(folder: Path | None = None) -> tuple[str, ...]:
    """English and every language with a compiled catalogue, English first."""
    folder = folder or folder_of()
    try:
        found = sorted(p.parent.parent.name for p in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    except OSError:
        found = []
    return ("en", *(code for code in found if code != "en"))


def load(code: str, folder: Path | None = None) -> Words:
    """``code``'s words and dates; English when it is English or its catalogue is
    missing or unreadable (one log line: a broken install, not the user's doing)."""
    return _load(code, folder or folder_of())


@cache
def _load(code: str, folder: Path) -> Words:
    if code == "en" or not code:
        return ENGLISH
    try:
        with open(folder / code / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as file:
            translations = gettext.GNUTranslations(file)
    except (OSError, ValueError) as err:
        log.warning("no catalogue for language %r (%s): English instead", code, err)
        return ENGLISH
    return Words(code, translations, _formats(code))


def _formats(code: str) -> Formats:
    return _BabelLater(code)


class _BabelLater:
    """Babel's formats for ``code``, Babel imported at the first date shown: a window
    that shows none (most stretch windows) starts ~30 ms sooner."""

    def __init__(self, code: str) -> None:
        self.code = code

    @cached_property
    def _formats(self) -> Formats:
        from babel import Locale, UnknownLocaleError

        from qlbreak.language.formats import BabelFormats

        try:
            return BabelFormats(Locale.parse(self.code))
        except (ValueError, UnknownLocaleError):
            return ENGLISH.formats  # a test locale ("qps"): its words, English dates

    def clock(self, at: time | datetime) -> str:
        return ENGLISH.formats.clock(at)  # "HH:mm" in every language here: no Babel for the tray's times

    def weekday(self, day: date) -> str:
        return self._formats.weekday(day)

    def day(self, day: date) -> str:
        return self._formats.day(day)

    def long_day(self, day: date) -> str:
        return self._formats.long_day(day)

    def day_month(self, day: date) -> str:
        return self._formats.day_month(day)

    def month_year(self, day: date) -> str:
        return self._formats.month_year(day)

    def weekday_names(self) -> tuple[str, ...]:
        return self._formats.weekday_names()
