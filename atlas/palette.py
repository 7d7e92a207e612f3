"""Side colours from the conflict profile, and the colour science that keeps them readable.

Colours and labels come from :func:`claims.profile.load_profile` (``profile.colour(side)``,
``profile.label(side)``); nothing here names a side. What is added:

- the text colour on each side's fill: black or white, whichever contrasts more (WCAG 2.x
  contrast ratio, :func:`contrast_ratio`), so marker numbers read at ≥ 4.5:1;
- a redundant pattern for the side that means "unattributed", so it is not told apart by
  colour alone;
- :func:`simulate` (Machado, Oliveira & Fernandes 2009, full severity) and :func:`delta_e`
  (CIE 1976 ΔE*ab), used by the tests to check the palette stays distinguishable under
  protanopia, deuteranopia and tritanopia.

Places with claims from several sides are drawn as a ring split by side (no colour of their
own), so no extra colour is needed for "several sides".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from claims.profile import UNKNOWN, Profile, load_profile

BLACK = "#000000"
WHITE = "#FFFFFF"
INK = "#1A1A1A"  # dark outline around markers and the text of labels
_HEX = re.compile(r"^#?([0-9A-Fa-f]{6})$")


# -- colour arithmetic ----------------------------------------------------------------------


def parse_hex(colour: str) -> tuple[int, int, int]:
    """``"#D55E00"`` → (213, 94, 0)."""
    match = _HEX.match(colour.strip())
    if not match:
        raise ValueError(f"Expected a colour like '#D55E00', instead got: {colour!r}.")
    value = match.group(1)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def to_hex(rgb: tuple[float, float, float]) -> str:
    """(r, g, b) in 0–255 → ``"#RRGGBB"`` (values rounded and clamped)."""
    return "#" + "".join(f"{min(255, max(0, round(v))):02X}" for v in rgb)


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(linear: float) -> float:
    linear = min(1.0, max(0.0, linear))
    c = linear * 12.92 if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055
    return c * 255


def relative_luminance(colour: str | tuple[float, float, float]) -> float:
    """WCAG 2.x relative luminance (0 black – 1 white)."""
    r, g, b = parse_hex(colour) if isinstance(colour, str) else colour
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(
    a: str | tuple[float, float, float], b: str | tuple[float, float, float]
) -> float:
    """WCAG 2.x contrast ratio between two colours, 1–21 (4.5 is the bar for normal text)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(top: tuple[float, float, float], alpha: float, under: tuple[float, float, float]):
    """``top`` at opacity ``alpha`` over ``under`` (sRGB, as browsers composite)."""
    return tuple(alpha * t + (1 - alpha) * u for t, u in zip(top, under, strict=True))


def text_colour_on(fill: str) -> str:
    """Black or white, whichever has the higher contrast on ``fill``."""
    return BLACK if contrast_ratio(fill, BLACK) >= contrast_ratio(fill, WHITE) else WHITE


class Deficiency(StrEnum):
    PROTANOPIA = "protanopia"
    DEUTERANOPIA = "deuteranopia"
    TRITANOPIA = "tritanopia"


_MACHADO: dict[Deficiency, tuple[tuple[float, float, float], ...]] = {
    Deficiency.PROTANOPIA: (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    Deficiency.DEUTERANOPIA: (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    Deficiency.TRITANOPIA: (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def simulate(colour: str, deficiency: Deficiency) -> str:
    """How ``colour`` looks with a full colour-vision deficiency (Machado et al. 2009)."""
    linear = [_linear(v) for v in parse_hex(colour)]
    matrix = _MACHADO[deficiency]
    out = [sum(m * v for m, v in zip(row, linear, strict=True)) for row in matrix]
    return to_hex((_gamma(out[0]), _gamma(out[1]), _gamma(out[2])))


def _lab(colour: str) -> tuple[float, float, float]:
    r, g, b = (_linear(v) for v in parse_hex(colour))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: str, b: str) -> float:
    """CIE 1976 colour difference ΔE*ab (about 2.3 is just noticeable; over 10, clearly apart)."""
    return math.dist(_lab(a), _lab(b))


# -- the side palette -------------------------------------------------------------------------


@dataclass(frozen=True)
class SideStyle:
    """How one side is drawn: its profile colour and label, the text colour on it, and whether
    it carries a hatch pattern (the unattributed side)."""

    side: str
    label: str
    fill: str
    text: str
    hatched: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "side": self.side,
            "label": self.label,
            "fill": self.fill,
            "text": self.text,
            "hatched": self.hatched,
        }


@dataclass(frozen=True)
class Palette:
    """Every side of a profile, in the profile's order."""

    styles: tuple[SideStyle, ...]

    @property
    def sides(self) -> tuple[str, ...]:
        return tuple(s.side for s in self.styles)

    def style(self, side: str) -> SideStyle:
        """The style of ``side``; a side the profile does not know is drawn as unknown."""
        for s in self.styles:
            if s.side == side:
                return s
        return self.style(UNKNOWN) if side != UNKNOWN else self.styles[-1]

    def side_of(self, side: str) -> str:
        """``side`` when the profile knows it, else ``"unknown"``."""
        return side if side in self.sides else UNKNOWN

    def label(self, side: str) -> str:
        return self.style(side).label

    def colour(self, side: str) -> str:
        return self.style(side).fill

    def to_dict(self) -> dict[str, dict[str, object]]:
        return {s.side: s.to_dict() for s in self.styles}


def palette_for(profile: Profile) -> Palette:
    """The side styles of ``profile`` (colours and labels exactly as the profile gives them)."""
    styles = []
    for side in profile.side_ids:
        fill = profile.colour(side).upper()
        styles.append(
            SideStyle(side, profile.label(side), fill, text_colour_on(fill), side == UNKNOWN)
        )
    return Palette(tuple(styles))


@cache
def default_palette() -> Palette:
    """The palette of the default profile (``CLAIM_ATLAS_PROFILE`` or the bundled one)."""
    return palette_for(load_profile())
