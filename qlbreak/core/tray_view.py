"""What the tray shows, worked out from the app's state and ``now``.

Every backend renders these values: pystray's menu, and qlbreak's own popup on X11
(where pystray has no menu), so both menus always say the same. Actions are the
names of the commands the service loop understands (``ACTIONS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from qlbreak.core.reminder import OnShow, Stage
from qlbreak.core.schedule import Occurrence, OccurrenceKey, Reminder, next_occurrence, reminder_name
from qlbreak.core.words import _, formats, ngettext, pgettext

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
    shown, status = due(view), what_next(view, tooltip=True)
    if shown is not None:
        # Translators: the tray icon's tooltip while a reminder waits; {name} is a stretch's name.
        said = _("{app} \u2014 time for a stretch: {name}").format(app=APP, name=shown.name)
    elif status:
        # Translators: the tooltip; {status} is what comes next ("next: morning at 09:30").
        said = _("{app} \u2014 {status}").format(app=APP, status=status)
    else:
        said = _("{app} \u2014 no reminders set").format(app=APP)
    # Translators: the tooltip, then where a programme stands ("Ball release: day 5 of 14").
    return _("{said} \u00b7 {programme}").format(said=said, programme=view.programme) if view.programme else said


def what_next(view: View, tooltip: bool = False) -> str | None:
    """What comes next, in the menu's words: a pause, a snooze, or the next reminder;
    ``tooltip``: as the tooltip says it, after a dash (a sentence of its own per case,
    as some languages begin a sentence differently)."""
    if paused(view):
        assert view.paused_until is not None
        until = pause_end(view.paused_until, view.now)
        # Translators: {until} is "until tomorrow", "until 12:30", "until Mon 7 Dec"...
        return (_("paused {until}") if tooltip else _("Paused {until}")).format(until=until)
    if view.reminder is not None and view.reminder.stage is Stage.SNOOZED:
        at = when(view.reminder.until, view.now)
        # Translators: {time} is "12:30", "09:30 tomorrow", "midnight" or "09:30 on Mon 7 Dec".
        return (_("snoozed until {time}") if tooltip else _("Snoozed until {time}")).format(time=at)
    if view.reminder is not None and view.reminder.stage is Stage.HELD:
        at, why = when(view.reminder.until, view.now), view.waiting or _("waiting")
        # Translators: {waiting} says why ("waiting until your call ends"); {time} as in "Snoozed until".
        text = _("reminder held, {waiting} (until {time})") if tooltip else _("Reminder held, {waiting} (until {time})")
        return text.format(waiting=why, time=at)
    if view.coming is not None:
        name, at = reminder_name(view.coming.reminder), when(view.coming.at, view.now)
        # Translators: {reminder} is a reminder's name ("morning"); {time} as in "Snoozed until".
        return (_("next: {reminder} at {time}") if tooltip else _("Next: {reminder} at {time}")).format(
            reminder=name, time=at
        )
    return None


def menu(view: View) -> tuple[Entry, ...]:
    # Translators: tray menu lines: keep them short.
    entries = [Entry(_("Stretch now"), "stretch", default=True)]
    status = what_next(view)
    if status is not None:
        entries.append(Entry(status))
    if due(view) is not None:
        minutes = view.snooze_minutes
        entries.append(
            Entry(ngettext("Snooze {minutes} min", "Snooze {minutes} min", minutes).format(minutes=minutes), "snooze")
        )
    if due(view) is not None or (view.reminder is not None and view.reminder.stage is Stage.HELD):
        entries.append(Entry(_("Skip today"), "skip"))
    is_paused = paused(view)
    pause = (
        Entry(_("1 hour"), "pause-hour"),
        Entry(_("Until tomorrow"), "pause-tomorrow"),
        Entry(pgettext("tray menu", "Resume"), "resume" if is_paused else None),
    )
    entries.append(Entry(pgettext("tray menu", "Pause"), children=pause))
    entries.append(Entry(today_line(view)))
    if view.programme:
        entries.append(Entry(view.programme))
    if view.autostart is not None:
        entries.append(Entry(_("Start at login"), "autostart", checked=view.autostart))
    entries += [
        Entry(_("Settings\u2026"), "settings"),
        Entry(_("Progress\u2026"), "progress"),
        Entry(_("Safety"), "safety"),
        Entry(_("Quit"), "quit"),
    ]
    return tuple(entries)


def today_line(view: View) -> str:
    """Today's count and the streak; a day off (nothing due) has no "0/0"."""
    done, due_today, streak = view.done_today, view.due_today, view.streak
    if due_today:
        # Translators: "Today: 1/2 stretches, streak 4": {done} of {due} reminders, {streak} days in a row
        # (the English is plural both ways: "1/1 stretches").
        text = ngettext(
            "Today: {done}/{due} stretches, streak {streak}",
            "Today: {done}/{due} stretches, streak {streak}",
            due_today,
        )
        return text.format(done=done, due=due_today, streak=streak)
    # Translators: a day with nothing due: "Today: 0 stretches, streak 4".
    text = ngettext("Today: {done} stretch, streak {streak}", "Today: {done} stretches, streak {streak}", done)
    return text.format(done=done, streak=streak)


def when(at: datetime, now: datetime) -> str:
    """``12:30``, ``09:30 tomorrow``, ``midnight`` (tonight's: not "00:00 tomorrow")
    or ``09:30 on Mon 7 Dec``, in ``now``'s zone."""
    local, today = at.astimezone(now.tzinfo), now.date()
    words = formats()
    clock = words.clock(local)
    if local.date() == today:
        return clock
    if local.date() == today + timedelta(days=1):
        return _("midnight") if _at_midnight(local) else _("{time} tomorrow").format(time=clock)
    # Translators: a time on a later day: "09:30 on Mon 7 Dec".
    return _("{time} on {day}").format(time=clock, day=words.day(local.date()))


def pause_end(until: datetime, now: datetime) -> str:
    """How long a pause lasts, as people say it: ``until tomorrow`` (the menu's "Until
    tomorrow"; ``until midnight`` when that is within the hour), ``until Mon 7 Dec`` for
    one that ends as a later day begins, else ``until 12:30`` and the like."""
    local = until.astimezone(now.tzinfo)
    if _at_midnight(local) and local.date() == now.date() + timedelta(days=1):
        return _("until tomorrow") if until - now > timedelta(hours=1) else _("until midnight")
    if _at_midnight(local) and local.date() > now.date():
        # Translators: a pause's end: "until Mon 7 Dec".
        return _("until {day}").format(day=formats().day(local.date()))
    # Translators: a pause's end: {time} is "12:30", "09:30 tomorrow" or "09:30 on Mon 7 Dec".
    return _("until {time}").format(time=when(until, now))


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
