"""Printable worksheets and answer keys: complete, escaped, key-free worksheets, accessible."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from medialit.case.loading import load_case
from medialit.rendering.printables import answer_key_html, worksheet_html, write_printables
from tests.accessibility import blocking_violations

CASE = load_case()
EXERCISES = CASE.exercise_ids[1:]


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_worksheet_lists_every_passage_and_no_answers(exercise_id: str) -> None:
    page = worksheet_html(CASE, exercise_id)
    exercise = CASE.exercise(exercise_id)
    for passage_id in exercise.passage_ids:
        assert f">{passage_id}<" in page
        assert CASE.passages.loc[passage_id, "text"] in html.unescape(page)
    for label in (CASE.categories[c]["label"] for c in exercise.categories):
        assert f">{label}<" in page
    assert "<mark" not in page  # no cue is highlighted (the answer key writes <mark class="cue">)
    assert not any(rationale in html.unescape(page) for rationale in CASE.key["rationale"])


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_answer_key_explains_every_judgement_in_the_exercise(exercise_id: str) -> None:
    page = answer_key_html(CASE, exercise_id)
    exercise = CASE.exercise(exercise_id)
    rows = CASE.key[
        CASE.key["passage_id"].isin(exercise.passage_ids) & CASE.key["category"].isin(exercise.categories)
    ]
    assert len(rows) > 0
    for row in rows.itertuples():
        assert row.rationale in html.unescape(page)
    assert page.count('<mark class="cue">') >= (rows["cue"] != "").sum() > 0  # every key cue is shown
    assert page.count('class="arguable">arguable<') == (rows["strength"] == "arguable").sum()


def test_write_printables_writes_two_files_per_exercise(tmp_path: Path) -> None:
    written = write_printables(CASE, tmp_path)
    assert len(written) == 2 * len(EXERCISES)
    assert all(path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") for path in written)


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["worksheet", "answer-key"])
def test_printables_have_no_serious_accessibility_violation(browser, tmp_path: Path, kind: str) -> None:
    write_printables(CASE, tmp_path)
    page = browser.new_page()
    page.goto((tmp_path / f"{kind}-hedging.html").as_uri())
    violations = blocking_violations(page)
    page.close()
    assert not violations, "\n".join(violations)
