"""``qlbreak list``: every stretch and exercise the filters keep, grouped by whether a
reminder offers it, with why the settings leave the others out."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from qlbreak.cli.context import Context, Fail
from qlbreak.core import vocabulary
from qlbreak.core.words import _, ngettext

if TYPE_CHECKING:
    from qlbreak.stretches.catalogue import Stretch


def cmd_list(ctx: Context) -> int:
    """Every stretch the filters keep: those in the user's rotation first, then the
    others, each with why the settings leave it out ("on the floor", "needs a ball")."""
    from qlbreak.core.picker import Preferences, uses, why_not
    from qlbreak.storage import resting
    from qlbreak.stretches import wording

    a = ctx.args
    prefs = Preferences(no_floor=False, equipment=frozenset(vocabulary.EQUIPMENT)) if a.all else ctx.config.prefs
    try:
        now = ctx.now()
    except Fail:  # a zone not understood: the listing itself needs none
        now = datetime.now().astimezone()
    # Translators: why a stretch is left out for now; {day} is a short date, "Tue 15 Dec"
    rested = _("resting until {day}: you said it hurt")
    rests = {
        k: rested.format(day=resting.words(v.astimezone(now.tzinfo)))
        for k, v in resting.read(ctx.paths.history_db, now).items()
    }
    shown = [
        (s, why_not(s.candidate, prefs) or rests.get(s.id))
        for s in (ctx.catalogue if a.json else ctx.shown)  # --json: the catalogue's own words
        if (not a.no_floor or s.no_floor)
        and (a.position is None or s.position == a.position)
        and (a.equipment is None or a.equipment in s.equipment)
    ]
    if a.rotation:
        shown = [(s, why) for s, why in shown if why is None]
    if a.json:
        ctx.emit_json([s.as_json() | {"own": s.own, "in_rotation": why is None, "left_out": why} for s, why in shown])
        return 0
    if not shown:
        print(_("no stretch matches these filters"), file=ctx.out)
        return 0
    width = max(len(s.id) for s, _why in shown)
    inside = [(s, why) for s, why in shown if why is None]
    outside = [(s, why) for s, why in shown if why is not None and not s.candidate.exercise]
    # a programme offers them, never a reminder (one's own exercise is in the rotation, above)
    exercises = [(s, None) for s, _why in shown if s.candidate.exercise]
    for heading, group in (("in", inside), ("out", outside), ("exercises", exercises)):
        if not group:
            continue
        if outside or exercises:
            print(_heading(heading, len(group)), file=ctx.out)
        for s, why in group:
            timing = wording.amount(s) if s.strengthens else _amount(s)
            used = uses(s.candidate, prefs)
            note = ""
            if why:
                note = f"  ({why})"  # the reason is in the user's words already
            elif used:
                # Translators: after a stretch in "qlbreak list": the equipment it uses, "(with a chair)"
                note = "  " + _("(with {equipment})").format(equipment=used)
            name = s.for_equipment(prefs.equipment).name
            if s.own:
                # Translators: a stretch the user wrote themselves, after its name
                name = _("{name} (your own)").format(name=name)
            position = _(wording.POSITIONS[s.position]) if s.position in wording.POSITIONS else s.position
            # Translators: one stretch in "qlbreak list": "Knee drop: lying, 10 reps"
            what = _("{name}: {position}, {amount}").format(name=name, position=position, amount=timing)
            print(f"  {s.id:<{width}}  {what}{note}", file=ctx.out)
    if outside:
        print(
            _("Change what is in the rotation in Settings (the tray menu, or: {command}).").format(
                command="qlbreak settings"
            ),
            file=ctx.out,
        )
    return 0


def _heading(group: str, n: int) -> str:
    """A group's heading, with how many are in it: "In your rotation (5):"."""
    if group == "in":
        said = ngettext("In your rotation ({n}):", "In your rotation ({n}):", n)
    elif group == "out":
        said = ngettext("Not in your rotation ({n}):", "Not in your rotation ({n}):", n)
    else:
        said = ngettext(
            "Strengthening exercises, offered by a programme ({n}):",
            "Strengthening exercises, offered by a programme ({n}):",
            n,
        )
    return said.format(n=n)


def _amount(s: Stretch) -> str:
    """A stretch's reps or hold, short: "10 reps", "2 min a side", "30 s"."""
    if s.reps:
        n = s.reps
        if s.two_sided:
            return ngettext("{n} rep a side", "{n} reps a side", n).format(n=n)
        return ngettext("{n} rep", "{n} reps", n).format(n=n)
    seconds = s.hold_seconds
    if seconds >= 120 and seconds % 60 == 0:
        n = seconds // 60
        # Translators: "min": minutes, short
        return (
            ngettext("{n} min a side", "{n} min a side", n) if s.two_sided else ngettext("{n} min", "{n} min", n)
        ).format(n=n)
    # Translators: "s": seconds, short
    return (
        ngettext("{n} s a side", "{n} s a side", seconds) if s.two_sided else ngettext("{n} s", "{n} s", seconds)
    ).format(n=seconds)
