"""The report's words (``charts/report.py``): its title and the weeks it covers, the
glance, the side balance and the warning signs in sentences, the legend's feelings, and
times and days as the reader's language writes them. Apart to keep that module short."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from qlbreak.core.checkin import WORRIES
from qlbreak.core.progress import DAYS, Progress, Rated
from qlbreak.core.words import _, formats, ngettext, pgettext

SENTENCES = 10  # the glance's lines at the top, at most


def glance(progress: Progress) -> list[str]:
    """The window's sentences, at most ``SENTENCES`` of them (a stretch that hurt has one
    each: the chart below names them all)."""
    said = list(progress.sentences)
    if len(said) <= SENTENCES:
        return said
    more = len(said) - SENTENCES + 1
    return [
        *said[: SENTENCES - 1],
        ngettext("And {n} more: each stretch is below", "And {n} more: each stretch is below", more).format(n=more),
    ]


def title(progress: Progress) -> str:
    """The PDF's title, as a viewer shows it."""
    # Translators: the report's title in a PDF viewer; {weeks} is the weeks it covers.
    return _("Back stretches: {weeks}").format(weeks=weeks(progress))


def weeks(progress: Progress) -> str:
    """The weeks covered, as people write dates: ``Mon 2 Nov \u2013 Sun 29 Nov 2026``."""
    start, end, n = progress.start, progress.today, DAYS // 7
    days = {"start": formats().day(start), "end": formats().day(end), "weeks": n}
    if start.year != end.year:
        # Translators: the weeks a report covers across a new year: "Mon 29 Dec 2025 \u2013 Sun 25 Jan 2026 (4 weeks)".
        text = ngettext(
            "{start} {start_year} \u2013 {end} {year} ({weeks} week)",
            "{start} {start_year} \u2013 {end} {year} ({weeks} weeks)",
            n,
        )
        return text.format(**days, start_year=start.year, year=end.year)
    # Translators: the weeks a report covers: "Mon 2 Nov \u2013 Sun 29 Nov 2026 (4 weeks)".
    text = ngettext("{start} \u2013 {end} {year} ({weeks} week)", "{start} \u2013 {end} {year} ({weeks} weeks)", n)
    return text.format(**days, year=end.year)


def side_words(progress: Progress) -> str:
    """The side balance in words: which side was held longer, and by how much."""
    left, right = progress.left, progress.right
    if left < 1 and right < 1:
        return _("No time held on each side recorded yet.")
    if min(left, right) < 1:
        # Translators: {time} is how long, e.g. "12 min".
        only = _("Only the left side recorded: {time}.") if left >= 1 else _("Only the right side recorded: {time}.")
        return only.format(time=minutes(max(left, right)))
    longer = max(left, right) / min(left, right) - 1
    if longer < 0.1:
        same = _("Left and right held about the same: {left} and {right}.")
        return same.format(left=minutes(left), right=minutes(right))
    # Translators: {left} and {right} are how long each side was held, e.g. "15 min left, 10 min right".
    held = _("{left} left, {right} right").format(left=minutes(left), right=minutes(right))
    # Translators: a percentage, "50%".
    percent = _("{n}%").format(n=round(longer * 100))
    if left >= right:
        # Translators: {percent} is "50%"; {held} the times, e.g. "15 min left, 10 min right".
        text = _("Left side held {percent} longer than the right: {held}.")
    else:
        # Translators: {percent} is "50%"; {held} the times, e.g. "15 min left, 10 min right".
        text = _("Right side held {percent} longer than the left: {held}.")
    return text.format(percent=percent, held=held)


def signs(progress: Progress) -> list[str]:
    """The warning signs answered, in words: leg symptoms (the days), worries said."""
    said = []
    legs = sorted({s.day for s in progress.signs if s.leg})
    if legs:
        on = day_list(legs) if len(legs) <= 4 else many_days(legs)
        # Translators: {days} lists days, "Thu 3 Dec, Fri 4 Dec", or says "6 days, the last Fri 4 Dec".
        said.append(_("New pain, numbness or tingling down a leg: yes, on {days}.").format(days=on))
    for worry, text in WORRIES.items():  # each once, with the days it was said
        on_days = sorted({s.day for s in progress.signs if not s.leg and s.worry is worry})
        if on_days:
            on = day_list(on_days) if len(on_days) <= 3 else many_days(on_days)
            # Translators: {days} as above; {worry} is a sentence of its own, such as "Your last
            # stretches all felt worse afterwards."
            said.append(_("Said on {days}: {worry}").format(days=on, worry=_(text)))
    if said:
        said.append(_("These are the times to see a health professional."))
    return said


def felt_words(felt: str) -> str:
    """How a stretch felt afterwards, in the legend (``FELT``'s keys are the record's)."""
    words = {
        "better": pgettext("how a stretch felt afterwards", "better"),
        "same": pgettext("how a stretch felt afterwards", "same"),
        "worse": pgettext("how a stretch felt afterwards", "worse"),
        "hurt": pgettext("how a stretch felt afterwards", "hurt"),
        "not rated": pgettext("how a stretch felt afterwards", "not rated"),
    }
    return words.get(felt, felt)


def label(name: str, r: Rated) -> str:
    if r.hurt:
        # Translators: a stretch's name in the report's chart, when it hurt at least once.
        return _("{name} (hurt)").format(name=name)
    # Translators: a stretch's name in the report's chart, when it helped.
    return _("{name} (helped)").format(name=name) if r.helped else name


def minutes(seconds: float) -> str:
    """A time held, rounded: "15 min", or "40 s" under a minute."""
    if seconds >= 60:
        n = round(seconds / 60)
        # Translators: minutes, short.
        return ngettext("{n} min", "{n} min", n).format(n=n)
    n = round(seconds)
    # Translators: seconds, short.
    return ngettext("{n} s", "{n} s", n).format(n=n)


def day(on: date) -> str:
    return formats().day(on)


def many_days(days: Sequence[date]) -> str:
    """Many days, said short: how many, and the last."""
    # Translators: days something was said, when more than a few: "6 days, the last Fri 4 Dec".
    text = ngettext("{n} day, the last {day}", "{n} days, the last {day}", len(days))
    return text.format(n=len(days), day=day(days[-1]))


def day_list(days: Sequence[date]) -> str:
    return ", ".join(day(d) for d in days)


def decimal(value: float) -> str:
    """A number to one decimal place, with the language's decimal mark: "4.5", "4,5"."""
    # Translators: the decimal mark of a mean pain rating, "4.5" (German: ",").
    return f"{value:.1f}".replace(".", pgettext("decimal mark", "."))
