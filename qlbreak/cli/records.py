"""The commands that read or add to the history: ``history`` (as text, JSON or CSV)
and ``check-in`` (the morning check-in from the command line).

The CSV's columns are a promise to whoever opens it in a spreadsheet or a script
(docs/history-csv.md): new columns go at the end, and none is renamed or removed.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from qlbreak.cli.context import MAX_HISTORY_DAYS, Context, Fail
from qlbreak.core.kinds import Record
from qlbreak.core.words import _, ngettext

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import TextIO

    from qlbreak.storage.history import Event

DEFAULT_DAYS = 14  # the text and the JSON look this far back; the CSV has everything
CSV_COLUMNS = (
    *("at", "what", "stretch", "stretch_name", "feeling", "reminder", "occurrence", "seconds"),
    *("left_seconds", "right_seconds", "pain", "tighter", "leg_symptoms", "worry", "programme", "mark"),
)
# The "what" column: one plain word or phrase for each kind of record, never changed.
WHAT = {
    Record.FIRED: "reminder shown",
    Record.DONE: "done",
    Record.PARTIAL: "done in part",
    Record.SKIPPED: "skipped",
    Record.SNOOZED: "snoozed",
    Record.MISSED: "missed",
    Record.SWITCHED: "switched",
    Record.CHECKIN: "check-in",
    Record.WARNED: "warned",
    Record.PROGRAMME: "programme",
}


def cmd_history(ctx: Context) -> int:
    a = ctx.args
    days = a.days if a.days is not None else (None if a.csv is not None else DEFAULT_DAYS)
    if days is not None and not 1 <= days <= MAX_HISTORY_DAYS:
        raise Fail(_("{option} must be from {low} to {high}").format(option="--days", low=1, high=MAX_HISTORY_DAYS))
    from qlbreak.core.streak import streak

    now = ctx.now()
    with ctx.history() as history:
        events = history.events(since=now - timedelta(days=days) if days is not None else None)
        run = streak(history.done_days(), ctx.config.workdays, now.date())
    if a.json:
        ctx.emit_json({"streak": run, "events": [e.as_json() for e in events]})
        return 0
    have = ctx.config.prefs.equipment
    if a.csv is not None:  # a file for a spreadsheet: the catalogue's own names, as its columns promise
        return _csv_out(ctx, events, {s.id: s.for_equipment(have).name for s in ctx.catalogue}, a.csv)
    names = {s.id: s.for_equipment(have).name for s in ctx.shown}
    from qlbreak.ui.spec import history_lines

    for line in history_lines(events, names, now.tzinfo, run, days or DEFAULT_DAYS):
        print(line, file=ctx.out)
    return 0


def _csv_out(ctx: Context, events: list[Event], names: Mapping[str, str], target: str) -> int:
    """To stdout (``-``), or to a file written whole or not at all."""
    import io

    if target == "-":
        if isinstance(ctx.out, io.TextIOWrapper) and ctx.out.encoding.lower().replace("-", "") != "utf8":
            ctx.out.reconfigure(encoding="utf-8")  # Windows' cp1252, redirected to a file: any name fits
        write_csv(events, names, ctx.out, "\n")  # a text stdout ends lines as its platform does
        return 0
    from pathlib import Path

    from qlbreak.storage.atomic import write_atomic

    buffer = io.StringIO(newline="")
    write_csv(events, names, buffer)
    path = Path(target).expanduser()
    try:
        write_atomic(path, buffer.getvalue().encode("utf-8"))
    except OSError as err:
        raise Fail(_("{path}: cannot write: {error}").format(path=path, error=err.strerror or err)) from None
    count = len(events)
    print(
        ngettext("wrote {n} record to {path}", "wrote {n} records to {path}", count).format(n=count, path=path),
        file=ctx.out,
    )
    return 0


def write_csv(events: Iterable[Event], names: Mapping[str, str], out: TextIO, end: str = "\r\n") -> None:
    """Every event as one CSV row under a header (``CSV_COLUMNS``); ``names``: each
    stretch's name by its id (an id not there names itself)."""
    import csv

    writer = csv.writer(out, lineterminator=end)
    writer.writerow(CSV_COLUMNS)
    for e in events:
        writer.writerow(
            (
                e.at.isoformat(timespec="seconds"),
                WHAT.get(e.kind, str(e.kind)),
                e.stretch or "",
                names.get(e.stretch, e.stretch) if e.stretch else "",
                e.feeling.value if e.feeling else "",
                e.reminder or "",
                e.occurrence.isoformat() if e.occurrence else "",
                *(_number(x) for x in (e.seconds, e.left_seconds, e.right_seconds)),
                "" if e.pain is None else str(e.pain),
                e.tighter.value if e.tighter else "",
                "" if e.leg is None else ("yes" if e.leg else "no"),
                e.worry.value if e.worry else "",
                e.programme or "",
                e.mark.value if e.mark else "",
            )
        )


def _number(value: float | None) -> str:
    """Seconds as a spreadsheet reads them: ``45`` for a whole number, else exactly as stored."""
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() else repr(value)


def cmd_check_in(ctx: Context) -> int:
    """Records the morning check-in; a leg's new pain, numbness or tingling shows the
    warning signs at once, as the check-in screen does before any stretch."""
    from qlbreak.core.checkin import NotOnTheScale, Side, pain
    from qlbreak.storage.history import Event, HistoryError
    from qlbreak.ui.spec import checkin_words

    a = ctx.args
    try:
        rating = pain(a.pain)
    except NotOnTheScale as err:
        raise Fail(f"--pain: {err}") from None
    event = Event(
        ctx.now(), Record.CHECKIN, pain=rating, tighter=Side(a.tighter) if a.tighter else None, leg=a.leg_symptoms
    )
    with ctx.history() as history:
        try:
            history.record(event)
        except HistoryError as err:
            raise Fail(str(err)) from None
    # Translators: {checkin} is the morning check-in in words, e.g. "back 4/10, left side tighter"
    print(_("Recorded: {checkin}.").format(checkin=checkin_words(event)), file=ctx.out)
    if event.leg:
        print(_leg_warning(), file=ctx.out)
    return 0


def _leg_warning() -> str:
    from qlbreak.stretches import safety

    lines = [
        "",
        _(
            "New pain, numbness or tingling down a leg: please see a doctor or physiotherapist"
            " before you stretch again."
        ),
        "",
        _(safety.EMERGENCY_TITLE),
        *(f"  - {_(item)}" for item in safety.EMERGENCY),
        "",
        _(safety.SEE_DOCTOR_TITLE),
        *(f"  - {_(item)}" for item in safety.SEE_DOCTOR),
    ]
    return "\n".join(lines)
