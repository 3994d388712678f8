"""``qlbreak`` with no command: the tray app. Apart from the other commands, so its
start imports none of them before the icon shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qlbreak.cli.context import Context
    from qlbreak.storage.config import Config
    from qlbreak.stretches.catalogue import Catalogue


def cmd_tray(ctx: Context) -> int:
    """The tray app; the settings and the catalogue load once its icon shows."""
    from qlbreak.cli.context import Fail
    from qlbreak.tray.start import start

    def load() -> tuple[Config, Catalogue] | None:
        try:
            return ctx.config, ctx.catalogue
        except Fail as failure:
            print(f"qlbreak: {failure}", file=ctx.err)
            return None

    return start(ctx.args.config, load, ctx.out, ctx.err)
