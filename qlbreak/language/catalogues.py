"""The compiled catalogues: which languages this install has, and one loaded as ``Words``.

The ``.po`` files live in ``po/`` (one per language, ``de.po``); the install compiles
each to ``mo/<code>/LC_MESSAGES/qlbreak.mo`` (``compile.py``, run by ``setup.py``'s
build and by ``scripts/test.sh`` for a checkout). English is the msgids themselves.
"""

from __future__ import annotations

import gettext
import logging
from functools import cache
from pathlib import Path

from qlbreak.core.words import ENGLISH, Formats, Words

DOMAIN = "qlbreak"
HERE = Path(__file__).resolve().parent
PO = HERE / "po"
MO = HERE / "mo"

log = logging.getLogger(__name__)


def available(folder: Path = MO) -> tuple[str, ...]:
    """English and every language with a compiled catalogue, English first."""
    try:
        found = sorted(p.parent.parent.name for p in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    except OSError:
        found = []
    return ("en", *(code for code in found if code != "en"))


@cache
def load(code: str, folder: Path = MO) -> Words:
    """``code``'s words and dates; English when it is English or its catalogue is
    missing or unreadable (one log line: a broken install, not the user's doing)."""
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
    from babel import Locale, UnknownLocaleError

    from qlbreak.language.formats import BabelFormats

    try:
        return BabelFormats(Locale.parse(code))
    except (ValueError, UnknownLocaleError):
        return ENGLISH.formats  # a test locale ("qps"): its words, English dates
