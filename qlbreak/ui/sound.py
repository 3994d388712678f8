"""A soft cue at the switch and at the end of a hold, with whatever the OS has.

Never blocks and never raises: no player, no sound. The chime is a WAV drawn by
scripts/make_assets.py, so nothing is downloaded and no audio library is needed.
"""

from __future__ import annotations

import os

from qlbreak.system import THIS, System

LINUX_PLAYERS = (("paplay",), ("pw-play",), ("aplay", "-q"))


class Cue:
    def __init__(self, wav: str, enabled: bool = True, system: System = THIS) -> None:
        self.wav, self.enabled, self.system = str(wav), enabled and os.path.isfile(wav), system
        self.played = 0  # for tests and logs

    def play(self) -> None:
        if not self.enabled:
            return
        self.played += 1
        import shutil  # here, not at the top: the window's start-up need not pay for them
        import subprocess

        try:
            if self.system.winsound:
                import winsound  # type: ignore[import-not-found,unused-ignore]

                winsound.PlaySound(str(self.wav), winsound.SND_FILENAME | winsound.SND_ASYNC)  # type: ignore[attr-defined,unused-ignore]
                return
            argv = ("afplay",) if self.system.afplay else next((p for p in LINUX_PLAYERS if shutil.which(p[0])), None)
            if argv is None:
                _log("no sound player found; the cue stays silent")
                self.enabled = False
                return
            subprocess.Popen(
                [*argv, str(self.wav)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
            )
        except (OSError, RuntimeError) as err:
            _log(f"cue sound failed: {err}")


def _log(message: str) -> None:
    import logging  # rarely needed: not worth its import time at every window start

    logging.getLogger(__name__).info(message)
