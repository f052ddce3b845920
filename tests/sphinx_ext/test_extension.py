"""The Sphinx extension on a small book of its own, built with ``sphinx.testing``."""

from __future__ import annotations

import csv
import os
import shutil
from html import escape
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from medialit.case.loading import load_case
from medialit.case.paths import data_dir

CONF = """
extensions = ["myst_parser", "medialit.sphinx_ext"]
smartquotes = False
exclude_patterns = ["_build", "data", "printables"]
medialit_data_dir = "data"
medialit_notebooks_dir = "notebooks"
medialit_printables_dir = "printables"
"""


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """A source folder with a copy of the data and two pages: the article, and one that quotes it."""
    source = tmp_path / "book"
    source.mkdir()
    shutil.copytree(data_dir(), source / "data")
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    (source / "article.md").write_text("# The article\n\n```{medialit-article}\n```\n", encoding="utf-8")
    return source


def write_index(book: Path, body: str) -> None:
    text = f"# Test\n\n```{{toctree}}\narticle\n```\n\n{body}\n"
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


def first_key_row() -> dict[str, str]:
    """The first key row whose passage an exercise tests (so an answer key shows it), and its index."""
    case = load_case()
    exercised = {pid for exercise in case.exercise_ids[1:] for pid in case.exercise(exercise).passage_ids}
    index = next(i for i, pid in enumerate(case.key["passage_id"]) if pid in exercised)
    row = case.key.iloc[index]
    return {"index": str(index), **{name: str(row[name]) for name in ("passage_id", "category", "rationale")}}


def test_quotes_and_examples_build_without_warnings(book: Path) -> None:
    row = first_key_row()
    text = str(load_case().passages.at[row["passage_id"], "text"])
    words = " ".join(text.split()[:3])
    write_index(
        book,
        f"{{quote}}`{row['passage_id']}: {words}`\n\n"
        f"```{{medialit-worked-example}} {row['passage_id']} {row['category']}\n```\n",
    )
    warnings, out = build(book)
    assert warnings == ""
    page = (out / "index.html").read_text(encoding="utf-8")
    assert escape(row["rationale"], quote=False) in page and escape(words, quote=False) in page
    assert f'id="passage-{row["passage_id"]}"' in (out / "article.html").read_text(encoding="utf-8")


def test_a_wrong_passage_id_is_a_warning(book: Path) -> None:
    write_index(book, "{quote}`p999: words`\n\n```{medialit-passage} p998\n```\n")
    warnings, _ = build(book)
    assert "quote: unknown passage id 'p999'" in warnings
    assert "medialit-passage: unknown passage id 'p998'" in warnings


def test_a_quote_that_drifts_from_the_data_is_a_warning(book: Path) -> None:
    write_index(book, "{quote}`p012: words the article never wrote`\n")
    warnings, _ = build(book)
    assert "the words 'words the article never wrote' are not in passage p012" in warnings


def test_an_incremental_build_after_a_data_edit_shows_the_new_data(book: Path) -> None:
    row = first_key_row()
    write_index(book, f"```{{medialit-worked-example}} {row['passage_id']} {row['category']}\n```\n")
    before = dict(os.environ)
    warnings, out = build(book)
    assert warnings == ""
    assert os.environ == before  # the extension changes no environment variable
    answer_keys = sorted((book / "printables").glob("answer-key-*.html"))
    assert answer_keys

    key_path = book / "data" / "key.csv"
    with key_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    new = "A rationale rewritten after the first build."
    rows[int(row["index"])]["rationale"] = new
    with key_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    later = key_path.stat().st_mtime + 5
    os.utime(key_path, (later, later))

    warnings, out = build(book)
    assert warnings == ""
    page = (out / "index.html").read_text(encoding="utf-8")
    assert new in page and escape(row["rationale"], quote=False) not in page
    shown = [path for path in answer_keys if new in path.read_text(encoding="utf-8")]
    assert shown, "no answer key shows the new rationale"


def test_printables_are_listed_with_download_links(book: Path) -> None:
    write_index(book, "```{medialit-printables}\n```\n")
    warnings, out = build(book)
    assert warnings == ""
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Worksheet" in page and "_downloads/" in page
