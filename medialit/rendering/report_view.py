"""A class report in a notebook: totals, tables and figures with alt text."""

from __future__ import annotations

import html

import pandas as pd

from medialit.rendering.check import plot_html
from medialit.rendering.passages import HTMLBlock
from medialit.rendering.report_figures import figures
from medialit.rendering.text import totals_line
from medialit.scoring.class_report import ClassReport, hardest_table

LEARNER_COLUMNS = ("learner", "coverage", "micro_precision", "micro_recall", "micro_f1")


def learners_table(report: ClassReport) -> pd.DataFrame:
    """One row per learner: coverage, micro scores and F1 per category."""
    columns = [*LEARNER_COLUMNS, *(f"{c}_f1" for c in report.stack.key.categories)]
    return report.learners[columns].set_index("learner")


def frame_html(frame: pd.DataFrame, caption: str) -> str:
    """A table as HTML with a caption; undefined values read "undefined"."""
    table = frame.to_html(na_rep="undefined", float_format=lambda v: f"{v:.2f}", border=0)
    return f"<p><strong>{html.escape(caption)}</strong></p>{table}"


def figures_block(report: ClassReport) -> HTMLBlock:
    """The report's three figures, each with its alt text attached and shown as a caption."""
    return HTMLBlock("".join(plot_html(plot) for plot in figures(report)))


def report_html(report: ClassReport) -> str:
    """The whole report for a notebook: totals, tables and figures."""
    problems = report.problems_frame()
    return (
        f"<p>{html.escape(totals_line(report))}</p>"
        f"{frame_html(report.agreement.set_index('category'), 'Agreement and the class consensus')}"
        f"{frame_html(learners_table(report), 'Scores per learner')}"
        f"{frame_html(hardest_table(report), 'The hardest passages')}"
        f"{figures_block(report).markup}"
        + (frame_html(problems, "Problems") if len(problems) else "<p>No problems in the files.</p>")
    )
