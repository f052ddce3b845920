"""How sure the learner is of each answer, in the session: asked only by test forms, saved on every change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.case.model import Case
from medialit.widgets.exercise import start
from tests.forms import POSTTEST, PRETEST, forms_case


@pytest.fixture
def forms(tmp_path: Path) -> Case:
    return forms_case(tmp_path)


def _saved(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_confidence_is_saved_at_once_and_resumed(forms: Case, tmp_path: Path) -> None:
    session = start("pretest", learner="Ada", case=forms, folder=tmp_path / "work", quiet=True)
    assert session.asks_confidence
    session.set_confidence(PRETEST[0], "fairly_sure")
    saved = _saved(session.path)
    assert saved["confidence"] == {PRETEST[0]: "fairly_sure"}
    assert PRETEST[0] in saved["edited"]  # part of the passage's edit, so two tabs merge it
    again = start("pretest", learner="Ada", case=forms, folder=tmp_path / "work", quiet=True)
    assert again.confidence_of(PRETEST[0]) == "fairly_sure" and again.confidence_of(PRETEST[1]) is None


def test_none_takes_a_confidence_back_and_tags_leave_it(forms: Case, tmp_path: Path) -> None:
    session = start("pretest", case=forms, folder=tmp_path / "work", quiet=True)
    session.set_confidence(PRETEST[1], "sure")
    session.tag(PRETEST[1], "hedging")
    session.no_technique(PRETEST[1])
    assert _saved(session.path)["confidence"] == {PRETEST[1]: "sure"}
    session.set_confidence(PRETEST[1], None)
    assert "confidence" not in _saved(session.path) and session.confidence_of(PRETEST[1]) is None


def test_an_unknown_level_or_passage_is_refused_and_nothing_is_saved(forms: Case, tmp_path: Path) -> None:
    session = start("pretest", case=forms, folder=tmp_path / "work", quiet=True)
    with pytest.raises(ValueError, match="'very' is not a level of confidence; use 'unsure'"):
        session.set_confidence(PRETEST[0], "very")
    with pytest.raises(ValueError, match="not one of this exercise's passages"):
        session.set_confidence(POSTTEST[0], "sure")
    assert not session.path.exists() and session.tagset.confidence == {}


def test_an_exercise_that_asks_no_confidence_takes_none(forms: Case, tmp_path: Path) -> None:
    session = start("other_side", case=forms, folder=tmp_path / "work", quiet=True)
    assert not session.asks_confidence
    with pytest.raises(ValueError, match="The other_side exercise does not ask how sure you are"):
        session.set_confidence(session.passage_ids[0], "sure")


def test_a_restored_file_keeps_the_confidence_of_this_exercise_s_passages_only(
    forms: Case, tmp_path: Path
) -> None:
    data = {
        "format": "medialit-tags/1",
        "case": forms.case_id,
        "saved_at": "2026-05-01T09:30:00+00:00",
        "tags": {PRETEST[0]: [], POSTTEST[0]: []},
        "confidence": {PRETEST[0]: "sure", POSTTEST[0]: "unsure", PRETEST[2]: "fairly_sure"},
    }
    session = start("pretest", case=forms, folder=tmp_path / "work", quiet=True)
    said = session.restore(json.dumps(data).encode(), "old-tags.json")
    assert said.startswith("Restored your work from old-tags.json"), said
    assert session.tagset.confidence == {PRETEST[0]: "sure", PRETEST[2]: "fairly_sure"}
    assert _saved(session.path)["confidence"] == {PRETEST[0]: "sure", PRETEST[2]: "fairly_sure"}
