"""The one rule for finding cue words in a passage: the first occurrence, exact before any case."""

from __future__ import annotations

import re


def find_span(text: str, words: str) -> tuple[int, int] | None:
    """The first occurrence of ``words`` in ``text`` as ``(start, end)``, else ``None``.

    An exact match is preferred; failing that, a match ignoring case. Only the first occurrence
    counts: learners pick cue words from the passage, and a repeated short word elsewhere in the
    sentence is almost never what they meant.
    """
    if not words:
        return None
    start = text.find(words)
    if start >= 0:
        return start, start + len(words)
    match = re.search(re.escape(words), text, re.IGNORECASE)
    return match.span() if match else None
