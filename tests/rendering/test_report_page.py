"""The class report for people: headings in words, problems first, wide tables that scroll, and
the hardest passages with their words, the key's cue and reasoning and how the class split."""

from __future__ import annotations

import html
import re

import pytest

from medialit.common.problems import Problem
from medialit.rendering.report_files import render_html
from medialit.rendering.report_labels import heading
from medialit.rendering.report_view import report_html
from medialit.scoring.class_report import build_report, hardest_table
from medialit.tagfile.model import TagSet


def clear_hedges(case) -> list[str]:
    key, exercise = case.key, case.exercise("hedging")
    rows = key[(key["category"] == "hedging") & (key["strength"] == "clear")]
    return [pid for pid in rows["passage_id"] if pid in exercise.passage_ids]


@pytest.fixture
def report(case):
    """Four learners on hedging: three review ``hard`` (a clear hedge) and two of them miss it;
    one learner alone reviews ``lonely`` and misses it; all four review ``easy`` and get it."""
    hard, lonely, easy = clear_hedges(case)[:3]
    tagsets = [
        TagSet(case.case_id, {hard: [], easy: ["hedging"], lonely: []}, learner="Ada", exercise="hedging"),
        TagSet(case.case_id, {hard: [], easy: ["hedging"]}, learner="Bo", exercise="hedging"),
        TagSet(case.case_id, {hard: ["hedging"], easy: ["hedging"]}, learner="Cy", exercise="hedging"),
        TagSet(case.case_id, {easy: ["hedging"]}, learner="Di", exercise="hedging"),
    ]
    errors = [Problem("broken.json", "is not valid JSON")]
    return build_report(tagsets, case, errors=errors)


def column_headings(page: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'<th scope="col">([^<]*)</th>', page)]


def test_columns_are_headed_in_words():
    labels = {"hedging": "Hedging"}
    assert heading("consensus_fn", labels) == "Class consensus: key tags missed"
    assert heading("pairable_passages", labels) == "Passages two or more learners reviewed"
    assert heading("hedging_f1", labels) == "Hedging: F1"
    assert heading("micro_f1", labels) == "F1, all categories"


@pytest.mark.parametrize("render", [lambda r: render_html(r, []), report_html], ids=["page", "notebook"])
def test_the_report_shows_words_not_snake_case(report, render):
    page = render(report)
    headings = column_headings(page)
    assert "Class consensus: key tags missed" in headings and "Learner" in headings
    assert not [h for h in headings if "_" in h]
    assert '<th scope="row">Hedging</th>' in page  # categories by name, not id


@pytest.mark.parametrize("render", [lambda r: render_html(r, []), report_html], ids=["page", "notebook"])
def test_bad_files_come_before_the_tables(report, render):
    page = render(report)
    assert page.index("broken.json") < page.index("The hardest passages") < page.index("<table")


def test_wide_tables_scroll_in_a_labelled_focusable_region(report):
    page = render_html(report, [])
    regions = re.findall(r'<div class="table-scroll" role="region" aria-label="([^"]+)" tabindex="0"', page)
    assert len(regions) == page.count("<table") == 2
    captions = [html.unescape(c) for c in re.findall(r"<caption>([^<]*)</caption>", page)]
    assert [html.unescape(r) for r in regions] == captions


def test_the_hardest_passages_need_enough_reviewers_and_no_filler(report, case):
    hard = clear_hedges(case)[0]
    hardest = hardest_table(report, 20)
    assert list(hardest["passage_id"]) == [hard]  # not the lonely one, and no one-right rows
    (row,) = hardest.itertuples()
    assert (row.reviewed, row.tagged) == (3, 1)


def test_each_hardest_passage_has_its_words_cue_reasoning_and_split(report, case):
    hard = clear_hedges(case)[0]
    key = case.key.set_index(["passage_id", "category"]).loc[(hard, "hedging")]
    page = html.unescape(render_html(report, []))
    section = page[page.index("The hardest passages") : page.index("Agreement and the class consensus")]
    words = re.sub(r"<[^>]+>", "", section)
    assert case.passages.loc[hard, "text"] in words
    assert f"The key's cue: {key['cue']}" in words
    assert f"The key's reasoning: {key['rationale']}" in words
    assert "How the class split: 1 of 3 reviewers tagged it and 2 missed it." in words
    summary = re.findall(r'<p class="discuss-first">([^<]*)</p>', section)
    assert summary == [
        f"Most missed: {hard} (Hedging: 67% missed it).",
        "Most often tagged though the key does not: nothing.",
    ]


def test_a_class_of_one_has_no_hardest_passage(case):
    hard = clear_hedges(case)[0]
    report = build_report([TagSet(case.case_id, {hard: []}, learner="Ada", exercise="hedging")], case)
    assert hardest_table(report).empty
    page = html.unescape(render_html(report, []))
    assert "No passage that at least 2 learners reviewed was missed or wrongly tagged by anyone." in page
    assert 'class="discuss-first"' not in page


def test_an_extra_tag_the_class_gives_says_why_the_key_does_not_tag_it(case):
    keyed = set(zip(case.key["passage_id"], case.key["category"], strict=True))
    (pid, category), reason = next((pair, r) for pair, r in case.not_this.items() if pair not in keyed)
    label = case.categories[category]["label"]
    tagsets = [TagSet(case.case_id, {pid: [category]}, learner=name) for name in ("Ada", "Bo", "Cy")]
    report = build_report(tagsets, case)  # the files record no exercise: the whole article
    page = re.sub(r"<[^>]+>", "", html.unescape(render_html(report, [])))
    assert f"{pid}: {label} (the key does not tag it)" in page
    assert f"The key's reasoning: {reason}" in page
    assert "How the class split: 3 of 3 reviewers tagged it, though the key does not." in page
    assert f"Most often tagged though the key does not: {pid} ({label}: 100% tagged it)." in page
