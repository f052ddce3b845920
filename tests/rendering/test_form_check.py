"""A test form's check: the Brier score in words, calibration, skills and the change, from the numbers."""

from __future__ import annotations

import pandas as pd
import pytest

from medialit.rendering.confidence_plots import calibration_plot, skill_change_plot
from medialit.rendering.confidence_words import brier_sentence, change_sentence
from medialit.rendering.form_check import FormCheck
from medialit.scoring.calibration import calibration_table

LABELS = {"attribution": "Attribution", "hedging": "Hedging"}


def _answers(*rows: tuple[str, str, float, int]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["passage_id", "level", "stated", "right"])


def _check(answers: pd.DataFrame, earlier: pd.Series | None = None) -> FormCheck:
    skills = pd.Series({"attribution": 0.75, "hedging": 0.5})
    return FormCheck(answers, skills, LABELS, earlier)


@pytest.mark.parametrize(
    ("brier", "verdict"),
    [
        (0.1, "Yours is lower"),
        (0.25, "Yours is the same."),
        (0.4, "Yours is higher: you were sure of answers"),
    ],
)
def test_the_brier_sentence_says_what_it_means_and_compares_with_always_unsure(
    brier: float, verdict: str
) -> None:
    said = brier_sentence(brier, 3, 0.25, "Not sure")
    assert said.startswith(f"Your Brier score is {brier:.2f}, over the 3 answers")
    assert (
        "lower is better" in said and "always saying “Not sure” would score 0.25." in said and verdict in said
    )


def test_a_low_brier_score_from_being_right_often_is_not_called_good_confidence() -> None:
    """Always "Sure" and right four times in five scores 0.18, below "Not sure"'s 0.25, though the
    confidence told nothing apart: the words say that being right counts too, and send to calibration."""
    answers = _answers(*((f"t{n}", "sure", 0.95, int(n < 4)) for n in range(5)))
    check = _check(answers)
    assert round(check.brier, 4) == 0.1825 and check.brier < check.always_unsure
    said = check.brier_text()
    assert "Yours is lower" in said
    assert "told your right answers from your wrong ones" not in said
    assert "how often you were right" in said and "calibration below" in said


def test_without_any_confidence_there_is_no_brier_score_and_it_says_so() -> None:
    check = _check(_answers())
    assert check.brier_text().startswith("You did not say how sure you were of any answer yet")


def test_the_brier_score_and_the_always_unsure_score_come_from_the_answers() -> None:
    # sure and right: (0.95-1)^2 = 0.0025; fairly sure and wrong: 0.75^2 = 0.5625; mean 0.2825
    check = _check(_answers(("s1", "sure", 0.95, 1), ("s2", "fairly_sure", 0.75, 0)))
    assert check.brier == pytest.approx(0.2825)
    assert check.always_unsure == pytest.approx(0.25)
    assert "Your Brier score is 0.28, over the 2 answers" in check.brier_text()


def test_the_calibration_plot_s_alt_text_gives_every_level_s_numbers() -> None:
    table = calibration_table(
        _answers(("s1", "sure", 0.95, 1), ("s2", "sure", 0.95, 0), ("s3", "unsure", 0.5, 1))
    )
    alt = calibration_plot({"your answers": table}).alt
    assert "Not sure (stands for 0.50): 1 answer, 1.00 right" in alt
    assert "Fairly sure (stands for 0.75): no answers" in alt
    assert "Sure (stands for 0.95): 2 answers, 0.50 right" in alt


def test_the_change_per_skill_is_post_minus_pre_with_all_skills_their_mean() -> None:
    check = _check(_answers(), earlier=pd.Series({"attribution": 0.5, "hedging": 0.75}))
    change = check.change()
    assert change is not None
    assert list(change["label"]) == ["Attribution", "Hedging", "All skills"]
    assert list(change["change"]) == pytest.approx([0.25, -0.25, 0.0])
    assert list(change["pretest"]) == pytest.approx([0.5, 0.75, 0.625])
    alt = skill_change_plot(change.drop(index="all")).alt
    assert "Attribution: pretest 0.50, post-test 0.75, change 0.25; Hedging: pretest 0.75" in alt
    assert "Over all skills your score is the same" in str(check.change_html())


def test_the_change_sentence_says_up_down_or_the_same() -> None:
    assert (
        change_sentence(0.125)
        == "Over all skills your score went up by 0.12 from the pretest to the post-test."
    )
    assert change_sentence(-0.25).startswith("Over all skills your score went down by 0.25")
    assert change_sentence(float("nan")).startswith("Your change cannot be worked out")
