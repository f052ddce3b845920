"""Figures of a test form: calibration (stated probability against share right) and change per skill.

Each returns a :class:`~medialit.rendering.plots.Plot` with alt text made from the numbers.
Colour is never the only cue: series differ by marker shape and are labelled.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from medialit.common.numbers import number_text
from medialit.rendering.palette import series_colours
from medialit.rendering.plots import Plot, label_rows, new_figure

MARKERS = ("o", "s", "^", "D")


def _level_text(row: pd.Series) -> str:
    if not row["count"]:
        return f"{row['label']} (stands for {number_text(row['stated'])}): no answers"
    answers = "answer" if row["count"] == 1 else "answers"
    return (
        f"{row['label']} (stands for {number_text(row['stated'])}): {row['count']} {answers}, "
        f"{number_text(row['share_right'])} right"
    )


def calibration_plot(
    tables: Mapping[str, pd.DataFrame], title: str = "How sure you were, and how often right"
) -> Plot:
    """Per series (``name: calibration_table(...)``), share right against stated probability per level.

    Points on the dashed diagonal are perfectly calibrated; a level nobody used has no point.
    """
    figure = new_figure(figsize=(5.5, 4.2), layout="constrained")
    axes = figure.add_subplot()
    axes.plot([0, 1], [0, 1], linestyle="--", color="black", linewidth=1, label="perfectly calibrated")
    colours = series_colours(list(tables))
    parts = []
    for i, (name, table) in enumerate(tables.items()):
        used = table[table["count"] > 0]
        axes.plot(
            used["stated"],
            used["share_right"],
            marker=MARKERS[i % len(MARKERS)],
            markersize=8,
            linestyle="-" if len(tables) > 1 else "none",
            color=colours[name],
            label=name,
        )
        for _, row in used.iterrows():
            axes.annotate(
                f"n={row['count']}",
                (row["stated"], row["share_right"]),
                xytext=(6, -12),
                textcoords="offset points",
                fontsize=8,
            )
        parts.append(f"{name}: " + "; ".join(_level_text(row) for _, row in table.iterrows()))
    axes.set_xlim(0.4, 1.0)
    axes.set_ylim(-0.05, 1.05)
    axes.set_xlabel("how sure you said you were (probability of being right)")
    axes.set_ylabel("share of those answers that were right")
    axes.set_title(title)
    axes.legend(loc="upper left", fontsize=8)
    alt = (
        f"{title}. For each level of confidence, the share of answers that were right against the "
        "probability the level stands for; points on the diagonal are perfectly calibrated. "
        + ". ".join(parts)
        + "."
    )
    return Plot("calibration", figure, alt)


def skill_change_plot(change: pd.DataFrame, title: str = "Your change per skill") -> Plot:
    """Per skill (rows: ``label``, ``pretest``, ``posttest``), the pretest score and the post-test score."""
    figure = new_figure(figsize=(6.5, 1.2 + 0.6 * len(change)), layout="constrained")
    axes = figure.add_subplot()
    colours = series_colours(["pretest", "posttest"])
    positions = np.arange(len(change))
    pre, post = change["pretest"].to_numpy(float), change["posttest"].to_numpy(float)
    axes.hlines(positions, np.fmin(pre, post), np.fmax(pre, post), color="grey", linewidth=2)
    axes.scatter(
        pre,
        positions,
        marker="o",
        s=60,
        facecolors="none",
        edgecolors=colours["pretest"],
        linewidths=2,
        label="pretest",
        zorder=3,
    )
    axes.scatter(post, positions, marker="s", s=60, color=colours["posttest"], label="post-test", zorder=3)
    label_rows(
        axes, list(change["label"]), 1.05, "skill score (0.5: tagging nothing; 1: every answer right)", title
    )
    parts = [
        f"{row['label']}: pretest {number_text(row['pretest'])}, post-test {number_text(row['posttest'])}, "
        f"change {number_text(row['change'])}"
        for _, row in change.iterrows()
    ]
    alt = (
        f"{title}. Dot plot of each skill's score on the pretest (hollow circle) and the post-test "
        "(filled square). " + "; ".join(parts) + "."
    )
    return Plot("skill_change", figure, alt)
