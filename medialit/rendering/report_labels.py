"""The class report's tables for people: column headings in words and categories by name.

The CSV files keep the machine-readable column names (``micro_f1``, ``consensus_fn``); the
report page and the instructor notebook show the same tables through :func:`readable`.
"""

from __future__ import annotations

import pandas as pd

from medialit.scoring.counts import COUNTS

#: Headings of the columns every class report has.
HEADINGS = {
    "learner": "Learner",
    "file": "File",
    "coverage": "Share of passages reviewed",
    "micro_precision": "Precision, all categories",
    "micro_recall": "Recall, all categories",
    "micro_f1": "F1, all categories",
    "category": "Category",
    "learners": "Learners",
    "pairable_passages": "Passages two or more learners reviewed",
    "alpha": "Agreement among learners (alpha)",
    "mean_learner_f1": "Learners' mean F1",
    "mean_learner_kappa": "Learners' mean kappa",
    "skill": "Skill",
    "learners_paired": "Learners who took both tests",
    "mean_pre": "Mean score before (pre-test)",
    "mean_post": "Mean score after (post-test)",
    "gain": "Mean gain",
    "gain_low": "Gain, 95% interval: from",
    "gain_high": "Gain, 95% interval: to",
    "test": "Test",
    "confidence": "How sure",
    "count": "Answers",
    "stated": "Stated probability of being right",
    "share_right": "Share right",
    "brier": "Brier score of the test",
}
#: What each count of the class consensus against the key means.
CONSENSUS = {
    "tp": "tags the key also has",
    "fp": "extra tags",
    "fn": "key tags missed",
    "tn": "passages both leave untagged",
    "precision": "precision",
    "recall": "recall",
    "f1": "F1",
    "kappa": "kappa",
}
#: Per-category score columns (``<category>_<score>``) of the learners' table.
SCORES = {
    "precision": "precision",
    "recall": "recall",
    "f1": "F1",
    "kappa": "kappa",
    **{n: n for n in COUNTS},
}


def heading(column: str, labels: dict[str, str]) -> str:
    """A column's heading in words; a column it does not know keeps its name."""
    if column in HEADINGS:
        return HEADINGS[column]
    if column.startswith("consensus_") and column.removeprefix("consensus_") in CONSENSUS:
        return f"Class consensus: {CONSENSUS[column.removeprefix('consensus_')]}"
    category, _, score = column.rpartition("_")
    if category in labels and score in SCORES:
        return f"{labels[category]}: {SCORES[score]}"
    return column


def readable(frame: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """``frame`` with headings in words and category ids (in a ``category`` column) as their names."""
    out = frame.rename(columns=lambda column: heading(str(column), labels))
    if "category" in frame.columns:
        out[HEADINGS["category"]] = frame["category"].map(lambda c: labels.get(c, c)).to_numpy()
    if frame.index.name is not None:
        out.index = out.index.rename(heading(str(frame.index.name), labels))
    return out
