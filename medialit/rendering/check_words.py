"""What a check says, shared word for word with the in-page exercise (``inpage.js``).

The notebook widget's check (:mod:`medialit.rendering.check`) and the book's in-page exercise
show the same things in the same order: coverage first; the feedback on reviewed passages only,
as agreed, extra, missed and arguable; the key for passages not yet reviewed kept apart, behind a
control; each kappa in words; the learner's cue words beside the key's. The parity test
(``tests/sphinx_ext/test_inpage_parity.py``) holds the script's copy of each function here to it.
"""

from __future__ import annotations

import math
from typing import Any

from medialit.common.numbers import count_text, number_text

#: Each group's heading: the reviewed passages by status, then the key for the others.
STATUS_TITLES = {
    "agreed": "Agreed: you and the key both tagged these",
    "extra": "Extra: you tagged these and the key does not",
    "missed": "Missed: the key tags these and you did not",
    "arguable": "Arguable: either choice is fine; these never count against you",
    "unreviewed": "Not reviewed yet: the key's tags on the passages you have not done (open once you have)",
}

#: The order of the groups; ``unreviewed`` (closed until the learner opens it) comes last.
STATUS_ORDER = ("agreed", "extra", "missed", "arguable", "unreviewed")


def check_groups(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The feedback rows (``feedback(...).to_dict("records")``) as groups in :data:`STATUS_ORDER`.

    Rows of passages the learner has not reviewed all go to ``unreviewed`` (only the key's tags
    are there: missed or arguable), so that a check part-way does not show them as mistakes.
    Each group is ``{"status", "title", "rows"}``, its title with the number of tags in it
    ("Agreed: ... (3 tags)"); empty groups are left out.
    """
    groups = []
    for status in STATUS_ORDER:
        if status == "unreviewed":
            chosen = [row for row in rows if not row["reviewed"]]
        else:
            chosen = [row for row in rows if row["reviewed"] and row["status"] == status]
        if chosen:
            title = f"{STATUS_TITLES[status]} ({count_text(len(chosen), 'tag')})"
            groups.append({"status": status, "title": title, "rows": chosen})
    return groups


def coverage_sentence(reviewed: int, total: int) -> str:
    """How much of the exercise the check covers, said first."""
    said = f"You reviewed {reviewed} of {total} passages."
    rest = total - reviewed
    if not rest:
        return f"{said} The feedback covers every passage."
    if not reviewed:
        return (
            f"{said} Review some passages first: the scores count each passage you have not "
            "reviewed as tagged with nothing."
        )
    return (
        f"{said} The feedback below is on those {reviewed} only; the key for the other "
        f"{count_text(rest, 'passage')} stays closed at the end, so you can still do them first. "
        "The scores count a passage you have not reviewed as tagged with nothing."
    )


#: Said under the coverage, before the scores table.
SCORES_NOTE = (
    "Key tags marked arguable never count against you. Read kappa first: 0 is what ticking "
    "everything (or nothing) gets, 1 is full agreement with the key, and a negative value means "
    "your tags agree with the key less often than chance would (the “Kappa in words” column says "
    "what each one means). “Undefined” means there was nothing to compute the score from."
)


def extra_sentence(label: str, not_this: str) -> str:
    """Why the key does not tag an extra tag: its "not this" reason, or plainly that it gives none."""
    if not_this:
        return f"Why the key does not tag {label.lower()} here: {not_this}"
    return (
        f"The key does not tag {label.lower()} here, and gives no reason of its own: reread the "
        "definition before you tag it again."
    )


def kappa_words(kappa: float | None) -> str:
    """A kappa in words: what it says of the learner's agreement with the key."""
    if kappa is None or math.isnan(kappa):
        return "cannot be worked out yet"
    if kappa < 0:
        return "below chance: your tags and the key's mostly fall on different passages"
    if kappa < 0.2:
        return "about chance: little agreement beyond ticking at random"
    if kappa < 0.4:
        return "some agreement beyond chance"
    if kappa < 0.6:
        return "moderate agreement"
    if kappa < 0.8:
        return "good agreement"
    if kappa < 1:
        return "strong agreement"
    return "full agreement with the key"


def cue_sentence(learner_cues: str, has_key_row: bool, tagged: bool, cue_f1: float | None) -> str:
    """The learner's cue words beside the key's ("" when there is nothing to compare).

    ``cue_f1`` is the feedback row's cue score (``nan`` or ``None`` where none was scored).
    """
    if learner_cues and not has_key_row:
        return f"Your words: “{learner_cues}”."
    if learner_cues:
        if cue_f1 is None or math.isnan(cue_f1):
            return f"Your words: “{learner_cues}”."
        if cue_f1 >= 1:
            verdict = "are the key's cue"
        elif cue_f1 > 0:
            verdict = f"overlap the key's cue in part (cue score {number_text(cue_f1)})"
        else:
            verdict = "are not the key's cue: compare the words marked in the passage"
        return f"Your words, “{learner_cues}”, {verdict}."
    if tagged and has_key_row:
        return "You did not say which words: the key's cue is marked in the passage."
    return ""
