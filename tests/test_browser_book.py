"""The built book in a real browser: it renders, passes axe-core, shows one search box, has a favicon."""

from __future__ import annotations

import re
from pathlib import Path

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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", [*toc_files(), "genindex", "search"])
def test_page_has_no_serious_accessibility_violation(
    browser, book_server: str, name: str, scheme: str
) -> None:
    page = browser.new_page(color_scheme=scheme)
    page.goto(f"{book_server}/{name}.html")
    page.wait_for_load_state("load")
    page.wait_for_selector(f"html[data-theme='{scheme}']", state="attached")  # the theme's script ran
    violations = blocking_violations(page)
    page.close()
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_page_shows_one_search_control(browser, book_server: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{book_server}/book/intro.html")
    page.wait_for_load_state("load")
    visible = page.locator(".search-button__button:visible")
    assert visible.count() == 1, [visible.nth(i).evaluate("e => e.outerHTML") for i in range(visible.count())]
    page.close()


def test_the_colour_mode_switch_is_named_for_the_mode_it_shows(browser, book_server: str) -> None:
    from playwright.sync_api import expect

    names = {"auto": "Color mode: System Settings", "light": "Color mode: Light", "dark": "Color mode: Dark"}
    page = browser.new_page()
    page.goto(f"{book_server}/book/intro.html")
    html, switch = page.locator("html"), page.locator(".theme-switch-button")
    expect(html).to_have_attribute("data-mode", re.compile("^(auto|light|dark)$"))  # the theme's script ran
    seen = []
    for _ in names:
        mode = html.get_attribute("data-mode")
        expect(switch).to_have_accessible_name(names[mode])
        seen.append(mode)
        switch.click()
        expect(html).not_to_have_attribute("data-mode", mode)
    page.close()
    assert sorted(seen) == sorted(names)


def test_every_page_links_to_the_favicon(browser, built_book: Path, book_server: str) -> None:
    pages = [built_book / f"{name}.html" for name in [*toc_files(), "genindex", "search"]]
    for path in pages:
        links = re.findall(r'<link rel="icon" href="([^"]+)"', path.read_text(encoding="utf-8"))
        assert links, f"{path.relative_to(built_book)} links to no favicon"
        assert (path.parent / links[0]).resolve() == (built_book / "_static" / "favicon.svg").resolve()
    page = browser.new_page()
    page.goto(f"{book_server}/book/intro.html")
    href = page.locator("link[rel='icon']").evaluate("link => link.href")
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"] == "image/svg+xml"
    assert "<svg" in response.text()
    page.close()
