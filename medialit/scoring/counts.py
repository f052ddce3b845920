"""2x2 counts per category and the statistics on them, for one learner or a whole class at once."""

from __future__ import annotations

import numpy as np
import pandas as pd

from medialit.scoring.key import KeyMatrix
from medialit.scoring.statistics import cohen_kappa, f1, precision, recall

STATISTICS = ("precision", "recall", "f1", "kappa")


COUNTS = ("tp", "fp", "fn", "tn")


def table_counts(tagged: np.ndarray, key: KeyMatrix) -> dict[str, np.ndarray]:
    """The 2x2 counts per category, for ``tagged`` of shape (..., passages, categories).

    Returns ``tp``, ``fp``, ``fn``, ``tn`` arrays of shape (..., categories); pairs the key marks
    arguable are left out.
    """
    scored = ~key.arguable
    tp = (tagged & key.clear).sum(axis=-2)
    given = (tagged & scored).sum(axis=-2)
    fp = given - tp
    fn = key.clear.sum(axis=0) - tp
    tn = scored.sum(axis=0) - tp - fp - fn
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn}


def statistics(counts: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Precision, recall, F1 and Cohen's kappa (key = first rater) from 2x2 counts; nan if undefined."""
    tp, fp, fn, tn = (counts[name] for name in COUNTS)
    return {
        "precision": precision(tp, fp),
        "recall": recall(tp, fn),
        "f1": f1(tp, fp, fn),
        "kappa": cohen_kappa(tp, fp, fn, tn),
    }


def micro(counts: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Counts summed over categories (the last axis) with micro precision, recall and F1."""
    tp, fp, fn = (np.asarray(counts[name]).sum(axis=-1) for name in ("tp", "fp", "fn"))
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision(tp, fp),
        "recall": recall(tp, fn),
        "f1": f1(tp, fp, fn),
    }


def category_frame(counts: dict[str, np.ndarray], categories: tuple[str, ...]) -> pd.DataFrame:
    """One row per category: ``tp fp fn tn precision recall f1 kappa``."""
    frame = pd.DataFrame({name: np.asarray(counts[name]).astype(int) for name in COUNTS})
    for name, values in statistics(counts).items():
        frame[name] = values
    frame.index = pd.Index(categories, name="category")
    return frame
