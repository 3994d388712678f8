"""A stand-in language for unit tests: every translated string comes back between ⟦ and
⟧, so a test sees at once what never went through the catalogue, and how a sentence was
cut. (The GUI tests use the real compiled pseudo-locale: tests/pseudo.py.)"""

from __future__ import annotations

import gettext


class Marked(gettext.NullTranslations):
    """Every translated string between ⟦ and ⟧: what is not marked was never translated."""

    def gettext(self, message: str) -> str:
        return f"\u27e6{message}\u27e7"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self.ngettext(msgid1, msgid2, n)
