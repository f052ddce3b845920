"""Partial credit for cue words, as in the SemEval-2020 Task 11 span scorer."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from medialit.case.model import Case
from medialit.common.cues import find_spans, split_cues
from medialit.scoring.key import KeyMatrix
from medialit.tagfile.model import TagSet


def _overlap(span: tuple[int, int], others: list[tuple[int, int]]) -> int:
    """How many characters of ``span`` lie inside any of ``others`` (which do not overlap)."""
    start, end = span
    return sum(max(0, min(end, o_end) - max(start, o_start)) for o_start, o_end in others)


def cue_sums(
    predicted: list[tuple[int, int]], alternatives: list[tuple[int, int]]
) -> tuple[float, float, int]:
    """Numerators for cue precision and recall, and the number of key cues counted (0 or 1).

    This is the SemEval-2020 Task 11 span scorer (sum over p, g of |p∩g|/|p| and of |p∩g|/|g|)
    with one change for a key row that lists several cues: any one of them is a full answer.
    Precision counts the learner's characters inside any of the key's cues; recall counts how
    much of the best-covered single cue the learner found. With one key cue both are exactly
    the SemEval sums. ``predicted`` and ``alternatives`` are merged, sorted spans.
    """
    if not alternatives:
        return 0.0, 0.0, 0
    to_precision = sum(_overlap(span, alternatives) / (span[1] - span[0]) for span in predicted)
    to_recall = max(_overlap(gold, predicted) / (gold[1] - gold[0]) for gold in alternatives)
    return to_precision, to_recall, 1


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

    Learner's words and the key's cues are located in the passage text at their first occurrence
    (:func:`medialit.common.cues.find_span`); words not found there give no span. When the key
    lists several cues, any one of them earns full credit (:func:`cue_sums`). Sums are pooled over
    pairs as in the SemEval-2020 Task 11 scorer, with each pair's spans merged first.
    """
    sums = np.zeros(4)
    by_pair: dict[tuple[str, str], float] = {}
    for pid, by_category in tagset.cues.items():
        for category, words in by_category.items():
            if (pid, category) not in key.rows.index:
                continue
            text = case.passages.at[pid, "text"]
            alternatives = find_spans(text, split_cues(key.rows.at[(pid, category), "cue"]))
            predicted = find_spans(text, list(words))
            numerator_p, numerator_r, n_gold = cue_sums(predicted, alternatives)
            sums += (numerator_p, len(predicted), numerator_r, n_gold)
            by_pair[(pid, category)] = span_prf(numerator_p, len(predicted), numerator_r, n_gold)[2]
    if not by_pair:
        nan = float("nan")
        return CueCredit(0, nan, nan, nan)
    p, r, f = span_prf(sums[0], int(sums[1]), sums[2], int(sums[3]))
    return CueCredit(len(by_pair), float(p), float(r), float(f), by_pair)
