"""Read a class's tag files, from a folder or from uploads; a bad file becomes its problems.

:func:`load_folder` reads every ``.json`` and ``.csv`` file in a folder, :func:`load_uploads`
the same from uploaded files; a bad file is listed as a problem and every good file is still
used. A folder may be a learner's work folder, so the copies it keeps there (backups,
``.replaced-``/``.corrupt-`` copies, temporary files, locks, lateral-reading answers: see
:func:`medialit.tagfile.workspace.not_learner_work`), hidden files and subfolders are skipped,
and :meth:`ClassFiles.skipped_sentence` says how many and why: nothing is dropped silently.
:func:`recorded_cases` tells which case a folder's files are for, before any is read for it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from medialit.case.model import Case
from medialit.common.numbers import count_text
from medialit.common.problems import Problem, ProblemsError, display_name
from medialit.tagfile.model import TagSet
from medialit.tagfile.reading import decode_text, parse_json_text, parse_tag_file, read_limited
from medialit.tagfile.workspace import not_learner_work

TAG_SUFFIXES = (".json", ".csv")

_Item = TypeVar("_Item")


@dataclass
class ClassFiles:
    """A class's files as read: the learners' tags, the problems of unusable files, and what was skipped.

    ``skipped`` counts the files left unread because they are not learners' tag files, by kind
    (``"backup"``, ``"copy kept aside"``, ``"hidden file"``, ``"folder"``, ...).
    """

    tagsets: list[TagSet]
    errors: list[Problem]
    skipped: Counter[str] = field(default_factory=Counter)

    def skipped_sentence(self) -> str:
        """One sentence saying how many files were skipped and why ("" when none were).

        The saves' own lock files (empty, hidden, left beside every tag file) are not counted.
        """
        said = {kind: count for kind, count in self.skipped.items() if kind not in _UNSAID}
        total = sum(said.values())
        if not total:
            return ""
        kinds = ", ".join(count_text(count, kind, _PLURALS.get(kind)) for kind, count in sorted(said.items()))
        what = "is not a learner's tag file" if total == 1 else "are not learners' tag files"
        return f"Skipped {count_text(total, 'file')} that {what}: {kinds}."


_PLURALS = {"copy kept aside": "copies kept aside"}
#: Kinds of skipped file that hold no work and are not mentioned.
_UNSAID = frozenset({"lock file"})


def _skip_reason(path: Path) -> str | None:
    kind = not_learner_work(path.name)
    if kind is not None:
        return kind
    if path.is_dir():
        return "folder"
    return "hidden file" if path.name.startswith(".") else None


def load_folder(folder: Path | str, case: Case) -> ClassFiles:
    """Every learner's tags in ``folder``, the problems of the files that cannot be used, what was skipped."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ProblemsError([Problem(display_name(folder), "is not a folder")])
    paths, skipped = _set_aside(sorted(folder.iterdir()), _skip_reason)
    tagsets, errors = _load_files(((display_name(path), partial(read_limited, path)) for path in paths), case)
    return ClassFiles(tagsets, errors, skipped)


def recorded_cases(folder: Path | str) -> dict[str, list[str]]:
    """The cases the JSON tag files in ``folder`` say they are for: case id -> the files, in order.

    Only the ``case`` field is looked at; files that cannot be read, CSV files (which name no
    case) and the files :func:`load_folder` skips have no say.
    """
    cases: dict[str, list[str]] = {}
    folder = Path(folder)
    if not folder.is_dir():
        return cases
    paths, _skipped = _set_aside(sorted(folder.iterdir()), _skip_reason)
    for path in paths:
        if path.suffix.lower() != ".json":
            continue
        name = display_name(path)
        try:
            data = parse_json_text(decode_text(read_limited(path), name), name)
        except ProblemsError:
            continue
        if isinstance(data, dict) and isinstance(data.get("case"), str):
            cases.setdefault(data["case"], []).append(name)
    return cases


def load_uploads(files: Iterable[tuple[str, bytes]], case: Case) -> ClassFiles:
    """Like :func:`load_folder`, for uploaded ``(name, content)`` files (names may repeat).

    Backups, copies kept aside, temporary files and locks are skipped here too.
    """
    kept, skipped = _set_aside(files, lambda file: not_learner_work(file[0]))
    named = ((name or "(a file without a name)", partial(bytes, content)) for name, content in kept)
    return ClassFiles(*_load_files(named, case), skipped)


def _set_aside(
    items: Iterable[_Item], reason: Callable[[_Item], str | None]
) -> tuple[list[_Item], Counter[str]]:
    """The items to read, and how many of each kind were set aside (``reason`` gives the kind, or None)."""
    kept: list[_Item] = []
    skipped: Counter[str] = Counter()
    for item in items:
        kind = reason(item)
        if kind is None:
            kept.append(item)
        else:
            skipped[kind] += 1
    return kept, skipped


def _load_files(
    files: Iterable[tuple[str, Callable[[], bytes]]], case: Case
) -> tuple[list[TagSet], list[Problem]]:
    """The tags of every ``(name, read)`` file; a file that cannot be used becomes its problems."""
    tagsets: list[TagSet] = []
    errors: list[Problem] = []
    for name, read in files:
        if not name.lower().endswith(TAG_SUFFIXES):
            message = "is not a tag file (its name does not end in .json or .csv), so it was skipped"
            errors.append(Problem(name, message))
            continue
        try:
            tagsets += parse_tag_file(read(), name, case)
        except ProblemsError as error:
            errors += error.problems
    return tagsets, errors
