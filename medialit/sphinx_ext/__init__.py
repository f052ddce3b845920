"""Sphinx roles and directives that quote the article from ``data/``, so quotes are exact.

Chapters never retype the article. They write:

- ``{quote}`p012: watched``` — a few words of a passage, checked at build time against the
  passage text, shown in quotation marks with a link to the passage in the full article;
- ``{passage}`p012``` — the whole passage, inline, with its link;
- a ``passage`` directive with an optional ``:cue:`` — the passage as a block quotation, the
  cue words highlighted;
- a ``worked-example`` directive with a passage id and a category — the passage, the key's
  cue highlighted, its subtype, strength and rationale;
- an ``article`` directive — the whole article, passage by passage, each with its id as an
  anchor (used once, on the case page);
- an ``exercise`` directive with a notebook name — links to the notebook's page and launch
  links for Binder and Colab;
- a ``printables`` directive — download links to the worksheets and answer keys, which are
  generated from ``data/`` into ``book/_generated/`` when the build starts.

A wrong id, or words that are not in the passage, is a build warning (an error with ``-W``).
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxRole

from medialit.case.labels import subtype_label
from medialit.case.loading import case_folders, load_case
from medialit.case.model import Case
from medialit.rendering.printables import write_printables
from medialit.tagfile.workspace import WORK_DIR_VARIABLE

ARTICLE_DOC_LABEL = "passage-{}"


@cache
def _case() -> Case:
    return load_case()


@cache
def _cases_by_prefix() -> dict[str, Case]:
    """Every case, by the letter its passage ids start with (``p`` for the article)."""
    cases = [load_case(folder) for folder in case_folders()]
    return {case.manifest.get("id_prefix", "p"): case for case in cases}


def _case_of(passage_id: str) -> Case:
    return _cases_by_prefix().get(passage_id[:1], _case())


def _passage_text(passage_id: str) -> str | None:
    passages = _case_of(passage_id).passages
    return str(passages.loc[passage_id, "text"]) if passage_id in passages.index else None


def _link(passage_id: str) -> nodes.Node:
    """A reference to the passage's anchor in the full article (resolved by Sphinx)."""
    reference = addnodes.pending_xref(
        "",
        refdomain="std",
        reftype="ref",
        reftarget=ARTICLE_DOC_LABEL.format(passage_id),
        refexplicit=True,
        refwarn=True,
    )
    reference += nodes.inline(passage_id, passage_id, classes=["passage-id"])
    return reference


def _highlighted(text: str, cue: str | None) -> list[nodes.Node]:
    """The text as nodes, with the first occurrence of ``cue`` marked."""
    if not cue or cue not in text:
        return [nodes.Text(text)]
    start = text.index(cue)
    return [
        nodes.Text(text[:start]),
        nodes.inline(cue, cue, classes=["cue"]),
        nodes.Text(text[start + len(cue) :]),
    ]


class QuoteRole(SphinxRole):
    """``{quote}`p012: words``` — exact words from a passage, with a link to it."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """Check the words against the passage and render them."""
        passage_id, _, words = self.text.partition(":")
        passage_id, words = passage_id.strip(), words.strip()
        text = _passage_text(passage_id)
        if text is None:
            return self._problem(f"unknown passage id {passage_id!r}")
        if not words or words not in text:
            return self._problem(f"the words {words!r} are not in passage {passage_id}")
        return [_quoted(passage_id, words)], []

    def _problem(self, message: str) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        error = self.inliner.reporter.warning(f"quote: {message}", line=self.lineno)
        return [nodes.problematic(self.rawtext, self.rawtext)], [error]


class PassageRole(QuoteRole):
    """``{passage}`p012``` — a whole passage inline, with a link to it."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """Render the whole passage as a quote."""
        passage_id = self.text.strip()
        text = _passage_text(passage_id)
        if text is None:
            return self._problem(f"unknown passage id {passage_id!r}")
        return [_quoted(passage_id, text)], []


def _quoted(passage_id: str, words: str) -> nodes.Node:
    """Words in quotation marks (unless they already open with one), then a link to the passage."""
    opens_with_quote = words[:1] in '“"‘'
    opening, closing = ("", "") if opens_with_quote else ("“", "”")
    quoted = nodes.inline("", "", classes=["article-quote"])
    quoted += [nodes.Text(f"{opening}{words}{closing} ("), _link(passage_id), nodes.Text(")")]
    return quoted


def _passage_block(passage_id: str, cue: str | None) -> nodes.Element:
    quote = nodes.block_quote(classes=["article-passage"])
    paragraph = nodes.paragraph()
    paragraph += _highlighted(_passage_text(passage_id) or "", cue)
    paragraph += [nodes.Text(" ("), _link(passage_id), nodes.Text(")")]
    quote += paragraph
    return quote


class PassageDirective(SphinxDirective):
    """A passage as a block quotation, with an optional highlighted cue."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"cue": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        """Render the passage, or warn about a wrong id or cue."""
        passage_id, cue = self.arguments[0], self.options.get("cue")
        text = _passage_text(passage_id)
        if text is None:
            return [
                self.state.document.reporter.warning(
                    f"passage: unknown passage id {passage_id!r}", line=self.lineno
                )
            ]
        if cue and cue not in text:
            return [
                self.state.document.reporter.warning(
                    f"passage: cue {cue!r} is not in passage {passage_id}", line=self.lineno
                )
            ]
        return [_passage_block(passage_id, cue)]


class WorkedExampleDirective(SphinxDirective):
    """The key's judgement on one passage and category, shown as a worked example."""

    required_arguments = 2
    has_content = True

    def run(self) -> list[nodes.Node]:
        """Render the key's judgement, or warn when the key has none."""
        passage_id, category = self.arguments
        key = _case_of(passage_id).key
        rows = key[(key["passage_id"] == passage_id) & (key["category"] == category)]
        if rows.empty:
            return [
                self.state.document.reporter.warning(
                    f"worked-example: the key has no {category} tag on {passage_id}", line=self.lineno
                )
            ]
        row = rows.iloc[0]
        case = _case_of(passage_id)
        categories = case.categories
        subtype = subtype_label(case, category, row["subtype"])
        box = nodes.container(classes=["worked-example"])
        box += _passage_block(passage_id, row["cue"])
        facts = nodes.paragraph()
        facts += [
            nodes.strong(text=f"{categories[category]['label']}: {subtype}"),
            nodes.Text(f" ({row['strength']}). Cue: “{row['cue']}”. "),
            nodes.Text(row["rationale"]),
        ]
        box += facts
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, box)
        return [box]


class ArticleDirective(SphinxDirective):
    """The whole article (or a further case, named as the argument), each passage an anchor."""

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Render every passage and register its anchor."""
        passages = (load_case(self.arguments[0]) if self.arguments else _case()).passages
        container = nodes.container(classes=["full-article"])
        paragraph_node: nodes.Element | None = None
        current = None
        for passage_id, row in passages.iterrows():
            if row["paragraph"] != current:
                current = row["paragraph"]
                classes = [f"article-{row['kind']}"]
                paragraph_node = nodes.paragraph(classes=classes)
                container += paragraph_node
            label = ARTICLE_DOC_LABEL.format(passage_id)
            target = nodes.inline("", "", ids=[label], classes=["passage"])
            target += [nodes.inline(passage_id, passage_id, classes=["passage-id"]), nodes.Text(" ")]
            target += nodes.Text(str(row["text"]) + " ")
            paragraph_node += target
            self.env.domaindata["std"]["anonlabels"][label] = (self.env.docname, label)
        return [container]


class ExerciseDirective(SphinxDirective):
    """Links to a notebook exercise: its page in the book, and launch links for Binder and Colab.

    The repository and the launch services come from the book's configuration (``_config.yml``:
    ``repository.url`` and ``launch_buttons``), so no address is written twice.
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Render the links for ``notebooks/<name>.ipynb``."""
        name = self.arguments[0]
        options = self.config.html_theme_options
        repository = options.get("repository_url", "").removeprefix("https://github.com/").strip("/")
        branch = options.get("repository_branch", "main")
        launch = options.get("launch_buttons", {})
        notebook = f"notebooks/{name}.ipynb"
        if not (Path(self.env.srcdir) / notebook).is_file():
            return [
                self.state.document.reporter.warning(f"exercise: no notebook {notebook}", line=self.lineno)
            ]
        links = []
        if launch.get("binderhub_url") and repository:
            links.append(
                (
                    "Launch on Binder",
                    f"{launch['binderhub_url'].rstrip('/')}/v2/gh/{repository}/"
                    f"{branch}?urlpath=lab/tree/{notebook}",
                )
            )
        if launch.get("colab_url") and repository:
            links.append(
                (
                    "Open in Colab",
                    f"{launch['colab_url'].rstrip('/')}/github/{repository}/blob/{branch}/{notebook}",
                )
            )
        box = nodes.container(classes=["exercise-launch"])
        paragraph = nodes.paragraph()
        paragraph += nodes.strong(text="Do the exercise: ")
        page = addnodes.pending_xref(
            "", refdomain="std", reftype="doc", reftarget=f"/notebooks/{name}", refexplicit=True, refwarn=True
        )
        page += nodes.inline(text="read it in the book")
        paragraph += page
        for label, url in links:
            paragraph += [nodes.Text(" · "), nodes.reference("", label, refuri=url)]
        box += paragraph
        return [box]


PRINTABLES = Path("book") / "_generated" / "printables"


class PrintablesDirective(SphinxDirective):
    """A table of the printable worksheets and answer keys, one row per exercise."""

    def run(self) -> list[nodes.Node]:
        """List every exercise with download links to its worksheet and answer key."""
        case = _case()
        folder = Path(self.env.srcdir) / PRINTABLES
        here = (Path(self.env.srcdir) / self.env.docname).parent
        relative = Path(*[".."] * len(here.relative_to(self.env.srcdir).parts), PRINTABLES).as_posix()
        lines = ["| Exercise | Passages | For learners | For instructors |", "| --- | ---: | --- | --- |"]
        for exercise_id in case.exercise_ids[1:]:
            exercise = case.exercise(exercise_id)
            sheet, key = (f"{kind}-{exercise_id}.html" for kind in ("worksheet", "answer-key"))
            if not (folder / sheet).is_file():
                return [self.state.document.reporter.warning(f"printables: {sheet} was not generated")]
            lines.append(
                f"| {exercise.title} | {len(exercise.passage_ids)} | "
                f"{{download}}`Worksheet <{relative}/{sheet}>` | "
                f"{{download}}`Answer key <{relative}/{key}>` |"
            )
        container = nodes.container(classes=["printables"])
        self.state.nested_parse(StringList(lines, source=self.env.docname), self.content_offset, container)
        return [container]


def _write_printables(app: Sphinx) -> None:
    write_printables(_case(), Path(app.srcdir) / PRINTABLES)


def _add_static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(Path(__file__).parent / "static"))


def _fix_citation_list_roles(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Give bibliography entries the ``listitem`` role their ``role="list"`` parent requires.

    Docutils marks each citation ``role="doc-biblioentry"`` inside a ``role="list"`` container,
    which axe-core reports as a critical violation (a list must contain list items).
    """
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the roles, directives and the stylesheet with Sphinx.

    Also points ``MEDIALIT_WORK_DIR`` at a fresh temporary folder, so the notebooks executed
    for the book never read or write anyone's saved work.
    """
    os.environ[WORK_DIR_VARIABLE] = tempfile.mkdtemp(prefix="medialit-book-")
    app.connect("builder-inited", _add_static_path)
    app.connect("builder-inited", _write_printables)
    app.connect("html-page-context", _fix_citation_list_roles)
    app.add_css_file("medialit.css")
    app.add_role("quote", QuoteRole())
    app.add_role("passage", PassageRole())
    app.add_directive("passage", PassageDirective)
    app.add_directive("worked-example", WorkedExampleDirective)
    app.add_directive("article", ArticleDirective)
    app.add_directive("exercise", ExerciseDirective)
    app.add_directive("printables", PrintablesDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
