"""``qlbreak programme list|start ID|pause|resume|stop|status``: a programme from the
terminal, as Settings does it. The marks go into the history and nowhere else, so a
running tray sees them on its next tick without being told.

Exit statuses (``cli.EXIT_STATUS``): 0 done; 1 not done because of where the programme
stands (nothing to pause, already paused, another under way); 2 a usage error (an
unknown programme) or a history that cannot be used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qlbreak.cli.context import Context, Fail, either
from qlbreak.core.words import N_, _, formats

if TYPE_CHECKING:
    from qlbreak.core.programmes import Exercise, Mark, Programme, Standing

NOT_DONE = 1  # the exit status of a refused mark


def add_commands(sub: Any) -> None:
    """The ``programme`` command and its actions (``sub``: the parser's subparsers)."""
    p = sub.add_parser("programme", help=_("a course of days (the ball release for two weeks): start, pause, see it"))
    # Translators: the heading above a command's actions in "--help"; ACTION: a blank, in capitals
    actions = p.add_subparsers(title=_("actions"), metavar=_("ACTION"), dest="action", required=True)
    a = actions.add_parser("list", help=_("the programmes there are, and which one is under way"))
    a.add_argument("--json", action="store_true", help=_("print JSON"))
    a.set_defaults(run=cmd_list)
    a = actions.add_parser("start", help=_("start a programme (one at a time)"))
    a.add_argument(
        "id", nargs="*", metavar="ID", help=_("the programme's id or name, as the list shows it (ball release)")
    )
    a.set_defaults(run=cmd_start)
    for name, words in (
        ("pause", N_("pause the programme under way (its days wait; no reminder pushes it)")),
        ("resume", N_("carry on with the paused programme where it stopped")),
        ("stop", N_("stop the programme (start it again later from day 1)")),
    ):
        a = actions.add_parser(name, help=_(words))
        a.set_defaults(run=cmd_mark, mark=name)
    a = actions.add_parser("status", help=_("where the programme stands: day N of M"))
    a.add_argument("--json", action="store_true", help=_("print JSON"))
    a.set_defaults(run=cmd_status)


def cmd_list(ctx: Context) -> int:
    from qlbreak.core.programmes import PROGRAMMES

    latest = _standing(ctx)
    if ctx.args.json:
        ctx.emit_json([_as_json(p, latest if latest and latest.programme == p else None) for p in PROGRAMMES])
        return 0
    width = max(len(p.id) for p in PROGRAMMES)
    for p in PROGRAMMES:
        where = ""
        if latest and latest.programme == p and latest.active:
            words = latest.words()  # "Ball release: day 5 of 14": the part after the name
            where = f"  ({words.partition(': ')[2] or words})"
        # Translators: a programme in "qlbreak programme list": its name, then what it is
        print(
            f"  {p.id:<{width}}  " + _("{name}: {about}").format(name=_(p.name), about=_(p.about)) + where, file=ctx.out
        )
    if latest is None or not latest.active:
        print(
            _("Start one with: {command}").format(command=f"qlbreak programme start {PROGRAMMES[0].id}"), file=ctx.out
        )
    return 0


def cmd_start(ctx: Context) -> int:
    from qlbreak.core.programmes import Mark

    programme = _programme(" ".join(ctx.args.id))
    after = _mark(ctx, Mark.START, programme)
    # Translators: {standing} is where the programme stands, e.g. "Ball release: day 1 of 14"
    print(_("Started. {standing}.").format(standing=after.words()), file=ctx.out)
    today = _today(ctx, after)
    if today:
        print(today, file=ctx.out)
    return 0


def cmd_mark(ctx: Context) -> int:
    from qlbreak.core.programmes import Mark

    after = _mark(ctx, Mark(ctx.args.mark))  # pause, resume, stop: the course under way
    # Translators: {standing} is where the programme stands, e.g. "Ball release: day 3 of 14"
    said = {
        Mark.PAUSE: _("Paused: its days wait until you resume it (qlbreak programme resume). {standing}."),
        Mark.RESUME: _("Resumed. {standing}."),
        Mark.STOP: _("Stopped. Start it again any time; it begins at day 1. {standing}."),
    }[Mark(ctx.args.mark)]
    print(said.format(standing=after.words()), file=ctx.out)
    return 0


def cmd_status(ctx: Context) -> int:
    latest = _standing(ctx)
    if ctx.args.json:
        ctx.emit_json(latest.as_json() | {"words": latest.words(), "due": latest.due} if latest else None)
        return 0
    if latest is None:
        print(_("No programme yet. See them with: {command}").format(command="qlbreak programme list"), file=ctx.out)
        return 0
    print(latest.words(), file=ctx.out)
    today = _today(ctx, latest)
    if today:
        print(today, file=ctx.out)
    if not latest.active:
        print(
            _("Start one again with: {command} ({listing} shows them)").format(
                command="qlbreak programme start ID", listing="qlbreak programme list"
            ),
            file=ctx.out,
        )
    return 0


def _as_json(programme: Programme, standing: Standing | None) -> dict[str, object]:
    return {
        "id": programme.id,
        "name": programme.name,
        "length": programme.length,
        "unit": programme.unit,
        "spacing": programme.spacing.value,
        "day": standing.day if standing else None,
        "state": standing.state.value if standing else None,
    }


def _programme(wanted: str) -> Programme:
    """The programme named ``wanted`` (its id, its id's words, or its name in any case);
    Fail names the closest ones otherwise, or all of them when nothing is named."""
    from difflib import get_close_matches

    from qlbreak.core.programmes import PROGRAMMES

    key = " ".join(wanted.lower().split())
    ids = [p.id for p in PROGRAMMES]
    if not key:  # argparse would say only "required: ID"
        raise Fail(
            _("which programme? the programmes are {ids} ({command} says what each is)").format(
                ids=", ".join(ids), command="qlbreak programme list"
            )
        )
    for p in PROGRAMMES:
        if p.id in (key, key.replace(" ", "-")) or key in (
            p.name.lower(),
            _(p.name).lower(),
        ):  # "ball release" as "knee drop"
            return p
    close = get_close_matches(key, ids, n=2, cutoff=0.5)
    if close:
        raise Fail(
            _("no programme called {name}; did you mean {choices}? ({command})").format(
                name=repr(wanted), choices=either(close), command="qlbreak programme list"
            )
        )
    raise Fail(
        _("no programme called {name}; the programmes are {ids} ({command})").format(
            name=repr(wanted), ids=", ".join(ids), command="qlbreak programme list"
        )
    )


def _known(ctx: Context) -> dict[str, Exercise]:
    from qlbreak.core.programmes import exercises

    return exercises(ctx.catalogue)


def _standing(ctx: Context) -> Standing | None:
    from qlbreak.storage import programmes as stored

    now = ctx.now()
    with ctx.history() as history:
        return stored.standing(history, _known(ctx), now)


def _mark(ctx: Context, what: Mark, programme: Programme | None = None) -> Standing:
    from qlbreak.storage import programmes as stored
    from qlbreak.storage.history import HistoryError

    now = ctx.now()
    with ctx.history() as history:
        try:
            after = stored.mark(history, what, _known(ctx), now, programme)
        except stored.Refused as refused:
            raise Fail(_hint(str(refused), what, refused.standing, programme), NOT_DONE) from None
        except HistoryError as err:
            raise Fail(str(err)) from None
    assert after is not None  # a mark was just recorded
    return after


def _today(ctx: Context, standing: Standing) -> str | None:
    """Today's session in words: what to do, or that it is done. Its exercises are
    kept by the user's filters alone (``app_programme.plain``), as the tray offers them."""
    from qlbreak.core.app_programme import plain
    from qlbreak.core.picker import allowed, why_not
    from qlbreak.core.programmes import State

    if standing.state is not State.UNDER_WAY:
        return None
    if standing.done_today:
        return _("Today's session is done. Well done.")
    if not standing.due:
        if standing.next_day is None:
            return _("No session today: the next one counts from another day.")
        # Translators: {day} is a date in full, e.g. "Thursday 3 December"
        return _("No session today: the next one counts from {day}.").format(day=formats().long_day(standing.next_day))
    prefs = ctx.config.prefs
    usable = {s.id for s in ctx.catalogue if allowed(plain(s.candidate), prefs)}
    choices = standing.programme.choices(_known(ctx), usable)
    if not choices:
        ids = standing.programme.exercises or [
            s.id for s in ctx.catalogue if standing.programme.counts(s.id, _known(ctx))
        ]
        first = ctx.catalogue.get(ids[0]) if ids else None
        why = why_not(plain(first.candidate), prefs) if first else None
        if why:
            # Translators: {why} says why the settings leave it out, e.g. "needs a ball"
            return _("Its exercise is not in your rotation ({why}): change what you have to hand in Settings.").format(
                why=why
            )
        return _("Its exercise is not in your rotation: change what you have to hand in Settings.")
    shown = ctx.shown
    names = [s.for_equipment(prefs.equipment).name for c in choices if (s := shown.get(c)) is not None]
    if len(names) > 3:
        # Translators: {exercises} is up to three names joined with "or"
        return _("Today: {exercises} (or another).").format(exercises=either(names[:3]))
    return _("Today: {exercises}.").format(exercises=either(names))


def _hint(refused: str, what: Mark, before: Standing | None, programme: Programme | None) -> str:
    """Why a mark was refused, with the command that does what the user may have meant instead."""
    from qlbreak.core.programmes import Mark, State

    if before is None or not before.active:
        return _("{refused}; start one with: {command}").format(refused=refused, command="qlbreak programme start ID")
    if what is Mark.START and programme != before.programme:
        return f"{refused}: qlbreak programme stop"  # the reason, then the command that does it
    if what is Mark.PAUSE and before.state is State.PAUSED:
        return _("{refused}; carry on with: {command}").format(refused=refused, command="qlbreak programme resume")
    return refused
