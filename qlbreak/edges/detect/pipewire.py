"""PipeWire: is one of its cameras running? For programs that take the camera through
PipeWire (the camera portal, GNOME's Camera app, browsers set to use it), whose open
device is PipeWire's own, not theirs.

``pw-dump`` lists PipeWire's objects as JSON; a node of media class ``Video/Source``
in state ``running`` is a camera streaming to someone. One short run a look, only
while a reminder is due or held. ``run`` is the port: the tests hand it a recorded
answer.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable, Sequence

from qlbreak.core.words import N_
from qlbreak.edges.detect.facts import OddAnswer, Unavailable

Run = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]
NO_ANSWER = N_("cannot ask PipeWire (it did not answer)")


def _run(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), capture_output=True, text=True, timeout=3, check=False)


def camera(program: str | None = None, run: Run = _run) -> bool:
    """Whether a PipeWire camera (a ``Video/Source`` node) is running."""
    pw_dump = program or shutil.which("pw-dump")
    if pw_dump is None:
        raise Unavailable(
            N_("cannot ask PipeWire (the program that asks it, pw-dump, is not installed)"),
            "pw-dump (pipewire-bin) is not installed",
        )
    try:
        done = run([pw_dump])  # not a terminal: no colours (older pw-dumps know no --no-colors)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise Unavailable(NO_ANSWER, f"pw-dump did not answer: {err}") from err
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[0]
        raise Unavailable(NO_ANSWER, f"no PipeWire answers pw-dump ({why})")
    try:
        objects = json.loads(done.stdout)
    except ValueError as err:
        raise OddAnswer("pw-dump", done.stdout[:40]) from err
    if not isinstance(objects, list):
        raise OddAnswer("pw-dump", objects)
    return any(_running_camera(o) for o in objects)


def _running_camera(thing: object) -> bool:
    info = thing.get("info") if isinstance(thing, dict) else None
    props = info.get("props") if isinstance(info, dict) else None
    if not isinstance(info, dict) or not isinstance(props, dict):
        return False
    return props.get("media.class") == "Video/Source" and info.get("state") == "running"
