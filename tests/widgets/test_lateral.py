"""The lateral-reading widget, driven from Python: nothing is revealed before a commit, and answers reload."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest

from medialit import load_case
from medialit.session.lateral import NotCommittedError
from medialit.widgets.lateral import LateralWidget, start

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
