"""One truth for test forms: the page's script, under Node, judges answers, Brier scores, calibration and
skill scores as :mod:`medialit.scoring.calibration` and :mod:`medialit.scoring.skills` do, on seeded
random tag sets with confidence, for every exercise that asks for confidence in every case the course lists
(and in the tests' own copy of the other-side case with two forms); says the same sentences; and keeps,
restores and merges confidence alike.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Any

import pytest

import medialit.sphinx_ext.inpage as inpage_module
from medialit.case.model import Case
from medialit.rendering.confidence_words import BRIER_WORDS, brier_sentence, change_sentence
from medialit.rendering.inpage import inpage_payload
from medialit.scoring.calibration import (
    CONFIDENCE_LEVELS,
    answer_is_right,
    brier_score,
    calibration_table,
    confidence_answers,
)
from medialit.scoring.skills import skill_scores
from medialit.tagfile.merge import merge_tagsets
from medialit.tagfile.reading import parse_tags
from tests.forms import forms_case
from tests.sphinx_ext.test_inpage_parity import _cases, _run_node, random_data

SETS = 200  # for each form of the tests' own case
SETS_PER_COURSE_FORM = 100  # for each form of the course's cases
FORMS = "forms"  # the tests' own case, in the parameters below

#: (case id or FORMS, exercise) for every form: the tests' own two and each one of the course's cases.
FORM_EXERCISES = [(FORMS, "pretest"), (FORMS, "posttest")] + [
    (case.case_id, exercise)
    for case in _cases()
    for exercise in case.exercise_ids
    if case.exercise(exercise).asks_confidence
]


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> Case:
    return forms_case(tmp_path_factory.mktemp("forms"))


def _with_confidence(case: Case, exercise: str, rng: random.Random) -> dict[str, Any]:
    """A random tag file with a random confidence on some passages (a few outside the exercise)."""
    data = random_data(case, exercise, rng)
    inside = case.exercise(exercise).passage_ids
    share = rng.random()
    chosen = [pid for pid in case.passages.index if rng.random() < (share if pid in inside else 0.05)]
    if chosen:
        data["confidence"] = {pid: rng.choice(list(CONFIDENCE_LEVELS)) for pid in chosen}
    return data


def _nan_to_none(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def test_the_course_has_forms_to_compare() -> None:
    assert [(c, e) for c, e in FORM_EXERCISES if c != FORMS] == [
        ("transfer-tests", "pretest"),
        ("transfer-tests", "posttest"),
    ]


@pytest.mark.parametrize(("case_id", "exercise"), FORM_EXERCISES)
def test_page_judges_answers_and_scores_confidence_and_skills_as_the_package(
    node_path: str, forms: Case, case_id: str, exercise: str
) -> None:
    case = forms if case_id == FORMS else next(c for c in _cases() if c.case_id == case_id)
    spec = case.exercise(exercise)
    payload = inpage_payload(case, spec)
    levels = payload["confidence"]["levels"]
    rng = random.Random(f"confidence/{exercise}" if case_id == FORMS else f"confidence/{case_id}/{exercise}")
    calls: list[dict[str, Any]] = []
    expected: list[dict[str, Any]] = []
    for number in range(SETS if case_id == FORMS else SETS_PER_COURSE_FORM):
        tagset = parse_tags(_with_confidence(case, exercise, rng), case, f"random-{number}.json")
        data = tagset.to_json()
        answers = confidence_answers(tagset, case, spec)
        table = calibration_table(answers)
        expected.append(
            {
                "right": {pid: bool(v) for pid, v in answer_is_right(tagset, case, spec).items()},
                "answers": answers.to_dict("records"),
                "brier": _nan_to_none(brier_score(answers)),
                "table": [
                    {
                        "level": level,
                        "label": row["label"],
                        "count": int(row["count"]),
                        "stated": row["stated"],
                        "share_right": _nan_to_none(row["share_right"]),
                    }
                    for level, row in table.iterrows()
                ],
                "skills": {c: _nan_to_none(v) for c, v in skill_scores(tagset, case, spec).items()},
            }
        )
        records = answers.to_dict("records")
        calls += [
            {"fn": "answerIsRight", "args": [payload, data]},
            {"fn": "confidenceAnswers", "args": [payload, data]},
            {"fn": "brierScore", "args": [records]},
            {"fn": "calibrationTable", "args": [records, levels]},
            {"fn": "skillScores", "args": [payload, data]},
        ]
    got = _run_node(node_path, payload, [], [], calls=calls)["calls"]
    assert len(got) == 5 * len(expected)
    for number, want in enumerate(expected):
        right, answers, brier, table, skills = got[5 * number : 5 * number + 5]
        assert right == want["right"], f"right answers differ for set {number}"
        assert answers == want["answers"], f"confidence answers differ for set {number}"
        if want["brier"] is None:  # summed in another order: the last bit may differ
            assert brier is None, f"Brier differs for set {number}"
        else:
            assert brier == pytest.approx(want["brier"], rel=1e-12, abs=0), f"Brier differs for set {number}"
        assert table == want["table"], f"calibration differs for set {number}"
        assert skills == want["skills"], f"skill scores differ for set {number}"
    assert any(w["brier"] is None for w in expected) and any(w["answers"] for w in expected)
    assert {a["right"] for w in expected for a in w["answers"]} == {0, 1}  # right and wrong answers both came


def test_page_says_the_brier_score_and_the_change_as_the_package(node_path: str, forms: Case) -> None:
    payload = inpage_payload(forms, forms.exercise("posttest"))
    rng = random.Random("confidence words")
    cases: list[tuple[Any, ...]] = [
        (None, 0, 0.25, "Not sure"),
        (0.25, 4, 0.25, "Not sure"),
        (float("nan"), 3, 0.25, "x"),
    ]
    cases += [(rng.random() * 0.9, rng.randint(1, 16), 0.25, "Not sure") for _ in range(100)]
    gains = [None, 0.0, 0.125, -0.375, *(rng.uniform(-1, 1) for _ in range(100))]
    calls = [
        {
            "fn": "brierSentence",
            "args": [payload["words"]["brier"], None if v is None or math.isnan(v) else v, *rest],
        }
        for v, *rest in cases
    ]
    calls += [{"fn": "changeSentence", "args": [gain]} for gain in gains]
    want = [brier_sentence(*args) for args in cases] + [change_sentence(gain) for gain in gains]
    assert _run_node(node_path, payload, [], [], calls=calls)["calls"] == want
    assert len(set(want)) > 150


def test_page_keeps_restores_and_merges_confidence_as_the_package(node_path: str, forms: Case) -> None:
    """A file with confidence (also on passages outside the form) restores to the same confidence; two
    tabs' versions with confidence merge to the same, passage by passage."""
    spec = forms.exercise("pretest")
    payload = inpage_payload(forms, spec)
    rng = random.Random("confidence merge")
    files, expected_restored, merges, expected_merged = [], [], [], []
    for number in range(150):
        data = _with_confidence(forms, "pretest", rng)
        tagset = parse_tags(data, forms, f"f{number}.json")
        files.append({"name": f"f{number}.json", "text": json.dumps(tagset.to_json())})
        expected_restored.append(
            {pid: lv for pid, lv in tagset.confidence.items() if pid in spec.passage_ids}
        )
        theirs_data = _with_confidence(forms, "pretest", rng)
        theirs_data["saved_at"] = rng.choice(["2024-05-01T09:29:00+00:00", "2024-05-01T09:31:00+00:00"])
        theirs = parse_tags(theirs_data, forms, f"t{number}.json")
        merges.append({"mine": tagset.to_json(), "theirs": theirs.to_json()})
        merged = merge_tagsets(tagset, theirs)
        expected_merged.append((merged.tagset.confidence, list(merged.taken)))
    got = _run_node(node_path, payload, [], [], files=files, merges=merges)
    assert [r["state"]["confidence"] for r in got["restored"]] == expected_restored
    assert [(m["state"]["confidence"], m["taken"]) for m in got["merged"]] == expected_merged
    assert any(taken for _, taken in expected_merged) and any(expected_restored)
    state = got["restored"][next(i for i, c in enumerate(expected_restored) if c)]["state"]
    done = _run_node(node_path, payload, [], [], calls=[{"fn": "tagFile", "args": [payload, state]}])
    assert done["calls"][0]["confidence"] == state["confidence"]


def test_the_script_takes_the_brier_words_from_the_page_data() -> None:
    """The Brier score's wording is stated once, in Python; the page's script has no copy of it."""
    script = (Path(inpage_module.__file__).parent / "static" / "inpage.js").read_text(encoding="utf-8")
    copied = [words for words in BRIER_WORDS.values() if len(words) > 20 and words[:40] in script]
    assert not copied, f"inpage.js repeats {copied}"
