"""``qlbreak status``: is it running, what comes next, and what would hold a reminder
right now (the same detectors the tray asks, read here on the same desktop)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qlbreak.cli.context import Context
from qlbreak.core.words import N_, _

FACT_WORDS = {  # what each fact means to a person; the detectors' words say where it comes from
    "locked": N_("screen locked"),
    "full_screen": N_("full screen"),
    "do_not_disturb": N_("do not disturb"),
    "microphone": N_("a call"),
    "camera": N_("a camera"),
    "idle_seconds": N_("away from the desk"),
}
if TYPE_CHECKING:
    from qlbreak.core.reminder import OnShow

SWITCHES = {"locked": "locked", "full_screen": "presenting", "do_not_disturb": "presenting"}
SWITCHES |= {"microphone": "in_a_call", "camera": "camera", "idle_seconds": "away"}


def cmd_status(ctx: Context) -> int:
    from qlbreak.core import holds, schedule, tray_view
    from qlbreak.core.reminder import Stage
    from qlbreak.edges import choose
    from qlbreak.storage import statefile

    config = ctx.config
    now = ctx.now()
    running = _running(ctx)
    saved = statefile.peek(ctx.paths.state_file)
    state, on_show = saved.state, saved.reminder
    if on_show is not None and (on_show.stage in (Stage.DISMISSED, Stage.EXPIRED) or on_show.until <= now):
        on_show = None
    paused = state.paused_until if state.paused_until and state.paused_until > now else None
    coming = tray_view.coming(config.plan.reminders, state.handled, now, paused, config.plan.grace)
    detectors = choose.detectors()
    rules = config.holds
    signals = detectors.look(holds.wanted(rules))
    reasons = holds.all_holding(signals, rules)
    available = detectors.available()
    off = sorted({SWITCHES[f] for f in FACT_WORDS if not getattr(rules, SWITCHES[f])})
    if ctx.args.json:
        ctx.emit_json(
            {
                "running": running,
                "paused_until": paused.isoformat(timespec="seconds") if paused else None,
                "reminder": {
                    "reminder": on_show.occurrence.reminder,
                    "stretch": on_show.stretch,
                    "stage": on_show.stage.value,
                    "until": on_show.until.isoformat(timespec="seconds"),
                }
                if on_show
                else None,
                "next": {"reminder": coming[0].reminder, "at": coming[1].isoformat(timespec="seconds")}
                if coming
                else None,
                "holding": [r.value for r in reasons],
                "waiting": [holds.WAITING[r] for r in reasons],
                "detectors": available,
                "detector_details": detectors.details(),  # what the libraries said, as in the log
                "switched_off": off,
            }
        )
        return 0
    out = ctx.out
    if running:
        print(_("qlbreak is running"), file=out)
    else:
        print(_("qlbreak is not running (start it with: {command})").format(command="qlbreak"), file=out)
    if paused:
        # Translators: {until} is a pause's end: "until 12:30", "until tomorrow"
        print(_("Paused {until}").format(until=tray_view.pause_end(paused, now)), file=out)
    if on_show is not None:
        print(_showing(on_show, tray_view.when(on_show.until, now)), file=out)
    if coming is not None:
        name, at = schedule.reminder_name(coming[0].reminder), tray_view.when(coming[1], now)
        if paused:
            print(_("Next: {reminder} at {time} (after the pause)").format(reminder=name, time=at), file=out)
        else:
            print(_("Next: {reminder} at {time}").format(reminder=name, time=at), file=out)
    else:
        print(_("No reminders set"), file=out)
    if reasons:
        # Translators: {reasons} are why, joined with "; " ("you are in a call; the screen is locked")
        print(
            _("A reminder due now would wait: {reasons}").format(reasons="; ".join(holds.waiting(r) for r in reasons)),
            file=out,
        )
    else:
        print(_("Nothing holds reminders right now"), file=out)
    print(_("What qlbreak can tell on this desktop:"), file=out)
    said = detectors.said()  # as ``available``, in the user's language
    for fact, words in FACT_WORDS.items():
        where = said[fact] if fact in said else _("qlbreak cannot tell on this system")
        if not getattr(rules, SWITCHES[fact]):
            # Translators: {setting} is a setting's line in the config file, "[holds] away = false"
            where = _("switched off ({setting})").format(setting=f"[holds] {SWITCHES[fact]} = false")
        print(f"  {_(words)}: {where}", file=out)
    return 0


def _showing(on_show: OnShow, until: str) -> str:
    """The reminder on show, in a sentence per stage (a translator orders each)."""
    from qlbreak.core import schedule
    from qlbreak.core.reminder import Stage

    said = {
        # Translators: {reminder} is a reminder's name ("morning"), {until} a time, {stretch} a stretch's name
        Stage.DUE: _("The {reminder} reminder is due now (until {until}): {stretch}"),
        Stage.HELD: _("The {reminder} reminder is held (until {until}): {stretch}"),
        Stage.SNOOZED: _("The {reminder} reminder is snoozed (until {until}): {stretch}"),
    }[on_show.stage]
    return said.format(reminder=schedule.reminder_name(on_show.occurrence.reminder), until=until, stretch=on_show.name)


def _running(ctx: Context) -> bool | None:
    """Whether a qlbreak holds the one-per-user lock (None: the lock cannot be made)."""
    from qlbreak.edges.instance.endpoint import Endpoint, InstanceError

    endpoint = Endpoint(ctx.paths.runtime_dir, ctx.paths.key_file)
    try:
        if endpoint.acquire():
            endpoint.release()
            return False
    except InstanceError:
        return None
    return True
