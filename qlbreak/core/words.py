"""The words the user reads, in their language: the one process-wide setting in core.

Every user-facing string is marked where it is written, so Babel finds it (``babel.cfg``)
and a translator sees whole sentences with named blanks, never pieces glued together::

    _("Stretch now")
    ngettext("{n} stretch", "{n} stretches", n).format(n=n)
    pgettext("tray menu", "Pause")          # the same English, two meanings
    N_("Morning")                           # in a table: marked, translated where shown

A string in a table built at import is marked with ``N_`` and passed through ``_`` where
it is shown: ``_`` at import would freeze the language of that moment. Log lines are not
translated (they are for whoever reads the log to help).

The language is process-wide, like the locale: the edge (``qlbreak.language``) loads a
catalogue and hands it to ``use`` at start and when Settings changes it; until then the
words are English (the msgids) with English dates. This holder is the one piece of state
in core; tests choose a language with ``using``. Dates and times go through the same
``Words`` (``day``, ``clock``...), so core needs no Babel: an English ``Words`` formats
with the standard library, any other with Babel (supplied by ``qlbreak.language``).
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Protocol


class Formats(Protocol):
    """Dates and times the way the user's language writes them."""

    def clock(self, at: time | datetime) -> str:
        """A time of day, or a moment's (in its own zone): "12:30"."""
        ...

    def weekday(self, day: date) -> str:
        """A weekday, short: "Thu"."""
        ...

    def day(self, day: date) -> str:
        """A day, short: "Thu 3 Dec"."""
        ...

    def long_day(self, day: date) -> str:
        """A day, in full: "Thursday 3 December"."""
        ...

    def day_month(self, day: date) -> str:
        """A day without its weekday: "3 Dec"."""
        ...

    def month_year(self, day: date) -> str:
        """A month: "Dec 2026"."""
        ...

    def weekday_names(self) -> tuple[str, ...]:
        """Monday to Sunday, short: ("Mon", ... "Sun")."""
        ...


class EnglishFormats:
    """English dates with the standard library (24-hour clock, day before month)."""

    def clock(self, at: time | datetime) -> str:
        return f"{at:%H:%M}"

    def weekday(self, day: date) -> str:
        return ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[day.weekday()]

    def day(self, day: date) -> str:
        return f"{self.weekday(day)} {day.day} {_MONTHS[day.month - 1][:3]}"

    def long_day(self, day: date) -> str:
        names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
        return f"{names[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"

    def day_month(self, day: date) -> str:
        return f"{day.day} {_MONTHS[day.month - 1][:3]}"

    def month_year(self, day: date) -> str:
        return f"{_MONTHS[day.month - 1][:3]} {day.year}"

    def weekday_names(self) -> tuple[str, ...]:
        return ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Words:
    """One language: its code ("de"), its translations and its dates."""

    code: str
    translations: gettext.NullTranslations
    formats: Formats


ENGLISH = Words("en", gettext.NullTranslations(), EnglishFormats())

# The process's language: one slot, swapped whole (never edited), read on every string.
_current: list[Words] = [ENGLISH]


def use(words: Words) -> None:
    """From now on, this process speaks ``words``."""
    _current[0] = words


def current() -> Words:
    return _current[0]


@contextmanager
def using(words: Words) -> Iterator[Words]:
    """For tests and previews: ``words`` inside the block, the language before after it."""
    before = _current[0]
    _current[0] = words
    try:
        yield words
    finally:
        _current[0] = before


def _(message: str) -> str:
    return _current[0].translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current[0].translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _current[0].translations.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _current[0].translations.npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Marks a string for translation without translating it (a table's words)."""
    return message


def formats() -> Formats:
    return _current[0].formats
