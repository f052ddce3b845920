"""Score learners' tags against the key: per-category 2x2 tables, cue credit, feedback.

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

from medialit.agreement import cohen_kappa, f1, precision, recall
from medialit.case import Case, Exercise
from medialit.problems import Problem
from medialit.tags import TagSet, find_span

STATISTICS = ("precision", "recall", "f1", "kappa")
COUNTS = ("tp", "fp", "fn", "tn")
STATUSES = ("agreed", "missed", "extra", "arguable")


# --- the key as matrices -------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyMatrix:
    """The key over one exercise: which (passage, category) pairs are clear or arguable tags."""

    exercise: Exercise
    passage_ids: tuple[str, ...]
    categories: tuple[str, ...]
    clear: np.ndarray  # passages x categories, bool
    arguable: np.ndarray  # passages x categories, bool
    rows: pd.DataFrame  # the key's rows for this exercise, indexed by (passage_id, category)


def resolve_exercise(case: Case, exercise: str | Exercise = "article") -> Exercise:
    """The exercise itself, given its id or the object (raises ``KeyError`` for an unknown id)."""
    return exercise if isinstance(exercise, Exercise) else case.exercise(exercise)


def key_matrix(case: Case, exercise: str | Exercise = "article") -> KeyMatrix:
    """The key's clear and arguable tags over an exercise's passages and categories."""
    exercise = resolve_exercise(case, exercise)
    passage_ids, categories = tuple(exercise.passage_ids), tuple(exercise.categories)
    rows = case.key[case.key["passage_id"].isin(passage_ids) & case.key["category"].isin(categories)]
    rows = rows.set_index(["passage_id", "category"])
    clear = np.zeros((len(passage_ids), len(categories)), bool)
    arguable = np.zeros_like(clear)
    p_index = pd.Index(passage_ids).get_indexer(rows.index.get_level_values(0))
    c_index = pd.Index(categories).get_indexer(rows.index.get_level_values(1))
    is_clear = (rows["strength"] == "clear").to_numpy()
    clear[p_index[is_clear], c_index[is_clear]] = True
    arguable[p_index[~is_clear], c_index[~is_clear]] = True
    return KeyMatrix(exercise, passage_ids, categories, clear, arguable, rows)


# --- counts and statistics, for any number of learners -----------------------------------------


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


# --- one learner -------------------------------------------------------------------------------


def tag_matrix(tagset: TagSet, key: KeyMatrix) -> tuple[np.ndarray, np.ndarray]:
    """``(tagged, reviewed)``: passages x categories and passages, over the key's exercise."""
    stack = stack_tags([tagset], key)
    return stack.tagged[0], stack.reviewed[0]


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


def span_scores(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[float, ...]:
    """SemEval-2020 Task 11 span precision, recall and F1, after merging overlapping spans."""
    predicted, gold = merge_spans(predicted), merge_spans(gold)
    numerator_p, numerator_r = span_sums(predicted, gold)
    return span_prf(numerator_p, len(predicted), numerator_r, len(gold))


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
    (:func:`medialit.tags.find_span`); words not found there give no span. Sums are pooled over
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
            "problems": [str(problem) for problem in self.problems],
        }


def _json_number(value: Any) -> Any:
    """A plain int or float for JSON, ``None`` for nan."""
    if isinstance(value, (int, np.integer)):
        return int(value)
    value = float(value)
    return None if np.isnan(value) else value


def score(tagset: TagSet, case: Case, exercise: str | Exercise = "article") -> Score:
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
        problems=list(tagset.problems),
    )


def feedback(tagset: TagSet, case: Case, exercise: str | Exercise = "article") -> pd.DataFrame:
    """One row per (passage, category) where the learner or the key put a tag, in reading order.

    ``status`` is ``agreed`` (both tagged; key clear), ``missed`` (key clear, learner not),
    ``extra`` (learner tagged, key did not) or ``arguable`` (key arguable; ``learner_tagged``
    says what the learner did, and neither choice is wrong). Each row carries the key's subtype,
    cue, rationale and check, the learner's cue words and note, and ``cue_f1`` where scored.
    """
    key = key_matrix(case, exercise)
    tagged, reviewed = tag_matrix(tagset, key)
    either = tagged | key.clear | key.arguable
    rows = []
    credit = cue_credit(tagset, case, key).by_pair
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
        "learner_cues",
        "note",
        "cue_f1",
    ]
    return pd.DataFrame(rows, columns=columns)


# --- a class -----------------------------------------------------------------------------------


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
    reviewed = np.zeros(len(tagsets) * n_p, bool)
    tagged = np.zeros(len(tagsets) * n_p * n_c, bool)
    reviewed[np.asarray(reviewed_at, dtype=np.intp)] = True
    tagged[np.asarray(tagged_at, dtype=np.intp)] = True
    reviewed, tagged = reviewed.reshape(len(tagsets), n_p), tagged.reshape(len(tagsets), n_p, n_c)
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
