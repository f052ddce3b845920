"""Finding a learner's own pretest in their work folder, and saying plainly why when there is none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.case.model import Case
from medialit.tagfile.earlier import earlier_work
from medialit.tagfile.names import tag_file_name
from medialit.widgets.exercise import start
from tests.forms import PRETEST, forms_case


@pytest.fixture
def forms(tmp_path: Path) -> Case:
    return forms_case(tmp_path)


def test_the_same_learner_s_file_is_found_whatever_the_spelling(forms: Case, tmp_path: Path) -> None:
    start("pretest", learner="José", case=forms, folder=tmp_path, quiet=True).no_technique(PRETEST[0])
    found = earlier_work(tmp_path, "pretest", "JOSÉ", forms)
    assert found.tagset is not None and found.tagset.tags == {PRETEST[0]: []} and found.message == ""


def test_no_file_is_said_plainly(forms: Case, tmp_path: Path) -> None:
    found = earlier_work(tmp_path, "pretest", "Ada", forms)
    assert found.tagset is None
    assert found.message.startswith("No pretest work saved under the name “Ada” was found in ")
    assert earlier_work(tmp_path, "pretest", None, forms).message.startswith(
        "No pretest work saved without a name"
    )


def test_an_unreadable_file_falls_back_on_its_backup_and_else_says_why(forms: Case, tmp_path: Path) -> None:
    session = start("pretest", learner="Ada", case=forms, folder=tmp_path, quiet=True)
    session.no_technique(PRETEST[0])
    session.no_technique(PRETEST[1])  # the backup holds the first change
    session.path.write_text("{not json", encoding="utf-8")
    found = earlier_work(tmp_path, "pretest", "Ada", forms)
    assert found.tagset is not None and found.tagset.tags == {PRETEST[0]: []}
    session.workspace.backup.write_text("[]", encoding="utf-8")
    found = earlier_work(tmp_path, "pretest", "Ada", forms)
    assert found.tagset is None
    assert found.message.startswith("Your pretest work cannot be compared with: ")
    assert f"{session.path.name} could not be read" in found.message and found.message.endswith(".")


def test_a_file_that_names_another_learner_is_not_used(forms: Case, tmp_path: Path) -> None:
    data = {
        "format": "medialit-tags/1",
        "case": forms.case_id,
        "learner": "Bob",
        "saved_at": "2026-05-01T09:30:00+00:00",
        "tags": {PRETEST[0]: []},
    }
    (tmp_path / tag_file_name("pretest", "Ada")).write_text(json.dumps(data), encoding="utf-8")
    found = earlier_work(tmp_path, "pretest", "Ada", forms)
    assert found.tagset is None and "belongs to “Bob”, not to you." in found.message
