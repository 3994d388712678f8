"""The pieces the welcome and the settings window are built from: themed check boxes
and choices, a row of day toggles, and the list of reminders, each reachable with
Tab and changed with Space or typing. What the user typed is checked by the config
loader's own rules (``storage/config.py``), so a window and the file agree; a field is
checked again as it changes (``Changed``), so a mistake mended is no longer shown."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence
from datetime import time
from typing import Any

from qlbreak.core.schedule import WEEKDAYS, Reminder, reminder_name
from qlbreak.core.words import N_, _, formats
from qlbreak.storage.config_words import NO_DAY, NO_NAME, read_time, used_twice
from qlbreak.ui.base import Fonts, button
from qlbreak.ui.theme import Palette

# Each thing to hand, as a check box says it (core's words fit a sentence: "needs a chair").
EQUIPMENT_LABELS = {
    "chair": N_("A chair"),
    "stick": N_("A stick or broom handle"),
    "door-frame": N_("A door frame"),
    "ball": N_("A massage ball"),
    "band": N_("A band, belt or scarf"),
    "cushion": N_("A cushion"),
    "step": N_("A step or a sturdy low box"),
}
Field = tk.Entry | tk.Spinbox  # a typed-in field
# Told that a field (None: a day, a row) was typed in (False) or left (True).
Changed = Callable[[Field | None, bool], object]
Problems = list[tuple[Field | None, str]]  # what is wrong, with the field to fix (if one)


def equipment_label(thing: str) -> str:
    """A thing to hand as its check box says it: "A chair"."""
    from qlbreak.core.vocabulary import EQUIPMENT_WORDS

    if thing in EQUIPMENT_LABELS:
        return _(EQUIPMENT_LABELS[thing])
    words = _(EQUIPMENT_WORDS.get(thing, thing))
    return words[:1].upper() + words[1:]


def _unchanged(_field: Field | None, _left: bool) -> None:
    return None


def watch(field: Field, changed: Changed) -> None:
    """Tell ``changed`` when ``field`` is typed in, stepped (a spin box) or left."""
    field.bind("<KeyRelease>", lambda _e: changed(field, False), add="+")
    field.bind("<FocusOut>", lambda _e: changed(field, True), add="+")
    if isinstance(field, tk.Spinbox):
        field.configure(command=lambda: changed(field, False))


def heading(parent: tk.Misc, text: str, palette: Palette, fonts: Fonts, pady: tuple[int, int] = (10, 2)) -> tk.Label:
    label = tk.Label(parent, text=text, font=fonts.strong, fg=palette.fg, bg=palette.bg, anchor="w")
    label.pack(fill="x", pady=pady)
    return label


def note(parent: tk.Misc, text: str, palette: Palette, fonts: Fonts, wrap: int, name: str = "") -> tk.Label:
    label = tk.Label(parent, name=name) if name else tk.Label(parent)
    label.configure(
        text=text, font=fonts.small, fg=palette.muted, bg=palette.bg, anchor="w", justify="left", wraplength=wrap
    )
    label.pack(fill="x")
    return label


def _toggle_look(palette: Palette, fonts: Fonts) -> dict[str, Any]:
    """What a themed check box and choice share: colours, font, the focus ring."""
    return {
        "font": fonts.body,
        "anchor": "w",
        "bg": palette.bg,
        "fg": palette.fg,
        "activebackground": palette.bg,
        "activeforeground": palette.fg,
        "selectcolor": palette.track,
        "highlightthickness": 1,
        "highlightcolor": palette.fg,
        "highlightbackground": palette.bg,
        "bd": 0,
        "padx": 2,
        "pady": 1,
        "takefocus": True,
    }


def check(
    parent: tk.Misc,
    text: str,
    variable: tk.BooleanVar,
    palette: Palette,
    fonts: Fonts,
    name: str,
    command: Callable[[], object] | None = None,
) -> tk.Checkbutton:
    """A check box that shows the keyboard focus and follows the theme."""
    return tk.Checkbutton(
        parent,
        text=text,
        variable=variable,
        name=name,
        justify="left",
        command=command or (lambda: None),
        **_toggle_look(palette, fonts),
    )


def choice(
    parent: tk.Misc,
    text: str,
    variable: tk.StringVar,
    value: str,
    palette: Palette,
    fonts: Fonts,
    name: str,
    command: Callable[[], object] | None = None,
) -> tk.Radiobutton:
    """One of a set of choices (a radio button), themed like ``check``."""
    return tk.Radiobutton(
        parent,
        text=text,
        variable=variable,
        value=value,
        name=name,
        command=command or (lambda: None),
        **_toggle_look(palette, fonts),
    )


def field_look(palette: Palette, fonts: Fonts) -> dict[str, Any]:
    """What every typed-in field shares (an entry, a spin box): colours, the focus ring."""
    return {
        "font": fonts.body,
        "bg": palette.track,
        "fg": palette.fg,
        "insertbackground": palette.fg,
        "relief": "flat",
        "highlightthickness": 1,
        "highlightcolor": palette.accent,
        "highlightbackground": palette.muted,
    }


def entry(parent: tk.Misc, text: str, palette: Palette, fonts: Fonts, width: int, name: str) -> tk.Entry:
    field = tk.Entry(parent, width=width, name=name, **field_look(palette, fonts))
    field.insert(0, text)
    selects_all(field)
    return field


def selects_all(field: Field) -> None:
    """Ctrl+A selects all that ``field`` holds (Tk's own, emacs-style, goes to the line's
    start: "2" typed over "10" made "210"), and so does coming into it with Tab or a
    click, so that typing replaces it, as people expect. The click's own binding clears
    the selection after the focus moves: the selecting waits for it (idle)."""
    for keys in ("<Control-a>", "<Control-A>"):  # A: with Caps Lock on
        field.bind(keys, lambda _e: _select_all(field))
    field.bind("<FocusIn>", lambda _e: _select_soon(field), add="+")


def _select_soon(field: Field) -> None:
    field.after_idle(_select_all, field)


def _select_all(field: Field) -> str:
    if field.winfo_exists() and field.focus_get() is field:
        field.selection_range(0, len(field.get()))
        field.icursor("end")
    return "break"


def mark(field: Field, palette: Palette, wrong: bool) -> None:
    """Draw ``field`` as the one to fix (its ring and text in the warning colour), or as
    usual again. Only colours change: nothing around it moves."""
    field.configure(
        highlightbackground=palette.warn if wrong else palette.muted,
        highlightcolor=palette.warn if wrong else palette.accent,
        fg=palette.warn if wrong else palette.fg,
    )


class DayToggles:
    """Seven toggles, Monday first; Space flips the one with the focus. A day that is
    on is drawn in the accent colour, its letters in the accent's own text colour."""

    def __init__(
        self,
        parent: tk.Misc,
        days: frozenset[int],
        palette: Palette,
        fonts: Fonts,
        name: str,
        changed: Changed = _unchanged,
    ) -> None:
        self.frame = tk.Frame(parent, bg=palette.bg, name=name)
        self.palette, self.changed = palette, changed
        self.vars = [tk.BooleanVar(self.frame, value=i in days) for i in range(7)]
        self.boxes: list[tk.Checkbutton] = []
        for i, var in enumerate(self.vars):
            box = tk.Checkbutton(
                self.frame,
                text=formats().weekday_names()[i],
                variable=var,
                indicatoron=False,
                name=WEEKDAYS[i],
                font=fonts.small,
                width=4,
                bg=palette.track,
                selectcolor=palette.accent,
                relief="sunken",
                bd=1,
                offrelief="raised",
                cursor="hand2",
                highlightthickness=1,
                highlightcolor=palette.fg,
                highlightbackground=palette.bg,
                takefocus=True,
                padx=1,
                pady=2,
                command=self._flipped,
            )
            box.pack(side="left", padx=1)
            self.boxes.append(box)
        self._paint()

    def _flipped(self) -> None:
        self._paint()
        self.changed(None, False)

    def _paint(self) -> None:
        p = self.palette
        for box, var in zip(self.boxes, self.vars, strict=True):
            fg = p.on_accent if var.get() else p.fg
            box.configure(fg=fg, activeforeground=fg, activebackground=p.accent if var.get() else p.track)

    @property
    def days(self) -> frozenset[int]:
        return frozenset(i for i, var in enumerate(self.vars) if var.get())


class ReminderRows:
    """The reminders as rows to edit: name, time (HH:MM), days, and Remove; Add below."""

    def __init__(
        self,
        parent: tk.Misc,
        reminders: Sequence[Reminder],
        palette: Palette,
        fonts: Fonts,
        names: bool = True,
        removable: bool = True,
        changed: Changed = _unchanged,
    ) -> None:
        self.palette, self.fonts, self.names, self.removable = palette, fonts, names, removable
        self.changed = changed
        self.frame = tk.Frame(parent, bg=palette.bg, name="reminders")
        self.rows: list[tuple[tk.Frame, tk.Entry, tk.Entry, DayToggles]] = []
        self._from: dict[str, str | None] = {}  # each row: the reminder it shows (its name then)
        if names:
            head = tk.Frame(self.frame, bg=palette.bg, name="head")
            head.pack(fill="x")
            # Translators: column headings above the reminders' fields; the first two at most 11
            # and 5 letters wide (the fields below them).
            for text, width in ((_("Name"), 11), (_("Time"), 5), (_("Days"), 0)):
                label = tk.Label(head, text=text, font=fonts.small, fg=palette.muted, bg=palette.bg, anchor="w")
                label.configure(width=width) if width else None
                label.pack(side="left", padx=(0, 8))
        self._made = 0
        for reminder in reminders:
            self.add(reminder)

    def add(self, reminder: Reminder | None = None) -> tk.Entry:
        """A new row (a new reminder when None); returns its first field, for the focus."""
        p, f = self.palette, self.fonts
        r = reminder or Reminder(self._new_name(), time(15, 0), frozenset(range(5)))
        self._made += 1
        row = tk.Frame(self.frame, bg=p.bg, name=f"row{self._made}")
        row.pack(fill="x", pady=2)
        name = entry(row, reminder_name(r.name), p, f, 11, "name")  # a preset's in the user's words
        if self.names:
            name.pack(side="left", padx=(0, 6))
        at = entry(row, f"{r.at:%H:%M}", p, f, 5, "time")
        at.pack(side="left", padx=(0, 6))
        for field in (name, at):
            watch(field, self.changed)
        days = DayToggles(row, r.days, p, f, "days", self.changed)
        days.frame.pack(side="left")
        if self.removable:
            remove = button(row, _("Remove"), lambda: self.remove(row), p, f, name="remove")
            remove.configure(padx=6, pady=0, font=f.small)
            remove.pack(side="left", padx=(6, 0))
        self.rows.append((row, name, at, days))
        self._from[str(row)] = reminder.name if reminder is not None else None
        return name if self.names else at

    def remove(self, row: tk.Frame) -> None:
        self.rows = [r for r in self.rows if r[0] is not row]
        row.destroy()
        self.changed(None, False)  # a name used twice may be mended

    def read(self) -> tuple[tuple[Reminder, ...], Problems]:
        """The reminders as typed, and what is wrong with them (the loader's words), each
        with the field to fix."""
        reminders: list[Reminder] = []
        problems: Problems = []
        names: set[str] = set()
        for index, (row, name_field, time_field, toggles) in enumerate(self.rows, start=1):
            shown, was = name_field.get().strip(), self._from.get(str(row))
            # a preset's name as shown ("Vormittag"): kept as the file has it ("morning")
            name = was if was and shown == reminder_name(was) else shown
            at = read_time(time_field.get())
            if not name:
                problems.append((name_field, about(shown, index, _(NO_NAME))))
            elif name in names:
                problems.append((name_field, about(shown, index, used_twice(shown))))
            names.add(name)
            if isinstance(at, str):
                problems.append((time_field, about(shown, index, at)))
            if not toggles.days:
                problems.append((None, about(shown, index, _(NO_DAY))))
            if name and not isinstance(at, str) and toggles.days:
                reminders.append(Reminder(name, at, toggles.days))
        if not self.rows:
            problems.append((None, _("keep at least one reminder (or pause qlbreak from its menu)")))
        return tuple(reminders), problems

    def came_from(self) -> tuple[str | None, ...]:
        """Each row's reminder as it was when the row was made (None: a row added here),
        in order: a reminder is saved into its own table, found by that name, whatever
        was renamed, removed or added around it."""
        return tuple(self._from[str(row)] for row, *_ in self.rows)

    def fields(self) -> list[tk.Entry]:
        """Every typed-in field of every row, in order."""
        return [field for _row, name, at, _days in self.rows for field in (name, at)]

    def _new_name(self) -> str:
        taken = {row[1].get().strip() for row in self.rows}
        # Translators: a new reminder's name until the person types one (saved in the file as shown)
        names = (_("reminder {n}").format(n=i) for i in range(len(taken) + 1, 99))
        return next(n for n in names if n not in taken)


def about(name: str, index: int, problem: str) -> str:
    """A problem with one reminder, said with its name (or its place, with none yet)."""
    if name:
        # Translators: a problem with one reminder, e.g. 'the morning reminder: pick at least
        # one day'; {name} is the reminder's name as the person typed it.
        return _("the {name} reminder: {problem}").format(name=name, problem=problem)
    # Translators: a problem with a reminder that has no name yet; {number}: its row, from 1.
    return _("reminder {number}: {problem}").format(number=index, problem=problem)
