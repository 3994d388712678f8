"""argparse's own words ("usage:", "options", its errors) follow the language qlbreak
speaks (``core.words``), not gettext's global domain; and every word the running
Python's argparse translates is in our catalogue."""

from __future__ import annotations

import argparse
import ast
import inspect

import pytest

from qlbreak.cli import main
from qlbreak.cli.argparse_words import WORDS, plural_words, speak_our_words
from qlbreak.core.words import EnglishFormats, Words, current, using
from tests.marking import Marked as Marking

OPEN, CLOSE = "\u27e6", "\u27e7"


MARKING = Words("xx", Marking(), EnglishFormats())


@pytest.fixture(autouse=True)
def _main_keeps_the_tests_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """``main`` speaks its user's language first (``language.start``): here, the one the
    test chose with ``using``."""
    monkeypatch.setattr("qlbreak.language.start.load", lambda code, folder=None: current())


def help_text(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def test_help_in_the_chosen_language_has_argparse_headings_translated(capsys: pytest.CaptureFixture[str]) -> None:
    with using(MARKING):
        text = help_text(capsys)
    assert text.startswith(f"{OPEN}usage: {CLOSE}qlbreak "), text
    assert f"{OPEN}options{CLOSE}" in text, text
    assert f"{OPEN}show this help message and exit{CLOSE}" in text, text
    assert f"{OPEN}show program's version number and exit{CLOSE}" in text, text
    assert f"{OPEN}A tray break reminder with one guided stretch for the lower back.{CLOSE}" in text, text
    assert f"{OPEN}commands{CLOSE}" in text and f"{OPEN}exit status: 0 fine;" in text, text


def test_a_sub_commands_help_has_its_positional_heading_translated(capsys: pytest.CaptureFixture[str]) -> None:
    with using(MARKING):
        text = help_text(capsys, "stretch")
    assert f"{OPEN}positional arguments{CLOSE}" in text, text
    assert f"{OPEN}open the stretch window now{CLOSE}" not in text  # the list's line, not the command's own
    assert f"{OPEN}show how a stretch goes; nothing is recorded{CLOSE}" in text, text


def test_argparse_errors_are_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    with using(MARKING), pytest.raises(SystemExit) as done:
        main(["check-in"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert f"{OPEN}usage: {CLOSE}qlbreak check-in" in err, err
    assert f"{OPEN}qlbreak check-in: error: {OPEN}the following arguments are required: --pain{CLOSE}" in err, err


def test_the_language_is_read_when_argparse_prints_and_english_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    speak_our_words()
    speak_our_words()  # twice: the same
    with using(MARKING):
        assert help_text(capsys).startswith(f"{OPEN}usage: ")
    text = help_text(capsys)  # the language before: English, word for word as argparse's own
    assert text.startswith("usage: qlbreak ") and "\noptions:\n" in text and OPEN not in text, text
    assert "  -h, --help " in text and " show this help message and exit\n" in text, text


def test_argparse_asks_our_words_even_for_a_missing_description() -> None:
    """Python 3.11 passes a subparsers group's missing description (None) through ``_``."""
    speak_our_words()
    with using(MARKING):
        assert vars(argparse)["_"](None) is None
        assert vars(argparse)["_"]("options") == f"{OPEN}options{CLOSE}"


def _argparse_messages() -> tuple[set[str], set[tuple[str, str]]]:
    """The strings the running Python's argparse passes to ``_`` and ``ngettext``."""
    tree = ast.parse(inspect.getsource(argparse))
    singular: set[str] = set()
    plural: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if node.func.id == "_" and texts:
            singular.add(texts[0])
        elif node.func.id == "ngettext" and len(texts) == 2:
            plural.add((texts[0], texts[1]))
    return singular, plural


def test_every_word_argparse_translates_is_marked_for_our_catalogue() -> None:
    singular, plural = _argparse_messages()
    assert "usage: " in singular and "options" in singular  # the reading itself works
    assert singular <= set(WORDS), sorted(singular - set(WORDS))
    marked = set(zip(plural_words(1), plural_words(2), strict=True))
    assert plural <= marked, sorted(plural - marked)
