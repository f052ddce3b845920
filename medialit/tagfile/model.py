"""One learner's tags for one case (the ``medialit-tags/1`` format), and the rules for a learner's name.

The JSON form (its only statement is ``medialit/schemas/tags.schema.json``)::

    {"format": "medialit-tags/1", "case": "chovanec-2018", "exercise": "capstone", "learner": "Ada",
     "saved_at": "2024-05-01T09:30:00+00:00",
     "tags": {"p001": ["framing"], "p002": []},
     "cues": {"p001": {"framing": ["Weaken Rivals"]}},
     "notes": {"p002": "not sure"},
     "confidence": {"p001": "fairly_sure", "p002": "sure"},
     "edited": {"p001": "2024-05-01T09:29:12.250+00:00", "p002": "2024-05-01T09:30:00.015+00:00"}}

A passage with an empty list was reviewed and given no tag; a passage absent from ``tags`` was
not reviewed. ``confidence`` (optional, asked by the pre-test and post-test) says how sure the
learner is of each passage's answer, one of :data:`CONFIDENCE_LEVEL_IDS`. ``edited`` says when
each passage was last changed (also one marked not reviewed again), so that two tabs or kernels
saving to one file can be merged passage by passage (:mod:`medialit.tagfile.merge`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from medialit.common.problems import Problem
from medialit.schemas import schema

FORMAT = "medialit-tags/1"


class CaseLike(Protocol):
    """What the tag reader needs from a case (a :class:`medialit.case.model.Case` has it)."""

    @property
    def case_id(self) -> str:
        """The case id."""

    @property
    def categories(self) -> dict[str, dict[str, Any]]:
        """The categories by id."""

    @property
    def passages(self) -> Any:
        """The passages, indexed by passage id, with a ``text`` column."""


@dataclass
class TagSet:
    """One learner's tags for one case.

    ``problems`` holds what was reported and skipped while reading (unknown ids and so on);
    ``source`` names the file the tags came from, if any; ``exercise`` is the exercise the file
    records it was made for (optional: older files do not say); ``edited`` maps a passage id to
    when it was last changed (an ISO 8601 time, see :func:`edit_time`); ``confidence`` maps a
    passage id to how sure the learner is of its answer (one of :data:`CONFIDENCE_LEVEL_IDS`).
    """

    case: str
    tags: dict[str, list[str]]
    learner: str | None = None
    saved_at: str | None = None
    cues: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    source: str = ""
    exercise: str | None = None
    edited: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list, compare=False)

    @property
    def label(self) -> str:
        """How the learner is shown in reports: their name, else the file's name."""
        if self.learner:
            return self.learner
        return Path(self.source).stem if self.source else "(unnamed)"

    def to_json(self) -> dict[str, Any]:
        """The JSON object for this tag set (optional parts only when present)."""
        data: dict[str, Any] = {"format": FORMAT, "case": self.case}
        if self.exercise is not None:
            data["exercise"] = self.exercise
        if self.learner is not None:
            data["learner"] = self.learner
        data["saved_at"] = self.saved_at or now_iso()
        data["tags"] = {pid: list(categories) for pid, categories in self.tags.items()}
        if self.cues:
            data["cues"] = {pid: {c: list(w) for c, w in cues.items()} for pid, cues in self.cues.items()}
        if self.notes:
            data["notes"] = dict(self.notes)
        if self.confidence:
            data["confidence"] = dict(self.confidence)
        if self.edited:
            data["edited"] = dict(self.edited)
        return data


def now_iso() -> str:
    """The current time as an ISO 8601 string with the UTC offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def edit_time() -> str:
    """The current time as an ISO 8601 string with the UTC offset, to the millisecond (for ``edited``)."""
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


_LEARNER = schema("tags")["properties"]["learner"]
_CONTROL = re.compile(_LEARNER["not"]["pattern"])


#: The longest learner name the format allows.
LEARNER_MAX: int = _LEARNER["maxLength"]
#: The longest note, and the most cue phrases for one tag, the format allows.
NOTE_MAX: int = schema("tags")["properties"]["notes"]["additionalProperties"]["maxLength"]
CUES_MAX: int = schema("tags")["properties"]["cues"]["additionalProperties"]["additionalProperties"][
    "maxItems"
]

#: The levels of confidence a learner can give an answer, least sure first (their stated
#: probabilities are :data:`medialit.scoring.calibration.CONFIDENCE_LEVELS`).
CONFIDENCE_LEVEL_IDS: tuple[str, ...] = tuple(schema("tags")["$defs"]["confidence_level"]["enum"])


def _spaced(value: str | None) -> str:
    return " ".join(_CONTROL.sub(" ", value or "").split())


def clean_learner(value: str | None) -> str | None:
    """A learner's name as the format allows it, or ``None`` if nothing is left.

    Control characters (line breaks, tabs, ...) become spaces, runs of spaces become one, and
    the name is cut to :data:`LEARNER_MAX` characters; a saved file then always loads again.
    Whoever cuts a name says so: :func:`learner_length` tells when it is too long.
    """
    return _spaced(value)[:LEARNER_MAX] or None


def learner_length(value: str | None) -> int:
    """How many characters a name has once its spaces are tidied, before it is cut."""
    return len(_spaced(value))
