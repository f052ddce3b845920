"""A class report in a notebook: problems first, then the hardest passages, tables and figures."""

from __future__ import annotations

import html

import pandas as pd

from medialit.rendering.html import plot_html
from medialit.rendering.passages import HTMLBlock
from medialit.rendering.report_before_after import before_after_figures, before_after_html
from medialit.rendering.report_figures import figures
from medialit.rendering.report_labels import readable
from medialit.rendering.report_parts import (
    agreement_html,
    hardest_html,
    learner_columns,
    learners_html,
    problem_lines,
)
from medialit.rendering.text import totals_line
from medialit.scoring.class_report import ClassReport


def learners_table(report: ClassReport) -> pd.DataFrame:
    """One row per learner, headed in words: coverage, micro scores and F1 per category."""
    columns = [c for c in learner_columns(report) if c != "file"]
    return readable(report.learners[columns], report.category_labels).set_index("Learner")


def figures_block(report: ClassReport) -> HTMLBlock:
    """The report's three figures, each with its alt text attached and shown as a caption."""
    return HTMLBlock("".join(plot_html(plot) for plot in figures(report)))


def hardest_block(report: ClassReport, n: int = 10) -> HTMLBlock:
    """The hardest passages with their words, the key's cue and reasoning and how the class split."""
    return HTMLBlock(hardest_html(report, n))


def before_after_block(report: ClassReport) -> HTMLBlock:
    """The "Before and after" of a class that handed in both tests, with its figures embedded (else empty)."""
    tests = report.before_after
    if tests is None:
        return HTMLBlock("")
    figures = [plot_html(plot) for plot in before_after_figures(tests)]
    return HTMLBlock(f"<h3>Before and after</h3>{before_after_html(tests, figures)}")


def report_html(report: ClassReport) -> str:
    """The whole report for a notebook: totals, problems, the hardest passages, tables and figures."""
    problems = problem_lines(report)
    return (
        f"<p>{html.escape(totals_line(report))}</p>"
        + "".join(f"<p>{html.escape(note)}</p>" for note in report.notes)
        + (
            "<h3>Files with problems</h3><ul>"
            + "".join(f"<li>{html.escape(p)}</li>" for p in problems)
            + "</ul>"
            if problems
            else "<p>No problems in the files.</p>"
        )
        + before_after_block(report).markup
        + f"<h3>The hardest passages: discuss these first</h3>{hardest_html(report)}"
        f"{agreement_html(report)}{learners_html(report)}{figures_block(report).markup}"
    )
