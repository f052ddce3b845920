"""Learner notebooks are stored without outputs and run top to bottom on a fresh kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS, "no notebooks found in notebooks/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_stored_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    dirty = [
        index
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count)
    ]
    assert not dirty, f"{path.name}: cells {dirty} have outputs; clear them before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_runs_top_to_bottom(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDIALIT_WORK_DIR", str(tmp_path / "work"))
    notebook = nbformat.read(path, as_version=4)
    # Every cell runs, whatever an earlier one did, so the assertion below sees (and names) every
    # error; without allow_errors the client would raise on the first one before it is reached.
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    errors = [
        f"cell {index}: {output.ename}: {output.evalue}"
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert not errors, f"{path.name} does not run top to bottom: " + "; ".join(errors)


LEARNER_EXERCISES = [path for path in NOTEBOOKS if "exercise.show()" in path.read_text(encoding="utf-8")]
#: What Voila cannot do: it shows a notebook's outputs, with no cells to run or add.
VOILA_CANNOT = ("Run the next cell", "Add a new code cell", "in a new cell")


def test_there_are_learner_exercises() -> None:
    assert len(LEARNER_EXERCISES) >= 6


@pytest.mark.parametrize("path", LEARNER_EXERCISES, ids=lambda p: p.name)
def test_the_wording_fits_every_front_end_and_the_start_message_shows_once(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    for words in VOILA_CANNOT:
        assert words not in text, f"{path.name} says {words!r}, which Voila cannot do"
    (cell,) = [cell for cell in notebook.cells if "exercise.show()" in cell.source]
    # start() prints where the work is saved unless quiet; the widget's status line says it too
    # (and replaces it after a restore), so printing it as well would say it twice.
    assert "quiet=True" in cell.source


#: The notebooks issue 13 added: the two test forms, lateral reading and the official statements.
ADDED_FOR_THE_FURTHER_CASES = {
    "00b_pretest.ipynb",
    "05b_lateral_reading.ipynb",
    "05c_posttest.ipynb",
    "07_official_statements.ipynb",
}


def test_every_notebook_in_the_folder_is_run_top_to_bottom() -> None:
    """The notebooks run above are every ``.ipynb`` in ``notebooks/``, the newest cases' included."""
    (mark,) = [mark for mark in test_runs_top_to_bottom.pytestmark if mark.name == "parametrize"]
    run = sorted(path.name for path in mark.args[1])
    in_folder = sorted(path.name for path in (ROOT / "notebooks").iterdir() if path.suffix == ".ipynb")
    assert run == in_folder
    assert set(run) >= ADDED_FOR_THE_FURTHER_CASES
