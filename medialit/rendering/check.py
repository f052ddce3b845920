"""A learner's check result as HTML and text: the scores table, a plot and per-passage feedback."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from markupsafe import Markup

from medialit.case.labels import subtype_label
from medialit.case.model import Case
from medialit.common.cues import split_cues
from medialit.common.numbers import number_text
from medialit.rendering.check_words import (
    SCORES_NOTE,
    check_groups,
    coverage_sentence,
    cue_sentence,
    extra_sentence,
    kappa_words,
)
from medialit.rendering.form_check import FormCheck
from medialit.rendering.html import fragment, plot_html, table_html
from medialit.rendering.passages import passage_html
from medialit.rendering.plots import Plot, category_scores_plot
from medialit.rendering.text import format_score
from medialit.scoring.learner import Score

#: The scores table's columns: the chance-corrected figure first, in words beside it, each figure
#: beside what a learner who ticks everything would get, so that ticking everything (or nothing)
#: never looks good.
SCORE_COLUMNS = {
    "kappa": "Agreement beyond chance (kappa)",
    "kappa words": "Kappa in words",
    "baseline kappa": "Kappa if you ticked everything",
    "precision": "Your tags the key shares (precision)",
    "recall": "The key's tags you found (recall)",
    "f1": "Both together (F1)",
    "baseline f1": "F1 if you ticked everything",
}


def scores_frame(result: Score, labels: dict[str, str]) -> pd.DataFrame:
    """Per category: kappa (also in words), precision, recall, F1, the baselines and coverage.

    Each figure stands beside what ticking everything would get.

    "undefined" where a score cannot be computed.
    """
    values = {
        "kappa": result.categories["kappa"],
        "kappa words": result.categories["kappa"],
        "baseline kappa": result.baseline["kappa"],
        "precision": result.categories["precision"],
        "recall": result.categories["recall"],
        "f1": result.categories["f1"],
        "baseline f1": result.baseline["f1"],
    }
    frame = pd.DataFrame(
        {
            SCORE_COLUMNS[name]: [kappa_words(v) if name == "kappa words" else number_text(v) for v in column]
            for name, column in values.items()
        },
        index=pd.Index([labels.get(c, c) for c in result.categories.index], name="Category"),
    )
    frame["coverage"] = f"{result.reviewed} of {result.total} reviewed"
    return frame


#: How far the ledger's research got, in the words the learner reads.
CHECKED = {
    "confirmed_primary": "confirmed from the original",
    "confirmed_secondary": "confirmed from reports",
    "not_located": "not located (the course could not find it)",
    "constructed": "written for the course",
}


def cues_text(cue: str) -> str:
    """A key row's cues for a sentence: “a” or “a” / “b”."""
    return " / ".join(f"“{part}”" for part in split_cues(cue))


def ledger_entries(case: Case, source_ids: str) -> list[dict[str, str]]:
    """What the ledger says of each source a key row rests on (";"-separated ids)."""
    entries = []
    for source_id in filter(None, source_ids.split(";")):
        if source_id in case.sources.index:
            source = case.sources.loc[source_id]
            checked = CHECKED.get(source["verification"], source["verification"])
            entries.append({"name": source["name"], "checked": checked, "said": source["original_says"]})
    return entries


def _feedback_item(row: dict[str, Any], case: Case, labels: dict[str, str]) -> dict[str, Any]:
    item = dict(row)
    item["label"] = labels.get(row["category"], row["category"])
    item["passage"] = passage_html(case, row["passage_id"], row["cue"] or None)
    item["subtype_label"] = subtype_label(case, row["category"], row["subtype"]) if row["subtype"] else ""
    item["cues"] = cues_text(row["cue"]) if row["cue"] else ""
    item["sources"] = ledger_entries(case, row["sources"])
    item["extra_sentence"] = extra_sentence(item["label"], row["not_this"])
    item["cue_sentence"] = cue_sentence(
        row["learner_cues"], bool(row["subtype"]), bool(row["learner_tagged"]), row["cue_f1"]
    )
    return item


def feedback_html(frame: pd.DataFrame, case: Case, labels: dict[str, str]) -> Markup:
    """Per-passage feedback in collapsible groups (see :func:`check_groups`), in reading order.

    Reviewed passages come as agreed, extra, missed and arguable, each group open; the key for the
    passages not yet reviewed comes last, closed, so that checking part-way gives nothing away.
    """
    sections = [
        {**group, "items": [_feedback_item(row, case, labels) for row in group["rows"]]}
        for group in check_groups(frame.to_dict("records"))
    ]
    return fragment("feedback.html", sections=sections)


@dataclass
class CheckResult:
    """A learner's check: the scores, the per-passage feedback (a DataFrame) and a plot.

    ``form`` is what a test form's check adds (confidence, skills, the change since the pretest;
    :mod:`medialit.rendering.form_check`), ``None`` for an exercise that asks no confidence.

    In a notebook it displays as HTML; ``print(result)`` gives the same as plain text.
    """

    score: Score
    feedback: pd.DataFrame
    labels: dict[str, str]
    case: Case
    form: FormCheck | None = None

    @property
    def scores(self) -> pd.DataFrame:
        """The scores table (see :func:`scores_frame`)."""
        return scores_frame(self.score, self.labels)

    def plot(self) -> Plot:
        """Precision, recall and F1 per category, with alt text."""
        return category_scores_plot(self.score.categories, self.labels, "Your scores by category")

    def to_html(self) -> str:
        """Scores table, plot and per-passage feedback as one HTML fragment."""
        return fragment(
            "check.html",
            reviewed=self.score.reviewed,
            coverage=coverage_sentence(self.score.reviewed, self.score.total),
            note=SCORES_NOTE,
            table=table_html(self.scores, "Scores per category", index=True, css_class="medialit-scores"),
            plot=plot_html(self.plot()),
            form=self.form.to_html() if self.form else "",
            feedback=feedback_html(self.feedback, self.case, self.labels),
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        text = format_score(self.score, self.feedback, self.labels)
        return f"{text}\n\n{self.form}" if self.form else text

    def __repr__(self) -> str:
        return str(self)
