"""A class report as tables: per-learner scores, per-passage shares, agreement and the consensus.

:func:`build_report` first settles which tag sets count (one exercise, one hand-in per learner:
see :mod:`medialit.scoring.hand_ins`), then scores the whole class at once on stacked arrays. A
class that handed in both tests also gets its "Before and after"
(:mod:`medialit.scoring.before_after`).
:func:`class_report` does the same for the files :mod:`medialit.tagfile.folder` read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from medialit.case.labels import category_labels
from medialit.case.model import Case, ExerciseSpec
from medialit.common.problems import Problem
from medialit.scoring.before_after import TESTS, BeforeAfter, before_after, has_both_tests
from medialit.scoring.class_tags import ClassTags, class_alpha, class_shares, consensus, stack_tags
from medialit.scoring.counts import COUNTS, micro, statistics, table_counts
from medialit.scoring.hand_ins import choose_hand_ins
from medialit.scoring.key import key_matrix
from medialit.scoring.statistics import nan_mean
from medialit.tagfile.folder import ClassFiles
from medialit.tagfile.model import TagSet


@dataclass
class ClassReport:
    """Everything in a class report, as tables.

    ``exercise_note`` says in one sentence how the exercise was chosen (and how many files of
    other exercises were left out), ``skipped_note`` which files were not read as learners'
    work; ``left_out`` names each file of another exercise, which is not scored;
    ``before_after`` holds the gains and calibration of a class that handed in both tests.
    """

    exercise: ExerciseSpec
    stack: ClassTags
    learners: pd.DataFrame
    passages: pd.DataFrame
    agreement: pd.DataFrame
    category_labels: dict[str, str]
    title: str = ""
    errors: list[Problem] = field(default_factory=list)  # files that could not be used
    warnings: list[Problem] = field(default_factory=list)  # skipped within good files; older hand-ins
    left_out: list[Problem] = field(default_factory=list)  # good files of another exercise
    exercise_note: str = ""
    skipped_note: str = ""
    before_after: BeforeAfter | None = None

    @property
    def notes(self) -> list[str]:
        """The sentences to show beside the totals: the exercise chosen, what was skipped, who was paired."""
        paired = self.before_after.paired_note if self.before_after else ""
        return [note for note in (self.exercise_note, self.skipped_note, paired) if note]

    @property
    def bad_files(self) -> list[str]:
        """The files that could not be used, each once."""
        return list(dict.fromkeys(problem.file for problem in self.errors))

    def problems_frame(self) -> pd.DataFrame:
        """Every problem: ``file, line, severity, message`` (severity error, left out or warning)."""
        rows = [(p.file, p.row, "error", p.message) for p in self.errors]
        rows += [(p.file, p.row, "left out", p.message) for p in self.left_out]
        rows += [(p.file, p.row, "warning", p.message) for p in self.warnings]
        frame = pd.DataFrame(rows, columns=["file", "line", "severity", "message"])
        frame["line"] = frame["line"].astype("Int64")
        return frame


def _learners_frame(stack: ClassTags, tagsets: list[TagSet]) -> pd.DataFrame:
    counts = table_counts(stack.tagged, stack.key)  # each learners x categories
    stats = statistics(counts)
    pooled = micro(counts)
    total = len(stack.key.passage_ids)
    reviewed = stack.reviewed.sum(axis=1)
    columns: dict[str, Any] = {
        "learner": list(stack.labels),
        "file": list(stack.sources),
        "exercise": stack.key.exercise.exercise_id,
        "reviewed": reviewed,
        "total": total,
        "coverage": reviewed / total if total else np.nan,
    }
    for name in ("tp", "fp", "fn", "precision", "recall", "f1"):
        columns[f"micro_{name}"] = pooled[name]
    for c, category in enumerate(stack.key.categories):
        for name in COUNTS:
            columns[f"{category}_{name}"] = counts[name][:, c]
        for name, values in stats.items():
            columns[f"{category}_{name}"] = values[:, c]
    columns["warnings"] = [len(t.problems) for t in tagsets]
    return pd.DataFrame(columns)


def _passages_frame(stack: ClassTags, case: Case) -> pd.DataFrame:
    key = stack.key
    tagged, reviewed, share = class_shares(stack)
    n_p, n_c = tagged.shape
    status = np.where(key.clear, "clear", np.where(key.arguable, "arguable", "none"))
    with np.errstate(invalid="ignore"):
        difficulty = np.where(key.clear, 1 - share, np.where(key.arguable, np.nan, share))
    subtypes, cues, rationales = key.rows["subtype"], key.rows["cue"], key.rows["rationale"]
    not_this = case.not_this
    frame = pd.DataFrame(
        {
            "passage_id": np.repeat(key.passage_ids, n_c),
            "position": np.repeat(np.arange(1, n_p + 1), n_c),
            "category": np.tile(key.categories, n_p),
            "key": status.ravel(),
            "reviewed": reviewed.ravel(),
            "tagged": tagged.ravel(),
            "share": share.ravel(),
            "difficulty": difficulty.ravel(),
        }
    )
    frame["subtype"] = [
        subtypes.get((p, c), "") for p, c in zip(frame["passage_id"], frame["category"], strict=True)
    ]
    pairs = list(zip(frame["passage_id"], frame["category"], strict=True))
    frame["cue"] = [cues.get(pair, "") for pair in pairs]
    frame["reasoning"] = [rationales.get(pair, not_this.get(pair, "")) for pair in pairs]
    frame["text"] = case.passages.loc[list(frame["passage_id"]), "text"].to_numpy()
    return frame.sort_values(
        ["difficulty", "position"], ascending=[False, True], na_position="last"
    ).reset_index(drop=True)


def _agreement_frame(stack: ClassTags, learners: pd.DataFrame) -> pd.DataFrame:
    key = stack.key
    agreed = consensus(stack)
    counts = table_counts(agreed, key)
    stats = statistics(counts)
    reviewers = stack.reviewed.sum(axis=0)
    frame = pd.DataFrame(
        {
            "category": key.categories,
            "learners": len(stack.labels),
            "pairable_passages": int((reviewers >= 2).sum()),
            "alpha": class_alpha(stack),
            "mean_learner_f1": [nan_mean(learners[f"{c}_f1"].to_numpy(float)) for c in key.categories],
            "mean_learner_kappa": [nan_mean(learners[f"{c}_kappa"].to_numpy(float)) for c in key.categories],
        }
    )
    for name in COUNTS:
        frame[f"consensus_{name}"] = counts[name]
    for name, values in stats.items():
        frame[f"consensus_{name}"] = values
    return frame


def build_report(
    tagsets: list[TagSet],
    case: Case,
    exercise: str | ExerciseSpec | None = None,
    errors: list[Problem] | None = None,
    skipped_note: str = "",
) -> ClassReport:
    """Score a class: per-learner scores, per-passage shares, agreement and the consensus.

    ``exercise`` is the one asked for; without it, the one the tag sets record (else the whole
    article). Tag sets of another exercise are left out, and each learner's newest counts. When
    the tag sets hold both tests, the report is on the post-test unless asked, and has the
    class's "Before and after".
    """
    asked = exercise.exercise_id if isinstance(exercise, ExerciseSpec) else exercise
    both = has_both_tests(tagsets, case)
    tests = before_after(tagsets, case) if both else None
    hand_ins = choose_hand_ins(tagsets, case.exercise_ids, asked, TESTS if both else None)
    tagsets = hand_ins.tagsets
    key = key_matrix(case, hand_ins.exercise)
    stack = stack_tags(tagsets, key)
    learners = _learners_frame(stack, tagsets)
    return ClassReport(
        exercise=key.exercise,
        stack=stack,
        learners=learners,
        passages=_passages_frame(stack, case),
        agreement=_agreement_frame(stack, learners),
        category_labels=category_labels(case, key.categories),
        title=case.title,
        errors=list(errors or []),
        warnings=_warnings(tagsets, hand_ins.superseded, tests),
        left_out=hand_ins.left_out,
        exercise_note=hand_ins.exercise_note,
        skipped_note=skipped_note,
        before_after=tests,
    )


def _warnings(scored: list[TagSet], superseded: list[Problem], tests: BeforeAfter | None) -> list[Problem]:
    """The scored files' skipped entries and older hand-ins, then the two tests' (each once)."""
    warnings = [problem for tagset in scored for problem in tagset.problems] + superseded
    return list(dict.fromkeys(warnings + (tests.warnings if tests else [])))


def class_report(files: ClassFiles, case: Case, exercise: str | None = None) -> ClassReport:
    """:func:`build_report` for the files :func:`~medialit.tagfile.folder.load_folder` (or uploads) read."""
    return build_report(files.tagsets, case, exercise, files.errors, files.skipped_sentence())


#: A passage counts among the hardest only when at least this many learners reviewed it (fewer
#: in a smaller class, but never one: a passage one learner reviewed says nothing about a class).
MIN_REVIEWERS = 3


def min_reviewers(report: ClassReport) -> int:
    """How many reviewers a pair needs to be among the hardest: :data:`MIN_REVIEWERS`, 2 to class size."""
    return min(MIN_REVIEWERS, max(2, len(report.learners)))


def hardest_table(report: ClassReport, n: int = 10) -> pd.DataFrame:
    """Up to ``n`` (passage, category) pairs the class found hardest, hardest first.

    Only pairs enough learners reviewed (:func:`min_reviewers`) that some of them got wrong: no
    arguable pairs and no filler rows. Each row has the passage's words, the key's cue and
    reasoning (for a pair the key does not tag, why not, where the case says), and how the class split.
    """
    columns = ["passage_id", "category", "key", "text", "cue", "reasoning"]
    columns += ["reviewed", "tagged", "share", "difficulty"]
    passages = report.passages
    hard = passages[(passages["reviewed"] >= min_reviewers(report)) & (passages["difficulty"] > 0)]
    return hard.head(n)[columns].reset_index(drop=True)


def _passage_list(rows: pd.DataFrame, labels: dict[str, str], what: str) -> str:
    return ", ".join(
        f"{row.passage_id} ({labels.get(row.category, row.category)}: {row.difficulty:.0%} {what} it)"
        for row in rows.itertuples()
    )


def discuss_first(report: ClassReport, hardest: pd.DataFrame, n: int = 3) -> list[str]:
    """Two sentences to open a discussion with: the key's tags most missed, and the extra tags most given."""
    labels = report.category_labels
    missed = hardest[hardest["key"] == "clear"].head(n)
    extra = hardest[hardest["key"] == "none"].head(n)
    return [
        f"Most missed: {_passage_list(missed, labels, 'missed') or 'no tag of the key'}.",
        f"Most often tagged though the key does not: {_passage_list(extra, labels, 'tagged') or 'nothing'}.",
    ]
