"""The entries of a tag file that are reported and left out, each as one plain sentence.

Both forms of the tag file (JSON and the flat CSV) report the same things the same way; every
problem made here has a ``kind`` (what the entry had), which
:func:`medialit.common.problems.left_out_summary` counts.
"""

from __future__ import annotations

from medialit.common.problems import Problem
from medialit.tagfile.model import CONFIDENCE_LEVEL_IDS

UNKNOWN_PASSAGE = "an unknown passage id"
UNKNOWN_CATEGORY = "an unknown category"
REPEATED_CATEGORY = "a category given twice"
UNTAGGED_CUES = "cue words for a category the passage is not tagged with"
MISSING_CUES = "cue words that are not in the passage"
WRONG_CELLS = "the wrong number of cells"
UNKNOWN_CONFIDENCE = "an unknown level of confidence"


def _left_out(name: str, message: str, kind: str, row: int | None, what: str = "it was") -> Problem:
    return Problem(name, f"{message}, so {what} left out", row, kind)


def unknown_passage(name: str, pid: str, part: str = "", row: int | None = None) -> Problem:
    """A passage id the case does not have (``part``: the JSON part it is in, e.g. "tags" or "confidence")."""
    where = f" in its {part}" if part else ""
    return _left_out(name, f"has an unknown passage id {pid!r}{where}", UNKNOWN_PASSAGE, row)


def unknown_category(name: str, category: str, pid: str, part: str = "", row: int | None = None) -> Problem:
    """A category the case does not have, given for passage ``pid``."""
    where = f" in its {part} for" if part else " for"
    return _left_out(name, f"has an unknown category {category!r}{where} {pid}", UNKNOWN_CATEGORY, row)


def repeated_category(name: str, category: str, pid: str, row: int | None = None) -> Problem:
    """A category given a second time for one passage (it counts once)."""
    message = f"has the category {category!r} given twice for {pid}"
    return _left_out(name, message, REPEATED_CATEGORY, row, "the second one was")


def untagged_cues(name: str, pid: str, category: str) -> Problem:
    """Cue words for a category the passage is not tagged with."""
    message = f"has cue words for {pid} {category}, but {pid} is not tagged {category}"
    return _left_out(name, message, UNTAGGED_CUES, None, "they were")


def missing_cues(name: str, words: str, pid: str) -> Problem:
    """Cue words that are not in the passage's text."""
    message = f"has the cue words {words!r}, which are not in the text of {pid}"
    return _left_out(name, message, MISSING_CUES, None, "they were")


def unknown_confidence(name: str, level: str, pid: str) -> Problem:
    """A confidence for passage ``pid`` that is not one of the format's levels."""
    levels = ", ".join(CONFIDENCE_LEVEL_IDS)
    message = f"has an unknown confidence {level!r} for {pid} (it should be one of {levels})"
    return _left_out(name, message, UNKNOWN_CONFIDENCE, None)


def wrong_cells(name: str, cells: int, expected: int, row: int) -> Problem:
    """A CSV line with the wrong number of cells."""
    return _left_out(name, f"has {cells} cells instead of {expected}", WRONG_CELLS, row, "the line was")
