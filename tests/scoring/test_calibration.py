"""Right answers, Brier score and calibration table, against a hand-computed example."""

from __future__ import annotations

import math

import pytest

from medialit.scoring.calibration import answer_is_right, brier_score, calibration_table, confidence_answers
from tests.scoring.small_form import FORM, learner, other_side


def test_an_answer_is_right_with_every_clear_tag_and_nothing_outside_the_key() -> None:
    right = answer_is_right(learner(), other_side(), FORM)
    assert right.to_dict() == {"s002": True, "s003": False, "s004": False, "s006": True, "s014": False}


def test_brier_and_calibration_match_the_hand_computed_example() -> None:
    # s002 sure right, s003 sure wrong, s004 unsure wrong, s006 fairly sure right; s014 no confidence;
    # s001 is outside the form and is ignored.
    tagset = learner(s002="sure", s003="sure", s004="unsure", s006="fairly_sure", s001="sure")
    answers = confidence_answers(tagset, other_side(), FORM)
    assert list(answers["passage_id"]) == ["s002", "s003", "s004", "s006"]
    expected = ((0.95 - 1) ** 2 + (0.95 - 0) ** 2 + (0.5 - 0) ** 2 + (0.75 - 1) ** 2) / 4
    assert brier_score(answers) == pytest.approx(expected) == pytest.approx(0.304375)
    table = calibration_table(answers)
    assert list(table.index) == ["unsure", "fairly_sure", "sure"]
    assert list(table["label"]) == ["Not sure", "Fairly sure", "Sure"]
    assert list(table["count"]) == [1, 1, 2]
    assert list(table["stated"]) == [0.5, 0.75, 0.95]
    assert list(table["share_right"]) == [0.0, 1.0, 0.5]


def test_without_any_confidence_the_score_is_undefined_and_the_table_empty() -> None:
    answers = confidence_answers(learner(), other_side(), FORM)
    assert answers.empty and math.isnan(brier_score(answers))
    table = calibration_table(answers)
    assert list(table["count"]) == [0, 0, 0] and table["share_right"].isna().all()
