"""The morning check-in as the stretch window's first screen, and the warning signs
after it when a leg or the data asks for them (issue 22; the rules: core/checkin.py).

Keyboard first: digits choose the rating ("1" then "0" quickly is 10), Left and Right
move it, l r b n name the tighter side, y says yes to the leg question, Return goes
on and Escape skips today (a record without a rating). Closing the window answers
nothing: nothing is recorded, and it asks again next time.
"""

from __future__ import annotations

import functools
import time
import tkinter as tk
from collections.abc import Callable

from qlbreak.core.checkin import HIGHEST, LOWEST, CheckIn, Side, worry_words
from qlbreak.core.words import N_, _
from qlbreak.ui.base import Fonts, button, focus_soon, scale_of, wrap_width
from qlbreak.ui.safety import grow_to, notice
from qlbreak.ui.theme import Palette

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing
if TYPE_CHECKING:
    from qlbreak.ui.lately import Recent
    from qlbreak.ui.walkthrough import Walkthrough

# Words marked here, translated where shown (never at import).
TITLE = N_("How is your back today?")
# Translators: the answers to "Which side feels tighter?" (the keys l r b n choose them)
SIDES = ((N_("Left"), Side.LEFT), (N_("Right"), Side.RIGHT), (N_("Both"), Side.BOTH), (N_("Neither"), Side.NEITHER))
SIDE_KEYS = {Side.LEFT: "l", Side.RIGHT: "r", Side.BOTH: "b", Side.NEITHER: "n"}  # the same keys in every language
TEN_WITHIN = 1.0  # seconds: "1" then "0" this quickly is 10
# Translators: the keys stay as they are (l r b n y, Enter, Esc): they work the same in every language
KEYS = (
    N_("Keys: 0-9 or \u2190 \u2192 to rate (1 then 0 for 10)"),
    N_("l r b n the side · y yes · Enter go on · Esc skip today"),
)
NO_RATING = N_("Choose a number from 0 to 10 first, or press Esc to skip today.")
LEG_WORDS = N_(
    "You said there is new pain, numbness or tingling down a leg. Read the warning signs below before you "
    "stretch: if any of them fits, do not stretch today, and get help as it says."
)
SEE_SOMEONE = N_("This may be the time to see a doctor or a physiotherapist about your back.")


class CheckInScreen:
    """The three questions; ``answered`` gets the answers, ``skipped`` is Escape."""

    def __init__(
        self,
        root: tk.Tk,
        palette: Palette,
        fonts: Fonts,
        answered: Callable[[int, Side, bool], None],
        skipped: Callable[[], None],
    ) -> None:
        self.root, self.palette, self.fonts = root, palette, fonts
        self.answered, self.skipped = answered, skipped
        self.pain: int | None = None
        self.tighter, self.leg = Side.NEITHER, False
        self._one_at: float | None = None  # when "1" was pressed: a "0" soon after makes 10
        scale = scale_of(root)
        self.gap = int(8 * scale)
        p = palette
        root.title(_("qlbreak — Check-in"))
        self.frame = tk.Frame(root, background=p.bg, name="checkin", padx=int(20 * scale), pady=int(12 * scale))
        tk.Label(self.frame, text=_(TITLE), font=fonts.title, fg=p.fg, bg=p.bg, anchor="w", name="heading").pack(
            fill="x"
        )
        wrap = wrap_width(root)
        self.scale_row = self._row("scale", pady=(self.gap, 0))
        self.ratings = [
            self._choice(self.scale_row, str(n), functools.partial(self.rate, n), f"p{n}", small=True)
            for n in range(LOWEST, HIGHEST + 1)
        ]
        ends = self._row("ends")
        # Translators: the ends of the 0 to 10 pain scale, under its numbers (keep them short)
        tk.Label(ends, text=_("0 no pain"), font=fonts.small, fg=p.muted, bg=p.bg).pack(side="left")
        tk.Label(ends, text=_("10 worst imaginable"), font=fonts.small, fg=p.muted, bg=p.bg).pack(side="right")
        self._question(_("Which side feels tighter?"))
        row = self._row("sides")
        self.sides = {
            side: self._choice(
                row,
                _(label),
                functools.partial(self.side, side),
                label.lower(),
                underline=_key_at(_(label), SIDE_KEYS[side]),
            )
            for label, side in SIDES
        }
        self._question(_("Any new pain, numbness or tingling down a leg?"))
        row = self._row("leg")
        self.legs = {
            False: self._choice(row, _("No"), functools.partial(self.leg_is, False), "leg_no"),
            True: self._choice(
                row, _("Yes"), functools.partial(self.leg_is, True), "leg_yes", underline=_key_at(_("Yes"), "y")
            ),
        }
        self.message = tk.Label(
            self.frame,
            font=fonts.small,
            fg=p.warn,
            bg=p.bg,
            anchor="w",
            justify="left",
            wraplength=wrap,
            name="message",
        )
        self.message.pack(fill="x", pady=(self.gap // 2, 0))
        buttons = self._row("buttons", pady=(self.gap, 0))
        self.go_on = button(buttons, _("Go on"), self.submit, p, fonts, primary=True, name="go_on")
        self.skip = button(buttons, _("Skip today (Esc)"), self.skipped, p, fonts, name="skip_today")
        for b in (self.go_on, self.skip):
            b.pack(side="left", padx=(0, self.gap))
        tk.Label(
            self.frame,
            text="\n".join(_(line) for line in KEYS),  # two lines, each whole
            font=fonts.small,
            fg=p.muted,
            bg=p.bg,
            anchor="w",
            justify="left",
            wraplength=wrap,
            name="keys",
        ).pack(fill="x", side="bottom")
        self._light()

    def show(self) -> None:
        root = self.root
        for n in range(10):
            root.bind(str(n), functools.partial(self._digit, n))
            root.bind(f"<KP_{n}>", functools.partial(self._digit, n))
        root.bind("<Left>", lambda _e: self.rate(max(LOWEST, (self.pain if self.pain is not None else 1) - 1)))
        root.bind("<Right>", lambda _e: self.rate(min(HIGHEST, (self.pain if self.pain is not None else -1) + 1)))
        for key, side in (("l", Side.LEFT), ("r", Side.RIGHT), ("b", Side.BOTH), ("n", Side.NEITHER)):
            root.bind(key, functools.partial(self._key_side, side))
        root.bind("y", lambda _e: self.leg_is(True))
        root.bind("<Return>", self._enter)
        root.bind("<KP_Enter>", self._enter)
        root.bind("<Escape>", lambda _e: self.skipped())
        root.protocol("WM_DELETE_WINDOW", root.destroy)  # nothing answered: asked again next time
        self.frame.pack(fill="both", expand=True)
        focus_soon(self.go_on)

    def close(self) -> None:
        """Take the screen and its keys away, for whatever comes next."""
        for key in (*(str(n) for n in range(10)), *(f"<KP_{n}>" for n in range(10)), *"lrbny"):
            self.root.unbind(key)
        for key in ("<Left>", "<Right>", "<Return>", "<KP_Enter>", "<Escape>"):
            self.root.unbind(key)
        self.frame.destroy()

    # -- answers ------------------------------------------------------------------------

    def rate(self, pain: int) -> None:
        self.pain = pain
        self.message.configure(text="")
        self._light()

    def side(self, side: Side) -> None:
        self.tighter = side
        self._light()

    def leg_is(self, leg: bool) -> None:
        self.leg = leg
        self._light()

    def submit(self) -> None:
        if self.pain is None:
            self.message.configure(text=_(NO_RATING))
            return
        self.answered(self.pain, self.tighter, self.leg)

    def _digit(self, n: int, _event: object) -> None:
        now = time.monotonic()
        if n == 0 and self.pain == 1 and self._one_at is not None and now - self._one_at < TEN_WITHIN:
            n = HIGHEST
        self._one_at = now if n == 1 else None
        self.rate(n)

    def _key_side(self, side: Side, _event: object) -> None:
        self.side(side)

    def _enter(self, _event: object) -> str:
        self.submit()
        return "break"

    # -- drawing ------------------------------------------------------------------------

    def _question(self, words: str) -> None:
        p = self.palette
        tk.Label(
            self.frame,
            text=words,
            font=self.fonts.strong,
            fg=p.fg,
            bg=p.bg,
            anchor="w",
            justify="left",
            wraplength=wrap_width(self.root),
        ).pack(fill="x", pady=(self.gap * 2, self.gap // 2))

    def _row(self, name: str, pady: tuple[int, int] = (0, 0)) -> tk.Frame:
        row = tk.Frame(self.frame, background=self.palette.bg, name=name)
        row.pack(fill="x", pady=pady)
        return row

    def _choice(
        self, row: tk.Frame, text: str, command: Callable[[], None], name: str, small: bool = False, underline: int = -1
    ) -> tk.Button:
        b = button(row, text, command, self.palette, self.fonts, name=name)
        b.configure(underline=underline)
        if small:  # eleven in a row: narrow, the same width each
            b.configure(font=self.fonts.body, width=2, padx=2)
        if small:  # spread over the row, so its ends sit over their words
            b.pack(side="left", padx=(0, 0 if text == str(HIGHEST) else 3), expand=True, fill="x")
        else:
            b.pack(side="left", padx=(0, self.gap // 2))
        b.bind("<Return>", self._enter)  # Return goes on, whichever choice has the focus
        b.bind("<KP_Enter>", self._enter)
        return b

    def _light(self) -> None:
        """The chosen answer of each question lit, the others plain."""
        p = self.palette
        chosen = {
            *([self.ratings[self.pain]] if self.pain is not None else []),
            self.sides[self.tighter],
            self.legs[self.leg],
        }
        for b in (*self.ratings, *self.sides.values(), *self.legs.values()):
            bg, fg = (p.accent, p.on_accent) if b in chosen else (p.track, p.fg)
            b.configure(bg=bg, fg=fg, activebackground=bg, activeforeground=fg)


def _key_at(label: str, key: str) -> int:
    """Where a choice's key is in its words, to underline it (-1: not in them)."""
    return label.lower().find(key)


def warning_signs(
    root: tk.Tk, palette: Palette, fonts: Fonts, lead: list[str], go_on: Callable[[], None], urgent: bool = True
) -> tk.Frame:
    """The warning signs after ``lead`` (why they are shown now; ``urgent``: in the
    warning colour, for a leg's symptoms; else gently, for what the data shows): "Stop here" (Return,
    Escape) closes the window; "Go on gently" goes on to the stretch."""
    p, scale = palette, scale_of(root)
    root.title(_("qlbreak — Before you stretch"))
    frame = tk.Frame(root, background=p.bg, name="warning", padx=int(18 * scale), pady=int(14 * scale))
    wrap = wrap_width(root)
    tk.Label(frame, text=_("Before you stretch"), font=fonts.title, fg=p.fg, bg=p.bg, anchor="w").pack(fill="x")
    for words in lead:
        tk.Label(
            frame,
            text=words,
            font=fonts.strong,
            fg=p.warn if urgent else p.fg,
            bg=p.bg,
            wraplength=wrap,
            justify="left",
            anchor="w",
        ).pack(fill="x", pady=(int(6 * scale), 0))
    notice(frame, p, fonts, wrap).pack(fill="both", expand=True, pady=(int(6 * scale), 0))

    def gently() -> None:
        root.unbind("<Escape>")
        frame.destroy()
        go_on()

    row = tk.Frame(frame, background=p.bg, name="buttons")
    row.pack(fill="x", pady=(int(10 * scale), 0))
    stop = button(row, _("Stop here"), root.destroy, p, fonts, primary=True, name="stop_here")
    onward = button(row, _("Go on gently"), gently, p, fonts, name="go_on_gently")
    for b in (stop, onward):
        b.pack(side="left", padx=(0, int(8 * scale)))
    root.bind("<Escape>", lambda _e: root.destroy())
    frame.pack(fill="both", expand=True)
    grow_to(root, frame)
    focus_soon(stop)
    return frame


def before_stretch(
    root: tk.Tk,
    palette: Palette,
    fonts: Fonts,
    walk: Walkthrough,
    ask: bool,
    read: Callable[[], Recent],
    then: Callable[[], None],
) -> None:
    """The check-in when it is due (``ask``), then the warning signs when a leg or the
    data asks for them (a worry said once: ``core.checkin.to_say``; ``read``: the two
    weeks behind today, read once the check-in is over), then ``then``."""

    def after(leg: bool, checkin: CheckIn | None) -> None:
        lead = [_(LEG_WORDS)] if leg else []
        recent = read()
        if checkin is not None:
            recent = recent.with_checkin(checkin)
        worry = recent.to_say(walk.wall())
        if worry is not None:
            lead += [worry_words(worry), _(SEE_SOMEONE)]
        if not lead:
            then()
            return
        warning_signs(root, palette, fonts, lead, then, urgent=leg)
        if worry is not None:
            root.after_idle(walk.warned, worry)  # once the screen is up: said, so not again for a while

    if not ask:
        after(False, None)
        return

    def answered(pain: int, tighter: Side, leg: bool) -> None:
        screen.close()
        walk.check_in(pain, tighter, leg)
        after(leg, CheckIn(walk.wall(), pain, tighter, leg))

    def skipped() -> None:
        screen.close()
        walk.check_in(None)
        after(False, None)

    screen = CheckInScreen(root, palette, fonts, answered, skipped)
    screen.show()
