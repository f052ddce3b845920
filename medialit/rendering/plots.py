"""Figures for scores and class reports, each with alt text and a colour-blind-safe palette.

Every function returns a :class:`Plot`: a :class:`matplotlib.figure.Figure` (made without
pyplot, so no global state and no display is needed), a file name, and alt text describing what
the figure shows. Colour is never the only cue: bars carry hatching and labels, and the strip
uses filled and hollow markers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from matplotlib.figure import Figure

from medialit.common.numbers import number_text
from medialit.rendering.palette import MISSING, SEQUENTIAL_CMAP, series_colours
from medialit.scoring.statistics import nan_median

METRICS = ("precision", "recall", "f1")
METRIC_LABELS = {"precision": "Precision", "recall": "Recall", "f1": "F1", "kappa": "Cohen's kappa"}
HATCHES = ("", "//", "..")
#: The key's tags on the article strip: filled squares for clear tags, hollow ones for arguable.
KEY_MARKERS: tuple[tuple[str, dict[str, str]], ...] = (
    ("clear", {"color": "black"}),
    ("arguable", {"facecolors": "none", "edgecolors": "black"}),
)


def new_figure(**options: Any) -> Figure:
    """A new figure, without pyplot; matplotlib is imported on first use, not with the package.

    Importing matplotlib costs a noticeable part of a notebook's start-up on Binder, and most
    sessions draw nothing until the learner checks their answers.
    """
    from matplotlib.figure import Figure

    return Figure(**options)


@dataclass
class Plot:
    """A figure, the file name to save it under, and its alt text."""

    name: str
    figure: Figure
    alt: str

    def save(self, folder: Path, dpi: int = 110) -> Path:
        """Save the figure as ``<folder>/<name>.png``; return the path."""
        path = Path(folder) / f"{self.name}.png"
        self.figure.savefig(path, dpi=dpi, metadata={"Title": self.alt[:200]})
        return path


def category_scores_plot(
    scores: pd.DataFrame, labels: dict[str, str] | None = None, title: str = "Scores by category"
) -> Plot:
    """Grouped bars of precision, recall and F1 per category (rows of ``scores``).

    ``scores`` is indexed by category id with ``precision``, ``recall`` and ``f1`` columns (one
    learner's, or a class's means); undefined values are drawn as no bar and labelled.
    """
    labels = labels or {}
    names = [labels.get(category, category) for category in scores.index]
    figure = new_figure(figsize=(7.5, 1.2 + 0.9 * len(names)), layout="constrained")
    axes = figure.add_subplot()
    colours = series_colours(METRICS)
    height = 0.8 / len(METRICS)
    positions = np.arange(len(names))
    for i, metric in enumerate(METRICS):
        values = scores[metric].to_numpy(float)
        y = positions + (i - 1) * height
        axes.barh(
            y,
            np.nan_to_num(values),
            height=height,
            color=colours[metric],
            hatch=HATCHES[i],
            edgecolor="white",
            label=METRIC_LABELS[metric],
        )
        for y_value, value in zip(y, values, strict=True):
            x = 0 if np.isnan(value) else value
            axes.text(x + 0.01, y_value, number_text(value), va="center", fontsize=8)
    label_rows(axes, names, 1.15, "score (0 to 1)", title)
    parts = [
        f"{name}: precision {number_text(row['precision'])}, recall {number_text(row['recall'])}, "
        f"F1 {number_text(row['f1'])}"
        for name, (_, row) in zip(names, scores.iterrows(), strict=True)
    ]
    alt = f"{title}. Horizontal bar chart of precision, recall and F1 for each category. " + "; ".join(parts)
    return Plot("category_scores", figure, alt + ".")


def label_rows(axes: Any, names: Sequence[str], right: float, xlabel: str, title: str) -> None:
    """Finish a chart of one row per name (the first on top): row labels, the x axis, title and legend."""
    axes.set_yticks(np.arange(len(names)), list(names))
    axes.invert_yaxis()
    axes.set_xlim(0, right)
    axes.set_xlabel(xlabel)
    axes.set_title(title)
    axes.legend(loc="lower right", fontsize=8)


def article_strip_plot(
    passage_ids: Sequence[str],
    categories: Sequence[str],
    clear: np.ndarray,
    arguable: np.ndarray,
    share: np.ndarray,
    labels: dict[str, str] | None = None,
) -> Plot:
    """A strip over the article per category: the key's tags above, the class's share below.

    ``clear`` and ``arguable`` are passages x categories booleans (the key); ``share`` is the
    share of learners who tagged each pair (nan where nobody reviewed the passage).
    """
    labels = labels or {}
    colours = series_colours(categories)
    x = np.arange(len(passage_ids))
    figure = new_figure(figsize=(10, 1.0 + 1.3 * len(categories)), layout="constrained")
    axes_list = figure.subplots(len(categories), 1, sharex=True, squeeze=False)[:, 0]
    alt_parts = []
    for c, (category, axes) in enumerate(zip(categories, axes_list, strict=True)):
        colour = colours[category]
        values = np.nan_to_num(share[:, c])
        axes.bar(x, values, width=1.0, color=colour, alpha=0.85, label="share of class")
        for marked, style in KEY_MARKERS:
            mask = (clear if marked == "clear" else arguable)[:, c]
            axes.scatter(
                x[mask], np.full(mask.sum(), 1.12), marker="s", s=22, label=f"key: {marked}", **style
            )
        axes.set_ylim(0, 1.25)
        axes.set_yticks([0, 0.5, 1])
        axes.set_ylabel(labels.get(category, category), rotation=0, ha="right", va="center")
        axes.spines[["top", "right"]].set_visible(False)
        top = np.argsort(-values, kind="stable")[:3]
        most = ", ".join(f"{passage_ids[i]} ({values[i]:.0%})" for i in top if values[i] > 0) or "none"
        alt_parts.append(
            f"{labels.get(category, category)}: the key tags {int(clear[:, c].sum())} passages clearly "
            f"and {int(arguable[:, c].sum())} as arguable; the class tagged most often {most}"
        )
    step = max(1, len(passage_ids) // 15)
    axes_list[-1].set_xticks(x[::step], [passage_ids[i] for i in x[::step]], rotation=45, fontsize=8)
    axes_list[-1].set_xlabel("passage, in reading order")
    figure.suptitle("Where the key and the class put each technique")
    # Below the axes, away from the title: constrained layout makes room for it.
    handles, names = axes_list[0].get_legend_handles_labels()
    figure.legend(handles, names, loc="outside lower center", fontsize=7, ncols=3)
    alt = (
        "Strip chart over the article's passages in reading order, one row per category. Black "
        "squares mark the key's tags (filled: clear, hollow: arguable); bars show the share of "
        "learners who tagged each passage. " + "; ".join(alt_parts) + "."
    )
    return Plot("article_strip", figure, alt)


def heatmap_plot(
    learners: Sequence[str],
    categories: Sequence[str],
    values: np.ndarray,
    metric: str = "f1",
    labels: dict[str, str] | None = None,
) -> Plot:
    """A learner-by-category heat map of a score (grey where undefined)."""
    labels = labels or {}
    values = np.asarray(values, float)
    rows = len(learners)
    figure = new_figure(figsize=(6.5, min(12.0, 1.8 + 0.22 * rows)), layout="constrained")
    axes = figure.add_subplot()
    from matplotlib import colormaps

    cmap = colormaps[SEQUENTIAL_CMAP].with_extremes(bad=MISSING)
    if rows == 0:
        axes.text(0.5, 0.5, "No learners to show", ha="center", va="center")
        axes.set_axis_off()
        return Plot("learner_heatmap", figure, "Heat map of learners' scores: no learners to show.")
    image = axes.imshow(
        np.ma.masked_invalid(values), aspect="auto", cmap=cmap, vmin=0, vmax=1, interpolation="nearest"
    )
    axes.set_xticks(np.arange(len(categories)), [labels.get(c, c) for c in categories], rotation=20)
    if rows <= 40:
        axes.set_yticks(np.arange(rows), list(learners), fontsize=8)
    else:
        axes.set_yticks([])
        axes.set_ylabel(f"{rows} learners")
    figure.colorbar(image, ax=axes, label=METRIC_LABELS.get(metric, metric))
    if rows <= 40:
        _label_cells(axes, image, values)
    axes.set_title(f"{METRIC_LABELS.get(metric, metric)} by learner and category")
    parts = [
        f"{labels.get(c, c)} median {number_text(nan_median(values[:, i]))}, "
        f"undefined for {int(np.isnan(values[:, i]).sum())} learners"
        for i, c in enumerate(categories)
    ]
    alt = (
        f"Heat map of {METRIC_LABELS.get(metric, metric)} for {rows} learners (rows) and "
        f"{len(categories)} categories (columns), dark for low and yellow for high, grey where "
        "undefined. " + "; ".join(parts) + "."
    )
    return Plot("learner_heatmap", figure, alt)


def _label_cells(axes: Any, image: Any, values: np.ndarray) -> None:
    """Write each cell's value on it, black or white, whichever contrasts more with the cell."""
    from matplotlib.colors import to_rgba

    for (row, column), value in np.ndenumerate(values):
        cell = image.cmap(image.norm(value)) if not np.isnan(value) else to_rgba(MISSING)
        colour = "black" if _luminance(cell) > 0.179 else "white"  # the WCAG midpoint of black and white
        axes.text(column, row, number_text(value), ha="center", va="center", fontsize=7, color=colour)


def _luminance(rgba: Sequence[float]) -> float:
    """A colour's relative luminance (WCAG 2)."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgba[:3]]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


__all__ = ["Plot", "article_strip_plot", "category_scores_plot", "heatmap_plot", "new_figure"]
