"""Docutils nodes for quoted words, passages and the links to them in the full article."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

from medialit.common.cues import cue_segments

#: The label of a passage's anchor on the page that shows the full article.
ARTICLE_LABEL = "passage-{}"


def passage_link(passage_id: str) -> nodes.Node:
    """A reference to the passage's anchor in the full article (resolved by Sphinx)."""
    reference = addnodes.pending_xref(
        "",
        refdomain="std",
        reftype="ref",
        reftarget=ARTICLE_LABEL.format(passage_id),
        refexplicit=True,
        refwarn=True,
    )
    reference += nodes.inline(passage_id, passage_id, classes=["passage-id"])
    return reference


def highlighted(text: str, cue: str | None) -> list[nodes.Node]:
    """The text as nodes, each of the cues (``"a | b"``) marked as :func:`cue_segments` finds them."""
    return [
        nodes.inline(piece, piece, classes=["cue"]) if is_cue else nodes.Text(piece)
        for piece, is_cue in cue_segments(text, cue)
    ]


def in_quotes(words: str) -> str:
    """Words in quotation marks, unless they already open with one."""
    return words if words[:1] in '“"‘' else f"“{words}”"


def quoted_list(phrases: list[str], separator: str = " / ") -> str:
    """Phrases each in quotation marks (see :func:`in_quotes`), joined: ``“a” / “b”``."""
    return separator.join(in_quotes(phrase) for phrase in phrases)


def quoted(passage_id: str, words: str) -> nodes.Node:
    """Words in quotation marks (see :func:`in_quotes`), then a link to the passage."""
    inline = nodes.inline("", "", classes=["article-quote"])
    inline += [nodes.Text(f"{in_quotes(words)} ("), passage_link(passage_id), nodes.Text(")")]
    return inline


def passage_block(passage_id: str, text: str, cue: str | None) -> nodes.Element:
    """A passage as a block quotation, the cue highlighted, with a link to it."""
    quote = nodes.block_quote(classes=["article-passage"])
    paragraph = nodes.paragraph()
    paragraph += highlighted(text, cue)
    paragraph += [nodes.Text(" ("), passage_link(passage_id), nodes.Text(")")]
    quote += paragraph
    return quote
