"""Scores and agreement as plain text, for the command line and ``print``."""

from __future__ import annotations

import pandas as pd

from medialit.common.numbers import number_text
from medialit.scoring.class_report import ClassReport
from medialit.scoring.counts import COUNTS
from medialit.scoring.learner import Score
from medialit.scoring.statistics import nan_mean


def format_score(result: Score, notes: pd.DataFrame, labels: dict[str, str]) -> str:
    """One learner's scores and feedback as plain text (what ``medialit score`` prints)."""
    lines = [
        f"{result.learner}: {result.exercise_id}, reviewed {result.reviewed} of {result.total} passages "
        f"(coverage {number_text(result.coverage)}); micro F1 {number_text(result.micro_f1)}",
        "",
        f"{'category':<20} {'tp':>4} {'fp':>4} {'fn':>4} {'tn':>4} {'precision':>10} {'recall':>10} "
        f"{'F1':>10} {'kappa':>10}",
    ]
    for category, row in result.categories.iterrows():
        lines.append(
            f"{labels.get(category, category):<20} "
            + " ".join(f"{int(row[name]):>4}" for name in COUNTS)
            + " "
            + " ".join(f"{number_text(row[name]):>10}" for name in ("precision", "recall", "f1", "kappa"))
        )
    if result.cues.pairs:
        lines += [
            "",
            f"Cue words: {result.cues.pairs} pair(s); precision {number_text(result.cues.precision)}, "
            f"recall {number_text(result.cues.recall)}, F1 {number_text(result.cues.f1)}",
        ]
    differences = notes[notes["status"].isin(["missed", "extra"])]
    if len(differences):
        lines += ["", "Differences from the key:"]
    for row in differences.itertuples(index=False):
        label = labels.get(row.category, row.category)
        if row.status == "missed":
            unread = "" if row.reviewed else " (not reviewed)"
            lines.append(
                f"- {row.passage_id} {label}: missed{unread}; the key's cue is {row.cue!r} ({row.subtype})"
            )
            lines.append(f"    {row.rationale}")
        else:
            lines.append(f"- {row.passage_id} {label}: extra; the key gives no {label.lower()} tag here")
    return "\n".join(lines)


def totals_line(report: ClassReport) -> str:
    """One line of totals for the command line and the HTML summary."""
    mean = nan_mean(report.learners["micro_f1"].to_numpy(float))
    return (
        f"{len(report.learners)} learner(s) scored on {report.exercise.exercise_id}, "
        f"{len(report.bad_files)} bad file(s), {len(report.warnings)} warning(s); "
        f"mean micro F1 {number_text(mean)}"
    )


def format_agreement(table: pd.DataFrame) -> str:
    """The agreement table as Markdown, with kappa to two decimals ("undefined" where it is)."""
    lines = [
        "| category | both tagged | first only | second only | neither | observed | Cohen's kappa |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for category, row in table.iterrows():
        lines.append(
            f"| {category} | {row['both']:.0f} | {row['first_only']:.0f} | {row['second_only']:.0f} | "
            f"{row['neither']:.0f} | {row['observed']:.2f} | {number_text(row['kappa'])} |"
        )
    return "\n".join(lines)
