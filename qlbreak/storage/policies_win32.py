"""Windows' group policies for qlbreak: ``HKLM\\Software\\Policies\\qlbreak``, the place an
administrator's ADMX template or a script writes, read as one more layer of settings
(``config_layers``), stronger than ``%ProgramData%\\qlbreak\\config.toml``.

    registry                                       as config.toml would say it
    ...\\qlbreak\\schedule  snooze_minutes  DWORD 15   [schedule] snooze_minutes = 15
    ...\\qlbreak\\holds     away            DWORD 0    [holds] away = false (a true/false setting)
    ...\\qlbreak\\schedule  timezone        SZ Europe/Berlin   timezone = "Europe/Berlin"
    ...\\qlbreak\\stretches equipment       MULTI_SZ chair, door-frame   equipment = [...]
    ...\\qlbreak\\reminder\\1  name, time (SZ), days (MULTI_SZ)   one [[reminder]] each, in order
    ...\\qlbreak\\admin     locked          MULTI_SZ holds.away, reminder   [admin] locked = [...]

A string that reads as a TOML value (``true``, ``15``, ``["mon"]``) is that value. The
registry has no lines: a problem names the key's path, at line 1. Written against the
``winreg`` API and tested with a fake hive (no Windows machine here).
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable, Iterator
from typing import Any

from qlbreak.storage.tomlfile import Located

ROOT = r"HKLM\Software\Policies\qlbreak"
REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_MULTI_SZ, REG_QWORD = 1, 2, 4, 7, 11
BOOLEANS = frozenset(
    {
        ("stretches", "no_floor"),
        ("dialog", "sound"),
        ("dialog", "spoken_cues"),
        ("checkin", "ask"),
        *(("holds", k) for k in ("presenting", "in_a_call", "camera", "away", "locked", "catch_up")),
    }
)

Hive = dict[str, Any]  # a key: {"values": {name: (type, data)}, "keys": {name: Hive}}


def read(hive: Callable[[], Hive | None] | None = None) -> Located | None:
    """The policies as a layer; None when the key is not there (no policy set)."""
    found = (hive or _registry)()
    if found is None:
        return None
    return Located(ROOT, as_settings(found))


def as_settings(hive: Hive) -> dict[str, Any]:
    """The policy key's tables as config.toml's data."""
    data: dict[str, Any] = {}
    for table, key in sorted(hive.get("keys", {}).items()):
        if table == "reminder":
            reminders = [key["keys"][n] for n in sorted(key.get("keys", {}), key=_number)]
            data[table] = [_values(table, r) for r in reminders]
        else:
            data[table] = _values(table, key)
    return data


def _number(name: str) -> tuple[int, str]:
    return (int(name), name) if name.isdigit() else (1 << 30, name)


def _values(table: str, key: Hive) -> dict[str, Any]:
    return {name: _value(table, name, kind, raw) for name, (kind, raw) in key.get("values", {}).items()}


def _value(table: str, name: str, kind: int, raw: Any) -> Any:
    if kind in (REG_DWORD, REG_QWORD):
        return bool(raw) if (table, name) in BOOLEANS else int(raw)
    if kind == REG_MULTI_SZ:
        return [str(item) for item in raw]
    text = str(raw)
    try:
        return tomllib.loads(f"value = {text}")["value"]
    except tomllib.TOMLDecodeError:
        return text  # a plain word: "local", "09:30"


def _registry() -> Hive | None:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return None
    import winreg

    def walk(key: Any) -> Hive:
        values: dict[str, tuple[int, Any]] = {}
        keys: dict[str, Hive] = {}
        for name, data, kind in _enum(lambda i: winreg.EnumValue(key, i)):
            values[name] = (kind, data)
        for (name,) in _enum(lambda i: (winreg.EnumKey(key, i),)):
            with winreg.OpenKey(key, name) as sub:
                keys[name] = walk(sub)
        return {"values": values, "keys": keys}

    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"Software\Policies\qlbreak") as root:
            return walk(root)
    except OSError:
        return None


def _enum(item: Callable[[int], tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    index = 0
    while True:
        try:
            yield item(index)
        except OSError:
            return
        index += 1
