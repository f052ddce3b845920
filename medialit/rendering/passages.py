"""Passages as HTML, the key's cue highlighted: for the widget, the check and the notebooks' examples.

Everything here returns escaped HTML (learners' words and the article alike) or a small object
with ``_repr_html_``.
"""

from __future__ import annotations

import html

from medialit.case.labels import subtype_label
from medialit.case.loading import load_case
from medialit.case.model import Case
from medialit.common.cues import cue_segments


def highlight(text: str, cue: str | None) -> str:
    """``text`` as escaped HTML, each of ``cue``'s cues (" | "-separated) wrapped in ``<mark>``."""
    return "".join(
        f'<mark class="cue">{html.escape(piece)}</mark>' if is_cue else html.escape(piece)
        for piece, is_cue in cue_segments(text, cue)
    )


def passage_html(case: Case, passage_id: str, cue: str | None = None) -> str:
    """One passage as a block quotation, with its id and an optional highlighted cue."""
    text = str(case.passages.at[passage_id, "text"])
    return (
        f'<blockquote class="medialit-passage"><p>{highlight(text, cue)} '
        f'<span class="passage-id">({html.escape(passage_id)})</span></p></blockquote>'
    )


class HTMLBlock:
    """HTML that a notebook displays as itself (``_repr_html_``)."""

    def __init__(self, markup: str) -> None:
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup


def show_passage(passage_id: str, cue: str | None = None, case: Case | None = None) -> HTMLBlock:
    """A passage for a notebook cell, with ``cue`` highlighted (no retyping of the article)."""
    return HTMLBlock(passage_html(case or load_case(), passage_id, cue))


def worked_example(category: str, avoid: tuple[str, ...] = (), case: Case | None = None) -> HTMLBlock:
    """The key's first clear example of ``category`` outside ``avoid``: passage, cue, subtype, why.

    Notebooks pass the exercise's own passages as ``avoid``, so the example gives nothing away.
    """
    case = case or load_case()
    key = case.key
    rows = key[(key["category"] == category) & (key["strength"] == "clear") & ~key["passage_id"].isin(avoid)]
    if rows.empty:
        return HTMLBlock("<p>No example outside this exercise.</p>")
    row = rows.iloc[0]
    label = case.categories[category]["label"]
    markup = (
        f'<div class="worked-example"><p><strong>{html.escape(label)}</strong>, '
        f"{html.escape(subtype_label(case, category, row['subtype']))}:</p>"
        f"{passage_html(case, row['passage_id'], row['cue'])}"
        f"<p>{html.escape(row['rationale'])}</p></div>"
    )
    return HTMLBlock(markup)
