"""The translation catalogue's chores, with Babel:

    python -m tools.i18n.catalogue extract   # the words -> qlbreak/language/po/qlbreak.pot
    python -m tools.i18n.catalogue update    # each <code>.po brought up to the template
    python -m tools.i18n.catalogue check     # msgfmt --check, no fuzzy, no empty, same blanks
    python -m tools.i18n.catalogue compile   # the .mo files for a checkout

``pseudo`` builds the test locale: every string marked ⟦…⟧ with its letters accented, the
blanks (``{name}``, ``%(prog)s``) untouched, so a GUI test sees at once any visible text
that did not come through the catalogue whole.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from qlbreak.language.catalogues import DOMAIN, PO
from qlbreak.language.compile import compile_all

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = PO / f"{DOMAIN}.pot"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3)}
BLANK = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sdr]|%[sdr]")
OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧


def template() -> Catalog:
    """Every marked string in the code and every text of the catalogue files."""
    with open(ROOT / "babel.cfg") as file:
        method_map, options_map = parse_mapping_cfg(file)  # type: ignore[no-untyped-call]
    catalog = Catalog(project="qlbreak", domain=DOMAIN, msgid_bugs_address="", charset="utf-8")
    for path, line, message, comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True
    ):
        catalog.add(message, None, [(path, line)], auto_comments=comments, context=context)
    return catalog


def _write(path: Path, catalog: Catalog) -> None:
    with open(path, "wb") as file:
        write_po(file, catalog, width=0, sort_by_file=True, omit_header=False)


def languages() -> list[Path]:
    return sorted(PO.glob("*.po"))


def update() -> None:
    with open(TEMPLATE, "rb") as file:
        pot = read_po(file)
    for path in languages():
        with open(path, "rb") as file:
            po = read_po(file, locale=path.stem)
        po.update(pot, no_fuzzy_matching=True)
        _write(path, po)


def problems(path: Path) -> Iterator[str]:
    """What keeps a language from shipping: msgfmt's complaints, fuzzy or empty entries,
    and a translation whose blanks differ from the English ones."""
    if shutil.which("msgfmt"):
        run = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(path)], check=False, capture_output=True, text=True
        )
        yield from (line for line in run.stderr.splitlines() if line.strip())
    with open(path, "rb") as file:
        po = read_po(file, locale=path.stem)
    for message in po:
        if not message.id:
            continue
        where = f"{path.name}:{message.lineno}"
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        strs = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if message.fuzzy:
            yield f"{where}: fuzzy: {ids[0]!r}"
        if not all(strs):
            yield f"{where}: not translated: {ids[0]!r}"
            continue
        wanted = sorted(BLANK.findall(ids[-1]))
        for text in strs:
            found = BLANK.findall(text or "")
            if sorted(found) != wanted and not (len(strs) > 1 and set(found) <= set(wanted)):
                yield f"{where}: the blanks {wanted} differ in {text!r}"


_ACCENTS = str.maketrans("aceinostuyACEINOSTUY", "àçéîñöšţûýÀÇÉÎÑÖŠŢÛÝ")


def pseudo_text(text: str) -> str:
    """⟦Šţŕéţçh ñöŵ⟧: accented letters, the blanks kept, marked at both ends."""
    if not text:
        return text
    pieces, last = [], 0
    for blank in BLANK.finditer(text):
        pieces.append(text[last : blank.start()].translate(_ACCENTS))
        pieces.append(blank.group())
        last = blank.end()
    pieces.append(text[last:].translate(_ACCENTS))
    return OPEN + "".join(pieces) + CLOSE


def pseudo(out: Path, code: str = "qps") -> Path:
    """The pseudo-locale's ``.mo`` under ``out`` (``out/<code>/LC_MESSAGES``)."""
    catalog = Catalog(locale="en", domain=DOMAIN, charset="utf-8")
    for message in template():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        string = tuple(pseudo_text(i) for i in ids) if len(ids) > 1 else pseudo_text(ids[0])
        catalog[message.id] = Message(message.id, string, context=message.context)
    target = out / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as file:
        write_mo(file, catalog)
    return target


def main(argv: list[str]) -> int:
    what = argv[0] if argv else ""
    if what == "extract":
        _write(TEMPLATE, template())
    elif what == "update":
        update()
    elif what == "compile":
        compile_all()
    elif what == "check":
        found = [p for path in languages() for p in problems(path)]
        print("\n".join(found) or f"{len(languages())} languages: complete")
        return 1 if found else 0
    elif what == "pseudo" and len(argv) == 2:
        print(pseudo(Path(argv[1])))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
