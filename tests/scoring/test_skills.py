"""Skill scores (balanced accuracy per category), hand-computed on a small form."""

from __future__ import annotations

import math

import pytest

from medialit.case.model import ExerciseSpec
from medialit.scoring.skills import class_skill_scores, skill_scores
from medialit.tagfile.model import TagSet
from tests.scoring.small_form import FORM, learner, other_side


def test_skill_scores_match_the_hand_computed_example() -> None:
    scores = skill_scores(learner(), other_side(), FORM)
    # attribution: hits 1 of 3 (s002; s004 and s014 missed), rejections 2 of 2 (s003, s006)
    # hedging: hits 0 of 1 (s014), rejections 2 of 3 (s003 tagged); s006 is arguable, left out
    # framing: hits 1 of 1 (s006), rejections 3 of 3; s002 is arguable, left out
    assert list(scores.index) == ["attribution", "hedging", "framing"]
    assert scores.to_list() == pytest.approx([0.5 * (1 / 3 + 1), 0.5 * (0 + 2 / 3), 1.0])


def test_tagging_nothing_scores_one_half_and_tagging_like_the_key_scores_one() -> None:
    case = other_side()
    nothing = TagSet(case=case.case_id, tags={})
    assert skill_scores(nothing, case, FORM).to_list() == [0.5, 0.5, 0.5]
    perfect = TagSet(
        case=case.case_id,
        tags={
            "s002": ["attribution"],
            "s003": [],
            "s004": ["attribution"],
            "s006": ["framing"],
            "s014": ["attribution", "hedging"],
        },
    )
    assert skill_scores(perfect, case, FORM).to_list() == [1.0, 1.0, 1.0]


def test_a_side_without_passages_is_left_out() -> None:
    case = other_side()
    # selective_citation: s002 arguable, s003 not given: only correct rejections count
    form = ExerciseSpec("one-sided", "One side", ("selective_citation", "framing"), ("s002", "s003"))
    scores = skill_scores(learner(), case, form)
    assert scores["selective_citation"] == 1.0
    assert scores["framing"] == 1.0  # framing: s002 arguable, s003 a correct rejection
    empty = ExerciseSpec("empty", "Only arguable", ("selective_citation",), ("s002",))
    assert math.isnan(skill_scores(learner(), case, empty)["selective_citation"])


def test_a_class_is_scored_learner_by_learner_in_taxonomy_order() -> None:
    case = other_side()
    reordered = ExerciseSpec("form", "Reordered", ("framing", "attribution", "hedging"), FORM.passage_ids)
    frame = class_skill_scores([learner(), TagSet(case=case.case_id, tags={})], case, reordered)
    assert list(frame.columns) == ["attribution", "hedging", "framing"]
    assert frame.iloc[0].to_list() == skill_scores(learner(), case, FORM).to_list()
    assert frame.iloc[1].to_list() == [0.5, 0.5, 0.5]
