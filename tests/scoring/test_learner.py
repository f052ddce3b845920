"""Scoring against the key: counts, statistics cross-checked with scikit-learn and krippendorff."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score, f1_score, precision_score, recall_score

from medialit.case.loading import load_case
from medialit.case.model import ExerciseSpec
from medialit.common.cues import merge_spans, split_cues
from medialit.scoring.class_tags import class_alpha, class_shares, consensus, nominal_alpha, stack_tags
from medialit.scoring.counts import table_counts
from medialit.scoring.cue_credit import cue_sums, span_prf
from medialit.scoring.key import key_matrix
from medialit.scoring.learner import STATUSES, feedback, score, tick_everything
from medialit.tagfile.model import TagSet


@pytest.fixture(scope="module")
def case():
    return load_case()


def key_tags(case, strengths=("clear",)) -> dict[str, list[str]]:
    """Every passage reviewed; tagged exactly where the key has a tag of the given strengths."""
    tags = {pid: [] for pid in case.passages.index}
    for row in case.key.itertuples():
        if row.strength in strengths:
            tags[row.passage_id].append(row.category)
    return tags


def random_tagset(case, rng, p_review=0.8, p_tag=0.2, label="r") -> TagSet:
    tags = {
        pid: [c for c in case.categories if rng.random() < p_tag]
        for pid in case.passages.index
        if rng.random() < p_review
    }
    return TagSet(case.case_id, tags, learner=label)


def test_key_matrix_matches_the_key(case):
    key = key_matrix(case)
    assert key.clear.sum() == (case.key["strength"] == "clear").sum()
    assert key.arguable.sum() == (case.key["strength"] == "arguable").sum()
    assert not (key.clear & key.arguable).any()
    assert key.passage_ids == tuple(case.passages.index)


def test_a_learner_who_matches_the_key_scores_perfectly(case):
    result = score(TagSet(case.case_id, key_tags(case)), case)
    table = result.categories
    assert (table["fp"] == 0).all() and (table["fn"] == 0).all()
    clear = case.key[case.key["strength"] == "clear"].groupby("category").size()
    for category, row in table.iterrows():
        assert row["tp"] == clear.get(category, 0)
        if row["tp"]:
            assert row["f1"] == 1 and row["kappa"] == pytest.approx(1)
    assert result.coverage == 1
    assert result.micro_f1 == 1


def test_arguable_pairs_are_neither_required_nor_wrong(case):
    assert key_tags(case, ("clear", "arguable")) != key_tags(case, ("clear",))  # two different learners
    without = score(TagSet(case.case_id, key_tags(case, ("clear",))), case).categories
    with_them = score(TagSet(case.case_id, key_tags(case, ("clear", "arguable"))), case).categories
    assert without.equals(with_them)
    arguable = case.key[case.key["strength"] == "arguable"].groupby("category").size()
    n = len(case.passages)
    for category, row in without.iterrows():
        assert row[["tp", "fp", "fn", "tn"]].sum() == n - arguable.get(category, 0)


def test_unreviewed_passages_count_as_untagged_and_undefined_stays_undefined(case):
    result = score(TagSet(case.case_id, {}), case)
    table = result.categories
    assert result.coverage == 0 and result.reviewed == 0
    assert (table["tp"] == 0).all() and (table["fp"] == 0).all()
    assert table["precision"].isna().all()  # no tags given: undefined, not 0
    clear = case.key[case.key["strength"] == "clear"].groupby("category").size()
    for category, row in table.iterrows():
        assert row["fn"] == clear.get(category, 0)
        if clear.get(category, 0):
            assert row["kappa"] == 0  # one constant rater: chance agreement exactly
        else:
            assert math.isnan(row["kappa"])  # both constant: undefined
    data = result.to_json()
    assert all(v["precision"] is None for v in data["categories"].values())


def test_exercises_restrict_passages_and_categories(case):
    category = next(iter(case.categories))
    passages = tuple(case.passages.index[:10])
    exercise = ExerciseSpec("first", "The first ten", (category,), passages)
    result = score(TagSet(case.case_id, key_tags(case)), case, exercise)
    assert list(result.categories.index) == [category]
    assert result.total == 10 and result.reviewed == 10
    assert result.categories.iloc[0][["tp", "fp", "fn", "tn"]].sum() == 10 - sum(
        (case.key["passage_id"].isin(passages) & (case.key["category"] == category))
        & (case.key["strength"] == "arguable")
    )
    with pytest.raises(KeyError, match="no-such-exercise"):
        score(TagSet(case.case_id, {}), case, "no-such-exercise")


@pytest.mark.parametrize("seed", range(5))
def test_kappa_precision_recall_f1_agree_with_scikit_learn(case, seed):
    rng = np.random.default_rng(seed)
    tagset = random_tagset(case, rng, p_tag=rng.uniform(0.05, 0.5))
    result = score(tagset, case)
    key = key_matrix(case)
    for c, category in enumerate(key.categories):
        keep = ~key.arguable[:, c]
        truth = key.clear[keep, c].astype(int)
        given = np.array([category in tagset.tags.get(pid, []) for pid in key.passage_ids])[keep].astype(int)
        row = result.categories.loc[category]
        if truth.any() or given.any():
            assert row["f1"] == pytest.approx(f1_score(truth, given, zero_division=np.nan), nan_ok=True)
        if given.any():
            assert row["precision"] == pytest.approx(precision_score(truth, given))
        if truth.any():
            assert row["recall"] == pytest.approx(recall_score(truth, given))
        if len(set(truth)) > 1 or len(set(given)) > 1:
            assert row["kappa"] == pytest.approx(cohen_kappa_score(truth, given))


def test_class_counts_equal_one_learner_at_a_time(case):
    rng = np.random.default_rng(7)
    tagsets = [random_tagset(case, rng, label=f"l{i}") for i in range(12)]
    key = key_matrix(case)
    stack = stack_tags(tagsets, key)
    counts = table_counts(stack.tagged, key)
    for i, tagset in enumerate(tagsets):
        alone = score(tagset, case).categories
        for name in ("tp", "fp", "fn", "tn"):
            assert list(counts[name][i]) == list(alone[name])
        assert stack.reviewed[i].sum() == len(tagset.tags)


@pytest.mark.parametrize("seed", range(6))
def test_nominal_alpha_agrees_with_the_krippendorff_package(seed):
    rng = np.random.default_rng(seed)
    coders, units, values = rng.integers(2, 8), rng.integers(3, 30), rng.integers(2, 5)
    data = rng.integers(0, values, size=(coders, units)).astype(float)
    data[rng.random(data.shape) < 0.3] = np.nan
    counts = np.stack([(data == v).sum(axis=0) for v in range(values)], axis=-1)
    try:
        expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    except ValueError:
        expected = np.nan
    assert nominal_alpha(counts) == pytest.approx(expected, nan_ok=True)


@pytest.mark.parametrize("seed", range(4))
def test_class_alpha_treats_unreviewed_passages_as_missing(case, seed):
    rng = np.random.default_rng(100 + seed)
    tagsets = [random_tagset(case, rng, p_review=0.6, p_tag=0.3, label=f"l{i}") for i in range(6)]
    key = key_matrix(case)
    stack = stack_tags(tagsets, key)
    alphas = class_alpha(stack)
    for c in range(len(key.categories)):
        data = np.where(stack.reviewed, stack.tagged[:, :, c], np.nan).astype(float)
        expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        assert alphas[c] == pytest.approx(expected)


def test_alpha_is_undefined_when_everyone_says_the_same():
    counts = np.array([[3, 0], [2, 0], [4, 0]])
    assert math.isnan(nominal_alpha(counts))
    assert math.isnan(nominal_alpha(np.array([[1, 0], [0, 1]])))  # no pairable unit


def test_kappa_is_undefined_when_both_sides_are_constant(case):
    category = next(iter(case.categories))
    passages = tuple(pid for pid in case.passages.index if pid not in set(case.key["passage_id"]))[:5]
    exercise = ExerciseSpec("quiet", "No key tags", (category,), passages)
    result = score(TagSet(case.case_id, {pid: [] for pid in passages}), case, exercise)
    row = result.categories.loc[category]
    assert row["tn"] == len(passages)
    assert math.isnan(row["kappa"]) and math.isnan(row["f1"]) and math.isnan(result.micro_f1)
    assert result.to_json()["categories"][category]["kappa"] is None


def test_shares_and_consensus(case):
    first = case.passages.index[0]
    category = next(iter(case.categories))
    tagsets = [
        TagSet(case.case_id, {first: [category]}),
        TagSet(case.case_id, {first: [category]}),
        TagSet(case.case_id, {first: []}),
        TagSet(case.case_id, {}),
    ]
    key = key_matrix(case)
    stack = stack_tags(tagsets, key)
    tagged, reviewed, share = class_shares(stack)
    assert tagged[0, 0] == 2 and reviewed[0, 0] == 3
    assert share[0, 0] == pytest.approx(2 / 3)
    assert np.isnan(share[1, 0])
    agreed = consensus(stack)
    assert agreed[0, 0] and agreed.sum() == 1


def span_scores(predicted, gold):
    """SemEval-2020 Task 11 span precision, recall and F1, after merging overlapping spans."""
    predicted, gold = merge_spans(predicted), merge_spans(gold)
    to_precision, to_recall, n_gold = cue_sums(predicted, gold)
    return span_prf(to_precision, len(predicted), to_recall, n_gold)


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ([], [], (1.0, 1.0, 1.0)),
        ([(0, 10)], [(0, 10)], (1.0, 1.0, 1.0)),
        ([(0, 10)], [(20, 30)], (0.0, 0.0, 0.0)),
        ([(0, 10)], [(5, 15)], (0.5, 0.5, 0.5)),
        ([(0, 4)], [(0, 8)], (1.0, 0.5, 2 / 3)),
        ([(0, 4), (2, 8)], [(0, 8)], (1.0, 1.0, 1.0)),  # overlapping spans merged first
        ([(0, 4), (6, 8)], [(0, 8)], (1.0, 0.75, 6 / 7)),
    ],
)
def test_span_scores_follow_semeval_task_11(predicted, gold, expected):
    assert span_scores(predicted, gold) == pytest.approx(expected)


def test_span_scores_with_one_side_empty():
    p, r, f = span_scores([(0, 3)], [])
    assert p == 0 and math.isnan(r) and f == 0
    p, r, f = span_scores([], [(0, 3)])
    assert math.isnan(p) and r == 0 and f == 0


def test_merge_spans():
    assert merge_spans([(5, 9), (0, 3), (2, 4), (9, 10)]) == [(0, 4), (5, 10)]


def test_cue_credit_uses_the_keys_cue(case):
    row = case.key[~case.key["cue"].str.contains(" | ", regex=False)].iloc[0]
    words = row["cue"].split()
    half = " ".join(words[: max(1, len(words) // 2)])
    tags = {row.passage_id: [row.category]}
    exact = TagSet(case.case_id, tags, cues={row.passage_id: {row.category: [row["cue"]]}})
    partial = TagSet(case.case_id, tags, cues={row.passage_id: {row.category: [half]}})
    assert score(exact, case).cues.f1 == pytest.approx(1)
    credit = score(partial, case).cues
    assert credit.pairs == 1 and credit.precision == pytest.approx(1)
    assert credit.recall == pytest.approx(len(half) / len(row["cue"]))
    assert math.isnan(score(TagSet(case.case_id, {}), case).cues.f1)


def test_feedback_explains_every_difference(case):
    tags = key_tags(case)
    clear = case.key[case.key["strength"] == "clear"]
    missed = clear.iloc[0]
    tags[missed.passage_id] = [c for c in tags[missed.passage_id] if c != missed.category]
    untagged = next(
        (pid, c)
        for pid in case.passages.index
        for c in case.categories
        if not ((case.key["passage_id"] == pid) & (case.key["category"] == c)).any()
    )
    tags[untagged[0]].append(untagged[1])
    frame = feedback(TagSet(case.case_id, tags), case)
    assert set(frame["status"]) <= set(STATUSES)
    by_pair = frame.set_index(["passage_id", "category"])
    assert by_pair.loc[(missed.passage_id, missed.category), "status"] == "missed"
    assert by_pair.loc[(missed.passage_id, missed.category), "rationale"] == missed.rationale
    assert by_pair.loc[(missed.passage_id, missed.category), "cue"] == missed.cue
    assert by_pair.loc[untagged, "status"] == "extra"
    assert (frame["status"] == "agreed").sum() == len(clear) - 1
    assert (frame["status"] == "arguable").sum() == (case.key["strength"] == "arguable").sum()
    order = [case.passages.index.get_loc(pid) for pid in frame["passage_id"]]
    assert order == sorted(order)


def test_any_one_of_several_key_cues_earns_full_credit(case):
    row = case.key[case.key["cue"].str.contains(" | ", regex=False)].iloc[0]
    cues = split_cues(row["cue"])
    assert len(cues) >= 2
    tags = {row.passage_id: [row.category]}
    for cue in cues:
        tagset = TagSet(case.case_id, tags, cues={row.passage_id: {row.category: [cue]}})
        credit = score(tagset, case).cues
        assert (credit.precision, credit.recall, credit.f1) == pytest.approx((1, 1, 1)), cue
    both = TagSet(case.case_id, tags, cues={row.passage_id: {row.category: cues[:2]}})
    assert score(both, case).cues.f1 == pytest.approx(1)
    outside = TagSet(case.case_id, tags, cues={row.passage_id: {row.category: [cues[0], "zzz"]}})
    assert score(outside, case).cues.recall == pytest.approx(1)


def test_cue_sums_with_several_alternatives():
    # Two key cues (0-4 and 10-20); the learner found half of the second one.
    assert cue_sums([(10, 15)], [(0, 4), (10, 20)]) == (1.0, 0.5, 1)
    # Words outside every key cue cost precision, whichever cue they sit beside.
    to_p, to_r, n = cue_sums([(0, 4), (30, 34)], [(0, 4), (10, 20)])
    assert (to_p, to_r, n) == (1.0, 1.0, 1) and span_prf(to_p, 2, to_r, n)[0] == 0.5
    assert cue_sums([(0, 4)], []) == (0.0, 0.0, 0)


def test_extra_tags_get_the_keys_not_this_reason(case):
    (pid, category), reason = next(iter(case.not_this.items()))
    keyed = set(zip(case.key["passage_id"], case.key["category"], strict=True))
    unexplained = next(
        (other, c)
        for other in case.passages.index
        for c in case.categories
        if (other, c) not in keyed and (other, c) not in case.not_this.index
    )
    tags = key_tags(case)
    tags[pid] = [*tags.get(pid, []), category]
    tags[unexplained[0]] = [*tags.get(unexplained[0], []), unexplained[1]]
    notes = feedback(TagSet(case.case_id, tags), case)
    row = notes[(notes["passage_id"] == pid) & (notes["category"] == category)].iloc[0]
    assert row["status"] == "extra" and row["not_this"] == reason
    others = notes[
        (notes["status"] == "extra")
        & ~notes.set_index(["passage_id", "category"]).index.isin([(pid, category)])
    ]
    assert list(zip(others["passage_id"], others["category"], strict=True)) == [unexplained]
    assert (others["not_this"] == "").all()
    assert (notes.loc[notes["status"] != "extra", "not_this"] == "").all()


def test_ticking_everything_has_zero_kappa_however_high_its_f1(case):
    for exercise in ("attribution", "hedging", "capstone"):
        key = key_matrix(case, exercise)
        everything = {pid: list(key.categories) for pid in key.passage_ids}
        result = score(TagSet(case.case_id, everything), case, exercise)
        baseline = tick_everything(key)
        assert np.allclose(result.categories["f1"], baseline["f1"], equal_nan=True)
        assert np.allclose(baseline["kappa"].fillna(0), 0)
        assert (result.baseline.index == result.categories.index).all()
    nothing = score(TagSet(case.case_id, {pid: [] for pid in case.passages.index}), case, "attribution")
    assert np.allclose(nothing.categories["kappa"].fillna(0), 0)
    assert score(TagSet(case.case_id, key_tags(case)), case).categories["kappa"].min() > 0.9
