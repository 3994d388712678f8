"""The system's preferred languages, most preferred first, on each system.

Linux and other POSIX systems: ``LANGUAGE`` (a colon list, as gettext reads it), then the
first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set. Windows: the user's UI
language (``GetUserPreferredUILanguages``), macOS: ``AppleLanguages`` (``defaults read
-g``); both through small functions a test replaces, and the environment as a fallback.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Mapping

from qlbreak.language.system_win32 import ui_languages as _windows
from qlbreak.system import THIS, System


def from_environment(env: Mapping[str, str]) -> tuple[str, ...]:
    """gettext's order: ``LANGUAGE`` (ignored when the locale is "C", as glibc does),
    then the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG``."""
    locale = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    chosen = [c for c in env.get("LANGUAGE", "").split(":") if c] if locale not in ("C", "POSIX") else []
    return tuple(chosen + ([locale] if locale else []))


def from_apple_languages(text: str) -> tuple[str, ...]:
    """``defaults read -g AppleLanguages`` prints ``(\\n    "de-DE",\\n    "en-US"\\n)``."""
    return tuple(part.strip().strip('"') for part in text.strip().strip("()").split(",") if part.strip())


def _macos() -> str:
    run = subprocess.run(
        ["defaults", "read", "-g", "AppleLanguages"], capture_output=True, text=True, timeout=5, check=False
    )
    return run.stdout if run.returncode == 0 else ""


def preferred(
    env: Mapping[str, str],
    system: System = THIS,
    windows: Callable[[], tuple[str, ...]] = _windows,
    macos: Callable[[], str] = _macos,
) -> tuple[str, ...]:
    """The system's languages, most preferred first; the environment's after them (a
    terminal's ``LANG`` on a Mac), never an error: an unreadable answer is none."""
    found: tuple[str, ...] = ()
    try:
        if system.registry:
            found = windows()
        elif system.macos_defaults:
            found = from_apple_languages(macos())
    except (OSError, subprocess.SubprocessError, ValueError, AttributeError):
        found = ()
    return found + from_environment(env)
