"""``qlbreak status``: is it running, what comes next, and what would hold a reminder
right now (the same detectors the tray asks, read here on the same desktop)."""

from __future__ import annotations

from qlbreak.cli.context import Context

FACT_WORDS = {  # what each fact means to a person; the detectors' words say where it comes from
    "locked": "screen locked",
    "full_screen": "full screen",
    "do_not_disturb": "do not disturb",
    "microphone": "a call",
    "idle_seconds": "away from the desk",
}
SWITCHES = {"locked": "locked", "full_screen": "presenting", "do_not_disturb": "presenting"}
SWITCHES |= {"microphone": "in_a_call", "idle_seconds": "away"}


def cmd_status(ctx: Context) -> int:
    from qlbreak.core import holds, tray_view
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
    print("qlbreak is running" if running else "qlbreak is not running (start it with: qlbreak)", file=out)
    if paused:
        print(f"Paused {tray_view.pause_end(paused, now)}", file=out)
    if on_show is not None:
        until = tray_view.when(on_show.until, now)
        stage = {Stage.DUE: "due now", Stage.HELD: "held", Stage.SNOOZED: "snoozed"}[on_show.stage]
        print(f"The {on_show.occurrence.reminder} reminder is {stage} (until {until}): {on_show.name}", file=out)
    if coming is not None:
        after = " (after the pause)" if paused else ""
        print(f"Next: {coming[0].reminder} at {tray_view.when(coming[1], now)}{after}", file=out)
    else:
        print("No reminders set", file=out)
    if reasons:
        print("A reminder due now would wait: " + "; ".join(holds.WAITING[r] for r in reasons), file=out)
    else:
        print("Nothing holds reminders right now", file=out)
    print("What qlbreak can tell on this desktop:", file=out)
    for fact, words in FACT_WORDS.items():
        where = available.get(fact, "qlbreak cannot tell on this system")
        if not getattr(rules, SWITCHES[fact]):
            where = f"switched off ([holds] {SWITCHES[fact]} = false)"
        print(f"  {words}: {where}", file=out)
    return 0


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
