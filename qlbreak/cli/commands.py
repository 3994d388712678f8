"""The sub-commands, one function each: ``cmd_<name>(ctx) -> exit status``. Each
imports what it uses, so `qlbreak --version` and a window that must open fast do not
pay for the rest (history's sqlite3, the schedule, the picker)."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from qlbreak.cli.context import Context, Fail, either
from qlbreak.core.words import _, formats, ngettext

LATE_WAIT = 30.0  # seconds `qlbreak stretch` waits for a busy history before its record waits in the spool

if TYPE_CHECKING:
    from qlbreak.edges.login.autostart import AutostartEntry


def cmd_autostart(ctx: Context) -> int:
    from qlbreak.edges.choose import login_item

    item = login_item()
    if ctx.args.state != "status":
        try:
            item.set(ctx.args.state == "on")
        except OSError as err:
            raise Fail(_("cannot change the login item: {error}").format(error=err)) from None
    # Translators: {state} is the login item's state in words (on, off, where it is)
    print(_("start at login: {state}").format(state=item.status()), file=ctx.out)
    return 0


def cmd_schedule(ctx: Context) -> int:
    a = ctx.args
    if a.days < 1 or a.days > 3660:
        raise Fail(_("{option} must be from {low} to {high}").format(option="--days", low=1, high=3660))
    from qlbreak.core import schedule

    if a.tz is not None and not a.tz.strip():
        raise Fail(
            _("{option}: give a time zone such as {example}, or {local}").format(
                option="--tz", example="'Europe/Berlin'", local="'local'"
            )
        )
    zone_name = a.tz or ctx.config.timezone
    now = ctx.now(zone_name)
    start = _parse_from(a.start, now.tzinfo) if a.start is not None else now
    try:
        found = schedule.upcoming(ctx.config.plan.reminders, start, a.days)
    except OverflowError:
        raise Fail(
            _("{option}: {start} with {days} runs past the calendar's ends").format(
                option="--from", start=repr(a.start), days=f"--days {a.days}"
            )
        ) from None
    # What the tray will do: an occurrence it already showed (a reminder moved later
    # after it fired) does not come again, and one inside a pause waits for its end.
    from qlbreak.storage import statefile

    state = statefile.peek(ctx.paths.state_file).state
    found = [o for o in found if o.key not in state.handled]
    paused = state.paused_until if state.paused_until and state.paused_until > now else None
    if a.json:
        ctx.emit_json(
            [
                {"reminder": o.reminder, "at": o.at.isoformat(timespec="seconds")}
                | ({"paused": True} if paused and o.at < paused else {})
                for o in found
            ]
        )
        return 0
    if not found:
        # Translators: {day} is a weekday and an ISO date: "Mon 2030-06-03"
        none = ngettext(
            "no reminders in the next day from {day}", "no reminders in the next {n} days from {day}", a.days
        )
        print(none.format(n=a.days, day=f"{formats().weekday(start)} {start:%Y-%m-%d}"), file=ctx.out)
        return 0
    names = {o.reminder: schedule.reminder_name(o.reminder) for o in found}  # "morning", in the user's words
    width = max(len(name) for name in names.values())
    for o in found:
        note = ""
        if paused and o.at < paused:
            # Translators: at the end of a line of "qlbreak schedule"; {time} is a time of day
            note = "  " + _("(paused until {time})").format(time=formats().clock(paused.astimezone(o.at.tzinfo).time()))
        when = f"{formats().weekday(o.at)} {o.at:%Y-%m-%d}  {formats().clock(o.at.time())}"  # a table: ISO dates
        print(f"{when}  {names[o.reminder]:<{width}}  {_offset(o.at)}{note}", file=ctx.out)
    return 0


def cmd_stretch(ctx: Context) -> int:
    a = ctx.args
    if not 0 < a.speed <= 1000:
        raise Fail(_("{option} must be more than 0 and at most 1000").format(option="--speed"))
    _need_tk()
    from qlbreak.stretches import translated

    catalogue, config = ctx.catalogue, ctx.config
    stretch = None
    if a.id is not None:
        shown = ctx.shown
        found = shown.matching(a.id) or catalogue.matching(a.id)  # a name in the user's words, or in English
        if len(found) > 1:
            names = ", ".join(f"{s.name} ({s.id})" for s in map(translated.stretch, found))
            raise Fail(
                _("{given} could be any of: {names}; give more of the name, or the id").format(
                    given=repr(a.id), names=names
                )
            )
        if not found:
            close = catalogue.close_matches(a.id)
            if close:
                raise Fail(
                    _("unknown stretch {given}; did you mean {choices}?").format(
                        given=repr(a.id), choices=either(close)
                    )
                )
            raise Fail(
                _("unknown stretch {given}; see {command}").format(given=repr(a.id), command="'qlbreak list --all'")
            )
        stretch = catalogue.get(found[0].id) or found[0]
    demo = a.demo
    if not demo and a.speed == 1.0 and _ask_running(ctx, f"stretch {stretch.id}" if stretch else "stretch"):
        print(_("the running qlbreak opens the stretch"), file=ctx.out)  # so at most one is open
        return 0
    if stretch is None:
        from qlbreak.stretches.choosing import NothingFits, choose

        with ctx.history() as history:
            try:
                stretch = choose(catalogue, config.prefs, history, ctx.now())
            except NothingFits as err:
                raise Fail(str(err)) from None
    from qlbreak.edges.children.launch import run_to_end
    from qlbreak.ui import spec
    from qlbreak.ui.theme import palette

    if not demo:
        _move_in_waiting(ctx)
    told = spec.stretch(translated.stretch(stretch), config, ctx.paths, palette(config.theme).name, a.speed, demo)
    status, answered = run_to_end("stretch", told)
    if answered[1:] and not _record_late(ctx, answered[1:]):
        return 1
    return status


def _move_in_waiting(ctx: Context) -> None:
    """Records an earlier stretch window kept for later (the history was busy, then
    the window or the tray ended) go into the history now, if it takes them."""
    from qlbreak.storage.spool import Spool, beside

    spool = Spool(beside(ctx.paths.history_db))
    if not spool.waiting():
        return
    from qlbreak.storage.history import History, HistoryError

    try:
        history = History.open(ctx.paths.history_db, datetime.now().astimezone(), timeout=1.0)
        try:
            spool.replay(history)
        finally:
            history.close()
    except HistoryError:
        pass  # they wait on: the window tries again when it records, and so does the tray


def _record_late(ctx: Context, lines: list[str]) -> bool:
    """The window could not write these records (the history was busy or the disk
    full): one more, patient try; else they wait in the spool beside the history
    (the window put them there first) for the next qlbreak that can write it, and a
    line says so. False only when a record could be kept nowhere."""
    import json

    from qlbreak.storage.history import Event, History, HistoryBusy, HistoryFull
    from qlbreak.storage.outbox import Outbox
    from qlbreak.storage.spool import Spool, beside

    try:
        events = [Event.from_json(json.loads(line)) for line in lines]
    except (ValueError, KeyError, TypeError) as err:
        raise Fail(_("the stretch window answered what is not a record: {error}").format(error=err)) from None
    outbox = Outbox(lambda: History.open(ctx.paths.history_db, ctx.now(), timeout=LATE_WAIT), events)
    outbox.close()
    if not outbox.pending:
        return True
    what = ", ".join(f"{e.kind} {e.stretch or ''}".strip() for e in outbox.pending)
    trouble = outbox.trouble
    why = (
        _("another program is using your history")
        if isinstance(trouble, HistoryBusy)
        else _("the disk is full")
        if isinstance(trouble, HistoryFull)
        else str(trouble)
    )
    spool = Spool(beside(ctx.paths.history_db))
    try:
        for event in outbox.pending:
            if not spool.holds(event):  # the window could not keep it: keep it here
                spool.put(event)
    except OSError as err:
        # Translators: {records} are the records' kinds ("done knee-drop"), {why} the reason
        lost = _("your stretch ({records}) could not be recorded ({why}), nor kept for later: {error}")
        print("qlbreak: " + lost.format(records=what, why=why, error=err), file=ctx.err)
        return False
    kept = _(
        "your stretch ({records}) is not in your history yet ({why}); it is kept, and added"
        " the next time qlbreak can write to the history"
    )
    print("qlbreak: " + kept.format(records=what, why=why), file=ctx.err)
    return True


def _ask_running(ctx: Context, message: str) -> bool:
    """Whether a running tray took the request (TrayBusy: one runs but did not answer)."""
    from qlbreak.edges.instance.endpoint import Endpoint, InstanceError

    try:
        return Endpoint(ctx.paths.runtime_dir, ctx.paths.key_file).send(message) == "ok"
    except InstanceError:
        return False


def cmd_quit(ctx: Context) -> int:
    print(_("qlbreak has quit") if quit_running(ctx) else _("qlbreak is not running"), file=ctx.out)
    return 0


def quit_running(ctx: Context) -> bool:
    """Ask the running qlbreak to quit and wait until it has (False: none was running);
    Fail when it is still running after a few seconds. ``uninstall`` uses it too."""
    import time

    from qlbreak.edges.instance.endpoint import Endpoint, InstanceError

    endpoint = Endpoint(ctx.paths.runtime_dir, ctx.paths.key_file)
    try:
        if endpoint.send("quit") != "ok":
            return False
    except InstanceError as err:
        if not err.delivered:
            return False  # nobody holds the lock, and no qlbreak heard the request
        # it heard "quit" and the answer never came (it quit as it answered, or a crowd
        # at its endpoint): it has quit once its lock is free
    for _attempt in range(50):  # it saves its state and removes its icon: at most a few seconds
        if endpoint.acquire():
            endpoint.release()
            return True
        time.sleep(0.1)
    raise Fail(_("the running qlbreak was asked to quit but is still running"))


def cmd_safety(ctx: Context) -> int:
    from qlbreak.stretches import safety

    if ctx.args.text:
        print(safety.as_text(), file=ctx.out)
        return 0
    _need_tk()
    import tkinter

    from qlbreak.ui import spec
    from qlbreak.ui.safety import show_alone
    from qlbreak.ui.theme import palette

    config = ctx.config
    try:
        show_alone(spec.safety(palette(config.theme).name, ctx.paths, config.timezone))
    except tkinter.TclError as err:
        raise Fail(_("cannot open a window: {error}").format(error=err)) from None
    return 0


def cmd_settings(ctx: Context) -> int:
    """The settings window (``--welcome``: the first-run questions again). With a tray
    running, it opens there, so the tray hears the save at once."""
    window = "welcome" if ctx.args.welcome else "settings"
    _need_tk()
    if window == "settings" and _ask_running(ctx, "settings"):
        print(_("the running qlbreak opens its settings"), file=ctx.out)
        return 0
    from qlbreak.edges.children.launch import run_to_end
    from qlbreak.edges.choose import login_item
    from qlbreak.ui import spec
    from qlbreak.ui.theme import palette

    item = login_item()
    told = spec.settings(palette(ctx.config.theme).name, ctx.paths, item.enabled())
    if window == "welcome" and _ask_running(ctx, "ping"):
        from qlbreak.cli.apart import run_apart

        # the tray hears the saved file at once: the terminal need not wait for the window
        if run_apart(lambda: _login_answer(item, run_to_end(window, told)[1])):
            print(_("the welcome opens in its own window; the running qlbreak uses your answers"), file=ctx.out)
            return 0
    status, answered = run_to_end(window, told)
    if answered and answered[0].startswith("saved"):
        try:
            _login_answer(item, answered)
        except OSError as err:
            raise Fail(_("saved, but cannot change the login item: {error}").format(error=err)) from None
        print(_("saved {path}").format(path=ctx.paths.config_file), file=ctx.out)
    return status


def _login_answer(item: AutostartEntry, answered: list[str]) -> None:
    """Start at login as the settings or the welcome window answered (OSError: cannot)."""
    if answered and answered[0].startswith("saved") and answered[0].endswith(("autostart=on", "autostart=off")):
        item.set(answered[0].endswith("=on"))


# -- helpers -----------------------------------------------------------------------


def _parse_from(text: str, zone: tzinfo | None) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip())
        if not 1900 <= moment.year <= 9000:
            raise ValueError("out of range")
        return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)
    except (ValueError, OverflowError):
        raise Fail(
            _("{option}: {given} is not a date ({date}) or a date and time ({datetime}) from 1900 to 9000").format(
                option="--from", given=repr(text), date="2026-03-30", datetime="2026-03-30T09:00"
            )
        ) from None


def _need_tk() -> None:
    from qlbreak.ui.spec import tk_missing

    problem = tk_missing()
    if problem:
        raise Fail(problem)


def _offset(at: datetime) -> str:
    raw = f"{at:%z}"  # +0200, or +053328 for old local mean times
    return f"UTC{raw[:3]}:{raw[3:5]}"
