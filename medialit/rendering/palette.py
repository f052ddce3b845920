"""A colour-blind-safe palette (Okabe and Ito, 2008) for every figure the package draws.

The eight Okabe-Ito colours stay distinguishable under the common forms of colour-vision
deficiency. Figures never rely on colour alone: each also uses position, labels, or hatching.
"""

from __future__ import annotations

from collections.abc import Sequence

#: The Okabe-Ito palette, by name.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: The order in which categories (or series) take colours: strong contrasts first, yellow last.
SERIES_ORDER: tuple[str, ...] = (
    "blue",
    "orange",
    "bluish_green",
    "reddish_purple",
    "vermillion",
    "sky_blue",
    "yellow",
    "black",
)

#: A perceptually uniform colour map that is readable with colour-vision deficiency.
SEQUENTIAL_CMAP = "cividis"

#: The colour for missing or undefined values in a heat map.
MISSING = "#BBBBBB"


def series_colours(names: Sequence[str]) -> dict[str, str]:
    """A colour for each name, in order, cycling through the palette if there are more than eight."""
    return {name: OKABE_ITO[SERIES_ORDER[i % len(SERIES_ORDER)]] for i, name in enumerate(names)}
