"""The key over one exercise as boolean matrices of passages x categories."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from medialit.case.model import Case, ExerciseSpec


@dataclass(frozen=True)
class KeyMatrix:
    """The key over one exercise: which (passage, category) pairs are clear or arguable tags."""

    exercise: ExerciseSpec
    passage_ids: tuple[str, ...]
    categories: tuple[str, ...]
    clear: np.ndarray  # passages x categories, bool
    arguable: np.ndarray  # passages x categories, bool
    rows: pd.DataFrame  # the key's rows for this exercise, indexed by (passage_id, category)


def resolve_exercise(case: Case, exercise: str | ExerciseSpec = "article") -> ExerciseSpec:
    """The exercise itself, given its id or the object (raises ``KeyError`` for an unknown id)."""
    return exercise if isinstance(exercise, ExerciseSpec) else case.exercise(exercise)


def key_matrix(case: Case, exercise: str | ExerciseSpec = "article") -> KeyMatrix:
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
