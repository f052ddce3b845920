"""The learner notebooks in a real browser: served by Voila, driven in Chromium, checked by axe-core.

One Voila server serves ``notebooks/`` for the whole module (``tests/voila_server.py``); every
page load executes its notebook on a new kernel, which autosaves into the server's temporary
``MEDIALIT_WORK_DIR``, so the tests can read the tag file a learner's ticks produce.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from medialit import load_case
from medialit.tagfile.workspace import tag_file_name
from tests.accessibility import blocking_violations
from tests.conftest import ROOT
from tests.voila_server import VoilaServer, voila_server

pytestmark = pytest.mark.browser

RENDER_TIMEOUT_MS = 120_000  # Voila executes the whole notebook before the widget appears
ACTION_TIMEOUT_MS = 30_000
CHECK_TIMEOUT_MS = 60_000  # scoring, the plot and the feedback for up to 153 passages

# notebook, case, exercise id, the exercise's first category (its id and accessible name)
NOTEBOOKS = [
    ("01_attribution.ipynb", "default", "attribution", "attribution", "Attribution"),
    ("02_hedging.ipynb", "default", "hedging", "hedging", "Hedging"),
    (
        "03_selective_citation.ipynb",
        "default",
        "selective_citation",
        "selective_citation",
        "Selective citation",
    ),
    ("04_framing.ipynb", "default", "framing", "framing", "Framing"),
    ("05_capstone.ipynb", "default", "capstone", "attribution", "Attribution"),
    ("06_other_side.ipynb", "other-side", "other_side", "attribution", "Attribution"),
]


def test_the_table_covers_every_learner_notebook() -> None:
    learner = sorted(p.name for p in (ROOT / "notebooks").glob("0[1-9]_*.ipynb"))
    assert [row[0] for row in NOTEBOOKS] == learner


def case_of(case_id: str) -> Any:
    return load_case(None if case_id == "default" else case_id)


def passage_ids(case_id: str, exercise_id: str, first_category: str) -> tuple[str, ...]:
    spec = case_of(case_id).exercise(exercise_id)
    assert spec.categories[0] == first_category  # the table above still names the first one
    return spec.passage_ids


@pytest.fixture(scope="module")
def voila(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VoilaServer]:
    """One Voila server for the module, on 127.0.0.1, saving to a temporary work folder."""
    with voila_server(ROOT / "notebooks", tmp_path_factory.mktemp("voila-work")) as server:
        yield server


@pytest.fixture
def page(browser: Any, voila: VoilaServer) -> Iterator[Any]:
    """A fresh page; on failure the end of Voila's log is printed to help."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(ACTION_TIMEOUT_MS)
    yield page
    page.close()
    print(f"--- end of Voila's log ---\n{voila.log(2500)}")


def fresh_tag_file(voila: VoilaServer, exercise_id: str) -> Path:
    """The exercise's autosave file in the server's work folder, removed (with backups) first."""
    path = voila.work_dir / tag_file_name(exercise_id)
    for old in voila.work_dir.glob(f"{path.name}*"):
        old.unlink()
    return path


def saved_tags(path: Path) -> dict[str, Any]:
    """The tag file, read once the page shows the saved state (the kernel saves before it redraws)."""
    return json.loads(path.read_text(encoding="utf-8"))


def progress(page: Any) -> Any:
    """The widget's progress element; ``data-reviewed`` counts the passages reviewed."""
    return page.locator(".medialit-progress")


def open_notebook(page: Any, voila: VoilaServer, notebook: str, label: str) -> Any:
    """Render ``notebook`` and return its first category checkbox once the widget is live."""
    page.goto(voila.render_url(notebook), timeout=RENDER_TIMEOUT_MS)
    progress(page).wait_for(state="visible", timeout=RENDER_TIMEOUT_MS)
    return page.get_by_role("checkbox", name=label, exact=True)


def position(page: Any, number: int) -> Any:
    """The widget's place line while passage ``number`` (1-based) of the exercise is shown."""
    return page.locator(f'.medialit-place[data-position="{number}"]')


@pytest.mark.parametrize(
    ("notebook", "case_id", "exercise_id", "category", "label"),
    NOTEBOOKS,
    ids=[row[0].removesuffix(".ipynb") for row in NOTEBOOKS],
)
def test_tag_next_check_and_saved_file(
    page: Any, voila: VoilaServer, notebook: str, case_id: str, exercise_id: str, category: str, label: str
) -> None:
    from playwright.sync_api import expect

    ids = passage_ids(case_id, exercise_id, category)
    path = fresh_tag_file(voila, exercise_id)
    box = open_notebook(page, voila, notebook, label)
    expect(page.get_by_text("Traceback (most recent call last)")).to_have_count(0)  # no cell failed
    expect(position(page, 1)).to_have_attribute("data-passage-id", ids[0])
    expect(progress(page)).to_have_attribute("data-total", str(len(ids)))
    expect(box).not_to_be_checked()

    box.check()
    expect(progress(page)).to_have_attribute("data-reviewed", "1")
    assert saved_tags(path)["tags"][ids[0]] == [category]

    page.get_by_role("button", name="Next", exact=True).click()
    expect(position(page, 2)).to_have_attribute("data-passage-id", ids[1])
    expect(position(page, 1)).to_have_count(0)
    expect(box).not_to_be_checked()  # the next passage is not tagged yet

    page.get_by_role("button", name="Check my answers", exact=True).click()
    expect(page.locator('.medialit-check[data-reviewed="1"]')).to_have_count(1, timeout=CHECK_TIMEOUT_MS)
    scores = page.get_by_role("table", name="Scores per category")
    expect(scores).to_be_visible()
    expect(scores.get_by_role("rowheader", name=label, exact=True)).to_be_visible()
    expect(page.get_by_text(f"You reviewed 1 of {len(ids)} passages.")).to_be_visible()

    data = saved_tags(path)
    assert data["tags"][ids[0]] == [category]
    assert data["case"] == case_of(case_id).case_id

    violations = blocking_violations(page)
    assert not violations, "\n".join(violations)


def focused(locator: Any) -> bool:
    return bool(locator.evaluate("element => element === document.activeElement"))


def test_keyboard_only(page: Any, voila: VoilaServer) -> None:
    """Tick with Space, Tab to Next and press Enter; untick with Space; no mouse anywhere."""
    from playwright.sync_api import expect

    ids = passage_ids("default", "hedging", "hedging")
    path = fresh_tag_file(voila, "hedging")
    box = open_notebook(page, voila, "02_hedging.ipynb", "Hedging")
    next_button = page.get_by_role("button", name="Next", exact=True)

    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    expect(progress(page)).to_have_attribute("data-reviewed", "1")
    assert saved_tags(path)["tags"][ids[0]] == ["hedging"]

    # Tab through the controls after the checkbox (no technique, cue words, note, Previous) to
    # Next: each must let the focus move on (no keyboard trap), and Next must be reachable.
    presses = 0
    while not focused(next_button):
        assert presses < 12, "Tab never reached the Next button"
        page.keyboard.press("Tab")
        presses += 1
    assert presses >= 2  # it really went past other controls
    page.keyboard.press("Enter")
    expect(position(page, 2)).to_have_attribute("data-passage-id", ids[1])
    expect(box).not_to_be_checked()

    # Back with Shift+Tab to Previous and Enter: passage 1 is still ticked; Space unticks it.
    page.keyboard.press("Shift+Tab")
    assert focused(page.get_by_role("button", name="Previous", exact=True))
    page.keyboard.press("Enter")
    expect(position(page, 1)).to_have_attribute("data-passage-id", ids[0])
    expect(box).to_be_checked()
    box.focus()
    page.keyboard.press("Space")
    expect(box).not_to_be_checked()
    expect(progress(page)).to_have_attribute("data-reviewed", "0")
    assert ids[0] not in saved_tags(path)["tags"]


def test_a_page_whose_kernel_was_shut_down_says_so_and_takes_no_more_clicks(
    page: Any, voila: VoilaServer
) -> None:
    """The kernel goes (as when Voila culls an idle one); the learner's next press shows it, in words."""
    from playwright.sync_api import expect

    path = fresh_tag_file(voila, "hedging")
    box = open_notebook(page, voila, "02_hedging.ipynb", "Hedging")
    watch = page.locator(".medialit-kernel-watch")
    expect(watch).to_have_attribute("data-medialit-kernel", "live")
    box.check()
    expect(progress(page)).to_have_attribute("data-reviewed", "1")
    saved = saved_tags(path)

    config = page.locator("#jupyter-config-data").text_content()
    voila.api("DELETE", f"/api/kernels/{json.loads(config)['kernelId']}")
    # The connection stays open and silent; the press is what shows the widget the kernel is
    # gone (force: Next may already be disabled by then).
    page.get_by_role("button", name="Next", exact=True).click(force=True)

    expect(watch).to_have_attribute("data-medialit-kernel", "lost")
    expect(box).to_be_disabled()
    controls = page.locator(".medialit-tagging").locator("input, button, select, textarea")
    assert controls.count() > 10
    assert all(controls.nth(i).is_disabled() for i in range(controls.count()))
    note = watch.get_by_role("alert")
    expect(note).to_be_visible()
    assert path.name in (note.text_content() or "")  # it names the file the work is in
    assert saved_tags(path) == saved
