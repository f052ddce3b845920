"""The two figures of a class's "Before and after": the gains per skill and the calibration.

Colour is never the only cue: the pre-test and the post-test differ in marker and line style as
well as colour (:mod:`medialit.rendering.palette`), and each figure's alt text gives its numbers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from medialit.common.numbers import number_text
from medialit.rendering.palette import OKABE_ITO
from medialit.rendering.plots import Plot, new_figure
from medialit.scoring.gains import POSTTEST, PRETEST

#: How each test is drawn: its name, colour, marker and line style.
STYLES = {
    PRETEST: {"label": "Pre-test", "color": OKABE_ITO["blue"], "marker": "o", "linestyle": "--"},
    POSTTEST: {"label": "Post-test", "color": OKABE_ITO["orange"], "marker": "D", "linestyle": "-"},
}


def _interval_text(low: float, high: float) -> str:
    if np.isnan(low) or np.isnan(high):
        return "no interval"
    return f"95% interval {number_text(low)} to {number_text(high)}"


def gains_plot(gains: pd.DataFrame) -> Plot:
    """Per skill (a row of ``gains.csv``): the mean pre-test and post-test scores, the gain's interval.

    The interval is drawn around the post-test mean: the mean pre-test score plus the gain's
    95% interval, so it shows where the post-test mean could plausibly be given the pre-test.
    """
    names = list(gains["label"])
    figure = new_figure(figsize=(7.5, 1.6 + 0.6 * len(names)), layout="constrained")
    axes = figure.add_subplot()
    y = np.arange(len(names))
    pre, post = gains["mean_pre"].to_numpy(float), gains["mean_post"].to_numpy(float)
    low = pre + gains["gain_low"].to_numpy(float)
    high = pre + gains["gain_high"].to_numpy(float)
    axes.hlines(y, pre, post, color="#777777", linewidth=1)
    defined = ~np.isnan(low) & ~np.isnan(high)
    axes.errorbar(
        post[defined],
        y[defined],
        xerr=[post[defined] - low[defined], high[defined] - post[defined]],
        fmt="none",
        ecolor="black",
        capsize=4,
        label="95% interval of the gain",
    )
    for test, values in ((PRETEST, pre), (POSTTEST, post)):
        style = STYLES[test]
        filled = style["color"] if test == POSTTEST else "white"
        axes.scatter(
            values,
            y,
            marker=style["marker"],
            s=60,
            color=filled,
            edgecolors=style["color"],
            linewidths=2,
            label=f"{style['label']}: class mean",
            zorder=3,
        )
    axes.set_yticks(y, names)
    axes.invert_yaxis()
    axes.set_xlim(0, 1.05)
    axes.set_xlabel("skill score (0 to 1; 0.5 is what tagging nothing scores)")
    paired = int(gains["learners_paired"].iloc[0]) if len(gains) else 0
    title = f"Before and after: mean skill scores of the {paired} learners who took both tests"
    axes.set_title(title, fontsize=10)
    axes.legend(loc="lower left", fontsize=8)
    parts = [
        f"{row.label}: before {number_text(row.mean_pre)}, after {number_text(row.mean_post)}, "
        f"gain {number_text(row.gain)} ({_interval_text(row.gain_low, row.gain_high)})"
        for row in gains.itertuples()
    ]
    alt = f"{title}. Dot plot per skill, pre-test hollow circles, post-test filled diamonds. " + "; ".join(
        parts
    )
    return Plot("gains", figure, alt + ".")
