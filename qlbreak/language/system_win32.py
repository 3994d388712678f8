"""Windows' display languages, most preferred first ("de-DE", "en-US"): what the user
chose in Settings, Time & language (``GetUserPreferredUILanguages``)."""

from __future__ import annotations

import sys


def ui_languages() -> tuple[str, ...]:
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
