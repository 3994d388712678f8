"""Which language to speak: the setting (``[general] language``), else the first of the
system's preferred languages this install has, else English. Pure.

A code is matched whole first, then by its language alone: "de_AT.UTF-8" and "de-CH"
speak "de"; "pt_BR" would take "pt_BR" before "pt". "C" and "POSIX" mean English.
"""

from __future__ import annotations

from collections.abc import Sequence

SYSTEM = "system"  # the setting's value for "the system's language" (and its default)


def normalise(code: str) -> str:
    """ "de_AT.UTF-8@euro" -> "de_AT"; "de-CH" -> "de_CH"; "C" -> "en"."""
    code = code.split(".", maxsplit=1)[0].split("@", maxsplit=1)[0].replace("-", "_").strip()
    if code in ("", "C", "POSIX"):
        return "en"
    parts = code.split("_")
    return "_".join([parts[0].lower(), *(p.upper() if len(p) == 2 else p for p in parts[1:])])


def match(wanted: str, available: Sequence[str]) -> str | None:
    """The catalogue for ``wanted``: itself, else its language alone; None if neither."""
    code = normalise(wanted)
    for candidate in (code, code.split("_")[0]):
        if candidate in available:
            return candidate
    return None


def pick(setting: str, system: Sequence[str], available: Sequence[str]) -> str:
    """The language to speak. ``setting``: a code or ``system``; ``system``: the
    system's preferred languages, most preferred first."""
    if setting and setting != SYSTEM:
        chosen = match(setting, available)
        if chosen is not None:
            return chosen
    for wanted in system:
        chosen = match(wanted, available)
        if chosen is not None:
            return chosen  # "en_US" before "de" on the list: English ("en" is always there)
    return "en"
