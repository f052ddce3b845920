"""The tagging widget in JupyterLab 4 and Notebook 7, driven in Debian's Chromium."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.voila_server import jupyter_server

pytestmark = pytest.mark.browser

TIMEOUT_MS = 120_000


def run_all_until(page: Any, locator: Any, timeout_ms: int) -> None:
    """Run all cells until ``locator`` is in the page, trying a second time if it is not.

    On a cold start JupyterLab can take the first Run All Cells before the kernel's session is
    connected, and then no output appears at all; the second run, on an idle kernel, works.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    for attempt in (1, 2):
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_text("Run All Cells", exact=True).click()
        try:
            locator.first.wait_for(state="attached", timeout=timeout_ms // 2)
            return
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
            page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').first.wait_for(
                state="attached", timeout=timeout_ms
            )


@pytest.mark.parametrize("app", ["lab", "notebook"])
def test_widget_tags_and_autosaves_in_the_jupyter_front_ends(browser, tmp_path: Path, app: str) -> None:
    work = tmp_path / "work"
    with jupyter_server(app, ROOT / "notebooks", work_dir=work) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(server.notebook_url("02_hedging.ipynb"), timeout=TIMEOUT_MS)
            page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=TIMEOUT_MS)
            idle = page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]')
            idle.first.wait_for(state="attached", timeout=TIMEOUT_MS)
            run_all_until(page, page.locator(".medialit-progress"), TIMEOUT_MS)
            hedging = page.get_by_role("checkbox", name="Hedging", exact=True)
            hedging.wait_for(timeout=TIMEOUT_MS)
            hedging.scroll_into_view_if_needed()
            hedging.check()
            page.get_by_role("button", name="Next", exact=True).click()
            page.locator('.medialit-place[data-position="2"]').wait_for(state="attached", timeout=10_000)
            page.locator('.medialit-progress[data-reviewed="1"]').wait_for(state="attached", timeout=10_000)
            saved = json.loads((work / "hedging-tags.json").read_text(encoding="utf-8"))
            assert saved["tags"]["p034"] == ["hedging"]
        finally:
            page.close()
