"""Where the one tray locks and listens on POSIX (``peruser.py`` chooses this module).

Design: every folder named by the uid (``/run/user/<uid>/qlbreak``, ``/tmp/qlbreak-<uid>``)
is locked with ``flock`` on the folder itself, and taken again when a tmp cleaner removes it.
"""

from __future__ import annotations

import fcntl
import logging
import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from qlbreak.edges.instance.peruser import INSTANCE_ENV, LOST_AFTER, NotOurs

assert sys.platform != "win32"  # imported where there is flock; mypy checks it as such

log = logging.getLogger("qlbreak")


def folders(runtime_dir: Path, environ: Mapping[str, str]) -> tuple[Path, ...]:
    """The folders the one tray locks, in order; it listens in the first it can use."""
    given = environ.get(INSTANCE_ENV)
    if given:
        return (Path(given),)
    uid = os.getuid()
    run = Path(f"/run/user/{uid}")
    found = [run / "qlbreak"] if private(run) else []
    return (*found, Path(f"/tmp/qlbreak-{uid}"))  # not $TMPDIR: that differs between sessions


def private(folder: Path) -> bool:
    """Whether ``folder`` is a real folder of this user's that nobody else may enter."""
    try:
        found = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(found.st_mode) and found.st_uid == os.getuid() and not found.st_mode & 0o077


def take(folder: Path) -> int | None:
    """Lock ``folder`` (made 0700 when missing): the open folder to keep, or None
    when another process holds it. NotOurs when it is not this user's private
    folder; OSError when it cannot be made."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError as err:  # a link (ELOOP), or a file (ENOTDIR), put there by someone
        raise NotOurs(f"{folder} is not a folder ({err.strerror})") from None
    try:
        found = os.fstat(fd)
        if found.st_uid != os.getuid():
            raise NotOurs(f"{folder} belongs to another user (uid {found.st_uid})")
        if found.st_mode & 0o077:
            os.fchmod(fd, 0o700)  # ours, but left open to others: close it
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    except BaseException:
        os.close(fd)
        raise
    return fd


def still_there(folder: Path, fd: int) -> bool:
    """Whether ``folder`` is still the folder ``fd`` holds: a tmp cleaner (``rm -rf``,
    systemd-tmpfiles) may remove it, or someone replace it, under a running tray."""
    try:
        now, held = os.lstat(folder), os.fstat(fd)
    except OSError:
        return False
    return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)


def look_again(
    folders: tuple[Path, ...], appeared: list[Path], held: dict[Path, int], refused: dict[Path, int]
) -> tuple[list[Path], bool]:
    """Lock again each of ``folders`` that was removed or replaced under the running
    tray, and lock those that ``appeared``; ``held`` (folder: open fd) and ``refused``
    (looks in a row another held it; -1: cannot be made, said) are updated. The
    folders taken, and whether another qlbreak has held a removed one LOST_AFTER
    looks in a row (it started in the gap and runs; a start that asks holds it ms)."""
    taken: list[Path] = []
    for folder in (*folders, *appeared):
        fd = held.get(folder)
        if (fd is None and folder not in appeared) or (fd is not None and still_there(folder, fd)):
            continue  # passed over at start (another user's, said then), or still ours
        try:
            new = take(folder)
        except (NotOurs, OSError) as err:
            if refused.get(folder) != -1:
                refused[folder] = -1
                log.warning("cannot make and lock %s again: %s", folder, err)
            continue
        if new is None:
            refused[folder] = max(refused.get(folder, 0), 0) + 1
            if fd is not None and refused[folder] >= LOST_AFTER:
                log.warning("%s was removed under this qlbreak and another one took it: this one quits", folder)
                return taken, True
            continue
        refused.pop(folder, None)
        if fd is not None:
            os.close(fd)
            log.warning("%s was removed or replaced (a tmp cleaner?): made and locked again", folder)
        else:
            log.info("%s appeared: locked as well", folder)
        held[folder] = new
        taken.append(folder)
    return taken, False


def held_by_older(lock_file: Path) -> bool:
    """Whether an older qlbreak (one that locked a file) holds ``lock_file`` now."""
    try:
        fd = os.open(lock_file, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return False  # none there: nobody holds it
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


if TYPE_CHECKING:  # mypy: this module is what peruser.py expects
    from qlbreak.edges.instance import peruser, peruser_posix  # noqa: PLW0406 - itself, as a module

    _are_places: peruser.Places = peruser_posix
