"""The in-page exercise: an exercise that works in the book page itself, with nothing but the browser.

Two ways in, one node:

- the ``medialit-inpage`` directive (``{medialit-inpage} capstone``, with ``:case: other-side``
  for a further case) puts an exercise in any page;
- on a notebook's page, the tagging widget's static preview (``text/html``, which carries
  :func:`medialit.rendering.inpage.preview_marker`) is replaced by the exercise when the page is
  read. JupyterLab, Voila, Binder and Colab show the live widget and never see this, so the
  notebooks stay unchanged, and any exercise notebook added later gets it with no extra step.
  What the build's kernel said about its own widget session (the printed start message, naming
  the build's work folder) and the widgets' saved state are build-time state, not the reader's:
  the cell's printed output is dropped with the preview, and every page's embedded widget state
  (:func:`drop_widget_state`).
  The notebook's launch links (Binder, Colab) are set right after the exercise.

The exercise's data is JSON in the page (:func:`medialit.rendering.inpage.inpage_payload`); the
script and stylesheet (``static/inpage.js``, ``static/inpage.css``) are linked only from pages
that hold an exercise, from the ``html-page-context`` handler.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from medialit.case.loading import case_folders
from medialit.case.model import Case
from medialit.rendering.inpage import inpage_html, preview_exercise
from medialit.sphinx_ext.cases import book_cases
from medialit.sphinx_ext.launch import launch_box

SCRIPT, STYLESHEET = "inpage.js", "inpage.css"
#: The class of the node that holds an exercise (the script mounts on ``.medialit-inpage`` inside it).
_HOST = "medialit-inpage-host"


def _case_by_id(env: BuildEnvironment, case_id: str) -> Case | None:
    cases = book_cases(env)
    for folder in case_folders(cases.folder):
        case = cases.case(folder)
        if case.case_id == case_id:
            return cases.note(env, case)
    return None


def _exercise_node(case: Case, exercise_id: str) -> nodes.raw:
    return nodes.raw("", inpage_html(case, exercise_id), format="html", classes=[_HOST])


class InpageDirective(SphinxDirective):
    """An exercise that works in the page: ``{medialit-inpage} <exercise>`` with an optional ``:case:``."""

    required_arguments = 1
    option_spec = {"case": directives.unchanged}  # noqa: RUF012 - docutils reads a plain dict

    def run(self) -> list[nodes.Node]:
        """The exercise, or a build warning for an unknown case or exercise."""
        cases = book_cases(self.env)
        name = self.options.get("case")
        case = cases.note(self.env, cases.named(name) if name else cases.case())
        if self.arguments[0] not in case.exercise_ids:
            message = f"{self.name}: no exercise {self.arguments[0]!r} in case {case.case_id}"
            return [self.state.document.reporter.warning(message, line=self.lineno)]
        return [_exercise_node(case, self.arguments[0])]


def replace_previews(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: each notebook widget's static preview becomes the in-page exercise."""
    for raw in list(doctree.findall(nodes.raw)):
        if "html" not in raw.get("format", "").split() or _HOST in raw["classes"]:
            continue
        named = preview_exercise(raw.astext())
        if named is None:
            continue
        case = _case_by_id(app.env, named[0])
        if case is None or named[1] not in case.exercise_ids:
            raw.document.reporter.warning(f"medialit: no exercise {named[1]!r} in case {named[0]!r}")
            continue
        _drop_printed_output(raw)
        box = launch_box(app.config, PurePosixPath(str(app.env.doc2path(app.env.docname, False))).as_posix())
        raw.replace_self([_exercise_node(case, named[1]), *([box] if box else [])])


def _drop_printed_output(preview: nodes.raw) -> None:
    """Remove the printed (stream) output of the notebook cell that holds ``preview``."""
    cell = preview.parent
    while cell is not None and "cell" not in cell.get("classes", []):
        cell = cell.parent
    if cell is None:
        return
    for stream in list(cell.findall(nodes.literal_block)):
        if {"output", "stream"} <= set(stream["classes"]):
            stream.parent.remove(stream)


def drop_widget_state(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: leave MyST-NB's embedded widget state off every page.

    The book renders no live widget (``nb_mime_priority_overrides`` in ``_config.yml``), so the
    state the build's kernel saved is never used, and it holds build-time messages.
    """
    metadata = getattr(app.env, "nb_metadata", {}).get(app.env.docname, {})
    metadata.get("js_files", {}).pop("ipywidgets_state", None)


def add_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """``html-page-context``: link the script and stylesheet from the pages that hold an exercise only."""
    if doctree is not None and any(_HOST in node["classes"] for node in doctree.findall(nodes.raw)):
        app.add_css_file(STYLESHEET)
        loading: dict[str, Any] = {"async": "async"}  # runs once the page is parsed; nothing waits for it
        app.add_js_file(SCRIPT, **loading)
