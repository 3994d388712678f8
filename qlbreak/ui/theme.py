"""Colours, fonts and the light/dark choice for the Tk windows."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from qlbreak.system import THIS, System


@dataclass(frozen=True, slots=True)
class Palette:
    name: str  # "light" or "dark": also picks the illustration files
    bg: str
    fg: str
    muted: str
    accent: str
    on_accent: str
    warn: str
    track: str  # the unfilled part of the countdown ring


LIGHT = Palette("light", "#F7F5F0", "#2B3440", "#5F6874", "#1F7A70", "#FFFFFF", "#A63D22", "#E2DED6")
DARK = Palette("dark", "#23262B", "#E6E9EE", "#A3ABB7", "#5CC8BA", "#10201E", "#FF9473", "#3A3F47")


def named(name: str) -> Palette:
    """The palette a parent chose for its window ("dark" or "light")."""
    return DARK if name == "dark" else LIGHT


def palette(setting: str, environ: Mapping[str, str] = os.environ, system: System = THIS) -> Palette:
    """``setting`` is the config's theme: "light", "dark" or "auto" (follow the system)."""
    if setting == "dark" or (setting == "auto" and prefers_dark(environ, system)):
        return DARK
    return LIGHT


def prefers_dark(environ: Mapping[str, str], system: System) -> bool:
    """Whether the desktop asks apps for a dark look; cheap checks only, never slow."""
    try:
        if system.registry:
            import winreg  # type: ignore[import-not-found,unused-ignore]

            key = r"Software\Microsoft\Windows\CurrentVersion\Themes\Personalize"
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key) as k:  # type: ignore[attr-defined,unused-ignore]
                return winreg.QueryValueEx(k, "AppsUseLightTheme")[0] == 0  # type: ignore[attr-defined,no-any-return,unused-ignore]
        if system.macos_defaults:
            import subprocess  # macOS only; an import Linux start-up need not pay for

            out = subprocess.run(
                ["defaults", "read", "-g", "AppleInterfaceStyle"],
                capture_output=True,
                text=True,
                timeout=2,
                check=False,
            )
            return out.stdout.strip().lower() == "dark"
        if "dark" in environ.get("GTK_THEME", "").lower():
            return True
        home = environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser(environ.get("HOME", "~")), ".config")
        settings = os.path.join(home, "gtk-3.0", "settings.ini")
        text = ""
        if os.path.isfile(settings):
            with open(settings, encoding="utf-8", errors="replace") as f:
                text = f.read()
        return "gtk-application-prefer-dark-theme=1" in text.replace(" ", "").lower()
    except Exception:  # noqa: BLE001 - guessing a theme must never stop the window opening
        return False
