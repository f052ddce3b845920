"""The browser tests' axe-core: one release, pinned exactly and locked, and the one injected."""

from __future__ import annotations

import json
import re

import pytest

from tests.accessibility import PACKAGE, blocking_violations, pinned_version
from tests.conftest import ROOT

#: The book theme's search field button as pydata-sphinx-theme 0.17 writes it: labelled
#: "Search" while it shows "Search Ctrl+K", which axe-core 4.12 did not report and 4.14 does.
THEME_SEARCH_BUTTON = """
<button class="btn search-button-field" title="Search" aria-label="Search">
 <span class="search-button__default-text">Search</span>
 <span class="search-button__kbd-shortcut"><kbd>Ctrl</kbd>+<kbd>K</kbd></span>
</button>
"""


def _document(main: str) -> str:
    """A complete page around ``main``, so only what ``main`` holds can be a violation."""
    return f'<!doctype html><html lang="en"><title>Page</title><main><h1>Page</h1>{main}</main></html>'


def test_axe_core_is_pinned_exactly_and_locked_with_its_integrity() -> None:
    version = pinned_version()
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{PACKAGE} {version!r} is not an exact version"
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"][""]["devDependencies"] == {PACKAGE: version}
    locked = lock["packages"][f"node_modules/{PACKAGE}"]
    assert locked["version"] == version
    assert locked["integrity"].startswith("sha512-")


@pytest.mark.browser
def test_the_checks_run_the_pinned_axe_core(browser) -> None:
    page = browser.new_page()
    page.set_content(_document(""))
    assert blocking_violations(page) == []
    assert page.evaluate("axe.version") == pinned_version()
    page.close()


@pytest.mark.browser
def test_a_label_that_leaves_out_visible_words_is_reported(browser) -> None:
    page = browser.new_page()
    page.set_content(_document(THEME_SEARCH_BUTTON))
    violations = blocking_violations(page)
    page.close()
    assert any(line.startswith("label-content-name-mismatch (serious)") for line in violations), violations
