"""Check the case data: every file, every row, every reference between files.

:func:`check_case` never stops at the first problem: it reports all it can find, each with the
file and line, so an author can fix a broken copy of the data in one pass.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medialit.case.columns import (
    KEY_COLUMNS,
    LINK_COLUMNS,
    NOT_THIS_COLUMNS,
    PASSAGE_COLUMNS,
    PRIMER_ACTOR_COLUMNS,
    PRIMER_EVENT_COLUMNS,
    PRIMER_PLACE_COLUMNS,
    SOURCE_CHECK_COLUMNS,
    SOURCE_COLUMNS,
)
from medialit.case.files import Row, read_json, read_rows, read_text
from medialit.case.lateral import lateral_problems
from medialit.case.paths import MANIFEST
from medialit.case.primer import PRIMER_ROLES, event_day, readme_sources, split_ids, split_words
from medialit.common.cues import split_cues
from medialit.common.problems import Problem, display_name
from medialit.schemas import schema_errors


@dataclass
class CaseReport:
    """What :func:`check_case` found: the problems and a few counts for the summary."""

    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def _rows_against_schema(
    path: Path, columns: tuple[str, ...], schema: str, report: CaseReport
) -> list[tuple[int, Row]]:
    """Read a CSV file and keep the rows that match their schema; report the others."""
    rows, problems = read_rows(path, columns)
    report.problems += problems
    good = []
    for line, row in rows:
        errors = schema_errors(schema, row)
        report.problems += [Problem(display_name(path), error, line) for error in errors]
        if not errors:
            good.append((line, row))
    return good


def _duplicates(path: Path, rows: list[tuple[int, Row]], *columns: str) -> list[Problem]:
    """Report rows that repeat the value(s) of ``columns`` seen on an earlier row."""
    seen: dict[tuple[str, ...], int] = {}
    problems = []
    for line, row in rows:
        value = tuple(row[column] for column in columns)
        if value in seen:
            shown = ", ".join(value)
            problems.append(
                Problem(
                    display_name(path),
                    f"duplicate {'/'.join(columns)} {shown} (first on line {seen[value]})",
                    line,
                )
            )
        else:
            seen[value] = line
    return problems


def _check_passages(path: Path, article: str | None, report: CaseReport) -> dict[str, Row]:
    rows = _rows_against_schema(path, PASSAGE_COLUMNS, "passages.row", report)
    name = display_name(path)
    report.problems += _duplicates(path, rows, "passage_id")
    previous_end, previous_id = 0, None
    for line, row in sorted(rows, key=lambda item: int(item[1]["start"])):
        start, end = int(row["start"]), int(row["end"])
        if start >= end:
            report.problems.append(
                Problem(name, f"{row['passage_id']}: start {start} is not before end {end}", line)
            )
        elif article is not None and end > len(article):
            report.problems.append(
                Problem(
                    name, f"{row['passage_id']}: end {end} is past the article's end ({len(article)})", line
                )
            )
        elif article is not None and article[start:end] != row["text"]:
            report.problems.append(
                Problem(name, f"{row['passage_id']}: text does not match the article at {start}-{end}", line)
            )
        if start < previous_end:
            report.problems.append(
                Problem(name, f"{row['passage_id']}: offsets {start}-{end} overlap {previous_id}", line)
            )
        previous_end, previous_id = max(previous_end, end), row["passage_id"]
    report.counts["passages"] = len(rows)
    return {row["passage_id"]: row for _, row in rows}


def _check_links(path: Path, article: str | None, passages: dict[str, Row], report: CaseReport) -> None:
    rows = _rows_against_schema(path, LINK_COLUMNS, "links.row", report)
    name = display_name(path)
    linked = set()
    for line, row in rows:
        passage = passages.get(row["passage_id"])
        start, end = int(row["start"]), int(row["end"])
        if passage is None:
            report.problems.append(Problem(name, f"unknown passage id {row['passage_id']}", line))
            continue
        linked.add(row["passage_id"])
        if not int(passage["start"]) <= start < end <= int(passage["end"]):
            report.problems.append(
                Problem(name, f"link {start}-{end} is not inside {row['passage_id']}", line)
            )
        elif article is not None and article[start:end] != row["text"]:
            report.problems.append(
                Problem(name, f"link text does not match the article at {start}-{end}", line)
            )
    for passage_id, passage in passages.items():
        if (passage["has_link"] == "true") != (passage_id in linked):
            report.problems.append(
                Problem(
                    display_name(path.parent / "passages.csv"),
                    f"{passage_id}: has_link disagrees with links.csv",
                )
            )
    report.counts["links"] = len(rows)


def _check_taxonomy(path: Path, report: CaseReport) -> dict[str, set[str]]:
    """Return each category id with its subtype ids."""
    taxonomy, problems = read_json(path)
    report.problems += problems
    if taxonomy is None:
        return {}
    errors = schema_errors("taxonomy", taxonomy)
    report.problems += [Problem(display_name(path), error) for error in errors]
    if errors:
        return {}
    ids = Counter(category["id"] for category in taxonomy["categories"])
    report.problems += [
        Problem(display_name(path), f"duplicate category id {i}") for i, n in ids.items() if n > 1
    ]
    categories = {c["id"]: {s["id"] for s in c["subtypes"]} for c in taxonomy["categories"]}
    report.counts["categories"] = len(categories)
    return categories


def _check_pair(
    name: str, line: int, row: Row, passages: dict[str, Row], categories: dict[str, set[str]]
) -> list[Problem]:
    """Problems with a row's passage id and category (and subtype, where the row has one)."""
    problems = []
    if row["passage_id"] not in passages:
        problems.append(Problem(name, f"unknown passage id {row['passage_id']}", line))
    if categories and row["category"] not in categories:
        problems.append(Problem(name, f"unknown category {row['category']!r}", line))
    elif categories and "subtype" in row and row["subtype"] not in categories[row["category"]]:
        problems.append(Problem(name, f"unknown subtype {row['subtype']!r} for {row['category']}", line))
    return problems


def _check_key(
    path: Path,
    passages: dict[str, Row],
    categories: dict[str, set[str]],
    source_ids: dict[str, Row],
    report: CaseReport,
) -> set[tuple[str, str]]:
    """Check the key's rows; return its (passage, category) pairs."""
    rows = _rows_against_schema(path, KEY_COLUMNS, "key.row", report)
    name = display_name(path)
    report.problems += _duplicates(path, rows, "passage_id", "category")
    for line, row in rows:
        report.problems += _check_pair(name, line, row, passages, categories)
        text = passages[row["passage_id"]]["text"] if row["passage_id"] in passages else ""
        for cue in split_cues(row["cue"]) if text else []:
            if cue not in text:
                report.problems.append(
                    Problem(name, f"cue {cue!r} is not in the text of {row['passage_id']}", line)
                )
        unknown = [s for s in row["sources"].split(";") if s and source_ids and s not in source_ids]
        if unknown:
            report.problems.append(
                Problem(name, f"sources names {', '.join(unknown)}, not in the source ledger", line)
            )
    report.counts["key rows"] = len(rows)
    report.counts["arguable"] = sum(row["strength"] == "arguable" for _, row in rows)
    return {(row["passage_id"], row["category"]) for _, row in rows}


def _check_not_this(
    path: Path,
    passages: dict[str, Row],
    categories: dict[str, set[str]],
    keyed: set[tuple[str, str]],
    report: CaseReport,
) -> None:
    """Check the "not this" judgements: known pairs, each once, none that the key also tags."""
    rows = _rows_against_schema(path, NOT_THIS_COLUMNS, "not_this.row", report)
    name = display_name(path)
    report.problems += _duplicates(path, rows, "passage_id", "category")
    for line, row in rows:
        report.problems += _check_pair(name, line, row, passages, categories)
        if (row["passage_id"], row["category"]) in keyed:
            report.problems.append(
                Problem(name, f"{row['passage_id']} {row['category']} is also tagged in the key", line)
            )
    report.counts["not this"] = len(rows)


def _check_sources(path: Path, passages: dict[str, Row], report: CaseReport) -> dict[str, Row]:
    """Check the ledger (a ledger that records a second check must record it on every row); its rows by id."""
    rows = _rows_against_schema(path, SOURCE_COLUMNS, "sources.row", report)
    name = display_name(path)
    present = [column for column in SOURCE_CHECK_COLUMNS if rows and column in rows[0][1]]
    if present and len(present) < len(SOURCE_CHECK_COLUMNS):
        lacking = [column for column in SOURCE_CHECK_COLUMNS if column not in present]
        report.problems.append(Problem(name, f"header lacks column(s): {', '.join(lacking)}", 1))
    report.problems += _duplicates(path, rows, "source_id")
    for line, row in rows:
        unknown = [pid for pid in row["passage_ids"].split(";") if pid not in passages]
        if unknown and passages:
            report.problems.append(Problem(name, f"unknown passage id(s) {', '.join(unknown)}", line))
    report.counts["sources"] = len(rows)
    return {row["source_id"]: row for _, row in rows}


def _check_exercises(
    path: Path,
    manifest: dict[str, Any],
    passages: dict[str, Row],
    categories: dict[str, set[str]],
    report: CaseReport,
) -> None:
    name = display_name(path)
    for exercise_id, exercise in manifest.get("exercises", {}).items():
        unknown = [c for c in exercise["categories"] if categories and c not in categories]
        if unknown:
            report.problems.append(
                Problem(name, f"exercise {exercise_id}: unknown category {', '.join(unknown)}")
            )
        if exercise["passages"] != "all":
            missing = [p for p in exercise["passages"] if passages and p not in passages]
            if missing:
                report.problems.append(
                    Problem(name, f"exercise {exercise_id}: unknown passage id(s) {', '.join(missing)}")
                )
    report.counts["exercises"] = len(manifest.get("exercises", {}))


def _known_sources(
    path: Path, line: int, row: Row, columns: tuple[str, ...], known: set[str]
) -> list[Problem]:
    """A problem naming the ids in ``columns`` of ``row`` that no known source has."""
    unknown = [part for column in columns for part in split_ids(row[column]) if part not in known]
    if not unknown:
        return []
    return [
        Problem(
            display_name(path),
            f"names source(s) {', '.join(unknown)}, in neither the ledger nor the primer's README",
            line,
        )
    ]


def _check_primer(
    files: dict[str, Path], passages: dict[str, Row], source_ids: set[str], report: CaseReport
) -> None:
    """Check the primer's tables: their rows, their passages and key words, their sources."""
    readme, problems = read_text(files["primer_actors"].parent / "README.md")
    report.problems += problems
    known = source_ids | set(readme_sources(readme or ""))
    tables = (
        ("primer_actors", PRIMER_ACTOR_COLUMNS, "actor_id", ("sources",)),
        ("primer_events", PRIMER_EVENT_COLUMNS, "event_id", ("sources",)),
        ("primer_places", PRIMER_PLACE_COLUMNS, "place_id", ("coordinate_source", "sources")),
    )
    for role, columns, id_column, source_columns in tables:
        path = files[role]
        rows = _rows_against_schema(path, columns, role + ".row", report)
        report.problems += _duplicates(path, rows, id_column)
        for line, row in rows:
            report.problems += _known_sources(path, line, row, source_columns, known)
            if role == "primer_events":
                report.problems += _event_problems(path, line, row, passages)
        report.counts[role.replace("_", " ")] = len(rows)


def _event_problems(path: Path, line: int, row: Row, passages: dict[str, Row]) -> list[Problem]:
    """An event's date must be a real day, and each of its passages must contain a key word."""
    name = display_name(path)
    try:
        event_day(row["date"])
    except ValueError:
        return [Problem(name, f"date {row['date']} is not a day of the calendar", line)]
    problems = []
    words = split_words(row["key_words"])
    for passage_id in split_ids(row["passage_ids"]):
        if passage_id not in passages:
            problems.append(Problem(name, f"unknown passage id {passage_id}", line))
        elif not any(word in passages[passage_id]["text"] for word in words):
            problems.append(
                Problem(name, f"{passage_id} contains none of the key words {row['key_words']!r}", line)
            )
    return problems


def _check_lateral(
    path: Path, case_id: str, passages: dict[str, Row], sources: dict[str, Row], report: CaseReport
) -> None:
    """Check the lateral-reading tasks: the schema, then every reference into the case."""
    data, problems = read_json(path)
    report.problems += problems
    if data is None:
        return
    name = display_name(path)
    errors = schema_errors("lateral", data)
    report.problems += [Problem(name, error) for error in errors]
    if errors:
        return
    texts = {pid: row["text"] for pid, row in passages.items()}
    wheres = {source_id: row.get("where", "") for source_id, row in sources.items()}
    report.problems += lateral_problems(data, name, case_id, texts, wheres)
    report.counts["lateral-reading tasks"] = len(data["tasks"])


def check_case(folder: Path) -> CaseReport:
    """Check every file of the case in ``folder`` and the references between them."""
    report = CaseReport()
    manifest_path = folder / MANIFEST
    manifest, problems = read_json(manifest_path)
    report.problems += problems
    if manifest is None:
        return report
    errors = schema_errors("case", manifest)
    if errors:
        report.problems += [Problem(display_name(manifest_path), error) for error in errors]
        return report
    files = {role: folder / relative for role, relative in manifest["files"].items()}
    article, problems = read_text(files["article"])
    report.problems += problems
    passages = _check_passages(files["passages"], article, report)
    _check_links(files["links"], article, passages, report)
    categories = _check_taxonomy(files["taxonomy"], report)
    sources = _check_sources(files["sources"], passages, report)
    keyed = _check_key(files["key"], passages, categories, sources, report)
    if "not_this" in files:
        _check_not_this(files["not_this"], passages, categories, keyed, report)
    if all(role in files for role in PRIMER_ROLES):
        _check_primer(files, passages, set(sources), report)
    _check_exercises(manifest_path, manifest, passages, categories, report)
    if "lateral" in files:
        _check_lateral(files["lateral"], manifest["case"], passages, sources, report)
    return report
