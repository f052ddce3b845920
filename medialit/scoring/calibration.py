"""Confidence and calibration: how sure a learner said they were, against whether they were right.

The one statement of the three levels of confidence and their stated probabilities (the in-page
exercise receives them from the page data Python writes). A learner's answer for a passage is the
set of exercise categories they gave it (an unreviewed passage counts as "no category"); it is
*right* when it holds every category the key gives the passage as ``clear`` and no category the
key does not give it at all (``arguable`` ones may be there or not). The Brier score is the mean,
over the passages that have a confidence, of ``(stated probability - right)**2``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from medialit.case.model import Case, ExerciseSpec
from medialit.scoring.key import key_matrix
from medialit.scoring.learner import tag_matrix
from medialit.tagfile.model import TagSet

#: Each level's stated probability that the answer is right, least sure first.
CONFIDENCE_LEVELS: dict[str, float] = {"unsure": 0.5, "fairly_sure": 0.75, "sure": 0.95}
#: How each level is shown to learners.
CONFIDENCE_LABELS: dict[str, str] = {"unsure": "Not sure", "fairly_sure": "Fairly sure", "sure": "Sure"}

#: The columns of :func:`confidence_answers`.
ANSWER_COLUMNS = ("passage_id", "level", "stated", "right")


def answer_is_right(tagset: TagSet, case: Case, exercise: str | ExerciseSpec) -> pd.Series:
    """Per passage of the exercise (in its order), whether the learner's answer is right."""
    key = key_matrix(case, exercise)
    tagged, _reviewed = tag_matrix(tagset, key)
    missed = (key.clear & ~tagged).any(axis=1)
    extra = (tagged & ~key.clear & ~key.arguable).any(axis=1)
    right = pd.Series(~missed & ~extra, index=pd.Index(key.passage_ids, name="passage_id"), name="right")
    return right


def _answers(rows: list[tuple[str, str, float, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(ANSWER_COLUMNS)).astype({"stated": float, "right": int})


def confidence_answers(tagset: TagSet, case: Case, exercise: str | ExerciseSpec) -> pd.DataFrame:
    """The exercise's passages the learner gave a confidence: passage_id, level, stated, right (0 or 1)."""
    right = answer_is_right(tagset, case, exercise)
    rows = [
        (pid, level, CONFIDENCE_LEVELS[level], int(right[pid]))
        for pid, level in tagset.confidence.items()
        if pid in right.index and level in CONFIDENCE_LEVELS
    ]
    return _answers(rows)


def class_answers(tagsets: Sequence[TagSet], case: Case, exercise: str | ExerciseSpec) -> pd.DataFrame:
    """Every answer a class gave a confidence on one exercise, learner after learner."""
    frames = [confidence_answers(tagset, case, exercise) for tagset in tagsets]
    return pd.concat(frames, ignore_index=True) if frames else _answers([])


def brier_score(answers: pd.DataFrame) -> float:
    """The Brier score of answers (rows of :func:`confidence_answers`, one learner's or a class's).

    ``nan`` when there are none; 0 is perfect, 0.25 is what always saying "Not sure" scores.
    """
    if answers.empty:
        return float("nan")
    return float(((answers["stated"] - answers["right"]) ** 2).mean())


def calibration_table(answers: pd.DataFrame) -> pd.DataFrame:
    """Per level (every level, least sure first): label, count, stated probability, share right.

    ``share_right`` is ``nan`` for a level nobody used.
    """
    grouped = answers.groupby("level")["right"]
    counts, rights = grouped.count(), grouped.sum()
    levels = pd.Index(list(CONFIDENCE_LEVELS), name="level")
    count = counts.reindex(levels, fill_value=0).astype(int)
    right = rights.reindex(levels, fill_value=0).astype(float)
    return pd.DataFrame(
        {
            "label": [CONFIDENCE_LABELS[level] for level in levels],
            "count": count,
            "stated": [CONFIDENCE_LEVELS[level] for level in levels],
            "share_right": np.where(count > 0, right / count.where(count > 0, 1), np.nan),
        },
        index=levels,
    )
