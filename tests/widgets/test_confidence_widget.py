"""The widget's "How sure are you of this answer?" control, and what its check shows on a test form."""

from __future__ import annotations

import json
from pathlib import Path

import ipywidgets as widgets
import pytest

from medialit.case.model import Case
from medialit.rendering.confidence_words import CONFIDENCE_QUESTION
from medialit.widgets.exercise import start
from medialit.widgets.tagging import TaggingWidget
from tests.forms import PRETEST, forms_case


@pytest.fixture
def forms(tmp_path: Path) -> Case:
    return forms_case(tmp_path)


def _widget(
    forms: Case, folder: Path, exercise: str = "pretest", learner: str | None = "Ada"
) -> TaggingWidget:
    return start(exercise, learner=learner, case=forms, folder=folder, quiet=True).view()


def test_a_test_form_asks_how_sure_with_three_labelled_choices(forms: Case, tmp_path: Path) -> None:
    widget = _widget(forms, tmp_path / "work")
    control = widget.confidence
    assert isinstance(
        control, widgets.RadioButtons
    )  # native radios: arrow keys, a dot (not colour) when chosen
    assert control.description == CONFIDENCE_QUESTION == "How sure are you of this answer?"
    assert [label for label, _ in control.options] == ["Not sure", "Fairly sure", "Sure"]
    assert control.layout.display is None and control in widget.children
    assert control.value is None  # nothing is said for the learner


def test_an_exercise_without_confidence_hides_the_control(forms: Case, tmp_path: Path) -> None:
    widget = _widget(forms, tmp_path / "work", "other_side")
    assert widget.confidence.layout.display == "none"


def test_choosing_saves_and_each_passage_shows_its_own(forms: Case, tmp_path: Path) -> None:
    widget = _widget(forms, tmp_path / "work")
    assert widget.pid == PRETEST[0]
    widget.confidence.value = "sure"
    saved = json.loads(widget.exercise.path.read_text(encoding="utf-8"))
    assert saved["confidence"] == {PRETEST[0]: "sure"}
    widget.step(1)
    assert widget.pid == PRETEST[1] and widget.confidence.value is None
    widget.confidence.value = "unsure"
    widget.step(-1)
    assert widget.confidence.value == "sure"
    again = _widget(forms, tmp_path / "work")  # a new kernel resumes it
    again.go_to.value = PRETEST[1]
    assert again.confidence.value == "unsure"


def test_the_check_of_a_test_form_shows_the_brier_score_calibration_and_skills(
    forms: Case, tmp_path: Path
) -> None:
    widget = _widget(forms, tmp_path / "work")
    widget.exercise.no_technique(PRETEST[0])
    widget.exercise.set_confidence(PRETEST[0], "sure")
    widget.check_button.click()
    shown = widget.feedback.value
    assert 'class="medialit-form-check" data-brier="' in shown
    assert (
        "Your Brier score is" in shown
        and "lower is better" in shown
        and "“Not sure” would score 0.25" in shown
    )
    assert "<caption>How sure you were, and how often right</caption>" in shown
    assert 'alt="How sure you were, and how often right. ' in shown
    assert "<caption>Your score per skill</caption>" in shown
    assert "Your change per skill" not in shown  # the pretest is compared with nothing


def test_an_exercise_without_confidence_checks_as_before(forms: Case, tmp_path: Path) -> None:
    widget = _widget(forms, tmp_path / "work", "other_side")
    widget.check_button.click()
    assert "medialit-form-check" not in widget.feedback.value and "Your scores" in widget.feedback.value


def test_the_post_test_shows_the_change_since_the_same_learner_s_pretest(forms: Case, tmp_path: Path) -> None:
    folder = tmp_path / "work"
    pretest = start("pretest", learner="Ada", case=forms, folder=folder, quiet=True)
    for pid in PRETEST:
        pretest.no_technique(pid)
    widget = _widget(forms, folder, "posttest", learner="ADA")  # the same learner, spelt otherwise
    widget.check_button.click()
    shown = widget.feedback.value
    assert "<caption>Your change per skill</caption>" in shown and "All skills" in shown
    assert 'alt="Your change per skill. ' in shown and "Over all skills your score" in shown


@pytest.mark.parametrize("learner", ["Bob", None])
def test_the_post_test_says_plainly_when_there_is_no_pretest_of_this_learner(
    forms: Case, tmp_path: Path, learner: str | None
) -> None:
    folder = tmp_path / "work"
    start("pretest", learner="Ada", case=forms, folder=folder, quiet=True).no_technique(PRETEST[0])
    widget = _widget(forms, folder, "posttest", learner=learner)
    widget.check_button.click()
    shown = widget.feedback.value
    assert "<caption>Your change per skill</caption>" not in shown
    assert "No pretest work saved " in shown and "do the pretest first, with the same name or code." in shown
