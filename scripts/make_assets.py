"""Draw every image in assets/ from the data in tools/art (run after changing a pose).

    .venv/bin/python scripts/make_assets.py [--out assets]

Each stretch gets <id>.png (light), <id>-dark.png, and @2x versions of both for 200%
displays. A stretch that moves is a horizontal strip of frames, each 3:2.
"""

from __future__ import annotations

import argparse
import math
import struct
import sys
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from qlbreak.stretches.catalogue import Catalogue, load  # noqa: E402
from tools.art.draw import render  # noqa: E402
from tools.art.icon import LOOKS, tray_icon  # noqa: E402
from tools.art.scenes import SCENES  # noqa: E402
from tools.art.themes import THEMES  # noqa: E402

WIDTH = 360  # at 100% scaling; the dialog shows it at this size
COLOURS = 128  # a palette this size keeps the anti-aliasing smooth and the files small


def pictures(catalogue: Catalogue) -> list[tuple[str, str, str]]:
    """(scene, image, title) for every picture: each stretch's own and each variant's
    (the door-frame stick stretch); a scene is named after its image's file."""
    found = []
    for stretch in catalogue:
        for image, name in ((stretch.image, stretch.name), *((v.image, v.name) for v in stretch.variants)):
            found.append((Path(image).stem, image, f"{name} ({Path(image).stem}"))
    return found


def save(image, path: Path) -> None:  # type: ignore[no-untyped-def]
    path.parent.mkdir(parents=True, exist_ok=True)
    image.convert("RGB").quantize(COLOURS, dither=0).save(path, optimize=True)


def chime(path: Path, rate: int = 22050) -> None:
    """A soft two-note bell, 0.7 s, quiet: a cue, not an alarm."""
    samples = []
    for i in range(int(rate * 0.7)):
        t = i / rate
        attack = min(1.0, t / 0.01)
        low = math.sin(2 * math.pi * 660 * t) * math.exp(-5 * t)
        high = 0.5 * math.sin(2 * math.pi * 990 * t) * math.exp(-7 * t)
        tone = low + high
        samples.append(int(0.22 * 32767 * attack * tone / 1.5))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))


def sheet(path: Path, width: int = 240) -> None:
    """Every stretch's first, middle and last frame in a row, with its name: one picture
    to check them all by eye (README shows it)."""
    from PIL import Image, ImageDraw, ImageFont

    catalogue = load()
    theme = THEMES["light"]
    label_h = 26
    rows = []
    for scene, _image, title in pictures(catalogue):
        strip = render(SCENES[scene], width, theme)
        frame_w = width
        count = strip.width // frame_w
        picks = sorted({0, count // 2, count - 1})
        row = Image.new("RGB", (frame_w * 3, strip.height + label_h), (255, 255, 255))
        for slot, index in enumerate(picks if len(picks) == 3 else [picks[0]] * 3):
            row.paste(strip.crop((index * frame_w, 0, (index + 1) * frame_w, strip.height)), (slot * frame_w, label_h))
        draw = ImageDraw.Draw(row)
        try:
            font: ImageFont.FreeTypeFont | ImageFont.ImageFont = ImageFont.truetype("DejaVuSans.ttf", 15)
        except OSError:
            font = ImageFont.load_default()
        moving = "moves" if count > 1 else "held"
        draw.text((6, 5), f"{title}, {moving})", fill=(30, 30, 30), font=font)
        rows.append(row)
    columns = 2
    cell_w, cell_h = rows[0].width, max(r.height for r in rows)
    out = Image.new(
        "RGB", (cell_w * columns + 8 * (columns - 1), (cell_h + 8) * math.ceil(len(rows) / columns)), (200, 200, 200)
    )
    for i, row in enumerate(rows):
        out.paste(row, ((i % columns) * (cell_w + 8), (i // columns) * (cell_h + 8)))
    path.parent.mkdir(parents=True, exist_ok=True)
    out.save(path, optimize=True)
    print(f"drew the contact sheet of {len(rows)} stretch pictures into {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "assets")
    parser.add_argument(
        "--sheet",
        nargs="?",
        const=ROOT / "docs" / "contact-sheet.png",
        type=Path,
        metavar="PNG",
        help="draw only the contact sheet (first, middle, last frame of each stretch)",
    )
    args = parser.parse_args()
    if args.sheet is not None:
        sheet(args.sheet)
        return
    out = args.out
    catalogue = load()
    drawn = pictures(catalogue)
    missing = {scene for scene, _, _ in drawn} - set(SCENES)
    if missing:
        sys.exit(f"no scene for: {', '.join(sorted(missing))}")
    for scene, image, _title in drawn:
        base = out / Path(image).with_suffix("")
        for theme, suffix in (("light", ""), ("dark", "-dark")):
            for scale, tag in ((1, ""), (2, "@2x")):
                save(render(SCENES[scene], WIDTH * scale, THEMES[theme]), Path(f"{base}{suffix}{tag}.png"))
    for look in LOOKS:
        tray_icon(look, 64).save(out / f"tray-{look}.png", optimize=True)
        tray_icon(look, 128).save(out / f"tray-{look}@2x.png", optimize=True)
    # The look the tray starts with, as raw RGBA: it loads without PIL's PNG decoder
    # (~12-20 ms at start, before the icon can dock). The PNGs stay the source.
    with Image.open(out / "tray-normal@2x.png") as png:
        (out / "tray-normal@2x.rgba").write_bytes(png.convert("RGBA").tobytes())
    tray_icon("normal", 96).save(out / "qlbreak.png", optimize=True)
    chime(out / "chime.wav")
    print(f"drew {len(drawn)} stretch pictures and {len(LOOKS)} tray looks into {out}")


if __name__ == "__main__":
    main()
