"""``qlbreak uninstall``: take qlbreak off this user's account and say plainly what
went and what stayed.

It goes: the running qlbreak (asked to quit first), the login item, the small files
the running one leaves (lock, socket, key), and what ``scripts/install.sh`` put in
place (the program's folder ``~/.local/share/qlbreak-venv``, the ``~/.local/bin/qlbreak``
command, a menu entry, the marked PATH line). It stays unless ``--purge``: the
settings and the history, so a later install finds them. ``--unattended`` (or ``--yes``,
the same) asks nothing and reads nothing: for scripts and IT; without it, and with no
terminal to answer on, nothing is removed.

The program's folder goes last, when everything this command still runs is loaded:
it is usually the folder this very program runs from (POSIX lets a running program's
files be deleted; on Windows the installer's folder does not exist).
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from qlbreak.cli import shellpath
from qlbreak.cli.context import Context, Fail
from qlbreak.core.words import N_, _
from qlbreak.edges import choose
from qlbreak.edges.login import autostart
from qlbreak.system import THIS, System

if TYPE_CHECKING:
    from qlbreak.storage.paths import Paths

VENV = "qlbreak-venv"  # scripts/install.sh's folder for the program, in the XDG data folder
LEFTOVERS = N_("small files the running qlbreak used (its lock, socket and key)")


@dataclass(frozen=True)
class Piece:
    what: str  # in the user's words
    where: str
    remove: Callable[[], None]


@dataclass(frozen=True)
class Plan:
    pieces: list[Piece]  # in this order; the program's own folder last
    kept: list[Path]  # the user's settings and history, where they are
    tidy: list[Path] = field(default_factory=list)  # qlbreak's folders, removed if left empty
    notes: list[str] = field(default_factory=list)  # what stays that is not ours to remove


@dataclass(frozen=True)
class Here:
    """What the plan depends on besides the paths: who runs it, and from where."""

    home: Path
    environ: Mapping[str, str]
    system: System = THIS
    prefix: str = sys.prefix
    base_prefix: str = sys.base_prefix
    python: str = sys.executable


def installer_venv(here: Here) -> Path:
    """Where ``scripts/install.sh`` puts the program (``${XDG_DATA_HOME:-~/.local/share}``)."""
    return Path(here.environ.get("XDG_DATA_HOME") or here.home / ".local" / "share") / VENV


def make_plan(paths: Paths, item: autostart.AutostartEntry, here: Here, purge: bool) -> Plan:
    """What an uninstall would remove and keep, from what is there now."""
    pieces: list[Piece] = []
    login = autostart.where(item)
    if login:
        pieces.append(Piece(_("start at login"), login, partial(autostart.remove, item)))
    venv = installer_venv(here)
    if here.system.install_script:
        launcher = shellpath.bin_dir(here.home) / "qlbreak"
        if _points_into(launcher, venv):
            pieces.append(Piece(_("the qlbreak command"), str(launcher), partial(launcher.unlink, missing_ok=True)))
        menu = venv.parent / "applications" / "qlbreak.desktop"
        if menu.is_file():
            pieces.append(Piece(_("the menu entry"), str(menu), partial(menu.unlink, missing_ok=True)))
        for rc in shellpath.marked(here.home):
            pieces.append(
                Piece(_("the line that puts ~/.local/bin on PATH"), str(rc), partial(shellpath.take_away, rc))
            )
    from qlbreak.edges.instance import peruser  # the one-per-user lock's folders: the user's own only

    lock_folders = [f for f in peruser.folders(paths.runtime_dir) if peruser.private(f)]
    small = [*dict.fromkeys((paths.runtime_dir, paths.state_dir / "run", *lock_folders)), paths.key_file]
    pieces += [Piece(_(LEFTOVERS), str(p), partial(_remove, p)) for p in small if _there(p)]
    folders = [f for f in dict.fromkeys((paths.config_dir, paths.data_dir, paths.state_dir)) if f.is_dir()]
    kept: list[Path] = []
    for folder in folders:
        if purge:
            pieces.append(Piece(_("your settings and history"), str(folder), partial(_remove, folder)))
        elif _holds_more_than(folder, small):
            kept.append(folder)
    notes = []
    own = paths.config_file
    if own.exists() and not own.is_relative_to(paths.config_dir):
        notes.append(_("Your own settings file {path} stays: qlbreak never removes a file you chose.").format(path=own))
    if venv.is_dir():
        pieces.append(Piece(_("the program"), str(venv), partial(_remove, venv)))
    if not _same(Path(here.prefix), venv):
        notes.append(_elsewhere(here))
    return Plan(pieces, kept, tidy=[] if purge else folders, notes=notes)


def cmd_uninstall(ctx: Context) -> int:
    from qlbreak.cli.commands import quit_running

    here = Here(Path.home(), os.environ)
    try:
        plan = make_plan(ctx.paths, choose.login_item(), here, ctx.args.purge)
    except OSError as err:  # a folder of ours that cannot be looked into
        if err.filename:
            raise Fail(
                _("nothing was removed: cannot look at {path}: {error}").format(
                    path=err.filename, error=err.strerror or err
                )
            ) from None
        raise Fail(_("nothing was removed: cannot look at a file: {error}").format(error=err.strerror or err)) from None
    running = _answers(ctx.paths)
    if not plan.pieces and not running:
        print(_("qlbreak is not installed for this user: there was nothing to remove."), file=ctx.out)
        _tell_kept(plan, here, ctx)
        return 0
    if not ctx.args.yes:
        _tell_plan(plan, running, ctx)
        if not sys.stdin or not sys.stdin.isatty():
            raise Fail(
                _(
                    "nothing was removed: answer on a terminal, or add {option} to uninstall without the question"
                ).format(option="--unattended")
            )
        # Translators: a yes/no question; the answer is typed as y or yes (kept in English too), N is the default
        print(_("Remove qlbreak now? [y/N] "), end="", file=ctx.out, flush=True)
        if sys.stdin.readline().strip().lower() not in _yes():
            print(_("Nothing was removed."), file=ctx.out)
            return 1
    try:
        stopped = quit_running(ctx)
    except Fail as failure:
        raise Fail(
            _("{problem}; nothing was removed: quit it from its menu, then run this again").format(problem=failure)
        ) from None
    _still_running(ctx.paths)
    done, failed = carry_out(plan)  # after this, the program's files may be gone: nothing more to import
    _tell_result(done, failed, stopped, ctx)
    _tell_kept(plan, here, ctx)
    return 1 if failed else 0


def _yes() -> set[str]:
    """The answers that mean yes: y and yes, and the user's language's own."""
    # Translators: the answers to "Remove qlbreak now? [y/N]" that mean yes, separated by "|"; y and yes always work
    own = _("y|yes")
    return {"y", "yes", *(word.strip().lower() for word in own.split("|") if word.strip())}


def carry_out(plan: Plan) -> tuple[list[Piece], list[tuple[Piece, str]]]:
    """Remove each piece (one that is gone already is fine); what went, and what could
    not, with why."""
    done: list[Piece] = []
    failed: list[tuple[Piece, str]] = []
    for piece in plan.pieces:
        try:
            piece.remove()
        except OSError as err:
            failed.append((piece, err.strerror or str(err)))
        else:
            done.append(piece)
    for folder in plan.tidy:
        try:
            folder.rmdir()
        except OSError:  # not empty: the user's files are in it
            continue
    return done, failed


# -- what the user reads --------------------------------------------------------------


def _tell_plan(plan: Plan, running: bool, ctx: Context) -> None:
    print(_("This removes qlbreak from your account:"), file=ctx.out)
    if running:
        print("  - " + _("the running qlbreak quits first"), file=ctx.out)
    for what, where in _grouped(plan.pieces):
        print(f"  - {what}: {', '.join(where)}", file=ctx.out)
    if plan.kept:
        print(_("Your settings and history stay, in:"), file=ctx.out)
        for folder in plan.kept:
            print(f"  {folder}", file=ctx.out)
        print(
            _("(To remove them too, answer N and run: {command})").format(command="qlbreak uninstall --purge"),
            file=ctx.out,
        )


def _tell_result(done: list[Piece], failed: list[tuple[Piece, str]], stopped: bool, ctx: Context) -> None:
    if stopped:
        print(_("The running qlbreak has quit."), file=ctx.out)
    if done:
        print(_("Removed:"), file=ctx.out)
        for what, where in _grouped(done):
            print(f"  {what}: {', '.join(where)}", file=ctx.out)
    for piece, why in failed:
        # Translators: {what} is a piece of qlbreak ("the menu entry"), {path} where it is, {why} the system's reason
        said = _("could not remove {what}: {path}: {why}").format(what=piece.what, path=piece.where, why=why)
        print("qlbreak: " + said, file=ctx.err)
    if not failed:
        print(_("qlbreak is uninstalled."), file=ctx.out)


def _tell_kept(plan: Plan, here: Here, ctx: Context) -> None:
    if plan.kept:
        print(_("Kept your settings and history, for a later install:"), file=ctx.out)
        for folder in plan.kept:
            print(f"  {folder}", file=ctx.out)
        if here.system.posix_shell:
            print(_("To remove them too, run:"), file=ctx.out)
            print(f"  rm -r {' '.join(shlex.quote(str(f)) for f in plan.kept)}", file=ctx.out)
        else:
            print(_("To remove them too, delete those folders."), file=ctx.out)
    for note in plan.notes:
        print(note, file=ctx.out)


def _grouped(pieces: list[Piece]) -> list[tuple[str, list[str]]]:
    groups: dict[str, list[str]] = {}
    for piece in pieces:
        groups.setdefault(piece.what, []).append(piece.where)
    return list(groups.items())


def _elsewhere(here: Here) -> str:
    windows = not here.system.posix_shell
    python = f'"{here.python}"' if windows and " " in here.python else shlex.quote(here.python)
    how = f"{python} -m pip uninstall qlbreak"
    if here.prefix != here.base_prefix:
        return _(
            "The program in {folder} was not put there by the installer, so it stays: "
            "delete that folder to remove it (or run: {command})."
        ).format(folder=here.prefix, command=how)
    return _("The program was installed with pip, so it stays: to remove it, run: {command}").format(command=how)


# -- the running qlbreak -------------------------------------------------------------


def _answers(paths: Paths) -> bool:
    """Whether a running qlbreak answers (its key may be beside its socket only: one
    started with another config folder)."""
    from qlbreak.edges.instance.endpoint import Endpoint, InstanceError, TrayBusy

    try:
        return Endpoint(paths.runtime_dir, paths.key_file).send("ping") == "ok"
    except InstanceError:
        return False
    except TrayBusy as busy:  # it runs: its files must not go from under it
        raise Fail(
            _("{problem}; nothing was removed (or quit it from its menu, then run this again)").format(problem=busy),
            busy.status,
        ) from None


def _still_running(paths: Paths) -> None:
    """A qlbreak that holds its lock but did not answer (stuck, or an older one): its
    files must not go from under it."""
    from qlbreak.edges.instance.endpoint import Endpoint, InstanceError

    endpoint = Endpoint(paths.runtime_dir, paths.key_file)
    try:
        free = endpoint.acquire()
    except InstanceError:
        return  # no lock can be taken here, so none is held
    if not free:
        raise Fail(
            _(
                "a qlbreak is running but does not answer; nothing was removed: "
                "quit it from its menu (or log out and in), then run this again"
            )
        )
    endpoint.release()


# -- files ------------------------------------------------------------------------------


def _there(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _remove(path: Path) -> None:
    """A file or a folder with all in it; one already gone is fine."""
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        return


def _points_into(link: Path, folder: Path) -> bool:
    """Whether ``link`` is the installer's symlink into ``folder`` (dangling or not)."""
    try:
        target = Path(os.readlink(link))
    except OSError:
        return False
    target = target if target.is_absolute() else link.parent / target
    return Path(os.path.normpath(target)).is_relative_to(os.path.normpath(folder))


def _holds_more_than(folder: Path, leftovers: list[Path]) -> bool:
    try:
        return any(p not in leftovers for p in folder.iterdir())
    except OSError:
        return True


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
