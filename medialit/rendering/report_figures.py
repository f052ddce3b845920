"""The class report's three figures, drawn from its tables."""

from __future__ import annotations

import numpy as np
import pandas as pd

from medialit.rendering.plots import Plot, article_strip_plot, category_scores_plot, heatmap_plot
from medialit.scoring.class_report import ClassReport
from medialit.scoring.class_tags import class_shares
from medialit.scoring.statistics import nan_mean


def figures(report: ClassReport) -> list[Plot]:
    """The report's three figures: category scores, the article strip, the learner heat map."""
    key = report.stack.key
    means = pd.DataFrame(
        {
            metric: [nan_mean(report.learners[f"{c}_{metric}"].to_numpy(float)) for c in key.categories]
            for metric in ("precision", "recall", "f1")
        },
        index=pd.Index(key.categories, name="category"),
    )
    order = np.argsort(-np.nan_to_num(report.learners["micro_f1"].to_numpy(float), nan=-1), kind="stable")
    f1_values = np.column_stack([report.learners[f"{c}_f1"].to_numpy(float) for c in key.categories])
    return [
        category_scores_plot(means, report.category_labels, "Class mean scores by category"),
        article_strip_plot(
            key.passage_ids,
            key.categories,
            key.clear,
            key.arguable,
            class_shares(report.stack)[2],
            report.category_labels,
        ),
        heatmap_plot(
            [report.learners["learner"].iloc[i] for i in order],
            key.categories,
            f1_values[order] if len(order) else f1_values,
            "f1",
            report.category_labels,
        ),
    ]
