"""PulseAudio or PipeWire's pulse server: is anything recording from a microphone?

``pactl list source-outputs`` lists every recording stream; level meters (the volume
control's peak detector) and streams from a monitor (recording what plays, not a
microphone) are not calls. One short ``pactl`` run a look, only while a reminder is due.
"""

from __future__ import annotations

import shutil
import subprocess

from qlbreak.core.words import N_
from qlbreak.edges.detect.facts import Unavailable

NOT_CALLS = ("peak detect", "pavucontrol", "volume control", "gnome-control-center", "monitor")
_NAMES = ("application.name", "media.name", "application.id", "target.object", "node.target")


def microphone(program: str | None = None) -> bool:
    pactl = program or shutil.which("pactl")
    if pactl is None:
        raise Unavailable(
            N_("cannot ask the sound server (the program that asks it, pactl, is not installed)"),
            "pactl (pulseaudio-utils) is not installed",
        )
    try:
        done = subprocess.run([pactl, "list", "source-outputs"], capture_output=True, text=True, timeout=3, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise Unavailable(
            N_("cannot ask the sound server (it did not answer)"), f"pactl did not answer: {err}"
        ) from err
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[0]
        refused = N_("cannot ask the sound server (it refused the connection)")
        words = refused if "refused" in why.lower() else N_("cannot ask the sound server (it did not answer)")
        raise Unavailable(words, f"no sound server answers pactl ({why})")
    return any(_is_call(block) for block in done.stdout.split("Source Output #")[1:])


def _is_call(block: str) -> bool:
    lowered = block.lower()
    names = [line.split("=", 1)[1] for line in lowered.splitlines() if line.strip().startswith(_NAMES) and "=" in line]
    return not any(word in name for name in names for word in NOT_CALLS)
