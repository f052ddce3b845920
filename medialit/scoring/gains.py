"""What a class gained between the pre-test and the post-test, per skill, with a bootstrap interval.

Learners are paired by name (:func:`medialit.tagfile.names.learner_key`: case, spacing and
Unicode forms ignored); a learner with only one of the two tests, or without a name, is not
paired. For each skill (category, in the taxonomy's order) and for ``all`` (each learner's mean
over the skills), the gain is the mean over paired learners of post-test score minus pre-test
score (:mod:`medialit.scoring.skills`), and its 95% interval the percentile bootstrap of that
mean: learners resampled with replacement, :data:`BOOTSTRAP_DRAWS` times, from
``numpy.random.default_rng(seed)``. With fewer than two paired learners there is no interval.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from medialit.case.labels import category_labels
from medialit.case.model import Case
from medialit.scoring.skills import class_skill_scores
from medialit.scoring.statistics import nan_mean
from medialit.tagfile.model import TagSet
from medialit.tagfile.names import learner_key

#: The exercises of the two parallel test forms.
PRETEST, POSTTEST = "pretest", "posttest"
#: The columns of ``gains.csv``.
GAINS_COLUMNS = (
    "skill",
    "label",
    "learners_paired",
    "mean_pre",
    "mean_post",
    "gain",
    "gain_low",
    "gain_high",
)
#: The row of every skill together.
ALL_SKILLS = "all"
ALL_LABEL = "All skills"
BOOTSTRAP_DRAWS = 10_000
DEFAULT_SEED = 2018
#: Draws resampled at once (bounds the memory a large class needs).
_BLOCK = 1_000


@dataclass(frozen=True)
class Pairs:
    """The learners who took both tests, each one's two tag sets, and the hand-ins left unpaired."""

    pre: list[TagSet]
    post: list[TagSet]
    unpaired: list[TagSet]


def pair_learners(pre: Sequence[TagSet], post: Sequence[TagSet]) -> Pairs:
    """Pair each named learner's pre-test with their post-test, in the post-tests' order.

    Give each learner once per test (:func:`medialit.scoring.hand_ins.newest_per_learner`).
    """
    pre_by_learner = {key: tagset for tagset in pre if (key := learner_key(tagset.learner)) is not None}
    post_keys = [learner_key(tagset.learner) for tagset in post]
    paired = [
        (pre_by_learner[key], tagset)
        for key, tagset in zip(post_keys, post, strict=True)
        if key in pre_by_learner
    ]
    paired_pre = {id(first) for first, _ in paired}
    paired_post = {id(second) for _, second in paired}
    unpaired = [t for t in pre if id(t) not in paired_pre] + [t for t in post if id(t) not in paired_post]
    return Pairs([first for first, _ in paired], [second for _, second in paired], unpaired)


def skill_table(tagsets: list[TagSet], case: Case, exercise: str) -> pd.DataFrame:
    """Each learner's skill scores (rows in order), with ``all``: their mean over the skills."""
    scores = class_skill_scores(tagsets, case, exercise)
    scores[ALL_SKILLS] = [nan_mean(row) for row in scores.to_numpy(float)]
    return scores


def bootstrap_interval(
    values: np.ndarray, seed: int = DEFAULT_SEED, draws: int = BOOTSTRAP_DRAWS
) -> tuple[np.ndarray, np.ndarray]:
    """The 95% percentile bootstrap interval of the mean of each column of ``values`` (learners x columns).

    Rows (learners) are resampled with replacement; every column uses the same resamples. The
    interval is ``nan`` with fewer than two rows.
    """
    values = np.asarray(values, float)
    n, columns = values.shape
    if n < 2:
        empty = np.full(columns, np.nan)
        return empty, empty.copy()
    rng = np.random.default_rng(seed)
    means = np.empty((draws, columns))
    for start in range(0, draws, _BLOCK):
        size = min(_BLOCK, draws - start)
        rows = rng.integers(0, n, size=(size, n))
        means[start : start + size] = values[rows].mean(axis=1)
    low, high = (np.array([_percentile(column, q) for column in means.T]) for q in (2.5, 97.5))
    return low, high


def _percentile(values: np.ndarray, q: float) -> float:
    """The ``q``-th percentile of the defined values; ``nan`` when none is defined."""
    defined = values[~np.isnan(values)]
    return float(np.percentile(defined, q)) if len(defined) else float("nan")


def gains_frame(
    pairs: Pairs, case: Case, seed: int = DEFAULT_SEED, draws: int = BOOTSTRAP_DRAWS
) -> pd.DataFrame:
    """The rows of ``gains.csv``: one per skill in the taxonomy's order, then ``all``; 3 decimals.

    ``pairs`` are the class's learners who took both tests (:func:`pair_learners`); undefined
    values are ``nan``.
    """
    before = skill_table(pairs.pre, case, PRETEST)
    skills = list(before.columns)
    after = skill_table(pairs.post, case, POSTTEST).reindex(columns=skills)
    change = after.to_numpy(float) - before.to_numpy(float)
    low, high = bootstrap_interval(change, seed, draws)
    labels = {**category_labels(case, skills[:-1]), ALL_SKILLS: ALL_LABEL}
    frame = pd.DataFrame(
        {
            "skill": skills,
            "label": [labels[skill] for skill in skills],
            "learners_paired": len(pairs.pre),
            "mean_pre": [nan_mean(before[skill]) for skill in skills],
            "mean_post": [nan_mean(after[skill]) for skill in skills],
            "gain": [nan_mean(column) for column in change.T],
            "gain_low": low,
            "gain_high": high,
        }
    )
    return frame.round(3)
