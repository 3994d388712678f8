"""The commands about how it is going: ``progress`` opens the Progress window (the tray
menu's "Progress…"), ``report --pdf FILE`` writes the one-page report to take to a
physiotherapist, with no window. matplotlib is loaded here only for the report, never
at the parser: the other commands start without it."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from qlbreak.cli.context import Context, Fail
from qlbreak.core.words import _

if TYPE_CHECKING:
    from typing import Any

    from qlbreak.core.progress import Progress


def add_commands(sub: Any) -> None:
    """Their entries in the parser (``sub``: its subparsers)."""
    p = sub.add_parser("progress", help=_("open the Progress window: the last four weeks at a glance"))
    p.set_defaults(run=cmd_progress)
    p = sub.add_parser("report", help=_("write the last four weeks on one page (PDF) to show a physiotherapist"))
    # Translators: a blank in "--help" a user fills in, in capitals, one word (no spaces)
    p.add_argument("--pdf", metavar=_("FILE"), required=True, help=_("the PDF file to write (replaced if it exists)"))
    p.set_defaults(run=cmd_report)


def cmd_progress(ctx: Context) -> int:
    """The Progress window, as the tray opens it; it reads the history itself."""
    from qlbreak.ui import spec

    problem = spec.tk_missing()
    if problem:
        raise Fail(problem)
    from qlbreak.edges.children.launch import run_to_end
    from qlbreak.ui.theme import palette

    config = ctx.config
    told = spec.progress(palette(config.theme).name, ctx.paths, config, names(ctx))
    return run_to_end("progress", told)[0]


def cmd_report(ctx: Context) -> int:
    """The report of the last four weeks as a one-page PDF at ``--pdf FILE``."""
    path = writable(ctx.args.pdf)
    progress = four_weeks(ctx)
    try:
        from qlbreak.charts import report, report_words
    except ImportError as err:  # an install without its dependencies
        raise Fail(
            _("the report needs matplotlib ({error}): {command}").format(error=err, command="pip install matplotlib")
        ) from None
    try:
        report.write(path, progress, names(ctx), ctx.now())
    except OSError as err:
        raise Fail(_("{path}: cannot write the report: {error}").format(path=path, error=err.strerror or err)) from None
    # Translators: {weeks} is the span the report covers: "Mon 2 Nov – Sun 29 Nov 2026 (4 weeks)"
    print(
        _("wrote the report of {weeks} to {path}").format(weeks=report_words.weeks(progress), path=path), file=ctx.out
    )
    return 0


def writable(given: str) -> Path:
    """The report's path, once it is clear it can be written there: Fail says, in one
    line, why not (no such folder, a folder given, no permission)."""
    path = Path(given).expanduser()
    folder = path.parent
    if not given.strip():
        raise Fail(
            _("{path}: give the report a file name, for example {example}").format(
                path=repr(given), example="back-report.pdf"
            )
        )
    if path.is_dir():
        raise Fail(
            _("{path}: is a folder; give a file name in it, for example {example}").format(
                path=path, example=path / "back-report.pdf"
            )
        )
    if not folder.is_dir():
        if folder.exists():
            raise Fail(_("{folder}: is not a folder; the report goes into a folder that exists").format(folder=folder))
        raise Fail(_("{folder}: no such folder; the report goes into a folder that exists").format(folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise Fail(_("{folder}: cannot write there (no permission); choose another folder").format(folder=folder))
    if path.exists() and not os.access(path, os.W_OK):
        raise Fail(_("{path}: the file is read-only; choose another name or make it writable").format(path=path))
    return path


def four_weeks(ctx: Context) -> Progress:
    """The last four weeks of the history, as the Progress window shows them."""
    from qlbreak.core.progress import DAYS, build

    now = ctx.now()
    with ctx.history() as history:
        events = history.events(since=now - timedelta(days=DAYS + 1))  # build() keeps the 28 days' own
        done_days = history.done_days()
    return build(events, now, ctx.config.workdays, names(ctx), done_days)


def names(ctx: Context) -> dict[str, str]:
    """Each stretch's id and the name it is done under, with what the person has to hand,
    in the user's language."""
    have = ctx.config.prefs.equipment
    return {s.id: s.for_equipment(have).name for s in ctx.shown}
