"""A stretch window started before it is asked for: the tray starts one when the
pointer comes onto its icon, so that the click finds Python, Tk and the window's
modules loaded (~100 ms of a cold start). It waits, withdrawn and unseen, for one line
on its stdin: the stretch window's spec (``ui/spec.py``). An empty line or a closed
pipe means it is not needed after all, and it ends quietly.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    import tkinter

    from qlbreak.ui import dialog, safety, stretch, walkthrough  # noqa: F401 - loaded now, used after the click
    from qlbreak.ui import spec as window_spec

    try:
        root = tkinter.Tk(className="Qlbreak")
    except tkinter.TclError as err:
        print(f"qlbreak: cannot open a window: {err}", file=sys.stderr)
        return 2
    root.withdraw()
    line = sys.stdin.readline()
    if not line.strip():
        root.destroy()
        return 0
    try:
        spec = window_spec.parse("stretch", line)
    except window_spec.SpecError as err:
        print(f"qlbreak: the stretch window was told wrongly: {err}", file=sys.stderr)
        return 2
    return stretch.run(spec, root=root)


if __name__ == "__main__":
    sys.exit(main())
