"""The speaker where this system has no speech: it says nothing, and says why once in
the log (the person turned spoken cues on, so a silent window needs a reason)."""

from __future__ import annotations

import logging

log = logging.getLogger("qlbreak")


class Silent:
    def __init__(self, why: str) -> None:
        self.why = why
        self.told = False

    def say(self, text: str) -> None:
        if not self.told:
            self.told = True
            log.warning("spoken cues stay silent: %s", self.why)
