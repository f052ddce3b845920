"""A class's tags stacked into arrays, and what the class agrees on (alpha, shares, consensus)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from medialit.scoring.key import KeyMatrix
from medialit.tagfile.model import TagSet


@dataclass(frozen=True)
class ClassTags:
    """A class's tags stacked: ``tagged`` is learners x passages x categories.

    ``reviewed`` is learners x passages; ``labels`` and ``sources`` name each learner and file.
    """

    key: KeyMatrix
    labels: tuple[str, ...]
    sources: tuple[str, ...]
    tagged: np.ndarray
    reviewed: np.ndarray


def stack_tags(tagsets: list[TagSet], key: KeyMatrix) -> ClassTags:
    """Stack tag sets into boolean arrays over the key's exercise (other passages are ignored)."""
    n_p, n_c = len(key.passage_ids), len(key.categories)
    p_index = {pid: i for i, pid in enumerate(key.passage_ids)}
    c_index = {category: i for i, category in enumerate(key.categories)}
    reviewed_at: list[int] = []  # flat indices into learners x passages
    tagged_at: list[int] = []  # flat indices into learners x passages x categories
    for learner, tagset in enumerate(tagsets):
        for pid, categories in tagset.tags.items():
            p = p_index.get(pid)
            if p is None:
                continue
            row = learner * n_p + p
            reviewed_at.append(row)
            tagged_at.extend(row * n_c + c_index[c] for c in categories if c in c_index)
    reviewed = np.zeros((len(tagsets), n_p), bool)
    tagged = np.zeros((len(tagsets), n_p, n_c), bool)
    reviewed.ravel()[np.asarray(reviewed_at, dtype=np.intp)] = True
    tagged.ravel()[np.asarray(tagged_at, dtype=np.intp)] = True
    return ClassTags(
        key,
        tuple(t.label for t in tagsets),
        tuple(t.source for t in tagsets),
        tagged,
        reviewed,
    )


def nominal_alpha(value_counts: np.ndarray) -> np.ndarray:
    """Krippendorff's alpha (nominal) from value counts of shape (..., units, values).

    ``value_counts[..., u, v]`` is how many coders gave unit ``u`` value ``v``; missing values
    are simply not counted. Units with fewer than two values are not pairable and drop out.
    Returns an array of shape (...); ``nan`` where alpha is undefined (fewer than two pairable
    values, or a single value throughout).
    """
    counts = np.asarray(value_counts, float)
    m = counts.sum(axis=-1)
    weight = np.where(m >= 2, 1.0 / np.where(m >= 2, m - 1, 1), 0.0)
    coincidence = np.einsum("...uv,...uw,...u->...vw", counts, counts, weight)
    diagonal = np.einsum("...uv,...u->...v", counts, weight)
    coincidence -= diagonal[..., None, :] * np.eye(counts.shape[-1])
    n_v = coincidence.sum(axis=-1)
    n = n_v.sum(axis=-1)
    observed = coincidence.sum(axis=(-2, -1)) - np.trace(coincidence, axis1=-2, axis2=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = (n**2 - (n_v**2).sum(axis=-1)) / (n - 1)
        alpha = 1 - observed / expected
    return np.where((n > 1) & (expected > 0), alpha, np.nan)


def class_alpha(stack: ClassTags) -> np.ndarray:
    """Per category, Krippendorff's alpha (nominal) among learners; unreviewed passages are missing."""
    yes = stack.tagged.sum(axis=0)  # passages x categories
    no = stack.reviewed.sum(axis=0)[:, None] - yes
    counts = np.stack([no, yes], axis=-1).transpose(1, 0, 2)  # categories x passages x 2
    return nominal_alpha(counts)


def class_shares(stack: ClassTags) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(tagged, reviewed, share)`` per passage and category, each passages x categories.

    How many learners tagged the pair, how many reviewed the passage, and the share of its
    reviewers who tagged it (nan if nobody reviewed it).
    """
    tagged = stack.tagged.sum(axis=0)
    reviewed = np.broadcast_to(stack.reviewed.sum(axis=0)[:, None], tagged.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(reviewed > 0, tagged / np.maximum(reviewed, 1), np.nan)
    return tagged, reviewed, share


def consensus(stack: ClassTags) -> np.ndarray:
    """The class's consensus: a pair is tagged when more than half of its reviewers tagged it."""
    share = class_shares(stack)[2]
    return np.nan_to_num(share, nan=0.0) > 0.5
