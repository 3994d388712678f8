"""``po/<code>.po`` -> ``mo/<code>/LC_MESSAGES/qlbreak.mo``: run by ``setup.py``'s build
(so an install carries them) and by ``scripts/test.sh`` for a checkout. A fuzzy entry
is left out by Babel, as msgfmt does; ``tools/i18n/catalogue.py check`` fails on one.

    python -m qlbreak.language.compile [OUT]
"""

from __future__ import annotations

import sys
from pathlib import Path

from qlbreak.language.catalogues import DOMAIN, MO, PO


def compile_all(po: Path = PO, out: Path = MO) -> list[Path]:
    """Every ``.po`` in ``po`` compiled under ``out``; the ``.mo`` files written."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for source in sorted(po.glob("*.po")):
        with open(source, "rb") as file:
            catalog = read_po(file, locale=source.stem)
        target = out / source.stem / "LC_MESSAGES" / f"{DOMAIN}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as file:
            write_mo(file, catalog)
        written.append(target)
    return written


if __name__ == "__main__":
    for path in compile_all(out=Path(sys.argv[1]) if len(sys.argv) > 1 else MO):
        print(path)
