"""Every quotation of the article in the book names a real passage and matches its words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from medialit.case import load_case
from tests.conftest import ROOT

CASE = load_case()
PAGES = sorted((ROOT / "book").glob("*.md"))
QUOTE = re.compile(r"\{quote\}`(p\d+):\s*([^`]+)`")
PASSAGE_ROLE = re.compile(r"\{passage\}`(p\d+)`")
PASSAGE_BLOCK = re.compile(r"^[`:]{3,}\{passage\}\s+(p\d+)\s*\n(?::cue:\s*(.+)\n)?", re.M)
WORKED = re.compile(r"^[`:]{3,}\{worked-example\}\s+(p\d+)\s+(\w+)", re.M)


def page_ids(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", PAGES, ids=page_ids)
def test_quoted_words_match_their_passage(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for passage_id, words in QUOTE.findall(text):
        assert passage_id in CASE.passages.index, f"{path.name}: unknown passage {passage_id}"
        passage = CASE.passages.loc[passage_id, "text"]
        assert words.strip() in passage, f"{path.name}: {words!r} not in {passage_id}"
    for passage_id in PASSAGE_ROLE.findall(text):
        assert passage_id in CASE.passages.index, f"{path.name}: unknown passage {passage_id}"
    for passage_id, cue in PASSAGE_BLOCK.findall(text):
        assert passage_id in CASE.passages.index, f"{path.name}: unknown passage {passage_id}"
        passage = CASE.passages.loc[passage_id, "text"]
        assert cue.strip() in passage, f"{path.name}: cue {cue!r} not in {passage_id}"


@pytest.mark.parametrize("path", PAGES, ids=page_ids)
def test_worked_examples_exist_in_the_key(path: Path) -> None:
    key = set(zip(CASE.key["passage_id"], CASE.key["category"], strict=True))
    for passage_id, category in WORKED.findall(path.read_text(encoding="utf-8")):
        assert (passage_id, category) in key, f"{path.name}: the key has no {category} tag on {passage_id}"


def test_the_patterns_find_quotes() -> None:
    sample = "As {quote}`p005: simply taken for granted` shows, and {passage}`p006`."
    assert QUOTE.findall(sample) == [("p005", "simply taken for granted")]
    assert PASSAGE_ROLE.findall(sample) == ["p006"]
    assert WORKED.findall("```{worked-example} p012 hedging\n```") == [("p012", "hedging")]
