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
from qlbreak.storage.config_words import close, minutes_problem, shown
from qlbreak.storage.tomlfile import Located, Problem

Keys = Mapping[tuple[str, ...], tuple[str, ...]]
TIGHTER_RANGE = (1.0, 2.0)  # the tighter side's hold, against the other's: the same, up to twice as long


def tighter_problem(value: object) -> str | None:
    """What is wrong with ``[checkin] tighter``: a number (whole or not) in ``TIGHTER_RANGE``."""
    low, high = TIGHTER_RANGE
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and low <= value <= high:
        return None
    return (
        f"tighter must be a number from {low:.1f} (held as long as the other side) to {high:.1f}"
        f" (twice as long), not {shown(value)}"
    )


class Values:
    """The problems found so far in ``doc``, and the readers that add to them."""

    def __init__(self, doc: Located, keys: Keys) -> None:
        self.doc, self.keys = doc, keys
        self.problems: list[Problem] = []

    def _table(self, name: str) -> dict[str, Any]:
        value = self.doc.data.get(name, {})
        if not isinstance(value, dict):
            self._error((name,), f"{name} is a section: write [{name}] on a line of its own, its settings below it")
            return {}
        self._unknown_keys((name,), value)
        return value

    def _timezone(self, table: dict[str, Any], kept: str) -> str:
        value = table.get("timezone", clock.LOCAL)
        if not isinstance(value, str):
            self._error(
                ("schedule", "timezone"), 'timezone must be a name in quotes, such as "Europe/Berlin" or "local"'
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
            self._error((table_name, key), f"{key} must be true or false (without quotes), not {shown(value)}")
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
            self._error(("stretches", key), f"{key} must be a list in square brackets, such as {example}")
            return kept
        for word in value:
            if word not in known:
                hint = close(word, list(known), n=1)
                if hint:
                    also = f"; did you mean {shown(hint[0])}?"
                elif kind == "stretch":
                    also = "; qlbreak list shows them all"
                else:
                    also = f"; use any of {', '.join(known)}"
                self._error(("stretches", key), f"{shown(word)} in {key} is not a {kind} qlbreak knows{also}")
                return kept
        return frozenset(value)

    # -- reporting ------------------------------------------------------------------

    def _unknown_keys(
        self, where: tuple[str | int, ...], table: dict[str, Any], schema: tuple[str, ...] | None = None
    ) -> None:
        known = self.keys[schema if schema is not None else tuple(str(w) for w in where)]
        for key in table:
            if key not in known:
                hint = close(key, known, n=1)
                also = f" \N{EM DASH} did you mean '{hint[0]}'? It was" if hint else "; it was"
                place = f" in [{where[0]}]" if where else ""
                message = f"'{key}'{place} is not a setting qlbreak knows{also} left out"
                self.problems.append(self.doc.problem((*where, key), message, warning=True))

    def _error(self, key: tuple[str | int, ...], message: str) -> None:
        self.problems.append(self.doc.problem(key, message))
