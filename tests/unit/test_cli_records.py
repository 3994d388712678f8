"""cli/records.py: ``qlbreak check-in``, ``qlbreak history --csv`` and the history list
in plain words (ui/spec.history_lines), run in-process the way a user types them."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from qlbreak.cli import main
from qlbreak.cli.records import CSV_COLUMNS, WHAT
from qlbreak.clock import now as clock_now
from qlbreak.core.checkin import Side, Worry
from qlbreak.core.kinds import Record
from qlbreak.core.session import Feeling
from qlbreak.storage.history import Event, History
from qlbreak.storage.paths import default_paths
from qlbreak.stretches import safety
from qlbreak.ui.spec import history_lines

DOC = Path(__file__).parents[2] / "docs" / "history-csv.md"
PLUS_ONE = timezone(timedelta(hours=1))
HOSTILE = 'Stick, "the long one"\nthen rest'  # a comma, quotes and a newline in one value


def qlbreak(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def stored() -> list[Event]:
    history = History.open(default_paths().history_db, clock_now())
    try:
        return history.events()
    finally:
        history.close()


def record(*events: Event) -> None:
    history = History.open(default_paths().history_db, clock_now())
    try:
        for event in events:
            history.record(event)
    finally:
        history.close()


# -- qlbreak check-in ---------------------------------------------------------------


def test_a_check_in_is_recorded_and_said_back_in_plain_words():
    status, out, err = qlbreak("check-in", "--pain", "4", "--tighter", "left")
    assert (status, out, err) == (0, "Recorded: back 4/10, left side tighter.\n", "")
    (event,) = stored()
    assert (event.kind, event.pain, event.tighter, event.leg) == (Record.CHECKIN, 4, Side.LEFT, False)
    assert event.at.tzinfo is not None and abs(event.at - clock_now()) < timedelta(minutes=1)
    assert qlbreak("check-in", "--pain", " 0 ")[1] == "Recorded: back 0/10.\n"  # no side named: none stored
    assert stored()[-1].tighter is None and stored()[-1].pain == 0


@pytest.mark.parametrize("value", ["x", "11", "-1", "4.5", "", "ten"])
def test_a_pain_off_the_scale_is_one_clear_line_and_nothing_is_written(value):
    status, out, err = qlbreak("check-in", "--pain", value)
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("qlbreak: --pain: ")
    assert "give 0 (no pain) to 10 (the worst imaginable)" in err
    assert not default_paths().history_db.exists()  # not even an empty history


def test_a_side_that_is_not_one_is_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["check-in", "--pain", "3", "--tighter", "middle"])
    assert stopped.value.code == 2 and "invalid choice: 'middle'" in capsys.readouterr().err
    assert not default_paths().history_db.exists()


def test_leg_symptoms_show_the_warning_signs_and_say_to_see_a_professional_first():
    status, out, _ = qlbreak("check-in", "--pain", "6", "--tighter", "both", "--leg-symptoms")
    assert status == 0
    first, *rest = out.splitlines()
    assert first == "Recorded: back 6/10, both sides tight, new pain, numbness or tingling down a leg."
    text = "\n".join(rest)
    assert "see a doctor or physiotherapist before you stretch again" in text
    for line in (safety.EMERGENCY_TITLE, *safety.EMERGENCY, safety.SEE_DOCTOR_TITLE, *safety.SEE_DOCTOR):
        assert line in text
    assert stored()[0].leg is True
    assert "warning" not in qlbreak("check-in", "--pain", "2")[1].lower()  # no leg: no list


def test_a_busy_history_is_one_line_and_the_check_in_is_not_half_written(monkeypatch):
    from qlbreak.storage import history as history_mod

    def busy(self, event):
        raise history_mod.HistoryBusy("history.db: cannot record 'checkin': another program is using the history")

    monkeypatch.setattr(history_mod.History, "record", busy)
    status, out, err = qlbreak("check-in", "--pain", "3")
    assert status == 2 and out == "" and err.count("\n") == 1 and "another program" in err


# -- the history in plain words ------------------------------------------------------


def week() -> list[Event]:
    """One of every kind, with every field a kind has, on 30 Nov - 2 Dec 2026 (+01:00)."""
    day = datetime(2026, 11, 30, 9, 30, tzinfo=PLUS_ONE)
    return [
        Event(day - timedelta(days=400), Record.DONE, "cat-cow"),
        Event(day, Record.CHECKIN, pain=4, tighter=Side.LEFT, leg=False),
        Event(day, Record.FIRED, "ql-stick-stretch", reminder="morning", occurrence=day.date()),
        Event(
            day + timedelta(minutes=3),
            Record.DONE,
            "ql-stick-stretch",
            Feeling.BETTER,
            left_seconds=45.0,
            right_seconds=30.0,
        ),
        Event(day + timedelta(hours=3), Record.PARTIAL, "seated-twist", Feeling.SAME, seconds=20.4),
        Event(day + timedelta(hours=4), Record.SWITCHED, "cat-cow", reminder="lunch"),
        Event(day + timedelta(hours=5), Record.SNOOZED, "seated-twist", reminder="afternoon"),
        Event(day + timedelta(hours=6), Record.SKIPPED, reminder="afternoon"),
        Event(day + timedelta(days=1), Record.CHECKIN),
        Event(day + timedelta(days=1, hours=1), Record.MISSED, reminder="morning", occurrence=date(2026, 12, 1)),
        Event(day + timedelta(days=1, hours=2), Record.DONE, "seated-twist", Feeling.HURT),
        Event(day + timedelta(days=2), Record.CHECKIN, pain=7, tighter=Side.NEITHER, leg=True),
        Event(day + timedelta(days=2, minutes=1), Record.WARNED, worry=Worry.RISING),
    ]


NAMES = {"ql-stick-stretch": "Stick stretch", "seated-twist": "Seated twist", "cat-cow": "Cat-cow"}


def test_the_history_list_says_each_kind_in_plain_words():
    lines = history_lines(week(), NAMES, PLUS_ONE, 2, 14)
    assert lines == [
        "Sun 26 Oct 2025 09:30  Done: Cat-cow",  # another year than the latest: said
        "Mon 30 Nov 09:30  Check-in: back 4/10, left side tighter",
        "Mon 30 Nov 09:30  Reminder shown: Stick stretch (morning)",
        "Mon 30 Nov 09:33  Done: Stick stretch, felt better, left 45 s / right 30 s",
        "Mon 30 Nov 12:30  Done in part: Seated twist, 20 s held, felt the same",
        "Mon 30 Nov 13:30  Chose another stretch instead of Cat-cow (lunch)",
        "Mon 30 Nov 14:30  Put off till later: Seated twist (afternoon)",
        "Mon 30 Nov 15:30  Skipped for today (afternoon)",
        "Tue 1 Dec 09:30  Check-in skipped",
        "Tue 1 Dec 10:30  Reminder missed (morning)",
        "Tue 1 Dec 11:30  Done: Seated twist, it hurt",
        "Wed 2 Dec 09:30  Check-in: back 7/10, neither side tighter, new pain, numbness or tingling down a leg",
        "Wed 2 Dec 09:31  Suggested seeing a health professional: "
        "your back has been rated worse this week than the week before",
        "streak: 2 work days in a row with a stretch",
    ]
    raw = {"fired", "partial", "switched", "checkin", "warned", "snoozed", "None"}
    assert not {w for line in lines for w in re.findall(r"[A-Za-z]+", line)} & raw


def test_qlbreak_history_prints_the_plain_words_in_the_settings_zone():
    now = clock_now()
    record(
        Event(now - timedelta(minutes=5), Record.FIRED, "seated-twist", reminder="morning"),
        Event(now - timedelta(minutes=2), Record.CHECKIN, pain=3, tighter=Side.RIGHT, leg=False),
        Event(now, Record.PARTIAL, "seated-twist", Feeling.WORSE, seconds=12.0),
    )
    status, out, _ = qlbreak("history")
    lines = out.splitlines()
    assert status == 0 and len(lines) == 4
    assert lines[0].endswith("  Reminder shown: Seated twist (morning)")
    assert lines[1].endswith("  Check-in: back 3/10, right side tighter")
    assert lines[2].endswith("  Done in part: Seated twist, 12 s held, felt worse")
    assert lines[2].startswith(f"{now:%a} {now.day} {now:%b %H:%M}")


# -- qlbreak history --csv -----------------------------------------------------------


def from_row(row: dict[str, str]) -> Event:
    """An event back from its CSV row, by docs/history-csv.md alone."""
    kinds = {word: kind for kind, word in WHAT.items()}
    number = lambda text: float(text) if text else None  # noqa: E731
    return Event(
        at=datetime.fromisoformat(row["at"]),
        kind=kinds[row["what"]],
        stretch=row["stretch"] or None,
        feeling=Feeling(row["feeling"]) if row["feeling"] else None,
        reminder=row["reminder"] or None,
        occurrence=date.fromisoformat(row["occurrence"]) if row["occurrence"] else None,
        seconds=number(row["seconds"]),
        left_seconds=number(row["left_seconds"]),
        right_seconds=number(row["right_seconds"]),
        pain=int(row["pain"]) if row["pain"] else None,
        tighter=Side(row["tighter"]) if row["tighter"] else None,
        leg={"yes": True, "no": False, "": None}[row["leg_symptoms"]],
        worry=Worry(row["worry"]) if row["worry"] else None,
    )


def to_the_second(event: Event) -> Event:
    from dataclasses import replace

    return replace(event, at=event.at.replace(microsecond=0))


def test_the_csv_has_every_record_and_reads_back_as_the_history():
    events = [*week(), Event(datetime(2026, 12, 2, 10, 0, 0, 250_000, tzinfo=PLUS_ONE), Record.DONE, HOSTILE)]
    record(*events)
    status, out, err = qlbreak("history", "--csv")
    assert status == 0 and err == ""
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS and all(len(row) == len(CSV_COLUMNS) for row in rows)
    read = list(csv.DictReader(io.StringIO(out, newline="")))
    history = stored()
    assert len(read) == len(history) == len(events)  # every record, not only the last 14 days
    assert [from_row(row) for row in read] == [to_the_second(e) for e in history]
    assert read[0]["at"] == "2025-10-26T09:30:00+01:00"  # ISO 8601 with the offset, to the second
    hostile = read[-1]
    assert hostile["stretch"] == hostile["stretch_name"] == HOSTILE  # an unknown id names itself
    done = read[3]
    assert (done["what"], done["stretch_name"], done["left_seconds"], done["right_seconds"]) == (
        "done",
        "Door frame side stretch",  # the name as it is done, with what is to hand (no stick)
        "45",
        "30",
    )
    assert read[4]["seconds"] == "20.4" and read[1]["leg_symptoms"] == "no" and read[-2]["worry"] == "rising"


def test_the_csv_writer_keeps_a_spreadsheet_hostile_name_whole():
    from qlbreak.cli.records import write_csv

    at = datetime(2026, 12, 1, 9, 0, tzinfo=PLUS_ONE)
    events = [Event(at, Record.DONE, "x", Feeling.BETTER), Event(at, Record.FIRED, reminder='lunch, "late"\r\n')]
    out = io.StringIO(newline="")
    write_csv(events, {"x": HOSTILE}, out)
    text = out.getvalue()
    assert text.startswith("at,what,") and text.endswith("\r\n")  # RFC 4180's line ends
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["stretch_name"] for r in rows] == [HOSTILE, ""]
    assert rows[1]["reminder"] == 'lunch, "late"\r\n'
    assert [from_row(r) for r in rows] == events


def test_csv_into_a_file_and_a_file_that_cannot_be_written(tmp_path):
    record(Event(clock_now(), Record.CHECKIN, pain=5, tighter=Side.BOTH, leg=False))
    target = tmp_path / "back.csv"
    status, out, _ = qlbreak("history", "--csv", str(target))
    assert status == 0 and out == f"wrote 1 record to {target}\n"
    with target.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["what"], r["pain"], r["tighter"]) for r in rows] == [("check-in", "5", "both")]
    status, out, err = qlbreak("history", "--csv", str(tmp_path))  # a folder
    assert status == 2 and out == "" and len(err.splitlines()) == 1 and "cannot write" in err


def test_csv_with_days_keeps_only_those_and_json_and_csv_do_not_mix(capsys):
    now = clock_now()
    record(Event(now - timedelta(days=30), Record.DONE, "cat-cow"), Event(now, Record.DONE, "seated-twist"))
    _, out, _ = qlbreak("history", "--csv", "--days", "7")
    assert [r["stretch"] for r in csv.DictReader(io.StringIO(out))] == ["seated-twist"]
    with pytest.raises(SystemExit) as stopped:
        main(["history", "--csv", "--json"])
    assert stopped.value.code == 2 and "not allowed with" in capsys.readouterr().err


def test_every_kind_has_a_csv_word_and_the_doc_lists_every_column_and_word():
    assert set(WHAT) == set(Record) and len(set(WHAT.values())) == len(WHAT)
    doc = DOC.read_text(encoding="utf-8")
    for column in CSV_COLUMNS:
        assert f"| `{column}` |" in doc, column
    for word in WHAT.values():
        assert f"`{word}`" in doc, word


def test_csv_to_a_stdout_in_a_narrow_encoding_is_written_as_utf8():
    """Windows' stdout redirected to a file is cp1252: a reminder named in any script fits."""
    record(Event(clock_now(), Record.FIRED, reminder="午前 stretch", occurrence=clock_now().date()))
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="cp1252", newline="")
    assert main(["history", "--csv"], out, io.StringIO()) == 0
    out.flush()
    rows = list(csv.DictReader(io.StringIO(raw.getvalue().decode("utf-8"), newline="")))
    assert [r["reminder"] for r in rows] == ["午前 stretch"]
