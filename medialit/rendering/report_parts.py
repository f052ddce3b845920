"""The parts of a class report shared by the report page and the instructor notebook.

Tables have headings in words (:mod:`medialit.rendering.report_labels`) and scroll sideways in a
labelled region when wider than the page; the hardest passages come with their words, the key's
cue and reasoning, how the class split, and a two-line summary to start the discussion with.
"""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from medialit.common.numbers import count_text
from medialit.common.problems import Problem
from medialit.rendering.html import fragment, table_html
from medialit.rendering.report_labels import readable
from medialit.scoring.class_report import ClassReport, discuss_first, hardest_table, min_reviewers

AGREEMENT_CAPTION = (
    "Per category: Krippendorff's alpha among learners, and the class consensus against the key"
)
LEARNERS_CAPTION = "Scores per learner"
KEY_STATUS = {"clear": "the key tags it", "none": "the key does not tag it"}


def learner_columns(report: ClassReport) -> list[str]:
    """The learners' table: who, coverage, micro scores and F1 per category."""
    columns = ["learner", "file", "coverage", "micro_precision", "micro_recall", "micro_f1"]
    return columns + [f"{c}_f1" for c in report.stack.key.categories]


def agreement_html(report: ClassReport) -> Markup:
    """The agreement table, one row per category, headed in words."""
    agreement = readable(report.agreement, report.category_labels).set_index("Category")
    return table_html(agreement, AGREEMENT_CAPTION, index=True, scroll=True)


def learners_html(report: ClassReport) -> Markup:
    """The learners' table, headed in words."""
    learners = readable(report.learners[learner_columns(report)], report.category_labels).set_index("Learner")
    return table_html(learners, LEARNERS_CAPTION, index=True, scroll=True)


def split_text(key: str, reviewed: int, tagged: int) -> str:
    """How the class split on a pair, in one sentence."""
    if key == "clear":
        return f"{tagged} of {count_text(reviewed, 'reviewer')} tagged it and {reviewed - tagged} missed it."
    return f"{tagged} of {count_text(reviewed, 'reviewer')} tagged it, though the key does not."


def hardest_html(report: ClassReport, n: int = 10) -> Markup:
    """The hardest passages, each with its words, the key's cue and reasoning and how the class split."""
    hardest = hardest_table(report, n)
    labels = report.category_labels
    passages = [
        {
            "passage_id": row.passage_id,
            "category": labels.get(row.category, row.category),
            "key": KEY_STATUS[row.key],
            "text": row.text,
            "cue": row.cue,
            "reasoning": row.reasoning,
            "split": split_text(row.key, int(row.reviewed), int(row.tagged)),
        }
        for row in hardest.itertuples()
    ]
    empty = (
        f"No passage that at least {count_text(min_reviewers(report), 'learner')} reviewed was "
        "missed or wrongly tagged by anyone."
    )
    summary = discuss_first(report, hardest) if passages else []
    return fragment("hardest.html", summary=summary, passages=passages, empty=empty)


def problem_lines(report: ClassReport) -> list[str]:
    """Every problem as one line: the file, the problem, and its severity."""
    return [
        f"{Problem(f, m, None if line is pd.NA else int(line))} ({s})"
        for f, line, s, m in report.problems_frame().itertuples(index=False, name=None)
    ]
