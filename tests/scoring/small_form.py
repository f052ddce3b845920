"""A small hand-checkable form over the other-side case, and the key over it.

Over passages s002 s003 s004 s006 s014 and categories attribution, hedging, framing the key has:
s002 attribution clear, framing arguable; s003 nothing; s004 attribution clear; s006 hedging
arguable, framing clear; s014 attribution and hedging clear.
"""

from __future__ import annotations

from medialit.case.loading import load_case
from medialit.case.model import Case, ExerciseSpec
from medialit.tagfile.model import TagSet

FORM = ExerciseSpec(
    "form", "A small form", ("attribution", "hedging", "framing"), ("s002", "s003", "s004", "s006", "s014")
)


def other_side() -> Case:
    """The other-side case."""
    main = load_case()
    return load_case(main.folder / "other-side")


def learner(**confidence: str) -> TagSet:
    """Right on s002 (arguable extra) and s006; wrong on s003 (extra), s004 (missed), s014 (unreviewed)."""
    return TagSet(
        case="other-side-coalition-register",
        tags={"s002": ["attribution", "framing"], "s003": ["hedging"], "s004": [], "s006": ["framing"]},
        confidence=confidence,
    )
