"""The Sphinx extension on a small book of its own, built with ``sphinx.testing``."""

from __future__ import annotations

import os
from html import unescape
from pathlib import Path

import pytest

from medialit.case.loading import load_case
from tests.sphinx_ext.small_book import build, edit_data, make_book, write_index


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """A source folder with a copy of the data and two pages: the article, and one that quotes it."""
    return make_book(tmp_path, {"article": "# The article\n\n```{medialit-article}\n```\n"})


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
    assert row["rationale"] in unescape(page) and words in unescape(page)
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
    assert row["rationale"] in unescape((out / "index.html").read_text(encoding="utf-8"))
    answer_keys = sorted((book / "printables").glob("answer-key-*.html"))
    assert answer_keys

    new = "A rationale rewritten after the first build."
    edit_data(book, "key.csv", int(row["index"]), "rationale", new)

    warnings, out = build(book)
    assert warnings == ""
    page = unescape((out / "index.html").read_text(encoding="utf-8"))
    assert new in page and row["rationale"] not in page
    shown = [path for path in answer_keys if new in path.read_text(encoding="utf-8")]
    assert shown, "no answer key shows the new rationale"


def test_printables_are_listed_with_download_links(book: Path) -> None:
    write_index(book, "```{medialit-printables}\n```\n")
    warnings, out = build(book)
    assert warnings == ""
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Worksheet" in page and "_downloads/" in page
