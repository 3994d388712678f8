"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import os
from pathlib import Path


def leftovers(path: Path) -> list[Path]:
    """Temporary files that ``write_atomic(path, ...)`` left behind when it was killed."""
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` via a temp file in the same folder.

    With ``overwrite=False`` an existing file is left alone and FileExistsError is
    raised, decided atomically by the file system (a hard link refuses to replace).
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _place_new(Path(tmp), path)
    finally:
        Path(tmp).unlink(missing_ok=True)


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
