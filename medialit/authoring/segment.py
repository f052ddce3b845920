"""Turn the seed copy of the article into clean text, passages and link records.

The seed (``data/source/article-seed.md``) is a Markdown-ish copy of the web page: the
article's links were stripped to ``[text](#)``, its images are gone and page breaks split some
paragraphs in two. This module reverses what can be reversed, deterministically, so that
``data/article.txt``, ``data/passages.csv`` and ``data/links.csv`` can be regenerated and
checked against the committed copies. Every rule here is documented in ``data/README.md``;
what is particular to one text (where its body starts, which paragraphs are block quotations,
...) is in its case's ``case.json`` (:class:`Hints`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from medialit.case.columns import LINK_COLUMNS, PASSAGE_COLUMNS
from medialit.common.csv_text import csv_text


@dataclass(frozen=True)
class Hints:
    """What the segmenter must be told about one text: its case's ``segmentation`` in ``case.json``.

    ``body_start`` and ``body_end``: the first words of the body and the line after it (a web
    page's seed); ``first_body_block``: the first block (1-based) after the headline;
    ``headings_without_markup``: lines that are headings but lost their marker;
    ``block_quote_openings`` and ``caption_openings``: how the author's block quotations and the
    image captions open (the seed kept no other trace of them).
    """

    body_start: str = ""
    body_end: str = ""
    first_body_block: int = 2
    headings_without_markup: frozenset[str] = frozenset()
    block_quote_openings: tuple[str, ...] = ()
    caption_openings: tuple[str, ...] = ()

    @classmethod
    def from_manifest(cls, manifest: dict[str, Any]) -> Hints:
        """The hints in a case's manifest (none: a plain text needs none)."""
        spec = manifest.get("segmentation", {})
        return cls(
            body_start=spec.get("body_start", ""),
            body_end=spec.get("body_end", ""),
            first_body_block=spec.get("first_body_block", 2),
            headings_without_markup=frozenset(spec.get("headings_without_markup", [])),
            block_quote_openings=tuple(spec.get("block_quote_openings", [])),
            caption_openings=tuple(spec.get("caption_openings", [])),
        )


#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset({"Dr", "Gen", "Brig", "Jr", "Mr", "Mrs", "St", "Lt", "Col", "Maj"})

LINK = re.compile(r"\[([^\[\]]+)\]\(#\)")
EMPHASIS = re.compile(r"(?<![\\\w])\*([^*\n]+)\*")
TERMINAL = (".", "!", "?", ":", "”", '"', "…", ")")


@dataclass(frozen=True)
class Link:
    """A phrase that was a hyperlink on the page (its target was stripped from the seed)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """One paragraph-level unit of the article: a heading, paragraph, quote or caption."""

    kind: str  # heading | paragraph | quote | caption
    text: str
    links: tuple[Link, ...] = ()  # offsets relative to ``text``
    image_before: bool = False  # an image stood just before this block on the page


@dataclass(frozen=True)
class Passage:
    """One sentence (or heading, or caption) of the article, with offsets into the clean text."""

    passage_id: str
    section: str
    paragraph: int
    kind: str  # sentence | heading | quote | caption
    text: str
    start: int
    end: int
    links: tuple[Link, ...] = field(default=())  # offsets into the clean article text


@dataclass(frozen=True)
class Article:
    """The cleaned article: its text, passages and the phrases that were links."""

    text: str
    passages: tuple[Passage, ...]
    lost_images: int


def _strip_inline(raw: str) -> tuple[str, tuple[Link, ...]]:
    """Remove emphasis and link markup from one block, keeping the link phrases' offsets."""
    text = EMPHASIS.sub(r"\1", raw)
    text = re.sub(r"\s*\n\s*", " ", text).strip()
    links: list[Link] = []
    out: list[str] = []
    cursor = 0
    length = 0
    for match in LINK.finditer(text):
        before = text[cursor : match.start()]
        out.append(before)
        length += len(before)
        phrase = match.group(1)
        links.append(Link(phrase, length, length + len(phrase)))
        out.append(phrase)
        length += len(phrase)
        cursor = match.end()
    out.append(text[cursor:])
    return "".join(out), tuple(links)


def _body_lines(seed: str, hints: Hints) -> tuple[str, str, list[str]]:
    """Split the seed into headline, standfirst and the lines of the article body."""
    lines = seed.splitlines()
    headline = next(line for line in lines if line.startswith("# "))
    standfirst_at = lines.index(headline) + 1
    while not lines[standfirst_at].strip():
        standfirst_at += 1
    start = next(i for i, line in enumerate(lines) if line.startswith(hints.body_start))
    end = next(i for i, line in enumerate(lines) if i > start and line.strip() == hints.body_end)
    return headline, lines[standfirst_at], lines[start:end]


def _classify(text: str, hints: Hints) -> str:
    """Tell the kind of a body block from its clean text."""
    if text in hints.headings_without_markup:
        return "heading"
    if text.startswith(hints.caption_openings):
        return "caption"
    if text.startswith(hints.block_quote_openings):
        return "quote"
    return "paragraph"


def parse_blocks(seed: str, hints: Hints) -> list[Block]:
    """Return the article's blocks in order, with page-break splits rejoined."""
    headline, standfirst, body = _body_lines(seed, hints)
    raw_blocks: list[tuple[str, bool]] = []
    current: list[str] = []
    blank_run = 0
    image_pending = False
    for line in body:
        if line.strip():
            if not current and blank_run >= 3:
                image_pending = True
            current.append(line)
            blank_run = 0
            continue
        blank_run += 1
        if current:
            raw_blocks.append(("\n".join(current), image_pending))
            current, image_pending = [], False
    if current:
        raw_blocks.append(("\n".join(current), image_pending))

    blocks = [
        Block("heading", *_strip_inline(headline.lstrip("# "))),
        Block("paragraph", *_strip_inline(standfirst)),
    ]
    for raw, image_before in raw_blocks:
        is_heading = raw.startswith("#")
        text, links = _strip_inline(raw.lstrip("# "))
        previous = blocks[-1]
        if previous.kind == "paragraph" and not previous.text.endswith(TERMINAL) and text[:1].islower():
            shift = len(previous.text) + 1
            moved = tuple(Link(link.text, link.start + shift, link.end + shift) for link in links)
            blocks[-1] = Block(
                "paragraph",
                f"{previous.text} {text}",
                previous.links + moved,
                previous.image_before,
            )
            continue
        kind = "heading" if is_heading else _classify(text, hints)
        blocks.append(Block(kind, text, links, image_before))
    return blocks


def _quote_depth_changes(text: str) -> list[int]:
    """Return, for each character, the depth of double quotation after it."""
    depth = 0
    straight_open = False
    depths = []
    for char in text:
        if char == "“":
            depth += 1
        elif char == "”":
            depth = max(0, depth - 1)
        elif char == '"':
            straight_open = not straight_open
            depth += 1 if straight_open else -1
        depths.append(depth)
    return depths


def split_sentences(text: str, *, inside_quote: bool = False) -> list[tuple[int, int]]:
    """Split a paragraph into sentences; return ``(start, end)`` offsets.

    A sentence ends at ``.``, ``?`` or ``!`` (and any closing quotes after it) followed by a
    space and a capital letter or an opening quote, but not after a known abbreviation or a
    single initial, and not inside an inline quotation. In a block quote, the quotation
    marks around the whole block do not count as an inline quotation.
    """
    depths = _quote_depth_changes(text)
    base = 1 if inside_quote else 0
    spans = []
    start = 0
    pattern = re.compile(r"[.?!]+[”’\"')\]]*(?=\s+[“‘\"(\[A-Z])")
    for match in pattern.finditer(text):
        end = match.end()
        word = re.search(r"(\w+)\.$", text[start : match.start() + 1])
        if word and (word.group(1) in ABBREVIATIONS or len(word.group(1)) == 1):
            continue
        if depths[end - 1] > base:
            continue
        spans.append((start, end))
        start = end + len(text[end:]) - len(text[end:].lstrip())
    spans.append((start, len(text)))
    return spans


def parse_plain_blocks(text: str) -> list[Block]:
    """Blocks of a plain Markdown text: ``#`` headings, ``>`` block quotes, paragraphs.

    Used for texts written for the course (the constructed "other side" text), which have no
    page furniture, page breaks or lost images to undo.
    """
    blocks = []
    for raw in re.split(r"\n\s*\n", text.strip()):
        if raw.startswith("#"):
            blocks.append(Block("heading", *_strip_inline(raw.lstrip("# "))))
        elif raw.startswith(">"):
            blocks.append(Block("quote", *_strip_inline(re.sub(r"^>\s?", "", raw, flags=re.M))))
        else:
            blocks.append(Block("paragraph", *_strip_inline(raw)))
    return blocks


def cut_passages(blocks: list[Block], *, prefix: str = "p", first_body_block: int = 3) -> Article:
    """Cut blocks into passages with stable, sequential ids (``p001``, ... or another prefix).

    Blocks before ``first_body_block`` (1-based) form the section ``Headline``; later blocks
    before the first heading form ``Introduction``; each heading starts a section.
    """
    texts: list[str] = []
    passages: list[Passage] = []
    offset = 0
    section = "Headline"
    for number, block in enumerate(blocks, start=1):
        if block.kind == "heading" and number > 1:
            section = block.text
        elif number == first_body_block:
            section = "Introduction"
        if block.kind in ("heading", "caption"):
            spans = [(0, len(block.text))]
        else:
            spans = split_sentences(block.text, inside_quote=block.kind == "quote")
        kind = {"paragraph": "sentence"}.get(block.kind, block.kind)
        for start, end in spans:
            links = tuple(
                Link(link.text, offset + link.start, offset + link.end)
                for link in block.links
                if link.start < end and link.end > start
            )
            passages.append(
                Passage(
                    passage_id=f"{prefix}{len(passages) + 1:03d}",
                    section=section,
                    paragraph=number,
                    kind=kind,
                    text=block.text[start:end],
                    start=offset + start,
                    end=offset + end,
                    links=links,
                )
            )
        texts.append(block.text)
        offset += len(block.text) + 2
    lost_images = sum(block.image_before for block in blocks)
    return Article("\n\n".join(texts) + "\n", tuple(passages), lost_images)


def clean_article(seed: str, hints: Hints) -> Article:
    """Clean the web-page seed of the case article and cut it into passages."""
    return cut_passages(parse_blocks(seed, hints), first_body_block=hints.first_body_block)


def plain_article(text: str, prefix: str, hints: Hints | None = None) -> Article:
    """Cut a plain Markdown text written for the course into passages."""
    first = (hints or Hints()).first_body_block
    return cut_passages(parse_plain_blocks(text), prefix=prefix, first_body_block=first)


def passage_rows(article: Article) -> list[dict[str, object]]:
    """The rows of ``passages.csv``: one per passage, in reading order."""
    return [
        {
            "passage_id": p.passage_id,
            "section": p.section,
            "paragraph": p.paragraph,
            "kind": p.kind,
            "start": p.start,
            "end": p.end,
            "has_link": "true" if p.links else "false",
            "text": p.text,
        }
        for p in article.passages
    ]


def link_rows(article: Article) -> list[dict[str, object]]:
    """The rows of ``links.csv``: one per phrase that was a hyperlink on the page."""
    return [
        {"passage_id": p.passage_id, "start": link.start, "end": link.end, "text": link.text}
        for p in article.passages
        for link in p.links
    ]


def _data_csv(columns: tuple[str, ...], rows: list[dict[str, object]]) -> str:
    return csv_text(columns, ([row[column] for column in columns] for row in rows), safe=False)


def derived_files(
    source: str, hints: Hints, *, segmenter: str = "web-seed", prefix: str = "p"
) -> dict[str, str]:
    """The contents of every file derived from a case's source text, by file name.

    ``segmenter`` is ``"web-seed"`` for the case article's web-page seed and ``"plain"`` for
    a plain Markdown text written for the course.
    """
    if segmenter == "web-seed":
        article = clean_article(source, hints)
    else:
        article = plain_article(source, prefix, hints)
    return {
        "article.txt": article.text,
        "passages.csv": _data_csv(PASSAGE_COLUMNS, passage_rows(article)),
        "links.csv": _data_csv(LINK_COLUMNS, link_rows(article)),
    }
