"""The book builds cleanly and has every page of its table of contents."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.book


def toc_files() -> list[str]:
    """Every file named in ``_toc.yml``, in order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        for chapter in part["chapters"]:
            files.append(chapter["file"])
            files += [section["file"] for section in chapter.get("sections", [])]
    return files


def test_every_toc_page_is_built(built_book: Path) -> None:
    missing = [name for name in toc_files() if not (built_book / f"{name}.html").is_file()]
    assert not missing, f"pages missing from _build/html: {missing}"


def test_front_page_exists(built_book: Path) -> None:
    index = (built_book / "index.html").read_text(encoding="utf-8")
    assert "book/intro.html" in index


def test_notebook_outputs_are_rendered(built_book: Path) -> None:
    page = (built_book / "notebooks" / "00_start_here.html").read_text(encoding="utf-8")
    assert "cell_output" in page, "the start notebook was not executed at build time"
    assert "Traceback" not in page


def test_launch_buttons_point_at_the_notebooks(built_book: Path) -> None:
    page = (built_book / "notebooks" / "00_start_here.html").read_text(encoding="utf-8")
    assert "mybinder.org" in page
    assert "colab.research.google.com" in page
