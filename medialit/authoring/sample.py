"""Synthetic learners' tag files, derived from the key with noise, for demos and tests.

:func:`sample_class` writes ``n`` files such as ``learner-01.json`` into a folder. Each learner
has their own coverage (the share of passages reviewed), recall (the chance of tagging what
the key tags clearly) and false-alarm rate; arguable pairs are tagged half the time. The same
``seed`` always gives the same files. The files are clearly fake (``Sample learner 01``) and
are meant for the instructor notebook, never for real grading.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from medialit.case.loading import load_case
from medialit.case.model import Case
from medialit.scoring.key import key_matrix
from medialit.tagfile.model import TagSet, now_iso
from medialit.tagfile.storage import dump_tags


def sample_tagset(case: Case, exercise: str, rng: np.random.Generator, learner: str) -> TagSet:
    """One synthetic learner's tags over an exercise (the file records the exercise, as the widget's do)."""
    key = key_matrix(case, exercise)
    coverage = rng.uniform(0.6, 1.0)
    recall = rng.uniform(0.45, 0.95)
    false_alarm = rng.uniform(0.02, 0.15)
    shape = key.clear.shape
    draws = rng.random(shape)
    tagged = np.where(key.clear, draws < recall, np.where(key.arguable, draws < 0.5, draws < false_alarm))
    reviewed = rng.random(len(key.passage_ids)) < coverage
    tags = {
        pid: [c for c, on in zip(key.categories, tagged[p], strict=True) if on]
        for p, pid in enumerate(key.passage_ids)
        if reviewed[p]
    }
    return TagSet(case=case.case_id, tags=tags, learner=learner, saved_at=now_iso(), exercise=exercise)


def sample_class(
    folder: Path | str, n: int = 12, seed: int = 0, exercise: str = "capstone", case: Case | None = None
) -> list[Path]:
    """Write ``n`` synthetic learners' tag files for ``exercise`` into ``folder``; return their paths."""
    case = case or load_case()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    paths = []
    for number in range(1, n + 1):
        tagset = sample_tagset(case, exercise, rng, f"Sample learner {number:02d}")
        path = folder / f"learner-{number:02d}.json"
        path.write_text(dump_tags(tagset), encoding="utf-8")
        paths.append(path)
    return paths
