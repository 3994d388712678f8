"""The system's preferred languages, most preferred first, on each system.

Linux and other POSIX systems: ``LANGUAGE`` (a colon list, as gettext reads it), then the
first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set. Windows: the user's UI
language (``GetUserPreferredUILanguages``), macOS: ``AppleLanguages`` (``defaults read
-g``); both through small functions a test replaces, and the environment as a fallback.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Mapping

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


def _windows() -> tuple[str, ...]:
    if sys.platform != "win32":
        return ()
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32
    count, size = wintypes.ULONG(), wintypes.ULONG()
    MUI_LANGUAGE_NAME = 0x8  # "de-DE" rather than a number
    if not kernel32.GetUserPreferredUILanguages(MUI_LANGUAGE_NAME, ctypes.byref(count), None, ctypes.byref(size)):
        return ()
    buffer = ctypes.create_unicode_buffer(size.value)
    if not kernel32.GetUserPreferredUILanguages(MUI_LANGUAGE_NAME, ctypes.byref(count), buffer, ctypes.byref(size)):
        return ()
    listed = ctypes.wstring_at(ctypes.addressof(buffer), size.value)  # "de-DE\0en-US\0\0"
    return tuple(c for c in listed.split("\0") if c)


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
