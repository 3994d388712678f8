"""Every stretch has its artwork in every variant, and the README shows each one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from qlbreak.storage.paths import assets_dir
from qlbreak.stretches.catalogue import load
from tools.art.draw import render
from tools.art.scenes import SCENES
from tools.art.themes import LIGHT

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = load()


# every picture: each stretch's own and each of its variants' (the door-frame stick stretch)
IMAGES = [image for s in CATALOGUE for image in (s.image, *(v.image for v in s.variants))]


@pytest.mark.parametrize("image", IMAGES)
def test_every_variant_exists_and_is_3_by_2_frames(image):
    stem = assets_dir() / Path(image).with_suffix("")
    sizes = {}
    for variant in ("", "-dark", "@2x", "-dark@2x"):
        with Image.open(f"{stem}{variant}.png") as picture:
            sizes[variant] = picture.size
            assert picture.width % (picture.height * 3 // 2) == 0, variant
    assert sizes[""] == sizes["-dark"] and sizes["@2x"] == (2 * sizes[""][0], 2 * sizes[""][1])
    assert sizes[""][1] == 240


def test_every_stretch_has_a_scene_and_the_tray_its_looks():
    assert set(SCENES) == {Path(image).stem for image in IMAGES}
    for look in ("normal", "due", "paused"):
        assert (assets_dir() / f"tray-{look}.png").is_file()
    assert (assets_dir() / "chime.wav").is_file()


def test_the_raw_start_icon_is_the_png_it_comes_from():
    """The tray starts from tray-normal@2x.rgba (no PNG decoder before it docks)."""
    with Image.open(assets_dir() / "tray-normal@2x.png") as png:
        assert (assets_dir() / "tray-normal@2x.rgba").read_bytes() == png.convert("RGBA").tobytes()
        assert png.size == (128, 128)


def test_scenes_render_readably_small():
    image = render(SCENES["seated-side-bend"], 96, LIGHT)
    assert image.height == 64
    assert len(image.getcolors(maxcolors=100_000) or []) > 8  # a figure, not a blank


def test_readme_shows_every_stretch():
    readme = (ROOT / "README.md").read_text()
    for stretch in CATALOGUE:
        shot = f"docs/screenshots/stretch-{stretch.id}.png"
        assert shot in readme and (ROOT / shot).is_file(), stretch.id
    for path in re.findall(r"\(docs/screenshots/([^)]+)\)", readme):
        assert (ROOT / "docs" / "screenshots" / path).is_file(), path


def test_the_contact_sheet_draws_every_stretch(tmp_path):
    import subprocess
    import sys

    from PIL import Image

    from qlbreak.stretches.catalogue import load as load_catalogue

    out = tmp_path / "sheet.png"
    subprocess.run([sys.executable, "scripts/make_assets.py", "--sheet", str(out)], check=True, cwd=ROOT, timeout=120)
    with Image.open(out) as sheet:
        size = sheet.size
    rows = -(-len(load_catalogue()) // 2)
    assert size[0] > 1000 and size[1] > rows * 150


@pytest.mark.parametrize("image", IMAGES)
def test_the_shipped_picture_is_what_its_scene_draws(image):
    """A pose changed in tools/art without `scripts/make_assets.py` run after it would
    ship the old picture: the first frame on disk must be the one the scene draws now."""
    from dataclasses import replace

    from PIL import ImageChops, ImageStat

    scene = SCENES[Path(image).stem]
    first = replace(scene, keys=(scene.poses(6)[0],), moves=False)
    drawn = render(first, 360, LIGHT).convert("RGB").quantize(128, dither=Image.Dither.NONE).convert("RGB")
    with Image.open(assets_dir() / image) as shipped:
        on_disk = shipped.convert("RGB").crop((0, 0, 360, 240))
    mean = sum(ImageStat.Stat(ImageChops.difference(drawn, on_disk)).mean) / 3
    assert mean < 1.0, f"{image} differs from its scene by {mean:.2f} a pixel: run scripts/make_assets.py"
