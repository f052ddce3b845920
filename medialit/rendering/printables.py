"""Printable worksheets and answer keys, generated from the case as print-styled HTML.

A worksheet lists an exercise's passages with an empty box per category and room for notes,
for classes without computers or when Binder is down. The answer key, for instructors, lists
the key's judgements on the same passages with cue, subtype, strength and rationale.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from medialit.case.labels import category_labels, subtype_label
from medialit.case.model import Case
from medialit.rendering.html import render
from medialit.rendering.passages import highlight


def worksheet_html(case: Case, exercise_id: str) -> str:
    """A worksheet: the exercise's passages with an empty box per category and a notes column."""
    exercise = case.exercise(exercise_id)
    return render(
        "worksheet.html",
        title=f"Worksheet: {exercise.title}",
        kind="Worksheet",
        case=case,
        exercise=exercise,
        labels=list(category_labels(case, exercise.categories).values()),
        passages=[(pid, str(case.passages.loc[pid, "text"])) for pid in exercise.passage_ids],
    )


def answer_key_html(case: Case, exercise_id: str) -> str:
    """The instructor's answer key for an exercise: every key judgement, explained."""
    exercise = case.exercise(exercise_id)
    key = case.key[
        case.key["passage_id"].isin(exercise.passage_ids) & case.key["category"].isin(exercise.categories)
    ]
    labels = category_labels(case)
    passages = []
    for passage_id in exercise.passage_ids:
        rows = key[key["passage_id"] == passage_id]
        if rows.empty:
            continue
        text = str(case.passages.loc[passage_id, "text"])
        judgements = [
            {
                "label": labels[row.category],
                "subtype": subtype_label(case, row.category, row.subtype),
                "arguable": row.strength == "arguable",
                "highlighted": Markup(highlight(text, row.cue)),
                "rationale": row.rationale,
                "check": row.check,
            }
            for row in rows.itertuples()
        ]
        passages.append({"id": passage_id, "text": text, "judgements": judgements})
    return render(
        "answer_key.html",
        title=f"Answer key: {exercise.title}",
        kind="Answer key",
        case=case,
        exercise=exercise,
        passages=passages,
    )


def printable_name(kind: str, exercise_id: str) -> str:
    """The file name of a printable: ``worksheet-<exercise>.html`` or ``answer-key-<exercise>.html``."""
    return f"{kind}-{exercise_id}.html"


def write_printables(case: Case, folder: Path) -> list[Path]:
    """Write a worksheet and an answer key for every exercise into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for exercise_id in case.exercise_ids:
        if exercise_id == "article":
            continue
        for kind, page in (("worksheet", worksheet_html), ("answer-key", answer_key_html)):
            path = folder / printable_name(kind, exercise_id)
            path.write_text(page(case, exercise_id), encoding="utf-8")
            written.append(path)
    return written
