"""Skill scores on a test form: per category, the balanced accuracy of a learner's tags against the key.

For learner L on form F and category c, the score is ``0.5 * (hit rate + correct-rejection rate)``:
the hit rate over F's passages the key clearly gives c, the correct-rejection rate over those the
key does not give c at all; (passage, c) pairs the key marks ``arguable`` are left out. A passage
the learner did not review counts as untagged. When one side has no passages its rate is left out
and the score is the other rate (``nan`` when both are empty). Scores lie in [0, 1]; a learner
who tags nothing scores 0.5 on every category that has both sides.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from medialit.case.model import Case, ExerciseSpec
from medialit.scoring.class_tags import stack_tags
from medialit.scoring.key import KeyMatrix, key_matrix
from medialit.tagfile.model import TagSet


def skill_categories(case: Case, key: KeyMatrix) -> list[str]:
    """The exercise's categories in the taxonomy's order."""
    return [category for category in case.categories if category in key.categories]


def _rate(hits: np.ndarray, counts: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(counts > 0, hits / np.maximum(counts, 1), np.nan)


def class_skill_scores(tagsets: list[TagSet], case: Case, exercise: str | ExerciseSpec) -> pd.DataFrame:
    """Every learner's skill scores: one row per tag set (in order), one column per category."""
    key = key_matrix(case, exercise)
    tagged = stack_tags(tagsets, key).tagged  # learners x passages x categories
    positive = key.clear
    negative = ~key.clear & ~key.arguable
    hit_rate = _rate((tagged & positive).sum(axis=1), positive.sum(axis=0))
    rejection_rate = _rate((~tagged & negative).sum(axis=1), negative.sum(axis=0))
    with np.errstate(invalid="ignore"):
        score = np.where(
            np.isnan(hit_rate),
            rejection_rate,
            np.where(np.isnan(rejection_rate), hit_rate, 0.5 * (hit_rate + rejection_rate)),
        )
    frame = pd.DataFrame(score, columns=list(key.categories))
    return frame[skill_categories(case, key)]


def skill_scores(tagset: TagSet, case: Case, exercise: str | ExerciseSpec) -> pd.Series:
    """One learner's skill score per category of the exercise, in the taxonomy's order."""
    scores = class_skill_scores([tagset], case, exercise).iloc[0]
    scores.name = "score"
    scores.index.name = "category"
    return scores
