"""Small repairs to the HTML that Sphinx writes, for accessibility."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def fix_citation_list_roles(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Give bibliography entries the ``listitem`` role their ``role="list"`` parent requires.

    Docutils marks each citation ``role="doc-biblioentry"`` inside a ``role="list"`` container,
    which axe-core reports as a critical violation (a list must contain list items).
    """
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')
