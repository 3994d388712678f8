"""What every command needs (the paths, the catalogue, the settings, the history, the
clock), loaded once and only when asked for; and ``Fail``, how a command stops with one
clear line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from qlbreak.core.words import _, ngettext

if TYPE_CHECKING:
    import argparse
    from datetime import datetime
    from types import SimpleNamespace

    from qlbreak.storage import config as config_mod
    from qlbreak.storage.history import History
    from qlbreak.storage.paths import Paths
    from qlbreak.stretches.catalogue import Catalogue
    from qlbreak.stretches.own import Own


MAX_HISTORY_DAYS = 36600  # a hundred years


class Fail(Exception):
    """Stop the command with this message and exit status."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def either(names: list[str]) -> str:
    """Names as a choice, "a or b or c", in the user's language."""
    import functools

    # Translators: a choice between two names, "knee-drop or side-bend" (chained for more: "a or b or c")
    return functools.reduce(lambda a, b: _("{first} or {second}").format(first=a, second=b), names)


class Context:
    """What every command needs, loaded once and only when asked for."""

    def __init__(self, args: argparse.Namespace | SimpleNamespace, out: TextIO, err: TextIO) -> None:
        from qlbreak.storage.paths import default_paths

        self.args, self.out, self.err = args, out, err
        self.paths: Paths = default_paths(args.config)
        self._catalogue: Catalogue | None = None
        self.own: Own | None = None  # the user's own stretches, once the catalogue is loaded
        self._loaded: config_mod.Loaded | None = None
        self._reported = False

    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            from qlbreak.stretches import catalogue as catalog
            from qlbreak.stretches.own import load_all

            try:
                shipped = catalog.load()
            except catalog.CatalogueError as err:
                raise Fail(
                    _("the stretch catalogue is broken (please report this):\n{error}").format(error=err)
                ) from None
            self._catalogue, self.own = load_all(self.paths.config_file, shipped)
            self._tell_own()
        return self._catalogue

    @property
    def shown(self) -> Catalogue:
        """The catalogue in the user's language, for what a person reads (the ids, the
        matching and ``--json`` keep ``catalogue``'s own words)."""
        from qlbreak.stretches import translated

        return translated.catalogue(self.catalogue)

    def own_stretches(self) -> Own:
        """What the user's stretches folder held (the catalogue loads it)."""
        if self.own is None:
            self.catalogue  # noqa: B018 (loads self.own)
        assert self.own is not None
        return self.own

    def _tell_own(self) -> None:
        """The mistakes in the user's own stretches: ``list`` prints each (``config
        --check`` and the tray too, themselves); any other command says in one line
        that there are some."""
        problems = self.own.problems if self.own is not None else ()
        run = getattr(getattr(self.args, "run", None), "__name__", "")
        if not problems or run in ("cmd_config", "cmd_tray"):  # the tray's loop tells them at its first look
            return
        if run == "cmd_list":
            for problem in problems:
                print(problem, file=self.err)
        elif errors := [p for p in problems if not p.warning]:  # a missing picture: not at every command
            count = len(errors)
            # Translators: {command} is the command that lists them
            told = ngettext(
                "your own stretches have {n} mistake; see {command}",
                "your own stretches have {n} mistakes; see {command}",
                count,
            )
            print("qlbreak: " + told.format(n=count, command=self._check()), file=self.err)

    def _check(self) -> str:
        """The command that lists the mistakes, for this config file."""
        if not self.args.config:
            return "qlbreak config --check"
        from shlex import quote  # a path with spaces, to paste as it is

        return f"qlbreak --config {quote(self.args.config)} config --check"

    @property
    def loaded(self) -> config_mod.Loaded:
        if self._loaded is None:
            from qlbreak.storage import config as config_mod
            from qlbreak.stretches import catalogue as catalog
            from qlbreak.stretches import own

            ids = catalog.known_ids() | own.known_ids(own.own_dir(self.paths.config_file))
            self._loaded = config_mod.load(self.paths.config_file, ids)
        return self._loaded

    @property
    def config(self) -> config_mod.Config:
        """The settings, defaults filling in for mistakes in the file. The tray's start
        lists the mistakes, on stderr and in its log (``config --check`` too, from ``loaded``); every other command
        says in one line that there are some, so its own answer is not buried."""
        loaded = self.loaded
        if not self._reported and loaded.problems:
            self._reported = True
            from qlbreak.cli.tray import cmd_tray

            if getattr(self.args, "run", None) is cmd_tray:
                import logging

                for problem in loaded.problems:  # the log too: a tray started at login has no terminal
                    print(problem, file=self.err)
                    logging.getLogger("qlbreak").info("%s", problem)  # (its warnings go to stderr again)
                if loaded.errors:
                    print("qlbreak: " + _("using defaults where the config is wrong"), file=self.err)
            else:
                count = len(loaded.problems)
                # Translators: {command} is the command that lists them
                told = ngettext(
                    "your settings file has {n} mistake; see {command}",
                    "your settings file has {n} mistakes; see {command}",
                    count,
                )
                print("qlbreak: " + told.format(n=count, command=self._check()), file=self.err)
        return loaded.config

    @contextmanager
    def history(self) -> Iterator[History]:
        from qlbreak.storage.history import History, HistoryError

        now = self.now()
        try:
            history = History.open(self.paths.history_db, now)
        except HistoryError as err:
            raise Fail(str(err)) from None
        if history.notice:
            print(f"qlbreak: {history.notice}", file=self.err)
        try:
            yield history
        finally:
            history.close()

    def now(self, zone_name: str | None = None) -> datetime:
        from qlbreak import clock

        try:
            return clock.now(zone_name or self.config.timezone)
        except clock.UnknownZone as err:
            raise Fail(str(err)) from None

    def emit_json(self, data: object) -> None:
        import json

        json.dump(data, self.out, indent=2, ensure_ascii=False)
        self.out.write("\n")
