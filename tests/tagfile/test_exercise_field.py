"""The optional ``exercise`` a tag file may record: read, written, used by ``score``, checked on restore."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.case.loading import load_case
from medialit.cli import main
from medialit.tagfile.reading import parse_tags
from medialit.widgets.exercise import start

BASE = {"format": "medialit-tags/1", "case": "", "saved_at": "2024-05-01T09:30:00+00:00", "tags": {}}


def _data(**extra: object) -> dict[str, object]:
    case = load_case()
    return {**BASE, "case": case.case_id, "tags": {case.exercise("hedging").passage_ids[0]: []}, **extra}


def test_a_file_without_an_exercise_still_loads_and_one_with_it_keeps_it() -> None:
    case = load_case()
    assert parse_tags(_data(), case).exercise is None
    tagset = parse_tags(_data(exercise="hedging"), case)
    assert tagset.exercise == "hedging"
    assert tagset.to_json()["exercise"] == "hedging"


def test_the_notebook_session_writes_its_exercise_and_refuses_another(tmp_path: Path) -> None:
    exercise = start("hedging", "Ada", folder=tmp_path, quiet=True)
    assert json.loads(exercise.json_text())["exercise"] == "hedging"
    other = json.dumps(_data(exercise="framing")).encode()
    message = exercise.restore(other, "framing-tags.json")
    assert message.startswith("Nothing was restored") and "framing" in message
    assert exercise.restore(json.dumps(_data()).encode(), "old-tags.json").startswith("Restored")


def test_score_uses_the_exercise_the_file_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "hedging-tags.json"
    path.write_text(json.dumps(_data(exercise="hedging")), encoding="utf-8")
    capsys.readouterr()
    assert main(["score", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["exercise"] == "hedging"
