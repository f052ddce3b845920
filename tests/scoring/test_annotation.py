"""The key's two-pass agreement: computed correctly, reported truthfully, adjudicated fully."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score

from medialit.case.loading import load_case
from medialit.rendering.text import format_agreement
from medialit.scoring.annotation import pass_agreement

CASE = load_case()


def passes() -> tuple[pd.DataFrame, pd.DataFrame]:
    return CASE.annotation_pass("pass_a"), CASE.annotation_pass("pass_b")


def test_kappa_per_category_matches_scikit_learn() -> None:
    first, second = passes()
    table = pass_agreement(first, second, CASE.passages.index, CASE.categories)
    for category in CASE.categories:
        a = CASE.passages.index.isin(first.loc[first["category"] == category, "passage_id"])
        b = CASE.passages.index.isin(second.loc[second["category"] == category, "passage_id"])
        assert np.isclose(table.loc[category, "kappa"], cohen_kappa_score(a, b))
        assert table.loc[category, ["both", "first_only", "second_only", "neither"]].sum() == len(a)


def test_data_readme_reports_the_computed_agreement() -> None:
    first, second = passes()
    table = format_agreement(pass_agreement(first, second, CASE.passages.index, CASE.categories))
    readme = (CASE.folder / "README.md").read_text(encoding="utf-8")
    assert table in readme, "data/README.md's agreement table is out of date: run `medialit agreement`"


def test_every_disagreement_is_adjudicated() -> None:
    first, second = passes()
    pairs = [set(zip(frame["passage_id"], frame["category"], strict=True)) for frame in (first, second)]
    log = pd.read_csv(CASE.folder / "annotation" / "adjudication.csv", dtype=str, keep_default_na=False)
    logged = set(zip(log["passage_id"], log["category"], strict=True))
    missing = (pairs[0] ^ pairs[1]) - logged
    assert not missing, f"disagreements without an adjudication row: {sorted(missing)[:10]}"


def test_adjudication_decisions_are_in_the_key() -> None:
    log = pd.read_csv(CASE.folder / "annotation" / "adjudication.csv", dtype=str, keep_default_na=False)
    key = {(row.passage_id, row.category): row.strength for row in CASE.key.itertuples()}
    for row in log.itertuples():
        expected = {"tag_clear": "clear", "tag_arguable": "arguable", "no_tag": None}.get(row.decision)
        if row.decision in ("tag_clear", "tag_arguable", "no_tag"):
            assert key.get((row.passage_id, row.category)) == expected, (row.passage_id, row.category)


def test_key_has_a_rationale_for_every_row_and_covers_the_article() -> None:
    assert (CASE.key["rationale"].str.len() >= 20).all()
    tagged = set(CASE.key["passage_id"])
    sections = CASE.passages.loc[CASE.passages.index.isin(tagged), "section"].unique()
    assert set(sections) == set(CASE.passages["section"].unique()), "a section has no key row at all"
    assert set(CASE.key["category"]) == set(CASE.categories)
