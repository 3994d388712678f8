"""argparse's own words ("usage: ", "options", its error lines) in the user's language.

argparse translates its words itself, at the moment it prints them, through two names in
its module: ``_`` and ``ngettext`` (``from gettext import gettext as _, ngettext``), that
is gettext's global domain. Two ways to make it speak our language:

- ``gettext.bindtextdomain``/``textdomain`` (documented): the global domain then picks its
  language from LANGUAGE/LC_ALL/LC_MESSAGES/LANG, so a user who chose German in Settings
  on an English system would read English headings around German help lines.
- pointing those two names at ``qlbreak.core.words`` (chosen): argparse then reads the
  language the user chose, whatever set it (the system, Settings, a test's ``using``),
  looked up when it prints, with no second catalogue to install.

argparse's own strings are listed below with ``N_`` so Babel puts them into our
catalogue: those of Python 3.11, 3.12 and 3.13 (3.13 added the "%(heading)s:" colon,
the version help and the deprecation lines; a test compares this list with the running
Python's argparse). A subparsers title is ours to translate: 3.13 no longer passes it
through ``_`` (3.11 and 3.12 look the translated title up once more, finding nothing).
"""

from __future__ import annotations

from qlbreak.core.words import N_, ngettext
from qlbreak.core.words import _ as translate

# Translators: argparse's words; keep each %(name)s and %s/%r exactly as it is, and the
# trailing space of "usage: ".
WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("subcommands"),
    N_("%(heading)s:"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_(" (default: %(default)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("%(prog)s: warning: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_('argument "-" with mode %r'),
    N_("command '%(parser_name)s' is deprecated"),
    N_("option '%(option)s' is deprecated"),
    N_("argument '%(argument_name)s' is deprecated"),
    # A programmer's mistakes in building a parser: never for a user, listed so a
    # translation is complete (and the test that compares with argparse stays exact).
    N_(".__call__() not defined"),
    N_("conflicting subparser: %s"),
    N_("conflicting subparser alias: %s"),
    N_("cannot merge actions - two groups are named %r"),
    N_("'required' is an invalid argument for positionals"),
    N_("invalid option string %(option)r: must start with a character %(prefix_chars)r"),
    N_("dest= is required for options like %r"),
    N_("invalid conflict_resolution value: %r"),
    N_("mutually exclusive arguments must be optional"),
    N_("cannot have multiple subparser arguments"),
    N_("%r is not callable"),
)


def plural_words(n: int) -> tuple[str, ...]:
    """argparse's words with a count, marked for Babel (never needed at run time: argparse
    asks ``ngettext`` for them itself)."""
    return (
        ngettext("expected %s argument", "expected %s arguments", n),
        ngettext("conflicting option string: %s", "conflicting option strings: %s", n),
    )


def speak_our_words() -> None:
    """From now on argparse prints its own words in the language of ``core.words``
    (the module docstring says why not ``gettext.textdomain``). Idempotent."""
    import argparse

    vars(argparse).update(_=_gettext, ngettext=ngettext)


def _gettext(message: str | None) -> str | None:
    """``core.words._`` for argparse, which also asks for a missing description (None)
    and must get it back as it is, from any translations (a test's stand-in too)."""
    return translate(message) if message else message
