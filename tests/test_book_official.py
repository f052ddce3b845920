"""The official-statements chapter: its worked examples are clear key rows, its figures the data's."""

from __future__ import annotations

import re

from medialit import load_case
from medialit.scoring.annotation import pass_agreement, pass_pairs
from tests.conftest import ROOT

CHAPTER = ROOT / "book" / "official-statements.md"
CASE = load_case("official")
WORKED = re.compile(r"^```\{medialit-worked-example\}\s+(\S+)\s+(\S+)\s*$", re.M)


def chapter_text() -> str:
    """The chapter's source with its lines joined, so a sentence is found however it is wrapped."""
    return " ".join(CHAPTER.read_text(encoding="utf-8").split())


def test_every_worked_example_is_a_clear_judgement_of_the_official_key() -> None:
    worked = WORKED.findall(CHAPTER.read_text(encoding="utf-8"))
    assert len(worked) >= 8
    strengths = {(row.passage_id, row.category): row.strength for row in CASE.key.itertuples()}
    for passage_id, category in worked:
        assert passage_id in CASE.passages.index, f"no passage {passage_id} in the official case"
        strength = strengths.get((passage_id, category))
        assert strength == "clear", f"{passage_id} {category} is {strength}, not a clear key row"


def test_the_worked_examples_cover_all_four_skills() -> None:
    worked = WORKED.findall(CHAPTER.read_text(encoding="utf-8"))
    assert {category for _, category in worked} == set(CASE.categories)


def test_the_key_figures_are_the_datas() -> None:
    key = CASE.key
    clear = int((key["strength"] == "clear").sum())
    expected = (
        f"The key has {len(key)} rows on {key['passage_id'].nunique()} passages, {clear} of them clear "
        f'and {len(key) - clear} arguable, and {len(CASE.not_this)} "not this" judgements'
    )
    assert expected in chapter_text()


def test_the_agreement_figures_are_the_datas() -> None:
    ((first, second),) = pass_pairs(CASE)
    table = pass_agreement(
        CASE.annotation_pass(first), CASE.annotation_pass(second), CASE.passages.index, CASE.categories
    )
    kappas = [f"{table.loc[category, 'kappa']:.2f}" for category in CASE.categories]
    labels = [str(category["label"]).lower() for category in CASE.categories.values()]
    parts = [f"{kappa} for {label}" for kappa, label in zip(kappas, labels, strict=True)]
    expected = f"over all {len(CASE.passages)} passages, was {', '.join(parts[:-1])} and {parts[-1]}."
    assert expected in chapter_text()
