"""Writing files so that a crash or a full disk never leaves half a file behind.

``write_atomic`` is for qlbreak's own files (0600, never a symlink of the user's);
``write_over`` is for a file the user edits too: it keeps the user's symlink and
mode, and never replaces what an editor wrote after we read it."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path


def digest(data: bytes) -> str:
    """The bytes' SHA-256, for telling a file changed (hashlib loads OpenSSL: a few MB
    the tray, which never edits the user's file, does not pay for)."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def leftovers(path: Path) -> list[Path]:
    """Temporary files that ``write_atomic(path, ...)`` left behind when it was killed."""
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` via a temp file in the same folder.

    With ``overwrite=False`` an existing file is left alone and FileExistsError is
    raised, decided atomically by the file system (a hard link refuses to replace).
    """
    tmp, _ = _written_beside(path, data)
    try:
        if overwrite:
            os.replace(tmp, path)
        else:
            _place_new(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _written_beside(path: Path, data: bytes) -> tuple[Path, os.stat_result]:
    """``data`` in a new temp file (0600) beside ``path``, on disk (fsync'd); its stat.
    The caller moves it into place and removes it if that fails."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
            return tmp, os.fstat(out.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _place_new(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        # A file system without hard links: the check and the move are two steps.
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(tmp, path)


# -- a file the user also edits (config.toml) --------------------------------------------


@dataclass(frozen=True)
class Stamp:
    """A file as it was read: a replace checks it still is (an editor may have written
    it meanwhile). ``None`` fields: there was no file."""

    inode: int | None
    size: int | None
    mtime_ns: int | None
    digest: str | None

    def same_bytes(self, other: Stamp) -> bool:
        """The same file with the same bytes: saved again unchanged (only its time moved)
        is no change to redo a merge for; anything else is."""
        return self == other or (self.inode, self.size, self.digest) == (other.inode, other.size, other.digest)


NO_FILE = Stamp(None, None, None, None)


class Changed(Exception):
    """The file changed between the read and the replace: nothing was written."""


class ReadOnly(OSError):
    """The user made the file read-only: a lock, respected; nothing was written."""


def read_stamped(path: Path, limit: int) -> tuple[bytes | None, Stamp]:
    """The bytes at ``path`` (through a symlink; None when there is no file; at most
    ``limit`` + 1 of them) and the stamp ``write_over`` checks."""
    try:
        with path.open("rb") as file:
            data = file.read(limit + 1)
            st = os.fstat(file.fileno())
    except FileNotFoundError:
        return None, NO_FILE
    return data, Stamp(st.st_ino, st.st_size, st.st_mtime_ns, digest(data))


def write_over(path: Path, data: bytes, read: Stamp, limit: int) -> Stamp:
    """Replace the user's file at ``path`` with ``data``, unless it changed since it was
    read as ``read`` (Changed: read it again and redo the change). Returns the stamp of
    the file written, for a write over it in turn.

    A symlink stays a symlink: its target is replaced (the temp file beside the target,
    so the rename stays on one file system); the file's mode is kept; a file with no
    write permission for anyone is a lock the user set: ReadOnly, nothing written."""
    real = Path(os.path.realpath(path))
    mode = 0o600
    try:
        st = real.stat()
    except FileNotFoundError:
        pass
    else:
        mode = stat.S_IMODE(st.st_mode)
        if not mode & 0o222:
            raise ReadOnly(errno.EACCES, "read-only", str(path))
    tmp, st = _written_beside(real, data)
    try:
        os.chmod(tmp, mode)
        if not read_stamped(real, limit)[1].same_bytes(read):
            raise Changed(str(path))
        os.replace(tmp, real)
        return Stamp(st.st_ino, st.st_size, st.st_mtime_ns, digest(data))
    finally:
        tmp.unlink(missing_ok=True)
