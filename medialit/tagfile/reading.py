"""Read a learner's tag file (JSON, or the flat CSV form) and check it against the case.

**Bad input.** A file that cannot be used at all (too big, not UTF-8, not JSON, breaking the
schema, for another case) raises :class:`~medialit.common.problems.ProblemsError`, whose problems
each name the file and read as plain sentences (:attr:`~medialit.common.problems.Problem.sentence`).
Unknown passage ids, unknown categories, repeated categories, cue words that are not in the
passage, cue words for a category the passage is not tagged with and unknown confidence levels
are *reported and left out*: the good tags are kept, and the problems are listed in
:attr:`TagSet.problems` (each with its ``kind``, for
:func:`~medialit.common.problems.left_out_summary`), so a single typo does not throw away a
learner's work and nothing is dropped silently.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from medialit.common.cues import find_span
from medialit.common.problems import LISTED_IN_ERROR, Problem, ProblemsError, display_name
from medialit.schemas import conforms, schema_errors
from medialit.tagfile.csv_form import parse_tags_csv
from medialit.tagfile.left_out import (
    missing_cues,
    repeated_category,
    unknown_category,
    unknown_confidence,
    unknown_passage,
    untagged_cues,
)
from medialit.tagfile.model import CONFIDENCE_LEVEL_IDS, CaseLike, TagSet

#: Files larger than this are refused before they are read (a class's tag file is a few kB).
MAX_BYTES = 5 * 1024 * 1024


def read_limited(path: Path) -> bytes:
    """The bytes of ``path``, refusing folders, special files and files over :data:`MAX_BYTES`."""
    name = display_name(path)
    try:
        if not path.exists():
            raise ProblemsError([Problem(name, "does not exist (no such file)")])
        if not path.is_file():
            raise ProblemsError([Problem(name, "is not a regular file (it may be a folder)")])
        if path.stat().st_size > MAX_BYTES:
            raise _too_large(name)
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise ProblemsError([Problem(name, f"could not be read ({error.strerror or error})")]) from None
    if len(data) > MAX_BYTES:
        raise _too_large(name)
    return data


def _too_large(name: str) -> ProblemsError:
    megabytes = MAX_BYTES // (1024 * 1024)
    return ProblemsError([Problem(name, f"is larger than {megabytes} MB, so it was not read")])


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text from bytes (a leading byte-order mark is allowed), or a plain problem."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ProblemsError(
            [
                Problem(
                    name,
                    f"is not UTF-8 text (byte 0x{data[error.start]:02x} at position {error.start}), "
                    "so save it again as UTF-8",
                )
            ]
        ) from None
    if "\x00" in text:
        raise ProblemsError([Problem(name, "contains NUL characters, so it is not a text file")])
    return text


def _no_constants(value: str) -> Any:
    raise ValueError(f"{value} is not allowed in JSON")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def parse_json_text(text: str, name: str) -> Any:
    """Parse JSON strictly (no NaN, no repeated keys, no unpaired surrogates), or raise plainly."""
    try:
        data = json.loads(text, parse_constant=_no_constants, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise ProblemsError([Problem(name, f"is not valid JSON ({error.msg} at {where})")]) from None
    except RecursionError:
        raise ProblemsError([Problem(name, "is not usable JSON (nested too deeply)")]) from None
    except ValueError as error:
        raise ProblemsError([Problem(name, f"is not usable JSON ({error})")]) from None
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        problem = Problem(name, "contains an invalid character (an unpaired surrogate)")
        raise ProblemsError([problem]) from None
    return data


def _check_saved_at(value: str, name: str) -> list[Problem]:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        written = "written like 2024-05-01T09:30:00+00:00"
        return [Problem(name, f"has a saved_at, {value!r}, that is not a date and time {written}")]
    return []


def parse_tags(data: Any, case: CaseLike, name: str = "<tags>") -> TagSet:
    """Check parsed JSON against the schema and the case; return the tags.

    Raises :class:`ProblemsError` when the data cannot be used; unknown passage ids and
    categories, repeated categories, cue words not found in the passage, cue words for a
    category not tagged there and unknown confidence levels are listed in ``TagSet.problems``
    and left out.
    """
    errors = [] if conforms("tags", data) else schema_errors("tags", data)
    if errors:
        raise ProblemsError(
            [Problem(name, f"does not follow the tag-file format: {e}") for e in errors[:LISTED_IN_ERROR]]
        )
    fatal = _check_saved_at(data["saved_at"], name)
    if data["case"] != case.case_id:
        fatal.append(Problem(name, f"is for case {data['case']!r}, not for {case.case_id!r}"))
    if fatal:
        raise ProblemsError(fatal)
    warnings: list[Problem] = []
    passages = case.passages
    known_ids = set(passages.index)
    known_categories = case.categories
    tags: dict[str, list[str]] = {}
    for pid, given in data["tags"].items():
        if pid not in known_ids:
            warnings.append(unknown_passage(name, pid, "tags"))
            continue
        kept: list[str] = []
        for category in given:
            if category not in known_categories:
                warnings.append(unknown_category(name, category, pid))
            elif category in kept:
                warnings.append(repeated_category(name, category, pid))
            else:
                kept.append(category)
        tags[pid] = kept
    cues: dict[str, dict[str, list[str]]] = {}
    for pid, by_category in data.get("cues", {}).items():
        if pid not in known_ids:
            warnings.append(unknown_passage(name, pid, "cues"))
            continue
        text = passages.at[pid, "text"]
        for category, words in by_category.items():
            if category not in known_categories:
                warnings.append(unknown_category(name, category, pid, "cues"))
                continue
            if category not in tags.get(pid, []):
                warnings.append(untagged_cues(name, pid, category))
                continue
            found = [word for word in words if find_span(text, word) is not None]
            warnings += [missing_cues(name, word, pid) for word in words if word not in found]
            if found:
                cues.setdefault(pid, {})[category] = found
    notes: dict[str, str] = {}
    for pid, note in data.get("notes", {}).items():
        if pid not in known_ids:
            warnings.append(unknown_passage(name, pid, "notes"))
        else:
            notes[pid] = note
    return TagSet(
        case=data["case"],
        tags=tags,
        learner=data.get("learner"),
        saved_at=data["saved_at"],
        exercise=data.get("exercise"),
        cues=cues,
        notes=notes,
        edited=_edit_times(data.get("edited", {}), known_ids, name, warnings),
        confidence=_confidence(data.get("confidence", {}), known_ids, name, warnings),
        source=name,
        problems=warnings,
    )


def _edit_times(
    given: dict[str, str], known_ids: set[str], name: str, warnings: list[Problem]
) -> dict[str, str]:
    """The ``edited`` times of known passages that are real dates; the others are reported and skipped."""
    edited: dict[str, str] = {}
    for pid, when in given.items():
        if pid not in known_ids:
            warnings.append(Problem(name, f"unknown passage id {pid!r} in edited (skipped)"))
        elif _check_saved_at(when, name):
            warnings.append(
                Problem(name, f"the edit time {when!r} of {pid} is not a real date and time (skipped)")
            )
        else:
            edited[pid] = when
    return edited


def _confidence(
    given: dict[str, str], known_ids: set[str], name: str, warnings: list[Problem]
) -> dict[str, str]:
    """The confidence levels of known passages that are real levels; the others are reported and left out."""
    confidence: dict[str, str] = {}
    for pid, level in given.items():
        if pid not in known_ids:
            warnings.append(unknown_passage(name, pid, "confidence"))
        elif level not in CONFIDENCE_LEVEL_IDS:
            warnings.append(unknown_confidence(name, level, pid))
        else:
            confidence[pid] = level
    return confidence


def parse_tag_file(data: bytes, name: str, case: CaseLike) -> list[TagSet]:
    """Every learner's tags in one file's bytes, read by the ending of its ``name``.

    ``.csv``: the flat CSV form (one or more learners); anything else: ``medialit-tags/1`` JSON
    (one learner). Raises :class:`ProblemsError` naming the file when it cannot be used.
    """
    if len(data) > MAX_BYTES:
        raise _too_large(name)
    text = decode_text(data, name)
    if name.lower().endswith(".csv"):
        return parse_tags_csv(text, case, name)
    return [parse_tags(parse_json_text(text, name), case, name)]


def one_learner(tagsets: list[TagSet], name: str) -> TagSet:
    """The only learner in a file's tag sets; raises :class:`ProblemsError` if there are several."""
    if len(tagsets) != 1:
        message = f"holds {len(tagsets)} learners, but a file with one learner is needed here"
        raise ProblemsError([Problem(name, message)])
    return tagsets[0]


def load_tags(path: Path | str, case: CaseLike) -> TagSet:
    """Read one learner's tags from a ``.json`` file, or a ``.csv`` file holding one learner.

    Raises :class:`ProblemsError` naming the file when it cannot be used.
    """
    path = Path(path)
    name = display_name(path)
    return one_learner(parse_tag_file(read_limited(path), name, case), name)
