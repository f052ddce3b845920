"""The ``medialit-inpage`` directive and the preview it replaces, in a small book of the tests' own."""

from __future__ import annotations

import json
import re
from pathlib import Path

from medialit.case.loading import load_case
from medialit.rendering.inpage import inpage_payload, preview_exercise
from medialit.widgets.exercise import start
from medialit.widgets.tagging import static_preview_html
from tests.sphinx_ext.small_book import build, make_book, write_index


def test_the_directive_puts_the_exercise_and_its_assets_in_that_page_only(tmp_path: Path) -> None:
    book = make_book(tmp_path, {"article": "# The article\n\n```{medialit-article}\n```\n"})
    write_index(book, "```{medialit-inpage} hedging\n```\n")
    warnings, out = build(book)
    assert warnings == ""
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "_static/inpage.js" in page and "_static/inpage.css" in page
    assert "inpage.js" not in (out / "article.html").read_text(encoding="utf-8")
    found = re.search(r'class="medialit-inpage-data">(.*?)</script>', page, re.S)
    assert found and "<" not in found.group(1)
    case = load_case()
    assert json.loads(found.group(1)) == inpage_payload(case, case.exercise("hedging"))
    assert (out / "_static" / "inpage.js").is_file()


def test_an_unknown_exercise_is_a_warning(tmp_path: Path) -> None:
    book = make_book(tmp_path, {"article": "# The article\n"})
    write_index(book, "```{medialit-inpage} nonsense\n```\n")
    warnings, _ = build(book)
    assert "medialit-inpage: no exercise 'nonsense'" in warnings


def test_the_widget_preview_names_its_case_and_exercise(tmp_path: Path) -> None:
    exercise = start("framing", folder=tmp_path, quiet=True)
    assert preview_exercise(static_preview_html(exercise)) == (exercise.case.case_id, "framing")
