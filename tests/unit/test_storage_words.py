"""The settings file's, the history's and the own stretches' words go through the user's
language (issue 25): a test language marks every translated string, so each message
must come out of the catalogue whole, with the ``file:line:`` place outside it; days and
times come from the language's formats. The language is chosen after the modules were
imported: nothing may freeze it at import."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from qlbreak.core.schedule import Plan, Reminder
from qlbreak.core.words import ENGLISH, EnglishFormats, Words, using
from qlbreak.storage import config, config_merge, history_file, resting
from qlbreak.storage.config_edit import EditError
from qlbreak.storage.config_save import HandEdits
from qlbreak.storage.tomlfile import FileProblem, Problem, parse
from qlbreak.stretches import own
from qlbreak.stretches.catalogue import Catalogue
from qlbreak.stretches.checking import check_doc
from tests.marking import Marked


class Dates(EnglishFormats):
    """German-looking days and times: English ones left in a message were not formatted."""

    def clock(self, at: time) -> str:
        return f"{at:%H.%M} Uhr"

    def day(self, day: date) -> str:
        return f"{self.weekday(day)}., {day.day}.{day.month}."

    def weekday(self, day: date) -> str:
        return self.weekday_names()[day.weekday()]

    def weekday_names(self) -> tuple[str, ...]:
        return ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")


MARKED = Words("xx", Marked(), Dates())
IDS = ("seated-side-bend",)


def _problems(text: str) -> list[str]:
    with using(MARKED):
        return [str(p) for p in config.parse(text.encode(), "config.toml", IDS).problems]


@pytest.mark.parametrize(
    "text",
    [
        "[schedule]\nsnooze_minutes = 0\n",
        '[dialog]\ntheme = "drak"\n',
        '[dialog]\ntheme = "purple"\n',
        "[dialog]\nsound = 1\n",
        "[checkin]\ntighter = 3\n",
        "schedule = 1\n",
        "[schedule]\ntimezone = 5\n",
        '[stretches]\nequipment = ["chiar"]\n',
        '[stretches]\nequipment = ["anvil-xyz"]\n',
        '[stretches]\navoid = ["seated-side-bnd"]\n',
        '[stretches]\navoid = ["qqq"]\n',
        "[stretches]\navoid = 5\n",
        "reminder = 5\n",
        '[[reminder]]\nname = ""\ntime = "09:30"\n',
        '[[reminder]]\nname = "a"\n',
        '[[reminder]]\nname = "a"\ntime = "9.30"\n',
        '[[reminder]]\nname = "a"\ntime = "09:30"\ndays = "mon"\n',
        '[[reminder]]\nname = "a"\ntime = "09:30"\ndays = ["mo"]\n',
        '[[reminder]]\nname = "a"\ntime = "09:30"\n[[reminder]]\nname = "a"\ntime = "10:30"\n',
        "[holds]\naway_minutes = 0\n",
    ],
)
def test_each_config_error_is_one_translated_message_after_its_file_and_line(text: str) -> None:
    [said] = _problems(text)
    place, _sep, message = said.partition(": ")
    assert place.startswith("config.toml:") and place.split(":")[1].isdigit()
    assert message.startswith("⟦") and message.endswith("⟧"), said


@pytest.mark.parametrize(
    "text", ["[schedule]\nsnoze_minutes = 5\n", "[schedule]\nfoo = 5\n", "snooze = 1\n", "zzz = 1\n"]
)
def test_an_unknown_setting_is_a_translated_warning(text: str) -> None:
    [said] = _problems(text)
    assert said.startswith("config.toml:") and ": ⟦warning: ⟦'" in said and said.endswith("⟧⟧")


def test_a_file_that_cannot_be_read_says_so_in_the_language() -> None:
    with using(MARKED):
        for raw in (b"\xff\xfe", b"a = = 1\n", b"a = " + b"[" * 2000 + b"]" * 2000):
            with pytest.raises(FileProblem) as caught:
                parse(raw, "config.toml")
            assert caught.value.problem.message.startswith("⟦not "), raw[:8]
        assert Problem("/x/config.toml", 3, "m").brief() == "⟦config.toml line 3: m⟧"


def test_english_is_as_before() -> None:
    with using(ENGLISH):
        said = [str(p) for p in config.parse(b"[schedule]\nsnoze_minutes = 5\n", "config.toml", IDS).problems]
    assert said == [
        "config.toml:2: warning: 'snoze_minutes' in [schedule] is not a setting qlbreak knows \N{EM DASH}"
        " did you mean 'snooze_minutes'? It was left out"
    ]


def test_a_conflict_says_days_and_times_the_language_s_way_and_counts_with_plurals() -> None:
    base = config.Config()
    window = config.Config(plan=Plan((Reminder("tea", time(15, 0), frozenset({0, 1})),), snooze=timedelta(1)))
    current = config.Config(plan=Plan((Reminder("tea", time(16, 0), frozenset({2})),), snooze=timedelta(0, 480)))
    with using(MARKED):
        merged = config_merge.merge(base, window, [None], current)
        words = [c.words for c in merged.conflicts]
        assert config_merge.tighter_words(1.5) == "⟦half as long again⟧"
        assert config_merge.tighter_words(1.25) == "⟦1.25 times as long⟧"
        told = str(HandEdits(merged.conflicts))
    assert "⟦⟦Snooze⟧: ⟦8 minutes⟧ in the file, ⟦1440 minutes⟧ here⟧" in words
    assert any("16.00 Uhr on Mi" in w and "15.00 Uhr on Mo, Di" in w for w in words), words
    assert all(line.startswith("⟦") and line.endswith("⟧") for line in told.splitlines())


def test_a_save_refused_is_said_in_the_language() -> None:
    from qlbreak.storage.config_edit import edited

    with using(MARKED), pytest.raises(EditError, match=r"^⟦Not saved: config\.toml:1: not UTF-8 text"):
        edited(b"\xff", "config.toml", config.Config(), IDS)


def test_a_resting_stretch_s_day_comes_from_the_language() -> None:
    with using(MARKED):
        assert resting.words(datetime(2026, 12, 15, 9, tzinfo=UTC)) == "Di., 15.12."
    assert resting.words(datetime(2026, 12, 15, 9, tzinfo=UTC)) == "Tue 15 Dec"


def test_a_history_problem_is_said_in_the_language(tmp_path: Path) -> None:
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorcode = 5  # SQLITE_BUSY
    with using(MARKED):
        said = str(history_file.problem(tmp_path / "history.db", busy, "⟦cannot read the history⟧"))
    assert said == (
        f"⟦{tmp_path / 'history.db'}: ⟦cannot read the history⟧: another program is using the history;"
        " try again in a moment⟧"
    )


def _own_file(folder: Path, name: str, text: str) -> None:
    (folder / f"{name}.toml").write_text(text, encoding="utf-8")


def test_an_own_stretch_s_faults_are_said_in_the_language(tmp_path: Path) -> None:
    _own_file(tmp_path, "mine", 'id = "mine"\nname = "x"\n')
    with using(MARKED):
        loaded = own.load_own(tmp_path, Catalogue(()))
        doc = parse(b'id = "a"\n', str(tmp_path / "b.toml"))
        checked = check_doc(doc)
    assert loaded.problems and all(p.message.startswith("⟦") for p in loaded.problems)
    assert isinstance(checked, list) and all(p.message.startswith("⟦") for p in checked)
