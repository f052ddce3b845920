"""The class report page that ``python -m medialit report`` writes, in a real browser.

It passes axe-core, fits a phone's width without the page scrolling sideways (a wide table
scrolls in its own labelled region instead), and that region takes keyboard focus and scrolls
with the arrow keys.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from medialit.authoring.sample import sample_class
from tests.accessibility import blocking_violations

pytestmark = [pytest.mark.browser]

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory, case) -> str:
    """The ``file://`` address of a report on twelve sample learners and one broken file."""
    folder = tmp_path_factory.mktemp("class")
    sample_class(folder, n=12, seed=0, exercise="capstone", case=case)
    (folder / "broken.json").write_text('{"format": ', encoding="utf-8")
    out = tmp_path_factory.mktemp("report")
    result = subprocess.run(
        [sys.executable, "-m", "medialit", "report", str(folder), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr  # the broken file is named, and the exit says so
    assert "broken.json" in result.stderr and "Traceback" not in result.stderr
    return (Path(out) / "index.html").as_uri()


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
def test_the_report_page_has_no_serious_accessibility_violation(
    browser, report_page: str, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(report_page)
    page.wait_for_load_state("load")
    violations = blocking_violations(page)
    page.close()
    assert not violations, "\n".join(violations)


def test_at_phone_width_only_the_wide_tables_scroll_and_the_keyboard_reaches_them(
    browser, report_page: str
) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(report_page)
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    region = page.locator("[role=region].table-scroll").first
    assert region.get_attribute("aria-label")
    assert region.evaluate("element => element.scrollWidth > element.clientWidth")  # it does scroll
    for _ in range(50):  # Tab through the page's links and regions until the first table's region
        page.keyboard.press("Tab")
        if region.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the table's scrolling region")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.activeElement.scrollLeft > 0")
    page.close()
