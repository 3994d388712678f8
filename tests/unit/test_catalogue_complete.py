"""Every language ships complete: the template holds what the code marks today, and each
``.po`` has every entry translated, nothing fuzzy, every blank kept, msgfmt content."""

from __future__ import annotations

from babel.messages.pofile import read_po

from tools.i18n.catalogue import TEMPLATE, languages, problems, template


def _keys(catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


def test_the_template_holds_what_the_code_marks():
    with open(TEMPLATE, "rb") as file:
        committed = _keys(read_po(file))
    marked = _keys(template())
    assert marked - committed == set(), "new strings: run python -m tools.i18n.catalogue extract, then update"
    assert committed - marked == set(), "strings no longer marked: run extract, then update"


def test_german_ships():
    assert [p.stem for p in languages()] == ["de"]


def test_every_language_is_complete():
    for path in languages():
        found = list(problems(path))
        assert found == [], "\n".join(found[:30])
        with open(path, "rb") as file:
            assert _keys(read_po(file)) >= _keys(template()), f"{path.name} lacks entries: run update"
