"""The command line: the only place that prints for users.

Every failure a user can cause ends here as one clear line (``file:line: ...`` where
there is a file) and an exit status (``EXIT_STATUS``): 0 fine, 1 a problem found
(``config --check``), 2 a usage error or something that stops the command, 3 a running
qlbreak that did not answer in time (busy is never "not running").

May import ``core``, ``storage``, ``stretches``, ``ui`` and ``edges`` (its adapters as
``edges.choose`` picks them), and of ``tray`` only ``start`` (``qlbreak tray``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from qlbreak.cli.context import Context

    Run = Callable[[Context], int]

from qlbreak import __version__
from qlbreak.core.words import N_, _

# Translators: the end of "qlbreak --help": what each exit status (a number) means.
EXIT_STATUS = N_(
    "exit status: 0 fine; 1 a problem found (config --check) or something not done; "
    "2 a usage error or something that stops the command; "
    "3 qlbreak is running but did not answer in time (try again in a moment)"
)


def build_parser() -> argparse.ArgumentParser:
    import argparse  # here: the tray's start does without it (~0.25 MB of code it would keep)

    from qlbreak.cli.argparse_words import speak_our_words
    from qlbreak.cli.commands import (
        cmd_autostart,
        cmd_quit,
        cmd_safety,
        cmd_schedule,
        cmd_settings,
        cmd_stretch,
    )
    from qlbreak.cli.config_cmd import cmd_config
    from qlbreak.cli.listing import cmd_list
    from qlbreak.cli.records import cmd_check_in, cmd_history
    from qlbreak.cli.status import cmd_status
    from qlbreak.cli.tray import cmd_tray
    from qlbreak.cli.uninstall import cmd_uninstall

    speak_our_words()  # "usage:", "options" and argparse's errors in the user's language
    parser = argparse.ArgumentParser(
        prog="qlbreak",
        description=_("A tray break reminder with one guided stretch for the lower back."),
        epilog=_(EXIT_STATUS),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"qlbreak {__version__}",
        help=_("show program's version number and exit"),  # Python 3.11's argparse does not translate its own
    )
    # Translators: a blank in "--help" a user fills in, in capitals, one word (no spaces)
    parser.add_argument("--config", metavar=_("PATH"), help=_("use this config file (also: $QLBREAK_CONFIG)"))
    parser.set_defaults(run=cmd_tray)
    # Translators: the heading above the list of commands in "qlbreak --help"; COMMAND: a blank, in capitals
    sub = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"))

    _add_reading_commands(sub, cmd_list, cmd_schedule, cmd_history)

    _add_check_in(sub, cmd_check_in)

    p = sub.add_parser("stretch", help=_("open the stretch window now"))
    p.add_argument(
        "id", nargs="?", help=_("the stretch: its id or a part of its name ('knee drop'); picked when left out")
    )
    p.add_argument("--speed", type=float, default=1.0, metavar="N", help=_("run holds N times faster (tests)"))
    p.add_argument("--demo", action="store_true", help=_("show how a stretch goes; nothing is recorded"))
    p.set_defaults(run=cmd_stretch)

    p = sub.add_parser("safety", help=_("show the safety notice and the warning signs again"))
    p.add_argument("--text", action="store_true", help=_("print it here instead of opening a window"))
    p.set_defaults(run=cmd_safety)

    p = sub.add_parser("settings", help=_("open the settings window"))
    p.add_argument("--welcome", action="store_true", help=_("the first-run questions again"))
    p.set_defaults(run=cmd_settings)

    from qlbreak.cli.progress import add_commands as add_progress_commands

    add_progress_commands(sub)  # progress, report: how it is going, a window and a page

    from qlbreak.cli.programme import add_commands as add_programme_commands

    add_programme_commands(sub)  # programme list|start|pause|resume|stop|status

    p = sub.add_parser("status", help=_("running or not, what comes next, and what would hold a reminder now"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(run=cmd_status)

    p = sub.add_parser("quit", help=_("ask the running qlbreak to quit (the installer does, before an upgrade)"))
    p.set_defaults(run=cmd_quit)

    p = sub.add_parser("uninstall", help=_("remove qlbreak from your account (your settings and history stay)"))
    p.add_argument("--purge", action="store_true", help=_("remove your settings and history too"))
    p.add_argument(
        "--unattended",
        "--yes",
        dest="yes",
        action="store_true",
        help=_("ask nothing (for scripts and IT; --yes is the same); settings and history stay unless --purge"),
    )
    p.set_defaults(run=cmd_uninstall)

    p = sub.add_parser("autostart", help=_("start qlbreak when you log in, or not"))
    p.add_argument("state", choices=("on", "off", "status"))
    p.set_defaults(run=cmd_autostart)

    p = sub.add_parser("config", help=_("print the config file's path"))
    group = p.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help=_("validate it; exit 1 on errors"))
    group.add_argument("--init", action="store_true", help=_("write a commented default file (never overwrites)"))
    p.set_defaults(run=cmd_config)
    return parser


def _add_reading_commands(sub: Any, cmd_list: Run, cmd_schedule: Run, cmd_history: Run) -> None:
    """The commands that only read: the stretches, the coming reminders, the history."""
    from qlbreak.core import vocabulary

    p = sub.add_parser("list", help=_("the stretches: which are in your rotation, and why the others are not"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument("--rotation", action="store_true", help=_("only the stretches in your rotation"))
    p.add_argument("--all", action="store_true", help=_("ignore the [stretches] settings"))
    p.add_argument("--no-floor", action="store_true", help=_("only stretches done standing or seated"))
    p.add_argument("--position", choices=vocabulary.POSITIONS)
    p.add_argument("--equipment", choices=vocabulary.EQUIPMENT, help=_("only stretches that use this"))
    p.set_defaults(run=cmd_list)

    p = sub.add_parser("schedule", help=_("the coming reminders"))
    # Translators: a blank in "--help" a user fills in, in capitals, one word (no spaces)
    p.add_argument("--from", dest="start", metavar=_("DATE|DATETIME"), help=_("start here instead of now (local time)"))
    p.add_argument("--days", type=int, default=7, metavar="N", help=_("how many days to list (default 7)"))
    # Translators: a blank in "--help" a user fills in, in capitals, one word (no spaces)
    p.add_argument("--tz", metavar=_("ZONE"), help=_("an IANA time zone instead of the configured one"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(run=cmd_schedule)

    p = sub.add_parser("history", help=_("what was done, skipped or missed, the check-ins, and the streak"))
    p.add_argument("--days", type=int, metavar="N", help=_("how far back (default 14; --csv: everything)"))
    group = p.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help=_("print JSON"))
    group.add_argument(
        "--csv",
        nargs="?",
        const="-",
        # Translators: a blank in "--help" a user fills in, in capitals, one word (no spaces)
        metavar=_("FILE"),
        help=_("every record as CSV, here or into FILE (columns: docs/history-csv.md)"),
    )
    p.set_defaults(run=cmd_history)


def _add_check_in(sub: Any, cmd_check_in: Run) -> None:
    """The morning check-in from the terminal (the stretch window asks it too)."""
    p = sub.add_parser("check-in", help=_("record how your back is today (the morning check-in)"))
    p.add_argument("--pain", required=True, metavar="N", help=_("0 (no pain) to 10 (the worst imaginable)"))
    p.add_argument("--tighter", choices=("left", "right", "both", "neither"), help=_("the side that feels tighter"))
    p.add_argument(
        "--leg-symptoms",
        action="store_true",
        help=_("new pain, numbness or tingling down a leg (shows the warning signs)"),
    )
    p.set_defaults(run=cmd_check_in)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    from qlbreak.storage.privacy import private_by_default

    private_by_default()
    words = sys.argv[1:] if argv is None else list(argv)
    if _the_tray(words):  # the common start (login, the menu entry): no parser, the icon first
        from qlbreak.cli.tray import cmd_tray

        args: argparse.Namespace | SimpleNamespace = SimpleNamespace(
            config=words[1] if len(words) == 2 else None, run=cmd_tray
        )
    else:
        _speak(words)
        args = build_parser().parse_args(words)
    from qlbreak.cli.context import Context, Fail

    try:
        return int(args.run(Context(args, out, err)))
    except Fail as failure:
        print(f"qlbreak: {failure}", file=err)
        return failure.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:
        status = _busy(error, err)
        if status is None:
            raise
        return status


def _busy(error: Exception, err: TextIO) -> int | None:
    """A running qlbreak that did not answer (``TrayBusy``): said, with its own exit
    status; None for anything else. Imported only here: most commands never ask it."""
    from qlbreak.edges.instance.endpoint import TrayBusy

    if not isinstance(error, TrayBusy):
        return None
    print(f"qlbreak: {error}", file=err)
    return error.status


def _speak(words: Sequence[str]) -> None:
    """The user's language (their config file's, else the system's) before a word is
    printed or ``--help`` is built; ``--config PATH`` read ahead of the parser for it."""
    from qlbreak.language.start import start
    from qlbreak.storage.config import language_setting
    from qlbreak.storage.paths import default_paths

    given = next((w.split("=", 1)[1] for w in words if w.startswith("--config=")), None)
    if given is None and "--config" in words[:-1]:
        given = words[list(words).index("--config") + 1]
    start(language_setting(default_paths(given).config_file))


def _the_tray(words: Sequence[str]) -> bool:
    """Nothing but the tray app asked for: no words, or ``--config PATH``."""
    return not words or (len(words) == 2 and words[0] == "--config" and not words[1].startswith("-"))
