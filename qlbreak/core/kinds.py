"""The fixed names the app's parts share, as string enums so they cannot drift: the
history's record kinds (``core/``, ``storage/`` and the windows write and read them),
qlbreak's windows, and what a window answers when it ends.

A ``StrEnum`` member is its string: a record kind is stored in the history, and an
answer read from a window's stdout, as the plain word.
"""

from __future__ import annotations

from enum import StrEnum


class Record(StrEnum):
    """What one history record says happened."""

    FIRED = "fired"  # a reminder was shown
    DONE = "done"  # a stretch was done to the end
    PARTIAL = "partial"  # a stretch was done in part
    SKIPPED = "skipped"  # "skip today" answered a reminder
    SNOOZED = "snoozed"  # "later" answered a reminder
    MISSED = "missed"  # a reminder passed unanswered (or was never seen)
    SWITCHED = "switched"  # the user chose another stretch in the window
    CHECKIN = "checkin"  # the morning check-in, answered (a pain rating) or skipped (none)
    WARNED = "warned"  # the app said the data worries it (``worry``: which), with the warning signs
    PROGRAMME = "programme"  # a programme's mark (``programme``: which; ``mark``: start, pause, ...)


# A stretch was done, wholly or in part: the rotation, the streak and the menu count both.
STRETCHED = frozenset({Record.DONE, Record.PARTIAL})
# What settles an occurrence of the schedule: shown, or decided missed.
SETTLING = frozenset({Record.FIRED, Record.MISSED})


class Window(StrEnum):
    """Each of qlbreak's own windows (a child process each)."""

    STRETCH = "stretch"
    PROMPT = "prompt"
    MENU = "menu"
    TOOLTIP = "tooltip"
    SAFETY = "safety"
    SETTINGS = "settings"
    WELCOME = "welcome"
    PROGRESS = "progress"


class Answer(StrEnum):
    """What a window answers when it ends (its one line), besides an action name (the
    prompt's and the menu's: ``commands.ACTIONS``)."""

    DONE = "done"  # the stretch window: done to the end
    PARTIAL = "partial"  # the stretch window: stopped part-way
    SAVED = "saved"  # the settings or the welcome window saved the settings
    SAVED_LOGIN_ON = "saved autostart=on"  # ... and start at login is to be on
    SAVED_LOGIN_OFF = "saved autostart=off"  # ... or off


def answer(line: str | None) -> Answer | None:
    """The answer a window's line means; None for anything else."""
    try:
        return Answer(line) if line is not None else None
    except ValueError:
        return None
