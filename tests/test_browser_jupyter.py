"""The tagging widget in JupyterLab 4 and Notebook 7, driven in Debian's Chromium.

Every wait is on state, never on wording or time: the server runs with ``--expose-app-in-browser``
(see ``tests/voila_server.py``), so the test reads the notebook's kernel from the front end
itself (``window.jupyterapp``) and runs the cells only once that kernel is connected and idle,
through the same command as Run > Run All Cells; then it waits on the widget's data attributes
and on the tag file. The server serves a copy of the notebooks, so JupyterLab's autosave never
writes outputs into the repository's.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.voila_server import VoilaServer, jupyter_server

pytestmark = pytest.mark.browser

TIMEOUT_MS = 120_000  # a cold start on a loaded machine: the page, the kernel, the notebook's cells
ACTION_TIMEOUT_MS = 30_000

# The open notebook's kernel connection, as the front end sees it.
KERNEL = "window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel"


@pytest.fixture
def notebooks(tmp_path: Path) -> Path:
    """A copy of the learner notebooks for the server to open (and autosave)."""
    skip = shutil.ignore_patterns("my-work")
    return Path(shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks", ignore=skip))


@contextlib.contextmanager
def hedging_notebook(
    browser: Any, notebooks: Path, work: Path, app: str
) -> Iterator[tuple[Any, VoilaServer]]:
    """The hedging notebook open in ``app``, its cells run once its kernel is ready, the widget live."""
    with jupyter_server(app, notebooks, work_dir=work) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.set_default_timeout(ACTION_TIMEOUT_MS)
            page.goto(server.notebook_url("02_hedging.ipynb"), timeout=TIMEOUT_MS)
            page.wait_for_function(
                f"() => {{ const kernel = {KERNEL}; "
                "return kernel?.connectionStatus === 'connected' && kernel.status === 'idle'; }",
                timeout=TIMEOUT_MS,
            )
            page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
            page.locator('.medialit-kernel-watch[data-medialit-kernel="live"]').wait_for(
                state="attached", timeout=TIMEOUT_MS
            )
            yield page, server
        finally:
            page.close()


def tick_the_first_passage(page: Any, work: Path) -> dict[str, Any]:
    """Tick Hedging on the first passage; return the tag file once the kernel has saved it."""
    hedging = page.get_by_role("checkbox", name="Hedging", exact=True)
    hedging.scroll_into_view_if_needed()
    hedging.check()
    page.locator('.medialit-progress[data-reviewed="1"]').wait_for(state="attached")
    saved = json.loads((work / "hedging-tags.json").read_text(encoding="utf-8"))
    assert saved["tags"]["p034"] == ["hedging"]
    return saved


@pytest.mark.parametrize("app", ["lab", "notebook"])
def test_widget_tags_and_autosaves_in_the_jupyter_front_ends(
    browser, notebooks: Path, tmp_path: Path, app: str
) -> None:
    work = tmp_path / "work"
    from playwright.sync_api import expect

    with hedging_notebook(browser, notebooks, work, app) as (page, _):
        tick_the_first_passage(page, work)
        page.get_by_role("button", name="Next", exact=True).click()
        page.locator('.medialit-place[data-position="2"]').wait_for(state="attached")
        # The restore control is named by its words alone, as in Voila (no upload count).
        expect(page.get_by_label("Restore from file", exact=True)).to_have_accessible_name(
            "Restore from file"
        )


RESTART_SECONDS = 120  # a kernel restarting on a loaded machine
PRESS_WAIT_MS = 5_000  # how long one press waits for the widget to say its kernel is gone
LOST = '.medialit-kernel-watch[data-medialit-kernel="lost"]'
POLL_SECONDS = 0.2  # how often the kernel's state is asked for


def restart_from_the_front_end(page: Any, server: VoilaServer) -> None:
    """What Kernel > Restart Kernel… does once its dialog is confirmed."""
    page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.restartKernel()")


def restart_through_the_rest_api(page: Any, server: VoilaServer) -> None:
    """``POST /api/kernels/<id>/restart``, as another tab or a script would, then press Next.

    The page is not told of such a restart: the first press the new kernel answers shows it. The
    kernel's answers travel on a channel the server opens again after the restart, and the first
    messages on a freshly opened channel can be lost, so the learner's press is repeated, each
    time waiting on the widget's state, until the new kernel's answer arrives. (``force``: a press
    may come after the widget has already seen it, when Next is disabled.)
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    kernel_id = page.evaluate(f"() => {KERNEL}.id")
    server.api("POST", f"/api/kernels/{kernel_id}/restart")
    deadline = time.monotonic() + RESTART_SECONDS
    while server.api("GET", f"/api/kernels/{kernel_id}").get("execution_state") != "idle":
        assert time.monotonic() < deadline, "the kernel did not come back after its restart"
        time.sleep(POLL_SECONDS)
    lost = page.locator(LOST)
    while True:
        page.get_by_role("button", name="Next", exact=True).click(force=True)
        try:
            lost.wait_for(state="attached", timeout=PRESS_WAIT_MS)
            return
        except PlaywrightTimeout:
            assert time.monotonic() < deadline, "no press reached the restarted kernel"


@pytest.mark.parametrize(
    ("app", "restart"),
    [
        ("lab", restart_from_the_front_end),
        ("lab", restart_through_the_rest_api),
        ("notebook", restart_from_the_front_end),
    ],
    ids=["lab-front-end", "lab-rest-api", "notebook-front-end"],
)
def test_a_widget_whose_kernel_restarted_says_so_and_takes_no_more_clicks(
    browser, notebooks: Path, tmp_path: Path, app: str, restart: Any
) -> None:
    work = tmp_path / "work"
    with hedging_notebook(browser, notebooks, work, app) as (page, server):
        saved = tick_the_first_passage(page, work)
        watch = page.locator(".medialit-kernel-watch")
        note = watch.locator('[role="alert"]')
        assert note.text_content() == ""  # nothing to say while the kernel is there

        restart(page, server)

        page.locator(LOST).wait_for(state="attached")
        assert page.get_by_role("checkbox", name="Hedging", exact=True).is_disabled()
        controls = page.locator(".medialit-tagging").locator("input, button, select, textarea")
        assert controls.count() > 10
        assert all(controls.nth(i).is_disabled() for i in range(controls.count()))
        assert note.is_visible()
        assert "hedging-tags.json" in (note.text_content() or "")  # it names the file the work is in
        assert json.loads((work / "hedging-tags.json").read_text(encoding="utf-8")) == saved
