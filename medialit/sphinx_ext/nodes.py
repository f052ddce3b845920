"""Docutils nodes for quoted words, passages and the links to them in the full article."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

from medialit.common.cues import find_span

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
    """The text as nodes, the cue marked where :func:`~medialit.common.cues.find_span` finds it."""
    span = find_span(text, cue) if cue else None
    if span is None:
        return [nodes.Text(text)]
    start, end = span
    return [
        nodes.Text(text[:start]),
        nodes.inline(text[start:end], text[start:end], classes=["cue"]),
        nodes.Text(text[end:]),
    ]


def quoted(passage_id: str, words: str) -> nodes.Node:
    """Words in quotation marks (unless they already open with one), then a link to the passage."""
    opens_with_quote = words[:1] in '“"‘'
    opening, closing = ("", "") if opens_with_quote else ("“", "”")
    inline = nodes.inline("", "", classes=["article-quote"])
    inline += [nodes.Text(f"{opening}{words}{closing} ("), passage_link(passage_id), nodes.Text(")")]
    return inline


def passage_block(passage_id: str, text: str, cue: str | None) -> nodes.Element:
    """A passage as a block quotation, the cue highlighted, with a link to it."""
    quote = nodes.block_quote(classes=["article-passage"])
    paragraph = nodes.paragraph()
    paragraph += highlighted(text, cue)
    paragraph += [nodes.Text(" ("), passage_link(passage_id), nodes.Text(")")]
    quote += paragraph
    return quote
