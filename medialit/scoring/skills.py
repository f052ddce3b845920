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
from medialit.scoring.counts import table_counts
from medialit.scoring.key import KeyMatrix, key_matrix
from medialit.scoring.statistics import recall
from medialit.tagfile.model import TagSet


def skill_categories(case: Case, key: KeyMatrix) -> list[str]:
    """The exercise's categories in the taxonomy's order."""
    return [category for category in case.categories if category in key.categories]


def balanced_accuracy(counts: dict[str, np.ndarray]) -> np.ndarray:
    """The mean of hit rate and correct-rejection rate from 2x2 counts; a side without pairs is left out."""
    hit_rate = recall(counts["tp"], counts["fn"])
    rejection_rate = recall(counts["tn"], counts["fp"])
    both = 0.5 * (hit_rate + rejection_rate)
    return np.where(np.isnan(hit_rate), rejection_rate, np.where(np.isnan(rejection_rate), hit_rate, both))


def class_skill_scores(tagsets: list[TagSet], case: Case, exercise: str | ExerciseSpec) -> pd.DataFrame:
    """Every learner's skill scores: one row per tag set (in order), one column per category."""
    key = key_matrix(case, exercise)
    counts = table_counts(stack_tags(tagsets, key).tagged, key)  # each learners x categories
    frame = pd.DataFrame(balanced_accuracy(counts), columns=list(key.categories))
    return frame[skill_categories(case, key)]


def skill_scores(tagset: TagSet, case: Case, exercise: str | ExerciseSpec) -> pd.Series:
    """One learner's skill score per category of the exercise, in the taxonomy's order."""
    scores = class_skill_scores([tagset], case, exercise).iloc[0]
    scores.name = "score"
    scores.index.name = "category"
    return scores
