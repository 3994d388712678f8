"""The words of the settings' rules: what is wrong with a value, in words that fit both
a ``file:line`` report of a hand edit and the settings or welcome window (a person who
is not a programmer reads both)."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import time

from qlbreak.core.words import N_, _

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def read_time(value: object) -> time | str:
    """A reminder's time, or what is wrong with it: the loader's and the settings
    window's one rule (a TOML time, or "HH:MM" on a 24-hour clock)."""
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, str) and (match := _TIME.match(value.strip())):
        return time(int(match.group(1)), int(match.group(2)))
    if isinstance(value, str) and not value.strip():
        return _('time is missing: write it as HH:MM on a 24-hour clock, such as "09:30" or "14:15"')
    # Translators: {value} is what the file or the field says, as written there ("9.30", "noon").
    return _('time must be HH:MM on a 24-hour clock, such as "09:30" or "14:15", not {value}').format(
        value=shown(value)
    )


def minutes_problem(key: str, value: object, low: int, high: int) -> str | None:
    """What is wrong with a number of minutes, in words that fit both the file
    (``key`` is its name there) and the settings window (``key`` is the field's label)."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        if isinstance(value, str) and not value.strip():
            # Translators: {key} is the setting's name in the file ("snooze_minutes") or its label.
            return _("{key} needs a number of minutes, from {low} to {high}").format(key=key, low=low, high=high)
        # Translators: {key} is the setting's name in the file ("snooze_minutes") or its label.
        return _("{key} must be a whole number of minutes from {low} to {high}, not {value}").format(
            key=key, low=low, high=high, value=shown(value)
        )
    return None


def shown(value: object) -> str:
    """A value as the file would write it: "text" in double quotes, true, 5, [..]."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return _("a section of settings")
    return str(value)


# Marked here, translated where shown: ``_(NO_NAME)``.
NO_NAME = N_('give this reminder a name, such as "morning"')
NO_DAY = N_("pick at least one day")


def used_twice(name: str) -> str:
    return _("two reminders are called {name}: give each its own name").format(name=shown(name))


def one_of(key: str, value: object, choices: Collection[str]) -> str:
    names = [shown(c) for c in choices]
    hint = close(value, choices, n=1) if isinstance(value, str) else []
    words = {"key": key, "some": ", ".join(names[:-1]), "last": names[-1], "value": shown(value)}
    if hint:
        # Translators: {key} is a setting's name in the file; {some}, {last} and {hint} its allowed values.
        return _("{key} must be {some} or {last}, not {value} (did you mean {hint}?)").format(
            hint=shown(hint[0]), **words
        )
    # Translators: {key} is a setting's name in the file; {some} and {last} its allowed values.
    return _("{key} must be {some} or {last}, not {value}").format(**words)


def close(word: str, known: Collection[str], n: int = 1) -> list[str]:
    import difflib  # only when something is wrong: keeps start-up short

    return difflib.get_close_matches(word, list(known), n=n)
