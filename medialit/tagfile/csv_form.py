"""The flat CSV form of tag files: ``learner,passage_id,category``.

One row per tag, and one row with an empty category for a passage reviewed and given no tag.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from medialit.common.csv_text import csv_text, spreadsheet_unsafe
from medialit.common.problems import Problem, ProblemsError
from medialit.tagfile.left_out import repeated_category, unknown_category, unknown_passage, wrong_cells
from medialit.tagfile.model import CaseLike, TagSet

CSV_COLUMNS = ("learner", "passage_id", "category")


def tags_to_csv(tagsets: Iterable[TagSet]) -> str:
    """The flat CSV form: ``learner,passage_id,category``; an empty category means "reviewed, no tag"."""
    rows = []
    for tagset in tagsets:
        learner = tagset.learner or ""
        for pid, categories in tagset.tags.items():
            rows += [(learner, pid, category) for category in categories] or [(learner, pid, "")]
    return csv_text(CSV_COLUMNS, rows)


def parse_tags_csv(text: str, case: CaseLike, name: str = "<csv>") -> list[TagSet]:
    """Tag sets (one per learner, in order of first appearance) from the flat CSV form."""
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ProblemsError([Problem(name, f"is not a readable CSV file ({error})")]) from None
    if not rows or [cell.strip().lstrip("\ufeff") for cell in rows[0]] != list(CSV_COLUMNS):
        header = ",".join(CSV_COLUMNS)
        raise ProblemsError([Problem(name, f"does not start with the header line {header}")])
    file_problems: list[Problem] = []
    by_learner: dict[str, tuple[dict[str, list[str]], list[Problem]]] = {}
    known_ids, known_categories = set(case.passages.index), case.categories
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(CSV_COLUMNS):
            file_problems.append(wrong_cells(name, len(row), len(CSV_COLUMNS), line))
            continue
        learner, pid, category = (spreadsheet_unsafe(cell.strip()) for cell in row)
        tags, problems = by_learner.setdefault(learner, ({}, []))
        if pid not in known_ids:
            problems.append(unknown_passage(name, pid, row=line))
            continue
        given = tags.setdefault(pid, [])
        if not category:
            continue
        if category not in known_categories:
            problems.append(unknown_category(name, category, pid, row=line))
        elif category in given:
            problems.append(repeated_category(name, category, pid, line))
        else:
            given.append(category)
    if not by_learner:
        raise ProblemsError(file_problems or [Problem(name, "holds no tags, only its header line")])
    return [
        TagSet(
            case=case.case_id,
            tags=tags,
            learner=learner or None,
            source=name,
            problems=(file_problems if i == 0 else []) + problems,
        )
        for i, (learner, (tags, problems)) in enumerate(by_learner.items())
    ]
