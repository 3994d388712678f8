"""Reading single values out of ``config.toml``'s tables: each fault becomes a
``Problem`` at its file:line, and the caller gets the value to go on with (``kept``:
the default at start, the value in use once running). ``config._Reader`` reads the
sections with these; kept apart so that each part stays short enough to read.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from typing import Any

from qlbreak import clock
from qlbreak.core.words import _
from qlbreak.storage.config_words import close, minutes_problem, shown
from qlbreak.storage.tomlfile import Located, Problem

Keys = Mapping[tuple[str, ...], tuple[str, ...]]
TIGHTER_RANGE = (1.0, 2.0)  # the tighter side's hold, against the other's: the same, up to twice as long


def tighter_problem(value: object) -> str | None:
    """What is wrong with ``[checkin] tighter``: a number (whole or not) in ``TIGHTER_RANGE``."""
    low, high = TIGHTER_RANGE
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and low <= value <= high:
        return None
    return _(
        "tighter must be a number from {low} (held as long as the other side) to {high} (twice as long), not {value}"
    ).format(low=f"{low:.1f}", high=f"{high:.1f}", value=shown(value))


class Values:
    """The problems found so far in ``doc``, and the readers that add to them."""

    def __init__(self, doc: Located, keys: Keys) -> None:
        self.doc, self.keys = doc, keys
        self.problems: list[Problem] = []

    def _table(self, name: str) -> dict[str, Any]:
        value = self.doc.data.get(name, {})
        if not isinstance(value, dict):
            # Translators: {name} is a section's name in the file ("schedule"); keep [{name}] as it is.
            message = _("{name} is a section: write [{name}] on a line of its own, its settings below it")
            self._error((name,), message.format(name=name))
            return {}
        self._unknown_keys((name,), value)
        return value

    def _timezone(self, table: dict[str, Any], kept: str) -> str:
        value = table.get("timezone", clock.LOCAL)
        if not isinstance(value, str):
            self._error(
                ("schedule", "timezone"), _('timezone must be a name in quotes, such as "Europe/Berlin" or "local"')
            )
            return kept
        try:
            clock.zone(value) if value != clock.LOCAL else None
        except clock.UnknownZone as err:
            self._error(("schedule", "timezone"), str(err))
            return kept
        return value

    def _minutes(self, table: dict[str, Any], key: str, default: int, low: int, high: int, kept: int) -> int:
        value = table.get(key, default)
        problem = minutes_problem(key, value, low, high)
        if problem:
            self._error(("schedule", key), problem)
            return kept
        return int(value)

    def _bool(
        self, table: dict[str, Any], key: str, default: bool, kept: bool, *, table_name: str = "stretches"
    ) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            # Translators: {key} is a setting's name in the file; true and false stay in English (the file's words).
            message = _("{key} must be true or false (without quotes), not {value}")
            self._error((table_name, key), message.format(key=key, value=shown(value)))
            return kept
        return value

    def _tighter(self, table: dict[str, Any], default: float, kept: float) -> float:
        value = table.get("tighter", default)
        problem = tighter_problem(value)
        if problem:
            self._error(("checkin", "tighter"), problem)
            return kept
        return float(value)

    def _words(
        self,
        table: dict[str, Any],
        key: str,
        known: Collection[str],
        default: frozenset[str],
        kept: frozenset[str],
        kind: str = "thing",
    ) -> frozenset[str]:
        value = table.get(key)
        if value is None:
            return default
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            example = '["chair", "door-frame"]' if key == "equipment" else '["seated-twist"]'
            message = _("{key} must be a list in square brackets, such as {example}")
            self._error(("stretches", key), message.format(key=key, example=example))
            return kept
        for word in value:
            if word not in known:
                self._error(("stretches", key), _unknown_word(word, key, known, kind))
                return kept
        return frozenset(value)

    # -- reporting ------------------------------------------------------------------

    def _unknown_keys(
        self, where: tuple[str | int, ...], table: dict[str, Any], schema: tuple[str, ...] | None = None
    ) -> None:
        known = self.keys[schema if schema is not None else tuple(str(w) for w in where)]
        for key in table:
            if key not in known:
                message = _unknown_key(key, str(where[0]) if where else None, close(key, known, n=1))
                self.problems.append(self.doc.problem((*where, key), message, warning=True))

    def _error(self, key: tuple[str | int, ...], message: str) -> None:
        self.problems.append(self.doc.problem(key, message))


# -- words: one whole sentence for each case, so that a translator can order each ------------


def _unknown_word(word: str, key: str, known: Collection[str], kind: str) -> str:
    """A word in a list of the file (``equipment``, ``avoid``) that is not one qlbreak knows."""
    hint = close(word, list(known), n=1)
    if kind == "stretch":
        if hint:
            # Translators: {word} and {hint} are stretch ids as written in the file; {key} a setting's name.
            return _("{word} in {key} is not a stretch qlbreak knows; did you mean {hint}?").format(
                word=shown(word), key=key, hint=shown(hint[0])
            )
        # Translators: "qlbreak list" is a command: keep it as it is.
        return _("{word} in {key} is not a stretch qlbreak knows; qlbreak list shows them all").format(
            word=shown(word), key=key
        )
    if hint:
        return _("{word} in {key} is not a thing qlbreak knows; did you mean {hint}?").format(
            word=shown(word), key=key, hint=shown(hint[0])
        )
    # Translators: {known} lists the words the file may use ("none, chair, door-frame"): keep them in English.
    return _("{word} in {key} is not a thing qlbreak knows; use any of {known}").format(
        word=shown(word), key=key, known=", ".join(known)
    )


def _unknown_key(key: str, table: str | None, hint: list[str]) -> str:
    """A warning: a setting in the file that qlbreak does not know, left out."""
    if table is not None and hint:
        # Translators: {key} and {hint} are settings' names in the file; [{table}] a section of it.
        return _(
            "'{key}' in [{table}] is not a setting qlbreak knows \N{EM DASH} did you mean '{hint}'? It was left out"
        ).format(key=key, table=table, hint=hint[0])
    if table is not None:
        return _("'{key}' in [{table}] is not a setting qlbreak knows; it was left out").format(key=key, table=table)
    if hint:
        return _("'{key}' is not a setting qlbreak knows \N{EM DASH} did you mean '{hint}'? It was left out").format(
            key=key, hint=hint[0]
        )
    return _("'{key}' is not a setting qlbreak knows; it was left out").format(key=key)
