"""The transfer-test case (``data/transfer``): short, credited excerpts no chapter has shown.

The pre-test and the post-test measure whether the skills carry over to texts the learner has
not met, so none of their excerpts may appear in the book, the notebooks or the two other
cases; each excerpt is credited to its outlet; and the two forms share no passage.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from medialit.case.paths import data_dir

ROOT = Path(__file__).resolve().parents[2]
FOLDER = data_dir() / "transfer"
STATUSES = {
    "public domain: a work of the US federal government, 17 U.S.C. 105",
    "short excerpt quoted under fair use",
}
#: Words in a row that count as quoting (a name, "the Syrian Observatory for Human Rights", is six).
RUN = 8


def manifest() -> dict:
    return json.loads((FOLDER / "case.json").read_text(encoding="utf-8"))


def passages() -> list[dict[str, str]]:
    with (FOLDER / "passages.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def runs(text: str) -> set[tuple[str, ...]]:
    """Every run of ``RUN`` consecutive words of ``text``, lower-cased, punctuation dropped."""
    words = re.findall(r"[\w’'-]+", text.lower().replace("’", "'"))
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def elsewhere() -> dict[str, set[tuple[str, ...]]]:
    """The word runs of every text a learner may have read before the tests, by file."""
    files = [*ROOT.glob("book/*.md"), *ROOT.glob("notebooks/*.ipynb")]
    files += [data_dir() / "passages.csv", data_dir() / "other-side" / "passages.csv"]
    return {str(path.relative_to(ROOT)): runs(path.read_text(encoding="utf-8")) for path in files}


def test_the_main_manifest_lists_the_case() -> None:
    main = json.loads((data_dir() / "case.json").read_text(encoding="utf-8"))
    assert "transfer" in main["cases"]
    assert manifest()["case"] == "transfer-tests"


def test_no_excerpt_appears_in_the_book_the_notebooks_or_the_other_cases() -> None:
    others = elsewhere()
    quoted = {
        (row["passage_id"], name)
        for row in passages()
        if row["kind"] == "sentence"
        for name, seen in others.items()
        if runs(row["text"]) & seen
    }
    assert not quoted


def test_every_excerpt_is_credited_once_with_its_status_and_address() -> None:
    sections = [row["section"] for row in passages() if row["kind"] == "heading"][1:]
    published = manifest()["published"]
    assert sorted(entry["section"] for entry in published) == sorted(sections)
    for entry in published:
        assert entry["role"] == "excerpt"
        assert entry["status"] in STATUSES
        assert entry["url"].startswith(("http://", "https://"))
        assert entry["section"].startswith(entry["outlet"])


def test_each_excerpt_is_one_to_three_sentences() -> None:
    sentences = Counter(row["section"] for row in passages() if row["kind"] == "sentence")
    headings = {row["section"] for row in passages() if row["kind"] == "heading"} - {"Headline"}
    assert set(sentences) == headings
    assert all(1 <= count <= 3 for count in sentences.values())
    assert 36 <= len(headings) <= 40


@pytest.mark.parametrize("exercise", ["pretest", "posttest"])
def test_a_form_asks_for_confidence_on_twelve_to_sixteen_sentences(exercise: str) -> None:
    spec = manifest()["exercises"][exercise]
    kinds = {row["passage_id"]: row["kind"] for row in passages()}
    assert spec["confidence"] is True
    assert 12 <= len(spec["passages"]) <= 16
    assert {kinds[passage] for passage in spec["passages"]} == {"sentence"}


def test_the_two_forms_share_no_passage() -> None:
    exercises = manifest()["exercises"]
    assert not set(exercises["pretest"]["passages"]) & set(exercises["posttest"]["passages"])
