"""The tagging widget's watch on its kernel: what it will say once the kernel is gone.

What the browser does with it (disable the controls, show the words) is tested in JupyterLab,
Notebook 7 and Voila by tests/test_browser_jupyter.py and tests/test_browser_voila.py.
"""

from __future__ import annotations

import os
import tomllib
from datetime import datetime
from pathlib import Path

import pytest

from medialit.widgets.exercise import start
from medialit.widgets.kernel_watch import TAGGING_CLASS, KernelWatch, last_saved, lost_kernel_sentence
from medialit.widgets.tagging import static_preview_html
from tests.conftest import ROOT
from tests.widgets.uploading import IPYWIDGETS_MAJOR


def test_the_sentence_says_what_is_saved_where_and_how_to_go_on() -> None:
    sentence = lost_kernel_sentence("my-work/hedging-tags.json", "2026-11-23T14:02:41+01:00")
    assert sentence.startswith("This exercise has lost its connection to Python")
    assert "your work up to 23 November 2026, 14:02 is saved in my-work/hedging-tags.json" in sentence
    assert "run the cell again (in Voila: reload the page)" in sentence
    assert ". " not in sentence and sentence.endswith(".")  # one sentence


def test_before_anything_was_saved_it_says_so() -> None:
    sentence = lost_kernel_sentence("my-work/hedging-tags.json", None)
    assert "before anything was saved" in sentence and "my-work" not in sentence


def test_the_widget_carries_the_watch_and_a_class_it_finds_the_controls_by(work: Path, case) -> None:
    widget = start("hedging", case=case, quiet=True).view()
    assert TAGGING_CLASS in widget._dom_classes
    assert isinstance(widget.kernel_watch, KernelWatch)
    assert widget.kernel_watch in widget.children
    assert "before anything was saved" in widget.kernel_watch.message  # a fresh work folder


def test_every_save_brings_the_time_and_file_to_the_browser(work: Path, case) -> None:
    exercise = start("hedging", case=case, quiet=True)
    widget = exercise.view()
    widget.category_boxes["hedging"].value = True
    stamp = last_saved(exercise.path)
    assert stamp is not None
    assert widget.kernel_watch.message == lost_kernel_sentence(exercise.workspace.name, stamp)
    assert exercise.workspace.name in widget.kernel_watch.message


def test_a_save_that_failed_does_not_move_the_time_on(work: Path, case, monkeypatch) -> None:
    exercise = start("hedging", case=case, quiet=True)
    widget = exercise.view()
    widget.category_boxes["hedging"].value = True  # saved
    noon = datetime(2020, 1, 1, 12, 0).timestamp()
    os.utime(exercise.path, (noon, noon))  # that save, made at noon

    def full_disk(tagset, case=None) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exercise.workspace, "save", full_disk)
    widget.next_button.click()
    widget.category_boxes["hedging"].value = True  # not saved
    assert "Could not save" in exercise.message
    assert "your work up to 01 January 2020, 12:00 is saved in" in widget.kernel_watch.message


@pytest.mark.skipif(IPYWIDGETS_MAJOR < 8, reason="the static preview is for the book (ipywidgets 8)")
def test_the_static_preview_does_not_carry_the_watch(work: Path, case) -> None:
    widget = start("hedging", case=case, quiet=True).view()
    preview = widget._repr_mimebundle_()["text/html"]
    assert preview == static_preview_html(widget.exercise)
    assert "lost its connection" not in preview and "medialit-kernel" not in preview


def test_the_browser_code_is_package_data() -> None:
    """The front-end code is read from a file beside the module, which the wheel must carry."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert "widgets/*.js" in data["medialit"]
    assert (ROOT / "medialit" / "widgets" / "kernel_watch.js").read_text(encoding="utf-8") == KernelWatch._esm
