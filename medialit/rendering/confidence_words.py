"""What a test's check says about confidence and skills, shared word for word with ``inpage.js``.

The parity test (``tests/sphinx_ext/test_inpage_confidence_parity.py``) holds the script's copy
of each function here to it.
"""

from __future__ import annotations

import math

from medialit.common.numbers import count_text, number_text

#: The question beside the three choices, in the widget and the in-page exercise.
CONFIDENCE_QUESTION = "How sure are you of this answer?"

#: Said above the skill scores.
SKILLS_NOTE = (
    "Each skill's score is the share of the key's tags of that kind you found, averaged with the "
    "share of the other passages you rightly left without it: 1 is every answer right, and 0.5 is "
    "what tagging nothing (or everything) scores."
)


def brier_sentence(brier: float | None, count: int, always_unsure: float, unsure_label: str) -> str:
    """The Brier score in words: what it measures, that lower is better, and the "always unsure" score."""
    if not count or brier is None or math.isnan(brier):
        return (
            "You did not say how sure you were of any answer yet, so there is no Brier score: "
            "choose how sure you are for each passage."
        )
    said = (
        f"Your Brier score is {number_text(brier)}, over the {count_text(count, 'answer')} you said how "
        "sure you were of. It measures how well your confidence matched your answers: 0 is perfect "
        f"(sure of every right answer and of no wrong one) and lower is better; always saying "
        f"“{unsure_label}” would score {number_text(always_unsure)}."
    )
    if brier < always_unsure:
        return f"{said} Yours is lower, so how sure you were told your right answers from your wrong ones."
    if brier == always_unsure:
        return f"{said} Yours is the same."
    return (
        f"{said} Yours is higher: you were sure of answers that were wrong, so keep “sure” for the "
        "answers you can back up from the text."
    )


def change_sentence(gain: float | None) -> str:
    """One sentence on the learner's change over all skills, from the pretest to the post-test."""
    if gain is None or math.isnan(gain):
        return "Your change cannot be worked out: neither test has a skill with passages to score."
    if gain > 0:
        return f"Over all skills your score went up by {number_text(gain)} from the pretest to the post-test."
    if gain < 0:
        return (
            f"Over all skills your score went down by {number_text(-gain)} from the pretest to the post-test."
        )
    return "Over all skills your score is the same on the pretest and the post-test."
