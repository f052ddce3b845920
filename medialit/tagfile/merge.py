"""The rule that merges two versions of one learner's tag file (two tabs or kernels of one exercise).

Each passage is one unit: whether it is reviewed and with which tags, its cue words, its note and
its confidence travel together. Of the two versions, the one that edited a passage later wins that passage
(:attr:`~medialit.tagfile.model.TagSet.edited`); a passage a version has something for but no
edit time counts as edited at that version's ``saved_at``, and a passage it has nothing for and
no time is one it never touched, so the other version keeps it. On a tie the saving session
(``mine``) wins. The merged version keeps the winning edit time of every passage, also of a
passage the winner marked not reviewed, so that an un-review is not undone by the other version.

The in-page exercise applies the same rule to its two tabs (``merge`` in
``medialit/sphinx_ext/static/inpage.js``); ``tests/sphinx_ext/test_inpage_parity.py`` proves that
both give the same result.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from medialit.tagfile.model import TagSet

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MILLISECOND = timedelta(milliseconds=1)


@dataclass(frozen=True)
class Merged:
    """The merged tags, and the passages where the other version's newer edit changed them."""

    tagset: TagSet
    taken: tuple[str, ...]


def instant(value: str | None) -> int | None:
    """An ISO 8601 time as milliseconds since 1970 (local time if it has no offset), else ``None``."""
    try:
        moment = datetime.fromisoformat(value or "")
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return (moment - _EPOCH) // _MILLISECOND


def passage_ids(tagset: TagSet) -> list[str]:
    """Every passage the tag set has tags, cue words, a note, a confidence or an edit time for."""
    return list(dict.fromkeys([*_content_ids(tagset), *tagset.edited]))


def _content_ids(tagset: TagSet) -> list[str]:
    """Every passage the tag set has tags, cue words, a note or a confidence for."""
    return [*tagset.tags, *tagset.cues, *tagset.notes, *tagset.confidence]


def edit_time_of(tagset: TagSet, passage_id: str) -> str | None:
    """When the tag set last changed a passage: its edit time, else ``saved_at`` if it has anything for it."""
    if passage_id in tagset.edited:
        return tagset.edited[passage_id]
    return tagset.saved_at if passage_id in _content_ids(tagset) else None


def edit_times(tagset: TagSet) -> dict[str, str]:
    """The edit time of every passage the tag set has a time for (see :func:`edit_time_of`)."""
    times = {pid: edit_time_of(tagset, pid) for pid in passage_ids(tagset)}
    return {pid: when for pid, when in times.items() if when is not None}


def _passage(tagset: TagSet, passage_id: str) -> tuple[Any, ...]:
    return (
        tagset.tags.get(passage_id),
        tagset.cues.get(passage_id, {}),
        tagset.notes.get(passage_id),
        tagset.confidence.get(passage_id),
    )


def _copy_passage(source: TagSet, target: TagSet, passage_id: str) -> None:
    tags, cues, note, confidence = copy.deepcopy(_passage(source, passage_id))
    if tags is not None:
        target.tags[passage_id] = tags
    if cues:
        target.cues[passage_id] = cues
    if note is not None:
        target.notes[passage_id] = note
    if confidence is not None:
        target.confidence[passage_id] = confidence


def merge_tagsets(mine: TagSet, theirs: TagSet) -> Merged:
    """``mine`` (the saving session's tags) merged with ``theirs`` (the version another one saved).

    Neither is changed. The result has ``mine``'s case, exercise, learner and ``saved_at``, and,
    passage by passage, the version edited later (``mine`` on a tie), with that edit time.
    """
    merged = TagSet(
        case=mine.case,
        tags={},
        learner=mine.learner,
        saved_at=mine.saved_at,
        exercise=mine.exercise,
        source=mine.source,
    )
    taken: list[str] = []
    for pid in dict.fromkeys([*passage_ids(mine), *passage_ids(theirs)]):
        mine_at, theirs_at = instant(edit_time_of(mine, pid)), instant(edit_time_of(theirs, pid))
        theirs_wins = theirs_at is not None and (mine_at is None or theirs_at > mine_at)
        winner = theirs if theirs_wins else mine
        _copy_passage(winner, merged, pid)
        when = edit_time_of(winner, pid)
        if when is not None:
            merged.edited[pid] = when
        if theirs_wins and _passage(theirs, pid) != _passage(mine, pid):
            taken.append(pid)
    return Merged(merged, tuple(sorted(taken)))
