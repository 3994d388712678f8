"""A programme's standing read from the history, and its marks written there: the one
place the tray, the Settings and Progress windows and the command line go through, so
they all see the same course (nothing about a programme is kept anywhere else; a
running tray reads it again on its next tick)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from qlbreak.core import programme_offers, programmes
from qlbreak.core.kinds import Record
from qlbreak.core.programmes import Exercise, Mark, Programme, Standing
from qlbreak.storage.history import Event, History


class Refused(ValueError):
    """The mark cannot be made now; the message says why in one plain line."""

    def __init__(self, message: str, standing: Standing | None) -> None:
        super().__init__(message)
        self.standing = standing  # where the programme stood


def standing(history: History, known: Mapping[str, Exercise], now: datetime) -> Standing | None:
    """Where the latest course stands (None: no programme was ever started)."""
    return programmes.standing(history.marks(), history.finished(), known, now)


def mark(
    history: History, what: Mark, known: Mapping[str, Exercise], now: datetime, programme: Programme | None = None
) -> Standing | None:
    """Record ``what`` when the rules allow it (else ``Refused``, and nothing is written);
    the standing after it. ``programme``: the one to start, or the one offered, declined
    or said finished; pause, resume and stop act on the course under way."""
    before = standing(history, known, now)
    why = programmes.refusal(before, what, programme)
    if why is not None:
        raise Refused(why, before)
    if what in programmes.COURSE_MARKS - {Mark.START} and before is not None:
        programme = before.programme
    if programme is None:
        raise ValueError(f"{what}: which programme?")
    history.record(Event(now, Record.PROGRAMME, programme=programme.id, mark=what))
    return standing(history, known, now)


def offer_strengthening(
    history: History, known: Mapping[str, Exercise], workdays: frozenset[int], now: datetime
) -> bool:
    """Whether to offer strengthening now (``programme_offers.OFFER_RULES``); the app
    records ``Mark.OFFERED`` with ``mark`` when it does, so it never asks again."""
    return programme_offers.offer_strengthening(history.marks(), history.finished(), known, workdays, now)


def release_then_stretch(history: History, known: Mapping[str, Exercise], now: datetime) -> frozenset[str] | None:
    """The stretches the picker should keep to next after a ball release today, or None."""
    return programme_offers.release_then_stretch(history.finished(), known, now)
