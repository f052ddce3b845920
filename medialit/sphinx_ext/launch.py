"""The ``medialit-exercise`` directive: links to a notebook's page and launch links for it.

:func:`launch_box` also puts the launch links beside the in-page exercise on a notebook's page.

The repository and the launch services come from the book's configuration (``_config.yml``:
``repository.url`` and ``launch_buttons``), and the notebooks' folder from
``medialit_notebooks_dir``, so no address or layout is written in the package.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective


def launch_links(config: Any, notebook: str) -> list[tuple[str, str]]:
    """``(label, address)`` for Binder and Colab, as far as the book's configuration names them."""
    options = config.html_theme_options
    repository = options.get("repository_url", "").removeprefix("https://github.com/").strip("/")
    branch = options.get("repository_branch", "main")
    launch = options.get("launch_buttons", {})
    links = []
    if launch.get("binderhub_url") and repository:
        binder = launch["binderhub_url"].rstrip("/")
        links.append(
            ("Launch on Binder", f"{binder}/v2/gh/{repository}/{branch}?urlpath=lab/tree/{notebook}")
        )
    if launch.get("colab_url") and repository:
        colab = launch["colab_url"].rstrip("/")
        links.append(("Open in Colab", f"{colab}/github/{repository}/blob/{branch}/{notebook}"))
    return links


def launch_box(config: Any, notebook: str) -> nodes.container | None:
    """The launch links for ``notebook`` (a path in the repository), set beside an in-page exercise."""
    links = launch_links(config, notebook)
    if not links:
        return None
    box = nodes.container(classes=["exercise-launch", "medialit-inpage-launch"])
    paragraph = nodes.paragraph()
    paragraph += nodes.strong(text="Run it as a notebook instead: ")
    for index, (label, url) in enumerate(links):
        if index:
            paragraph += nodes.Text(" · ")
        paragraph += nodes.reference("", label, refuri=url)
    box += paragraph
    return box


class ExerciseDirective(SphinxDirective):
    """Links to a notebook exercise: its page in the book, and launch links for Binder and Colab."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Render the links for ``<medialit_notebooks_dir>/<name>.ipynb``."""
        name = self.arguments[0]
        if not self.config.medialit_notebooks_dir:
            message = f"{self.name}: medialit_notebooks_dir is not set in the book's configuration"
            return [self.state.document.reporter.warning(message, line=self.lineno)]
        folder = PurePosixPath(self.config.medialit_notebooks_dir)
        notebook = (folder / f"{name}.ipynb").as_posix()
        if not (Path(self.env.srcdir) / notebook).is_file():
            message = f"{self.name}: no notebook {notebook}"
            return [self.state.document.reporter.warning(message, line=self.lineno)]
        self.env.note_dependency(str(Path(self.env.srcdir) / notebook))
        box = nodes.container(classes=["exercise-launch"])
        paragraph = nodes.paragraph()
        paragraph += nodes.strong(text="Do the exercise: ")
        page = addnodes.pending_xref(
            "",
            refdomain="std",
            reftype="doc",
            reftarget=f"/{(folder / name).as_posix()}",
            refexplicit=True,
            refwarn=True,
        )
        page += nodes.inline(text="do it in the book")
        paragraph += page
        for label, url in launch_links(self.config, notebook):
            paragraph += [nodes.Text(" · "), nodes.reference("", label, refuri=url)]
        box += paragraph
        return [box]
