"""A programme's standing in whole sentences, one per case (``programmes.Standing.words``):
a translator orders each sentence, where pieces glued together could not be."""

from __future__ import annotations

from qlbreak.core.words import _, ngettext


def paused_or_stopped(name: str, paused: bool, sessions: bool, n: int, length: int) -> str:
    """A course paused or stopped: after how many of its days or sessions (one whole
    sentence per case, so a translator can order each)."""
    if n and paused and sessions:
        text = ngettext(
            "{name}: paused after {n} of {length} session", "{name}: paused after {n} of {length} sessions", length
        )
    elif n and paused:
        # Translators: "Ball release: paused after 4 of 14 days".
        text = ngettext("{name}: paused after {n} of {length} day", "{name}: paused after {n} of {length} days", length)
    elif n and sessions:
        text = ngettext(
            "{name}: stopped after {n} of {length} session", "{name}: stopped after {n} of {length} sessions", length
        )
    elif n:
        text = ngettext(
            "{name}: stopped after {n} of {length} day", "{name}: stopped after {n} of {length} days", length
        )
    elif paused and sessions:
        # Translators: paused before the first session was done.
        text = _("{name}: paused before session 1 of {length}")
    elif paused:
        text = _("{name}: paused before day 1 of {length}")
    elif sessions:
        text = _("{name}: stopped before session 1 of {length}")
    else:
        text = _("{name}: stopped before day 1 of {length}")
    return text.format(name=name, n=n, length=length)
