"""Saving into ``config.toml`` as it is now, never as it was when a window opened.

The file is read again at the save; what the settings window changed is merged into
it (``config_merge``) and written in place (``config_edit``); the replace happens only
if the file is still what was read (its inode, size, modification time and a hash of
its bytes: ``atomic.write_over``), else it is read and merged again. A file that is
empty, missing or not TOML for a moment (an editor in the middle of writing it) is
waited for, briefly; if it stays unreadable, the window says where (file:line) and
nothing is written. A file the user made read-only is left alone, and the window says
so.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path

from qlbreak.storage import config, tomlfile
from qlbreak.storage.atomic import Changed, ReadOnly, Stamp, read_stamped, write_over
from qlbreak.storage.config import Config
from qlbreak.storage.config_edit import EditError, edited
from qlbreak.storage.config_merge import Conflict, Key, merge
from qlbreak.storage.tomlfile import MAX_BYTES

__all__ = ["EditError", "HandEdits", "save", "save_changes"]

TRIES = 20  # merges redone because an editor wrote the file meanwhile
SETTLE = 1.0  # seconds a file may look empty or broken before it counts as such
STEP = 0.02


class HandEdits(EditError):
    """The file was changed by hand, while the window was open, in settings the person
    also changed there: nothing written; the window shows the words and asks."""

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        one = len(conflicts) == 1
        lines = [
            "Not saved yet: your settings file was changed by hand while this window was open, and you changed"
            f" {'the same setting' if one else 'the same settings'} here:",
            *(f"\N{BULLET} {c.words}." for c in conflicts),
            f"Press Save again to use this window's {'choice' if one else 'choices'} (your other changes by hand"
            f" stay). To keep the file's, set {'it' if one else 'them'} the same here and save, or press Cancel"
            " (then nothing here is saved).",
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
            raise EditError(f"Not saved: {clash[0].words}.")
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
    for _ in range(TRIES):
        raw, stamp, now = _settled(path, stretch_ids, keep, had_file)
        new = make(raw, now)
        if new == raw:
            return
        try:
            write_over(path, new, stamp, MAX_BYTES)
            return
        except Changed:
            time.sleep(random.uniform(0, 10 * STEP))  # out of step with an editor saving again and again
            continue
        except ReadOnly:
            raise EditError(
                f"Not saved: {path} is read-only: someone locked it against changes, so qlbreak leaves it as it is."
                " To save here, allow changes to it again (in your file manager: Properties, Permissions),"
                " or edit it by hand."
            ) from None
    raise EditError(f"Not saved: {path} kept changing (is an editor writing it?); save again in a moment")


def _settled(
    path: Path, stretch_ids: Collection[str], keep: Config | None, had_file: bool
) -> tuple[bytes | None, Stamp, Config]:
    """The file as it is now, once it reads as a settings file: an editor writing it may
    leave it empty, missing or half written for a moment. It is read again for up to
    ``SETTLE`` seconds; then an empty or missing file counts as one, and a broken one
    is said, with its line (EditError)."""
    until = time.monotonic() + SETTLE
    while True:
        raw, stamp = read_stamped(path, MAX_BYTES)
        if raw is not None and len(raw) > MAX_BYTES:
            raise EditError(f"Not saved: {path}: too large to be a settings file")
        waiting = time.monotonic() < until
        if raw is None:
            if not (had_file and waiting):
                return None, stamp, Config()
        elif not raw.strip(b" \t\r\n\xef\xbb\xbf"):
            if not waiting:
                return raw, stamp, config.parse(raw, str(path), stretch_ids, keep).config
        else:
            try:
                tomlfile.parse(raw, str(path))
            except tomlfile.FileProblem as err:
                if not waiting:
                    raise EditError(f"Not saved: {err.problem}; fix it in an editor, then save again") from None
            else:
                return raw, stamp, config.parse(raw, str(path), stretch_ids, keep).config
        time.sleep(STEP)
