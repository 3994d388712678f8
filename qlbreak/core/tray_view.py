"""What the tray shows, worked out from the app's state and ``now``.

Every backend renders these values: pystray's menu, and qlbreak's own popup on X11
(where pystray has no menu), so both menus always say the same. Actions are the
names of the commands the service loop understands (``ACTIONS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from qlbreak.core.reminder import OnShow, Stage
from qlbreak.core.schedule import Occurrence, OccurrenceKey, Reminder, next_occurrence

APP = "qlbreak"
DASH = "\u2014"


@dataclass(frozen=True)
class View:
    now: datetime
    coming: Occurrence | None = None
    reminder: OnShow | None = None  # the reminder on show, in whatever stage
    paused_until: datetime | None = None
    done_today: int = 0
    due_today: int = 0  # reminders that fall on today's date
    streak: int = 0
    autostart: bool | None = None  # None: no login item on this system
    snooze_minutes: int = 10
    waiting: str | None = None  # why a held reminder is held, in holds.WAITING's words
    programme: str | None = None  # where a programme stands ("Ball release: day 5 of 14")


@dataclass(frozen=True)
class Entry:
    """One menu line: ``action`` None means it only informs (shown disabled)."""

    label: str
    action: str | None = None
    checked: bool | None = None  # None: not a check item
    default: bool = False
    children: tuple[Entry, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "label": self.label,
            "action": self.action,
            "checked": self.checked,
            "default": self.default,
            "children": [c.as_json() for c in self.children],
        }


def due(view: View) -> OnShow | None:
    """The reminder the user sees now, waiting for an answer."""
    return view.reminder if view.reminder is not None and view.reminder.shown else None


def paused(view: View) -> bool:
    return view.paused_until is not None and view.now < view.paused_until


def look(view: View) -> str:
    """The icon: "due" wins over "paused", which wins over "normal"."""
    if due(view) is not None:
        return "due"
    return "paused" if paused(view) else "normal"


def title(view: View) -> str:
    """The tooltip (and the X11 icon window's name): always starts with ``qlbreak``."""
    shown, status = due(view), what_next(view)
    if shown is not None:
        said = f"{APP} {DASH} time for a stretch: {shown.name}"
    else:
        said = f"{APP} {DASH} {status[0].lower()}{status[1:]}" if status else f"{APP} {DASH} no reminders set"
    return f"{said} \u00b7 {view.programme}" if view.programme else said


def what_next(view: View) -> str | None:
    """What comes next, in the menu's words: a pause, a snooze, or the next reminder."""
    if paused(view):
        assert view.paused_until is not None
        return f"Paused {pause_end(view.paused_until, view.now)}"
    if view.reminder is not None and view.reminder.stage is Stage.SNOOZED:
        return f"Snoozed until {when(view.reminder.until, view.now)}"
    if view.reminder is not None and view.reminder.stage is Stage.HELD:
        return f"Reminder held, {view.waiting or 'waiting'} (until {when(view.reminder.until, view.now)})"
    if view.coming is not None:
        return f"Next: {view.coming.reminder} at {when(view.coming.at, view.now)}"
    return None


def menu(view: View) -> tuple[Entry, ...]:
    entries = [Entry("Stretch now", "stretch", default=True)]
    status = what_next(view)
    if status is not None:
        entries.append(Entry(status))
    if due(view) is not None:
        entries.append(Entry(f"Snooze {view.snooze_minutes} min", "snooze"))
    if due(view) is not None or (view.reminder is not None and view.reminder.stage is Stage.HELD):
        entries.append(Entry("Skip today", "skip"))
    is_paused = paused(view)
    pause = (
        Entry("1 hour", "pause-hour"),
        Entry("Until tomorrow", "pause-tomorrow"),
        Entry("Resume", "resume" if is_paused else None),
    )
    entries.append(Entry("Pause", children=pause))
    done = f"{view.done_today}/{view.due_today}" if view.due_today else str(view.done_today)  # a day off: no "0/0"
    entries.append(Entry(f"Today: {done} stretch{'' if done == '1' else 'es'}, streak {view.streak}"))
    if view.programme:
        entries.append(Entry(view.programme))
    if view.autostart is not None:
        entries.append(Entry("Start at login", "autostart", checked=view.autostart))
    entries += [
        Entry("Settings\u2026", "settings"),
        Entry("Progress\u2026", "progress"),
        Entry("Safety", "safety"),
        Entry("Quit", "quit"),
    ]
    return tuple(entries)


def when(at: datetime, now: datetime) -> str:
    """``12:30``, ``09:30 tomorrow``, ``midnight`` (tonight's: not "00:00 tomorrow")
    or ``09:30 on Mon 7 Dec``, in ``now``'s zone."""
    local, today = at.astimezone(now.tzinfo), now.date()
    if local.date() == today:
        return f"{local:%H:%M}"
    if local.date() == today + timedelta(days=1):
        return "midnight" if _at_midnight(local) else f"{local:%H:%M} tomorrow"
    return f"{local:%H:%M} on {local:%a} {local.day} {local:%b}"


def pause_end(until: datetime, now: datetime) -> str:
    """How long a pause lasts, as people say it: ``until tomorrow`` (the menu's "Until
    tomorrow"; ``until midnight`` when that is within the hour), ``until Mon 7 Dec`` for
    one that ends as a later day begins, else ``until 12:30`` and the like."""
    local = until.astimezone(now.tzinfo)
    if _at_midnight(local) and local.date() == now.date() + timedelta(days=1):
        return "until tomorrow" if until - now > timedelta(hours=1) else "until midnight"
    if _at_midnight(local) and local.date() > now.date():
        return f"until {local:%a} {local.day} {local:%b}"
    return f"until {when(until, now)}"


def coming(
    reminders: tuple[Reminder, ...],
    handled: frozenset[OccurrenceKey],
    now: datetime,
    paused_until: datetime | None,
    grace: timedelta,
) -> tuple[Occurrence, datetime] | None:
    """The next reminder to show and when it shows. While paused, the first one the
    pause lets through: one falling due in its last ``grace`` shows as it ends (the
    grace rule), a later one at its own time; those before are not shown at all."""
    if paused_until is None or paused_until <= now:
        found = next_occurrence(reminders, now, handled)
        return (found, found.at) if found else None
    found = next_occurrence(reminders, max(now, paused_until - grace - timedelta(microseconds=1)), handled)
    return (found, max(found.at, paused_until)) if found else None


def _at_midnight(local: datetime) -> bool:
    return (local.hour, local.minute) == (0, 0)
