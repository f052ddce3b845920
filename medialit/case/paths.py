"""Find the case data, wherever the package is used from.

Nothing else in the project builds a path to ``data/``: notebooks, tests and the book all ask
here. ``MEDIALIT_DATA_DIR`` overrides the search, e.g. to check a copy of the data.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_VARIABLE = "MEDIALIT_DATA_DIR"
MANIFEST = "case.json"


class DataNotFoundError(FileNotFoundError):
    """The case data could not be found."""


def data_dir() -> Path:
    """Return the folder that holds the case (the one with ``case.json``).

    Looks at ``$MEDIALIT_DATA_DIR`` first, then beside the package (a source checkout or an
    editable install), then in the current folder and its parents.
    """
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        folder = Path(override).expanduser()
        if not (folder / MANIFEST).is_file():
            raise DataNotFoundError(
                f"{DATA_DIR_VARIABLE}={override} does not point at a case folder (no {MANIFEST} there)."
            )
        return folder
    candidates = [Path(__file__).resolve().parents[2] / "data"]  # beside the package
    here = Path.cwd().resolve()
    candidates += [folder / "data" for folder in (here, *here.parents)]
    for folder in candidates:
        if (folder / MANIFEST).is_file():
            return folder
    raise DataNotFoundError(
        "Could not find the course data (a data/ folder with case.json). Run from inside the "
        f"course repository, or set {DATA_DIR_VARIABLE} to the data folder."
    )


def repo_root() -> Path:
    """The course repository's top folder (the parent of the data folder)."""
    return data_dir().parent
