"""Sphinx extension: quote the article from the case data, so every quote in the book is exact.

Chapters never retype the article. They write:

- ``{quote}`p012: watched``` — a few words of a passage, checked at build time against the
  passage text, shown in quotation marks with a link to the passage in the full article;
- ``{passage}`p012``` — the whole passage, inline, with its link;
- a ``medialit-passage`` directive with an optional ``:cue:`` — the passage as a block
  quotation, the cue words highlighted;
- a ``medialit-worked-example`` directive with a passage id and a category — the passage, the
  key's cue highlighted, its subtype, strength and rationale;
- a ``medialit-article`` directive — the whole article, passage by passage, each with its id as
  an anchor (used once, on the case page);
- a ``medialit-exercise`` directive with a notebook name — links to the notebook's page and
  launch links for Binder and Colab;
- a ``medialit-ledger`` directive with an optional further case name — the case's source
  ledger, one section per source, each a link target ``source-<id>`` that worked examples and
  answer keys link to;
- a ``medialit-inpage`` directive with an exercise id (and an optional ``:case:``) — the
  exercise itself, working in the page (:mod:`medialit.sphinx_ext.inpage`), which also replaces
  the tagging widget's static preview on every exercise notebook's page;
- a ``medialit-primer`` directive (``map``, ``timeline``, ``actors`` or ``events``) — the primer's
  map or timeline, drawn from the data with alt text when the page is read, or its tables
  (:mod:`medialit.sphinx_ext.primer`);
- a ``medialit-lateral`` directive — the main case's lateral-reading tasks, working in the page
  (:mod:`medialit.sphinx_ext.lateral`): the learner commits an answer before the course's
  findings are shown;
- a ``medialit-printables`` directive (``worksheets``, ``answer-keys`` or both) — links that open
  the worksheets and answer keys for print, generated from the data when the build starts (and
  again once the ledger's page is known).

A wrong id, or words that are not in the passage, is a build warning (an error with ``-W``).
The extension also repairs the book theme's header and buttons (:mod:`medialit.sphinx_ext.theme`),
and labels the reference list author-year, as the text cites, the two sharing the letter that
tells same-author-year entries apart (:mod:`medialit.sphinx_ext.bibliography`).
Every page that shows data depends on the data files, so an incremental build after a data edit
reads it again. The book's configuration names the paths the extension needs:

``medialit_data_dir``
    the case folder, relative to the configuration folder (default: the course's data);
``medialit_notebooks_dir``
    the notebooks' folder, relative to the source folder;
``medialit_printables_dir``
    where the printables are written, relative to the source folder (empty: none).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from docutils.parsers.rst import Directive
from sphinx.application import Sphinx

from medialit import __version__
from medialit.sphinx_ext import bibliography  # noqa: F401 - registers the citation styles
from medialit.sphinx_ext.cases import end_build, start_build
from medialit.sphinx_ext.directives import ArticleDirective, PassageDirective, WorkedExampleDirective
from medialit.sphinx_ext.html_fixes import fix_citation_list_roles
from medialit.sphinx_ext.inpage import InpageDirective, add_assets, drop_widget_state, replace_previews
from medialit.sphinx_ext.lateral import LateralDirective, add_lateral_assets
from medialit.sphinx_ext.launch import ExerciseDirective
from medialit.sphinx_ext.ledger import LedgerDirective
from medialit.sphinx_ext.primer import PrimerDirective
from medialit.sphinx_ext.printables import (
    PrintablesDirective,
    depart_print_reference,
    generate,
    generate_linked,
    print_reference,
    visit_print_reference,
)
from medialit.sphinx_ext.roles import PassageRole, QuoteRole
from medialit.sphinx_ext.sources import unlinked_when_optional
from medialit.sphinx_ext.theme import repair_theme

STATIC = Path(__file__).parent / "static"


def _add_static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


#: The extension's configuration values: the paths it needs, each relative as the module says.
CONFIG_VALUES = ("medialit_data_dir", "medialit_notebooks_dir", "medialit_printables_dir")

#: Sphinx events and their handlers, in the order they are connected.
HANDLERS: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("config-inited", repair_theme),
    ("builder-inited", start_build),
    ("builder-inited", _add_static_path),
    ("builder-inited", generate),
    ("env-updated", generate_linked),
    ("missing-reference", unlinked_when_optional),
    ("build-finished", end_build),
    ("html-page-context", fix_citation_list_roles),
    ("doctree-read", replace_previews),
    ("doctree-read", drop_widget_state),
    ("html-page-context", add_assets),
    ("html-page-context", add_lateral_assets),
)

#: The directives, all namespaced ``medialit-``.
DIRECTIVES: dict[str, type[Directive]] = {
    "medialit-passage": PassageDirective,
    "medialit-worked-example": WorkedExampleDirective,
    "medialit-article": ArticleDirective,
    "medialit-exercise": ExerciseDirective,
    "medialit-printables": PrintablesDirective,
    "medialit-ledger": LedgerDirective,
    "medialit-inpage": InpageDirective,
    "medialit-primer": PrimerDirective,
    "medialit-lateral": LateralDirective,
}


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the configuration values, roles, directives and the stylesheet with Sphinx."""
    for name in CONFIG_VALUES:
        app.add_config_value(name, "", "env", [str])
    for event, handler in HANDLERS:
        app.connect(event, handler)
    app.add_css_file("medialit.css")
    app.add_role("quote", QuoteRole())
    app.add_role("passage", PassageRole())
    app.add_node(print_reference, html=(visit_print_reference, depart_print_reference))
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 6}
