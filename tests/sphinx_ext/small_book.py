"""A small book of the tests' own, built with ``sphinx.testing``: its configuration and build."""

from __future__ import annotations

import csv
import os
import shutil
from io import StringIO
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

from medialit.case.paths import data_dir

CONF = """
extensions = ["myst_parser", "medialit.sphinx_ext"]
smartquotes = False
exclude_patterns = ["_build", "data", "printables"]
medialit_data_dir = "data"
medialit_notebooks_dir = "notebooks"
medialit_printables_dir = "printables"
"""


def make_book(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A source folder with a copy of the course's data, the configuration and ``pages`` (name: text)."""
    source = tmp_path / "book"
    source.mkdir()
    shutil.copytree(data_dir(), source / "data")
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    for name, text in pages.items():
        (source / f"{name}.md").write_text(text, encoding="utf-8")
    return source


def write_index(book: Path, body: str, pages: str = "article") -> None:
    """The book's front page: a table of contents of ``pages`` (one per line), then ``body``."""
    text = f"# Test\n\n```{{toctree}}\n{pages}\n```\n\n{body}\n"
    (book / "index.md").write_text(text, encoding="utf-8")


def build(book: Path) -> tuple[str, Path]:
    """Build the book (incrementally, if it was built before); return the warnings and ``outdir``."""
    warnings = StringIO()
    app = SphinxTestApp("html", srcdir=book, status=StringIO(), warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    return warnings.getvalue(), Path(app.outdir)


def edit_data(book: Path, name: str, index: int, column: str, value: str) -> str:
    """Set one cell of the book's copy of a data CSV, newer than the last build; return the old value."""
    path = book / "data" / name
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    old, rows[index][column] = rows[index][column], value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    later = path.stat().st_mtime + 5
    os.utime(path, (later, later))
    return old
