"""A class report from a folder of learners' tag files: tables, figures and an HTML summary.

:func:`load_folder` reads every ``.json`` and ``.csv`` file in a folder (``.bak`` backups and
hidden files are skipped), :func:`load_uploads` the same from uploaded files; a bad file is
listed as a problem and every good file is still used.
:func:`build_report` scores the whole class at once on stacked arrays; :func:`write_report`
writes ``learners.csv``, ``passages.csv``, ``agreement.csv``, ``problems.csv``, the figures and
``index.html``. In the CSV files an empty cell means "undefined", and every text cell is made
safe for spreadsheets. The HTML escapes everything a learner wrote.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from medialit.agreement import number_text
from medialit.case import Case, Exercise
from medialit.plots import Plot, article_strip_plot, category_scores_plot, heatmap_plot
from medialit.problems import Problem, ProblemsError, display_name
from medialit.scoring import (
    COUNTS,
    ClassTags,
    Score,
    class_alpha,
    class_shares,
    consensus,
    key_matrix,
    micro,
    stack_tags,
    statistics,
    table_counts,
)
from medialit.tags import TagSet, csv_text, parse_tag_file, read_limited

TAG_SUFFIXES = (".json", ".csv")
AGREEMENT_CAPTION = (
    "Per category: Krippendorff's alpha among learners, and the class consensus against the key"
)


@dataclass
class ClassReport:
    """Everything in a class report, as tables."""

    exercise: Exercise
    stack: ClassTags
    learners: pd.DataFrame
    passages: pd.DataFrame
    agreement: pd.DataFrame
    category_labels: dict[str, str]
    title: str = ""
    errors: list[Problem] = field(default_factory=list)  # files that could not be used
    warnings: list[Problem] = field(default_factory=list)  # reported and skipped within good files

    @property
    def bad_files(self) -> list[str]:
        """The files that could not be used, each once."""
        return list(dict.fromkeys(problem.file for problem in self.errors))

    def problems_frame(self) -> pd.DataFrame:
        """Every problem: ``file, line, severity, message``."""
        rows = [(p.file, p.row, "error", p.message) for p in self.errors]
        rows += [(p.file, p.row, "warning", p.message) for p in self.warnings]
        frame = pd.DataFrame(rows, columns=["file", "line", "severity", "message"])
        frame["line"] = frame["line"].astype("Int64")
        return frame


# --- reading ------------------------------------------------------------------------------------


def load_folder(folder: Path | str, case: Case) -> tuple[list[TagSet], list[Problem]]:
    """Every learner's tags in ``folder`` and the problems of the files that could not be used."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ProblemsError([Problem(display_name(folder), "is not a folder")])
    paths = [
        path
        for path in sorted(folder.iterdir())
        if not (path.name.startswith(".") or path.suffix.lower() == ".bak" or path.is_dir())
    ]
    return _load_files(((display_name(path), partial(read_limited, path)) for path in paths), case)


def load_uploads(files: Iterable[tuple[str, bytes]], case: Case) -> tuple[list[TagSet], list[Problem]]:
    """Like :func:`load_folder`, for uploaded ``(name, content)`` files (names may repeat)."""
    named = ((name or "(a file without a name)", partial(bytes, content)) for name, content in files)
    return _load_files(named, case)


def _load_files(
    files: Iterable[tuple[str, Callable[[], bytes]]], case: Case
) -> tuple[list[TagSet], list[Problem]]:
    """The tags of every ``(name, read)`` file; a file that cannot be used becomes its problems."""
    tagsets: list[TagSet] = []
    errors: list[Problem] = []
    for name, read in files:
        if not name.lower().endswith(TAG_SUFFIXES):
            errors.append(Problem(name, "is not a tag file (expected .json or .csv); skipped"))
            continue
        try:
            tagsets += parse_tag_file(read(), name, case)
        except ProblemsError as error:
            errors += error.problems
    return tagsets, errors


# --- building -----------------------------------------------------------------------------------


def _learners_frame(stack: ClassTags, tagsets: list[TagSet]) -> pd.DataFrame:
    counts = table_counts(stack.tagged, stack.key)  # each learners x categories
    stats = statistics(counts)
    pooled = micro(counts)
    total = len(stack.key.passage_ids)
    reviewed = stack.reviewed.sum(axis=1)
    columns: dict[str, Any] = {
        "learner": list(stack.labels),
        "file": list(stack.sources),
        "reviewed": reviewed,
        "total": total,
        "coverage": reviewed / total if total else np.nan,
    }
    for name in ("tp", "fp", "fn", "precision", "recall", "f1"):
        columns[f"micro_{name}"] = pooled[name]
    for c, category in enumerate(stack.key.categories):
        for name in COUNTS:
            columns[f"{category}_{name}"] = counts[name][:, c]
        for name, values in stats.items():
            columns[f"{category}_{name}"] = values[:, c]
    columns["warnings"] = [len(t.problems) for t in tagsets]
    return pd.DataFrame(columns)


def _passages_frame(stack: ClassTags, case: Case) -> pd.DataFrame:
    key = stack.key
    tagged, reviewed, share = class_shares(stack)
    n_p, n_c = tagged.shape
    status = np.where(key.clear, "clear", np.where(key.arguable, "arguable", "none"))
    with np.errstate(invalid="ignore"):
        difficulty = np.where(key.clear, 1 - share, np.where(key.arguable, np.nan, share))
    subtypes = key.rows["subtype"]
    frame = pd.DataFrame(
        {
            "passage_id": np.repeat(key.passage_ids, n_c),
            "position": np.repeat(np.arange(1, n_p + 1), n_c),
            "category": np.tile(key.categories, n_p),
            "key": status.ravel(),
            "reviewed": reviewed.ravel(),
            "tagged": tagged.ravel(),
            "share": share.ravel(),
            "difficulty": difficulty.ravel(),
        }
    )
    frame["subtype"] = [
        subtypes.get((p, c), "") for p, c in zip(frame["passage_id"], frame["category"], strict=True)
    ]
    frame["text"] = case.passages.loc[list(frame["passage_id"]), "text"].to_numpy()
    return frame.sort_values(
        ["difficulty", "position"], ascending=[False, True], na_position="last"
    ).reset_index(drop=True)


def _agreement_frame(stack: ClassTags, learners: pd.DataFrame) -> pd.DataFrame:
    key = stack.key
    agreed = consensus(stack)
    counts = table_counts(agreed, key)
    stats = statistics(counts)
    reviewers = stack.reviewed.sum(axis=0)
    frame = pd.DataFrame(
        {
            "category": key.categories,
            "learners": len(stack.labels),
            "pairable_passages": int((reviewers >= 2).sum()),
            "alpha": class_alpha(stack),
            "mean_learner_f1": [_nanmean(learners[f"{c}_f1"].to_numpy(float)) for c in key.categories],
            "mean_learner_kappa": [_nanmean(learners[f"{c}_kappa"].to_numpy(float)) for c in key.categories],
        }
    )
    for name in COUNTS:
        frame[f"consensus_{name}"] = counts[name]
    for name, values in stats.items():
        frame[f"consensus_{name}"] = values
    return frame


def _nanmean(values: np.ndarray) -> float:
    finite = values[~np.isnan(values)]
    return float(finite.mean()) if finite.size else float("nan")


def build_report(
    tagsets: list[TagSet],
    case: Case,
    exercise: str | Exercise = "article",
    errors: list[Problem] | None = None,
) -> ClassReport:
    """Score a class: per-learner scores, per-passage shares, agreement and the consensus."""
    key = key_matrix(case, exercise)
    stack = stack_tags(tagsets, key)
    learners = _learners_frame(stack, tagsets)
    return ClassReport(
        exercise=key.exercise,
        stack=stack,
        learners=learners,
        passages=_passages_frame(stack, case),
        agreement=_agreement_frame(stack, learners),
        category_labels={c: case.categories[c]["label"] for c in key.categories},
        title=case.title,
        errors=list(errors or []),
        warnings=[problem for tagset in tagsets for problem in tagset.problems],
    )


def hardest_table(report: ClassReport, n: int = 10) -> pd.DataFrame:
    """The ``n`` (passage, category) pairs the class found hardest (pairs without a difficulty left out)."""
    columns = ["passage_id", "category", "key", "subtype", "reviewed", "tagged", "share", "difficulty"]
    return report.passages.dropna(subset=["difficulty"]).head(n)[columns]


# --- figures ------------------------------------------------------------------------------------


def figures(report: ClassReport) -> list[Plot]:
    """The report's three figures: category scores, the article strip, the learner heat map."""
    key = report.stack.key
    means = pd.DataFrame(
        {
            metric: [_nanmean(report.learners[f"{c}_{metric}"].to_numpy(float)) for c in key.categories]
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


# --- writing ------------------------------------------------------------------------------------


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


def totals_line(report: ClassReport) -> str:
    """One line of totals for the command line and the HTML summary."""
    mean = _nanmean(report.learners["micro_f1"].to_numpy(float))
    return (
        f"{len(report.learners)} learner(s) scored on {report.exercise.exercise_id}, "
        f"{len(report.bad_files)} bad file(s), {len(report.warnings)} warning(s); "
        f"mean micro F1 {number_text(mean)}"
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


# --- one learner, as text -------------------------------------------------------------------------


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
