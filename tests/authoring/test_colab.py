"""Every notebook has the one Colab setup cell, and the authoring tool writes it and nothing else."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from medialit.authoring.colab import (
    SETUP_SOURCE,
    SETUP_TAGS,
    main,
    notebook_text,
    setup_cells,
    write_setup_cell,
)
from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_every_notebook_page_of_the_book_is_a_notebook_checked_here() -> None:
    # The book's launch buttons (Binder, Colab) are on every notebook page, i.e. every .ipynb in the toc.
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    pages = {f"{name}.ipynb" for name in re.findall(r"file:\s*notebooks/(\S+)", toc)}
    assert pages and pages <= {path.name for path in NOTEBOOKS}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_the_first_code_cell_is_the_colab_setup_cell(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    nbformat.validate(nbformat.reads(path.read_text(encoding="utf-8"), as_version=4))
    code = [index for index, cell in enumerate(notebook["cells"]) if cell["cell_type"] == "code"]
    assert setup_cells(notebook) == code[:1], f"{path.name}: run python -m medialit.authoring.colab"
    assert "".join(notebook["cells"][code[0]]["source"]) == SETUP_SOURCE, path.name
    # The book runs the cell but does not show it (MyST-NB's remove-cell tag).
    assert set(SETUP_TAGS) <= set(notebook["cells"][code[0]]["metadata"].get("tags", [])), path.name


def without_setup_cell(tmp_path: Path) -> tuple[Path, dict]:
    """A copy of the attribution notebook with its setup cell taken out, and the original."""
    original = json.loads((ROOT / "notebooks" / "01_attribution.ipynb").read_text(encoding="utf-8"))
    stripped = json.loads(json.dumps(original))
    del stripped["cells"][setup_cells(stripped)[0]]
    path = tmp_path / "01_attribution.ipynb"
    path.write_text(notebook_text(stripped), encoding="utf-8")
    return path, original


def test_the_setup_cell_is_added_after_the_overview_and_nothing_else_changes(tmp_path: Path) -> None:
    path, original = without_setup_cell(tmp_path)
    assert write_setup_cell(path)
    written = json.loads(path.read_text(encoding="utf-8"))
    nbformat.validate(nbformat.reads(path.read_text(encoding="utf-8"), as_version=4))
    for cell in (*written["cells"], *original["cells"]):
        cell.pop("id")
    assert written == original
    assert not write_setup_cell(path)  # already there: the file is left alone


def test_an_outdated_setup_cell_is_rewritten_where_it_is(tmp_path: Path, capsys) -> None:
    path = tmp_path / "01_attribution.ipynb"
    original = (ROOT / "notebooks" / "01_attribution.ipynb").read_text(encoding="utf-8")
    path.write_text(original.replace("--depth", "--depth-old"), encoding="utf-8")
    main(tmp_path)
    assert path.read_text(encoding="utf-8") == original
    assert capsys.readouterr().out == "Wrote the Colab setup cell into 01_attribution.ipynb.\n"


def test_a_setup_cell_without_its_tags_gets_them_and_keeps_its_other_tags(tmp_path: Path) -> None:
    path = tmp_path / "01_attribution.ipynb"
    notebook = json.loads((ROOT / "notebooks" / "01_attribution.ipynb").read_text(encoding="utf-8"))
    notebook["cells"][setup_cells(notebook)[0]]["metadata"] = {"tags": ["mine"]}
    path.write_text(notebook_text(notebook), encoding="utf-8")
    assert write_setup_cell(path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["cells"][setup_cells(written)[0]]["metadata"]["tags"] == ["mine", *SETUP_TAGS]
    assert not write_setup_cell(path)
