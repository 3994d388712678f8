"""Saving into ``config.toml`` as it is now, never as it was when a window opened.

The file is read again at the save; what the settings window changed is merged into
it (``config_merge``) and written in place (``config_edit``); the replace happens only
if the file is still what was read (its inode, size, modification time and a hash of
its bytes: ``atomic.write_over``), else it is read and merged again. A file that is
empty, missing or not TOML for a moment (an editor in the middle of writing it) is
waited for, briefly; if it stays unreadable, the window says where (file:line) and
nothing is written. A file the user made read-only is left alone, and the window says
so.

An editor may write the file in place in parts (truncate, write, write). So the file
is read only once it has been left alone for ``QUIET`` seconds (at most ``BUSY``, else
"keeps changing" and nothing written), and it is kept open across the replace: what
was written into it after the read (the editor's handle still points there) is read
back through it, merged again and written. Not on Windows, where an open file cannot
be replaced: there the wait is the only net.
"""

from __future__ import annotations

import contextlib
import os
import random
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from qlbreak.core.words import _, ngettext
from qlbreak.storage import config, tomlfile
from qlbreak.storage.atomic import NO_FILE, Changed, ReadOnly, Stamp, digest, write_over
from qlbreak.storage.config import Config
from qlbreak.storage.config_edit import EditError, edited
from qlbreak.storage.config_merge import Conflict, Key, merge
from qlbreak.storage.tomlfile import MAX_BYTES
from qlbreak.system import THIS, System

__all__ = ["EditError", "HandEdits", "save", "save_changes"]

TRIES = 20  # merges redone because an editor wrote the file meanwhile
SETTLE = 1.0  # seconds a file may look empty or broken before it counts as such
STEP = 0.02
QUIET = 0.5  # seconds a file must have been left alone before it is read, or after it is replaced
BUSY = 3.0  # the longest wait for that


class HandEdits(EditError):
    """The file was changed by hand, while the window was open, in settings the person
    also changed there: nothing written; the window shows the words and asks."""

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        n = len(conflicts)
        lines = [
            ngettext(
                "Not saved yet: your settings file was changed by hand while this window was open, and you changed"
                " the same setting here:",
                "Not saved yet: your settings file was changed by hand while this window was open, and you changed"
                " the same settings here:",
                n,
            ),
            # Translators: one line of a list: what the file says and what the window says.
            *(_("\N{BULLET} {conflict}.").format(conflict=c.words) for c in conflicts),
            ngettext(
                "Press Save again to use this window's choice (your other changes by hand stay). To keep the"
                " file's, set it the same here and save, or press Cancel (then nothing here is saved).",
                "Press Save again to use this window's choices (your other changes by hand stay). To keep the"
                " file's, set them the same here and save, or press Cancel (then nothing here is saved).",
                n,
            ),
        ]
        super().__init__("\n".join(lines))


def save(path: Path, wanted: Config, stretch_ids: Collection[str]) -> None:
    """Write all of ``wanted`` (the welcome's choices) into the file at ``path`` as it is
    now (made from the template when there is none); EditError or OSError say why not,
    and then the file is as it was."""
    _save(path, stretch_ids, None, False, lambda raw, _now: edited(raw, str(path), wanted, stretch_ids))


def save_changes(
    path: Path,
    base: Config,
    window: Config,
    came_from: Sequence[str | None],
    stretch_ids: Collection[str],
    overrule: Mapping[Key, object] | None = None,
    *,
    had_file: bool = True,
) -> None:
    """Write what changed from ``base`` (what the window read as it opened; ``had_file``:
    from a file) to ``window`` into the file as it is now. HandEdits when a setting was
    changed both ways; ``overrule``: the ones the person chose the window's value for."""

    def make(raw: bytes | None, now: Config) -> bytes:
        merged = merge(base, window, came_from, now, overrule)
        clash = [c for c in merged.conflicts if c.key[-1:] == ("twice",)]  # not a choice: a rename
        if clash:
            # Translators: {conflict} says what clashes ("Two reminders would be called...").
            raise EditError(_("Not saved: {conflict}.").format(conflict=clash[0].words))
        if merged.conflicts:
            raise HandEdits(merged.conflicts)
        return edited(raw, str(path), merged.config, stretch_ids, merged.renamed)

    _save(path, stretch_ids, base, had_file, make)


def _save(
    path: Path,
    stretch_ids: Collection[str],
    keep: Config | None,
    had_file: bool,
    make: Callable[[bytes | None, Config], bytes],
) -> None:
    for _try in range(TRIES):
        raw, stamp, now, held = _settled(path, stretch_ids, keep, had_file)
        try:
            if _write(path, stretch_ids, keep, make, raw, stamp, now, held):
                return
        finally:
            if held is not None:
                held.close()
        time.sleep(random.uniform(0, 10 * STEP))  # out of step with an editor saving again and again
    message = _("Not saved: {file} kept changing (is an editor writing it?); save again in a moment")
    raise EditError(message.format(file=path))


def _write(
    path: Path,
    stretch_ids: Collection[str],
    keep: Config | None,
    make: Callable[[bytes | None, Config], bytes],
    raw: bytes | None,
    stamp: Stamp,
    now: Config,
    held: BinaryIO | None,
) -> bool:
    """Merge into ``raw`` and replace the file; False: it changed before the replace (read
    it again). ``held`` is the file as read, kept open: an editor that opened it before
    the replace writes on into it, and what it wrote there is merged again and written."""
    replaced = False  # the file at path is ours: written even when it is what the editor wrote
    with contextlib.ExitStack() as opened:
        for _try in range(TRIES):
            new = make(raw, now)
            if new == raw and not replaced:
                return True
            try:
                written = write_over(path, new, stamp, MAX_BYTES)
            except Changed:
                return False
            except ReadOnly:
                message = _(
                    "Not saved: {file} is read-only: someone locked it against changes, so qlbreak leaves it as"
                    " it is. To save here, allow changes to it again (in your file manager: Properties,"
                    " Permissions), or edit it by hand."
                )
                raise EditError(message.format(file=path)) from None
            late = _late(held, stamp) if held is not None else None
            if late is None:
                return True
            now = _onto(path, stretch_ids, keep, make, late, written)
            held = _open(path)
            if held is None:
                return False
            opened.enter_context(held)
            replaced = True
            if os.fstat(held.fileno()).st_ino != written.inode:
                return False
            raw, stamp = late, written
    return False


def _onto(
    path: Path,
    stretch_ids: Collection[str],
    keep: Config | None,
    make: Callable[[bytes | None, Config], bytes],
    late: bytes,
    written: Stamp,
) -> Config:
    """The editor's late words as a Config, for the window's changes to go onto; when they
    cannot take them, they are put back as the editor wrote them, and the window says why."""
    try:
        tomlfile.parse(late, str(path))
        now = config.parse(late, str(path), stretch_ids, keep).config
        make(late, now)
    except (EditError, tomlfile.FileProblem) as err:
        with contextlib.suppress(Changed):
            write_over(path, late, written, MAX_BYTES)
        if isinstance(err, EditError):
            raise
        raise EditError(_fix_it(err.problem)) from None
    return now


def _late(held: BinaryIO, read: Stamp) -> bytes | None:
    """What was written into the replaced file after it was read (None: nothing): an
    editor writing it in parts, through the handle it opened before the replace. Waited
    for while it is being written (``QUIET``), at most ``BUSY`` seconds."""
    fd = held.fileno()
    _wait_quiet(lambda: os.fstat(fd))
    st = os.fstat(fd)
    if (st.st_size, st.st_mtime_ns) == (read.size, read.mtime_ns):
        return None
    held.seek(0)
    data = held.read(MAX_BYTES + 1)
    return None if digest(data) == read.digest else data


def _wait_quiet(look: Callable[[], os.stat_result]) -> bool:
    """Wait until the file has been left alone for ``QUIET`` seconds (its modification
    time that old, or unchanged that long here: a time ahead of the clock is watched
    instead); False when it was still being written after ``BUSY`` seconds. (Not ctime:
    a file renamed into place is whole, and the replaced one's ctime is our unlink.)"""
    started = time.monotonic()
    last: tuple[int, ...] = ()
    since = started
    while True:
        st = look()
        mark = (st.st_ino, st.st_size, st.st_mtime_ns)
        now = time.monotonic()
        if mark != last:
            last, since = mark, now
        age = time.time() - st.st_mtime_ns / 1e9
        if age >= QUIET or now - since >= QUIET:
            return True
        if now - started >= BUSY:
            return False
        time.sleep(STEP)


def _open(path: Path) -> BinaryIO | None:
    try:
        return path.open("rb")
    except FileNotFoundError:
        return None


def _quiet(path: Path) -> None:
    """Before a read: an editor writing the file in parts is let finish (read between two
    parts, the first alone would be merged and the rest written into the replaced file)."""
    try:
        quiet = _wait_quiet(lambda: os.stat(path))
    except OSError:
        return  # missing or unreadable: the read says so
    if not quiet:
        message = _("Not saved: your settings file ({file}) keeps changing; save again in a moment")
        raise EditError(message.format(file=path))


def _settled(
    path: Path, stretch_ids: Collection[str], keep: Config | None, had_file: bool
) -> tuple[bytes | None, Stamp, Config, BinaryIO | None]:
    """The file as it is now, once it reads as a settings file, and kept open: an editor
    writing it may leave it empty, missing or half written for a moment. It is read
    again for up to ``SETTLE`` seconds; then an empty or missing file counts as one, and
    a broken one is said, with its line (EditError)."""
    until = time.monotonic() + SETTLE
    while True:
        _quiet(path)
        raw, stamp, held = _read(path)
        keep_open = False
        try:
            if raw is not None and len(raw) > MAX_BYTES:
                raise EditError(_("Not saved: {file}: too large to be a settings file").format(file=path))
            waiting = time.monotonic() < until
            if raw is None:
                if not (had_file and waiting):  # no file: the organisation's settings, if any
                    return None, stamp, config.parse(b"", str(path), stretch_ids, keep).config, held
            elif not raw.strip(b" \t\r\n\xef\xbb\xbf"):
                if not waiting:
                    keep_open = True
                    return raw, stamp, config.parse(raw, str(path), stretch_ids, keep).config, held
            else:
                try:
                    tomlfile.parse(raw, str(path))
                except tomlfile.FileProblem as err:
                    if not waiting:
                        raise EditError(_fix_it(err.problem)) from None
                else:
                    keep_open = True
                    return raw, stamp, config.parse(raw, str(path), stretch_ids, keep).config, held
        finally:
            if held is not None and not keep_open:
                held.close()
        time.sleep(STEP)


def _read(path: Path, system: System = THIS) -> tuple[bytes | None, Stamp, BinaryIO | None]:
    """The bytes at ``path`` (through a symlink), their stamp, and the file still open."""
    held = _open(path)
    if held is None:
        return None, NO_FILE, None
    try:
        data = held.read(MAX_BYTES + 1)
        st = os.fstat(held.fileno())
    except BaseException:
        held.close()
        raise
    stamp = Stamp(st.st_ino, st.st_size, st.st_mtime_ns, digest(data))
    if not system.replace_open_files:  # a file open there cannot be replaced: the wait for quiet is the net
        held.close()
        return data, stamp, None
    return data, stamp, held


def _fix_it(problem: tomlfile.Problem) -> str:
    # Translators: {problem} is what is wrong, as "config.toml:12: not valid TOML: ...".
    return _("Not saved: {problem}; fix it in an editor, then save again").format(problem=problem)
