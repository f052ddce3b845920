"""Load the case (the article, its passages, the taxonomy, the key, the source ledger).

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

from medialit.paths import MANIFEST, data_dir
from medialit.problems import ProblemsError
from medialit.segment import derived_files
from medialit.validate import check_case


@dataclass(frozen=True)
class Exercise:
    """A set of passages and the categories a learner tags in them."""

    exercise_id: str
    title: str
    categories: tuple[str, ...]
    passage_ids: tuple[str, ...]


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
    def sources(self) -> pd.DataFrame:
        """The source ledger, indexed by ``source_id``."""
        return _read_csv(self._path("sources")).set_index("source_id")

    def annotation_pass(self, role: str) -> pd.DataFrame:
        """One of the key's independent annotation passes (``"pass_a"`` or ``"pass_b"``)."""
        return _read_csv(self._path(role))

    def exercise(self, exercise_id: str = "article") -> Exercise:
        """An exercise by id; ``"article"`` is the whole article with every category."""
        if exercise_id == "article":
            return Exercise(
                "article", "The whole article", tuple(self.categories), tuple(self.passages.index)
            )
        exercises = self.manifest.get("exercises", {})
        if exercise_id not in exercises:
            known = ", ".join(["article", *exercises])
            raise KeyError(f"No exercise {exercise_id!r}; known exercises: {known}")
        spec = exercises[exercise_id]
        passages = tuple(self.passages.index) if spec["passages"] == "all" else tuple(spec["passages"])
        return Exercise(exercise_id, spec["title"], tuple(spec["categories"]), passages)

    @property
    def exercise_ids(self) -> list[str]:
        """Every exercise's id, the whole article first."""
        return ["article", *self.manifest.get("exercises", {})]


def read_manifest(folder: Path) -> dict[str, Any]:
    """The case's manifest, ``case.json`` in its folder."""
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def case_folder(name: str | None = None) -> Path:
    """The folder of the case called ``name`` (a sub-folder of the data folder), or the main case."""
    return data_dir() / name if name else data_dir()


def case_folders() -> list[Path]:
    """The main case's folder and the folders of the further cases its manifest lists."""
    main = data_dir()
    return [main, *(main / name for name in read_manifest(main).get("cases", []))]


def case_derived_files(folder: Path) -> dict[str, str]:
    """What ``article.txt``, ``passages.csv`` and ``links.csv`` must hold, from the case's source."""
    manifest = read_manifest(folder)
    source = (folder / manifest["files"]["seed"]).read_text(encoding="utf-8")
    return derived_files(
        source, segmenter=manifest.get("segmenter", "web-seed"), prefix=manifest.get("id_prefix", "p")
    )


def load_case(folder: Path | str | None = None) -> Case:
    """Load and validate a case; raise :class:`ProblemsError` listing every problem.

    ``folder`` is a path, the name of a further case (``"other-side"``), or ``None`` for the
    main case.
    """
    if isinstance(folder, str) and "/" not in folder and not Path(folder).is_dir():
        folder = case_folder(folder)
    folder = Path(folder) if folder is not None else data_dir()
    report = check_case(folder)
    if not report.ok:
        raise ProblemsError(report.problems)
    return Case(folder.resolve(), read_manifest(folder))


def category_table(case: Case) -> pd.DataFrame:
    """The four categories with their one-line definitions and subtypes, for display."""
    return pd.DataFrame(
        [
            {
                "category": category["label"],
                "in one line": category["short"],
                "subtypes": ", ".join(subtype["label"] for subtype in category["subtypes"]),
            }
            for category in case.categories.values()
        ]
    ).set_index("category")


def subtype_label(case: Case, category: str, subtype: str) -> str:
    """The taxonomy's label for a subtype id (the id itself if unknown or empty)."""
    for entry in case.categories[category]["subtypes"]:
        if entry["id"] == subtype:
            return entry["label"]
    return subtype
