"""What a test's check says about confidence and skills, in the widget and on the book's pages.

The Brier score's words (:data:`BRIER_WORDS`) reach ``inpage.js`` in the page data, so the script
has no copy of them; the parity test (``tests/sphinx_ext/test_inpage_confidence_parity.py``) holds
the script's sentences, and its copy of :func:`change_sentence`, to the functions here.
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


#: The Brier score in words: ``none`` without any confidence, else ``said`` and one verdict
#: (``lower``, ``same`` or ``higher`` than always saying the least sure level). ``{brier}``,
#: ``{count}`` ("4 answers"), ``{unsure_label}`` and ``{always_unsure}`` are filled in.
BRIER_WORDS = {
    "none": (
        "You did not say how sure you were of any answer yet, so there is no Brier score: "
        "choose how sure you are for each passage."
    ),
    "said": (
        "Your Brier score is {brier}, over the {count} you said how sure you were of. It counts both "
        "how often you were right and how sure you said you were: lower is better and 0 is perfect, "
        "and always saying “{unsure_label}” would score {always_unsure}."
    ),
    "lower": (
        "Yours is lower, so your answers and how sure you were of them, together, did better than "
        "always saying “{unsure_label}”. A low score needs both right answers and honest confidence: "
        "being right often can bring it down on its own, so look at the calibration below to see "
        "whether your “Sure” was right more often than your “{unsure_label}”."
    ),
    "same": "Yours is the same.",
    "higher": (
        "Yours is higher: you were sure of answers that were wrong, so keep “sure” for the "
        "answers you can back up from the text."
    ),
}


def brier_sentence(brier: float | None, count: int, always_unsure: float, unsure_label: str) -> str:
    """The Brier score in words (:data:`BRIER_WORDS`), against ``always_unsure``.

    ``always_unsure`` is the score of always saying ``unsure_label``, the least sure level.
    """
    if not count or brier is None or math.isnan(brier):
        return BRIER_WORDS["none"]
    verdict = "lower" if brier < always_unsure else "same" if brier == always_unsure else "higher"
    values = {
        "brier": number_text(brier),
        "count": count_text(count, "answer"),
        "unsure_label": unsure_label,
        "always_unsure": number_text(always_unsure),
    }
    return " ".join(BRIER_WORDS[part].format(**values) for part in ("said", verdict))


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
