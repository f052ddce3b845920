"""The lateral-reading widget, driven from Python: nothing is revealed before a commit, and answers reload."""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest

from medialit import load_case
from medialit.session.lateral import NotCommittedError
from medialit.tagfile.answers import parse_answers
from medialit.tagfile.names import ANSWERS_SUFFIX, download_file_name
from medialit.widgets.lateral import LateralWidget, start
from tests.conftest import ROOT
from tests.widgets.uploading import choose_files

CASE = load_case()


def make(folder: Path, learner: str | None = None) -> LateralWidget:
    return start(learner=learner, case=CASE, folder=folder, quiet=True).view()


def values(widget: widgets.Widget) -> Iterator[str]:
    """Every text a widget and its children hold (values, options, descriptions)."""
    for name in ("value", "description", "_options_labels", "placeholder", "tooltip"):
        value: Any = getattr(widget, name, None)
        if isinstance(value, str):
            yield html.unescape(value)
        elif isinstance(value, tuple):
            yield from (str(item) for item in value)
    for child in getattr(widget, "children", ()):
        yield from values(child)


def shown(widget: LateralWidget) -> str:
    return "\n".join(values(widget))


def test_nothing_the_course_found_is_in_the_widget_before_a_commit(tmp_path: Path) -> None:
    widget = make(tmp_path)
    for index, task in enumerate(CASE.lateral):
        widget.go(index)
        text = shown(widget)
        assert task.question in text and task.choices[0].text in text
        assert task.found not in text and task.right_choice.why not in text, task.task_id
        assert widget.reveal.value == ""
    with pytest.raises(NotCommittedError):
        widget.session.reveal(CASE.lateral[0].task_id)


def test_commit_reveals_what_the_course_found_and_the_answer_stands(tmp_path: Path) -> None:
    widget = make(tmp_path, "Ada")
    task = CASE.lateral[0]
    wrong = next(choice for choice in task.choices if not choice.right)
    widget.choices.value = wrong.choice_id
    widget.search.value = "kerry transcript might would"
    widget.commit_button.click()
    revealed = html.unescape(widget.reveal.value)
    assert task.found in revealed and task.correction is not None and task.correction.caught in revealed
    assert f"the right answer is ({task.right_choice.choice_id})" in revealed
    assert "kerry transcript might would" in revealed
    assert all(reading.url in revealed for reading in task.reading)
    assert widget.choices.disabled and widget.search.disabled and widget.commit_button.disabled
    with pytest.raises(ValueError, match="already committed"):
        widget.session.commit(task.task_id, task.right_choice.choice_id)
    saved = json.loads(widget.session.path.read_text(encoding="utf-8"))
    assert saved["learner"] == "Ada" and saved["answers"][task.task_id]["choice"] == wrong.choice_id


def test_commit_without_a_choice_says_so_and_reveals_nothing(tmp_path: Path) -> None:
    widget = make(tmp_path)
    widget.commit_button.click()
    assert "Pick an answer first" in widget.status.value
    assert widget.reveal.value == "" and not widget.session.path.exists()


def test_saved_answers_and_their_reveal_come_back_when_the_cell_runs_again(tmp_path: Path) -> None:
    first = make(tmp_path, "Ada")
    first.go(3)
    task = CASE.lateral[3]
    first.choices.value = task.right_choice.choice_id
    first.commit_button.click()
    again = make(tmp_path, "Ada")
    assert "Resumed your answers" in again.status.value
    assert again.reveal.value == ""  # the first task was not answered
    again.go(3)
    assert again.choices.value == task.right_choice.choice_id and again.choices.disabled
    assert task.found in html.unescape(again.reveal.value)
    assert "is the right one" in again.reveal.value
    assert again.progress.value.startswith('<p data-committed="1">')
    other = make(tmp_path, "Grace")  # another learner starts afresh, in a file of their own
    assert other.session.committed_count() == 0 and other.session.path != again.session.path


def commit(widget: LateralWidget, index: int, right: bool) -> None:
    widget.go(index)
    task = CASE.lateral[index]
    widget.choices.value = next(c.choice_id for c in task.choices if c.right == right)
    widget.commit_button.click()


def downloaded(widget: LateralWidget) -> tuple[str, bytes]:
    """The name and the bytes the widget's download link offers."""
    link = widget.download_link.value
    name = html.unescape(link.split('download="')[1].split('"')[0])
    return name, base64.b64decode(link.split("base64,")[1].split('"')[0])


def test_download_offers_the_answers_file_named_for_the_learner(tmp_path: Path) -> None:
    widget = make(tmp_path, "Ada")
    commit(widget, 0, right=False)
    assert widget.download_link.value == ""
    widget.download_button.click()
    assert 'class="medialit-download"' in widget.download_link.value
    name, content = downloaded(widget)
    saved_at = json.loads(widget.session.path.read_text(encoding="utf-8"))["saved_at"]
    assert name == download_file_name("lateral", "Ada", saved_at, ANSWERS_SUFFIX)
    assert name.startswith("lateral-ada-") and name.endswith(f"-{saved_at[:10]}-answers.json")
    assert list(parse_answers(content, name, CASE.case_id, CASE.lateral).answers) == [CASE.lateral[0].task_id]
    commit(widget, 1, right=True)  # the link follows every commit
    _, content = downloaded(widget)
    assert len(parse_answers(content, name, CASE.case_id, CASE.lateral).answers) == 2


def test_the_book_page_states_the_download_name_the_widget_gives(tmp_path: Path) -> None:
    """book/lateral-reading.md names the download as the package does, with its 8-character code."""
    widget = make(tmp_path, "Ada")
    commit(widget, 0, right=False)
    widget.download_button.click()
    name, _ = downloaded(widget)
    page = (ROOT / "book" / "lateral-reading.md").read_text(encoding="utf-8")
    (stated,) = re.findall(r"`(lateral-<[^`]+)`", page)
    pieces = {"<your name>": "ada", "<code>": "[0-9a-f]{8}", "<date>": r"\d{4}-\d{2}-\d{2}"}
    parts = re.split(f"({'|'.join(pieces)})", stated)
    pattern = "".join(pieces.get(part) or re.escape(part) for part in parts)
    assert re.fullmatch(pattern, name), (stated, name)


def test_restore_adds_answers_and_the_answers_committed_here_stand(tmp_path: Path) -> None:
    elsewhere = make(tmp_path / "other-computer", "Ada")
    commit(elsewhere, 0, right=False)
    commit(elsewhere, 1, right=True)
    elsewhere.download_button.click()
    name, content = downloaded(elsewhere)
    here = make(tmp_path / "here", "ada")  # the same learner, typed differently
    commit(here, 0, right=True)
    choose_files(here.upload, [(name, content)])
    first, second = (task.task_id for task in CASE.lateral[:2])
    assert here.session.answer(first).choice == CASE.lateral[0].right_choice.choice_id  # stands
    assert here.session.is_committed(second)
    assert f"Answers restored from {name}: 1;" in html.unescape(here.restore_message.value)
    assert "medialit-error" not in here.restore_message.value
    saved = json.loads(here.session.path.read_text(encoding="utf-8"))
    assert set(saved["answers"]) == {first, second}
    here.go(1)
    assert here.choices.disabled and CASE.lateral[1].found in html.unescape(here.reveal.value)


def test_a_file_of_another_learner_restores_nothing_and_says_so(tmp_path: Path) -> None:
    grace = make(tmp_path / "grace", "Grace")
    commit(grace, 0, right=True)
    content = grace.session.path.read_bytes()
    ada = make(tmp_path / "ada", "Ada")
    commit(ada, 1, right=False)
    before = ada.session.path.read_bytes()
    choose_files(ada.upload, [("grace.json", content)])
    message = html.unescape(ada.restore_message.value)
    assert "medialit-error" in message
    assert "Nothing was restored from grace.json: it holds the answers of “Grace”, not of “Ada”" in message
    assert not ada.session.is_committed(CASE.lateral[0].task_id)
    assert ada.session.path.read_bytes() == before


def test_without_a_name_the_restored_files_name_is_taken_and_said(tmp_path: Path) -> None:
    ada = make(tmp_path / "ada", "Ada")
    commit(ada, 0, right=True)
    widget = make(tmp_path / "lab")
    choose_files(widget.upload, [("ada.json", ada.session.path.read_bytes())])
    assert "now saved for “Ada”" in html.unescape(widget.restore_message.value)
    assert json.loads(widget.session.path.read_text(encoding="utf-8"))["learner"] == "Ada"
    assert widget.session.committed_count() == 1


def test_a_bad_file_restores_nothing_and_loses_nothing(tmp_path: Path) -> None:
    widget = make(tmp_path, "Ada")
    commit(widget, 0, right=True)
    before = widget.session.path.read_bytes()
    choose_files(widget.upload, [("notes.json", b"{not json")])
    message = html.unescape(widget.restore_message.value)
    assert message.count("notes.json") >= 1 and "Nothing was restored." in message
    assert "medialit-error" in message and "Traceback" not in message
    assert widget.session.path.read_bytes() == before and widget.session.committed_count() == 1
