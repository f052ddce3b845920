"""The tagging widget in JupyterLab 4 and Notebook 7, driven in Debian's Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.voila_server import jupyter_server

pytestmark = pytest.mark.browser

TIMEOUT_MS = 120_000


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
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_text("Run All Cells", exact=True).click()
            page.locator(".medialit-progress").wait_for(state="attached", timeout=TIMEOUT_MS)
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
