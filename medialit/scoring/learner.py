"""One learner against the key: per-category 2x2 tables, cue credit and per-passage feedback.

Everything is computed on boolean matrices of passages x categories (one learner) or learners x
passages x categories (a class), with NumPy reductions and no Python loop per learner.

Rules, as the course states them to learners:

- A passage the learner did not review counts as tagged with nothing; coverage (reviewed /
  total) is reported beside the scores.
- A key tag marked ``arguable`` is neither required nor wrong: that (passage, category) pair is
  left out of the counts, whatever the learner did.
- A value that is undefined (kappa when both sides are constant, precision with no tags given,
  ...) is ``nan`` here and "undefined" (or JSON ``null``) in every output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from medialit.case.model import Case, ExerciseSpec
from medialit.common.problems import Problem
from medialit.scoring.class_tags import stack_tags
from medialit.scoring.counts import category_frame, micro, table_counts
from medialit.scoring.cue_credit import CueCredit, cue_credit
from medialit.scoring.key import KeyMatrix, key_matrix
from medialit.tagfile.model import TagSet

STATUSES = ("agreed", "missed", "extra", "arguable")


def tag_matrix(tagset: TagSet, key: KeyMatrix) -> tuple[np.ndarray, np.ndarray]:
    """``(tagged, reviewed)``: passages x categories and passages, over the key's exercise."""
    stack = stack_tags([tagset], key)
    return stack.tagged[0], stack.reviewed[0]


@dataclass
class Score:
    """One learner's scores on one exercise."""

    exercise_id: str
    learner: str
    categories: pd.DataFrame  # index category: tp fp fn tn precision recall f1 kappa
    reviewed: int
    total: int
    micro: dict[str, float | int | None]
    cues: CueCredit
    baseline: pd.DataFrame  # the same table for a learner who ticks everything
    problems: list[Problem] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        """Share of the exercise's passages the learner reviewed."""
        return self.reviewed / self.total if self.total else float("nan")

    @property
    def micro_f1(self) -> float:
        """F1 over every category's counts pooled (nan when undefined)."""
        value = self.micro["f1"]
        return float("nan") if value is None else float(value)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; undefined values are ``None``."""
        categories = {
            category: {name: _json_number(value) for name, value in row.items()}
            for category, row in self.categories.to_dict("index").items()
        }
        baseline = {
            category: {name: _json_number(row[name]) for name in ("f1", "kappa")}
            for category, row in self.baseline.to_dict("index").items()
        }
        return {
            "exercise": self.exercise_id,
            "learner": self.learner,
            "reviewed": self.reviewed,
            "total": self.total,
            "coverage": _json_number(self.coverage),
            "categories": categories,
            "micro": dict(self.micro),
            "micro_f1": _json_number(self.micro_f1),
            "cue_credit": {
                "pairs": self.cues.pairs,
                "precision": _json_number(self.cues.precision),
                "recall": _json_number(self.cues.recall),
                "f1": _json_number(self.cues.f1),
            },
            "tick_everything": baseline,
            "problems": [problem.sentence for problem in self.problems],
        }


def _json_number(value: Any) -> Any:
    """A plain int or float for JSON, ``None`` for nan."""
    if isinstance(value, (int, np.integer)):
        return int(value)
    value = float(value)
    return None if np.isnan(value) else value


def tick_everything(key: KeyMatrix) -> pd.DataFrame:
    """The scores of a learner who ticks every category on every passage: the baseline to beat.

    Its kappa is 0 (or undefined), whatever its F1: chance-corrected agreement cannot be gamed
    by ticking everything, or nothing.
    """
    return category_frame(table_counts(np.ones_like(key.clear), key), key.categories)


def score(tagset: TagSet, case: Case, exercise: str | ExerciseSpec = "article") -> Score:
    """Score one learner's tags against the key over an exercise."""
    key = key_matrix(case, exercise)
    tagged, reviewed = tag_matrix(tagset, key)
    counts = table_counts(tagged, key)
    pooled = {name: _json_number(value) for name, value in micro(counts).items()}
    return Score(
        exercise_id=key.exercise.exercise_id,
        learner=tagset.label,
        categories=category_frame(counts, key.categories),
        reviewed=int(reviewed.sum()),
        total=len(key.passage_ids),
        micro=pooled,
        cues=cue_credit(tagset, case, key),
        baseline=tick_everything(key),
        problems=list(tagset.problems),
    )


def feedback(tagset: TagSet, case: Case, exercise: str | ExerciseSpec = "article") -> pd.DataFrame:
    """One row per (passage, category) where the learner or the key put a tag, in reading order.

    ``status`` is ``agreed`` (both tagged; key clear), ``missed`` (key clear, learner not),
    ``extra`` (learner tagged, key did not) or ``arguable`` (key arguable; ``learner_tagged``
    says what the learner did, and neither choice is wrong). Each row carries the key's subtype,
    cue, rationale, check and ledger sources, the learner's cue words and note, ``cue_f1`` where
    scored, and for an ``extra`` row the key's ``not_this`` reason where it gives one.
    """
    key = key_matrix(case, exercise)
    tagged, reviewed = tag_matrix(tagset, key)
    either = tagged | key.clear | key.arguable
    rows = []
    credit = cue_credit(tagset, case, key).by_pair
    not_this = case.not_this
    for p, c in zip(*np.nonzero(either), strict=True):
        pid, category = key.passage_ids[p], key.categories[c]
        if key.arguable[p, c]:
            status = "arguable"
        elif key.clear[p, c]:
            status = "agreed" if tagged[p, c] else "missed"
        else:
            status = "extra"
        entry = key.rows.loc[(pid, category)] if (pid, category) in key.rows.index else None
        rows.append(
            {
                "passage_id": pid,
                "category": category,
                "status": status,
                "learner_tagged": bool(tagged[p, c]),
                "reviewed": bool(reviewed[p]),
                "subtype": "" if entry is None else entry["subtype"],
                "strength": "" if entry is None else entry["strength"],
                "cue": "" if entry is None else entry["cue"],
                "rationale": "" if entry is None else entry["rationale"],
                "check": "" if entry is None else entry["check"],
                "sources": "" if entry is None else entry["sources"],
                "not_this": str(not_this.get((pid, category), "")) if status == "extra" else "",
                "learner_cues": "; ".join(tagset.cues.get(pid, {}).get(category, [])),
                "note": tagset.notes.get(pid, ""),
                "cue_f1": credit.get((pid, category), float("nan")),
            }
        )
    columns = [
        "passage_id",
        "category",
        "status",
        "learner_tagged",
        "reviewed",
        "subtype",
        "strength",
        "cue",
        "rationale",
        "check",
        "sources",
        "not_this",
        "learner_cues",
        "note",
        "cue_f1",
    ]
    return pd.DataFrame(rows, columns=columns)
