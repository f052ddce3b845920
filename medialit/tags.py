"""Learners' tag files: read, check, and write the ``medialit-tags/1`` JSON and its flat CSV form.

The JSON form (documented by ``medialit/schemas/tags.schema.json``)::

    {"format": "medialit-tags/1", "case": "chovanec-2018", "learner": "Ada",
     "saved_at": "2024-05-01T09:30:00+00:00",
     "tags": {"p001": ["framing"], "p002": []},
     "cues": {"p001": {"framing": ["Weaken Rivals"]}},
     "notes": {"p002": "not sure"}}

A passage with an empty list was reviewed and given no tag; a passage absent from ``tags`` was
not reviewed. The CSV form has the columns ``learner,passage_id,category``, one row per tag and
one row with an empty category for a passage reviewed and given no tag.

**Bad input.** A file that cannot be used at all (too big, not UTF-8, not JSON, breaking the
schema, for another case) raises :class:`~medialit.problems.ProblemsError`, whose problems each
name the file. Unknown passage ids, unknown categories, repeated categories and cue words that
are not in the passage are *reported and skipped*: the good tags are kept, and the problems are
listed in :attr:`TagSet.problems`, so a single typo does not throw away a learner's work and
nothing is dropped silently.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from medialit.problems import Problem, ProblemsError, display_name
from medialit.schemas import schema_errors

FORMAT = "medialit-tags/1"
#: Files larger than this are refused before they are read (a class's tag file is a few kB).
MAX_BYTES = 5 * 1024 * 1024
CSV_COLUMNS = ("learner", "passage_id", "category")
#: A cell starting with one of these is read as a formula by spreadsheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class CaseLike(Protocol):
    """What the tag reader needs from a case (a :class:`medialit.case.Case` has it)."""

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
    ``source`` names the file the tags came from, if any.
    """

    case: str
    tags: dict[str, list[str]]
    learner: str | None = None
    saved_at: str | None = None
    cues: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    source: str = ""
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
        if self.learner is not None:
            data["learner"] = self.learner
        data["saved_at"] = self.saved_at or now_iso()
        data["tags"] = {pid: list(categories) for pid, categories in self.tags.items()}
        if self.cues:
            data["cues"] = {pid: {c: list(w) for c, w in cues.items()} for pid, cues in self.cues.items()}
        if self.notes:
            data["notes"] = dict(self.notes)
        return data


def now_iso() -> str:
    """The current time as an ISO 8601 string with the UTC offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


# --- reading ---------------------------------------------------------------------------------


def read_limited(path: Path) -> bytes:
    """The bytes of ``path``, refusing folders, special files and files over :data:`MAX_BYTES`."""
    name = display_name(path)
    try:
        if not path.exists():
            raise ProblemsError([Problem(name, "no such file")])
        if not path.is_file():
            raise ProblemsError([Problem(name, "is not a regular file")])
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
    return ProblemsError([Problem(name, f"is larger than {MAX_BYTES // (1024 * 1024)} MB; not read")])


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text from bytes (a leading byte-order mark is allowed), or a plain problem."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ProblemsError(
            [
                Problem(
                    name,
                    f"is not UTF-8 text (byte 0x{data[error.start]:02x} at position {error.start}); "
                    "save it as UTF-8",
                )
            ]
        ) from None
    if "\x00" in text:
        raise ProblemsError([Problem(name, "contains NUL characters; it is not a text file")])
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


_TOP_KEYS = frozenset({"format", "case", "learner", "saved_at", "tags", "cues", "notes"})
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_CONTROL_MESSAGE = "learner: the name must not contain control characters such as line breaks"
#: The longest learner name the format allows.
LEARNER_MAX = 200


def clean_learner(value: str | None) -> str | None:
    """A learner's name as the format allows it, or ``None`` if nothing is left.

    Control characters (line breaks, tabs, ...) become spaces, runs of spaces become one, and
    the name is cut to :data:`LEARNER_MAX` characters; a saved file then always loads again.
    """
    return " ".join(_CONTROL.sub(" ", value or "").split())[:LEARNER_MAX] or None


def _strings(values: Any, shortest: int, longest: int, most: int) -> bool:
    return (
        type(values) is list
        and len(values) <= most
        and all(type(v) is str and shortest <= len(v) <= longest for v in values)
    )


def _mapping(value: Any) -> bool:
    return type(value) is dict and all(len(key) <= 100 for key in value)


def conforms(data: Any) -> bool:
    """A fast check that ``data`` follows ``tags.schema.json`` (``True`` only if it surely does).

    The full JSON Schema validator is slow on large files, so it runs only when this check
    fails, to explain why. The property-based tests check that the two agree.
    """
    if type(data) is not dict or not _TOP_KEYS.issuperset(data):
        return False
    if not {"format", "case", "saved_at", "tags"} <= data.keys():
        return False
    case, saved_at, learner = data["case"], data["saved_at"], data.get("learner", "")
    if (
        data["format"] != FORMAT
        or type(case) is not str
        or not 1 <= len(case) <= 100
        or type(saved_at) is not str
        or not 10 <= len(saved_at) <= 40
        or type(learner) is not str
        or len(learner) > LEARNER_MAX
        or _CONTROL.search(learner)
    ):
        return False
    tags, cues, notes = data["tags"], data.get("cues", {}), data.get("notes", {})
    if not (_mapping(tags) and _mapping(cues) and _mapping(notes)):
        return False
    if not all(_strings(values, 1, 100, 50) for values in tags.values()):
        return False
    for by_category in cues.values():
        if not _mapping(by_category) or not all(_strings(w, 1, 2000, 50) for w in by_category.values()):
            return False
    return all(type(note) is str and len(note) <= 10000 for note in notes.values())


def _check_saved_at(value: str, name: str) -> list[Problem]:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return [Problem(name, f"saved_at {value!r} is not an ISO 8601 date and time")]
    return []


def parse_tags(data: Any, case: CaseLike, name: str = "<tags>") -> TagSet:
    """Check parsed JSON against the schema and the case; return the tags.

    Raises :class:`ProblemsError` when the data cannot be used; unknown passage ids and
    categories, repeated categories and cue words not found in the passage are kept in
    ``TagSet.problems`` and skipped.
    """
    errors = [] if conforms(data) else schema_errors("tags", data)
    if errors:
        errors = [
            _CONTROL_MESSAGE if e.startswith("learner:") and "should not be valid" in e else e for e in errors
        ]
        raise ProblemsError([Problem(name, f"does not follow the tag-file format: {e}") for e in errors[:20]])
    fatal = _check_saved_at(data["saved_at"], name)
    if data["case"] != case.case_id:
        fatal.append(Problem(name, f"is for case {data['case']!r}, not {case.case_id!r}"))
    if fatal:
        raise ProblemsError(fatal)
    warnings: list[Problem] = []
    passages = case.passages
    known_ids = set(passages.index)
    known_categories = case.categories
    tags: dict[str, list[str]] = {}
    for pid, given in data["tags"].items():
        if pid not in known_ids:
            warnings.append(Problem(name, f"unknown passage id {pid!r} in tags (skipped)"))
            continue
        kept: list[str] = []
        for category in given:
            if category not in known_categories:
                warnings.append(Problem(name, f"unknown category {category!r} for {pid} (skipped)"))
            elif category in kept:
                warnings.append(Problem(name, f"category {category!r} is given twice for {pid}"))
            else:
                kept.append(category)
        tags[pid] = kept
    cues: dict[str, dict[str, list[str]]] = {}
    for pid, by_category in data.get("cues", {}).items():
        if pid not in known_ids:
            warnings.append(Problem(name, f"unknown passage id {pid!r} in cues (skipped)"))
            continue
        text = passages.at[pid, "text"]
        for category, words in by_category.items():
            if category not in known_categories:
                warnings.append(Problem(name, f"unknown category {category!r} in cues for {pid} (skipped)"))
                continue
            if category not in tags.get(pid, []):
                warnings.append(Problem(name, f"cue words for {pid} {category}, which is not tagged there"))
            for word in words:
                if find_span(text, word) is None:
                    warnings.append(Problem(name, f"cue words {word!r} are not in the text of {pid}"))
            cues.setdefault(pid, {})[category] = list(words)
    notes: dict[str, str] = {}
    for pid, note in data.get("notes", {}).items():
        if pid not in known_ids:
            warnings.append(Problem(name, f"unknown passage id {pid!r} in notes (skipped)"))
        else:
            notes[pid] = note
    return TagSet(
        case=data["case"],
        tags=tags,
        learner=data.get("learner"),
        saved_at=data["saved_at"],
        cues=cues,
        notes=notes,
        source=name,
        problems=warnings,
    )


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
        raise ProblemsError([Problem(name, f"holds {len(tagsets)} learners; give a file with one learner")])
    return tagsets[0]


def load_tags(path: Path | str, case: CaseLike) -> TagSet:
    """Read one learner's tags from a ``.json`` file, or a ``.csv`` file holding one learner.

    Raises :class:`ProblemsError` naming the file when it cannot be used.
    """
    path = Path(path)
    name = display_name(path)
    return one_learner(parse_tag_file(read_limited(path), name, case), name)


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


# --- writing ---------------------------------------------------------------------------------


def dump_tags(tagset: TagSet) -> str:
    """The tag file's JSON text (UTF-8, two-space indent, ending with a newline)."""
    return json.dumps(tagset.to_json(), ensure_ascii=False, indent=2) + "\n"


def write_tags_atomic(path: Path | str, tagset: TagSet) -> Path:
    """Save ``tagset`` to ``path`` so that a crash never leaves a half-written file.

    Writes to a temporary file in the same folder, flushes it to disk, keeps the previous
    version as ``<name>.bak`` (a copy, so ``path`` itself never goes missing), then renames the
    new file into place in one step.
    """
    path = Path(path)
    text = dump_tags(tagset)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if path.is_file():
            shutil.copy2(path, path.with_name(path.name + ".bak"))
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


# --- spreadsheets ----------------------------------------------------------------------------


def spreadsheet_safe(value: Any) -> Any:
    """Neutralise a text cell a spreadsheet would run as a formula, by prefixing ``'``.

    Text starting with ``= + - @``, a tab or a carriage return gets a leading apostrophe (which
    spreadsheets hide); text that already starts with an apostrophe gets another, so that
    :func:`spreadsheet_unsafe` restores every value exactly. Numbers are left alone.
    """
    if isinstance(value, str) and value[:1] in (*FORMULA_START, "'"):
        return "'" + value
    return value


def spreadsheet_unsafe(value: str) -> str:
    """Undo :func:`spreadsheet_safe` on a cell read back from a CSV file."""
    if value[:1] == "'" and value[1:2] in (*FORMULA_START, "'"):
        return value[1:]
    return value


def csv_text(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    """CSV text with every text cell made safe by :func:`spreadsheet_safe`; ``None`` is empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # The csv module quotes a cell only for the characters of its line ending ("\n"), so a
    # lone carriage return would be written bare and read back as a line break: such a row
    # is written with every cell quoted.
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in [header, *rows]:
        cells = ["" if cell is None else spreadsheet_safe(cell) for cell in row]
        (quoted if any(isinstance(cell, str) and "\r" in cell for cell in cells) else writer).writerow(cells)
    return buffer.getvalue()


def tags_to_csv(tagsets: Iterable[TagSet]) -> str:
    """The flat CSV form: ``learner,passage_id,category``; an empty category means "reviewed, no tag"."""
    rows = []
    for tagset in tagsets:
        learner = tagset.learner or ""
        for pid, categories in tagset.tags.items():
            rows += [(learner, pid, category) for category in categories] or [(learner, pid, "")]
    return csv_text(CSV_COLUMNS, rows)


def parse_tags_csv(text: str, case: CaseLike, name: str = "<csv>") -> list[TagSet]:
    """Tag sets (one per learner, in order of first appearance) from the flat CSV form."""
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ProblemsError([Problem(name, f"is not a readable CSV file ({error})")]) from None
    if not rows or [cell.strip().lstrip("\ufeff") for cell in rows[0]] != list(CSV_COLUMNS):
        raise ProblemsError([Problem(name, f"the first line must be the header {','.join(CSV_COLUMNS)}")])
    file_problems: list[Problem] = []
    by_learner: dict[str, tuple[dict[str, list[str]], list[Problem]]] = {}
    known_ids, known_categories = set(case.passages.index), case.categories
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(CSV_COLUMNS):
            file_problems.append(
                Problem(name, f"has {len(row)} cells, expected {len(CSV_COLUMNS)} (skipped)", line)
            )
            continue
        learner, pid, category = (spreadsheet_unsafe(cell.strip()) for cell in row)
        tags, problems = by_learner.setdefault(learner, ({}, []))
        if pid not in known_ids:
            problems.append(Problem(name, f"unknown passage id {pid!r} (skipped)", line))
            continue
        given = tags.setdefault(pid, [])
        if not category:
            continue
        if category not in known_categories:
            problems.append(Problem(name, f"unknown category {category!r} for {pid} (skipped)", line))
        elif category in given:
            problems.append(Problem(name, f"category {category!r} is given twice for {pid}", line))
        else:
            given.append(category)
    if not by_learner:
        raise ProblemsError(file_problems or [Problem(name, "holds no tags")])
    return [
        TagSet(
            case=case.case_id,
            tags=tags,
            learner=learner or None,
            source=name,
            problems=(file_problems if i == 0 else []) + problems,
        )
        for i, (learner, (tags, problems)) in enumerate(by_learner.items())
    ]


def read_tags_csv(path: Path | str, case: CaseLike) -> list[TagSet]:
    """Read the flat CSV form from a file (see :func:`parse_tags_csv`)."""
    path = Path(path)
    name = display_name(path)
    return parse_tags_csv(decode_text(read_limited(path), name), case, name)


def write_tags_csv(path: Path | str, tagsets: Iterable[TagSet]) -> Path:
    """Write the flat CSV form (UTF-8) to ``path``."""
    path = Path(path)
    path.write_text(tags_to_csv(tagsets), encoding="utf-8", newline="")
    return path
