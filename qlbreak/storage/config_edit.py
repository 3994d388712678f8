"""Writing the user's choices (the welcome, the settings window) into ``config.toml``
in place, with tomlkit: comments, key order, blank lines and unknown keys survive, and
only a value that differs from what the file says is touched.

Under an organisation's layers (``config_layers``) a key the user's file leaves out
means the organisation's value: only what differs from it is written (the organisation's
defaults are never copied in, so a later change of theirs still reaches this desk), a
key the organisation locks is never written, and a new file starts from the template
with its keys commented out.

Reminders are found by their names, never by their places (deleting the first keeps
the second's comments and unknown keys with it); lists are changed item by item; a
table written with dotted keys or as an inline table stays written so. Saving (reading
the file as it is now, merging, never racing an editor) is ``config_save``.

The result is read back with the loader (``config.parse``) before anything is
written: a file the loader would reject, or one that would not mean what the user
chose, is never written. A key left out that already means the chosen value (its
default) stays left out.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from datetime import time, timedelta
from typing import Any

import tomlkit
from tomlkit.container import OutOfOrderTableProxy
from tomlkit.exceptions import ParseError
from tomlkit.items import AoT, Array, InlineTable, Item, Table

from qlbreak.core.schedule import WEEKDAY_NAMES, WEEKDAYS, Reminder
from qlbreak.core.vocabulary import EQUIPMENT
from qlbreak.core.words import _
from qlbreak.storage import tomlfile
from qlbreak.storage.config import Config, parse
from qlbreak.storage.config_layers import read_admin
from qlbreak.storage.config_template import template

_BOM = b"\xef\xbb\xbf"
WORK_WEEK = ["mon", "tue", "wed", "thu", "fri"]
_DAY = {name: i for names in (WEEKDAYS, WEEKDAY_NAMES) for i, name in enumerate(names)}


class EditError(Exception):
    """The choices cannot be written (the file is not TOML, or the loader would not
    read back what was chosen); the file was left as it was."""


def edited(
    raw: bytes | None,
    name: str,
    wanted: Config,
    stretch_ids: Collection[str],
    renamed: Mapping[str, str] | None = None,
) -> bytes:
    """``raw`` (None: no file yet, so the commented template) with ``wanted`` in it;
    ``renamed`` maps a reminder's new name to its name in ``raw``."""
    bom = _BOM if raw is not None and raw.startswith(_BOM) else b""
    admin = read_admin()  # read once: what a key left out means, and a new file's template
    under = parse(b"", name, stretch_ids, admin=admin)  # the organisation's, or the default
    try:
        text = template(admin.files) if raw is None else raw[len(bom) :].decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1 if raw is not None else 1
        # Translators: {place} is where, as "config.toml:12".
        message = _("Not saved: {place}: not UTF-8 text; fix it in an editor, then save again")
        raise EditError(message.format(place=f"{name}:{line}")) from None
    try:
        doc = tomlkit.parse(text)
    except ParseError as err:
        # Translators: {place} is where, as "config.toml:12"; TOML is the settings file's format.
        message = _("Not saved: {place}: not valid TOML (the file's format); fix it in an editor, then save again")
        raise EditError(message.format(place=f"{name}:{err.line}")) from None
    locked = frozenset(under.locked)
    if "reminder" in locked:  # the organisation's list: the user's tables (left out by the loader) stay
        wanted = replace(wanted, plan=replace(wanted.plan, reminders=under.config.plan.reminders))
    places = _Places(doc, wanted.plan.reminders, renamed or {})
    if "reminder" in locked:
        places.into, places.new, places.gone = {}, [], set()
    if places.gone and isinstance(_tables(doc), AoT):
        try:
            doc = tomlkit.parse(places.cut(tomlkit.dumps(doc)))
        except ParseError:  # a layout the cut does not know: refused, nothing written
            # Translators: {file} is the settings file's path.
            message = _(
                "Not saved: qlbreak could not take the reminder you removed out of {file} without changing the rest"
                " of it; remove it there by hand (in a text editor), then open Settings again"
            )
            raise EditError(message.format(file=name)) from None
    left = _write(doc, wanted, places, under.config, locked)
    out = bom + tomlkit.dumps(doc).encode("utf-8")
    tables = doc.get("reminder") or []
    unread = {i for i, t in enumerate(tables) if any(t is each for each in left)}
    check = parse(out, name, stretch_ids)
    errors = [p for p in check.errors if not (p.key[:1] == ("reminder",) and len(p.key) > 1 and p.key[1] in unread)]
    if errors:
        # Translators: {problem} is what is wrong, as "config.toml:12: days must be...".
        raise EditError(_("Not saved: {problem}").format(problem=errors[0]))
    if _in_order(check.config) != _in_order(wanted):
        message = _("Not saved: {file} would not say what you chose; is a setting written twice in it?")
        raise EditError(message.format(file=name))
    return out


def _in_order(c: Config) -> Config:
    """``c`` with its reminders by name: the file keeps its own order."""
    return replace(c, plan=replace(c.plan, reminders=tuple(sorted(c.plan.reminders, key=lambda r: r.name))))


# -- each setting -----------------------------------------------------------------------


def _write(
    doc: tomlkit.TOMLDocument, c: Config, places: _Places, d: Config, locked: frozenset[str] = frozenset()
) -> list[Any]:
    """``c`` into ``doc``; ``d``: what a key left out means; ``locked``: keys never written."""

    def _set(doc: tomlkit.TOMLDocument, table_name: str, key: str, value: object, default: object) -> None:
        if f"{table_name}.{key}" not in locked:
            _set_one(doc, table_name, key, value, default)

    _set(doc, "schedule", "timezone", c.timezone, d.timezone)
    _set(doc, "schedule", "grace_minutes", _minutes(c.plan.grace), _minutes(d.plan.grace))
    _set(doc, "schedule", "snooze_minutes", _minutes(c.plan.snooze), _minutes(d.plan.snooze))
    _set(doc, "schedule", "reminder_style", c.reminder_style, d.reminder_style)
    left = [] if "reminder" in locked else _reminders(doc, places, c.plan.reminders, d.plan.reminders)
    _set(doc, "stretches", "no_floor", c.prefs.no_floor, d.prefs.no_floor)
    _set(doc, "stretches", "equipment", _ordered(c.prefs.equipment, EQUIPMENT), _ordered(d.prefs.equipment, EQUIPMENT))
    _set(doc, "stretches", "avoid", sorted(c.prefs.avoid), sorted(d.prefs.avoid))
    _set(doc, "dialog", "theme", c.theme, d.theme)
    _set(doc, "dialog", "sound", c.sound, d.sound)
    _set(doc, "dialog", "spoken_cues", c.spoken_cues, d.spoken_cues)
    _set(doc, "dialog", "language", c.language, d.language)
    for key in ("presenting", "in_a_call", "camera", "away", "locked", "away_minutes", "catch_up"):
        _set(doc, "holds", key, getattr(c.holds, key), getattr(d.holds, key))  # a broken hand edit: the value in use
    _set(doc, "checkin", "ask", c.checkin, d.checkin)
    _set(doc, "checkin", "tighter", c.tighter, d.tighter)
    return left


def _set_one(doc: tomlkit.TOMLDocument, table_name: str, key: str, value: object, default: object) -> None:
    table = doc.get(table_name)
    if not _is_table(table):
        if value == default and table is None:
            return  # left out, and left out means this
        table = tomlkit.table()
        if table_name in doc:
            del doc[table_name]  # not a table: the loader said so; it becomes one
        doc[table_name] = table
    assert table is not None
    if key not in table:
        if value != default:
            _add(table, key, value)
        return
    if _same(table[key], value):
        return
    _replace(table, key, value)


def _is_table(value: object) -> bool:
    """A table however it is written: a [section], dotted keys, an inline { } table."""
    return isinstance(value, Table | InlineTable | OutOfOrderTableProxy)


class _Places:
    """Where each wanted reminder goes: the table (by index) that holds it now, found by
    its name (its name in the file, for one renamed), never by position; the tables to
    remove (read, and no longer wanted); the ones the loader cannot read, which were
    never shown and so stay as the user wrote them."""

    def __init__(self, doc: tomlkit.TOMLDocument, wanted: tuple[Reminder, ...], renamed: Mapping[str, str]) -> None:
        tables = _tables(doc)
        self.into: dict[int, Reminder] = {}
        self.new: list[Reminder] = []
        where: dict[str, int] = {}
        for index, table in enumerate(tables or []):
            where.setdefault(_name_of(table, index), index)
        for reminder in wanted:
            found = where.get(renamed.get(reminder.name, reminder.name))
            if found is not None and found not in self.into:
                self.into[found] = reminder
            else:
                self.new.append(reminder)
        self.broken = _broken_tables(doc) - self.into.keys()
        self.gone = set(range(len(tables or []))) - self.into.keys() - self.broken

    def cut(self, text: str) -> str:
        """``text`` without the [[reminder]] tables to remove, each with the comment lines
        right above its header; the next table's own comments stay above it."""
        lines = text.splitlines(keepends=True)
        at, heads = tomlfile.places(text)
        drop: set[int] = set()
        for index in self.gone:
            start = at[("reminder", index)]
            after = next((h for h in heads if h > start and not _SUB.match(lines[h - 1])), len(lines) + 1)
            drop.update(range(_own_lead(lines, start), _lead(lines, after)))
        shift = sorted(self.gone)
        self.into = {i - sum(g < i for g in shift): r for i, r in self.into.items()}
        self.broken = {i - sum(g < i for g in shift) for i in self.broken}
        self.gone = set()
        return "".join(line for number, line in enumerate(lines, start=1) if number not in drop)


# A header inside a reminder: [reminder.note] or [[reminder.steps]] (the table above's own)
_SUB = re.compile(r"""\s*\[\[?\s*(reminder|"reminder"|'reminder')\s*\.""")


def _own_lead(lines: list[str], header: int) -> int:
    """The first of the comment lines that belong to the table at ``header``: those right
    above it (no blank line between), unless they are the file's first lines: a comment
    opening the file is about the file."""
    lead = _lead(lines, header)
    return header if all(not line.strip() for line in lines[: lead - 1]) else lead


def _lead(lines: list[str], header: int) -> int:
    """The first of the comment lines right above line ``header`` (1-based)."""
    while 1 < header <= len(lines) + 1 and lines[header - 2].lstrip().startswith("#"):
        header -= 1
    return header


def _tables(doc: tomlkit.TOMLDocument) -> Any:
    """The reminder tables: [[reminder]] ones or an array of inline ones (None: neither)."""
    tables = doc.get("reminder")
    if isinstance(tables, AoT | Array) and all(_is_table(t) for t in tables):
        return tables
    return None


def _reminders(
    doc: tomlkit.TOMLDocument, places: _Places, wanted: tuple[Reminder, ...], left_out: tuple[Reminder, ...]
) -> list[Any]:
    """Each reminder written into its place; returns the tables left as the user wrote
    them (not understood). ``left_out``: the reminders no table means."""
    tables = _tables(doc)
    if tables is None:
        if "reminder" not in doc and wanted == left_out:
            return []
        if "reminder" in doc:
            del doc["reminder"]
        tables = tomlkit.aot()
        doc["reminder"] = tables
    inline = isinstance(tables, Array)
    for index, reminder in places.into.items():
        _reminder(tables[index], reminder)
    for reminder in places.new:
        table = tomlkit.inline_table() if inline else tomlkit.table()
        _reminder(table, reminder)
        if not inline:
            table.add(tomlkit.nl())
        tables.append(table)
    left = [tables[i] for i in places.broken]
    for index in sorted(places.gone, reverse=True):
        del tables[index]
    return left


def _name_of(table: Any, index: int) -> str:
    """A reminder table's identity as the loader sees it: its name, else its place."""
    name = table.get("name")
    name = name.unwrap() if hasattr(name, "unwrap") else name
    return name.strip() if isinstance(name, str) and name.strip() else f"reminder {index + 1}"


def _broken_tables(doc: tomlkit.TOMLDocument) -> set[int]:
    """The [[reminder]] tables the loader cannot read (not shown by the window)."""
    text = tomlkit.dumps(doc).encode("utf-8")
    check = parse(text, "config.toml", ())
    return {int(p.key[1]) for p in check.errors if p.key[:1] == ("reminder",) and len(p.key) > 1}


def _reminder(table: Any, r: Reminder) -> None:
    days = [WEEKDAYS[d] for d in sorted(r.days)]
    for key, value, same in (
        ("name", r.name, table.get("name") == r.name),
        ("time", f"{r.at:%H:%M}", _time_of(table.get("time")) == r.at),
        ("days", days, _days_of(table.get("days", WORK_WEEK)) == r.days and ("days" in table or days == WORK_WEEK)),
    ):
        if not same:
            _replace(table, key, value) if key in table else _add(table, key, value)


# -- values ------------------------------------------------------------------------------


def _add(table: Any, key: str, value: object) -> None:
    """A new key after the table's last one: above the blank lines and comments that end
    it (they are the next table's, written above its header)."""
    body = table.value.body if isinstance(table, Table) else []
    tail: list[Any] = []
    while body and body[-1][0] is None:
        tail.insert(0, body.pop()[1])
    table.add(key, value)
    for item in tail:
        table.add(item)


def _replace(table: Any, key: str, value: object) -> None:
    """A new value, keeping the old one's end-of-line comment; a list is changed in
    place (its other items, and the comments between them, stay as they are)."""
    old = table[key]
    if isinstance(old, Array) and isinstance(value, list) and all(isinstance(v, str) for v in old):
        _change_list(old, value, key == "days")
        return
    new = tomlkit.item(value)
    if isinstance(old, Item):
        new.trivia.comment, new.trivia.comment_ws = old.trivia.comment, old.trivia.comment_ws
    table[key] = new


def _change_list(old: Array, value: list[Any], days: bool) -> None:
    def word(v: object) -> object:
        text = str(v)
        return _DAY.get(text.strip().lower(), text) if days else text

    wanted = [word(v) for v in value]
    seen: set[object] = set()
    for index in reversed(range(len(old))):
        each = word(old[index])
        if each not in wanted or each in seen:
            del old[index]
        seen.add(each)
    have = {word(v) for v in old}
    for v, w in zip(value, wanted, strict=True):
        if w not in have:
            old.append(v)


def _same(item: Any, value: object) -> bool:
    current = item.unwrap() if hasattr(item, "unwrap") else item
    if isinstance(value, list) and isinstance(current, list):
        return sorted(map(str, current)) == sorted(map(str, value)) and len(set(current)) == len(current)
    if isinstance(value, float) and isinstance(current, int) and not isinstance(current, bool):
        return current == value  # tighter = 2 says 2.0: left as written
    return type(current) is type(value) and bool(current == value)


def _time_of(value: object) -> time | None:
    if hasattr(value, "unwrap"):
        value = value.unwrap()
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, str) and value.strip().count(":") == 1:
        hours, minutes = value.strip().split(":")
        if hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60:
            return time(int(hours), int(minutes))
    return None


def _days_of(value: object) -> frozenset[int] | None:
    if hasattr(value, "unwrap"):
        value = value.unwrap()
    if not isinstance(value, list):
        return None
    names = [str(v).strip().lower()[:3] for v in value]
    if not all(n in WEEKDAYS for n in names):
        return None
    return frozenset(WEEKDAYS.index(n) for n in names)


def _minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)


def _ordered(words: Iterable[str], order: tuple[str, ...]) -> list[str]:
    chosen = set(words)
    return [w for w in order if w in chosen] + sorted(chosen - set(order))
