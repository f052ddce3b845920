"""Links to the source ledger: the label of each entry, links to it, and its address for printables.

Each ledger entry is a link target labelled ``source-<source_id>`` (a further case's entries,
``source-<case>-<source_id>``, so two ledgers can share a page). Links to a further case's
ledger are *optional*: when the book has no page for that ledger, the names are shown without a
link instead of a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import StandardDomain
from sphinx.environment import BuildEnvironment

#: The label of a main-case ledger entry; a further case's adds its folder name.
SOURCE_LABEL = "source-{}"

#: Where ``{download}`` puts a file, relative to the book's top: ``_downloads/<digest>/<name>``.
DOWNLOAD_TO_TOP = "../../"

_OPTIONAL = "medialit_optional"


def source_label(source_id: str, case_name: str | None = None) -> str:
    """The label of a ledger entry: ``source-<id>``, or ``source-<case>-<id>`` for a further case."""
    return SOURCE_LABEL.format(f"{case_name}-{source_id}" if case_name else source_id)


def source_link(source_id: str, name: str, case_name: str | None = None) -> nodes.Node:
    """A reference to a ledger entry, its text the source's name (resolved by Sphinx).

    A link to a further case's entry is optional: see :func:`unlinked_when_optional`.
    """
    reference = addnodes.pending_xref(
        "",
        refdomain="std",
        reftype="ref",
        reftarget=source_label(source_id, case_name),
        refexplicit=True,
        refwarn=case_name is None,
    )
    reference[_OPTIONAL] = case_name is not None
    reference += nodes.inline(name, name, classes=["source-name"])
    return reference


def unlinked_when_optional(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """``missing-reference``: an optional link with no target becomes its text, with no warning."""
    return contnode if node.get(_OPTIONAL) else None


def source_urls(app: Sphinx) -> Callable[[str], str | None]:
    """The address of each main-case ledger entry as seen from a printable, or ``None`` if absent.

    The printables are served through ``{download}``, two folders below the book's top, and the
    ledger's page is wherever the std domain says its labels are (known once the pages are read).
    """
    std = cast(StandardDomain, app.env.get_domain("std"))

    def url(source_id: str) -> str | None:
        target = std.anonlabels.get(source_label(source_id))
        if target is None:
            return None
        docname, node_id = target
        return f"{DOWNLOAD_TO_TOP}{app.builder.get_target_uri(docname)}#{node_id}"

    return url
