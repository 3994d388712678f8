"""Where qlbreak's X11 menu opens: beside the tray icon it came from, never over it,
always on screen (it opened at the pointer, that is over the icon)."""

from __future__ import annotations

import pytest

from qlbreak.ui.menu import beside

SCREEN = (1280, 800)
MENU = (220, 360)


def overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


@pytest.mark.parametrize(
    ("icon", "where"),
    [
        ((1255, 1, 24, 30), "below"),  # trayer at the top right
        ((1255, 769, 24, 30), "above"),  # at the bottom right
        ((0, 1, 24, 30), "below"),  # top left
        ((600, 776, 24, 24), "above"),  # bottom middle
        ((1255, 300, 24, 24), "below"),  # a side panel, upper half
        ((1255, 500, 24, 24), "above"),  # lower half
    ],
)
def test_the_menu_opens_beside_the_icon_on_screen(icon: tuple[int, int, int, int], where: str) -> None:
    x, y = beside(MENU, SCREEN, icon, 4)
    box = (x, y, *MENU)
    assert not overlaps(box, icon)
    assert 0 <= x <= SCREEN[0] - MENU[0] and 0 <= y <= SCREEN[1] - MENU[1]
    assert (y >= icon[1] + icon[3]) if where == "below" else (y + MENU[1] <= icon[1])
    assert abs(x - icon[0]) <= MENU[0]  # by the icon, not across the screen


def test_a_menu_too_tall_for_above_or_below_goes_beside_the_icon() -> None:
    icon = (1255, 380, 24, 24)
    x, y = beside((220, 500), SCREEN, icon, 4)
    assert not overlaps((x, y, 220, 500), icon) and x + 220 <= icon[0]
    assert 0 <= y <= SCREEN[1] - 500
