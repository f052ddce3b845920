"""Gains per skill with a seeded bootstrap interval, on synthetic classes whose true gain is known."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit.case.model import Case
from medialit.scoring.gains import (
    ALL_SKILLS,
    GAINS_COLUMNS,
    Pairs,
    bootstrap_interval,
    gains_frame,
    pair_learners,
)
from medialit.tagfile.model import TagSet
from tests.scoring.forms_case import forms_case, levelled, noisy

SKILLS = ["attribution", "hedging", "selective_citation", "framing"]
LEVELS = (0.0, 0.5, 1.0)


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Case:
    return forms_case(tmp_path_factory.mktemp("forms"))


def test_learners_are_paired_by_cleaned_name_and_the_rest_left_unpaired(case: Case) -> None:
    pre = [
        TagSet(case.case_id, {}, learner="Ada  Lovelace", exercise="pretest"),
        TagSet(case.case_id, {}, learner="Bo", exercise="pretest"),
        TagSet(case.case_id, {}, learner=None, exercise="pretest"),
    ]
    post = [
        TagSet(case.case_id, {}, learner="Cy", exercise="posttest"),
        TagSet(case.case_id, {}, learner="ada lovelace", exercise="posttest"),
    ]
    pairs = pair_learners(pre, post)
    assert (pairs.pre, pairs.post) == ([pre[0]], [post[1]])
    assert pairs.unpaired == [pre[1], pre[2], post[0]]


def test_a_class_whose_post_test_is_right_more_often_gains_what_it_should(case: Case) -> None:
    """Every pair right with probability 0.6 before and 0.8 after: the true gain is 0.2 per skill."""
    rng = np.random.default_rng(7)
    pre = [noisy(case, "pretest", f"learner {i}", 0.6, rng) for i in range(150)]
    post = [noisy(case, "posttest", f"learner {i}", 0.8, rng) for i in range(150)]
    gains = gains_frame(pair_learners(pre, post), case)
    assert tuple(gains.columns) == GAINS_COLUMNS
    assert list(gains["skill"]) == [*SKILLS, ALL_SKILLS]
    assert (gains["learners_paired"] == 150).all()
    assert ((gains["gain_low"] <= 0.2) & (gains["gain_high"] >= 0.2)).all()
    assert gains["mean_pre"].to_numpy() == pytest.approx(0.6, abs=0.05)
    assert gains["mean_post"].to_numpy() == pytest.approx(0.8, abs=0.05)


def _cohort_class(case: Case, cohort: list[tuple[dict[str, float], dict[str, float]]], copies: int) -> Pairs:
    """``copies`` learners like each of the cohort (the same tags under other names), paired."""
    pre_forms = [levelled(case, "pretest", "", before) for before, _ in cohort]
    post_forms = [levelled(case, "posttest", "", after) for _, after in cohort]
    names = [[f"learner {copy}-{i}" for i in range(len(cohort))] for copy in range(copies)]
    pre = [replace(form, learner=name) for row in names for form, name in zip(pre_forms, row, strict=True)]
    post = [replace(form, learner=name) for row in names for form, name in zip(post_forms, row, strict=True)]
    return pair_learners(pre, post)


levels = st.fixed_dictionaries({skill: st.sampled_from(LEVELS) for skill in SKILLS})


@settings(max_examples=12)
@given(cohort=st.lists(st.tuples(levels, levels), min_size=2, max_size=5))
def test_the_interval_holds_the_true_gain_and_shrinks_as_the_class_grows(case: Case, cohort) -> None:
    """A class of copies of a small cohort: its true mean gain is the cohort's, exactly."""
    true_gain = {
        skill: float(np.mean([after[skill] - before[skill] for before, after in cohort])) for skill in SKILLS
    }
    true_gain[ALL_SKILLS] = float(np.mean(list(true_gain.values())))
    small = gains_frame(_cohort_class(case, cohort, 4), case).set_index("skill")
    large = gains_frame(_cohort_class(case, cohort, 16), case).set_index("skill")
    for frame in (small, large):
        for skill, gain in true_gain.items():
            # gains.csv has three decimals
            assert frame.at[skill, "gain"] == pytest.approx(gain, abs=0.001)
            assert frame.at[skill, "gain_low"] - 0.001 <= gain <= frame.at[skill, "gain_high"] + 0.001
    small_width = small["gain_high"] - small["gain_low"]
    large_width = large["gain_high"] - large["gain_low"]
    assert (large_width <= small_width).all()
    varied = small_width > 0.01
    assert (large_width[varied] < 0.75 * small_width[varied]).all()


def test_the_same_seed_gives_the_same_interval_and_another_seed_another() -> None:
    values = np.random.default_rng(1).normal(0.1, 0.2, size=(40, 3))
    first, again = bootstrap_interval(values, seed=2018), bootstrap_interval(values, seed=2018)
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
    other = bootstrap_interval(values, seed=5)
    assert not np.array_equal(first[0], other[0])
    assert ((first[0] < values.mean(axis=0)) & (values.mean(axis=0) < first[1])).all()


def test_with_fewer_than_two_learners_paired_there_is_no_interval(case: Case) -> None:
    one = _cohort_class(case, [({"hedging": 0.5}, {"hedging": 1.0})], 1)
    gains = gains_frame(one, case).set_index("skill")
    assert gains.at["hedging", "gain"] == 0.5 and gains.at["hedging", "learners_paired"] == 1
    assert gains["gain_low"].isna().all() and gains["gain_high"].isna().all()
    none = gains_frame(pair_learners([], []), case)
    assert (none["learners_paired"] == 0).all() and none["gain"].isna().all()
    assert all(math.isnan(value) for value in none["mean_pre"])


def test_a_learner_without_a_name_or_a_partner_is_not_counted(case: Case, tmp_path: Path) -> None:
    pre = [levelled(case, "pretest", name, {}) for name in ("Ada", "Bo")]
    post = [levelled(case, "posttest", "ada", {skill: 1.0 for skill in SKILLS})]
    post.append(TagSet(case.case_id, {}, learner=None, exercise="posttest"))
    gains = gains_frame(pair_learners(pre, post), case).set_index("skill")
    assert (gains["learners_paired"] == 1).all()
    assert gains.at[ALL_SKILLS, "gain"] == 0.5
