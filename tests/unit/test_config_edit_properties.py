"""storage/config_edit.py over documents written every way TOML allows: each table as a
[section], as dotted keys or inline, lists with a comment on every item. A save that
changes one value leaves every other byte as it was (before: most such documents lost
comments or had their tables rewritten)."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from qlbreak.core.vocabulary import EQUIPMENT
from qlbreak.storage import config
from qlbreak.storage.config_edit import edited
from qlbreak.storage.config_merge import merge
from tests.unit.test_config_edit import IDS, loaded, rows_of

# Dotted keys, inline tables, comments in arrays: a property over such documents. Each
# table is written as a [section], as dotted keys or inline; a save changing one value
# leaves every other byte as it was (before: 16 of 80 such checks lost comments).

COMMENT = st.text("abc xyz-'", min_size=1, max_size=8).map(lambda s: "# " + s)
WORDS = [w for w in EQUIPMENT if w != "none"]
TABLES = {
    "schedule": (("snooze_minutes", st.integers(1, 1440)), ("grace_minutes", st.integers(0, 1440))),
    "dialog": (("theme", st.sampled_from(config.THEMES)), ("sound", st.booleans())),
    "holds": (("away_minutes", st.integers(1, 120)), ("away", st.booleans())),
    "checkin": (("ask", st.booleans()), ("tighter", st.sampled_from([1.0, 1.25, 1.5, 1.75, 2.0]))),
}


def _toml(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else f'"{value}"' if isinstance(value, str) else str(value)


@st.composite
def documents(draw):
    doc = {}
    for table, keys in TABLES.items():
        if draw(st.booleans()):
            style = draw(st.sampled_from(["section", "dotted", "inline"]))
            doc[table] = (style, {k: (draw(v), draw(COMMENT)) for k, v in keys})
    if draw(st.booleans()):
        words = draw(st.lists(st.sampled_from(WORDS), unique=True, max_size=4))
        style = draw(st.sampled_from(["section", "dotted"]))
        doc["stretches"] = (style, {"equipment": ([(w, draw(COMMENT)) for w in words], draw(COMMENT))})
    return doc


def render(doc, hole: tuple[str, str] | None = None) -> str:
    """The document; ``hole``: a NUL byte in place of that list (what it holds is checked)."""
    top, sections = ["# my own settings\n"], []
    for table, (style, keys) in doc.items():
        lines = []
        for key, (value, comment) in keys.items():
            if (table, key) == hole:
                lines.append((key, "\0", comment))
            elif isinstance(value, list):
                items = "".join(f'  "{w}",{"  " + c if c else ""}\n' for w, c in value)
                lines.append((key, f"[\n{items}]", comment))
            else:
                lines.append((key, _toml(value), comment))
        if style == "inline":
            top.append(f"{table} = {{ {', '.join(f'{k} = {v}' for k, v, _ in lines)} }}  {lines[0][2]}\n")
        elif style == "dotted":
            top.extend(f"{table}.{k} = {v}  {c}\n" for k, v, c in lines)
        else:
            sections.append(f"\n[{table}]  # the {table}\n" + "".join(f"{k} = {v}   {c}\n" for k, v, c in lines))
    return "".join(top + sections)


@settings(max_examples=80, deadline=None)
@given(documents(), st.data())
def test_a_save_changes_one_value_and_not_a_byte_else(doc, data):
    assume(doc)
    raw = render(doc).encode()
    base = loaded(raw)
    table = data.draw(st.sampled_from(sorted(doc)))
    style, keys = doc[table]
    key = data.draw(st.sampled_from(sorted(keys)))
    value, comment = keys[key]
    if isinstance(value, list):
        have = [w for w, _ in value]
        new_value = data.draw(st.sampled_from([*(("-", w) for w in have), *(("+", w) for w in WORDS if w not in have)]))
        sign, word = new_value
        changed = [(w, c) for w, c in value if w != word] + ([(word, "")] if sign == "+" else [])
    else:
        strategy = dict(TABLES[table])[key]
        changed = data.draw(strategy.filter(lambda v: v != value))
    after = {**doc, table: (style, {**keys, key: (changed, comment)})}
    window = loaded(render(after).encode())
    merged = merge(base, window, rows_of(window), base)
    assert not merged.conflicts
    out = edited(raw, "config.toml", merged.config, IDS).decode()
    if not isinstance(value, list):
        assert out == render(after)
        return
    before, after_it = render(after, hole=(table, key)).split("\0")
    assert out.startswith(before) and out.endswith(after_it)
    inside = out[len(before) : len(out) - len(after_it)]
    assert all(f'"{w}",  {c}' in inside for w, c in changed if c)  # each word kept keeps its comment
    assert loaded(out.encode()) == window
