"""The case as objects: the article, its passages, the taxonomy, the key and the exercises.

>>> from medialit import load_case
>>> case = load_case()
>>> case.passages.loc["p012", "text"][:20]
'Seeing that this cou'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from medialit.case.lateral import LateralTask, tasks_from_json


@dataclass(frozen=True)
class ExerciseSpec:
    """A set of passages and the categories a learner tags in them.

    ``asks_confidence``: the learner also says how sure they are of each answer (the pre-test
    and post-test; ``"confidence": true`` in the case manifest's exercise).
    """

    exercise_id: str
    title: str
    categories: tuple[str, ...]
    passage_ids: tuple[str, ...]
    asks_confidence: bool = False


def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


@dataclass(frozen=True)
class Case:
    """The case study, loaded from a validated data folder."""

    folder: Path
    manifest: dict[str, Any]

    def _path(self, role: str) -> Path:
        return self.folder / self.manifest["files"][role]

    @property
    def case_id(self) -> str:
        """The case's id, written into every learner's tag file."""
        return self.manifest["case"]

    @property
    def title(self) -> str:
        """The article's headline."""
        return self.manifest["title"]

    @cached_property
    def article(self) -> str:
        """The cleaned article text that the passages' offsets point into."""
        return self._path("article").read_text(encoding="utf-8")

    @cached_property
    def passages(self) -> pd.DataFrame:
        """One row per passage, indexed by ``passage_id``, in reading order."""
        frame = _read_csv(self._path("passages"))
        for column in ("paragraph", "start", "end"):
            frame[column] = frame[column].astype(int)
        frame["has_link"] = frame["has_link"] == "true"
        return frame.set_index("passage_id")

    @cached_property
    def links(self) -> pd.DataFrame:
        """The phrases that were hyperlinks on the original page."""
        frame = _read_csv(self._path("links"))
        frame[["start", "end"]] = frame[["start", "end"]].astype(int)
        return frame

    @cached_property
    def taxonomy(self) -> dict[str, Any]:
        """The taxonomy of techniques, as stored in ``taxonomy.json``."""
        return json.loads(self._path("taxonomy").read_text(encoding="utf-8"))

    @cached_property
    def categories(self) -> dict[str, dict[str, Any]]:
        """The categories by id, in the taxonomy's order."""
        return {category["id"]: category for category in self.taxonomy["categories"]}

    @cached_property
    def key(self) -> pd.DataFrame:
        """The annotated key: one row per (passage, category) judgement."""
        return _read_csv(self._path("key"))

    @cached_property
    def not_this(self) -> pd.Series:
        """Why the key does *not* tag a (passage, category) a careful reader may tag, by that pair.

        Empty when the case has no ``not_this`` file.
        """
        if "not_this" not in self.manifest["files"]:
            empty = pd.MultiIndex.from_tuples([], names=["passage_id", "category"])
            return pd.Series([], index=empty, dtype=str, name="reason")
        return _read_csv(self._path("not_this")).set_index(["passage_id", "category"])["reason"]

    @cached_property
    def sources(self) -> pd.DataFrame:
        """The source ledger, indexed by ``source_id``."""
        return _read_csv(self._path("sources")).set_index("source_id")

    @cached_property
    def lateral(self) -> tuple[LateralTask, ...]:
        """The lateral-reading tasks (empty when the case has no ``lateral`` file)."""
        if "lateral" not in self.manifest["files"]:
            return ()
        data = json.loads(self._path("lateral").read_text(encoding="utf-8"))
        return tasks_from_json(data, self.sources["where"].to_dict())

    def lateral_task(self, task_id: str) -> LateralTask:
        """One lateral-reading task by id (``KeyError`` if there is none)."""
        for task in self.lateral:
            if task.task_id == task_id:
                return task
        raise KeyError(f"No lateral-reading task {task_id!r}.")

    def annotation_pass(self, role: str) -> pd.DataFrame:
        """One of the key's independent annotation passes (``"pass_a"``, ``"pass_b"``, ...)."""
        return _read_csv(self._path(role))

    def exercise(self, exercise_id: str = "article") -> ExerciseSpec:
        """An exercise by id; ``"article"`` is the whole article with every category."""
        if exercise_id == "article":
            return ExerciseSpec(
                "article", "The whole article", tuple(self.categories), tuple(self.passages.index)
            )
        exercises = self.manifest.get("exercises", {})
        if exercise_id not in exercises:
            known = ", ".join(["article", *exercises])
            raise KeyError(f"No exercise {exercise_id!r}; known exercises: {known}")
        spec = exercises[exercise_id]
        passages = tuple(self.passages.index) if spec["passages"] == "all" else tuple(spec["passages"])
        asks = bool(spec.get("confidence", False))
        return ExerciseSpec(exercise_id, spec["title"], tuple(spec["categories"]), passages, asks)

    @property
    def exercise_ids(self) -> list[str]:
        """Every exercise's id, the whole article first."""
        return ["article", *self.manifest.get("exercises", {})]
