"""A case with the two test forms, for tests: a copy of the other-side case with ``pretest`` and
``posttest`` exercises (``"confidence": true``), and synthetic learners built from its key.

The real transfer case is written elsewhere; this one only needs the shape. The pre-test is the
passages s001-s033, the post-test s034-s067, each with every category.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from medialit.case.loading import load_case
from medialit.case.model import Case
from medialit.scoring.key import key_matrix
from medialit.tagfile.model import TagSet
from tests.forms import add_forms

PRE_PASSAGES = [f"s{n:03d}" for n in range(1, 34)]
POST_PASSAGES = [f"s{n:03d}" for n in range(34, 68)]


def forms_case(folder: Path) -> Case:
    """Copy the other-side case into ``folder`` (with its taxonomy) and add the two tests."""
    data = load_case().folder
    shutil.copy(data / "taxonomy.json", folder / "taxonomy.json")
    case_folder = folder / "other-side"
    shutil.copytree(data / "other-side", case_folder)
    add_forms(case_folder, PRE_PASSAGES, POST_PASSAGES)
    return load_case(case_folder)


def levelled(case: Case, exercise: str, learner: str, levels: dict[str, float]) -> TagSet:
    """A learner whose skill score on ``exercise`` is exactly ``levels[category]`` (0, 0.5 or 1).

    1: the key's clear tags and nothing else; 0.5: nothing tagged; 0: every pair the key does
    not tag, and none it does. Every passage is reviewed.
    """
    key = key_matrix(case, exercise)
    tags: dict[str, list[str]] = {pid: [] for pid in key.passage_ids}
    for c, category in enumerate(key.categories):
        level = levels.get(category, 0.5)
        if level == 0.5:
            continue
        wanted = key.clear[:, c] if level == 1 else ~key.clear[:, c] & ~key.arguable[:, c]
        for p in np.flatnonzero(wanted):
            tags[key.passage_ids[p]].append(category)
    return TagSet(case=case.case_id, tags=tags, learner=learner, exercise=exercise)


def noisy(case: Case, exercise: str, learner: str, right: float, rng: np.random.Generator) -> TagSet:
    """A learner who gets each pair the key judges right with probability ``right`` (their expected score).

    A clear pair is tagged, and a pair the key does not tag is left untagged, with that
    probability; arguable pairs are never tagged.
    """
    key = key_matrix(case, exercise)
    correct = rng.random(key.clear.shape) < right
    tagged = np.where(key.clear, correct, ~correct & ~key.arguable)
    tags = {
        pid: [category for c, category in enumerate(key.categories) if tagged[p, c]]
        for p, pid in enumerate(key.passage_ids)
    }
    return TagSet(case=case.case_id, tags=tags, learner=learner, exercise=exercise)
