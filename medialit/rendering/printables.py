"""Printable worksheets and answer keys, generated from the case as print-styled HTML.

A worksheet lists an exercise's passages with an empty box per category and room for notes,
for classes without computers or when Binder is down. The answer key, for instructors, lists
the key's judgements on the same passages with cue, subtype, strength and rationale, and the
sources each rests on by name (linked to their entries in the ledger, when the caller knows where
they are) with what checking them found.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from medialit.case.labels import category_labels, subtype_label
from medialit.case.model import Case
from medialit.rendering.html import render
from medialit.rendering.passages import highlight

#: The address of a ledger entry by source id, or ``None`` when it has none.
SourceURL = Callable[[str], str | None]


def key_sources(case: Case, sources: str, source_url: SourceURL | None = None) -> list[dict[str, str | None]]:
    """A key row's ``sources`` (``;``-separated ledger ids) as names and ledger addresses."""
    ids = [part.strip() for part in sources.split(";") if part.strip()]
    return [
        {
            "name": str(case.sources.at[source_id, "name"]) if source_id in case.sources.index else source_id,
            "url": source_url(source_id) if source_url else None,
        }
        for source_id in ids
    ]


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


def _judgement(case: Case, text: str, row: Any, source_url: SourceURL | None) -> dict[str, Any]:
    """One key row as the answer key shows it."""
    return {
        "label": category_labels(case)[row.category],
        "subtype": subtype_label(case, row.category, row.subtype),
        "arguable": row.strength == "arguable",
        "highlighted": Markup(highlight(text, row.cue)),
        "rationale": row.rationale,
        "sources": key_sources(case, row.sources, source_url),
        "check": row.check,
    }


def answer_key_html(case: Case, exercise_id: str, source_url: SourceURL | None = None) -> str:
    """The instructor's answer key for an exercise: every key judgement, explained.

    ``source_url`` gives a ledger entry's address by source id (as seen from where the answer key
    is served); without it, or where it gives ``None``, sources are named without a link.
    """
    exercise = case.exercise(exercise_id)
    key = case.key[
        case.key["passage_id"].isin(exercise.passage_ids) & case.key["category"].isin(exercise.categories)
    ]
    passages, linked = [], False
    for passage_id in exercise.passage_ids:
        rows = key[key["passage_id"] == passage_id]
        if rows.empty:
            continue
        text = str(case.passages.loc[passage_id, "text"])
        judgements = [_judgement(case, text, row, source_url) for row in rows.itertuples()]
        linked = linked or any(source["url"] for item in judgements for source in item["sources"])
        passages.append({"id": passage_id, "text": text, "judgements": judgements})
    return render(
        "answer_key.html",
        title=f"Answer key: {exercise.title}",
        kind="Answer key",
        case=case,
        exercise=exercise,
        passages=passages,
        linked=linked,
    )


def printable_name(kind: str, exercise_id: str) -> str:
    """The file name of a printable: ``worksheet-<exercise>.html`` or ``answer-key-<exercise>.html``."""
    return f"{kind}-{exercise_id}.html"


def write_printables(case: Case, folder: Path, source_url: SourceURL | None = None) -> list[Path]:
    """Write a worksheet and an answer key for every exercise into ``folder``.

    ``source_url`` is passed to :func:`answer_key_html`.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for exercise_id in case.exercise_ids:
        if exercise_id == "article":
            continue
        pages = {
            "worksheet": worksheet_html(case, exercise_id),
            "answer-key": answer_key_html(case, exercise_id, source_url),
        }
        for kind, page in pages.items():
            path = folder / printable_name(kind, exercise_id)
            path.write_text(page, encoding="utf-8")
            written.append(path)
    return written
