"""Scores and agreement as plain text, for the command line and ``print``."""

from __future__ import annotations

import pandas as pd

from medialit.case.model import Case
from medialit.common.cues import split_cues
from medialit.common.numbers import number_text
from medialit.scoring.annotation import heldout_scores, pass_agreement, pass_pairs, passes_against_key
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
        "Kappa first: 0 is what ticking everything (or nothing) gets; the baseline columns show it.",
        "",
        f"{'category':<20} {'kappa':>8} {'baseline':>8} {'tp':>4} {'fp':>4} {'fn':>4} {'tn':>4} "
        f"{'precision':>10} {'recall':>10} {'F1':>10} {'baseline':>8}",
    ]
    for category, row in result.categories.iterrows():
        baseline = result.baseline.loc[category]
        lines.append(
            f"{labels.get(category, category):<20} "
            f"{number_text(row['kappa']):>8} {number_text(baseline['kappa']):>8} "
            + " ".join(f"{int(row[name]):>4}" for name in COUNTS)
            + " "
            + " ".join(f"{number_text(row[name]):>10}" for name in ("precision", "recall", "f1"))
            + f" {number_text(baseline['f1']):>8}"
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
            cues = " or ".join(repr(cue) for cue in split_cues(row.cue))
            lines.append(
                f"- {row.passage_id} {label}: missed{unread}; the key's cue is {cues} ({row.subtype})"
            )
            lines.append(f"    {row.rationale}")
        elif row.not_this:
            lines.append(f"- {row.passage_id} {label}: extra; the key does not tag it: {row.not_this}")
        else:
            lines.append(f"- {row.passage_id} {label}: extra; the key gives no {label.lower()} tag here")
    return "\n".join(lines)


def not_scored_sentence(file: str, count: int, exercise_id: str, recorded: str | None) -> str:
    """Why ``count`` reviewed passages of ``file`` were not scored: they are not in the exercise.

    ``recorded`` is the exercise the file says it was made for (``None`` when it does not say).
    """
    if recorded is None:
        why = "the file does not say which exercise it was made for"
    elif recorded != exercise_id:
        why = f"the file was made for the {recorded} exercise"
    else:
        why = "they may come from an older version of the exercise"
    passages, are, were = ("passage", "is", "it was") if count == 1 else ("passages", "are", "they were")
    return (
        f"{count} reviewed {passages} of {file} {are} not part of the {exercise_id} exercise, "
        f"so {were} not scored ({why})."
    )


def totals_line(report: ClassReport) -> str:
    """One line of totals for the command line and the HTML summary."""
    mean = nan_mean(report.learners["micro_f1"].to_numpy(float))
    left_out = f"{len(report.left_out)} file(s) left out, " if report.left_out else ""
    return (
        f"{len(report.learners)} learner(s) scored on {report.exercise.exercise_id}, "
        f"{len(report.bad_files)} bad file(s), {left_out}{len(report.warnings)} warning(s); "
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


def format_key_agreement(table: pd.DataFrame, corner: str = "pass") -> str:
    """A table of figures per category (rows: passes, or scores), as Markdown; ``pass_c`` shows as C."""
    lines = [
        f"| {corner} | " + " | ".join(table.columns) + " |",
        "| --- |" + " ---: |" * len(table.columns),
    ]
    for role, row in table.iterrows():
        name = str(role).removeprefix("pass_").upper() if str(role).startswith("pass_") else str(role)
        lines.append(f"| {name} | " + " | ".join(number_text(value) for value in row) + " |")
    return "\n".join(lines)


def agreement_markdown(case: Case) -> str:
    """Every round of two passes with its agreement table, then each pass against the key.

    This is what ``python -m medialit agreement`` prints and what the data README reports.
    """
    parts = []
    for first, second in pass_pairs(case):
        a, b = (role.removeprefix("pass_").upper() for role in (first, second))
        table = pass_agreement(
            case.annotation_pass(first),
            case.annotation_pass(second),
            case.passages.index,
            list(case.categories),
        )
        parts += [f"Passes {a} (first) and {b} (second):", "", format_agreement(table), ""]
    parts += [
        "Each pass against the adjudicated key (Cohen's kappa):",
        "",
        format_key_agreement(passes_against_key(case)),
    ]
    heldout = heldout_scores(case)
    if heldout is not None:
        parts += [
            "",
            "A held-out pass (G), made after the key was final and never used to change it, "
            "scored as a learner:",
            "",
            format_key_agreement(heldout.T, corner="score"),
        ]
    return "\n".join(parts)
