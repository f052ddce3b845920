"""Read the case's files leniently, turning every failure into a :class:`Problem`."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from medialit.common.problems import Problem, display_name

Row = dict[str, str]


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 text file; on failure return ``None`` and the problem."""
    name = display_name(path)
    try:
        return path.read_text(encoding="utf-8"), []
    except FileNotFoundError:
        return None, [Problem(name, "file is missing")]
    except UnicodeDecodeError as error:
        return None, [Problem(name, f"is not UTF-8 text (byte {error.start})")]
    except OSError as error:
        return None, [Problem(name, f"cannot be read ({error.strerror})")]


def read_json(path: Path) -> tuple[Any, list[Problem]]:
    """Read a JSON file; on failure return ``None`` and the problem."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    try:
        return json.loads(text), []
    except json.JSONDecodeError as error:
        return None, [Problem(display_name(path), f"is not valid JSON: {error.msg}", error.lineno)]


def read_rows(path: Path, columns: tuple[str, ...]) -> tuple[list[tuple[int, Row]], list[Problem]]:
    """Read a CSV file into ``(line number, row)`` pairs; check its header has ``columns``."""
    text, problems = read_text(path)
    if text is None:
        return [], problems
    name = display_name(path)
    reader = csv.DictReader(text.splitlines(keepends=True), strict=True)
    try:
        header = reader.fieldnames or []
        missing = [column for column in columns if column not in header]
        if missing:
            return [], [Problem(name, f"header lacks column(s): {', '.join(missing)}", 1)]
        raw = [(reader.line_num, row) for row in reader]
    except csv.Error as error:
        return [], [Problem(name, f"is not valid CSV: {error}", reader.line_num)]
    rows, problems = [], []
    for line, row in raw:
        if None in row.values():
            problems.append(Problem(name, "row has fewer cells than the header", line))
        elif None in row:
            problems.append(Problem(name, "row has more cells than the header", line))
        else:
            rows.append((line, row))
    return rows, problems
