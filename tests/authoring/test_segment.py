"""Cleaning the seed and cutting the article into passages."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.authoring.rebuild import case_derived_files
from medialit.authoring.segment import Hints, clean_article, parse_blocks, plain_article, split_sentences
from medialit.case.loading import case_folders, read_manifest
from medialit.case.paths import data_dir

SEED = (data_dir() / "source" / "article-seed.md").read_text(encoding="utf-8")
HINTS = Hints.from_manifest(read_manifest(data_dir()))


@pytest.mark.parametrize("folder", case_folders(), ids=lambda folder: folder.name)
def test_committed_files_are_exactly_what_the_source_gives(folder: Path) -> None:
    derived = case_derived_files(folder)
    assert {"article.txt", "passages.csv", "links.csv"} <= set(derived)
    for name, expected in derived.items():
        committed = (folder / name).read_text(encoding="utf-8")
        assert committed == expected, (
            f"{folder.name}/{name} differs from `python -m medialit rebuild-article`"
        )


def test_plain_texts_are_cut_with_their_own_prefix() -> None:
    article = plain_article(
        "# A title\n\nFirst sentence. Second one.\n\n> A quoted line.\n\n## Part\n\nMore.", "s"
    )
    assert [p.passage_id for p in article.passages] == ["s001", "s002", "s003", "s004", "s005", "s006"]
    assert [p.kind for p in article.passages] == [
        "heading",
        "sentence",
        "sentence",
        "quote",
        "heading",
        "sentence",
    ]
    assert [p.section for p in article.passages][1:] == ["Introduction"] * 3 + ["Part", "Part"]


def test_page_break_splits_are_rejoined() -> None:
    texts = [block.text for block in parse_blocks(SEED, HINTS)]
    assert any("support to jihadist factions among the rebels" in text for text in texts)
    assert any("slip through a security cordon" in text for text in texts)
    assert not any(text[:1].islower() for text in texts)


def test_link_markup_is_removed_and_the_phrases_kept() -> None:
    article = clean_article(SEED, HINTS)
    assert "](#)" not in article.text and "[Operation" not in article.text
    phrases = [link.text for passage in article.passages for link in passage.links]
    assert "Operation Inherent Resolve" in phrases
    assert "one of the world's leading scholars" not in phrases


def test_editorial_brackets_inside_quotes_are_kept() -> None:
    assert "[the Iran-leaning] Nouri Maliki" in clean_article(SEED, HINTS).text


def test_offsets_point_at_the_passage_text() -> None:
    article = clean_article(SEED, HINTS)
    for passage in article.passages:
        assert article.text[passage.start : passage.end] == passage.text
        for link in passage.links:
            assert article.text[link.start : link.end] == link.text


def test_kinds_headings_captions_and_quotes() -> None:
    article = clean_article(SEED, HINTS)
    headings = [p.text for p in article.passages if p.kind == "heading"]
    assert headings[0].startswith("The US Is Protecting ISIS")
    assert "Bombing Syria... Again" in headings and "Live to Fight Another Day" in headings
    assert sum(p.kind == "caption" for p in article.passages) == 4
    assert article.lost_images == 7


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = (
        "Durham University's Dr. Christopher Davidson said so. "
        "Brig. Gen. Silo and Charles J. Dunlap Jr. agreed."
    )
    spans = split_sentences(text)
    assert [text[start:end] for start, end in spans] == [
        "Durham University's Dr. Christopher Davidson said so.",
        "Brig. Gen. Silo and Charles J. Dunlap Jr. agreed.",
    ]


def test_inline_quotations_are_not_split() -> None:
    text = "He said, “so you don’t tell the world about it, right? You don’t stand up.” Then he left."
    assert len(split_sentences(text)) == 2


def test_block_quotes_split_inside_their_own_quotation_marks() -> None:
    text = "“We saw it. We thought, however, we could manage.”"
    assert len(split_sentences(text, inside_quote=True)) == 2
    assert len(split_sentences(text)) == 1


def test_the_segmenter_knows_no_article_by_heart() -> None:
    """The article's own openings and headings are data in its case.json, not code."""
    source = (Path(__file__).resolve().parents[2] / "medialit" / "authoring" / "segment.py").read_text()
    for hint in (*HINTS.block_quote_openings, *HINTS.headings_without_markup, HINTS.body_start):
        assert hint not in source
    assert HINTS.block_quote_openings and HINTS.first_body_block == 3
