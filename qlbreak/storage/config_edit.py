"""Writing the user's choices (the welcome, the settings window) into ``config.toml``
in place, with tomlkit: comments, key order, blank lines and unknown keys survive, and
only a value that differs from what the file says is touched.

The result is read back with the loader (``config.parse``) before anything is
written: a file the loader would reject, or one that would not mean what the user
chose, is never written. A key left out that already means the chosen value (its
default) stays left out.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import time, timedelta
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import ParseError
from tomlkit.items import AoT, Item, Table

from qlbreak.core.schedule import WEEKDAYS, Reminder
from qlbreak.core.vocabulary import EQUIPMENT
from qlbreak.storage.atomic import write_atomic
from qlbreak.storage.config import DEFAULT_FILE, DEFAULT_REMINDERS, Config, parse
from qlbreak.storage.tomlfile import MAX_BYTES

_BOM = b"\xef\xbb\xbf"
WORK_WEEK = ["mon", "tue", "wed", "thu", "fri"]


class EditError(Exception):
    """The choices cannot be written (the file is not TOML, or the loader would not
    read back what was chosen); the file was left as it was."""


def edited(raw: bytes | None, name: str, wanted: Config, stretch_ids: Collection[str]) -> bytes:
    """``raw`` (None: no file yet, so the commented template) with ``wanted`` in it."""
    bom = _BOM if raw is not None and raw.startswith(_BOM) else b""
    try:
        text = DEFAULT_FILE if raw is None else raw[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:
        raise EditError(f"Not saved: {name}: not UTF-8 text; fix or remove it in an editor, then save again") from None
    try:
        doc = tomlkit.parse(text)
    except ParseError as err:
        raise EditError(
            f"Not saved: {name}:{err.line}: not valid TOML (the file's format); fix it in an editor, then save again"
        ) from None
    _write(doc, wanted)
    out = bom + tomlkit.dumps(doc).encode("utf-8")
    check = parse(out, name, stretch_ids)
    if check.errors:
        raise EditError(f"Not saved: {check.errors[0]}")
    if check.config != wanted:
        raise EditError(f"Not saved: {name} would not say what you chose; is a setting written twice in it?")
    return out


def save(path: Path, wanted: Config, stretch_ids: Collection[str]) -> None:
    """Write ``wanted`` into the file at ``path`` (made from the template when there is
    none); EditError or OSError say why not, and then the file is as it was."""
    try:
        with path.open("rb") as file:
            raw: bytes | None = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raw = None
    if raw is not None and len(raw) > MAX_BYTES:
        raise EditError(f"Not saved: {path}: too large to be a settings file")
    new = edited(raw, str(path), wanted, stretch_ids)
    if new != raw:
        write_atomic(path, new)


# -- each setting -----------------------------------------------------------------------


def _write(doc: tomlkit.TOMLDocument, c: Config) -> None:
    d = Config()
    _set(doc, "schedule", "timezone", c.timezone, d.timezone)
    _set(doc, "schedule", "grace_minutes", _minutes(c.plan.grace), _minutes(d.plan.grace))
    _set(doc, "schedule", "snooze_minutes", _minutes(c.plan.snooze), _minutes(d.plan.snooze))
    _set(doc, "schedule", "reminder_style", c.reminder_style, d.reminder_style)
    _reminders(doc, c.plan.reminders)
    _set(doc, "stretches", "no_floor", c.prefs.no_floor, d.prefs.no_floor)
    _set(doc, "stretches", "equipment", _ordered(c.prefs.equipment, EQUIPMENT), _ordered(d.prefs.equipment, EQUIPMENT))
    _set(doc, "stretches", "avoid", sorted(c.prefs.avoid), sorted(d.prefs.avoid))
    _set(doc, "dialog", "theme", c.theme, d.theme)
    _set(doc, "dialog", "sound", c.sound, d.sound)
    for key in ("presenting", "in_a_call", "away", "locked", "away_minutes", "catch_up"):
        _set(doc, "holds", key, getattr(c.holds, key), getattr(d.holds, key))  # a broken hand edit: the value in use


def _set(doc: tomlkit.TOMLDocument, table_name: str, key: str, value: object, default: object) -> None:
    table = doc.get(table_name)
    if not isinstance(table, Table):
        if value == default and table is None:
            return  # left out, and left out means this
        table = tomlkit.table()
        if table_name in doc:
            del doc[table_name]  # not a table: the loader said so; it becomes one
        doc[table_name] = table
    if key not in table:
        if value != default:
            table[key] = value
        return
    if _same(table[key], value):
        return
    _replace(table, key, value)


def _reminders(doc: tomlkit.TOMLDocument, wanted: tuple[Reminder, ...]) -> None:
    tables = doc.get("reminder")
    if not isinstance(tables, AoT):
        if tables is None and wanted == DEFAULT_REMINDERS:
            return
        if tables is not None:
            del doc["reminder"]
        tables = tomlkit.aot()
        doc["reminder"] = tables
    for index, reminder in enumerate(wanted):
        if index < len(tables):
            _reminder(tables[index], reminder)
        else:
            table = tomlkit.table()
            _reminder(table, reminder)
            table.add(tomlkit.nl())
            tables.append(table)
    while len(tables) > len(wanted):
        del tables[len(wanted)]


def _reminder(table: Table, r: Reminder) -> None:
    days = [WEEKDAYS[d] for d in sorted(r.days)]
    for key, value, same in (
        ("name", r.name, table.get("name") == r.name),
        ("time", f"{r.at:%H:%M}", _time_of(table.get("time")) == r.at),
        ("days", days, _days_of(table.get("days", WORK_WEEK)) == r.days and ("days" in table or days == WORK_WEEK)),
    ):
        if not same:
            _replace(table, key, value) if key in table else table.add(key, value)


# -- values ------------------------------------------------------------------------------


def _replace(table: Table, key: str, value: object) -> None:
    """A new value, keeping the old one's end-of-line comment."""
    old = table[key]
    new = tomlkit.item(value)
    if isinstance(old, Item):
        new.trivia.comment, new.trivia.comment_ws = old.trivia.comment, old.trivia.comment_ws
    table[key] = new


def _same(item: Any, value: object) -> bool:
    current = item.unwrap() if hasattr(item, "unwrap") else item
    if isinstance(value, list) and isinstance(current, list):
        return sorted(map(str, current)) == sorted(map(str, value)) and len(set(current)) == len(current)
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
