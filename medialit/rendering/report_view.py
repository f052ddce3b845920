"""A class report in a notebook: totals, tables and figures with alt text."""

from __future__ import annotations

import html

import pandas as pd

from medialit.rendering.html import plot_html, table_html
from medialit.rendering.passages import HTMLBlock
from medialit.rendering.report_figures import figures
from medialit.rendering.text import totals_line
from medialit.scoring.class_report import ClassReport, hardest_table

LEARNER_COLUMNS = ("learner", "coverage", "micro_precision", "micro_recall", "micro_f1")


def learners_table(report: ClassReport) -> pd.DataFrame:
    """One row per learner: coverage, micro scores and F1 per category."""
    columns = [*LEARNER_COLUMNS, *(f"{c}_f1" for c in report.stack.key.categories)]
    return report.learners[columns].set_index("learner")


def figures_block(report: ClassReport) -> HTMLBlock:
    """The report's three figures, each with its alt text attached and shown as a caption."""
    return HTMLBlock("".join(plot_html(plot) for plot in figures(report)))


def report_html(report: ClassReport) -> str:
    """The whole report for a notebook: totals, tables and figures."""
    problems = report.problems_frame()
    agreement = report.agreement.set_index("category")
    return (
        f"<p>{html.escape(totals_line(report))}</p>"
        + "".join(f"<p>{html.escape(note)}</p>" for note in report.notes)
        + f"{table_html(agreement, 'Agreement and the class consensus', index=True)}"
        f"{table_html(learners_table(report), 'Scores per learner', index=True)}"
        f"{table_html(hardest_table(report), 'The hardest passages')}"
        f"{figures_block(report).markup}"
        + (table_html(problems, "Problems") if len(problems) else "<p>No problems in the files.</p>")
    )
