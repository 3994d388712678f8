"""Babel's extractor for the stretch catalogue (``babel.cfg``): every text field of each
``*.toml``, with the stretch's id as the context, so a translator sees which stretch a
step belongs to, and the same English in two stretches may read differently."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from typing import IO, Any

# The catalogue's text fields (ids, numbers and vocabulary words are not text: the
# vocabulary's labels are marked in core/vocabulary.py).
TEXT = ("name", "summary", "left", "right", "before", "how_often", "breath", "gently")
LISTS = ("steps",)
NESTED = ("easier", "harder")  # a level: name, steps


def texts(doc: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(where, text) for each text in one catalogue document, in file order of fields."""
    for key in TEXT:
        if isinstance(doc.get(key), str) and doc[key]:
            yield key, doc[key]
    for key in LISTS:
        for i, step in enumerate(doc.get(key) or (), 1):
            if isinstance(step, str):
                yield f"{key} {i}", step
    for equipment, variant in (doc.get("variants") or {}).items():
        for where, text in texts(variant):
            yield f"with a {equipment}: {where}", text
    for level in NESTED:
        if isinstance(doc.get(level), dict):
            for where, text in texts(doc[level]):
                yield f"{level} {where}", text


def extract_stretches(
    fileobj: IO[bytes], keywords: object, comment_tags: object, options: object
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    source = fileobj.read().decode("utf-8")
    doc = tomllib.loads(source)
    lines = source.splitlines()
    stretch = str(doc.get("id", ""))
    for where, text in texts(doc):
        first = text.split("\n")[0][:40]
        line = next((i for i, row in enumerate(lines, 1) if first and first in row), 1)
        yield line, "pgettext", (stretch, text), [f"{stretch}: {where}"]
