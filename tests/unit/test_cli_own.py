"""The user's own stretches on the command line: ``qlbreak list`` marks them as the
user's own and prints each mistake at file:line; ``config --check`` counts them."""

from __future__ import annotations

import json

from tests.unit.test_cli import qlbreak
from tests.unit.test_own_stretches import GOOD, png


def folder(private_home):
    stretches = private_home / ".config" / "qlbreak" / "stretches"
    stretches.mkdir(parents=True)
    return stretches


def test_list_marks_the_users_own_and_says_what_is_wrong_in_a_file(private_home):
    stretches = folder(private_home)
    (stretches / "physio.toml").write_text(GOOD.format(id="physio"))
    png(stretches / "physio.png")
    bad = stretches / "typo.toml"
    bad.write_text(GOOD.format(id="typo").replace('"standing"', '"upside-down"'))
    status, out, err = qlbreak("list")
    assert status == 0
    assert any(
        line.split()[:4] == ["physio", "Physio", "side", "stretch"] and "(your own)" in line
        for line in out.splitlines()
    )
    assert err.startswith(f"{bad}:5: position must be one of")
    status, out, _ = qlbreak("list", "--json")
    shown = {s["id"]: s for s in json.loads(out)}
    assert shown["physio"]["own"] is True and shown["physio"]["in_rotation"] is True
    assert shown["physio"]["image"] == str((stretches / "physio.png").resolve())
    assert shown["seated-twist"]["own"] is False and "typo" not in shown


def test_config_check_lists_the_mistakes_in_ones_own_stretches(private_home):
    stretches = folder(private_home)
    (stretches / "physio.toml").write_text(GOOD.format(id="physio"))  # no picture: a warning
    clash = stretches / "seated-twist.toml"
    clash.write_text(GOOD.format(id="seated-twist"))
    status, out, _ = qlbreak("config", "--check")
    lines = out.splitlines()
    assert status == 1
    assert (
        f"{stretches / 'physio.toml'}:13: warning: no picture 'physio.png' beside this file; shown without one" in lines
    )
    assert any(line.startswith(f"{clash}:1: id 'seated-twist' is already used") for line in lines)
    assert f"{stretches}: 1 error" in lines
    clash.unlink()
    status, out, _ = qlbreak("config", "--check")
    assert status == 0 and out.splitlines()[-1].endswith("not found, so the defaults apply")


def test_the_settings_may_leave_out_ones_own_stretch_and_other_commands_say_one_line(private_home):
    stretches = folder(private_home)
    (stretches / "physio.toml").write_text(GOOD.format(id="physio"))
    (stretches / "bad.toml").write_text("id = ")
    (stretches.parent / "config.toml").write_text('[stretches]\navoid = ["physio"]\n')
    status, out, _ = qlbreak("list", "--json")
    assert status == 0 and {s["id"]: s["left_out"] for s in json.loads(out)}["physio"] == "you chose to avoid it"
    status, out, _ = qlbreak("config", "--check")
    assert "avoid" not in out  # the settings know the id
    status, _, err = qlbreak("history")
    assert status == 0 and err == "qlbreak: your own stretches have 1 mistake; see qlbreak config --check\n"


def test_ones_own_exercise_is_listed_once_in_the_rotation(private_home):
    from tests.unit.test_own_stretches import EXERCISE

    stretches = folder(private_home)
    (stretches / "lifts.toml").write_text(GOOD.format(id="lifts").replace('image = "lifts.png"\n', "") + EXERCISE)
    _, out, _ = qlbreak("list")
    lines = out.splitlines()
    (mine,) = [n for n, line in enumerate(lines) if line.split()[:1] == ["lifts"]]
    assert "(your own)" in lines[mine] and mine < lines.index(next(x for x in lines if x.startswith("Not in your")))
