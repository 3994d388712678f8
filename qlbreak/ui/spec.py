"""The contract between a window's process and its parent (the tray, or ``qlbreak
stretch``): how the window is started, what it is told, and what it answers.

Every window starts the same way: ``python -c "...import main..." SPEC``, where SPEC is
one JSON object (``-c`` rather than ``-m``: runpy's imports cost ~10 ms of a window's
start). The parent has already read the config and the catalogue, so the window
paints from its spec at once. A window answers with one line on stdout (the prompt
and the menu: the action chosen; the stretch window: how it ended) and
exits; the stretch window adds, one JSON line each, any record the history could not
take (busy, a full disk), which the tray then keeps until it can write them. This
module imports no tkinter: the tray uses it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence

from qlbreak.core.words import N_, _, current, formats, ngettext
from qlbreak.system import THIS, System

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing (~3 ms)
if TYPE_CHECKING:
    from datetime import tzinfo
    from typing import Any

    from qlbreak.core.tray_view import Entry
    from qlbreak.storage.config import Config
    from qlbreak.storage.history import Event
    from qlbreak.storage.paths import Paths
    from qlbreak.stretches.catalogue import Stretch

# Each window, the module whose ``main`` runs it, and what its spec must hold.
WINDOWS: dict[str, tuple[str, tuple[str, ...]]] = {
    "stretch": (
        "qlbreak.ui.stretch",
        ("stretch", "theme", "sound", "assets", "history", "safety_file", "config", "timezone", "workdays", "speed"),
    ),
    "prompt": ("qlbreak.ui.prompt", ("name", "summary", "snooze", "seconds", "theme", "corner", "icon", "lead")),
    "menu": ("qlbreak.ui.menu", ("entries", "x", "y", "theme")),
    "safety": ("qlbreak.ui.safety", ("theme", "safety_file", "timezone")),
    "settings": ("qlbreak.ui.settings", ("config", "theme", "assets", "autostart")),
    "welcome": ("qlbreak.ui.welcome", ("config", "theme", "assets", "autostart")),
    "progress": ("qlbreak.ui.progress", ("history", "theme", "timezone", "names", "workdays")),
    "tooltip": ("qlbreak.ui.tooltip", ("text", "theme", "icon")),
    # a stretch window started before the click (the pointer is on the icon): it is
    # told its stretch's spec later, as one line on its stdin (``ui/warm.py``)
    "warm-stretch": ("qlbreak.ui.warm", ()),
}
Spec = dict[str, "Any"]


class SpecError(ValueError):
    """A window was started with a spec it cannot use."""


def command(window: str, spec: Mapping[str, object], python: str = sys.executable) -> list[str]:
    """The window's process: private files from its first moment, then its ``main``."""
    module = WINDOWS[window][0]
    start = f"from qlbreak.storage.privacy import private_by_default; private_by_default(); from {module} import main"
    return [python, "-c", f"import sys; {start}; sys.exit(main())", json.dumps(with_language(spec))]


def with_language(spec: Mapping[str, object]) -> dict[str, object]:
    """``spec`` with the language its parent speaks: a window speaks it too (a warm
    window, started before a change in Settings, as much as a new one)."""
    from qlbreak.core.words import current

    return {**spec, "language": current().code}


def read(window: str, argv: Sequence[str]) -> Spec:
    """The spec a window was started with; SpecError says what is wrong with it."""
    if len(argv) != 1:
        raise SpecError(f"expected one JSON spec, got {len(argv)} arguments")
    return parse(window, argv[0])


def parse(window: str, text: str) -> Spec:
    """A spec from its JSON; SpecError says what is wrong with it."""
    try:
        spec = json.loads(text)
    except ValueError as err:
        raise SpecError(f"not JSON: {err}") from None
    if not isinstance(spec, dict):
        raise SpecError("not a JSON object")
    missing = [key for key in WINDOWS[window][1] if key not in spec]
    if missing:
        raise SpecError(f"missing {', '.join(missing)}")
    _speak(spec.get("language"))
    return spec


def _speak(code: object) -> None:
    """The window speaks its parent's language (none said: the one it has, English)."""
    from qlbreak.core.words import current, use

    if isinstance(code, str) and code != current().code:
        from qlbreak.language.catalogues import load

        use(load(code))


def tk_missing() -> str | None:
    """Why no window can open on this machine, if Python has no Tk (Debian and Ubuntu
    leave it out of ``python3``); None when it has. Cheap: nothing is imported."""
    import importlib.util

    if importlib.util.find_spec("_tkinter") is not None:
        return None
    return _(
        "qlbreak's windows need Tk, which this Python lacks: install python3-tk (Debian, Ubuntu),"
        " python3-tkinter (Fedora) or tk (Arch), then start qlbreak again"
    )


def answer(line: str, *records: str) -> None:
    """The window's answer to its parent: one line, and after it (the stretch window
    only) each record the history could not take, as one JSON line."""
    print(line, *records, sep="\n", flush=True)


# -- what each window is told ---------------------------------------------------------


def stretch(stretch: Stretch, config: Config, paths: Paths, theme: str, speed: float = 1.0, demo: bool = False) -> Spec:
    from qlbreak.storage.paths import assets_dir

    return {
        "stretch": stretch.for_equipment(config.prefs.equipment).as_spec(),  # a door frame, no stick: its own name
        "theme": theme,
        "sound": config.sound,
        "assets": str(assets_dir()),
        "history": str(paths.history_db),
        "safety_file": str(paths.safety_file),
        "config": str(paths.config_file),
        "timezone": config.timezone,
        "workdays": sorted(config.workdays),
        "speed": speed,
        "demo": demo,  # records nothing: no history, no streak, no rest after "it hurt"
        "checkin": config.checkin,  # ask the morning check-in before the day's first stretch
        "tighter": config.tighter,  # the side named tighter in it is held this many times as long
        "spoken_cues": config.spoken_cues,  # say the cues aloud (core/cues.py)
    }


def prompt(
    name: str,
    summary: str,
    snooze_minutes: int,
    seconds_left: float,
    theme: str,
    icon: tuple[int, ...] | None,
    lead: str = "",
    clear: bool = False,
) -> Spec:
    return {
        "lead": lead,  # the small line above the name ("": the prompt's own, "Time for a stretch")
        "name": name,
        "summary": summary,
        "snooze": snooze_minutes,
        "seconds": max(1.0, seconds_left),
        "theme": theme,
        "corner": prompt_corner(clear),
        "icon": icon,  # where the tray shows the icon, when it can be known
    }


def prompt_corner(clear: bool, system: System = THIS) -> str:
    """Where the prompt goes: the tray's usual corner (bottom right on Windows, top right
    elsewhere); ``clear`` of a notification pointing to it, the other one (Windows
    toasts come bottom right, GNOME, dunst, Xfce and macOS banners at the top)."""
    usual = "bottom-right" if system.tray_at_bottom else "top-right"
    if not clear:
        return usual
    return "top-right" if usual == "bottom-right" else "bottom-right"


def tooltip(text: str, theme: str, icon: tuple[int, ...] | None) -> Spec:
    return {"text": text, "theme": theme, "icon": icon}


def menu(entries: Sequence[Entry], x: int, y: int, theme: str) -> Spec:
    return {"entries": [e.as_json() for e in entries], "x": x, "y": y, "theme": theme}


def safety(theme: str, paths: Paths, timezone: str) -> Spec:
    return {"theme": theme, "safety_file": str(paths.safety_file), "timezone": timezone}


def settings(theme: str, paths: Paths, autostart: bool | None) -> Spec:
    """The settings window, and the welcome (same spec): ``autostart`` is the login
    item as it is now (None: this system has none), which the parent changes."""
    from qlbreak.storage.paths import assets_dir

    return {"config": str(paths.config_file), "theme": theme, "assets": str(assets_dir()), "autostart": autostart}


def progress(theme: str, paths: Paths, config: Config, names: Mapping[str, str]) -> Spec:
    """The Progress window: it reads the history itself (``history``, the database's
    path), in the settings' zone; ``names``: each stretch's id and the name it is done
    under (with what the person has to hand); ``workdays`` for the streak (0 = Monday)."""
    return {
        "history": str(paths.history_db),
        "theme": theme,
        "timezone": config.timezone,
        "names": dict(names),
        "workdays": sorted(config.workdays),
    }


def history_lines(
    events: Sequence[Event], names: Mapping[str, str], zone: tzinfo | None, run: int, days: int
) -> list[str]:
    """The history as ``qlbreak history`` prints it and the History window shows it: one
    line a record, in plain words ("Reminder shown (morning)", "Done: Cat-cow, felt
    better"), the year only where it is not the latest record's."""
    lines = []
    year = events[-1].at.astimezone(zone).year if events else 0
    words = formats()
    for e in events:
        local = e.at.astimezone(zone)
        day, clock = words.day(local.date()), words.clock(local.time())
        if local.year == year:
            # Translators: a history line's time: "Thu 3 Dec 12:30"
            when = _("{day} {time}").format(day=day, time=clock)
        else:
            # Translators: a history line's time in another year: "Sun 26 Oct 2025 09:30"
            when = _("{day} {year} {time}").format(day=day, year=local.year, time=clock)
        # Translators: a history line: {when} it was, two spaces, {what} happened
        lines.append(_("{when}  {what}").format(when=when, what=said(e, names)))
    if not events:
        lines.append(
            ngettext("nothing recorded in the last {n} day", "nothing recorded in the last {n} days", days).format(
                n=days
            )
        )
    streak = ngettext(
        "streak: {n} work day in a row with a stretch", "streak: {n} work days in a row with a stretch", run
    )
    lines.append(streak.format(n=run))
    return lines


# What each kind of record says, before its details; a check-in says itself (``_checkin``).
# Marked here, translated where said.
_HEADS = {
    "fired": N_("Reminder shown"),
    "done": N_("Done"),
    "partial": N_("Done in part"),
    "skipped": N_("Skipped for today"),
    "snoozed": N_("Put off till later"),
    "missed": N_("Reminder missed"),
    "warned": N_("Suggested seeing a health professional"),
}
_FELT = {"better": N_("felt better"), "same": N_("felt the same"), "worse": N_("felt worse"), "hurt": N_("it hurt")}
_TIGHTER = {
    "left": N_("left side tighter"),
    "right": N_("right side tighter"),
    "both": N_("both sides tight"),
    "neither": N_("neither side tighter"),
}


def said(e: Event, names: Mapping[str, str]) -> str:
    """One record in plain words, without its time ("Done: Stick stretch, felt better,
    left 45 s / right 30 s (morning)"); ``names``: each stretch's name by its id."""
    if e.kind == "checkin":
        if e.pain is None:
            return _("Check-in skipped")
        # Translators: a check-in in the history: "Check-in: back 4/10, left side tighter"
        return _("Check-in: {answers}").format(answers=checkin_words(e))
    if e.kind == "programme":
        from qlbreak.core.programmes import mark_words

        return mark_words(e.programme, e.mark)
    details = [names.get(e.stretch, e.stretch)] if e.stretch else []
    if e.seconds is not None and e.left_seconds is None and e.right_seconds is None:
        details.append(_("{seconds} s held").format(seconds=f"{e.seconds:.0f}"))
    if e.feeling is not None:
        details.append(_(_FELT[e.feeling.value]) if e.feeling.value in _FELT else e.feeling.value)
    sides = []
    if e.left_seconds is not None:
        # Translators: seconds held on the left side, in the history: "left 45 s"
        sides.append(_("left {seconds} s").format(seconds=f"{e.left_seconds:.0f}"))
    if e.right_seconds is not None:
        sides.append(_("right {seconds} s").format(seconds=f"{e.right_seconds:.0f}"))
    if sides:
        details.append(" / ".join(sides))
    if e.worry is not None:
        from qlbreak.core.checkin import worry_words

        worry = worry_words(e.worry).rstrip(".")
        details.append(worry[:1].lower() + worry[1:] if current().code == "en" else worry)  # German keeps its nouns
    return _with_reminder(_said(e.kind, details), e.reminder)


def _said(kind: str, details: list[str]) -> str:
    """A record's head and its details ("Done: Cat-cow, felt better")."""
    listed = ", ".join(details)
    if kind == "switched":
        # Translators: {stretch}: the stretch left for another one, and its details
        return (
            _("Chose another stretch instead of {stretch}").format(stretch=listed)
            if details
            else _("Chose another stretch")
        )
    head = _(_HEADS[kind]) if kind in _HEADS else kind
    # Translators: a history line: what happened, then its details ("Done: Cat-cow, felt better")
    return _("{what}: {details}").format(what=head, details=listed) if details else head


def _with_reminder(text: str, reminder: str | None) -> str:
    """The line, and the reminder it came from: "Skipped for today (afternoon)"."""
    if not reminder:
        return text
    from qlbreak.core.schedule import reminder_name

    # Translators: a history line and the reminder it came from: "Skipped for today (afternoon)"
    return _("{line} ({reminder})").format(line=text, reminder=reminder_name(reminder))


def checkin_words(e: Event) -> str:
    """A check-in's answers ("back 4/10, left side tighter"); ``qlbreak check-in`` says them back."""
    # Translators: the check-in's pain rating: "back 4/10"
    parts = [_("back {pain}/10").format(pain=e.pain)]
    if e.tighter is not None:
        parts.append(_(_TIGHTER[e.tighter.value]) if e.tighter.value in _TIGHTER else e.tighter.value)
    if e.leg:
        parts.append(_("new pain, numbness or tingling down a leg"))
    return ", ".join(parts)
