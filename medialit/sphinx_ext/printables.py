"""Printable worksheets and answer keys: written when the build starts, listed by a directive.

The files are generated from the data into ``medialit_printables_dir`` (relative to the book's
source folder) at ``builder-inited``, on every build, so they always show the current data, and
again at ``env-updated``: only once the pages are read is it known where the ledger's entries
are, and the answer keys link to them (``{download}`` copies the files later, at the end).

The directive lists the learners' worksheets (``{medialit-printables} worksheets``), the
instructors' answer keys (``answer-keys``) or, with no argument, both. Its links open a file in
the browser, ready to print, rather than download it (:class:`print_reference`).
"""

from __future__ import annotations

import posixpath
import urllib.parse
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx import addnodes
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


class print_reference(addnodes.download_reference):  # noqa: N801 - docutils names nodes in lower case
    """A link to a copied file, as ``{download}`` makes one, that opens the file instead of saving it."""


def visit_print_reference(translator: Any, node: print_reference) -> None:
    """HTML: the link to the copied file, without ``{download}``'s ``download`` attribute."""
    if "filename" not in node or not translator.builder.download_support:
        translator.context.append("")
        return
    href = posixpath.join(translator.builder.dlpath, urllib.parse.quote(node["filename"]))
    translator.body.append(translator.starttag(node, "a", "", CLASS="reference internal", href=href))
    translator.context.append("</a>")


def depart_print_reference(translator: Any, node: print_reference) -> None:
    """HTML: close the link."""
    translator.body.append(translator.context.pop())


#: What the directive can list: a column heading and the printable's kind, per argument.
COLUMNS = {"worksheets": ("For learners", "worksheet"), "answer-keys": ("For instructors", "answer-key")}
LINK_TEXT = {"worksheet": "Worksheet", "answer-key": "Answer key"}


class PrintablesDirective(CaseDirective):
    """A table of the printables, one row per exercise: worksheets, answer keys or (no argument) both."""

    optional_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        """List every exercise with links that open its printables."""
        cases = book_cases(self.env)
        case = cases.note(self.env, cases.case())
        if not self.config.medialit_printables_dir:
            return self.warning("medialit_printables_dir is not set in the book's configuration")
        chosen = [directives.choice(self.arguments[0], list(COLUMNS))] if self.arguments else list(COLUMNS)
        folder = printables_folder(self.env.app)
        relative = Path(self.config.medialit_printables_dir).as_posix()
        headings = " | ".join(COLUMNS[name][0] for name in chosen)
        lines = [f"| Exercise | Passages | {headings} |", "| --- | ---: |" + " --- |" * len(chosen)]
        for exercise_id in case.exercise_ids[1:]:
            exercise = case.exercise(exercise_id)
            links = []
            for name in chosen:
                kind = COLUMNS[name][1]
                file = printable_name(kind, exercise_id)
                if not (folder / file).is_file():
                    return self.warning(f"{file} was not generated")
                links.append(f"{{download}}`{LINK_TEXT[kind]} </{relative}/{file}>`")
            lines.append(f"| {exercise.title} | {len(exercise.passage_ids)} | {' | '.join(links)} |")
        container = nodes.container(classes=["printables"])
        self.state.nested_parse(StringList(lines, source=self.env.docname), self.content_offset, container)
        for download in list(container.findall(addnodes.download_reference)):
            link = print_reference(download.rawsource, "", *download.children, **download.attributes)
            download.replace_self(link)
        return [container]
