"""Write a class report: CSV tables, figures and an ``index.html`` summary.

A class that handed in both tests also gets ``gains.csv`` (per skill: learners paired, mean
before and after, the gain and its 95% bootstrap interval) and ``calibration.csv`` (per test and
level of confidence: answers, stated probability, share right, the test's Brier score), and a
"Before and after" section on the page.

In the CSV files an empty cell means "undefined", and every text cell is made safe for
spreadsheets. The HTML escapes everything a learner wrote.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from medialit.common.csv_text import csv_text
from medialit.rendering.html import fragment, plain_value, render
from medialit.rendering.report_before_after import before_after_figures, before_after_html
from medialit.rendering.report_figures import figures
from medialit.rendering.report_parts import agreement_html, hardest_html, learners_html, problem_lines
from medialit.rendering.text import totals_line
from medialit.scoring.class_report import ClassReport

#: How many of the hardest passages the report page lists.
HARDEST_ON_PAGE = 20


def frame_csv(frame: pd.DataFrame) -> str:
    """A table as spreadsheet-safe CSV text; undefined values are empty cells."""
    rows = ([plain_value(v) for v in row] for row in frame.itertuples(index=False, name=None))
    return csv_text([str(c) for c in frame.columns], rows)


def render_html(
    report: ClassReport, images: list[tuple[str, str]], before_after_images: Sequence[tuple[str, str]] = ()
) -> str:
    """The HTML summary; ``images`` are ``(file name, alt text)`` pairs. Everything is escaped.

    ``before_after_images`` are the figures of the "Before and after" section, if the report has one.
    """
    tests = report.before_after
    figures = [fragment("figure.html", name=name, alt=alt) for name, alt in before_after_images]
    return render(
        "class_report.html",
        title=f"Class report: {report.exercise.title}",
        case_title=report.title,
        totals=totals_line(report),
        notes=report.notes,
        agreement=agreement_html(report),
        images=images,
        hardest=hardest_html(report, HARDEST_ON_PAGE),
        learners=learners_html(report),
        problems=problem_lines(report),
        before_after=before_after_html(tests, figures) if tests else None,
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
    tests = report.before_after
    if tests:
        for name, frame in (("gains.csv", tests.gains), ("calibration.csv", tests.calibration)):
            path = out / name
            path.write_text(frame_csv(frame), encoding="utf-8", newline="")
            written.append(path)
    images: list[tuple[str, str]] = []
    before_after_images: list[tuple[str, str]] = []
    if plots:
        for plot in figures(report):
            written.append(plot.save(out))
            images.append((f"{plot.name}.png", plot.alt))
        for plot in before_after_figures(tests) if tests else []:
            written.append(plot.save(out))
            before_after_images.append((f"{plot.name}.png", plot.alt))
    index = out / "index.html"
    index.write_text(render_html(report, images, before_after_images), encoding="utf-8")
    written.append(index)
    return written
