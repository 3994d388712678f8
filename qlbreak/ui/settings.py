"""The settings window (the tray's "Settings…", ``qlbreak settings``): every setting a
user looks for, on three pages, written into ``config.toml`` in place, as the file is
at the save (``storage/config_save.py``: hand edits made meanwhile, comments and
unknown keys survive; a setting changed both by hand and here is shown and asked).

What is typed is checked by the loader's rules before anything is written (and again
as a field changes), and a file the loader would reject is never written. It shows the
settings in effect: where a hand edit was not understood, the value the tray kept (its
spec's ``in_effect``), with a note by the field. A child process (``ui/spec.py``):
it answers ``saved`` (with ``autostart=on|off`` when that changed; the parent owns
the login item) or nothing when closed without saving.
"""

from __future__ import annotations

import sys
import tkinter as tk
import traceback
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import timedelta
from functools import partial
from pathlib import Path

from qlbreak.core.picker import Preferences, uses, why_not
from qlbreak.core.schedule import Plan
from qlbreak.core.vocabulary import EQUIPMENT
from qlbreak.core.words import N_, _, pgettext
from qlbreak.storage import config, config_words
from qlbreak.stretches import catalogue, own, translated
from qlbreak.ui import file_notes, form, locks, settings_reads
from qlbreak.ui.base import Fonts, button, focus_soon, main_window, make_fonts, scale_of, spec_of
from qlbreak.ui.safety import grow_to
from qlbreak.ui.settings_general import GeneralPage
from qlbreak.ui.settings_programme import programme_page
from qlbreak.ui.spec import Spec, answer
from qlbreak.ui.stretch_list import StretchList, count_words, own_mistakes
from qlbreak.ui.theme import Palette, named

APPNAME = "qlbreak-settings"
TITLE = N_("qlbreak \u2014 Settings")
SIZE = (600, 640)
PAGES = (N_("Reminders"), N_("Stretches"), N_("General"), N_("Programme"))  # also their keys, in English
STYLES = (
    (
        "both",
        N_(
            "A notification with buttons; where notifications have no buttons, qlbreak's small"
            " prompt by the tray, and a notification pointing to it"
        ),
    ),
    ("prompt", N_("Always qlbreak's small prompt by the tray")),
    ("notification", N_("Only a notification (where it has no buttons, click the qlbreak icon to start)")),
)
# Translators: the field "show it on your return within N minutes", named in a message
# such as "The wait for your return needs a number of minutes, from 0 to 120".
GRACE_WORDS = N_("The wait for your return")


class SettingsWindow:
    def __init__(self, root: tk.Tk, palette: Palette, spec: Spec) -> None:
        self.root, self.p = root, palette
        self.path = Path(spec["config"])
        self.autostart: bool | None = spec["autostart"]
        shipped = translated.catalogue(catalogue.load())  # in the user's words
        self.catalogue, self.own = own.load_all(self.path, shipped)  # with the user's own, marked so
        kept = config.in_effect(spec.get("in_effect"), self.catalogue.ids)  # from the running tray
        self.had_file = self.path.exists()
        self.loaded = config.load(self.path, self.catalogue.ids, keep=kept)  # the base a save merges from
        self.overrule: dict[tuple[str, ...], object] = {}  # hand edits the person chose to overrule
        self.marked: set[str] = set()  # the fields drawn as the ones to fix
        self.refused = False  # Save was refused: the message lists what is still wrong
        self.about = ""  # what the message says: "file", "fields" or nothing
        c = self.loaded.config
        self.resting = settings_reads.resting(c.timezone)
        self.f: Fonts = make_fonts(root)
        self.wrap = int((SIZE[0] - 60) * scale_of(root))
        self.lock_lines = locks.Lines(self.loaded.locked, palette, self.f, self.wrap)  # by what the organisation locks
        root.title(_(TITLE))
        outer = tk.Frame(root, bg=palette.bg, padx=18, pady=12, name="settings")
        outer.pack(fill="both", expand=True)
        self._top(outer)
        self.body = tk.Frame(outer, bg=palette.bg, name="body")
        self.message = tk.Label(
            outer,
            text="",
            font=self.f.small,
            fg=palette.warn,
            bg=palette.bg,
            wraplength=self.wrap,
            justify="left",
            anchor="w",
            name="message",
        )
        self._bottom(outer)
        hint = _("Alt+1 to Alt+4 switch pages; Ctrl+S saves; Esc closes without saving.")
        form.note(outer, hint, palette, self.f, self.wrap).pack_configure(side="bottom")
        self.message.pack(side="bottom", fill="x", pady=(6, 0))
        self.body.pack(fill="both", expand=True)
        reminders, stretches = self._reminders_page(c), self._stretches_page(c.prefs, str(spec["assets"]))
        self.general = GeneralPage(self.body, c, palette, self.f, self.wrap, self._file_note, self.path, self.autostart)
        self.pages = {
            "Reminders": reminders,
            "Stretches": stretches,
            "General": self.general.frame,
            "Programme": programme_page(self.body, palette, self.f, self.wrap, self.catalogue, c),
        }
        locks.lock_settings(self)
        self.show("Reminders")
        self.say(file_notes.words(self.loaded, PAGES), "file")
        root.bind("<Escape>", lambda _e: root.destroy())
        root.bind("<Control-s>", lambda _e: self.save())
        root.bind("<Control-Tab>", lambda _e: self._next_page(1))
        root.bind("<Control-ISO_Left_Tab>", lambda _e: self._next_page(-1))
        for i, page in enumerate(PAGES, start=1):
            root.bind(f"<Alt-Key-{i}>", partial(self.show, page))
        root.protocol("WM_DELETE_WINDOW", root.destroy)

    # -- frame ---------------------------------------------------------------------------

    def _top(self, outer: tk.Frame) -> None:
        tabs = tk.Frame(outer, bg=self.p.bg, name="tabs")
        tabs.pack(fill="x", pady=(0, 8))
        self.tabs: dict[str, tk.Button] = {}
        for page in PAGES:
            tab = button(tabs, _(page), partial(self.show, page), self.p, self.f, name=page.lower())
            tab.pack(side="left", padx=(0, 6))
            self.tabs[page] = tab

    def _bottom(self, outer: tk.Frame) -> None:
        bar = tk.Frame(outer, bg=self.p.bg, name="buttons")
        bar.pack(side="bottom", fill="x", pady=(10, 0))
        self.save_button = button(bar, _("Save"), self.save, self.p, self.f, name="save", primary=True)
        self.save_button.pack(side="right")
        button(bar, _("Cancel"), self.root.destroy, self.p, self.f, name="cancel").pack(side="right", padx=(0, 8))

    def show(self, page: str, _event: object = None) -> None:
        for name, frame in self.pages.items():
            frame.pack_forget() if name != page else frame.pack(fill="both", expand=True)
        if self.root.winfo_ismapped():  # a longer language's page: never cut (at open: open_window)
            grow_to(self.root, self.root.nametowidget(".settings"))
        for name, tab in self.tabs.items():
            on = name == page
            bg, fg = (self.p.accent, self.p.on_accent) if on else (self.p.track, self.p.fg)
            tab.configure(bg=bg, fg=fg, activebackground=bg, activeforeground=fg)
        self.current = page

    def _next_page(self, step: int) -> None:
        self.show(PAGES[(PAGES.index(self.current) + step) % len(PAGES)])

    def say(self, text: str, about: str = "") -> None:
        self.message.configure(text=text)
        self.about = about if text else ""

    def _file_note(self, page: tk.Frame, field: str) -> None:
        file_notes.note(page, field, self.loaded, self.p, self.f, self.wrap)
        self.lock_lines.by(page, field)

    # -- pages -----------------------------------------------------------------------------

    def _reminders_page(self, c: config.Config) -> tk.Frame:
        p, f = self.p, self.f
        page = tk.Frame(self.body, bg=p.bg, name="reminderspage")
        form.heading(page, _("Reminders"), p, f, pady=(0, 2))
        form.note(page, _("Each reminder comes at its time (HH:MM, 24-hour) on the days you pick."), p, f, self.wrap)
        self.rows = form.ReminderRows(page, c.plan.reminders, p, f, changed=self._changed)
        self.rows.frame.pack(fill="x", pady=(6, 2))
        self._file_note(page, "reminders")
        self.add_button = button(page, _("Add a reminder"), lambda: self.rows.add().focus_set(), p, f, name="add")
        self.add_button.pack(anchor="w", pady=(2, 0))
        form.heading(page, _("When a reminder comes"), p, f, pady=(14, 2))
        # Translators: the words before the snooze field's number: "Snooze for [10] minutes".
        snooze = _("Snooze for")
        self.snooze = self._minutes(page, snooze, c.plan.snooze, "snooze", config.SNOOZE_RANGE)
        self._file_note(page, "snooze")
        # Translators: the words before a field's number: "... show it on your return within [10] minutes".
        grace = _("If you are away when one comes, show it on your return within")
        self.grace = self._minutes(page, grace, c.plan.grace, "grace", config.GRACE_RANGE)
        self._file_note(page, "grace")
        tk.Label(page, text=_("Show each reminder as"), font=self.f.body, fg=p.fg, bg=p.bg, anchor="w").pack(
            fill="x", pady=(6, 0)
        )
        self.style = tk.StringVar(page, value=c.reminder_style)
        for value, text in STYLES:
            one = form.choice(page, _(text), self.style, value, p, f, name=f"style-{value}")
            one.configure(wraplength=self.wrap - 40, justify="left")
            one.pack(anchor="w")
        self._file_note(page, "style")
        return page

    def _minutes(self, page: tk.Frame, before: str, span: timedelta, name: str, limits: tuple[int, int]) -> tk.Spinbox:
        """A field for minutes, with ``before`` on its left and "minutes" on its right."""
        p, f = self.p, self.f
        row = tk.Frame(page, bg=p.bg, name=f"{name}row")
        row.pack(fill="x", pady=2)
        tk.Label(row, text=before, font=f.body, fg=p.fg, bg=p.bg).pack(side="left")
        spin = tk.Spinbox(
            row, from_=limits[0], to=limits[1], width=5, name=name, buttonbackground=p.track, **form.field_look(p, f)
        )
        spin.delete(0, "end")
        spin.insert(0, str(int(span.total_seconds() // 60)))
        spin.pack(side="left", padx=6)
        form.watch(spin, self._changed)
        form.selects_all(spin)
        # Translators: the word after a field's number of minutes: "Snooze for [10] minutes".
        after = pgettext("after a number field", "minutes")
        tk.Label(row, text=after, font=f.body, fg=p.fg, bg=p.bg).pack(side="left")
        return spin

    def _stretches_page(self, prefs: Preferences, assets: str) -> tk.Frame:
        p, f = self.p, self.f
        page = tk.Frame(self.body, bg=p.bg, name="stretchespage")
        form.heading(page, _("Where you stretch"), p, f, pady=(0, 2))
        self._file_note(page, "stretches")
        self.floor = tk.BooleanVar(page, value=not prefs.no_floor)
        form.check(
            page,
            _("I can get down on the floor there (leave it off at work)"),
            self.floor,
            p,
            f,
            "floor",
            self._refresh,
        ).pack(anchor="w")
        self._file_note(page, "floor")
        form.heading(page, _("What you have nearby"), p, f)
        grid = tk.Frame(page, bg=p.bg, name="equipment")
        grid.pack(fill="x")
        self.equipment: dict[str, tk.BooleanVar] = {}
        for i, thing in enumerate(e for e in EQUIPMENT if e != "none"):
            var = tk.BooleanVar(grid, value=thing in prefs.equipment)
            box = form.check(grid, form.equipment_label(thing), var, p, f, thing, self._refresh)
            box.grid(row=i // 2, column=i % 2, sticky="w", padx=(0, 12))
            self.equipment[thing] = var
        self._file_note(page, "equipment")
        form.heading(page, _("Stretches"), p, f)
        self._file_note(page, "avoid")
        self.count = form.note(page, "", p, f, self.wrap, name="count")
        if self.own.errors:  # a file of the user's own left out: which, and why
            form.note(page, own_mistakes(self.own.errors), p, f, self.wrap, name="ownmistakes").configure(fg=p.warn)
        self.stretches = StretchList(page, self.catalogue, prefs.avoid, p, f, assets, self._refresh)
        self.stretches.frame.pack(fill="both", expand=True, pady=(4, 0))
        self._refresh()
        return page

    # -- reading and saving -------------------------------------------------------------

    def prefs(self) -> Preferences:
        equipment = locks.things(self.loaded.config.prefs.equipment, {k for k, v in self.equipment.items() if v.get()})
        return Preferences(no_floor=not self.floor.get(), equipment=equipment, avoid=self.stretches.avoided)

    def _refresh(self) -> None:
        prefs = self.prefs()
        unfiltered = replace(prefs, avoid=frozenset())
        reasons = {s.id: why_not(s.candidate, unfiltered) for s in self.catalogue}
        used = {s.id: uses(s.candidate, prefs) for s in self.catalogue}
        self.stretches.explain(reasons, used, self.resting)
        allowed = {s.id for s in self.catalogue if why_not(s.candidate, prefs) is None}
        rest = len(allowed & self.resting.keys())
        reminded = sum(not s.candidate.exercise for s in self.catalogue)  # a programme offers the exercises
        self.count.configure(text=count_words(len(allowed) - rest, reminded, rest))

    def wanted(self) -> tuple[config.Config | None, form.Problems, str]:
        """The settings as shown, what is wrong with them (each with its field), and the
        page to fix it on."""
        reminders, problems = self.rows.read()
        minutes: list[int] = []
        for spin, words, limits in (
            # Translators: the snooze field, named in a message such as "Snooze needs a number of minutes".
            (self.snooze, pgettext("the field, in a message", "Snooze"), config.SNOOZE_RANGE),
            (self.grace, _(GRACE_WORDS), config.GRACE_RANGE),
        ):
            text = spin.get().strip()
            value: object = int(text) if text.isdigit() else text
            problem = config_words.minutes_problem(words, value, *limits)
            if problem:
                problems.append((spin, problem))
            minutes.append(value if isinstance(value, int) else 0)
        if problems:
            return None, problems, "Reminders"
        plan = Plan(reminders, timedelta(minutes=minutes[1]), timedelta(minutes=minutes[0]))
        ask, tighter = self.general.checkin.values()
        chosen = replace(
            self.loaded.config,
            plan=plan,
            prefs=self.prefs(),
            theme=self.general.theme.get(),
            sound=self.general.sound.sound.get(),
            spoken_cues=self.general.sound.spoken.get(),
            language=self.general.language.get(),
            reminder_style=self.style.get(),
            checkin=ask,
            tighter=tighter,
        )
        return locks.kept(chosen, self.loaded.config, self.loaded.locked), [], ""

    def _fields(self) -> list[form.Field]:
        return [*self.rows.fields(), self.snooze, self.grace]

    def _changed(self, field: form.Field | None, left: bool) -> None:
        """A field was typed in or left: check again. A mended field is drawn as usual
        and its words go; a wrong one is marked when left (never while typing)."""
        _chosen, problems, _page = self.wanted()
        wrong = {str(w) for w, _m in problems if w is not None}
        for each in self._fields():
            key = str(each)
            if key in self.marked and key not in wrong:
                self._mark(each, False)
            elif key in wrong and left and each is field:
                self._mark(each, True)
        shown = [m for w, m in problems if self.refused or (w is not None and str(w) in self.marked)]
        if shown:
            text = "; ".join(shown)
            self.say(
                _("Not saved: {problems}").format(problems=text) if self.refused else text[:1].upper() + text[1:],
                "fields",
            )
        elif self.about == "fields":
            self.say("")
        self.refused = self.refused and bool(shown)

    def _mark(self, field: form.Field, wrong: bool) -> None:
        form.mark(field, self.p, wrong)
        (self.marked.add if wrong else self.marked.discard)(str(field))

    def save(self) -> None:
        from qlbreak.storage.config_save import EditError, HandEdits, save_changes

        chosen, problems, page = self.wanted()
        if chosen is None:
            self.show(page)
            self.refused = True
            self.say(_("Not saved: {problems}").format(problems="; ".join(m for _w, m in problems)), "fields")
            wrong = [w for w, _m in problems if w is not None]
            for field in self._fields():
                self._mark(field, field in wrong)
            if wrong:
                wrong[0].focus_set()
            return
        base, came = self.loaded.config, self.rows.came_from()
        try:
            save_changes(self.path, base, chosen, came, self.catalogue.ids, self.overrule, had_file=self.had_file)
        except EditError as err:  # changed both ways (HandEdits): Save again means this window's
            self.overrule.update((c.key, c.theirs) for c in getattr(err, "conflicts", ()))
            self.say(str(err), "hand" if isinstance(err, HandEdits) else "")
            return
        except OSError as err:
            self.say(_("Not saved: {path}: {error}").format(path=self.path, error=err.strerror or err))
            return
        except Exception:  # noqa: BLE001 - a fault of qlbreak's own: said, never a dead Save button
            traceback.print_exc(file=sys.stderr)  # for the developer
            fault = _(
                "Not saved: qlbreak ran into a fault of its own while saving to {path} (not something you"
                " did). Try Save again; if it happens again, press Cancel and change the file in a text editor."
            )
            self.say(fault.format(path=self.path))
            return
        login = self.general.login.get()
        changed = self.autostart is not None and login != self.autostart
        answer(f"saved autostart={'on' if login else 'off'}" if changed else "saved")
        self.root.destroy()


def open_window(spec: Spec, build: Callable[[tk.Tk, Palette, Spec], object]) -> None:
    palette = named(spec["theme"])
    size = getattr(build, "SIZE", SIZE)
    root = main_window(palette, size, getattr(build, "APPNAME", APPNAME), min_size=(size[0] - 80, size[1] - 120))
    window = build(root, palette, spec)
    focus = getattr(window, "first_focus", None)
    if focus is not None:
        focus_soon(focus)  # before growing: growing maps the window, and a mapped one is not focused
    for frame in root.pack_slaves():  # a longer language (the welcome's last line): never cut
        if isinstance(frame, tk.Frame):
            grow_to(root, frame)
    root.lift()
    root.mainloop()


def run(window: str, argv: Sequence[str] | None, build: Callable[[tk.Tk, Palette, Spec], object]) -> int:
    """A settings-like window's life (this one, the welcome): its spec, then the loop;
    exit 2 with one line on stderr when it cannot start."""
    spec = spec_of(window, argv)
    if spec is None:
        return 2
    try:
        open_window(spec, build)
    except tk.TclError as err:
        print(_("qlbreak: cannot open a window: {error}").format(error=err), file=sys.stderr)
        return 2
    except catalogue.CatalogueError as err:
        print(f"qlbreak: {err}", file=sys.stderr)
        return 2
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return run("settings", argv, SettingsWindow)
