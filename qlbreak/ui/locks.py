"""What an organisation locks (issue 26, ``storage/config_layers.py``), in the settings
window and the welcome: the field shows the organisation's value, greyed and out of
reach (no click, no typing, Tab passes it by), with one line by it saying who set it.
The save never writes a locked key either (``storage/config_edit.py``): the field is
the person's sign, not the guard."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from qlbreak.core.words import N_, _
from qlbreak.storage.config import Config
from qlbreak.ui import form
from qlbreak.ui.base import Fonts
from qlbreak.ui.theme import Palette

if TYPE_CHECKING:
    from qlbreak.ui.settings import SettingsWindow

# Translators: by a setting the person cannot change: their organisation's administrator set it.
LOCKED = N_("Set by your organisation")

# Each field (group of widgets) the windows show, and the settings it shows
# (``Loaded.locked``'s keys; "reminder": the whole list of reminders).
FIELDS: dict[str, tuple[str, ...]] = {
    "reminders": ("reminder",),
    "snooze": ("schedule.snooze_minutes",),
    "grace": ("schedule.grace_minutes",),
    "style": ("schedule.reminder_style",),
    "floor": ("stretches.no_floor",),
    "equipment": ("stretches.equipment",),
    "avoid": ("stretches.avoid",),
    "language": ("dialog.language",),
    "theme": ("dialog.theme",),
    "sound": ("dialog.sound",),
    "spoken_cues": ("dialog.spoken_cues",),
    "checkin": ("checkin.ask",),
    "tighter": ("checkin.tighter",),
}


# Where each locked setting a window shows is in a Config: in its plan, its
# preferences, or itself.
_IN_PLAN = {"reminder": "reminders", "schedule.snooze_minutes": "snooze", "schedule.grace_minutes": "grace"}
_IN_PREFS = {"stretches.no_floor": "no_floor", "stretches.equipment": "equipment", "stretches.avoid": "avoid"}
_IN_CONFIG = {
    "schedule.reminder_style": "reminder_style",
    "dialog.theme": "theme",
    "dialog.sound": "sound",
    "dialog.spoken_cues": "spoken_cues",
    "dialog.language": "language",
    "checkin.ask": "checkin",
    "checkin.tighter": "tighter",
}


def kept(chosen: Config, base: Config, locked: Iterable[str]) -> Config:
    """``chosen`` with each locked setting as ``base`` (what the window read) has it, to
    the letter: a field that reads back a little differently (the equipment's implied
    "none") is not a change, and a save never asks to write a locked key."""
    for key in locked:
        if key in _IN_PLAN:
            chosen = replace(chosen, plan=replace(chosen.plan, **{_IN_PLAN[key]: getattr(base.plan, _IN_PLAN[key])}))
        elif key in _IN_PREFS:
            chosen = replace(
                chosen, prefs=replace(chosen.prefs, **{_IN_PREFS[key]: getattr(base.prefs, _IN_PREFS[key])})
            )
        elif key in _IN_CONFIG:
            chosen = replace(chosen, **{_IN_CONFIG[key]: getattr(base, _IN_CONFIG[key])})
    return chosen


def things(read: frozenset[str], ticked: set[str]) -> frozenset[str]:
    """The things to hand as ticked ("none" always among them), or as ``read`` has them
    when the same are ticked: a file's list without "none" is no change to save (an
    organisation's default would be copied into the user's file)."""
    return read if ticked == read - {"none"} else frozenset({"none"} | ticked)


def is_locked(locked: Mapping[str, str], field: str) -> bool:
    """Whether the organisation locks the setting ``field`` shows."""
    return any(key in locked for key in FIELDS.get(field, ()))


def is_given(origins: Mapping[str, str], field: str) -> bool:
    """Whether a layer gives the setting ``field`` shows (``Loaded.origins``: the user's
    file or the organisation's; a first run has no file, so: the organisation)."""
    return any(key in origins for key in FIELDS.get(field, ()))


def note(parent: tk.Misc, field: str, palette: Palette, fonts: Fonts, wrap: int) -> tk.Label:
    """The line by a locked field (packed where it is called)."""
    return form.note(parent, _(LOCKED), palette, fonts, wrap, name=f"{field}locked")


class Lines:
    """A window's "Set by your organisation" lines, put as its fields are built: one by
    each locked field, or, where the field just above it under the same heading is
    locked too, the one line moved down to serve both (one line for the group)."""

    def __init__(self, locked: Mapping[str, str], palette: Palette, fonts: Fonts, wrap: int) -> None:
        self.locked, self.p, self.f, self.wrap = locked, palette, fonts, wrap
        self.last: tk.Label | None = None  # the line of the field just built, if it was locked

    def by(self, page: tk.Misc, field: str) -> None:
        """After ``field``'s widgets were packed into ``page``."""
        if not is_locked(self.locked, field):
            self.last = None
            return
        last = self.last
        if last is not None and last.master is page and not self._heading_since(page, last):
            last.pack_forget()
            last.pack(fill="x")
            return
        self.last = note(page, field, self.p, self.f, self.wrap)

    def _heading_since(self, page: tk.Misc, line: tk.Label) -> bool:
        slaves = page.pack_slaves()
        since = slaves[slaves.index(line) + 1 :] if line in slaves else slaves
        return any(isinstance(w, tk.Label) and str(w.cget("font")) == str(self.f.strong) for w in since)


def freeze(widgets: Iterable[tk.Misc], palette: Palette) -> None:
    """Each of ``widgets`` and everything in it shown as it is, greyed, not changeable."""
    for widget in widgets:
        _freeze_one(widget, palette)
        freeze(widget.winfo_children(), palette)


def _freeze_one(widget: tk.Misc, palette: Palette) -> None:
    if isinstance(widget, tk.Entry | tk.Spinbox):
        widget.configure(
            state="disabled", disabledforeground=palette.muted, disabledbackground=palette.track, takefocus=0
        )
        if isinstance(widget, tk.Spinbox):
            widget.configure(buttonbackground=palette.bg, cursor="")
    elif isinstance(widget, tk.Checkbutton | tk.Radiobutton | tk.Button):
        widget.configure(state="disabled", disabledforeground=palette.muted, takefocus=0, cursor="")
        if isinstance(widget, tk.Checkbutton) and not widget.getboolean(widget.cget("indicatoron")):
            on = widget.getboolean(widget.getvar(str(widget.cget("variable"))))  # a day, drawn as a toggle
            widget.configure(selectcolor=palette.muted, disabledforeground=palette.on_accent if on else palette.muted)


def freeze_locked(locked: Mapping[str, str], fields: Mapping[str, Iterable[tk.Misc]], palette: Palette) -> list[str]:
    """Freeze the widgets of each locked field of ``fields``; returns the fields frozen."""
    frozen = [name for name in fields if is_locked(locked, name)]
    for name in frozen:
        freeze(fields[name], palette)
    return frozen


def lock_settings(w: SettingsWindow) -> None:
    """The settings window's locked fields: shown, greyed, not changeable (each field's
    line was put by it as the page was built: ``SettingsWindow._file_note``)."""
    from qlbreak.ui.settings import STYLES

    general, reminders, stretches = w.general.frame, w.pages["Reminders"], w.pages["Stretches"]
    fields: dict[str, list[tk.Misc]] = {
        "reminders": [w.rows.frame, w.add_button],
        "snooze": [w.snooze],
        "grace": [w.grace],
        "style": [reminders.nametowidget(f"style-{value}") for value, _words in STYLES],
        "floor": [stretches.nametowidget("floor")],
        "equipment": [stretches.nametowidget("equipment")],
        "avoid": [w.stretches.frame],
        "language": [general.nametowidget("languages")],
        "theme": [general.nametowidget("themes")],
        **{name: [general.nametowidget(name)] for name in ("sound", "spoken_cues", "checkin")},
        "tighter": list(w.general.checkin.buttons),
    }
    if "tighter" in freeze_locked(w.loaded.locked, fields, w.p):
        w.general.checkin.fixed = True  # the check-in's box no longer brings them back
