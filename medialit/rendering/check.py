"""A learner's check result as HTML and text: the scores table, a plot and per-passage feedback."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import pandas as pd

from medialit.case.labels import subtype_label
from medialit.case.model import Case
from medialit.common.cues import split_cues
from medialit.common.numbers import number_text
from medialit.rendering.html import plot_html, table_html
from medialit.rendering.passages import passage_html
from medialit.rendering.plots import Plot, category_scores_plot
from medialit.rendering.text import format_score
from medialit.scoring.learner import Score

STATUS_TITLES = {
    "missed": "Missed: the key tags these and you did not",
    "extra": "Extra: you tagged these and the key does not",
    "arguable": "Arguable: either choice is fine; these never count against you",
    "agreed": "Agreed: you and the key both tagged these",
}


STATUS_ORDER = ("missed", "extra", "arguable", "agreed")


#: The scores table's columns: the chance-corrected figure first, each beside what a learner who
#: ticks everything would get, so that ticking everything (or nothing) never looks good.
SCORE_COLUMNS = {
    "kappa": "kappa (agreement beyond chance)",
    "baseline kappa": "kappa if you ticked everything",
    "precision": "precision",
    "recall": "recall",
    "f1": "F1",
    "baseline f1": "F1 if you ticked everything",
}


def scores_frame(result: Score, labels: dict[str, str]) -> pd.DataFrame:
    """Per category: kappa, precision, recall and F1 beside the tick-everything baseline, and coverage.

    "undefined" where a score cannot be computed.
    """
    values = {
        "kappa": result.categories["kappa"],
        "baseline kappa": result.baseline["kappa"],
        "precision": result.categories["precision"],
        "recall": result.categories["recall"],
        "f1": result.categories["f1"],
        "baseline f1": result.baseline["f1"],
    }
    frame = pd.DataFrame(
        {SCORE_COLUMNS[name]: [number_text(v) for v in column] for name, column in values.items()},
        index=pd.Index([labels.get(c, c) for c in result.categories.index], name="category"),
    )
    frame["coverage"] = f"{result.reviewed} of {result.total} reviewed"
    return frame


def cues_text(cue: str) -> str:
    """A key row's cues for a sentence: “a” or “a” / “b”."""
    return " / ".join(f"“{part}”" for part in split_cues(cue))


def sources_html(case: Case, source_ids: str) -> str:
    """What the ledger says of each source a key row rests on (";"-separated ids), or nothing."""
    items = []
    for source_id in filter(None, source_ids.split(";")):
        if source_id not in case.sources.index:
            continue
        source = case.sources.loc[source_id]
        checked = {
            "confirmed_primary": "confirmed from the original",
            "confirmed_secondary": "confirmed from reports",
            "not_located": "not located (the course could not find it)",
            "constructed": "written for the course",
        }.get(source["verification"], source["verification"])
        items.append(
            f"<details><summary>Source: {html.escape(source['name'])} ({html.escape(checked)})"
            f"</summary><p>{html.escape(source['original_says'])}</p></details>"
        )
    return "".join(items)


def _feedback_item(row: Any, case: Case, labels: dict[str, str]) -> str:
    label = html.escape(labels.get(row.category, row.category))
    parts = [f"<p><strong>{html.escape(row.passage_id)} · {label}</strong>"]
    if row.status == "arguable":
        parts.append(
            " <em>(arguable: a careful reader could go either way; "
            f"you {'tagged' if row.learner_tagged else 'did not tag'} it, and neither is wrong)</em>"
        )
    elif row.status == "missed" and not row.reviewed:
        parts.append(" <em>(you have not reviewed this passage yet)</em>")
    parts.append("</p>")
    parts.append(passage_html(case, row.passage_id, row.cue or None))
    if row.subtype:
        parts.append(
            f"<p>Key: {html.escape(subtype_label(case, row.category, row.subtype))}; "
            f"cue {html.escape(cues_text(row.cue))}.</p><p>{html.escape(row.rationale)}</p>"
        )
        parts.append(sources_html(case, row.sources))
    elif row.not_this:
        parts.append(
            f'<p class="medialit-not-this">Why the key does not tag {label.lower()} here: '
            f"{html.escape(row.not_this)}</p>"
        )
    else:
        parts.append(f"<p>The key gives no {label.lower()} tag here.</p>")
    if row.learner_cues:
        parts.append(f"<p>Your words: “{html.escape(row.learner_cues)}”.</p>")
    if row.note:
        parts.append(f"<p>Your note: {html.escape(row.note)}</p>")
    return '<li class="medialit-feedback-item">' + "".join(parts) + "</li>"


def feedback_html(frame: pd.DataFrame, case: Case, labels: dict[str, str]) -> str:
    """Per-passage feedback grouped as missed, extra, arguable and agreed, in reading order."""
    sections = []
    for status in STATUS_ORDER:
        rows = frame[frame["status"] == status]
        if rows.empty:
            continue
        items = "".join(_feedback_item(row, case, labels) for row in rows.itertuples(index=False))
        sections.append(
            f'<section class="medialit-feedback-{status}"><h4>{html.escape(STATUS_TITLES[status])} '
            f"({len(rows)})</h4><ul>{items}</ul></section>"
        )
    return "".join(sections) or "<p>Neither you nor the key tagged anything in these passages.</p>"


@dataclass
class CheckResult:
    """A learner's check: the scores, the per-passage feedback (a DataFrame) and a plot.

    In a notebook it displays as HTML; ``print(result)`` gives the same as plain text.
    """

    score: Score
    feedback: pd.DataFrame
    labels: dict[str, str]
    case: Case

    @property
    def scores(self) -> pd.DataFrame:
        """The scores table (see :func:`scores_frame`)."""
        return scores_frame(self.score, self.labels)

    def plot(self) -> Plot:
        """Precision, recall and F1 per category, with alt text."""
        return category_scores_plot(self.score.categories, self.labels, "Your scores by category")

    def to_html(self) -> str:
        """Scores table, plot and per-passage feedback as one HTML fragment."""
        intro = (
            f"<p>You reviewed {self.score.reviewed} of {self.score.total} passages. A passage you "
            "have not reviewed counts as tagged with nothing. Key tags marked arguable never count "
            "against you. Read kappa first: 0 is what ticking everything (or nothing) gets, 1 is "
            "full agreement with the key, and a negative value means less agreement than chance. "
            "“Undefined” means there was nothing to compute the score from.</p>"
        )
        return (
            f'<div class="medialit-check" data-reviewed="{self.score.reviewed}"><h3>Your scores</h3>{intro}'
            f"{table_html(self.scores, 'Scores per category', index=True, css_class='medialit-scores')}"
            f"{plot_html(self.plot())}"
            f"<h3>Passage by passage</h3>{feedback_html(self.feedback, self.case, self.labels)}</div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return format_score(self.score, self.feedback, self.labels)

    def __repr__(self) -> str:
        return str(self)
