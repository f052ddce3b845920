"""Print speed figures for scoring and class reports (a benchmark, not a test).

.venv/bin/python benchmarks/scoring.py

Times: scoring one learner; a class report over 1,000 synthetic learners (the tables: per-learner
scores, per-passage shares, Krippendorff's alpha, consensus; plots excluded, timed on their own);
the same per-category kappas computed with a per-learner loop over scikit-learn, as the
reference; reading 1,000 tag files from disk. Target: the report at least 20x faster than the
loop and under 2 s for 1,000 learners.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
from sklearn.metrics import cohen_kappa_score
from timing import timed

from medialit.case.loading import load_case
from medialit.case.model import Case
from medialit.rendering.report_figures import figures
from medialit.rendering.report_files import write_report
from medialit.scoring.class_report import build_report
from medialit.scoring.class_tags import stack_tags
from medialit.scoring.counts import statistics as table_statistics
from medialit.scoring.counts import table_counts
from medialit.scoring.key import key_matrix
from medialit.scoring.learner import score
from medialit.tagfile.folder import load_folder
from medialit.tagfile.model import TagSet, now_iso
from medialit.tagfile.storage import write_tags_atomic

LEARNERS = 1000


def synthetic_class(case: Case, n: int, seed: int = 0) -> list[TagSet]:
    """``n`` learners who each review most passages and agree with the key more often than not."""
    rng = np.random.default_rng(seed)
    key = key_matrix(case)
    truth = key.clear | key.arguable
    tagsets = []
    for i in range(n):
        skill = rng.uniform(0.3, 0.9)
        reviewed = rng.random(len(key.passage_ids)) < rng.uniform(0.5, 1.0)
        noise = rng.random(truth.shape)
        tagged = np.where(truth, noise < skill, noise < (1 - skill) * 0.15)
        tags = {
            pid: [c for c, on in zip(key.categories, tagged[p], strict=True) if on]
            for p, pid in enumerate(key.passage_ids)
            if reviewed[p]
        }
        tagsets.append(TagSet(case.case_id, tags, learner=f"learner {i:04d}", saved_at=now_iso()))
    return tagsets


def sklearn_loop(case: Case, tagsets: list[TagSet]) -> np.ndarray:
    """The reference: per learner and category, Cohen's kappa with scikit-learn."""
    key = key_matrix(case)
    kappas = np.full((len(tagsets), len(key.categories)), np.nan)
    for i, tagset in enumerate(tagsets):
        for c, category in enumerate(key.categories):
            keep = ~key.arguable[:, c]
            truth = key.clear[keep, c]
            given = np.array([category in tagset.tags.get(pid, ()) for pid in key.passage_ids])[keep]
            if truth.any() != truth.all() or given.any() != given.all() or truth.any() != given.any():
                kappas[i, c] = cohen_kappa_score(truth, given)
    return kappas


def main() -> None:
    """Print the figures."""
    case = load_case()
    tagsets = synthetic_class(case, LEARNERS)
    print(f"{LEARNERS} synthetic learners, {len(case.passages)} passages, {len(case.categories)} categories")
    timed("score one learner", lambda: score(tagsets[0], case))
    report_time = timed(f"class report, {LEARNERS} learners (tables)", lambda: build_report(tagsets, case))
    loop_time = timed(
        f"reference: sklearn kappa loop, {LEARNERS} learners", lambda: sklearn_loop(case, tagsets), 3
    )
    key = key_matrix(case)
    ours = table_statistics(table_counts(stack_tags(tagsets, key).tagged, key))["kappa"]
    reference = sklearn_loop(case, tagsets)
    same = np.allclose(ours, reference, equal_nan=True)
    print(f"{'kappas identical to scikit-learn':<56} {same}")
    print(f"{'speed-up of the report over the loop':<56} {loop_time / report_time:9.1f}x")
    report = build_report(tagsets, case)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "class"
        folder.mkdir()
        for tagset in tagsets:
            write_tags_atomic(folder / f"{tagset.learner}.json", tagset)
        timed(f"read {LEARNERS} tag files from disk", lambda: load_folder(folder, case), 3)
        timed(
            "write the report's tables and HTML (no plots)",
            lambda: write_report(report, Path(scratch) / "out", plots=False),
            3,
        )
        out = Path(scratch) / "end-to-end"
        timed(
            "report from the folder: read, tables, write (no plots)",
            lambda: write_report(build_report(*load_folder(folder, case)[:1], case), out, plots=False),
            3,
        )
        timed("draw and save the three figures", lambda: [p.save(Path(scratch)) for p in figures(report)], 3)


if __name__ == "__main__":
    main()
