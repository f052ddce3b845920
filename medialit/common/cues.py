"""The one rule for cue words: how a key row lists several, and how they are found in a passage."""

from __future__ import annotations

import re

#: A key row may give several cues for one technique, strongest first, separated by this.
CUE_SEPARATOR = " | "


def split_cues(cue: str) -> list[str]:
    """The cues of a key row's ``cue`` field, in order (``"a | b"`` gives ``["a", "b"]``)."""
    return [part for part in (piece.strip() for piece in cue.split(CUE_SEPARATOR.strip())) if part]


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


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping (or touching) character spans merged into one, sorted."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def find_spans(text: str, cues: list[str]) -> list[tuple[int, int]]:
    """Every cue's span in ``text`` (see :func:`find_span`), merged and sorted; unfound cues skipped."""
    return merge_spans([span for span in (find_span(text, cue) for cue in cues) if span])


def cue_segments(text: str, cue: str | None) -> list[tuple[str, bool]]:
    """``text`` cut into ``(piece, is_cue)`` in order, each cue of a key row's ``cue`` field marked.

    This is the one highlighting rule: every renderer (HTML, the book's nodes, printables) draws
    its marks from these segments.
    """
    spans = find_spans(text, split_cues(cue)) if cue else []
    segments, position = [], 0
    for start, end in spans:
        if start > position:
            segments.append((text[position:start], False))
        segments.append((text[start:end], True))
        position = end
    if position < len(text) or not segments:
        segments.append((text[position:], False))
    return segments
