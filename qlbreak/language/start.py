"""Each process's first word: which language, loaded and handed to ``core.words``.

The tray and the command line decide (``decide``: the setting, else the system's) before
anything shows: the tray before its icon, the command line before its ``--help`` is
built, both from the one key of the config file (``storage.config.language_setting``: the
file's own reading comes later and reports any mistake in it). A window is told the tray's choice in its
spec and only ``speak``s it, so a window never disagrees with the menu that opened it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from qlbreak.core.words import Words, use
from qlbreak.language.catalogues import available, load
from qlbreak.language.choosing import pick
from qlbreak.language.system import preferred
from qlbreak.system import THIS, System


def decide(setting: str, env: Mapping[str, str] = os.environ, system: System = THIS) -> str:
    """The language code to speak for ``setting`` (a code, or ``system``)."""
    return pick(setting, preferred(env, system), available())


def speak(code: str) -> Words:
    """From now on this process speaks ``code`` (English if it has no catalogue)."""
    words = load(code)
    use(words)
    return words


def start(setting: str, env: Mapping[str, str] = os.environ) -> Words:
    """The language for ``setting`` (the config's ``[dialog] language``), spoken from now on."""
    return speak(decide(setting, env))
