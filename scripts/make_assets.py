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

from qlbreak.stretches.catalogue import load  # noqa: E402
from tools.art.draw import THEMES, render  # noqa: E402
from tools.art.icon import LOOKS, tray_icon  # noqa: E402
from tools.art.scenes import SCENES  # noqa: E402

WIDTH = 360  # at 100% scaling; the dialog shows it at this size
COLOURS = 128  # a palette this size keeps the anti-aliasing smooth and the files small


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "assets")
    out = parser.parse_args().out
    catalogue = load()
    missing = catalogue.ids - set(SCENES)
    if missing:
        sys.exit(f"no scene for: {', '.join(sorted(missing))}")
    for stretch in catalogue:
        scene = SCENES[stretch.id]
        base = out / Path(stretch.image).with_suffix("")
        for theme, suffix in (("light", ""), ("dark", "-dark")):
            for scale, tag in ((1, ""), (2, "@2x")):
                save(render(scene, WIDTH * scale, THEMES[theme]), Path(f"{base}{suffix}{tag}.png"))
    for look in LOOKS:
        tray_icon(look, 64).save(out / f"tray-{look}.png", optimize=True)
        tray_icon(look, 128).save(out / f"tray-{look}@2x.png", optimize=True)
    tray_icon("normal", 96).save(out / "qlbreak.png", optimize=True)
    chime(out / "chime.wav")
    print(f"drew {len(catalogue)} stretches and {len(LOOKS)} tray looks into {out}")


if __name__ == "__main__":
    main()
