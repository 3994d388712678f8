"""``qlbreak list``: every stretch and exercise the filters keep, grouped by whether a
reminder offers it, with why the settings leave the others out."""

from __future__ import annotations

from datetime import datetime

from qlbreak.cli.context import Context, Fail
from qlbreak.core import vocabulary

EXERCISES = "Strengthening exercises, offered by a programme"


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
    rests = {
        k: f"resting until {resting.words(v.astimezone(now.tzinfo))}: you said it hurt"
        for k, v in resting.read(ctx.paths.history_db, now).items()
    }
    shown = [
        (s, why_not(s.candidate, prefs) or rests.get(s.id))
        for s in ctx.catalogue
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
        print("no stretch matches these filters", file=ctx.out)
        return 0
    width = max(len(s.id) for s, _ in shown)
    inside = [(s, why) for s, why in shown if why is None]
    outside = [(s, why) for s, why in shown if why is not None and not s.candidate.exercise]
    # a programme offers them, never a reminder (one's own exercise is in the rotation, above)
    exercises = [(s, None) for s, _ in shown if s.candidate.exercise]
    groups = (("In your rotation", inside), ("Not in your rotation", outside), (EXERCISES, exercises))
    for heading, group in groups:
        if not group:
            continue
        if outside or exercises:
            print(f"{heading} ({len(group)}):", file=ctx.out)
        for s, why in group:
            timing = f"{s.reps} reps" if s.reps else _duration(s.hold_seconds)
            per_side = " a side" if s.two_sided else ""
            if s.strengthens:
                timing, per_side = wording.amount(s), ""
            used = uses(s.candidate, prefs)
            note = f"  ({why})" if why else (f"  (with {used})" if used else "")
            name = s.for_equipment(prefs.equipment).name + (" (your own)" if s.own else "")
            print(f"  {s.id:<{width}}  {name}: {s.position}, {timing}{per_side}{note}", file=ctx.out)
    if outside:
        print("Change what is in the rotation in Settings (the tray menu, or: qlbreak settings).", file=ctx.out)
    return 0


def _duration(seconds: int) -> str:
    return f"{seconds // 60} min" if seconds >= 120 and seconds % 60 == 0 else f"{seconds} s"
