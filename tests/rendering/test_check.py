"""What "Check my answers" shows: coverage first, reviewed passages only, groups in order, words."""

from __future__ import annotations

import re
from typing import Any

import pytest

from medialit.case.labels import category_labels
from medialit.case.model import Case
from medialit.rendering.check import SCORE_COLUMNS, CheckResult
from medialit.rendering.check_words import check_groups, coverage_sentence, cue_sentence, kappa_words
from medialit.scoring.learner import feedback, score
from medialit.tagfile.reading import parse_tags


def _check(case: Case, exercise: str, tags: dict[str, list[str]], **extra: Any) -> CheckResult:
    data = {"format": "medialit-tags/1", "case": case.case_id, "saved_at": "2024-05-01T09:30:00+00:00"}
    tagset = parse_tags({**data, "tags": tags, **extra}, case, "ada-tags.json")
    spec = case.exercise(exercise)
    return CheckResult(
        score(tagset, case, spec), feedback(tagset, case, spec), category_labels(case, spec.categories), case
    )


def _groups(page: str) -> list[tuple[str, bool]]:
    """Each feedback group's status and whether it opens by itself, in page order."""
    found = re.findall(r'<details class="medialit-feedback-[a-z]+" data-status="([a-z]+)"( open)?>', page)
    return [(status, bool(is_open)) for status, is_open in found]


def test_a_check_part_way_keeps_the_key_for_unreviewed_passages_closed_at_the_end(case: Case) -> None:
    ids = case.exercise("hedging").passage_ids
    result = _check(case, "hedging", {"p044": ["hedging"], "p034": ["hedging"], "p036": []})
    page = result.to_html()
    assert _groups(page) == [("agreed", True), ("extra", True), ("missed", True), ("unreviewed", False)]
    closed = page[page.index('data-status="unreviewed"') :]
    unreviewed = {row.passage_id for row in result.feedback.itertuples() if not row.reviewed}
    assert unreviewed and all(f"({pid})" in closed for pid in unreviewed)
    reviewed_part = page[: page.index('data-status="unreviewed"')]
    assert not any(f"({pid})" in reviewed_part for pid in unreviewed)  # none shown as a mistake
    assert "you have not reviewed this passage" not in page
    coverage = f"You reviewed 3 of {len(ids)} passages."
    assert page.index(coverage) < page.index("<table")  # coverage first
    assert f"the key for the other {len(ids) - 3} passages stays closed" in page


def test_a_finished_check_has_no_closed_group(case: Case) -> None:
    ids = case.exercise("hedging").passage_ids
    page = _check(case, "hedging", {pid: [] for pid in ids}).to_html()
    assert [status for status, _ in _groups(page)] == ["missed", "arguable"]
    assert all(is_open for _, is_open in _groups(page))
    assert "The feedback covers every passage." in page


def test_an_extra_tag_says_why_the_key_does_not_tag_it_or_says_plainly_that_it_does_not(case: Case) -> None:
    assert ("p004", "framing") in case.not_this and ("p034", "hedging") not in case.not_this
    page = _check(case, "capstone", {"p004": ["framing"], "p034": ["hedging"]}).to_html()
    extra = page[
        page.index('data-status="extra"') : page.index("</details>", page.index('data-status="extra"'))
    ]
    reason = str(case.not_this[("p004", "framing")]).replace("'", "&#39;")
    assert f"Why the key does not tag framing here: {reason}" in extra
    assert "The key does not tag hedging here, and gives no reason of its own" in extra


def test_the_scores_table_has_readable_headings_and_kappa_in_words(case: Case) -> None:
    ids = case.exercise("hedging").passage_ids
    clear = {row.passage_id for row in case.key.itertuples() if row.category == "hedging"}
    wrong = {pid: (["hedging"] if pid not in clear else []) for pid in ids}  # the opposite of the key
    result = _check(case, "hedging", wrong)
    assert float(result.score.categories.at["hedging", "kappa"]) < 0
    page = result.to_html()
    headers = re.findall(r'<th scope="col">([^<]*)</th>', page)
    assert headers[0] == "Category"
    assert headers[1:8] == [value.replace("'", "&#39;") for value in SCORE_COLUMNS.values()]
    assert all(" " in header and header[0].isupper() for header in headers[1:8])
    assert "<td>below chance: your tags and the key&#39;s mostly fall on different passages</td>" in page


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (float("nan"), "cannot be worked out yet"),
        (-0.01, "below chance"),
        (0.0, "about chance"),
        (0.39, "some agreement"),
        (0.4, "moderate"),
        (0.79, "good"),
        (0.8, "strong"),
        (1.0, "full agreement"),
    ],
)
def test_kappa_words(value: float, words: str) -> None:
    assert kappa_words(value).startswith(words)


def test_the_learner_cue_words_are_set_beside_the_key_cue(case: Case) -> None:
    cues = {"p044": {"hedging": ["apparent coalition"]}, "p036": {"hedging": ["fought on"]}}
    tags = {"p044": ["hedging"], "p036": ["hedging"], "p047": ["hedging"]}
    page = _check(case, "hedging", tags, cues=cues).to_html()
    assert "Your words, “apparent coalition”, overlap the key&#39;s cue in part" in page
    assert "Your words, “fought on”, are not the key&#39;s cue" in page
    assert "You did not say which words: the key&#39;s cue is marked in the passage." in page
    assert cue_sentence("indeed", True, True, 1.0) == "Your words, “indeed”, are the key's cue."
    assert cue_sentence("indeed", False, True, float("nan")) == "Your words: “indeed”."
    assert cue_sentence("", True, False, float("nan")) == ""


def test_groups_and_coverage_in_words() -> None:
    rows = [
        {"passage_id": "a", "status": "missed", "reviewed": False},
        {"passage_id": "b", "status": "missed", "reviewed": True},
        {"passage_id": "c", "status": "agreed", "reviewed": True},
    ]
    groups = check_groups(rows)
    assert [(g["status"], [r["passage_id"] for r in g["rows"]]) for g in groups] == [
        ("agreed", ["c"]),
        ("missed", ["b"]),
        ("unreviewed", ["a"]),
    ]
    assert groups[0]["title"].endswith("(1 tag)")
    assert coverage_sentence(0, 5).startswith("You reviewed 0 of 5 passages. Review some passages first")
    assert "the other 1 passage stays closed" in coverage_sentence(4, 5)
