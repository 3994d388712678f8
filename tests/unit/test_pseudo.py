"""The pseudo-locale's own rule: what counts as one whole translated string."""

from __future__ import annotations

import pytest

from qlbreak.core.words import _, using
from tests import pseudo


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("⟦Šţréţçh ñöw⟧", True),
        ("1. ⟦Šţàñd⟧", True),  # a number before it
        ("0:24", True),  # no words
        ("qlbreak", True),
        ("⟦Ñéxţ: ⟦Möŕñîñg⟧ àţ 09:30⟧", True),  # a translated word in a blank
        ("Stretch now", False),  # never translated
        ("⟦Šéţ 2⟧ · ⟦léfţ⟧", False),  # two pieces glued
        ("Next: ⟦Möŕñîñg⟧", False),  # an English frame round a translated word
        ("⟦Šţréţçh", False),  # cut
        ("Mon", True),  # a date: the language's own rules, not the catalogue
        ("⟦Ñéxţ öñ {day}⟧".replace("{day}", "Thu 3 Dec"), True),
        ("Monitor", False),
    ],
)
def test_whole(text: str, ok: bool) -> None:
    assert pseudo.whole(text) is ok


def test_the_pseudo_locale_marks_a_real_string() -> None:
    with using(pseudo.words()):
        shown = _("Settings\u2026")
    assert shown.startswith("⟦") and shown.endswith("⟧") and pseudo.unmarked([shown]) == []
