"""The stretch window: it renders a Walkthrough's session and forwards presses.

It decides nothing: phases, timing and records belong to core/session.py and
walkthrough.py. It runs in its own process (``qlbreak stretch``), so a crash here
never takes the tray down, and the tray never pays for Tk.

Keys, whatever has the focus: Return goes on (Start, I'm ready, Close; during a hold
it does nothing, so a held Return never pauses or ends it), Space pauses and resumes a
hold (elsewhere it presses the focused button), Right skips this step, Escape closes
(a skip once a hold has begun), 1-4 answer "how did that feel?"; Tab moves between buttons.
An exercise done in sets (``ui/exercise.py``) adds the set, the breath with each rep,
the rest between sets and its own feelings (easy, about right, too hard, it hurt).
Buttons keep their places from screen to screen: the first is always the way on, and
"Another one" is always second, so a second click never lands on something else.
"""

from __future__ import annotations

import functools
import time
import tkinter as tk
from collections.abc import Callable

from qlbreak.core.kinds import Record
from qlbreak.core.session import Feeling, Phase, Side
from qlbreak.core.words import N_, _
from qlbreak.stretches import wording
from qlbreak.stretches.choosing import NothingFits
from qlbreak.ui import exercise, offer
from qlbreak.ui.base import (
    Fonts,
    button,
    focus_soon,
    link,
    make_fonts,
    scale_of,
    wrap_width,
)
from qlbreak.ui.cues_toggle import Voice
from qlbreak.ui.dialog_parts import chars_for, draw_ring, fit, hold_choice, needs_line, side_words
from qlbreak.ui.illustration import Illustration, image_file
from qlbreak.ui.safety import notice, open_safety
from qlbreak.ui.sound import Cue
from qlbreak.ui.theme import Palette
from qlbreak.ui.walkthrough import Walkthrough

TICK_MS = 100
SLOW_CYCLE_MS = 5000  # a slow movement held in a stretch (the stick sweep, the wall roll)
BUTTON_CHARS = 11  # every button as wide as "Another one": the same slots on every screen
FEELING_CHARS = 7
# Every button's words (marked here, translated where shown): the slots are as wide as the
# longest of them in the user's language, never narrower than above.
# Translators: the stretch window's buttons share one width: keep them short (about 11 letters)
BUTTONS: tuple[str, ...] = (
    N_("Start"),
    N_("Another one"),
    N_("Not now"),
    N_("I'm ready"),
    N_("Pause"),
    N_("Resume"),
    N_("Skip"),
)
BUTTONS += (N_("Close"),)
# The feelings after a stretch: the button's words (translated where shown), the rating.
# Translators: the buttons after a stretch (how did that feel?), about 7 letters
FEELINGS: tuple[tuple[str, Feeling], ...] = (
    (N_("Better"), Feeling.BETTER),
    (N_("Same"), Feeling.SAME),
    (N_("Worse"), Feeling.WORSE),
)
FEELINGS += ((N_("It hurt"), Feeling.HURT),)


class Dialog:
    def __init__(
        self,
        root: tk.Tk,
        walk: Walkthrough,
        palette: Palette,
        cue: Cue,
        assets: str,
        speed: float = 1.0,
        voice: Voice | None = None,  # the spoken cues (ui/cues_toggle.py)
    ) -> None:
        self.root, self.walk, self.palette, self.cue, self.assets = root, walk, palette, cue, assets
        self.speed = speed
        self.voice = voice or Voice(False)
        self._t0 = time.monotonic()
        self.fonts: Fonts = make_fonts(root)
        self.scale = scale_of(root)
        self.wrap = wrap_width(root)
        self._phase: Phase | None = None
        self._job: str | None = None
        self.countdown: tk.Label | None = None
        self.ring: tk.Canvas | None = None
        self.rep: tk.Label | None = None
        self.side: tk.Label | None = None  # the rest's line, counted down with it
        self.pause_button: tk.Button | None = None

        p = palette
        self.frame = tk.Frame(root, background=p.bg, padx=int(20 * self.scale), pady=int(12 * self.scale), name="walk")
        self.heading = tk.Label(self.frame, font=self.fonts.title, fg=p.fg, bg=p.bg, anchor="w", name="heading")
        self.heading.pack(fill="x")
        self.subheading = tk.Label(
            self.frame, font=self.fonts.body, fg=p.muted, bg=p.bg, anchor="w", justify="left", wraplength=self.wrap
        )
        self.subheading.pack(fill="x")
        self.picture = Illustration(self.frame, p.bg)
        self.picture.label.pack(pady=(int(6 * self.scale), int(4 * self.scale)))
        self.body = tk.Frame(self.frame, background=p.bg, name="body")
        self.body.pack(fill="both", expand=True)
        self.buttons = tk.Frame(self.frame, background=p.bg, name="buttons")
        self.buttons.pack(fill="x", pady=(int(6 * self.scale), 0))
        self._onward: Callable[[], object] | None = None  # what Return does on this screen
        footer = tk.Frame(self.frame, background=p.bg)
        footer.pack(fill="x", side="bottom")
        link(footer, _("Safety"), self.show_safety, p, self.fonts, name="safety").pack(side="left")
        self.hint = tk.Label(footer, fg=p.muted, bg=p.bg, font=self.fonts.small, anchor="e")
        self.hint.pack(side="right")

    # -- showing ------------------------------------------------------------------------

    def start(self) -> None:
        root = self.root
        root.bind("<space>", lambda _e: self.press(self.walk.toggle_pause, timed_only=True))
        root.bind("<Return>", self._return)
        root.bind("<KP_Enter>", self._return)
        root.bind("<Right>", lambda _e: self.press(self.walk.next, skip=True))
        root.bind("<Escape>", lambda _e: self.close())
        for key in range(1, len(FEELINGS) + 1):
            root.bind(str(key), functools.partial(self._key_feel, key - 1))
        root.protocol("WM_DELETE_WINDOW", self.close)
        self.frame.pack(fill="both", expand=True)
        self._load_stretch()
        self.render()

    def now(self) -> float:
        return (time.monotonic() - self._t0) * self.speed

    def render(self) -> None:
        session = self.walk.session
        changed = session.phase is not self._phase
        if changed:
            before, self._phase = self._phase, session.phase
            self.phase_changed(before, session.phase)
        self._update()
        if changed:  # its words are all in (a rep's breath, the rest's line): room for them
            self._fit()

    def phase_changed(self, before: Phase | None, phase: Phase) -> None:
        """The one place a new step begins (None before: the stretch's first screen,
        or the same screen rebuilt): its screen, and the chime where one is due."""
        self._build(phase)
        if phase in (Phase.SWITCH, Phase.REST, Phase.FEEDBACK) or before is Phase.REST:
            self.cue.play()

    def _load_stretch(self) -> None:
        stretch = self.walk.stretch
        self.root.title(_("qlbreak — {name}").format(name=stretch.name))
        self.heading.configure(text=stretch.name)
        double = self.scale >= 1.5
        size = (720, 480) if double else (360, 240)
        self.picture.load(image_file(stretch.image, self.palette.name == "dark", double, self.assets), size)
        self.picture.cycle_ms = None if stretch.walking else SLOW_CYCLE_MS  # reps follow the rep clock (_update)
        self._phase = None

    def _build(self, phase: Phase) -> None:
        for area in (self.body, self.buttons):
            for child in area.winfo_children():
                child.destroy()
        self.countdown = self.ring = self.rep = self.side = self.pause_button = None
        stretch = self.walk.stretch
        builders: dict[Phase, Callable[[], list[tk.Button]]] = {
            Phase.INTRO: self._intro,
            Phase.POSITION: self._position,
            Phase.HOLD: self._hold,
            Phase.SWITCH: self._hold,
            Phase.REST: self._hold,
            Phase.FEEDBACK: self._feedback,
            Phase.DONE: self._done,
        }
        self.subheading.configure(text=stretch.summary if phase is Phase.INTRO else "")
        made = builders[phase]()
        self.voice.offer(self.body, stretch, phase, self.palette, self.fonts)
        feelings = (
            chars_for(FEELINGS, FEELING_CHARS, most=FEELING_CHARS) if not exercise.in_sets(stretch) else 0
        )  # 0: as its words
        # longer words than English (German): each button as wide as its words, so three fit
        chars = feelings if phase is Phase.FEEDBACK else chars_for(BUTTONS, BUTTON_CHARS, most=BUTTON_CHARS)
        self._onward = None if self.walk.session.timed or phase is Phase.FEEDBACK else made[0].invoke
        for b in made:
            b.configure(width=chars)
            b.pack(side="left", padx=(0, 0 if b is made[-1] else int(8 * self.scale)))  # none after the last
            b.bind("<Return>", self._return)  # Return goes on, whichever button has the focus
            b.bind("<KP_Enter>", self._return)
            if self.walk.session.timed:  # Space pauses here, rather than pressing the button
                b.bind("<space>", self._space)
        if made:
            focus_soon(made[0])
        self.hint.configure(text=self.walk.hint)
        self._schedule()

    def _text(self, words: str, font: object = None, colour: str | None = None, name: str | None = None) -> tk.Label:
        label = tk.Label(
            self.body,
            text=words,
            font=font or self.fonts.body,  # type: ignore[arg-type]
            fg=colour or self.palette.fg,
            bg=self.palette.bg,
            wraplength=self.wrap,
            justify="left",
            anchor="w",
            name=name or "",  # "": Tk names it
        )
        label.pack(fill="x", pady=1)
        return label

    def _button(self, label: str, command: Callable[[], object], primary: bool = False) -> tk.Button:
        """``label``: the English words, marked with N_ (its widget's name, whatever the language)."""
        name = label.lower().replace(" ", "_").replace("'", "")
        return button(self.buttons, _(label), command, self.palette, self.fonts, primary=primary, name=name)

    def _another(self) -> tk.Button:
        """The "Another one" button, greyed out once it found that no other stretch fits."""
        b = self._button(N_("Another one"), lambda: self.press(self.walk.another))
        if self.walk.alone:
            self._grey(b)
        return b

    def _grey(self, b: tk.Button) -> None:
        b.configure(state="disabled", disabledforeground=self.palette.muted, cursor="", takefocus=False)

    def _intro(self) -> list[tk.Button]:
        s = self.walk.stretch
        self._text(_("Works: {targets}").format(targets=", ".join(_(wording.TARGETS[t]) for t in s.targets)))
        self._text(needs_line(s.equipment, s.optional))
        timing, held = self.walk.session.timing, exercise.amount(s)
        self._text(wording.position_line(s.position, held, timing.left, timing.right))
        if s.hold_range is not None:
            hold_choice(self.body, self.palette, self.fonts, s.hold_range, s.hold_seconds, self._hold_for)
        if note := exercise.level_note(self.walk):
            self._text(note, self.fonts.small, self.palette.accent, name="level")
        if s.how_often:
            self._text(s.how_often, self.fonts.small, self.palette.muted, name="often")
        if s.before:
            self._text(s.before, self.fonts.small, self.palette.warn, name="before")
        self.picture.show(mirrored=False, moving=True)
        return [
            self._button(N_("Start"), lambda: self.press(self.walk.next), primary=True),
            self._another(),
            self._button(N_("Not now"), self.close),
        ]

    def _hold_for(self, seconds: int) -> None:
        self.walk.hold_for(seconds)
        self._phase = None  # the intro again, with the new time lit
        self.render()

    def _position(self) -> list[tk.Button]:
        self._text(_("Get into position"), self.fonts.strong)
        for number, step in enumerate(self.walk.stretch.steps, start=1):
            self._text(_("{number}.  {step}").format(number=number, step=step), self.fonts.small)
        if self.walk.stretch.two_sided:  # which side is which: the picture is the user's mirror
            self._text(_(wording.MIRROR), self.fonts.small, self.palette.muted, name="mirror")
        self.picture.show(mirrored=False, moving=False)
        return [
            self._button(N_("I'm ready"), lambda: self.press(self.walk.next), primary=True),
            self._another(),
        ]

    def _hold(self) -> list[tk.Button]:
        session, p, sets = self.walk.session, self.palette, exercise.in_sets(self.walk.stretch)
        if sets and session.phase is not Phase.REST:
            self._text(exercise.set_line(session), self.fonts.strong, p.accent, name="set")
        if session.phase is Phase.REST:
            self.side = self._text("", self.fonts.strong, name="side")
        elif session.phase is Phase.SWITCH:
            self._text(_("Switch sides"), self.fonts.strong, name="side")
        elif session.side is not None:
            s = self.walk.stretch
            meaning = s.left if session.side is Side.LEFT else s.right
            words = side_words(session.side, meaning)
            self._text(words, self.fonts.strong, name="side")
            if note := self.walk.tighter_note:  # today's tighter side is held longer: say so
                self._text(note, self.fonts.small, p.accent, name="tighter")
        size = int(120 * self.scale)
        row = tk.Frame(self.body, background=p.bg)
        row.pack(fill="x")
        self.ring = tk.Canvas(row, width=size, height=size, bg=p.bg, highlightthickness=0, name="ring")
        self.ring.pack(side="left", padx=(0, int(12 * self.scale)))
        self.countdown = tk.Label(row, font=self.fonts.huge, fg=p.fg, bg=p.bg, name="countdown")
        self.countdown.pack(side="left")
        if session.phase is Phase.REST:
            self._text(_(exercise.REST_WORDS), self.fonts.small, p.muted, name="restwords")
        else:
            self.rep = self._text("", self.fonts.body, p.muted, name="rep")
            self._text(self.walk.stretch.gently, self.fonts.small, p.muted)
        self.pause_button = self._button(N_("Pause"), lambda: self.press(self.walk.toggle_pause))
        return [self.pause_button, self._button(N_("Skip"), lambda: self.press(self.walk.next, skip=True))]

    def _feedback(self) -> list[tk.Button]:
        self.picture.show(mirrored=False, moving=False)
        self._text(_("How did that feel?"), self.fonts.strong)
        if exercise.in_sets(self.walk.stretch):
            self._text(exercise.next_time(self.walk.demo), self.fonts.small, self.palette.muted, name="nexttime")
        return [self._button(label, functools.partial(self.feel, feeling)) for label, feeling in self._feelings()]

    def _feelings(self) -> tuple[tuple[str, Feeling], ...]:
        return exercise.FEELINGS if exercise.in_sets(self.walk.stretch) else FEELINGS

    def _done(self) -> list[tk.Button]:
        session = self.walk.session
        if session.feeling is Feeling.HURT:
            self.picture.label.pack_forget()
            notice(self.body, self.palette, self.fonts, self.wrap, hurt=exercise.after_hurt(self.walk)).pack(fill="x")
        elif self.walk.outcome == Record.PARTIAL:
            self._text(_(wording.PART_DONE), self.fonts.strong, name="encouragement")
        else:
            self._text(wording.encouragement(self.walk.streak), self.fonts.strong, name="encouragement")
        if self.walk.waiting:
            self._text(_(wording.NOT_SAVED_YET), self.fonts.small, self.palette.muted, name="unsaved")
        offer.later(self.root, self.body, self.walk, self.palette, self.fonts, self.wrap, self._fit)
        return [self._button(N_("Close"), self.root.destroy, primary=True)]

    def _update(self) -> None:
        session, now = self.walk.session, self.now()
        self.voice.look(session, now)  # a new step, or ten seconds left: said aloud when on
        if self.countdown is not None:
            left = session.remaining(now)
            self.countdown.configure(text=wording.clock(left))
        if self.ring is not None:
            draw_ring(self.ring, self.palette, self.scale, session.progress(now))
        if self.side is not None:
            self.side.configure(text=exercise.rest_line(session, now))
        if self.rep is not None:
            self.rep.configure(text=exercise.rep_text(session, self.walk.stretch, now))
        if self.pause_button is not None:
            self.pause_button.configure(text=_("Resume") if session.paused else _("Pause"))
            self.hint.configure(text=self.walk.hint)  # what Space does now
        if session.timed:
            mirrored = session.side is Side.RIGHT
            rep_pace = session.timing.pace
            if session.phase is Phase.REST:
                self.picture.show(mirrored=False, moving=False)
            elif rep_pace and session.phase is Phase.HOLD:  # one cycle a rep, in time with the breath
                self.picture.show_at(mirrored, (session.elapsed_at(now) % rep_pace) / rep_pace)
            else:
                self.picture.show(mirrored=mirrored, moving=not session.paused)

    # -- acting ---------------------------------------------------------------------------

    def press(self, action: Callable[[float], None], timed_only: bool = False, skip: bool = False) -> None:
        session = self.walk.session
        if (timed_only and not session.timed) or (
            skip and session.phase not in (Phase.POSITION, Phase.HOLD, Phase.SWITCH, Phase.REST)
        ):
            return
        before = self.walk.stretch
        try:
            action(self.now())
        except NothingFits as err:
            self.hint.configure(text=str(err)[:1].upper() + str(err)[1:])  # the rest as written (German nouns)
            if self.walk.alone:  # said once: the button goes grey, so it is not pressed in vain
                for b in self.buttons.winfo_children():
                    if isinstance(b, tk.Button) and b.winfo_name() == "another_one":
                        self._grey(b)
            return
        if self.walk.stretch is not before:
            self._load_stretch()
        self.render()

    def _return(self, _event: object) -> str:
        if self._onward is not None:
            self._onward()
        return "break"

    def _fit(self) -> None:
        fit(self.root, self.frame)

    def _space(self, _event: object) -> str:
        self.press(self.walk.toggle_pause, timed_only=True)
        return "break"

    def _key_feel(self, index: int, _event: object) -> None:
        self.feel(self._feelings()[index][1])

    def feel(self, feeling: Feeling) -> None:
        if self.walk.session.phase is Phase.FEEDBACK:
            self.press(lambda now: self.walk.feel(feeling, now))

    def close(self) -> None:
        self.walk.close(self.now())
        self.root.destroy()

    def show_safety(self) -> None:
        open_safety(self.root, self.palette, self.fonts, self.wrap)

    def _schedule(self) -> None:
        if self._job is not None:
            self.root.after_cancel(self._job)
            self._job = None
        if self.walk.session.timed:
            self._job = self.root.after(TICK_MS, self._tick)

    def _tick(self) -> None:
        self._job = None
        self.walk.tick(self.now())
        self.render()  # a new phase schedules its own tick in _build
        if self._job is None and self.walk.session.timed:
            self._job = self.root.after(TICK_MS, self._tick)
