"""The Google Colab setup cell, stated once for every notebook in ``notebooks/``.

The book's launch buttons open any notebook page on Colab, where neither the course nor its data
is installed. So every notebook's first code cell, right after its overview, fetches and
installs the course there and turns on widgets; anywhere else it does nothing. The cell carries
the MyST-NB tag ``remove-cell`` (:data:`SETUP_TAGS`), so the book runs it but never shows it.
``python -m medialit.authoring.colab`` writes this cell into each notebook (adding it, or
replacing an outdated one); ``tests/authoring/test_colab.py`` checks that every notebook holds it.

Installing the package keeps Colab's own IPython 7.34 and ipywidgets 7.7: ``pyproject.toml``
accepts them, so pip replaces nothing that Colab's kernel has already imported.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from medialit.case.paths import repo_root

#: The first line of the setup cell, which identifies it.
FIRST_LINE = (
    "# Setup: on Google Colab only, fetch the course and turn on widgets. Elsewhere this does nothing."
)

SETUP_SOURCE = f"""{FIRST_LINE}
import sys

if "google.colab" in sys.modules:
    import os
    import subprocess
    from pathlib import Path

    repo = Path("/content/between-the-lines")
    if not repo.is_dir():
        url = "https://github.com/between-the-lines-course/between-the-lines"
        subprocess.run(["git", "clone", "--depth", "1", url, str(repo)], check=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--editable", str(repo)], check=True
        )
    sys.path.insert(0, str(repo))
    os.chdir(repo / "notebooks")
    from google.colab import output

    output.enable_custom_widget_manager()"""

#: The cell's tags: the book runs the cell but leaves it off the page (a MyST-NB cell tag).
SETUP_TAGS = ["remove-cell"]


def cell_source(cell: dict[str, Any]) -> str:
    """A notebook cell's source as one string (stored as a list of lines or as a string)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def setup_cells(notebook: dict[str, Any]) -> list[int]:
    """The indices of the cells that are a Colab setup cell (by their first line)."""
    return [
        index
        for index, cell in enumerate(notebook["cells"])
        if cell["cell_type"] == "code" and cell_source(cell).startswith(FIRST_LINE)
    ]


def with_setup_cell(notebook: dict[str, Any]) -> bool:
    """Give ``notebook`` the setup cell, after its overview; whether anything changed.

    An outdated setup cell (its source or its tags) is rewritten where it is; a notebook without
    one gets it as its second cell, stored without outputs like the rest.
    """
    source = SETUP_SOURCE.splitlines(keepends=True)
    found = setup_cells(notebook)
    if found:
        cell = notebook["cells"][found[0]]
        tags = cell.setdefault("metadata", {}).get("tags", [])
        if cell_source(cell) == SETUP_SOURCE and all(tag in tags for tag in SETUP_TAGS):
            return False
        cell["source"] = source
        cell["metadata"]["tags"] = tags + [tag for tag in SETUP_TAGS if tag not in tags]
        return True
    metadata = {"tags": list(SETUP_TAGS)}
    cell = {
        "cell_type": "code",
        "execution_count": None,
        "metadata": metadata,
        "outputs": [],
        "source": source,
    }
    if (notebook["nbformat"], notebook["nbformat_minor"]) >= (4, 5):
        cell["id"] = "colab-setup"  # nbformat 4.5 gives every cell an id, unique in its notebook
    notebook["cells"].insert(1, cell)
    return True


def notebook_text(notebook: dict[str, Any]) -> str:
    """A notebook as Jupyter writes it (one-space indent, sorted keys), so a diff shows only changes."""
    return json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def write_setup_cell(path: Path) -> bool:
    """Add or update the setup cell in the notebook at ``path``; whether the file changed."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    if not with_setup_cell(notebook):
        return False
    path.write_text(notebook_text(notebook), encoding="utf-8")
    return True


def main(folder: Path) -> None:
    """Write the setup cell into every notebook in ``folder``, naming the files that changed."""
    for path in sorted(folder.glob("*.ipynb")):
        if write_setup_cell(path):
            print(f"Wrote the Colab setup cell into {path.name}.")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else repo_root() / "notebooks")
