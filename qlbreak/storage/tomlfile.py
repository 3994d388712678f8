"""Read a TOML file and remember which line each key stands on.

tomllib gives values but no positions, and every message about a user's file must
name ``file:line``. So beside the parsed data we keep a map from key path to line,
found by a plain scan of the text. The scan understands headers, ``key = value``
lines and multi-line strings; anything odder falls back to the nearest known line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from qlbreak.core.words import _

KeyPath = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")
MAX_BYTES = 1024 * 1024  # far more than any settings file or stretch needs
_AT = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or odd, for a warning) in a file, at a line; ``key`` is the
    setting it is about (the settings window shows it beside that setting's field)."""

    path: str
    line: int
    message: str
    warning: bool = False
    key: KeyPath = ()

    def __str__(self) -> str:
        """``file:line: message``, the place as editors and compilers write it (not translated)."""
        if self.warning:
            # Translators: after "config.toml:12: "; {message} says what is odd in that line.
            return f"{self.path}:{self.line}: " + _("warning: {message}").format(message=self.message)
        return f"{self.path}:{self.line}: {self.message}"

    def brief(self) -> str:
        """For a notification or a window: the file's name (not its folder) and the line."""
        # Translators: {file} is a file's name ("config.toml"), {line} a line number in it.
        return _("{file} line {line}: {message}").format(
            file=PurePath(self.path).name, line=self.line, message=self.message
        )


class FileProblem(Exception):
    """A file that cannot be read at all (missing, unreadable, not TOML)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Located:
    path: str
    data: dict[str, Any]
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, *key: str | int) -> int:
        """The line of ``key``, else of its nearest parent, else 1."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return 1

    def problem(self, key: KeyPath, message: str, warning: bool = False) -> Problem:
        return Problem(self.path, self.line(*key), message, warning, key)


def read(path: Path) -> Located:
    """``path`` parsed; FileNotFoundError when it is not there, FileProblem for any other
    reason it cannot be read (a folder that cannot be searched, a name too long, a file
    over ``MAX_BYTES``, such as a device that never ends)."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else err
        # Translators: {reason} is the system's own words ("Permission denied").
        raise FileProblem(Problem(str(path), 1, _("cannot read: {reason}").format(reason=reason))) from None
    if len(raw) > MAX_BYTES:
        message = _("too large to be a settings file (over {size} KiB)").format(size=MAX_BYTES // 1024)
        raise FileProblem(Problem(str(path), 1, message))
    return parse(raw, str(path))


def parse(raw: bytes, name: str) -> Located:
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")  # a BOM, as Windows' Notepad writes
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise FileProblem(Problem(name, line, _("not UTF-8 text"))) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise FileProblem(Problem(name, _error_line(str(err), text), _error_text(str(err)))) from None
    except RecursionError:
        raise FileProblem(Problem(name, 1, _("not valid TOML: nested too deeply"))) from None
    return Located(name, data, _scan(text))


def _error_line(message: str, text: str) -> int:
    match = _AT.search(message)
    if match and match.group(1):
        return int(match.group(1))
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1))


def _error_text(message: str) -> str:
    # Translators: {detail} is the TOML reader's own words, in English ("expected '=' after a key").
    return _("not valid TOML: {detail}").format(detail=_AT.sub("", message).rstrip(".").lower())


def places(text: str) -> tuple[dict[KeyPath, int], list[int]]:
    """The line of each key and table (``Located.lines``), and the lines that are table
    headers, in order: where a table of the file begins and ends."""
    heads: list[int] = []
    return _scan(text, heads), heads


def _scan(text: str, heads: list[int] | None = None) -> dict[KeyPath, int]:
    lines: dict[KeyPath, int] = {}
    table: KeyPath = ()
    counts: dict[KeyPath, int] = {}
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string is not None:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            name = _split(header.group(2))
            if header.group(1) == "[[":
                index = counts.get(name, 0)
                counts[name] = index + 1
                table = (*name, index)
            else:
                table = name
            lines.setdefault(table, number)
            if heads is not None:
                heads.append(number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault((*table, *_split(key.group(1))), number)
            rest = line[key.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_string = quote
    return lines


def _split(dotted: str) -> tuple[str, ...]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", dotted)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)
