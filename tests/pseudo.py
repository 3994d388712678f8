"""The pseudo-locale: every translated string comes out as ⟦…⟧ with accented letters
(``tools/i18n/catalogue.py pseudo``). A visible text that is not one whole marked string
either never went through the catalogue, or was glued from pieces a translator cannot
reorder: ``unmarked`` finds both."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from qlbreak.core.words import Words
from qlbreak.language.catalogues import load

CODE = "qps"
OPEN, CLOSE = "\u27e6", "\u27e7"
LETTER = re.compile(r"[^\W\d_]")  # a letter in any alphabet
BRAND = "qlbreak"  # the app's name, the same in every language
# Dates are written by the language's own rules (Babel), not the catalogue: the pseudo-
# locale writes them in English, so a day's or a month's name is not a missed string.
DATE_WORDS = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(day|sday|nesday|rsday|urday)?\b"
    r"|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
)


@cache
def folder() -> Path:
    """The pseudo-locale compiled once per test run (from the code as it is now)."""
    import tempfile

    from tools.i18n.catalogue import pseudo

    out = Path(tempfile.mkdtemp(prefix="qlbreak-pseudo-"))
    pseudo(out, CODE)
    return out


def words() -> Words:
    return load(CODE, folder())


def env() -> dict[str, str]:
    """What a child process needs to speak the pseudo-locale."""
    return {"QLBREAK_LOCALES": str(folder()), "LANGUAGE": CODE, "LC_ALL": "", "LANG": "C.UTF-8"}


def whole(line: str) -> bool:
    """True when ``line`` shows no words, or exactly one marked string (nested ones
    inside it are its blanks, filled) with only digits or signs around it ("1. ⟦…⟧")."""
    line = DATE_WORDS.sub("", line).strip()
    if not LETTER.search(line) or line == BRAND:
        return True
    start = line.find(OPEN)
    if start < 0 or LETTER.search(line[:start]):
        return False
    depth = 0
    for i in range(start, len(line)):
        depth += {OPEN: 1, CLOSE: -1}.get(line[i], 0)
        if depth == 0:
            return not LETTER.search(line[i + 1 :])
    return False


def unmarked(texts: Iterable[str]) -> list[str]:
    """Every line of ``texts`` that is not ``whole``: untranslated, or glued."""
    return [line for text in texts for line in text.splitlines() if not whole(line)]
