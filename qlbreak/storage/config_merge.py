"""What the settings window saves when the file changed while it was open: only what
the person changed in the window (the window against ``base``, what it read when it
opened) goes onto the file as it is now; what was written by hand meanwhile stays.
Where both changed the same setting differently, that is a ``Conflict``, told in plain
words, and the window asks; ``overrule`` is the answer (the window's value wins over
the file's value the person was shown, and over no other).

Reminders are matched by identity, never by position: the window's rows know the
reminder each came from (``came_from``, its name when the window opened; None for a
new one). Sets of words (equipment, stretches left out) are merged word by word.
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from qlbreak.core.holds import HoldRules
from qlbreak.core.picker import Preferences
from qlbreak.core.schedule import Plan, Reminder
from qlbreak.core.words import N_, _, formats, ngettext, pgettext
from qlbreak.storage.config import Config

Key = tuple[str, ...]
# The words of a conflict (the tables are marked with N_ and translated where said).
_STYLES = {
    "both": N_("a notification with buttons"),
    "prompt": N_("the small prompt"),
    "notification": N_("only a notification"),
}
_THEMES = {"auto": N_("follow the system"), "light": N_("light"), "dark": N_("dark")}


def _minutes(span: object) -> str:
    n = int(span.total_seconds() // 60) if isinstance(span, timedelta) else 0
    return ngettext("{n} minute", "{n} minutes", n).format(n=n)


def _on(value: object) -> str:
    # Translators: a setting switched on or off ("Sound: on in the file, off here").
    return pgettext("switch", "on") if value else pgettext("switch", "off")


TIGHTER_WORDS = {
    1.0: N_("the same as the other side"),
    1.5: N_("half as long again"),
    2.0: N_("twice as long"),
}


def tighter_words(factor: object) -> str:
    """How long the tighter side is held, in words (the settings window says so too)."""
    if not isinstance(factor, float):
        return str(factor)
    if factor in TIGHTER_WORDS:
        return _(TIGHTER_WORDS[factor])
    # Translators: how long the tighter side is held, against the other side: "1.25 times as long".
    return _("{factor} times as long").format(factor=f"{factor:g}")


HOLDS = ("presenting", "in_a_call", "camera", "away", "locked", "away_minutes", "catch_up")


def _hold(key: str) -> Callable[[Config], object]:
    return lambda c: getattr(c.holds, key)


# Each single-valued setting: its key in the file, its name in words, how to read it
# from a Config, and how to say a value.
# (The names are marked with N_ and translated where said; a hold's name keeps its key.)
_SCALARS: tuple[tuple[Key, str, Callable[[Config], object], Callable[[object], str]], ...] = (
    (("schedule", "snooze_minutes"), N_("Snooze"), lambda c: c.plan.snooze, _minutes),
    (("schedule", "grace_minutes"), N_("The wait for your return"), lambda c: c.plan.grace, _minutes),
    (
        ("schedule", "reminder_style"),
        N_("How each reminder shows"),
        lambda c: c.reminder_style,
        lambda v: _(_STYLES[str(v)]),
    ),
    (("schedule", "timezone"), N_("The time zone"), lambda c: c.timezone, str),
    (
        ("stretches", "no_floor"),
        N_("Stretches on the floor"),
        lambda c: c.prefs.no_floor,
        lambda v: _("left out") if v else _("offered"),
    ),
    (("dialog", "theme"), N_("Colours"), lambda c: c.theme, lambda v: _(_THEMES[str(v)])),
    (("dialog", "sound"), N_("Sound"), lambda c: c.sound, _on),
    (("dialog", "spoken_cues"), N_("Spoken cues"), lambda c: c.spoken_cues, _on),
    (("dialog", "language"), N_("Language"), lambda c: c.language, str),
    # Translators: {key} is a setting's name in the file, such as in_a_call: keep it as it is.
    *((("holds", k), N_("holds: {key}"), _hold(k), str) for k in HOLDS),
    (("checkin", "ask"), N_("The morning check-in"), lambda c: c.checkin, _on),
    (("checkin", "tighter"), N_("The tighter side's hold"), lambda c: c.tighter, tighter_words),
)


@dataclass(frozen=True)
class Conflict:
    """One setting changed both by hand and in the window, differently."""

    key: Key
    theirs: object  # the file's value now: what an overrule is for
    words: str  # "Snooze: 7 minutes in the file, 15 minutes here"


@dataclass(frozen=True)
class Merged:
    config: Config
    renamed: dict[str, str] = field(default_factory=dict)  # a reminder's new name -> its name in the file
    conflicts: tuple[Conflict, ...] = ()


class _Merge:
    def __init__(self, overrule: Mapping[Key, object]) -> None:
        self.overrule = overrule
        self.conflicts: list[Conflict] = []

    def pick(self, key: Key, base: object, mine: object, theirs: object, words: str) -> object:
        """The value to save: the window's where the person changed it there, else the file's."""
        if mine == base:
            return theirs
        if theirs in (base, mine) or (key in self.overrule and self.overrule[key] == theirs):
            return mine
        self.conflicts.append(Conflict(key, theirs, words))
        return theirs

    def part(self, key: Key, old: Reminder, mine: Reminder, theirs: Reminder, part: str) -> Any:
        """One part of a reminder (its name, time or days) changed in the window."""
        get, say = _PARTS[part]
        words = _both(_("The {name} reminder").format(name=old.name), say(theirs), say(mine))
        return self.pick((*key, part), get(old), get(mine), get(theirs), words)


def merge(
    base: Config,
    window: Config,
    came_from: Sequence[str | None],
    current: Config,
    overrule: Mapping[Key, object] | None = None,
) -> Merged:
    """``current`` (the file now) with what changed from ``base`` to ``window``."""
    m = _Merge(overrule or {})
    values: dict[Key, object] = {}
    for key, name, get, say in _SCALARS:
        mine, theirs = get(window), get(current)
        label = _(name).format(key=key[-1])
        values[key] = m.pick(key, get(base), mine, theirs, _both(label, say(theirs), say(mine)))
    equipment = _words(base.prefs.equipment, window.prefs.equipment, current.prefs.equipment)
    avoid = _words(base.prefs.avoid, window.prefs.avoid, current.prefs.avoid)
    reminders, renamed = _reminders(m, base, window, came_from, current)
    holds = HoldRules(**{k[1]: v for k, v in values.items() if k[0] == "holds"})  # type: ignore[arg-type]
    config = Config(
        plan=Plan(reminders, _span(values, "grace_minutes"), _span(values, "snooze_minutes")),
        timezone=str(values[("schedule", "timezone")]),
        prefs=Preferences(no_floor=bool(values[("stretches", "no_floor")]), equipment=equipment, avoid=avoid),
        theme=str(values[("dialog", "theme")]),
        sound=bool(values[("dialog", "sound")]),
        spoken_cues=bool(values[("dialog", "spoken_cues")]),
        language=str(values[("dialog", "language")]),
        reminder_style=str(values[("schedule", "reminder_style")]),
        holds=holds,
        checkin=bool(values[("checkin", "ask")]),
        tighter=_factor(values[("checkin", "tighter")]),
    )
    return Merged(config, renamed, tuple(m.conflicts))


def _span(values: dict[Key, object], key: str) -> timedelta:
    value = values[("schedule", key)]
    assert isinstance(value, timedelta)
    return value


def _factor(value: object) -> float:
    assert isinstance(value, float)
    return value


def _words(base: frozenset[str], mine: frozenset[str], theirs: frozenset[str]) -> frozenset[str]:
    """Each word added in the window is added, each taken out is taken out; the rest is
    as the file says."""
    return (theirs | (mine - base)) - (base - mine)


def _reminders(
    m: _Merge, base: Config, window: Config, came_from: Sequence[str | None], current: Config
) -> tuple[tuple[Reminder, ...], dict[str, str]]:
    was = {r.name: r for r in base.plan.reminders}
    rows = list(zip(came_from, window.plan.reminders, strict=True))
    ours = {origin: r for origin, r in rows if origin in was}
    out: list[Reminder | None] = list(current.plan.reminders)
    at = {r.name: i for i, r in enumerate(current.plan.reminders)}
    renamed: dict[str, str] = {}
    for name, old in was.items():
        mine, i = ours.get(name), at.get(name)
        theirs = out[i] if i is not None else None
        key = ("reminder", name)
        if mine == old:
            continue
        if mine is None:  # removed in the window
            if theirs is not None and m.pick(key, old, None, theirs, _gone_here(theirs)) is None:
                out[at[name]] = None
            continue
        if theirs is None or i is None:  # gone from the file (removed or renamed by hand)
            if m.pick(key, old, mine, None, _gone_there(name)) is not None:
                out.append(mine)
            continue
        new = Reminder(*(m.part(key, old, mine, theirs, part) for part in _PARTS))
        out[i] = new
        if new.name != theirs.name:
            renamed[new.name] = theirs.name
    for origin, mine in rows:
        if origin in was:
            continue
        same = next((j for j, r in enumerate(out) if r is not None and r.name == mine.name), None)
        if same is None:
            out.append(mine)
            continue
        theirs = out[same]
        key = ("reminder", mine.name)
        if theirs is not None and m.pick(key, None, mine, theirs, _twice(theirs, mine)) == mine:
            out[same] = mine
    kept = [r for r in out if r is not None]
    seen: set[str] = set()
    for r in kept:
        if r.name in seen:
            m.conflicts.append(Conflict(("reminder", r.name, "twice"), r, _twice_now(r.name)))
        seen.add(r.name)
    return tuple(kept), renamed


# -- words ---------------------------------------------------------------------------------


def _both(name: str, theirs: str, mine: str) -> str:
    # Translators: {name} is a setting ("Snooze"); {theirs} its value in the file, {mine} in the window.
    return _("{name}: {theirs} in the file, {mine} here").format(name=name, theirs=theirs, mine=mine)


def _days(r: Reminder) -> str:
    names = formats().weekday_names()
    return ", ".join(names[d] for d in sorted(r.days))


def _when(r: Reminder) -> str:
    if len(r.days) == 7:
        # Translators: a reminder's time: "12:30 on every day".
        return _("{time} on every day").format(time=formats().clock(r.at))
    # Translators: a reminder's time and days: "12:30 on Mon, Tue, Wed".
    return _("{time} on {days}").format(time=formats().clock(r.at), days=_days(r))


# A reminder's parts, in Reminder's order: how to get each, and how to say it.
_PARTS: dict[str, tuple[Callable[[Reminder], object], Callable[[Reminder], str]]] = {
    # Translators: a reminder's name: 'called "lunch"'.
    "name": (lambda r: r.name, lambda r: _('called "{name}"').format(name=r.name)),
    "time": (lambda r: r.at, lambda r: formats().clock(r.at)),
    "days": (lambda r: r.days, lambda r: _days(r) or _("no day")),
}


def _gone_here(theirs: Reminder) -> str:
    # Translators: {when} is the reminder's time and days ("12:30 on Mon, Tue").
    return _("The {name} reminder: changed in the file ({when}), removed here").format(
        name=theirs.name, when=_when(theirs)
    )


def _gone_there(name: str) -> str:
    return _("The {name} reminder: no longer in the file (removed or renamed there), changed here").format(name=name)


def _twice(theirs: Reminder, mine: Reminder) -> str:
    # Translators: {theirs} and {mine} are times and days ("12:30 on Mon, Tue").
    return _('A reminder called "{name}": {theirs} in the file, {mine} here').format(
        name=mine.name, theirs=_when(theirs), mine=_when(mine)
    )


def _twice_now(name: str) -> str:
    return _('Two reminders would be called "{name}" (one was added or renamed in the file): rename one here').format(
        name=name
    )
