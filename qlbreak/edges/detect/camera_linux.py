"""Linux: is a camera in use? A program of this user holding a video device open.

A video call's program opens ``/dev/video<N>`` itself (a browser, Zoom, Teams) and
keeps it open while the camera runs: ``/proc/<pid>/fd`` says so, for the user's own
processes, without any permission beyond being that user. PipeWire's own processes
are left out: they may keep a device open between uses, and PipeWire says itself
whether a camera of its runs (``pipewire.py``, read beside this one).

Only read while a reminder is due or held (every few seconds), so it is one pass over
``/proc``: a directory listing and a ``readlink`` per descriptor of this user's
programs (a name read only for one with a video device open). Measured on a 2-core
test machine: 3 ms for 87 processes with 490 descriptors, 30 to 100 ms for 300 with
9,600.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from qlbreak.core.words import N_
from qlbreak.edges.detect.facts import Unavailable

PROC = Path("/proc")
VIDEO_DEVICE = re.compile(r"/dev/video[0-9]+")  # a stand-in regular file there counts too (the tests use one)
PIPEWIRE = ("pipewire", "wireplumber")  # /proc/<pid>/comm starts so: PipeWire answers for these
NO_PROC = N_("cannot see which programs use the camera (this system has no /proc)")


def in_use(proc: Path = PROC, uid: int | None = None, me: int | None = None) -> bool:
    """Whether a process of ``uid`` (this user) other than ``me`` (this one) has a video
    device open. Processes that vanish or will not be looked at are passed over."""
    if sys.platform == "win32":  # no uids (mypy checks this module for Windows too)
        raise Unavailable(NO_PROC, "not Linux")
    uid = os.getuid() if uid is None else uid
    me = os.getpid() if me is None else me
    try:
        entries = os.scandir(proc)
    except OSError as err:
        raise Unavailable(NO_PROC, f"cannot list {proc}: {err}") from err
    with entries:
        for entry in entries:
            if not entry.name.isdigit() or int(entry.name) == me:
                continue
            try:
                if entry.stat().st_uid != uid or not _has_video_open(f"{entry.path}/fd/"):
                    continue
            except OSError:  # gone, or not ours to look at
                continue
            if not _is_pipewire(entry.path):
                return True
    return False


def _has_video_open(fds: str) -> bool:
    """Plain strings, not ``Path``s: a desktop's programs hold thousands of descriptors."""
    for name in os.listdir(fds):
        try:
            if VIDEO_DEVICE.fullmatch(os.readlink(fds + name)):
                return True
        except OSError:  # closed since the listing
            continue
    return False


def _is_pipewire(process: str) -> bool:
    try:
        with open(f"{process}/comm", encoding="utf-8", errors="replace") as comm:
            return comm.read().strip().startswith(PIPEWIRE)
    except OSError:
        return False
