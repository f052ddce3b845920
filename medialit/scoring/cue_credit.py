"""Partial credit for cue words, as in the SemEval-2020 Task 11 span scorer."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from medialit.case.model import Case
from medialit.common.cues import find_span
from medialit.scoring.key import KeyMatrix
from medialit.tagfile.model import TagSet


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping (or touching) character spans merged into one, sorted."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def span_sums(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[float, float]:
    """SemEval-2020 Task 11 numerators: sum over p, g of |p∩g|/|p|, and of |p∩g|/|g|."""
    to_precision = to_recall = 0.0
    for p_start, p_end in predicted:
        for g_start, g_end in gold:
            overlap = max(0, min(p_end, g_end) - max(p_start, g_start))
            to_precision += overlap / (p_end - p_start)
            to_recall += overlap / (g_end - g_start)
    return to_precision, to_recall


def span_prf(numerator_p: float, n_predicted: int, numerator_r: float, n_gold: int) -> tuple[float, ...]:
    """Precision, recall, F1 from span sums; F1 is 1 with no spans on either side, 0 with one empty."""
    if n_predicted == 0 and n_gold == 0:
        return 1.0, 1.0, 1.0
    p = numerator_p / n_predicted if n_predicted else float("nan")
    r = numerator_r / n_gold if n_gold else float("nan")
    if not n_predicted or not n_gold or p + r == 0:
        return p, r, 0.0
    return p, r, 2 * p * r / (p + r)


@dataclass(frozen=True)
class CueCredit:
    """Partial credit for cue words, pooled over the pairs where the learner picked them."""

    pairs: int
    precision: float
    recall: float
    f1: float
    by_pair: dict[tuple[str, str], float] = field(default_factory=dict)


def cue_credit(tagset: TagSet, case: Case, key: KeyMatrix) -> CueCredit:
    """Cue credit over every (passage, category) the key tags and the learner gave cue words for.

    Learner's words and the key's cue are located in the passage text at their first occurrence
    (:func:`medialit.common.cues.find_span`); words not found there give no span. Sums are pooled over
    pairs as in the SemEval-2020 Task 11 scorer, with each pair's spans merged first.
    """
    sums = np.zeros(4)
    by_pair: dict[tuple[str, str], float] = {}
    for pid, by_category in tagset.cues.items():
        for category, words in by_category.items():
            if (pid, category) not in key.rows.index:
                continue
            text = case.passages.at[pid, "text"]
            gold_span = find_span(text, key.rows.at[(pid, category), "cue"])
            gold = merge_spans([gold_span] if gold_span else [])
            predicted = merge_spans([s for s in (find_span(text, w) for w in words) if s])
            numerator_p, numerator_r = span_sums(predicted, gold)
            sums += (numerator_p, len(predicted), numerator_r, len(gold))
            by_pair[(pid, category)] = span_prf(numerator_p, len(predicted), numerator_r, len(gold))[2]
    if not by_pair:
        nan = float("nan")
        return CueCredit(0, nan, nan, nan)
    p, r, f = span_prf(sums[0], int(sums[1]), sums[2], int(sums[3]))
    return CueCredit(len(by_pair), float(p), float(r), float(f), by_pair)
