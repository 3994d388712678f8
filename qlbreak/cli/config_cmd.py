"""``qlbreak config``: the file's path; ``--check`` lists every mistake (the user's file,
the organisation's, the user's own stretches) and, where an organisation sets any
setting, which layer each value came from; ``--init`` writes the commented template,
every setting line left commented where an organisation gives the defaults (a line the
user did not choose must not hide the organisation's value)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from qlbreak.cli.context import Context, Fail
from qlbreak.core.words import _, ngettext
from qlbreak.storage import config as config_mod
from qlbreak.storage.config_layers import read_admin
from qlbreak.storage.config_template import template


def cmd_config(ctx: Context) -> int:
    a = ctx.args
    path = ctx.paths.config_file
    if a.init:
        return _init(ctx, path)
    if not a.check:
        print(path, file=ctx.out)
        return 0
    return _check(ctx, path)


def _init(ctx: Context, path: Path) -> int:
    from qlbreak.storage.atomic import write_atomic

    admin = read_admin()
    text = template(admin.files)
    try:
        write_atomic(path, text.encode(), overwrite=False)
    except FileExistsError:
        raise Fail(_("{path}: already exists; it was left as it is").format(path=path), status=1) from None
    except OSError as err:
        raise Fail(_("{path}: cannot write: {error}").format(path=path, error=err.strerror or err)) from None
    print(_("wrote {path}").format(path=path), file=ctx.out)
    return 0


def _check(ctx: Context, path: Path) -> int:
    from qlbreak.stretches.own import own_dir

    loaded, own = ctx.loaded, ctx.own_stretches()
    for problem in (*loaded.problems, *own.problems):
        print(problem, file=ctx.out)
    by_file: dict[str, int] = {}
    for problem in loaded.errors:
        by_file[problem.path] = by_file.get(problem.path, 0) + 1
    if own.errors:
        by_file[str(own_dir(path))] = len(own.errors)
    for where, count in by_file.items():
        print(ngettext("{path}: {n} error", "{path}: {n} errors", count).format(path=where, n=count), file=ctx.out)
    if loaded.origins or loaded.locked:
        _origins(ctx, loaded, str(path))
    if by_file:
        return 1
    if _exists(path):
        print(_("{path}: ok").format(path=path), file=ctx.out)
    else:
        print(_("{path}: not found, so the defaults apply").format(path=path), file=ctx.out)
    return 0


def _origins(ctx: Context, loaded: config_mod.Loaded, user: str) -> None:
    """Each setting, its value in effect, and the layer that gave it."""
    print(_("Where each setting comes from:"), file=ctx.out)
    table = config_mod.as_table(loaded.config)
    for section, key in config_mod.settings():
        name = f"{section}.{key}" if key else section
        value = table[section][key] if key else table[section]
        source = loaded.origins.get(name)
        if name in loaded.locked:
            said = _("locked by your organisation ({file})").format(file=loaded.locked[name])
        elif source is None:
            said = _("qlbreak's default")
        elif source == user:
            said = _("your file")
        else:
            said = _("your organisation ({file})").format(file=source)
        print(f"  {name} = {_shown(value)}  \N{EM DASH} {said}", file=ctx.out)


def _shown(value: Any) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict):  # the reminders
        return ", ".join(f"{r['name']} {r['time']}" for r in value)
    return json.dumps(value, ensure_ascii=False)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a folder that cannot be searched: the check above said so already
        return False
