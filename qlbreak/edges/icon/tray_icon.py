"""The tray icon: pystray, chosen and repaired in one place.

``import pystray`` connects to X at import time on Linux and raises (not ImportError)
without a display, so it happens here, lazily, and any failure becomes
``TrayUnavailable``. The backend's capabilities are read once: where a click runs the
default item (Windows, X11) it opens a stretch; elsewhere "Stretch now" is the
menu's first item. On X11 a right click asks for qlbreak's own menu. The repairs
for a backend are chosen in ``edges/choose.py``, which says what the repaired icon
has beyond pystray's ``HAS_*`` as ``IconFeatures``: nothing is probed.

It is made before the rest of the app loads (``start.py``), so it imports no more
than pystray until it is asked for a menu or a click arrives.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qlbreak.storage.paths import APP
from qlbreak.system import THIS, System

if TYPE_CHECKING:
    from qlbreak.core.tray_view import Entry
    from qlbreak.edges.ports import Post


# The longest tooltip a backend holds, in UTF-16 units: Windows' is 128 with its NUL, and
# pystray raises (the icon not updated) beyond it; a German tooltip can run past it.
TIP_MAX = {"win32": 127}


class TrayUnavailable(Exception):
    """No tray can be shown here; the message says why."""


@dataclass(frozen=True, slots=True)
class IconFeatures:
    """What a backend's (repaired) icon has beyond pystray's own ``HAS_*`` flags."""

    post: bool = False  # ``post(work)``: work runs in the icon's loop thread (X11)
    position: bool = False  # ``position()``: where it is on screen
    tray_present: bool = False  # ``tray_present()``: whether a tray host runs now
    stop_from_any_thread: bool = False  # ``stop_from_any_thread()``: a stop that cannot wedge


class TrayIcon:
    def __init__(self, assets: Path, post: Post, session_lock: Any = None) -> None:
        """``post`` takes what the icon is asked (menu items, clicks, the session's end)
        to the service; it only queues."""
        try:
            import pystray
            from PIL import Image
        except Exception as err:  # noqa: BLE001 - Xlib.error.DisplayNameError and kin
            raise TrayUnavailable(f"{type(err).__name__}: {err}".rstrip(": ")) from None
        self._pystray, self.post = pystray, post
        self._assets, self._image_module = assets, Image
        self.images = {"normal": _start_look(Image, assets)}  # the others when first shown
        from qlbreak.edges.choose import repaired_icon

        icon_class: Any = pystray.Icon
        self.backend = icon_class.__module__.removeprefix("pystray._")  # xorg, gtk, win32, darwin; base: dummy
        icon_class, self.features = repaired_icon(icon_class, self.backend, post, self._hover, session_lock)
        self.has_default_action = bool(icon_class.HAS_DEFAULT_ACTION)
        self.has_menu = bool(icon_class.HAS_MENU)
        # the service sends the whole menu once it runs; until then a click still stretches
        default = self.has_default_action
        from qlbreak.core.words import _  # the words of the language loaded by now (English before)

        first = pystray.Menu(pystray.MenuItem(_("Stretch now"), self._callback("stretch"), default=default))
        self.icon = icon_class(APP, self.images["normal"], APP, menu=first)

    def _hover(self, on: bool) -> None:
        from qlbreak.core.commands import Hover  # not before the icon docks

        self.post(Hover(on))

    # -- life ------------------------------------------------------------------------

    def run(self, setup: Callable[[], None]) -> None:
        """Block in the icon's loop (the main thread); ``setup`` runs in its own thread."""

        def start(icon: Any) -> None:
            if self.backend != "xorg":
                icon.visible = True  # the xorg repair shows it from the loop thread
            setup()

        self.icon.run(setup=start)

    def stop(self) -> None:
        """From any thread; never blocks for long (pystray's stop can wedge on X11)."""
        stop = self.icon.stop_from_any_thread if self.features.stop_from_any_thread else self.icon.stop
        worker = threading.Thread(target=stop, daemon=True)
        worker.start()
        worker.join(2.0)

    def position(self) -> tuple[int, int, int, int] | None:
        """Where the icon is on screen (X11 only), so the reminder's prompt opens by it."""
        return self.icon.position() if self.features.position else None

    def tray_present(self) -> bool | None:
        """On X11, whether a tray host runs now; None where that cannot be known."""
        return self.icon.tray_present() if self.features.tray_present else None

    # -- what it shows -----------------------------------------------------------------

    def update(self, title: str, look: str, menu: Sequence[Entry]) -> None:
        if look not in self.images:
            self.images[look] = _load(self._image_module, self._assets / f"tray-{look}@2x.png")
        image, built = self.images[look], self._menu(menu)

        title = fitted(title, self.backend)

        def apply() -> None:
            self.icon.icon = image
            self.icon.title = title
            self.icon.menu = built

        if self.features.post:
            self.icon.post(apply)  # X11: the loop thread does it
        else:
            apply()

    def notify(self, title: str, message: str) -> None:
        self.icon.notify(message, title)

    def _menu(self, entries: Sequence[Entry]) -> Any:
        pystray = self._pystray
        items = []
        for entry in entries:
            if entry.children:
                action: Any = self._menu(entry.children)
            elif entry.action:
                action = self._callback(entry.action)
            else:
                action = None
            checked = entry.checked
            items.append(
                pystray.MenuItem(
                    entry.label,
                    action,
                    checked=(lambda _item, c=checked: c) if checked is not None else None,
                    default=entry.default and self.has_default_action,
                    enabled=bool(entry.action or entry.children),
                )
            )
        return pystray.Menu(*items)

    def _callback(self, action: str) -> Callable[[Any, Any], None]:
        def run(_icon: Any, _item: Any) -> None:
            from qlbreak.core.commands import from_action  # loaded by the service long before

            command = from_action(action)
            if command is not None:
                self.post(command)  # only queues: the service thread acts

        return run


def fitted(title: str, backend: str) -> str:
    """``title`` as ``backend``'s tooltip can hold it: cut at the end, with "…", where
    it is too long (the start says what matters: the app, then what comes next)."""
    limit = TIP_MAX.get(backend)
    if limit is None or _units(title) <= limit:
        return title
    cut = title
    while _units(cut) > limit - 1:
        cut = cut[:-1]
    return cut.rstrip() + "\u2026"


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _start_look(image_module: Any, assets: Path) -> Any:
    """The normal look from its raw RGBA copy (``scripts/make_assets.py`` writes it from
    the PNG): no PNG decoder to import before the icon docks. The PNG if it is missing."""
    try:
        raw = (assets / "tray-normal@2x.rgba").read_bytes()
    except OSError:
        return _load(image_module, assets / "tray-normal@2x.png")
    side = int((len(raw) // 4) ** 0.5)
    return image_module.frombytes("RGBA", (side, side), raw)


def _load(image_module: Any, path: Path) -> Any:
    with image_module.open(path) as image:  # read now; no file stays open
        return image.copy()


def display_problem(environ: dict[str, str] | None = None, system: System = THIS) -> str | None:
    """Why no tray can appear in this session, if that is already clear."""
    env = os.environ if environ is None else environ
    if system.x11_tray and not env.get("DISPLAY"):
        if env.get("WAYLAND_DISPLAY"):
            return "this Wayland session has no X11 display, and Wayland has no tray of its own"
        return "there is no graphical session (DISPLAY is not set)"
    return None
