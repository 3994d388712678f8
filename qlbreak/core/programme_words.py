"""A programme's standing in whole sentences, one per case (``programmes.Standing.words``):
a translator orders each sentence, where pieces glued together could not be."""

from __future__ import annotations

from qlbreak.core.words import _, formats, ngettext

TYPE_CHECKING = False
if TYPE_CHECKING:
    from qlbreak.core.programmes import Standing


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


def under_its_name(standing: Standing) -> str:
    """Where a programme stands, said under its name (Settings, Programme: "Day 5 of
    14."): the tray's words without the name, each case its own sentence, so that no
    language has to begin with the name for it to be cut off."""
    from qlbreak.core.programmes import State  # that module says its standing with this one's words

    sessions, n, day, length = standing.programme.unit == "session", standing.sessions, standing.day, standing.length
    state = standing.state
    if state is State.UNDER_WAY:
        coming = standing.next_day
        if standing.done_today:
            text = _("Session {day} of {length}, done today.") if sessions else _("Day {day} of {length}, done today.")
        elif not standing.due and coming is not None:
            # Translators: {date} is "Thu 3 Dec": the next day a session counts.
            text = (
                _("Session {day} of {length}, next on {date}.")
                if sessions
                else _("Day {day} of {length}, next on {date}.")
            )
            return text.format(day=day, length=length, date=formats().day(coming))
        else:
            # Translators: where a programme stands, under its name: "Day 5 of 14."
            text = _("Session {day} of {length}.") if sessions else _("Day {day} of {length}.")
        return text.format(day=day, length=length)
    if state is State.DONE:
        if sessions:
            text = ngettext("All {length} session done.", "All {length} sessions done.", length)
        else:
            text = ngettext("All {length} day done.", "All {length} days done.", length)
        return text.format(length=length)
    return _paused_or_stopped_alone(state is State.PAUSED, sessions, n, length)


def _paused_or_stopped_alone(paused: bool, sessions: bool, n: int, length: int) -> str:
    """``paused_or_stopped`` without the name, as a sentence of its own."""
    if n and paused and sessions:
        text = ngettext("Paused after {n} of {length} session.", "Paused after {n} of {length} sessions.", length)
    elif n and paused:
        text = ngettext("Paused after {n} of {length} day.", "Paused after {n} of {length} days.", length)
    elif n and sessions:
        text = ngettext("Stopped after {n} of {length} session.", "Stopped after {n} of {length} sessions.", length)
    elif n:
        text = ngettext("Stopped after {n} of {length} day.", "Stopped after {n} of {length} days.", length)
    elif paused and sessions:
        text = _("Paused before session 1 of {length}.")
    elif paused:
        text = _("Paused before day 1 of {length}.")
    elif sessions:
        text = _("Stopped before session 1 of {length}.")
    else:
        text = _("Stopped before day 1 of {length}.")
    return text.format(n=n, length=length)
