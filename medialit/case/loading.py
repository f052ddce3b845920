"""Find, validate and load a case folder (the main case or a further one)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from medialit.case.model import Case
from medialit.case.paths import MANIFEST, data_dir
from medialit.case.validation import check_case
from medialit.common.problems import ProblemsError


def read_manifest(folder: Path) -> dict[str, Any]:
    """The case's manifest, ``case.json`` in its folder."""
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def case_folder(name: str | None = None) -> Path:
    """The folder of the case called ``name`` (a sub-folder of the data folder), or the main case."""
    return data_dir() / name if name else data_dir()


def case_folders(main: Path | None = None) -> list[Path]:
    """The main case's folder (``main``, or the course's) and the further cases its manifest lists."""
    main = main or data_dir()
    return [main, *(main / name for name in read_manifest(main).get("cases", []))]


def load_case(folder: Path | str | None = None) -> Case:
    """Load and validate a case; raise :class:`ProblemsError` listing every problem.

    ``folder`` is a path, the name of a further case (``"other-side"``), or ``None`` for the
    main case.
    """
    if isinstance(folder, str) and "/" not in folder and not Path(folder).is_dir():
        folder = case_folder(folder)
    folder = Path(folder) if folder is not None else data_dir()
    report = check_case(folder)
    if not report.ok:
        raise ProblemsError(report.problems)
    return Case(folder.resolve(), read_manifest(folder))
