"""A shipped stretch in the user's language: each text field looked up in the catalogue
with the stretch's id as its context (``language/extract.py`` puts them there the same
way). The files stay English; the user's own stretches are theirs, never translated.
"""

from __future__ import annotations

from dataclasses import replace

from qlbreak.core.words import pgettext
from qlbreak.stretches.catalogue import Catalogue, Level, Stretch, Variant


def _say(context: str, text: str) -> str:
    return pgettext(context, text) if text else text


def _steps(context: str, steps: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_say(context, s) for s in steps)


def _variant(context: str, v: Variant) -> Variant:
    return replace(
        v,
        name=_say(context, v.name),
        steps=_steps(context, v.steps),
        left=_say(context, v.left),
        right=_say(context, v.right),
    )


def _level(context: str, level: Level | None) -> Level | None:
    return None if level is None else replace(level, name=_say(context, level.name), steps=_steps(context, level.steps))


def stretch(s: Stretch) -> Stretch:
    """``s`` in the process's language (``core.words``); ``s`` itself when it is the user's own."""
    if s.own:
        return s

    def say(text: str) -> str:
        return _say(s.id, text)

    return replace(
        s,
        name=say(s.name),
        summary=say(s.summary),
        left=say(s.left),
        right=say(s.right),
        before=say(s.before),
        how_often=say(s.how_often),
        breath=say(s.breath),
        gently=say(s.gently),
        steps=_steps(s.id, s.steps),
        variants=tuple(_variant(s.id, v) for v in s.variants),
        easier=_level(s.id, s.easier),
        harder=_level(s.id, s.harder),
    )


def catalogue(shipped: Catalogue) -> Catalogue:
    """Every stretch of ``shipped`` in the process's language, in the same order."""
    return Catalogue(tuple(stretch(s) for s in shipped))
