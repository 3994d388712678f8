"""The pictures' colours, light and dark: one figure colour, a lighter one for the far
limbs, the warm glow, equipment in its own colours (a ball is never mistaken for the body)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    background: tuple[int, int, int]
    figure: tuple[int, int, int]
    far: tuple[int, int, int]  # limbs on the far side, in a side view
    prop: tuple[int, int, int]
    glow: tuple[int, int, int, int]
    arrow: tuple[int, int, int]
    ball: tuple[int, int, int]  # its own colour: equipment is never mistaken for the body
    mat: tuple[int, int, int]
    faint: tuple[int, int, int]  # a ghost of the starting pose
    band: tuple[int, int, int]


LIGHT = Theme(
    (247, 245, 240),
    (52, 67, 86),
    (150, 161, 175),
    (190, 183, 170),
    (255, 128, 64, 170),
    (38, 140, 128),
    (190, 204, 50),
    (228, 222, 210),
    (168, 176, 188),
    (142, 88, 170),
)
DARK = Theme(
    (35, 38, 43),
    (229, 233, 238),
    (120, 128, 140),
    (92, 97, 106),
    (255, 138, 76, 150),
    (92, 200, 186),
    (206, 222, 80),
    (52, 56, 63),
    (96, 103, 114),
    (196, 150, 226),
)
THEMES = {"light": LIGHT, "dark": DARK}
