"""The running tray offers the user's own stretch once its file is in the stretches
folder (the next look, no restart), and tells a mistake in one without stopping."""

from __future__ import annotations

from qlbreak.storage.config import Watch, load
from qlbreak.stretches.own import Folder, own_dir
from tests.fakes import prompts
from tests.unit.test_own_stretches import GOOD
from tests.unit.test_service import Rig


def test_a_new_file_is_offered_at_the_next_reminder_and_a_bad_one_is_told(tmp_path):
    from qlbreak.stretches import catalogue

    shipped = catalogue.load()
    path = tmp_path / "config.toml"
    # every shipped stretch left out: only the user's own can be offered
    avoid = ", ".join(f'"{i}"' for i in sorted(shipped.ids))
    path.write_text(f"[stretches]\navoid = [{avoid}]\n")
    ids = set(shipped.ids)
    rig = Rig(tmp_path, config=load(path, ids).config, settings=Watch(path, ids))
    rig.service.own = Folder(own_dir(path), rig.service.catalogue, ids)
    rig.service.step()
    folder = own_dir(path)
    folder.mkdir()
    (folder / "physio.toml").write_text(GOOD.format(id="physio").replace('image = "physio.png"\n', ""))
    (folder / "broken.toml").write_text(GOOD.format(id="broken").replace('"standing"', '"upside-down"'))
    rig.at(5 * 60)  # 09:30: the morning reminder
    assert [p.stretch for p in prompts(rig.windows)] == ["physio"]
    assert rig.service.catalogue.get("physio") is not None and "physio" in ids
    (title, body), *_ = [(t, b) for t, b in rig.notifier.sent if "own stretch" in t]
    assert title == "qlbreak: a mistake in your own stretch" and body.startswith("broken.toml line 5: position")
    rig.history.close()


def test_a_mistake_there_at_the_start_is_logged_and_told_once(tmp_path, caplog):
    import logging

    from qlbreak.stretches import catalogue

    path = tmp_path / "config.toml"
    folder = own_dir(path)
    folder.mkdir()
    bad = folder / "broken.toml"
    bad.write_text(GOOD.format(id="broken").replace('"standing"', '"upside-down"'))
    (folder / "physio.toml").write_text(GOOD.format(id="physio"))
    ids = set(catalogue.known_ids())
    rig = Rig(tmp_path, settings=Watch(path, ids))
    rig.service.own = Folder(folder, rig.service.catalogue, ids)  # as tray/main.py makes it
    logging.getLogger("qlbreak").addHandler(caplog.handler)
    try:
        rig.service.step()
        rig.at(60)
    finally:
        logging.getLogger("qlbreak").removeHandler(caplog.handler)
    told = [b for t, b in rig.notifier.sent if "own stretch" in t]
    assert len(told) == 1 and told[0].startswith("broken.toml line 5: position")
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(m.startswith(f"{bad}:5: position must be one of") for m in said)
    assert any(m.startswith(f"{folder / 'physio.toml'}:13: warning: no picture") for m in said)
    assert "physio" in ids and rig.service.catalogue.get("physio") is not None
    rig.history.close()
