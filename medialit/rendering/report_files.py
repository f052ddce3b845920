"""Write a class report: CSV tables, figures and an ``index.html`` summary.

In the CSV files an empty cell means "undefined", and every text cell is made safe for
spreadsheets. The HTML escapes everything a learner wrote.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from medialit.common.csv_text import csv_text
from medialit.common.problems import Problem
from medialit.rendering.html import plain_value, render, table_html
from medialit.rendering.report_figures import figures
from medialit.rendering.text import totals_line
from medialit.scoring.class_report import ClassReport, hardest_table

AGREEMENT_CAPTION = (
    "Per category: Krippendorff's alpha among learners, and the class consensus against the key"
)


def frame_csv(frame: pd.DataFrame) -> str:
    """A table as spreadsheet-safe CSV text; undefined values are empty cells."""
    rows = ([plain_value(v) for v in row] for row in frame.itertuples(index=False, name=None))
    return csv_text([str(c) for c in frame.columns], rows)


def render_html(report: ClassReport, images: list[tuple[str, str]]) -> str:
    """The HTML summary; ``images`` are ``(file name, alt text)`` pairs. Everything is escaped."""
    learner_columns = ["learner", "file", "coverage", "micro_precision", "micro_recall", "micro_f1"]
    learner_columns += [f"{c}_f1" for c in report.stack.key.categories]
    problems = [
        f"{Problem(f, m, None if line is pd.NA else int(line))} ({s})"
        for f, line, s, m in report.problems_frame().itertuples(index=False, name=None)
    ]
    return render(
        "class_report.html",
        title=f"Class report: {report.exercise.title}",
        case_title=report.title,
        totals=totals_line(report),
        notes=report.notes,
        agreement=table_html(report.agreement, AGREEMENT_CAPTION),
        images=images,
        hardest=table_html(hardest_table(report, 20), "The 20 hardest (passage, category) pairs"),
        learners=table_html(report.learners[learner_columns], "Scores per learner"),
        problems=problems,
    )


def write_report(report: ClassReport, out: Path | str, plots: bool = True) -> list[Path]:
    """Write the report's files into ``out`` (created if needed); return their paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in (
        ("learners.csv", report.learners),
        ("passages.csv", report.passages),
        ("agreement.csv", report.agreement),
        ("problems.csv", report.problems_frame()),
    ):
        path = out / name
        path.write_text(frame_csv(frame), encoding="utf-8", newline="")
        written.append(path)
    images = []
    if plots:
        for plot in figures(report):
            written.append(plot.save(out))
            images.append((f"{plot.name}.png", plot.alt))
    index = out / "index.html"
    index.write_text(render_html(report, images), encoding="utf-8")
    written.append(index)
    return written
