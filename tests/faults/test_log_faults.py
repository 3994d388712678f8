"""The tray's log on a full disk: lines that cannot be written are dropped quietly (no
"--- Logging error ---" with a traceback on stderr), and logging resumes once there is room."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a tmpfs is POSIX")

SCRIPT = r"""
import logging, os, sys
from pathlib import Path
from qlbreak.tray import logs
log_file = Path(sys.argv[1]) / "state" / "qlbreak.log"
logs.setup(log_file)
log = logging.getLogger("qlbreak")
log.info("before the disk filled")
filler = Path(sys.argv[1]) / "filler"
with filler.open("wb", buffering=0) as out:
    try:
        while True:
            out.write(b"\0" * 4096)
    except OSError:
        pass
for n in range(200):
    log.info("a line that does not fit %d %s", n, "x" * 200)
filler.unlink()
log.info("after there was room again")
print("done")
"""


def test_a_full_disk_drops_log_lines_quietly(small_disk):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(small_disk.root)], check=False, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stdout == "done\n", done.stderr[-600:]
    assert done.stderr == "", done.stderr[-600:]  # before: "--- Logging error ---" and a traceback, per line
    text = (small_disk.root / "state" / "qlbreak.log").read_text(errors="replace")
    assert "before the disk filled" in text and "after there was room again" in text
