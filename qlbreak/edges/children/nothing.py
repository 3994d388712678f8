"""The child-windows port's do-nothing adapter: where no window can open (no Tk, a
headless run), or a test that needs no windows."""

from __future__ import annotations

from qlbreak.core.kinds import Window
from qlbreak.core.window_specs import WindowSpec
from qlbreak.storage.config import Config


class NoWindows:
    """Opens nothing, so nothing ever ends and nothing is there to raise."""

    def open(self, kind: Window, spec: WindowSpec) -> None:
        if spec.kind != kind:  # the same programming error as the real one's
            raise ValueError(f"a {spec.kind} window's spec cannot open a {kind} window")

    def close(self, kind: Window) -> None:
        pass

    def raise_(self, kind: Window) -> bool:
        return False

    def close_all(self) -> None:
        pass

    def configure(self, config: Config) -> None:
        pass


TYPE_CHECKING = False
if TYPE_CHECKING:  # mypy checks here that the adapter keeps the port
    from qlbreak.edges.ports import Windows

    _PORT: type[Windows] = NoWindows
