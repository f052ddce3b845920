"""Write a class report: CSV tables, figures and an ``index.html`` summary.

In the CSV files an empty cell means "undefined", and every text cell is made safe for
spreadsheets. The HTML escapes everything a learner wrote.
"""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from medialit.common.csv_text import csv_text
from medialit.common.problems import Problem
from medialit.rendering.report_figures import figures
from medialit.rendering.text import totals_line
from medialit.scoring.class_report import ClassReport, hardest_table

AGREEMENT_CAPTION = (
    "Per category: Krippendorff's alpha among learners, and the class consensus against the key"
)


def _cell(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else round(float(value), 4)
    if isinstance(value, (np.integer, np.bool_)):
        return value.item()
    return value


def frame_csv(frame: pd.DataFrame) -> str:
    """A table as spreadsheet-safe CSV text; undefined values are empty cells."""
    rows = ([_cell(v) for v in row] for row in frame.itertuples(index=False, name=None))
    return csv_text([str(c) for c in frame.columns], rows)


def _html_value(value: Any) -> str:
    value = _cell(value)
    if value is None:
        return "undefined"
    if isinstance(value, float):
        return f"{value:.2f}"
    return html.escape(str(value))


def _html_table(frame: pd.DataFrame, caption: str) -> str:
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in frame.columns)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{_html_value(v)}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False, name=None)
    )
    return (
        f"<table>\n<caption>{html.escape(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n"
        f"<tbody>\n{body}\n</tbody>\n</table>"
    )


def render_html(report: ClassReport, images: list[tuple[str, str]]) -> str:
    """The HTML summary; ``images`` are ``(file name, alt text)`` pairs. Everything is escaped."""
    learner_columns = ["learner", "file", "coverage", "micro_precision", "micro_recall", "micro_f1"]
    learner_columns += [f"{c}_f1" for c in report.stack.key.categories]
    figures_html = "\n".join(
        f'<figure><img src="{html.escape(name)}" alt="{html.escape(alt)}">'
        f"<figcaption>{html.escape(alt.split('. ')[0])}.</figcaption></figure>"
        for name, alt in images
    )
    problems = report.problems_frame()
    problem_items = "\n".join(
        f"<li>{html.escape(str(Problem(f, m, None if line is pd.NA else int(line))))} ({html.escape(s)})</li>"
        for f, line, s, m in problems.itertuples(index=False, name=None)
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Class report: {html.escape(report.exercise.title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 72rem; margin: 1rem auto; padding: 0 1rem; }}
table {{ border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }}
th, td {{ border: 1px solid #999; padding: 0.2rem 0.5rem; text-align: left; }}
caption {{ font-weight: bold; text-align: left; }}
img {{ max-width: 100%; height: auto; }}
</style>
</head>
<body>
<main>
<h1>Class report: {html.escape(report.exercise.title)}</h1>
<p>{html.escape(report.title)}</p>
<p>{html.escape(totals_line(report))}</p>
<p>Undefined values (for example kappa when both sides are constant) are shown as "undefined"
and left empty in the CSV files. Key tags marked arguable are neither required nor wrong.</p>
<h2>Agreement and the class consensus</h2>
{_html_table(report.agreement, AGREEMENT_CAPTION)}
<h2>Figures</h2>
{figures_html}
<h2>The hardest passages</h2>
{_html_table(hardest_table(report, 20), "The 20 hardest (passage, category) pairs")}
<h2>Learners</h2>
{_html_table(report.learners[learner_columns], "Scores per learner")}
<h2>Problems</h2>
<ul>
{problem_items or "<li>None.</li>"}
</ul>
</main>
</body>
</html>
"""


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
