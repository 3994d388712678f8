"""What the pseudo-locale test (``test_pseudo_locale.py``) reads and how: each mapped
widget's words through Tk's send, user data left out by widget; the findings gathered
from every window before the test fails; the states a window is provoked into."""

from __future__ import annotations

import re
import tkinter
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from qlbreak.core import app_programme, holds, tray_view
from qlbreak.core.kinds import Record
from qlbreak.core.programmes import BALL_RELEASE, Mark, Standing, State
from qlbreak.core.reminder import Stage, falls_due
from qlbreak.core.schedule import Occurrence
from qlbreak.core.session import Feeling
from qlbreak.core.words import Words, _, using
from qlbreak.storage.history import Event, History
from qlbreak.storage.paths import default_paths
from qlbreak.stretches import translated
from qlbreak.stretches.catalogue import Stretch, load
from tests import pseudo
from tests.gui.screen import Screen, wait_until

CATALOGUE = load()


def by_id(name: str) -> Stretch:
    found = CATALOGUE.get(name)
    assert found is not None, name
    return found


# Widgets whose words are the user's own, never the catalogue's (what an entry holds),
# or a language's own name for itself ("Deutsch", "English": Settings, General).
USERS = ("Entry", "TEntry")
# the welcome: a reminder's own name; Settings, General: the settings file's path
OWN_NAMES = re.compile(r"\.language-(?!system$)[^.]+$|\.times\.own\d$|\.generalpage\.path$")

# Tcl run inside a window: each mapped widget's class, path and words (a toplevel's
# title, a canvas's texts, a text box's lines, a drop-down's value), in one evaluation.
SEEN = r"""
proc qlbreak_seen {w} {
    set found {}
    if {[winfo ismapped $w] || $w eq "."} {
        set class [winfo class $w]
        if {[winfo toplevel $w] eq $w && [wm state $w] ne "withdrawn"} { lappend found Title $w [wm title $w] }
        if {$class eq "Canvas"} {
            foreach item [$w find all] {
                if {[$w type $item] eq "text" && [$w itemcget $item -state] ne "hidden"} {
                    lappend found $class $w [$w itemcget $item -text]
                }
            }
        } elseif {$class eq "Text"} {
            lappend found $class $w [$w get 1.0 end-1c]
        } elseif {$class in {TCombobox Entry TEntry}} {
            lappend found $class $w [$w get]
        } elseif {![catch {$w cget -text} text]} {
            lappend found $class $w $text
        }
        foreach c [winfo children $w] { lappend found {*}[qlbreak_seen $c] }
    }
    return $found
}
"""


def say(words: Words, english: str) -> str:
    """``english`` as the pseudo-locale shows it (to find a button by its words)."""
    with using(words):
        return _(english)


class Findings:
    """Every line not whole, with where it was seen; the test fails on all at once."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.looked = 0

    def look(self, where: str, texts: list[str]) -> None:
        self.looked += 1
        self.lines += [f"{where}: {line!r}" for line in pseudo.unmarked(texts)]

    def check(self) -> None:
        assert self.looked, "nothing was looked at"
        assert self.lines == [], "not one whole marked string:\n" + "\n".join(self.lines)


def seen(screen: Screen, app: str) -> list[str]:
    """What ``app`` shows now, user data left out."""
    found = [str(t) for t in screen.tk().tk.splitlist(screen.send(app, SEEN + "update idletasks; qlbreak_seen ."))]
    return [
        text
        for kind, path, text in zip(found[::3], found[1::3], found[2::3], strict=True)
        if kind not in USERS and not OWN_NAMES.search(path) and text.strip()
    ]


def up(screen: Screen, app: str, timeout: float = 20) -> None:
    """Wait for ``app``'s main window to be on the screen."""

    def mapped() -> bool:
        try:
            return screen.send(app, "winfo", "ismapped", ".") == "1"
        except tkinter.TclError:
            return False

    wait_until(mapped, timeout, f"{app} on the screen")


def frame_of(screen: Screen, app: str, path: str = ".") -> int:
    """The X window of ``app``'s toplevel ``path``, for a screenshot."""
    return int(screen.send(app, "wm", "frame", path), 16)


def tray_views(now: datetime) -> list[tray_view.View]:
    """The tray in each state a person can find it in: a reminder due, snoozed, held
    (in a call), paused, a programme under way and done today, nothing set."""
    lunch = Occurrence(now + timedelta(minutes=30), "lunch", now.date())
    tomorrow = Occurrence(now + timedelta(days=1), "morning", now.date() + timedelta(days=1))
    due = falls_due(
        lunch, "seated-side-bend", translated.stretch(by_id("seated-side-bend")).name, timedelta(minutes=30)
    )
    ball = Standing(BALL_RELEASE, State.UNDER_WAY, 4, True, True, now.date() - timedelta(days=4))
    return [
        tray_view.View(now, lunch, reminder=due, done_today=1, due_today=2, streak=4, autostart=True),
        tray_view.View(now, lunch, reminder=replace(due, stage=Stage.SNOOZED), autostart=False),
        tray_view.View(
            now, lunch, reminder=replace(due, stage=Stage.HELD), waiting=holds.waiting(holds.Reason.IN_A_CALL)
        ),
        tray_view.View(now, tomorrow, paused_until=now + timedelta(hours=1), programme=app_programme.line(ball)),
        tray_view.View(now, tomorrow, paused_until=now + timedelta(days=3), done_today=2, due_today=2, streak=1),
        tray_view.View(now),
    ]


# A file written by hand, with a mistake on each page (and one no page shows), a
# reminder of the person's own, and a stretch left out: every note the window has.
MISTAKES = """\
[schedule]
timezone = "Mars/Olympus"
snooze_minutes = "ten"
reminder_style = "loud"
colour = "teal"

[[reminder]]
name = "after lunch"
time = "13:15"
days = ["mon", "wed"]

[[reminder]]
name = "tea"
time = "15:00"

[[reminder]]
name = "lunch"
time = "12:30"

[[reminder]]
name = "late"
time = "26:00"
days = ["someday"]

[stretches]
no_floor = "maybe"
equipment = ["chair", "trampoline"]
avoid = ["cat-cow", "no-such-stretch"]

[dialog]
theme = "purple"
spoken_cues = 3
language = "xx"

[checkin]
tighter = 9
"""

# An organisation's file (issue 26) that locks every setting a window shows: each
# field's "Set by your organisation" line is seen (test_pseudo_locale_locks.py).
LOCKS = """\
[admin]
locked = ["reminder", "schedule", "stretches", "dialog", "checkin"]

[schedule]
snooze_minutes = 15

[[reminder]]
name = "stand up"
time = "10:00"
"""


def an_organisation_locks() -> None:
    """``LOCKS`` as the organisation's file (in the test's own $XDG_CONFIG_DIRS)."""
    from qlbreak.storage.config_layers import admin_places

    admin = admin_places()[0]
    admin.parent.mkdir(parents=True, exist_ok=True)
    admin.write_text(LOCKS)


def a_programme_under_way() -> None:
    """A ball to hand, the ball release on its second day, a stretch that hurt yesterday
    (resting now): the Programme page's standing and the Stretches page's reasons."""
    paths = default_paths()
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text('[stretches]\nequipment = ["none", "chair", "door-frame", "ball"]\n')
    now = datetime.now(UTC)
    history = History.open(paths.history_db, now)
    history.record(Event(now - timedelta(days=2), Record.PROGRAMME, programme="ball-release", mark=Mark.START))
    history.record(Event(now - timedelta(days=1), Record.DONE, "ql-ball-wall-release"))
    history.record(Event(now - timedelta(days=1), Record.DONE, "seated-twist", feeling=Feeling.HURT))
    history.close()
