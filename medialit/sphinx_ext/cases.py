"""The cases one book build reads, loaded once per build, each data file noted as a dependency.

The cases live on the Sphinx application for the length of one build (from ``builder-inited``
to ``build-finished``), never in a module-level cache, so a later build in the same process
reads the data again. Every directive and role that shows data calls :meth:`BookCases.note`,
which records every file of the case as a dependency of the page: after a data edit, an
incremental build reads those pages again and shows the new data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from medialit.case.loading import case_folders, load_case, read_manifest
from medialit.case.model import Case
from medialit.case.paths import MANIFEST, data_dir

_ATTRIBUTE = "medialit_cases"


@dataclass
class BookCases:
    """The main case and the further cases, as one build reads them."""

    folder: Path
    _loaded: dict[Path, Case] = field(default_factory=dict)

    def case(self, folder: Path | None = None) -> Case:
        """The case in ``folder`` (default: the main case), loaded on first use in this build."""
        folder = (folder or self.folder).resolve()
        if folder not in self._loaded:
            self._loaded[folder] = load_case(folder)
        return self._loaded[folder]

    def named(self, name: str) -> Case:
        """A further case by its folder name (``"other-side"``)."""
        return self.case(self.folder / name)

    def name_of(self, case: Case) -> str | None:
        """A further case's folder name (``"other-side"``), or ``None`` for the main case."""
        return None if case.folder.resolve() == self.folder.resolve() else case.folder.name

    def of_passage(self, passage_id: str) -> Case:
        """The case a passage id belongs to, by its prefix (``p`` for the article)."""
        by_prefix = {
            read_manifest(folder).get("id_prefix", "p"): folder for folder in case_folders(self.folder)
        }
        return self.case(by_prefix.get(passage_id[:1], self.folder))

    def note(self, env: BuildEnvironment, case: Case) -> Case:
        """Record every file of ``case`` as a dependency of the page being read; return the case."""
        env.note_dependency(str(case.folder / MANIFEST))
        for relative in case.manifest["files"].values():
            env.note_dependency(str(case.folder / relative))
        return case


def start_build(app: Sphinx) -> None:
    """``builder-inited``: the cases of this build, from ``medialit_data_dir`` (or the course's)."""
    configured = app.config.medialit_data_dir
    folder = Path(app.confdir, configured) if configured else data_dir()
    setattr(app, _ATTRIBUTE, BookCases(folder.resolve()))


def end_build(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: drop the cases, so nothing read in this build outlives it."""
    if hasattr(app, _ATTRIBUTE):
        delattr(app, _ATTRIBUTE)


def book_cases(env: BuildEnvironment) -> BookCases:
    """The cases of the build that ``env`` belongs to."""
    cases: BookCases = getattr(env.app, _ATTRIBUTE)
    return cases
