"""Fuzzing what a user or the disk can hand qlbreak: config documents, command-line
arguments and state files never give a traceback; a bad one is one clear message."""

from __future__ import annotations

import io
import json
import string
import tomllib
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qlbreak.cli import main
from qlbreak.storage import config, statefile
from qlbreak.storage.tomlfile import FileProblem, parse
from qlbreak.stretches.catalogue import known_ids

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
TOMLISH = string.printable + "[]{}=\"'\\\u00e9\ufeff"
IDS = known_ids()
KEYS = ["schedule", "reminder", "stretches", "dialog", "timezone", "grace_minutes", "snooze_minutes", "name"]
KEYS += ["time", "days", "no_floor", "equipment", "avoid", "theme", "sound", "reminder_style", "typo"]
SCALARS = st.one_of(
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["09:30", "25:99", "mon", "local", "Europe/Berlin", "dark", "none", "ball", "cat-cow", ""]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)),
    max_leaves=20,
)


def toml_value(value: object) -> str:
    """A small TOML writer for what VALUES makes (inline tables and arrays), so that the
    structured documents reach the settings' checks, not only the parser's refusal
    (``test_the_writer_writes_toml`` holds it to that)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)  # inf, -inf, nan and 1e+20 are written alike in TOML
    if isinstance(value, str):
        # not json's \ud83d\ude00 for a character past U+FFFF: TOML refuses surrogates;
        # DEL is the one control character json leaves raw and TOML refuses
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + "}"


@settings(max_examples=300)
@given(VALUES)
def test_the_writer_writes_toml(value):
    """What ``toml_value`` writes reads back as the value (compared as JSON: nan is nan)."""
    read = tomllib.loads(f"v = {toml_value(value)}")["v"]
    assert json.dumps(read) == json.dumps(value)


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["table", "array", "key"]))
        if kind == "table":
            lines.append(f"[{draw(st.sampled_from(KEYS))}]")
        elif kind == "array":
            lines.append(f"[[{draw(st.sampled_from(KEYS))}]]")
        else:
            lines.append(f"{draw(st.sampled_from(KEYS))} = {toml_value(draw(VALUES))}")
    return "\n".join(lines) + "\n"


def check_config(tmp_path: Path, text: bytes) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(text)
    loaded = config.load(path, IDS)  # never raises
    for problem in loaded.problems:
        assert str(problem).startswith(f"{path}:") and "\n" not in str(problem)


@settings(max_examples=300)
@given(documents())
def test_structured_config_documents_never_raise(tmp_path_factory, text):
    check_config(tmp_path_factory.mktemp("c"), text.encode())


@settings(max_examples=300)
@given(st.binary(max_size=300) | st.text(alphabet=TOMLISH, max_size=300).map(str.encode))
def test_any_bytes_as_a_config_never_raise(tmp_path_factory, raw):
    check_config(tmp_path_factory.mktemp("c"), raw)
    try:
        parse(raw, "x.toml")
    except FileProblem as err:
        assert str(err).startswith("x.toml:")


WORDS = ["list", "schedule", "history", "config", "stretch", "safety", "autostart", "--json", "--all", "--days"]
WORDS += ["--from", "--tz", "--check", "--init", "--no-floor", "--position", "--equipment", "--text", "--speed"]
WORDS += ["on", "off", "status", "0", "-1", "7", "99999999999", "2026-03-29", "0001-01-01", "", "Europe/Berlin"]
WORDS += ["seated", "ball", "nosuch", "1e309", "nan", "\x00", "--config", "/dev/null"]


SAFE = ["list", "schedule", "history", "config"]  # no tray, no window, no login item


@settings(max_examples=300)
@given(st.sampled_from(SAFE), st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=5))
def test_command_line_arguments_never_raise(command, rest):
    argv = [command, *(w for w in rest if w not in ("--init", "stretch", "safety", "autostart"))]
    out, err = io.StringIO(), io.StringIO()
    try:
        status = main(argv, out, err)
    except SystemExit as done:  # argparse: --help, --version, or a usage error
        assert done.code in (0, 2)
        return
    assert status in (0, 1, 2)
    assert "Traceback" not in err.getvalue()


STATE_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30) | st.just("2026-11-30T09:30:00+01:00"),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=25,
)
STATE_KEYS = ["version", "since", "seen_until", "handled", "paused_until", "reminder", "pending", "due", "snoozed"]


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from(STATE_KEYS), STATE_VALUES | st.sampled_from([1, 2]), max_size=8))
def test_any_state_file_is_read_or_kept_aside_never_raises(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("s") / "state.json"
    path.write_text(json.dumps(data))
    saved = statefile.load(path, NOW)
    if saved.notice is not None:
        assert "\n" not in saved.notice and not path.exists()  # kept aside, under another name
