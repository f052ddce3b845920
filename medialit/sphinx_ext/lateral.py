"""The lateral-reading tasks in a book page: ``{medialit-lateral}``, working with nothing but the browser.

The directive writes the tasks' data as JSON into the page
(:func:`medialit.rendering.lateral.lateral_inpage_html`); the script and stylesheet
(``static/lateral.js``, ``static/lateral.css``) are linked only from the pages that hold them,
with the in-page exercise's script (``static/inpage.js``) before them: ``lateral.js`` takes the
learner's name and the download's name from it (``MedialitInpage.learnerKept``, ``downloadName``),
so the two pages treat names alike.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from medialit.rendering.lateral import lateral_inpage_html
from medialit.sphinx_ext.cases import book_cases
from medialit.sphinx_ext.inpage import SCRIPT as INPAGE_SCRIPT

SCRIPT, STYLESHEET = "lateral.js", "lateral.css"
#: The class of the node that holds the tasks.
_HOST = "medialit-lateral-host"


class LateralDirective(SphinxDirective):
    """The main case's lateral-reading tasks, in the page."""

    def run(self) -> list[nodes.Node]:
        """The tasks, or a build warning when the case has none."""
        cases = book_cases(self.env)
        case = cases.note(self.env, cases.case())
        if not case.lateral:
            return [
                self.state.document.reporter.warning(
                    f"{self.name}: the case has no lateral-reading tasks", line=self.lineno
                )
            ]
        return [nodes.raw("", lateral_inpage_html(case), format="html", classes=[_HOST])]


def add_lateral_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: link the scripts and stylesheet from the pages that hold the tasks only."""
    if doctree is not None and any(_HOST in node["classes"] for node in doctree.findall(nodes.raw)):
        app.add_css_file(STYLESHEET)
        loading: dict[str, Any] = {"defer": "defer"}  # once the page is parsed, in this order
        app.add_js_file(INPAGE_SCRIPT, **loading)
        app.add_js_file(SCRIPT, **loading)
