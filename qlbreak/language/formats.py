"""Dates and times in a language other than English, by Babel (the CLDR's patterns):
"Do., 3. Dez.", "Donnerstag, 3. Dezember". English keeps core's standard-library
formats (``core.words.EnglishFormats``), so an English tray never imports Babel
(~30 ms and ~4 MB, measured in benchmarks/language.py)."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time, get_day_names


class BabelFormats:
    """``core.words.Formats`` for one Babel locale; the clock is always 24-hour, as in
    English (a reminder at "12:30" reads the same in every language here)."""

    def __init__(self, locale: Locale) -> None:
        self.locale = locale
        full = locale.date_formats["full"].pattern
        # The full pattern without its year: "EEEE, d. MMMM y" -> "EEEE, d. MMMM".
        self._long = re.sub(r"[\s,.]*y+[\s.]*$|^y+[\s.,/-]*", "", full).strip() or full

    def clock(self, at: time | datetime) -> str:
        wall = at.time() if isinstance(at, datetime) else at  # the moment's own zone, never the machine's
        return format_time(wall, "HH:mm", locale=self.locale)

    def weekday(self, day: date) -> str:
        return str(get_day_names("abbreviated", locale=self.locale)[day.weekday()])

    def day(self, day: date) -> str:
        return format_skeleton("MMMEd", day, locale=self.locale)

    def long_day(self, day: date) -> str:
        return format_date(day, self._long, locale=self.locale)

    def day_month(self, day: date) -> str:
        return format_skeleton("MMMd", day, locale=self.locale)

    def month_year(self, day: date) -> str:
        return format_skeleton("yMMM", day, locale=self.locale)

    def weekday_names(self) -> tuple[str, ...]:
        names = get_day_names("abbreviated", locale=self.locale)
        return tuple(str(names[i]) for i in range(7))
