"""The first-run welcome: where you work, the floor, what you have to hand, the two
reminder times and the work days, start at login. The presets (an office, a chair and
a door frame, 09:30 and 12:30 on weekdays, start at login) are what Enter accepts.

The tray opens it when there is no ``config.toml`` yet; the answers are written there
through the same code as the settings window's (every answer can be changed later),
and the window answers like the settings window (``saved autostart=on``). Asked again
(``qlbreak settings --welcome``) it shows the answers in effect, not the presets, and
keeps any reminders beyond its two.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from qlbreak.core.schedule import Reminder, reminder_name
from qlbreak.core.vocabulary import EQUIPMENT
from qlbreak.core.words import N_, _, formats
from qlbreak.storage import config, config_words
from qlbreak.stretches import catalogue, own
from qlbreak.ui import form, locks
from qlbreak.ui.base import Fonts, button, make_fonts, scale_of
from qlbreak.ui.settings import run
from qlbreak.ui.spec import Spec, answer
from qlbreak.ui.theme import Palette

PLACES = (("office", N_("At an office")), ("home", N_("At home")), ("both", N_("Some of each")))
# What each place presets: whether the floor is likely, and what is likely to hand.
PRESETS = {
    "office": (False, {"chair", "door-frame"}),
    "home": (True, {"chair", "door-frame", "cushion"}),
    "both": (False, {"chair", "door-frame"}),
}
SLOTS = (("morning", N_("In the morning"), "09:30"), ("lunch", N_("At lunchtime"), "12:30"))  # the two time fields


@dataclass(frozen=True)
class Answers:
    """What the welcome shows: the presets on a first run, the config's answers after."""

    place: str  # none of PLACES when asked again: the config keeps the floor and the things, not the place
    floor: bool
    equipment: frozenset[str]
    times: tuple[tuple[str, str, str], ...]  # each field's reminder name, label, time
    days: frozenset[int]
    kept: tuple[Reminder, ...] = ()  # reminders beyond the two fields: saved as they are


PRESET = Answers("office", PRESETS["office"][0], frozenset(PRESETS["office"][1]), SLOTS, frozenset(range(5)))


def answers(path: Path, ids: frozenset[str]) -> Answers:
    """The presets, or the answers in ``path`` when it exists (asked again)."""
    try:
        if not path.exists():
            return PRESET
        current = config.load(path, ids).config
    except OSError:
        return PRESET
    times, days, kept = _reminders(current, SLOTS)
    equipment = frozenset(current.prefs.equipment - {"none"})
    return Answers("unsaid", not current.prefs.no_floor, equipment, times, days, kept)


def _reminders(
    c: config.Config, fill: tuple[tuple[str, str, str], ...]
) -> tuple[tuple[tuple[str, str, str], ...], frozenset[int], tuple[Reminder, ...]]:
    """The two time fields, the days and the other reminders for ``c``'s reminders;
    fewer than two: the rest of the fields from ``fill``."""
    shown, kept = c.plan.reminders[:2], c.plan.reminders[2:]
    names = {r.name for r in c.plan.reminders}
    labels = {name: label for name, label, _ in SLOTS}
    times = tuple((r.name, labels.get(r.name, r.name[:1].upper() + r.name[1:]), f"{r.at:%H:%M}") for r in shown)
    times += tuple(slot for slot in fill if slot[0] not in names)[: 2 - len(shown)]
    return times, shown[0].days if shown else PRESET.days, kept


def organisation_answers(shown: Answers, loaded: config.Loaded) -> Answers:
    """``shown`` with what the organisation gives (``storage/config_layers.py``) as it
    says, on a first run in place of the presets (Enter keeps them, and writes none of
    them); what it locks, shown so always (greyed, saved as it, its keys never written)."""
    c, locked, first = loaded.config, loaded.locked, shown is PRESET

    def given(field: str) -> bool:
        return locks.is_locked(locked, field) or (first and locks.is_given(loaded.origins, field))

    if given("floor"):
        shown = replace(shown, floor=not c.prefs.no_floor)
    if given("equipment"):
        shown = replace(shown, equipment=frozenset(c.prefs.equipment - {"none"}))
    if given("reminders"):  # theirs alone: a field with no reminder of theirs is not shown
        times, days, kept = _reminders(c, (("", "", ""), ("", " ", "")))
        shown = replace(shown, times=times, days=days, kept=kept)
    return shown


class Welcome:
    APPNAME = "qlbreak-welcome"
    SIZE = (520, 510)

    def __init__(self, root: tk.Tk, palette: Palette, spec: Spec) -> None:
        self.root, self.p = root, palette
        self.path = Path(spec["config"])
        self.autostart: bool | None = spec["autostart"]
        self.ids = catalogue.load().ids | own.known_ids(own.own_dir(self.path))
        self.loaded = config.load(self.path, self.ids)  # no file yet: the organisation's settings, if any
        self.locked = self.loaded.locked
        self.shown = answers(self.path, frozenset(self.ids))
        self.first = self.shown is PRESET  # the first run (the presets), not asked again
        self.shown = organisation_answers(self.shown, self.loaded)
        f: Fonts = make_fonts(root)
        self.f = f
        wrap = int((self.SIZE[0] - 50) * scale_of(root))
        root.title(_("qlbreak \u2014 Welcome"))
        page = tk.Frame(root, bg=palette.bg, padx=20, pady=14, name="welcome")
        page.pack(fill="both", expand=True)
        title = _("Welcome to qlbreak")
        tk.Label(page, text=title, font=f.title, fg=palette.fg, bg=palette.bg, anchor="w").pack(fill="x")
        form.note(
            page,
            _(
                "A few questions so that the stretches fit where you are. Enter keeps what is"
                " chosen; you can change all of it later in Settings, from the tray menu."
            ),
            palette,
            f,
            wrap,
        )
        self._where(page)
        self._to_hand(page)
        self._when(page)
        self.login = tk.BooleanVar(page, value=True if self.first else bool(self.autostart))
        if self.autostart is not None:
            form.heading(page, _("Starting"), palette, f)
            form.check(page, _("Start qlbreak when I log in"), self.login, palette, f, "autostart").pack(anchor="w")
        self.message = tk.Label(
            page,
            text="",
            font=f.small,
            fg=palette.warn,
            bg=palette.bg,
            wraplength=wrap,
            justify="left",
            anchor="w",
            name="message",
        )
        self.message.pack(fill="x", pady=(8, 0))
        # Translators: the welcome's one button: save the answers and start.
        self.first_focus = button(page, _("Start using qlbreak"), self.save, palette, f, name="start", primary=True)
        self.first_focus.pack(pady=(8, 4))
        if self.first:  # the first run; asked again, its room goes to the other reminders
            form.note(
                page,
                _("After this, click the qlbreak icon in your tray whenever you want a stretch."),
                palette,
                f,
                wrap,
            )
        root.bind("<Return>", lambda _e: self.save())
        root.bind("<KP_Enter>", lambda _e: self.save())
        root.bind("<Escape>", lambda _e: root.destroy())
        root.protocol("WM_DELETE_WINDOW", root.destroy)

    def _where(self, page: tk.Frame) -> None:
        palette, f = self.p, self.f
        form.heading(page, _("Where do you work?"), palette, f)
        places = tk.Frame(page, bg=palette.bg, name="places")
        places.pack(fill="x")
        self.place = tk.StringVar(page, value=self.shown.place)
        for value, text in PLACES:
            form.choice(places, _(text), self.place, value, palette, f, f"place-{value}", self._preset).pack(
                side="left", padx=(0, 10)
            )
        self.floor = tk.BooleanVar(page, value=self.shown.floor)
        # asked again (or the organisation's): a place no longer changes the floor
        self.floor_touched = (
            not self.first or locks.is_locked(self.locked, "floor") or locks.is_given(self.loaded.origins, "floor")
        )
        box = form.check(page, _("I can get down on the floor there"), self.floor, palette, f, "floor", self._touched)
        box.pack(anchor="w", pady=(6, 0))
        both = locks.is_locked(self.locked, "equipment")  # then the place presets nothing: not asked either
        self._locked(page, "floor", box, *([places] if both else []))

    def _to_hand(self, page: tk.Frame) -> None:
        palette, f = self.p, self.f
        form.heading(page, _("What do you have nearby?"), palette, f)
        grid = tk.Frame(page, bg=palette.bg, name="equipment")
        grid.pack(fill="x")
        self.equipment: dict[str, tk.BooleanVar] = {}
        for i, thing in enumerate(e for e in EQUIPMENT if e != "none"):
            var = tk.BooleanVar(grid, value=thing in self.shown.equipment)
            # Translators: the door frame's check box in the welcome, which asks about an office.
            text = _("A door frame (every office has one)") if thing == "door-frame" else form.equipment_label(thing)
            form.check(grid, text, var, palette, f, thing).grid(row=i // 2, column=i % 2, sticky="w", padx=(0, 12))
            self.equipment[thing] = var
        self._locked(page, "equipment", grid)

    def _when(self, page: tk.Frame) -> None:
        palette, f = self.p, self.f
        form.heading(page, _("When should qlbreak remind you?"), palette, f)
        times = tk.Frame(page, bg=palette.bg, name="times")
        times.pack(fill="x")
        self.times: list[tk.Entry] = []
        slots = {label for _name, label, _at in SLOTS}
        for i, ((reminder, label, preset), (name, _label, _at)) in enumerate(zip(self.shown.times, SLOTS, strict=True)):
            if not reminder:  # no reminder of the organisation's for this field: none shown
                continue
            named = label not in slots  # a reminder the person named: shown as written (its widget says so)
            text, where = (label, f"own{i}") if named else (_(label), f"slot{i}")
            tk.Label(times, text=text, font=f.body, fg=palette.fg, bg=palette.bg, name=where).pack(side="left")
            field = form.entry(times, preset, palette, f, 5, name)
            field.pack(side="left", padx=(6, 16))
            self.times.append(field)
        days = tk.Frame(page, bg=palette.bg, name="workdays")
        days.pack(fill="x", pady=(6, 0))
        # Translators: before the row of work days ("On Mon Tue Wed ..."): the days the reminders come.
        tk.Label(days, text=_("On"), font=f.body, fg=palette.fg, bg=palette.bg).pack(side="left", padx=(0, 6))
        self.days = form.DayToggles(days, self.shown.days, palette, f, "days")
        self.days.frame.pack(side="left")
        if not locks.is_locked(self.locked, "reminders"):
            tk.Label(days, text=_("(click a day to switch it)"), font=f.small, fg=palette.muted, bg=palette.bg).pack(
                side="left", padx=(8, 0)
            )
        self._locked(page, "reminders", times, self.days.frame)
        if self.shown.kept:
            wrap = int((self.SIZE[0] - 50) * scale_of(self.root))
            # Translators: one of the other reminders in a list: its name and its time.
            at = _("{name} at {time}")
            others = ", ".join(
                at.format(name=reminder_name(r.name), time=formats().clock(r.at)) for r in self.shown.kept
            )
            # Translators: {reminders} lists the reminders beyond the welcome's two, as "lunch at 12:30, ...".
            kept = _("Your other reminders ({reminders}) stay as they are; change them in Settings.")
            form.note(page, kept.format(reminders=others), palette, f, wrap)

    def _locked(self, page: tk.Frame, field: str, *widgets: tk.Misc) -> None:
        """A field the organisation locks: greyed, not changeable, its line under it."""
        if locks.is_locked(self.locked, field):
            locks.freeze(widgets, self.p)
            locks.note(page, field, self.p, self.f, int((self.SIZE[0] - 50) * scale_of(self.root)))

    def _touched(self) -> None:
        self.floor_touched = True

    def _preset(self) -> None:
        floor, things = PRESETS[self.place.get()]
        if not self.floor_touched:
            self.floor.set(floor)
        if locks.is_locked(self.locked, "equipment"):
            return
        for thing, var in self.equipment.items():
            if thing in things:
                var.set(True)

    def chosen(self) -> tuple[config.Config | None, list[str]]:
        days = self.days.days
        problems: list[str] = []
        reminders: list[Reminder] = []
        base = self.loaded.config  # no file yet: what the organisation gives, never written
        named = [t for t in self.shown.times if t[0]]  # a field with no reminder of the organisation's: none
        fields = [] if locks.is_locked(self.locked, "reminders") else zip(named, self.times, strict=True)
        for (name, _label, _at), field in fields:
            at = config_words.read_time(field.get())
            if isinstance(at, str):
                problems.append(form.about(name, 0, at))
            else:
                reminders.append(Reminder(name, at, days))
        if not days:
            problems.append(_("pick at least one work day"))
        if problems:
            return None, problems
        equipment = locks.things(base.prefs.equipment, {k for k, v in self.equipment.items() if v.get()})
        prefs = replace(base.prefs, no_floor=not self.floor.get(), equipment=equipment)
        reminders += self.shown.kept
        wanted = replace(base, plan=replace(base.plan, reminders=tuple(reminders)), prefs=prefs)
        return locks.kept(wanted, base, self.locked), []

    def save(self) -> None:
        from qlbreak.storage.config_save import EditError
        from qlbreak.storage.config_save import save as write

        wanted, problems = self.chosen()
        if wanted is None:
            self.message.configure(text=_("Not saved: {problems}").format(problems="; ".join(problems)))
            return
        try:
            if self.path.exists():  # written meanwhile (an editor, a second welcome): keep what it says
                current = config.load(self.path, self.ids).config
                wanted = replace(
                    current,
                    plan=replace(current.plan, reminders=wanted.plan.reminders),
                    prefs=replace(current.prefs, no_floor=wanted.prefs.no_floor, equipment=wanted.prefs.equipment),
                )
            write(self.path, wanted, self.ids)
        except EditError as err:
            self.message.configure(text=str(err))
            return
        except OSError as err:
            said = _("Not saved: {path}: {error}").format(path=self.path, error=err.strerror or err)
            self.message.configure(text=said)
            return
        login = f" autostart={'on' if self.login.get() else 'off'}" if self.autostart is not None else ""
        answer(f"saved{login}")
        self.root.destroy()


def main(argv: Sequence[str] | None = None) -> int:
    return run("welcome", argv, Welcome)
