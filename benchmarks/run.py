"""Print speed figures for the course's package (a benchmark, not a test).

.venv/bin/python benchmarks/run.py
"""

from __future__ import annotations

from timing import timed

from medialit.authoring.segment import Hints, derived_files
from medialit.case.loading import load_case, read_manifest
from medialit.case.paths import data_dir
from medialit.case.validation import check_case


def main() -> None:
    """Time the case pipeline: cleaning the seed, validating the data, loading the case."""
    folder = data_dir()
    seed = (folder / "source" / "article-seed.md").read_text(encoding="utf-8")
    hints = Hints.from_manifest(read_manifest(folder))
    timed("clean and segment the seed", lambda: derived_files(seed, hints))
    timed("validate the case (every check)", lambda: check_case(folder))
    timed("load the case and read every table", lambda: _load_all())


def _load_all() -> None:
    case = load_case()
    for table in (case.passages, case.links, case.key, case.sources):
        len(table)


if __name__ == "__main__":
    main()
