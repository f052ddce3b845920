"""A class's "Before and after": the gains per skill and the calibration on the two tests.

A class is scored before and after when its case has the two test forms (the exercises
``pretest`` and ``posttest``) and its files record both. Each learner counts once per test (the
newest hand-in); the gains pair learners who took both (:mod:`medialit.scoring.gains`); the
calibration pools every hand-in of each test (:mod:`medialit.scoring.calibration`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from medialit.case.model import Case
from medialit.common.numbers import count_text
from medialit.common.problems import Problem
from medialit.scoring.calibration import brier_score, calibration_table, class_answers
from medialit.scoring.gains import DEFAULT_SEED, POSTTEST, PRETEST, gains_frame, pair_learners
from medialit.scoring.hand_ins import newest_per_learner
from medialit.tagfile.model import TagSet

#: The two tests, in order.
TESTS = (PRETEST, POSTTEST)
#: The columns of ``calibration.csv``: per test and level.
CALIBRATION_COLUMNS = ("test", "level", "label", "count", "stated", "share_right", "brier")


@dataclass(frozen=True)
class BeforeAfter:
    """The gains table, the calibration table of both tests, and a sentence on who was paired.

    ``brier`` is each test's Brier score over every answer given a confidence (``nan`` if none);
    ``warnings`` the problems of the two tests' files and their older hand-ins.
    """

    gains: pd.DataFrame
    calibration: pd.DataFrame
    brier: dict[str, float]
    paired_note: str
    warnings: list[Problem] = field(default_factory=list)


def has_both_tests(tagsets: Sequence[TagSet], case: Case) -> bool:
    """Whether the case has the two tests and the files record both."""
    recorded = {tagset.exercise for tagset in tagsets}
    return all(test in case.exercise_ids and test in recorded for test in TESTS)


def _paired_note(paired: int, unpaired: list[TagSet]) -> str:
    took = f"{count_text(paired, 'learner')} took both tests"
    missing = ""
    if unpaired:
        names = ", ".join(tagset.label for tagset in unpaired)
        missing = (
            f"; {count_text(len(unpaired), 'hand-in')} had no partner test under the same name ({names})"
        )
    if paired < 2:
        return f"{took}{missing}, so there is no interval for the gains: it needs at least two learners."
    return f"{took}{missing}; the intervals are 95% bootstrap intervals of the mean gain."


def before_after(tagsets: Sequence[TagSet], case: Case, seed: int = DEFAULT_SEED) -> BeforeAfter:
    """The class's gains and calibration on the two tests (give it every hand-in; others are ignored)."""
    kept: dict[str, list[TagSet]] = {}
    warnings: list[Problem] = []
    for test in TESTS:
        kept[test], superseded = newest_per_learner([t for t in tagsets if t.exercise == test])
        warnings += [problem for tagset in kept[test] for problem in tagset.problems] + superseded
    pairs = pair_learners(kept[PRETEST], kept[POSTTEST])
    tables = []
    brier: dict[str, float] = {}
    for test in TESTS:
        answers = class_answers(kept[test], case, test)
        brier[test] = brier_score(answers)
        table = calibration_table(answers).reset_index()
        tables.append(table.assign(test=test, brier=brier[test]))
    calibration = pd.concat(tables, ignore_index=True)[list(CALIBRATION_COLUMNS)]
    return BeforeAfter(
        gains=gains_frame(pairs, case, seed),
        calibration=calibration,
        brier=brier,
        paired_note=_paired_note(len(pairs.pre), pairs.unpaired),
        warnings=warnings,
    )
