"""The built book in a real browser: it renders and passes axe-core."""

from __future__ import annotations

import pytest

from tests.accessibility import blocking_violations
from tests.test_book import toc_files

pytestmark = [pytest.mark.browser, pytest.mark.book]


def test_front_page_opens_in_chromium(browser, book_server: str) -> None:
    page = browser.new_page()
    page.goto(f"{book_server}/index.html")
    heading = page.locator("article h1").first
    heading.wait_for()
    assert heading.inner_text().startswith("Between the Lines")
    assert "Between the Lines" in page.title()
    page.close()


@pytest.mark.parametrize("name", [*toc_files(), "genindex", "search"])
def test_page_has_no_serious_accessibility_violation(browser, book_server: str, name: str) -> None:
    page = browser.new_page()
    page.goto(f"{book_server}/{name}.html")
    page.wait_for_load_state("load")
    violations = blocking_violations(page)
    page.close()
    assert not violations, "\n".join(violations)
