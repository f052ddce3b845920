"""Read a class's tag files, from a folder or from uploads; a bad file becomes its problems.

:func:`load_folder` reads every ``.json`` and ``.csv`` file in a folder (``.bak`` backups and
hidden files are skipped), :func:`load_uploads` the same from uploaded files; a bad file is
listed as a problem and every good file is still used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from medialit.case.model import Case
from medialit.common.problems import Problem, ProblemsError, display_name
from medialit.tagfile.model import TagSet
from medialit.tagfile.reading import parse_tag_file, read_limited

TAG_SUFFIXES = (".json", ".csv")


def load_folder(folder: Path | str, case: Case) -> tuple[list[TagSet], list[Problem]]:
    """Every learner's tags in ``folder`` and the problems of the files that could not be used."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ProblemsError([Problem(display_name(folder), "is not a folder")])
    paths = [
        path
        for path in sorted(folder.iterdir())
        if not (path.name.startswith(".") or path.suffix.lower() == ".bak" or path.is_dir())
    ]
    return _load_files(((display_name(path), partial(read_limited, path)) for path in paths), case)


def load_uploads(files: Iterable[tuple[str, bytes]], case: Case) -> tuple[list[TagSet], list[Problem]]:
    """Like :func:`load_folder`, for uploaded ``(name, content)`` files (names may repeat)."""
    named = ((name or "(a file without a name)", partial(bytes, content)) for name, content in files)
    return _load_files(named, case)


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
