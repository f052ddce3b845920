"""Printable worksheets and answer keys: written when the build starts, listed by a directive.

The files are generated from the data into ``medialit_printables_dir`` (relative to the book's
source folder) at ``builder-inited``, on every build, so they always show the current data, and
again at ``env-updated``: only once the pages are read is it known where the ledger's entries
are, and the answer keys link to them (``{download}`` copies the files later, at the end).
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from medialit.rendering.printables import printable_name, write_printables
from medialit.sphinx_ext.cases import book_cases
from medialit.sphinx_ext.directives import CaseDirective
from medialit.sphinx_ext.sources import source_urls


def printables_folder(app: Sphinx) -> Path:
    """Where the printables are written: ``medialit_printables_dir`` under the source folder."""
    return Path(app.srcdir) / app.config.medialit_printables_dir


def generate(app: Sphinx) -> None:
    """``builder-inited``: write every exercise's worksheet and answer key from the data."""
    if not app.config.medialit_printables_dir:
        return
    write_printables(book_cases(app.env).case(), printables_folder(app), source_urls(app))


def generate_linked(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: write the printables again, now linking to the ledger's page as read."""
    generate(app)
    return []


class PrintablesDirective(CaseDirective):
    """A table of the printable worksheets and answer keys, one row per exercise."""

    def run(self) -> list[nodes.Node]:
        """List every exercise with download links to its worksheet and answer key."""
        cases = book_cases(self.env)
        case = cases.note(self.env, cases.case())
        if not self.config.medialit_printables_dir:
            return self.warning("medialit_printables_dir is not set in the book's configuration")
        folder = printables_folder(self.env.app)
        relative = Path(self.config.medialit_printables_dir).as_posix()
        lines = ["| Exercise | Passages | For learners | For instructors |", "| --- | ---: | --- | --- |"]
        for exercise_id in case.exercise_ids[1:]:
            exercise = case.exercise(exercise_id)
            sheet, key = (printable_name(kind, exercise_id) for kind in ("worksheet", "answer-key"))
            if not (folder / sheet).is_file():
                return self.warning(f"{sheet} was not generated")
            lines.append(
                f"| {exercise.title} | {len(exercise.passage_ids)} | "
                f"{{download}}`Worksheet </{relative}/{sheet}>` | "
                f"{{download}}`Answer key </{relative}/{key}>` |"
            )
        container = nodes.container(classes=["printables"])
        self.state.nested_parse(StringList(lines, source=self.env.docname), self.content_offset, container)
        return [container]
