"""The X11 icon's work from other threads goes over one private connection for the
icon's life (a new one each time left ~0.1 MB behind in the allocator, every post),
and none is opened once the icon has stopped. A fake Display, no X server."""

from __future__ import annotations

from typing import Any

import pytest
import Xlib.display
import Xlib.error
import Xlib.X

from qlbreak.edges.icon import xorg as icon_xorg


class FakeDisplay:
    def __init__(self, opened: list[FakeDisplay]) -> None:
        self.closed, self.sent, self.fail = False, 0, False
        opened.append(self)

    def get_display_name(self) -> str:
        return ":99"

    def intern_atom(self, name: str) -> int:
        return 1 if name == icon_xorg.WAKE else 2

    def create_resource_object(self, kind: str, xid: int) -> Any:
        display = self

        class Window:
            def __window__(self) -> int:
                return xid

            def send_event(self, message: object, event_mask: int) -> None:
                if display.fail:
                    raise Xlib.error.ConnectionClosedError("server")
                display.sent += 1

        return Window()

    def get_default_screen(self) -> int:
        return 0

    def get_selection_owner(self, selection: int) -> int:
        return Xlib.X.NONE  # no tray host

    def sync(self) -> None:
        pass

    def pending_events(self) -> int:
        return 0

    def close(self) -> None:
        self.closed = True


class BaseIcon:
    """What FixedIcon takes from pystray's xorg Icon."""

    def __init__(self) -> None:
        self._display = Xlib.display.Display()
        self._message_handlers: dict[int, Any] = {Xlib.X.ClientMessage: lambda event: None}
        self._window = type("W", (), {"id": 42})()

    def _run(self) -> None:
        pass


@pytest.fixture
def opened() -> list[FakeDisplay]:
    """The private connections the icon opened, in order."""
    return []


@pytest.fixture
def icon(monkeypatch: pytest.MonkeyPatch, opened: list[FakeDisplay]) -> Any:
    monkeypatch.setattr(Xlib.display, "Display", lambda name=None: FakeDisplay(opened))
    made = icon_xorg.fixed(BaseIcon, on_right_click=lambda x, y: None)()
    opened.remove(made._display)  # pystray's own: not a private one
    return made


def test_every_post_goes_over_the_same_private_connection(icon: Any, opened: list[FakeDisplay]) -> None:
    for _ in range(5):
        icon.post(lambda: None)
    assert icon.tray_present() is False
    assert len(opened) == 1
    assert opened[0].sent == 5 and not opened[0].closed


def test_a_lost_connection_is_opened_again_on_the_next_post(icon: Any, opened: list[FakeDisplay]) -> None:
    icon.post(lambda: None)
    opened[0].fail = True
    icon.post(lambda: None)  # lost: logged, not raised
    icon.post(lambda: None)
    assert len(opened) == 2 and opened[1].sent == 1


def test_the_stopped_icon_closes_it_and_opens_no_other(
    icon: Any, opened: list[FakeDisplay], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(icon_xorg.threading, "Thread", lambda **kw: type("T", (), {"start": lambda self: None})())
    icon.post(lambda: None)
    icon._run()
    assert opened[0].closed
    icon.stop_from_any_thread()
    icon.post(lambda: None)
    assert len(opened) == 1


def test_only_the_icons_own_pixels_are_drawn_so_the_tray_shows_around_it() -> None:
    """A background read wrong (black: the tray not painted yet) touches no pixel the
    icon leaves clear: X paints those from the tray (a black square before)."""
    from PIL import Image, ImageDraw

    disc = Image.new("RGBA", (48, 48), (0, 0, 0, 0))
    ImageDraw.Draw(disc).ellipse((0, 0, 47, 47), fill=(30, 150, 130, 255))
    for behind in (None, Image.new("RGB", (24, 30), (0, 0, 0))):
        picture, mask = icon_xorg._over(disc, behind, 24, 30)
        assert picture.size == mask.size == (24, 30) and mask.mode == "1"
        assert mask.getpixel((0, 0)) == 0 and mask.getpixel((23, 29)) == 0  # corners: the tray's
        assert mask.getpixel((12, 15)) and picture.getpixel((12, 15)) == (30, 150, 130)
        assert not any(mask.getpixel((x, y)) for x in range(24) for y in (0, 1, 2, 27, 28, 29))  # centred: 3 px bands
