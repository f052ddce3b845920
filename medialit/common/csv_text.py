"""The one CSV writer, and the spreadsheet-formula guard it applies to every text cell."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

#: A cell starting with one of these is read as a formula by spreadsheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """Neutralise a text cell a spreadsheet would run as a formula, by prefixing ``'``.

    Text starting with ``= + - @``, a tab or a carriage return gets a leading apostrophe (which
    spreadsheets hide); text that already starts with an apostrophe gets another, so that
    :func:`spreadsheet_unsafe` restores every value exactly. Numbers are left alone.
    """
    if isinstance(value, str) and value[:1] in (*FORMULA_START, "'"):
        return "'" + value
    return value


def spreadsheet_unsafe(value: str) -> str:
    """Undo :func:`spreadsheet_safe` on a cell read back from a CSV file."""
    if value[:1] == "'" and value[1:2] in (*FORMULA_START, "'"):
        return value[1:]
    return value


def _as_is(value: Any) -> Any:
    return value


def csv_text(header: Iterable[str], rows: Iterable[Iterable[Any]], *, safe: bool = True) -> str:
    """CSV text with newline line endings; ``None`` is an empty cell.

    With ``safe`` (for files people open in spreadsheets) every text cell is made safe by
    :func:`spreadsheet_safe`; the case's own data files are written as they are (``safe=False``).
    """
    guard = spreadsheet_safe if safe else _as_is
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # The csv module quotes a cell only for the characters of its line ending ("\n"), so a
    # lone carriage return would be written bare and read back as a line break: such a row
    # is written with every cell quoted.
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in [header, *rows]:
        cells = ["" if cell is None else guard(cell) for cell in row]
        (quoted if any(isinstance(cell, str) and "\r" in cell for cell in cells) else writer).writerow(cells)
    return buffer.getvalue()
