"""An organisation's settings under the user's ``config.toml``: defaults an administrator
writes once for every desk, and the keys they lock.

    layer (strongest first)                 where
    a lock ([admin] locked = [...])         in any administrator's layer below
    the user's config.toml                  the per-user file (``paths.config_file``)
    Windows policies                        HKLM\\Software\\Policies\\qlbreak (``policies_win32``)
    the administrator's files               Linux: each $XDG_CONFIG_DIRS folder's qlbreak/config.toml,
                                            the first the strongest (default /etc/xdg);
                                            Windows: %ProgramData%\\qlbreak\\config.toml;
                                            macOS: /Library/Application Support/qlbreak/config.toml
    qlbreak's defaults                      ``config.Config``

A setting is one key of a table (``schedule.snooze_minutes``); the reminders are one
setting (``reminder``: the layer that writes any ``[[reminder]]`` gives them all, as in
one file). A lock names a key, a table (each of its keys) or ``reminder``; a locked key
takes the strongest administrator's value, or qlbreak's default when none gives one, and
the user's line for it is left out with a warning at its line. An administrator's file
that cannot be read is a problem at its file:line, never a stop: the other layers count.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import PlatformDirs

from qlbreak.core.words import _
from qlbreak.storage import policies_win32
from qlbreak.storage.config_read import Keys
from qlbreak.storage.config_words import shown
from qlbreak.storage.tomlfile import FileProblem, KeyPath, Located, Problem, read
from qlbreak.system import OS, THIS, System

ADMIN = "admin"  # the table only an administrator's layer may have
LIST_TABLES = ("reminder",)  # a setting of its own: the whole list comes from one layer
DEFAULTS = "default"  # config --check's word for a value no layer gives


@dataclass(frozen=True)
class Admin:
    """The administrator's layers, strongest first, and the problems reading them."""

    layers: tuple[Located, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(layer.path for layer in self.layers)

    @property
    def welcome(self) -> bool:
        """False where a layer says ``[admin] welcome = false``: the organisation's
        settings stand, and a first run asks no questions."""
        return not any(_admin_table(layer).get("welcome") is False for layer in self.layers)


def _admin_table(layer: Located) -> dict[str, Any]:
    table = layer.data.get(ADMIN, {})
    return table if isinstance(table, dict) else {}


NO_ADMIN = Admin()


def admin_places() -> tuple[Path, ...]:
    """Where an administrator's ``config.toml`` may be on this system, strongest first
    (platformdirs knows each system's folder; on Linux it reads ``$XDG_CONFIG_DIRS``)."""
    folders = PlatformDirs("qlbreak", appauthor=False, multipath=True).site_config_dir
    return tuple(Path(folder) / "config.toml" for folder in folders.split(os.pathsep) if folder)


def read_admin(
    places: Iterable[Path] | None = None,
    policies: Callable[[], Located | None] | None = None,
) -> Admin:
    """Every administrator's layer there is, strongest first: Windows' policies, then
    the files. A file that is not there is no layer; one that cannot be read is a problem."""
    layers: list[Located] = []
    problems: list[Problem] = []
    policy = (policies or _policies)()
    if policy is not None:
        layers.append(policy)
    for place in admin_places() if places is None else places:
        try:
            layers.append(read(place))
        except FileNotFoundError:
            continue
        except FileProblem as err:
            problems.append(err.problem)
    return Admin(tuple(layers), tuple(problems))


def _policies(system: System = THIS) -> Located | None:
    """Windows' group policies for qlbreak, where they exist (None elsewhere)."""
    return policies_win32.read() if system.os is OS.WINDOWS else None


class Layered(Located):
    """The layers as one document for the config reader: the merged values, and each
    problem placed in the layer its key came from (the right file, the right line)."""

    def __init__(self, data: dict[str, Any], owners: dict[KeyPath, Located], fallback: Located) -> None:
        super().__init__(fallback.path, data)
        self.owners, self.fallback = owners, fallback

    def owner(self, key: KeyPath) -> Located:
        for size in (2, 1):
            if len(key) >= size and (found := self.owners.get(_setting(key[:size]))) is not None:
                return found
        return self.fallback

    def problem(self, key: KeyPath, message: str, warning: bool = False) -> Problem:
        return self.owner(key).problem(key, message, warning)


@dataclass(frozen=True)
class Merged:
    """What the layers give: the document to read, where each setting came from, what is
    locked (and by which file), and the problems of the layering itself."""

    doc: Layered
    origins: dict[str, str] = field(default_factory=dict)  # "schedule.snooze_minutes" -> a path
    locked: dict[str, str] = field(default_factory=dict)  # "holds.away" -> the file that locks it
    problems: tuple[Problem, ...] = ()


def merge(user: Located | None, admin: Admin, keys: Keys) -> Merged:
    """The user's document over the administrator's layers, with their locks (``keys``:
    the settings qlbreak knows, ``config._KEYS``)."""
    problems: list[Problem] = list(admin.problems)
    locked = _locks(admin, keys, problems)
    if user is not None and ADMIN in user.data:
        # Translators: [admin] and locked stay as they are (the file's words).
        words = _("[admin] locks settings only in your organisation's file; here it was left out")
        problems.append(user.problem((ADMIN,), words, warning=True))
    order_open = ([user] if user is not None else []) + list(admin.layers)
    data: dict[str, Any] = {}
    owners: dict[KeyPath, Located] = {}
    for setting in _settings(order_open):
        lock = locked.get(setting)
        for doc in admin.layers if lock is not None else order_open:
            found, value = _value(doc, setting)
            if found:
                _put(data, setting, value)
                owners[setting] = doc
                break
        given, value = _value(user, setting) if user is not None else (False, None)
        if lock is not None and user is not None and given:
            same = setting in owners and _value(owners[setting], setting)[1] == value
            if not same:  # the same value as the organisation's is no news
                at = (*setting, 0) if setting[0] in LIST_TABLES else setting  # the first [[reminder]]
                problems.append(user.problem(at, _ignored(setting, lock), warning=True))
    origins = {_dotted(s): owners[s].path for s in owners if s[0] != ADMIN}
    fallback = user or (admin.layers[0] if admin.layers else Located("config.toml", {}))
    named_locks = {_dotted(s): lock for s, lock in locked.items()}
    return Merged(Layered(data, owners, fallback), origins, named_locks, tuple(problems))


def _ignored(setting: KeyPath, lock: str) -> str:
    # Translators: {key} is a setting as the file writes it ("schedule.snooze_minutes"); {file} a path.
    return _("{key} is set by your organisation ({file}); this line was left out").format(
        key=_dotted(setting), file=lock
    )


def _locks(admin: Admin, keys: Keys, problems: list[Problem]) -> dict[KeyPath, str]:
    """Each locked setting and the file that locks it (the strongest, when several do)."""
    locked: dict[KeyPath, str] = {}
    for layer in reversed(admin.layers):  # the strongest last: its name stays
        table = layer.data.get(ADMIN, {})
        if not isinstance(table, dict):
            words = _("{name} is a section: write [{name}] on a line of its own, its settings below it")
            problems.append(layer.problem((ADMIN,), words.format(name=ADMIN)))
            continue
        for key in table:
            if key not in ("locked", "welcome"):
                # Translators: {key} is a setting's name; [admin], locked and welcome stay as they are.
                words = _("'{key}' in [admin] is not a setting qlbreak knows (only locked and welcome); left out")
                problems.append(layer.problem((ADMIN, key), words.format(key=key), warning=True))
        if not isinstance(table.get("welcome", False), bool):
            words = _("{key} must be true or false (without quotes), not {value}")
            said = words.format(key="welcome", value=shown(table["welcome"]))
            problems.append(layer.problem((ADMIN, "welcome"), said))
        names = table.get("locked", [])
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            example = '["schedule.snooze_minutes", "reminder"]'
            words = _("locked must be a list of settings in square brackets, such as {example}")
            problems.append(layer.problem((ADMIN, "locked"), words.format(example=example)))
            continue
        for name in names:
            settings = _named(name, keys)
            if not settings:
                words = _(
                    "{name} in locked is not a setting qlbreak knows: write a section and a key, such as"
                    ' "holds.away", a whole section ("holds"), or "reminder"'
                )
                problems.append(layer.problem((ADMIN, "locked"), words.format(name=shown(name))))
            for setting in settings:
                locked[setting] = layer.path
    return locked


def _named(name: str, keys: Keys) -> list[KeyPath]:
    """The settings a lock's name covers: one key, a table's keys, or the reminders."""
    table, _dot, key = name.strip().partition(".")
    if table in LIST_TABLES and not key:
        return [(table,)]
    known = keys.get((table,), ()) if table in keys.get((), ()) and table not in LIST_TABLES else ()
    if not key:
        return [(table, k) for k in known]
    return [(table, key)] if key in known else []


def _settings(docs: Iterable[Located]) -> list[KeyPath]:
    """Every setting any layer writes, in the order first seen."""
    seen: dict[KeyPath, None] = {}
    for doc in docs:
        for table, value in doc.data.items():
            if table == ADMIN:
                continue
            if table in LIST_TABLES or not isinstance(value, dict):
                seen.setdefault((table,), None)
            else:
                for key in value:
                    seen.setdefault((table, key), None)
    return list(seen)


def _setting(key: KeyPath) -> KeyPath:
    return key[:1] if key and key[0] in LIST_TABLES else key


def _value(doc: Located, setting: KeyPath) -> tuple[bool, Any]:
    table = doc.data.get(str(setting[0]), _MISSING)
    if len(setting) == 1:
        return table is not _MISSING, table
    if not isinstance(table, dict) or setting[1] not in table:
        return False, None
    return True, table[setting[1]]


def _put(data: dict[str, Any], setting: KeyPath, value: Any) -> None:
    if len(setting) == 1:
        data[str(setting[0])] = value
    else:
        table = data.setdefault(str(setting[0]), {})
        if isinstance(table, dict):
            table[str(setting[1])] = value


def _dotted(setting: KeyPath) -> str:
    return ".".join(str(part) for part in setting)


_MISSING = object()
