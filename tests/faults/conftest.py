"""The fault suite: damaged, busy, locked, full, read-only files; killed writers;
hostile clients of the endpoint; fuzzed input; file modes; a month-long soak.

Everything here carries the ``faults`` marker; the long ones also ``slow``. CI runs
all of it; a developer's quick round is ``pytest tests/faults -m "not slow"``.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.need import missing


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/faults/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.faults)


class SmallDisk:
    """A tmpfs of a few hundred KiB: it can be filled up and made read-only."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def fill(self) -> Path:
        """Take every free byte; returns the file to delete to free them again."""
        filler = self.root / "filler"
        with filler.open("wb", buffering=0) as out:
            try:
                while True:
                    out.write(b"\0" * 4096)
            except OSError:
                pass
        return filler

    def read_only(self, on: bool = True) -> None:
        subprocess.run(["mount", "-o", f"remount,{'ro' if on else 'rw'}", str(self.root)], check=True)


@pytest.fixture
def small_disk() -> Iterator[SmallDisk]:
    if os.geteuid() != 0:
        missing("a small tmpfs needs root (CI has it)")
    root = Path(tempfile.mkdtemp(prefix="qlbreak-disk-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs", str(root)], check=False)
    if done.returncode != 0:
        missing("mount refused a tmpfs here")
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], check=False)
        root.rmdir()
