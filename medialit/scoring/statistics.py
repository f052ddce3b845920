"""Agreement statistics on 2x2 tables, vectorised: Cohen's kappa, precision, recall, F1.

Each function takes counts (numbers or NumPy arrays of the same shape) and returns floats or
arrays, with ``nan`` where a value is undefined (e.g. kappa when both raters are constant).
Callers report ``nan`` as "undefined", never as a number.
"""

from __future__ import annotations

import warnings

import numpy as np
import numpy.typing as npt

Counts = npt.ArrayLike


def nan_mean(values: npt.ArrayLike) -> float:
    """The mean of the defined values (``numpy.nanmean``); ``nan``, silently, when none is defined."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "Mean of empty slice"
        return float(np.nanmean(np.asarray(values, float)))


def nan_median(values: npt.ArrayLike) -> float:
    """The median of the defined values (``numpy.nanmedian``); ``nan``, silently, when none is defined."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "All-NaN slice encountered"
        return float(np.nanmedian(np.asarray(values, float)))


def _ratio(numerator: Counts, denominator: Counts) -> np.ndarray:
    numerator, denominator = np.asarray(numerator, float), np.asarray(denominator, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator == 0, np.nan, numerator / np.where(denominator == 0, 1, denominator))


def cohen_kappa(tp: Counts, fp: Counts, fn: Counts, tn: Counts) -> np.ndarray:
    """Cohen's kappa for two raters' yes/no decisions, from their 2x2 table.

    ``tp``: both said yes; ``fp``: only the second said yes; ``fn``: only the first; ``tn``:
    both said no. Undefined (``nan``) when chance agreement is 1, i.e. both raters gave the
    same single answer throughout.
    """
    tp, fp, fn, tn = (np.asarray(value, float) for value in (tp, fp, fn, tn))
    n = tp + fp + fn + tn
    observed = _ratio(tp + tn, n)
    expected = _ratio((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn), n * n)
    return _ratio(observed - expected, 1 - expected)


def precision(tp: Counts, fp: Counts) -> np.ndarray:
    """Share of the tags given that were right; undefined when none were given."""
    return _ratio(tp, np.asarray(tp) + np.asarray(fp))


def recall(tp: Counts, fn: Counts) -> np.ndarray:
    """Share of the expected tags that were given; undefined when none were expected."""
    return _ratio(tp, np.asarray(tp) + np.asarray(fn))


def f1(tp: Counts, fp: Counts, fn: Counts) -> np.ndarray:
    """Harmonic mean of precision and recall, as ``2tp / (2tp + fp + fn)``."""
    tp = np.asarray(tp, float)
    return _ratio(2 * tp, 2 * tp + np.asarray(fp) + np.asarray(fn))
