"""The optional ``confidence`` of a tag file and an exercise's ``asks_confidence``."""

from __future__ import annotations

import json

from medialit.case.loading import load_case
from medialit.case.model import Case
from medialit.schemas import schema
from medialit.scoring.calibration import CONFIDENCE_LABELS, CONFIDENCE_LEVELS
from medialit.tagfile.left_out import UNKNOWN_CONFIDENCE, UNKNOWN_PASSAGE
from medialit.tagfile.model import CONFIDENCE_LEVEL_IDS
from medialit.tagfile.reading import parse_tags


def _data(case: Case, **extra: object) -> dict[str, object]:
    first, second = case.passages.index[:2]
    return {
        "format": "medialit-tags/1",
        "case": case.case_id,
        "saved_at": "2024-05-01T09:30:00+00:00",
        "tags": {first: [], second: []},
        **extra,
    }


def test_confidence_is_read_and_written_back() -> None:
    case = load_case()
    first, second = case.passages.index[:2]
    tagset = parse_tags(_data(case, confidence={first: "sure", second: "fairly_sure"}), case)
    assert tagset.confidence == {first: "sure", second: "fairly_sure"}
    assert tagset.problems == []
    assert tagset.to_json()["confidence"] == {first: "sure", second: "fairly_sure"}
    assert "confidence" not in parse_tags(_data(case), case).to_json()


def test_unknown_levels_and_passages_are_reported_and_the_rest_kept() -> None:
    case = load_case()
    first, second = case.passages.index[:2]
    data = _data(case, confidence={first: "very_sure", second: "unsure", "nope": "sure"})
    tagset = parse_tags(data, case, "ada.json")
    assert tagset.confidence == {second: "unsure"}
    assert [problem.kind for problem in tagset.problems] == [UNKNOWN_CONFIDENCE, UNKNOWN_PASSAGE]
    sentence = tagset.problems[0].sentence
    assert "ada.json" in sentence and "'very_sure'" in sentence and "left out" in sentence
    json.dumps(tagset.to_json())


def test_the_levels_are_stated_once_and_agree_with_the_format() -> None:
    assert tuple(CONFIDENCE_LEVELS) == CONFIDENCE_LEVEL_IDS == ("unsure", "fairly_sure", "sure")
    assert tuple(schema("tags")["$defs"]["confidence_level"]["enum"]) == CONFIDENCE_LEVEL_IDS
    assert CONFIDENCE_LEVELS == {"unsure": 0.5, "fairly_sure": 0.75, "sure": 0.95}
    assert list(CONFIDENCE_LABELS.values()) == ["Not sure", "Fairly sure", "Sure"]


def test_an_exercise_asks_for_confidence_only_when_its_manifest_says_so() -> None:
    case = load_case()
    assert not case.exercise("article").asks_confidence
    assert not any(case.exercise(exercise).asks_confidence for exercise in case.exercise_ids)
    manifest = json.loads(json.dumps(case.manifest))
    exercise_id = case.exercise_ids[1]
    manifest["exercises"][exercise_id]["confidence"] = True
    asking = Case(case.folder, manifest)
    assert asking.exercise(exercise_id).asks_confidence
