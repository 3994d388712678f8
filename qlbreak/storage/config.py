"""The user's settings: defaults, plus ``config.toml`` parsed once into frozen values.

A bad file is never rewritten. Each fault becomes a ``Problem`` naming file:line,
the faulty part falls back (to its default at start; to the value it had, when the
running app reads the file again), and the rest of the file still counts. A key left
out means its default. Unknown keys are warnings: usually typos, which should be seen.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from qlbreak import clock
from qlbreak.core.checkin import TIGHTER_FACTOR
from qlbreak.core.holds import HoldRules
from qlbreak.core.picker import Preferences
from qlbreak.core.schedule import WEEKDAY_NAMES, WEEKDAYS, Plan, Reminder
from qlbreak.core.vocabulary import EQUIPMENT
from qlbreak.core.words import _
from qlbreak.storage import tomlfile
from qlbreak.storage.config_layers import Admin, admin_places, merge, read_admin
from qlbreak.storage.config_read import Values
from qlbreak.storage.config_words import NO_NAME, minutes_problem, one_of, read_time, shown, used_twice
from qlbreak.storage.tomlfile import FileProblem, Located, Problem, read

WORK_DAYS = frozenset(range(5))
DEFAULT_REMINDERS = (
    Reminder("morning", time(9, 30), WORK_DAYS),
    Reminder("lunch", time(12, 30), WORK_DAYS),
)
_DAY_NAMES = {name: i for names in (WEEKDAYS, WEEKDAY_NAMES) for i, name in enumerate(names)}
_KEYS = {
    (): ("schedule", "reminder", "stretches", "dialog", "holds", "checkin"),
    ("schedule",): ("timezone", "grace_minutes", "snooze_minutes", "reminder_style"),
    ("reminder",): ("name", "time", "days"),
    ("stretches",): ("no_floor", "equipment", "avoid"),
    ("dialog",): ("theme", "sound", "spoken_cues", "language"),
    ("holds",): ("presenting", "in_a_call", "camera", "away", "locked", "away_minutes", "catch_up"),
    ("checkin",): ("ask", "tighter"),
}
THEMES = ("auto", "light", "dark")
# "system", or a language's code as gettext writes it ("de", "pt_BR"); one without a
# catalogue in this install speaks the system's language (qlbreak/language/choosing.py)
LANGUAGE_CODE = re.compile(r"system|[a-z]{2,3}(_[A-Z][A-Za-z]{1,3})?")
REMINDER_STYLES = ("both", "prompt", "notification")


@dataclass(frozen=True)
class Config:
    plan: Plan = field(default_factory=lambda: Plan(DEFAULT_REMINDERS))
    timezone: str = clock.LOCAL
    prefs: Preferences = field(default_factory=Preferences)
    theme: str = "auto"  # the stretch window: auto follows the system
    sound: bool = True  # a soft cue at the switch and the end of a hold
    # "both": the notification where it has buttons, else the prompt and a pointer to it
    reminder_style: str = "both"
    holds: HoldRules = field(default_factory=HoldRules)  # what keeps a due reminder back
    checkin: bool = True  # ask the morning check-in before the day's first stretch ([checkin] ask)
    tighter: float = TIGHTER_FACTOR  # the side named tighter is held this many times as long
    spoken_cues: bool = False  # the walk-through says "Switch to your right side", "Rest"... aloud
    language: str = "system"  # every window, the menu and the notifications: a code ("de") or the system's

    @property
    def workdays(self) -> frozenset[int]:
        return frozenset().union(*(r.days for r in self.plan.reminders))


@dataclass(frozen=True)
class Loaded:
    config: Config
    problems: tuple[Problem, ...] = field(default=())
    # when the file was last written (its mtime; None: not known, or no file): a change
    # noticed late can still count from when it was made
    written: datetime | None = field(default=None)
    # where each setting an organisation's layer or the user's file gave came from
    # ("schedule.snooze_minutes" -> a path; config_layers.py), and what the organisation locks
    origins: Mapping[str, str] = field(default_factory=dict)
    locked: Mapping[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.warning)


def load(path: Path, stretch_ids: Collection[str], keep: Config | None = None, admin: Admin | None = None) -> Loaded:
    """The config at ``path`` over the organisation's layers (``admin``: read from this
    system when not given; defaults when there is neither). A broken part falls back to
    its value in ``keep`` (the settings in use) when given, else its default."""
    admin = read_admin() if admin is None else admin
    try:
        doc: Located | None = read(path)
    except FileNotFoundError:
        doc = None
    except FileProblem as err:
        if keep is not None or not (admin.layers or admin.problems):
            return Loaded(keep or Config(), (err.problem,))
        loaded = _layered(None, admin, stretch_ids, None)  # at start: the organisation's settings
        return replace(loaded, problems=(err.problem, *loaded.problems))
    return _layered(doc, admin, stretch_ids, keep)


def _layered(doc: Located | None, admin: Admin, stretch_ids: Collection[str], keep: Config | None) -> Loaded:
    """``doc`` (the user's file, if any) read over ``admin``'s layers."""
    if not (admin.layers or admin.problems):
        return _Reader(doc, stretch_ids, keep).config() if doc is not None else Loaded(Config())
    merged = merge(doc, admin, _KEYS)
    loaded = _Reader(merged.doc, stretch_ids, keep).config()
    return Loaded(loaded.config, (*merged.problems, *loaded.problems), None, merged.origins, merged.locked)


def language_setting(path: Path) -> str:
    """``[dialog] language`` alone, read before anything is shown (the command line's
    help, the tray's icon speak it); ``system`` when the file, the key or a valid value
    is not there: the file's whole reading comes later and reports any mistake."""
    try:
        doc: Located | None = read(path)
    except (FileNotFoundError, FileProblem):
        doc = None
    admin = read_admin()
    data = merge(doc, admin, _KEYS).doc.data if admin.layers else doc.data if doc is not None else {}
    dialog = data.get("dialog")
    value = dialog.get("language") if isinstance(dialog, dict) else None
    return value if isinstance(value, str) and LANGUAGE_CODE.fullmatch(value) else "system"


def parse(
    raw: bytes, name: str, stretch_ids: Collection[str], keep: Config | None = None, admin: Admin | None = None
) -> Loaded:
    """``load`` for bytes not yet written (the settings window checks what it would save)."""
    try:
        doc = tomlfile.parse(raw, name)
    except FileProblem as err:
        return Loaded(keep or Config(), (err.problem,))
    return _layered(doc, read_admin() if admin is None else admin, stretch_ids, keep)


def as_table(c: Config) -> dict[str, Any]:
    """``c`` as the file would say it, in JSON's types: how the tray tells the settings
    window what is in effect (a broken hand edit keeps the last good value)."""
    holds = {key: getattr(c.holds, key) for key in _KEYS[("holds",)]}
    return {
        "schedule": {
            "timezone": c.timezone,
            "grace_minutes": _minutes_of(c.plan.grace),
            "snooze_minutes": _minutes_of(c.plan.snooze),
            "reminder_style": c.reminder_style,
        },
        "reminder": [
            {"name": r.name, "time": f"{r.at:%H:%M}", "days": [WEEKDAYS[d] for d in sorted(r.days)]}
            for r in c.plan.reminders
        ],
        "stretches": {
            "no_floor": c.prefs.no_floor,
            "equipment": sorted(c.prefs.equipment),
            "avoid": sorted(c.prefs.avoid),
        },
        "dialog": {"theme": c.theme, "sound": c.sound, "spoken_cues": c.spoken_cues, "language": c.language},
        "holds": holds,
        "checkin": {"ask": c.checkin, "tighter": c.tighter},
    }


def settings() -> list[tuple[str, str]]:
    """Every setting in the file's order (``config --check`` lists them): each table's
    keys, and the reminders as one (``("reminder", "")``)."""
    return [(t, k) for t in _KEYS[()] for k in (("",) if t == "reminder" else _KEYS[(t,)])]


def in_effect(table: object, stretch_ids: Collection[str]) -> Config | None:
    """The settings ``as_table`` gave; None when ``table`` is not such (a window started by
    hand, an older tray)."""
    if not isinstance(table, dict):
        return None
    loaded = _Reader(Located("in effect", table), stretch_ids, None).config()
    return None if loaded.problems else loaded.config


GRACE_RANGE = (0, 24 * 60)
AWAY_RANGE = (1, 120)
SNOOZE_RANGE = (1, 24 * 60)


class Watch:
    """``config.toml`` as the running app sees it, with the organisation's files under it
    (``config_layers``): read again when the modification time, size or file of any of
    them changed. One ``stat`` each a look, so the tray looks at every step (on Linux
    inotify wakes it when the user's file changes); no thread. ``adjust`` is what the app
    changes in every reading (no prompt window where there is no display)."""

    def __init__(
        self, path: Path, stretch_ids: Collection[str], adjust: Callable[[Config], Config] = lambda c: c
    ) -> None:
        self.path, self.ids, self.adjust = path, stretch_ids, adjust
        self.places = admin_places()
        self._seen = self._look()[0]

    def changed(self, current: Config) -> Loaded | None:
        seen, st = self._look()
        if seen == self._seen:
            return None
        self._seen = seen
        loaded = load(self.path, self.ids, keep=current)
        return replace(loaded, config=self.adjust(loaded.config), written=_written(st))

    def _look(self) -> tuple[tuple[object, ...], os.stat_result | OSError | None]:
        st = _stat(self.path)
        return (_identity(st), *(_identity(_stat(place)) for place in self.places)), st


def _stat(path: Path) -> os.stat_result | OSError | None:
    try:
        return path.stat()  # through a symlink: the file it points to
    except FileNotFoundError:
        return None
    except OSError as err:  # unreadable now: load() says so, once, when it changes
        return err


def _identity(st: os.stat_result | OSError | None) -> tuple[object, ...] | None:
    """What tells one version of the file from another with one ``stat``. The change
    time too: a file deleted and written again can get the same inode number back, and
    sync tools set the modification time they copy, so a file replaced so (same size)
    differs from the old one only in it (the kernel sets it; nobody can set it back)."""
    if isinstance(st, OSError):
        return ("error", st.errno)
    return None if st is None else (st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev, st.st_ctime_ns)


def _written(st: os.stat_result | OSError | None) -> datetime | None:
    if st is None or isinstance(st, OSError):
        return None
    try:
        return datetime.fromtimestamp(st.st_mtime_ns / 1e9, UTC)
    except (OverflowError, ValueError, OSError):  # a time no datetime can hold (year 10000)
        return None


class _Reader(Values):
    def __init__(self, doc: Located, stretch_ids: Collection[str], keep: Config | None) -> None:
        super().__init__(doc, _KEYS)
        self.ids, self.keep = stretch_ids, keep or Config()
        # at start a broken reminder is left out; once running, the one in use goes on
        self.kept_reminders = keep.plan.reminders if keep is not None else ()

    def config(self) -> Loaded:
        data = self.doc.data
        self._unknown_keys((), data)
        schedule = self._table("schedule")
        stretches = self._table("stretches")
        dialog = self._table("dialog")
        keep, default = self.keep, Config()
        timezone = self._timezone(schedule, keep.timezone)
        grace = self._minutes(schedule, "grace_minutes", 30, *GRACE_RANGE, _minutes_of(keep.plan.grace))
        snooze = self._minutes(schedule, "snooze_minutes", 10, *SNOOZE_RANGE, _minutes_of(keep.plan.snooze))
        plan = Plan(self._reminders(), timedelta(minutes=grace), timedelta(minutes=snooze))
        defaults, kept = default.prefs, keep.prefs
        prefs = Preferences(
            no_floor=self._bool(stretches, "no_floor", defaults.no_floor, kept.no_floor),
            equipment=self._words(stretches, "equipment", EQUIPMENT, defaults.equipment, kept.equipment),
            avoid=self._words(stretches, "avoid", sorted(self.ids), defaults.avoid, kept.avoid, kind="stretch"),
        )
        theme = dialog.get("theme", default.theme)
        if theme not in THEMES:
            self._error(("dialog", "theme"), one_of("theme", theme, THEMES))
            theme = keep.theme
        sound = self._bool(dialog, "sound", default.sound, keep.sound, table_name="dialog")
        spoken = self._bool(dialog, "spoken_cues", default.spoken_cues, keep.spoken_cues, table_name="dialog")
        language = dialog.get("language", default.language)
        if not isinstance(language, str) or not LANGUAGE_CODE.fullmatch(language):
            # Translators: keep "system" and the codes as they are (the file's own words).
            problem = _('language must be "system" or a language code such as "de" or "en", not {value}')
            self._error(("dialog", "language"), problem.format(value=shown(language)))
            language = keep.language
        style = schedule.get("reminder_style", default.reminder_style)
        if style not in REMINDER_STYLES:
            self._error(("schedule", "reminder_style"), one_of("reminder_style", style, REMINDER_STYLES))
            style = keep.reminder_style
        holds = self._holds(self._table("holds"), keep.holds)
        checkin = self._table("checkin")
        ask = self._bool(checkin, "ask", default.checkin, keep.checkin, table_name="checkin")
        tighter = self._tighter(checkin, default.tighter, keep.tighter)
        c = Config(plan, timezone, prefs, theme, sound, style, holds, checkin=ask, tighter=tighter)
        c = replace(c, spoken_cues=spoken, language=language)
        return Loaded(c, tuple(self.problems))

    # -- sections ---------------------------------------------------------------

    def _reminders(self) -> tuple[Reminder, ...]:
        tables = self.doc.data.get("reminder")
        kept = self.kept_reminders
        if tables is None:
            return DEFAULT_REMINDERS
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            # Translators: keep [[reminder]] as it is (the file's own word).
            self._error(("reminder",), _("each reminder is written below a [[reminder]] line of its own"))
            return kept or DEFAULT_REMINDERS
        reminders: list[Reminder] = []
        for index, table in enumerate(tables):
            self._unknown_keys(("reminder", index), table, schema=("reminder",))
            reminder = self._reminder(index, table)
            if reminder is None:  # broken: the reminder of that name in use goes on, if any
                name = table.get("name")
                reminder = next((r for r in kept if r.name == name), None) if isinstance(name, str) else None
                if reminder is None or any(r.name == reminder.name for r in reminders):
                    continue
            if any(r.name == reminder.name for r in reminders):
                self._error(("reminder", index, "name"), used_twice(reminder.name))
                continue
            reminders.append(reminder)
        if tables and not reminders:
            return kept or DEFAULT_REMINDERS
        return tuple(reminders)

    def _reminder(self, index: int, table: dict[str, Any]) -> Reminder | None:
        key = ("reminder", index)
        before = len(self.problems)
        name = table.get("name", f"reminder {index + 1}")
        if not isinstance(name, str) or not name.strip():
            self._error((*key, "name"), _(NO_NAME))
        raw_time = table.get("time")
        at: time | None = None
        if raw_time is None:
            self._error(key, _('a reminder needs a time, such as time = "09:30"'))
        elif isinstance(parsed := read_time(raw_time), str):
            self._error((*key, "time"), parsed)
        else:
            at = parsed
        days = self._days(key, table.get("days", list(WEEKDAYS[:5])))
        if len(self.problems) > before or at is None or days is None:
            return None
        return Reminder(name.strip(), at, days)

    def _days(self, key: tuple[str | int, ...], value: Any) -> frozenset[int] | None:
        if not isinstance(value, list) or not all(isinstance(d, str) for d in value):
            message = _('days must be a list in square brackets, such as ["mon", "tue"], not {value}')
            self._error((*key, "days"), message.format(value=shown(value)))
            return None
        days = set()
        for day in value:
            index = _DAY_NAMES.get(day.strip().lower())
            if index is None:
                # Translators: keep mon, tue... in English: they are the file's words for the days.
                message = _("{day} is not a day: use mon, tue, wed, thu, fri, sat or sun")
                self._error((*key, "days"), message.format(day=shown(day)))
                return None
            days.add(index)
        return frozenset(days)

    def _holds(self, table: dict[str, Any], kept: HoldRules) -> HoldRules:
        default = HoldRules()
        switches = {
            key: self._bool(table, key, getattr(default, key), getattr(kept, key), table_name="holds")
            for key in ("presenting", "in_a_call", "camera", "away", "locked", "catch_up")
        }
        away = table.get("away_minutes", default.away_minutes)
        if problem := minutes_problem("away_minutes", away, *AWAY_RANGE):
            self._error(("holds", "away_minutes"), problem)
            away = kept.away_minutes
        return HoldRules(away_minutes=int(away), **switches)


def _minutes_of(span: timedelta) -> int:
    return int(span.total_seconds() // 60)
