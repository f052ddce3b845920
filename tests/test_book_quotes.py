"""Every quotation of the article in the book names a real passage and matches its words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from medialit.case.loading import case_folders, load_case
from tests.conftest import ROOT

CASES = {case.manifest.get("id_prefix", "p"): case for case in map(load_case, case_folders())}
PASSAGES = {pid: text for case in CASES.values() for pid, text in case.passages["text"].items()}
KEY = {(row.passage_id, row.category) for case in CASES.values() for row in case.key.itertuples()}
PAGES = sorted((ROOT / "book").glob("*.md"))
QUOTE = re.compile(r"\{quote\}`([a-z]\d+):\s*([^`]+)`")
PASSAGE_ROLE = re.compile(r"\{passage\}`([a-z]\d+)`")
# The block directives are namespaced (``medialit-passage``); the bare names are accepted too.
PASSAGE_BLOCK = re.compile(r"^[`:]{3,}\{(?:medialit-)?passage\}\s+([a-z]\d+)\s*\n(?::cue:\s*(.+)\n)?", re.M)
WORKED = re.compile(r"^[`:]{3,}\{(?:medialit-)?worked-example\}\s+([a-z]\d+)\s+(\w+)", re.M)


def page_ids(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", PAGES, ids=page_ids)
def test_quoted_words_match_their_passage(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for passage_id, words in QUOTE.findall(text):
        assert passage_id in PASSAGES, f"{path.name}: unknown passage {passage_id}"
        assert words.strip() in PASSAGES[passage_id], f"{path.name}: {words!r} not in {passage_id}"
    for passage_id in PASSAGE_ROLE.findall(text):
        assert passage_id in PASSAGES, f"{path.name}: unknown passage {passage_id}"
    for passage_id, cue in PASSAGE_BLOCK.findall(text):
        assert passage_id in PASSAGES, f"{path.name}: unknown passage {passage_id}"
        assert cue.strip() in PASSAGES[passage_id], f"{path.name}: cue {cue!r} not in {passage_id}"


@pytest.mark.parametrize("path", PAGES, ids=page_ids)
def test_worked_examples_exist_in_the_key(path: Path) -> None:
    for passage_id, category in WORKED.findall(path.read_text(encoding="utf-8")):
        assert (passage_id, category) in KEY, f"{path.name}: the key has no {category} tag on {passage_id}"


def test_the_patterns_find_quotes() -> None:
    sample = "As {quote}`p005: simply taken for granted` shows, and {passage}`p006`."
    assert QUOTE.findall(sample) == [("p005", "simply taken for granted")]
    assert PASSAGE_ROLE.findall(sample) == ["p006"]
    assert WORKED.findall("```{worked-example} p012 hedging\n```") == [("p012", "hedging")]
    assert WORKED.findall("```{medialit-worked-example} p012 hedging\n```") == [("p012", "hedging")]
    block = "```{medialit-passage} p016\n:cue: would then\n```\n"
    assert PASSAGE_BLOCK.findall(block) == [("p016", "would then")]


def test_the_book_uses_every_form_the_checks_read() -> None:
    """Each pattern finds something in the book, so none of the checks above runs on nothing."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in PAGES)
    for pattern in (QUOTE, PASSAGE_ROLE, PASSAGE_BLOCK, WORKED):
        assert pattern.findall(text), f"no page of the book matches {pattern.pattern}"
    assert any(cue for _, cue in PASSAGE_BLOCK.findall(text)), "no passage block of the book has a cue"
