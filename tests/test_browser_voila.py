"""The learner notebooks in a real browser: served by Voila, driven in Chromium, checked by axe-core.

One Voila server serves ``notebooks/`` for the whole module (``tests/voila_server.py``); every
page load executes its notebook on a new kernel, which autosaves into the server's temporary
``MEDIALIT_WORK_DIR``, so the tests can read the tag file a learner's ticks produce. The test forms'
notebooks are driven too: how sure the learner is, chosen by keyboard and saved; the Brier score; and the
post-test's change per skill against the same learner's pretest in that folder.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from medialit import load_case
from medialit.authoring.sample import sample_class
from medialit.common.numbers import number_text
from medialit.rendering.form_check import form_check
from medialit.tagfile.earlier import earlier_work
from medialit.tagfile.reading import parse_tags
from medialit.tagfile.workspace import tag_file_name
from medialit.widgets.exercise import start
from tests.accessibility import blocking_violations
from tests.conftest import ROOT
from tests.voila_server import VoilaServer, voila_server

pytestmark = pytest.mark.browser

RENDER_TIMEOUT_MS = 120_000  # Voila executes the whole notebook before the widget appears
ACTION_TIMEOUT_MS = 30_000
CHECK_TIMEOUT_MS = 60_000  # scoring, the plot and the feedback for up to 153 passages
#: What Voila shows for a cell's traceback (and anything else written to stderr).
STDERR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
POLL_SECONDS = 0.1  # how often a wait on a file's contents looks again

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
    ("07_official_statements.ipynb", "official", "official", "attribution", "Attribution"),
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
    """Render ``notebook`` and return its first category checkbox once the widget is live.

    Voila stops at a failing cell and shows its traceback in place of the rest of the notebook,
    so the wait ends on the widget or on a stderr output, whichever comes first, and any stderr
    output fails the test at once, with its text.
    """
    page.goto(voila.render_url(notebook), timeout=RENDER_TIMEOUT_MS)
    page.locator(f".medialit-progress, {STDERR_OUTPUT}").first.wait_for(
        state="visible", timeout=RENDER_TIMEOUT_MS
    )
    errors = page.locator(STDERR_OUTPUT).all_inner_texts()
    assert not errors, f"{notebook} wrote to stderr:\n" + "\n".join(errors)
    progress(page).wait_for(state="visible", timeout=ACTION_TIMEOUT_MS)
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
    check = page.locator('.medialit-check[data-reviewed="1"]')
    expect(check).to_have_count(1, timeout=CHECK_TIMEOUT_MS)  # the state: scored with 1 reviewed
    scores = check.get_by_role("table", name="Scores per category")
    expect(scores.get_by_role("rowheader", name=label, exact=True)).to_be_visible()
    assert f"You reviewed 1 of {len(ids)} passages." in check.inner_text()  # read once, not waited on
    groups = check.locator("details[data-status]").evaluate_all(
        "all => all.map(d => [d.getAttribute('data-status'), d.open])"
    )
    assert groups[-1] == ["unreviewed", False]  # checked part-way: the key for the rest stays closed
    assert all(is_open for _, is_open in groups[:-1])

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
    expect(box).to_be_focused()  # Next moved the focus to the first category: Space ticks it
    width = box.evaluate("element => parseFloat(getComputedStyle(element).outlineWidth)")
    assert width >= 2, f"the focus ring is {width} px wide"

    # Back with Previous and Enter: passage 1 is still ticked, the focus is on it; Space unticks it.
    page.get_by_role("button", name="Previous", exact=True).focus()
    page.keyboard.press("Enter")
    expect(position(page, 1)).to_have_attribute("data-passage-id", ids[0])
    expect(box).to_be_checked()
    expect(box).to_be_focused()
    page.keyboard.press("Space")
    expect(box).not_to_be_checked()
    expect(progress(page)).to_have_attribute("data-reviewed", "0")
    assert ids[0] not in saved_tags(path)["tags"]


def wait_for_saved(
    path: Path, holds: Callable[[dict[str, Any]], bool], timeout: float = 30.0
) -> dict[str, Any]:
    """The tag file once ``holds(contents)`` is true, looked at every POLL_SECONDS until ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if data and holds(data):
            return data
        assert time.monotonic() < deadline, f"{path.name} never held what was expected; last seen: {data}"
        time.sleep(POLL_SECONDS)


def test_two_tabs_of_one_exercise_never_lose_a_tag(page: Any, browser: Any, voila: VoilaServer) -> None:
    """Two tabs (two kernels) on one tag file, no learner name: every tick of both ends up in the file."""
    from playwright.sync_api import expect

    ids = passage_ids("default", "hedging", "hedging")
    path = fresh_tag_file(voila, "hedging")
    other = browser.new_page(viewport={"width": 1280, "height": 900})
    other.set_default_timeout(ACTION_TIMEOUT_MS)
    try:
        box_a = open_notebook(page, voila, "02_hedging.ipynb", "Hedging")
        box_b = open_notebook(other, voila, "02_hedging.ipynb", "Hedging")
        expect(position(other, 1)).to_have_attribute("data-passage-id", ids[0], timeout=ACTION_TIMEOUT_MS)

        box_a.check()  # A: the first passage
        expect(progress(page)).to_have_attribute("data-reviewed", "1", timeout=ACTION_TIMEOUT_MS)
        other.get_by_role("button", name="Next", exact=True).click()
        expect(position(other, 2)).to_have_attribute("data-passage-id", ids[1], timeout=ACTION_TIMEOUT_MS)
        box_b.check()  # B: the second passage; its save merges A's first
        expect(progress(other)).to_have_attribute("data-reviewed", "2", timeout=ACTION_TIMEOUT_MS)
        for number in (2, 3):
            page.get_by_role("button", name="Next", exact=True).click()
            expect(position(page, number)).to_have_attribute(
                "data-passage-id", ids[number - 1], timeout=ACTION_TIMEOUT_MS
            )
        box_a.check()  # A: the third passage; its save merges B's second

        saved = wait_for_saved(path, lambda data: set(ids[:3]) <= set(data["tags"]), ACTION_TIMEOUT_MS / 1000)
        assert saved["tags"] == {pid: ["hedging"] for pid in ids[:3]}
        # A shows B's passage as reviewed: its save took B's work on.
        expect(progress(page)).to_have_attribute("data-reviewed", "3", timeout=ACTION_TIMEOUT_MS)
        page.get_by_role("button", name="Previous", exact=True).click()
        expect(position(page, 2)).to_have_attribute("data-passage-id", ids[1], timeout=ACTION_TIMEOUT_MS)
        expect(box_a).to_be_checked(timeout=ACTION_TIMEOUT_MS)
    finally:
        other.close()


PHONE = {"width": 390, "height": 844}


def test_phone_width_and_the_download_control(browser: Any, voila: VoilaServer) -> None:
    """At 390 px the buttons keep their words and 24 px targets; the download link is a visible button."""
    from playwright.sync_api import expect

    page = browser.new_page(viewport=PHONE)
    page.set_default_timeout(ACTION_TIMEOUT_MS)
    try:
        fresh_tag_file(voila, "hedging")
        box = open_notebook(page, voila, "02_hedging.ipynb", "Hedging")
        for name in ("Previous", "Next", "Check my answers", "Download my tags"):
            button = page.get_by_role("button", name=name, exact=True)
            size = button.evaluate(
                "e => ({right: e.getBoundingClientRect().right, height: e.getBoundingClientRect().height,"
                " cut: e.scrollWidth > e.clientWidth})"
            )
            assert not size["cut"], f"{name} is cut short at phone width"
            assert size["height"] >= 24 and size["right"] <= PHONE["width"], (name, size)
        assert box.evaluate("e => e.getBoundingClientRect().height") >= 20  # with its label: 24+
        row = box.evaluate("e => e.closest('.widget-checkbox').getBoundingClientRect().height")
        assert row >= 24

        page.get_by_role("button", name="Download my tags", exact=True).click()
        link = page.locator("a.medialit-download")
        expect(link).to_be_visible()
        look = link.evaluate(
            "e => ({background: getComputedStyle(e).backgroundColor, colour: getComputedStyle(e).color,"
            " height: e.getBoundingClientRect().height})"
        )
        assert look["background"] == "rgb(0, 114, 178)" and look["colour"] == "rgb(255, 255, 255)", look
        assert look["height"] >= 24, look
        violations = blocking_violations(page)
        assert not violations, "\n".join(violations)
    finally:
        page.close()


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


def keyboard_file_chooser(page: Any, control: Any, attempts: int = 3) -> Any:
    """The file chooser that Enter on the focused ``control`` opens.

    A widget view the kernel re-renders while the test runs (its first messages can arrive late
    on a loaded machine) takes the focus with it; so the control is focused again and Enter
    pressed again, up to ``attempts`` times, each waiting on the chooser event itself.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    def press(timeout_ms: float) -> Any:
        control.focus()
        with page.expect_file_chooser(timeout=timeout_ms) as chooser:
            page.keyboard.press("Enter")
        return chooser.value

    for _ in range(attempts - 1):
        try:
            return press(ACTION_TIMEOUT_MS / attempts)
        except PlaywrightTimeout:
            continue  # the focus was lost to a re-render: focus and press again
    return press(ACTION_TIMEOUT_MS / attempts)


def test_restore_from_file_is_one_labelled_keyboard_control_and_takes_the_same_file_twice(
    page: Any, voila: VoilaServer, tmp_path: Path
) -> None:
    """The picker's name is its words alone (no upload count); Tab and Enter reach the file chooser."""
    from playwright.sync_api import expect

    ids = passage_ids("default", "hedging", "hedging")
    path = fresh_tag_file(voila, "hedging")
    box = open_notebook(page, voila, "02_hedging.ipynb", "Hedging")
    kept = tmp_path / "mine.json"
    tags = {ids[1]: ["hedging"], ids[2]: []}
    about = {
        "format": "medialit-tags/1",
        "case": case_of("default").case_id,
        "saved_at": "2024-05-01T09:30:00Z",
    }
    kept.write_text(json.dumps({**about, "tags": tags}), encoding="utf-8")

    control = page.get_by_label("Restore from file", exact=True)
    expect(control).to_have_count(1)
    expect(control).to_have_accessible_name("Restore from file")
    picker = page.locator(".medialit-file-picker")
    expect(picker).to_have_text("Restore from file")
    assert picker.evaluate("e => e.getBoundingClientRect().height") >= 24

    page.get_by_role("button", name="Download my tags", exact=True).focus()
    page.keyboard.press("Tab")
    expect(control).to_be_focused()
    ring = picker.evaluate(
        "e => [getComputedStyle(e).outlineStyle, parseFloat(getComputedStyle(e).outlineWidth)]"
    )
    assert ring[0] != "none" and ring[1] >= 2, ring
    chooser = keyboard_file_chooser(page, control)
    chooser.set_files(str(kept))
    expect(page.locator("[data-medialit-files]")).to_have_attribute("data-medialit-files", "1")
    expect(progress(page)).to_have_attribute("data-reviewed", "2")
    assert saved_tags(path)["tags"] == tags

    box.check()  # work on after the restore, then restore the same file again
    expect(progress(page)).to_have_attribute("data-reviewed", "3")
    control.set_input_files(str(kept))
    expect(progress(page)).to_have_attribute("data-reviewed", "2")
    assert saved_tags(path)["tags"] == tags
    expect(control).to_have_accessible_name("Restore from file")  # still no count


def test_the_class_notebook_adds_class_files_with_one_labelled_control(page: Any, voila: VoilaServer) -> None:
    """ "Add class files" is named by its words alone, takes several files and shows their report."""
    from playwright.sync_api import expect

    folder = voila.work_dir / "class-upload"
    folder.mkdir(exist_ok=True)
    files = sample_class(folder, n=3, seed=0, exercise="hedging", case=case_of("default"))
    page.goto(voila.render_url("90_instructor.ipynb"), timeout=RENDER_TIMEOUT_MS)
    control = page.get_by_label("Add class files", exact=True)
    control.wait_for(state="attached", timeout=RENDER_TIMEOUT_MS)
    expect(control).to_have_accessible_name("Add class files")
    control.set_input_files([str(path) for path in files])
    expect(page.locator("[data-medialit-files]")).to_have_attribute("data-medialit-files", "1")
    report = page.locator(".widget-html:has(.hardest)")  # the report, in the class box's output
    expect(report).to_have_count(1, timeout=CHECK_TIMEOUT_MS)
    assert "3 learner(s) scored on hedging" in report.inner_text()  # read once, not waited on


# The test forms' notebooks (the transfer case's pretest and post-test, which ask how sure the learner is;
# tests/test_book_pages.py checks that they start those forms).
PRETEST_NOTEBOOK, POSTTEST_NOTEBOOK = "00b_pretest.ipynb", "05c_posttest.ipynb"
FORMS_CASE = "transfer"
FORM_LEARNER = "Form Tester"


def form_check_of(page: Any) -> Any:
    """The test form's part of the check (``data-brier``: the Brier score as the package writes it)."""
    return page.locator('.medialit-check[data-reviewed="1"] .medialit-form-check[data-brier]')


def test_pretest_confidence_by_keyboard_is_saved_and_the_check_shows_the_brier_score(
    page: Any, voila: VoilaServer
) -> None:
    from playwright.sync_api import expect

    forms = case_of(FORMS_CASE)
    spec = forms.exercise("pretest")
    ids = spec.passage_ids
    path = fresh_tag_file(voila, "pretest")
    box = open_notebook(page, voila, PRETEST_NOTEBOOK, "Attribution")
    expect(position(page, 1)).to_have_attribute("data-passage-id", ids[0])
    expect(progress(page)).to_have_attribute("data-total", str(len(ids)))

    box.focus()
    page.keyboard.press("Space")
    expect(progress(page)).to_have_attribute("data-reviewed", "1", timeout=ACTION_TIMEOUT_MS)
    fairly_sure = page.get_by_role("radio", name="Fairly sure", exact=True)
    expect(fairly_sure).not_to_be_checked()
    fairly_sure.focus()
    page.keyboard.press("Space")  # chosen from the keyboard
    expect(fairly_sure).to_be_checked(timeout=ACTION_TIMEOUT_MS)
    saved = wait_for_saved(
        path, lambda data: data.get("confidence", {}).get(ids[0]) == "fairly_sure", ACTION_TIMEOUT_MS / 1000
    )
    assert saved["confidence"] == {ids[0]: "fairly_sure"} and saved["tags"] == {ids[0]: ["attribution"]}

    page.get_by_role("button", name="Check my answers", exact=True).click()
    form = form_check_of(page)
    expect(form).to_have_count(1, timeout=CHECK_TIMEOUT_MS)
    expect(form.locator(".medialit-brier")).to_be_visible()
    want = form_check(parse_tags(saved, forms, path.name), forms, spec).brier
    assert form.get_attribute("data-brier") == number_text(want)  # the package's score for the saved work
    assert page.locator(".medialit-change").count() == 0  # the pretest is not compared with anything
    violations = blocking_violations(page)
    assert not violations, "\n".join(violations)


def test_posttest_check_shows_the_change_per_skill_since_the_same_learners_pretest(
    page: Any, voila: VoilaServer
) -> None:
    """A pretest saved under the learner's name in the work folder; the post-test, under the same name."""
    from playwright.sync_api import expect

    forms = case_of(FORMS_CASE)
    pre_spec, post_spec = forms.exercise("pretest"), forms.exercise("posttest")
    fresh_tag_file(voila, "posttest")
    for exercise_id in ("pretest", "posttest"):
        for old in voila.work_dir.glob(f"{tag_file_name(exercise_id, FORM_LEARNER)}*"):
            old.unlink()
    pretest = start("pretest", learner=FORM_LEARNER, case=forms, folder=voila.work_dir, quiet=True)
    for pid in pre_spec.passage_ids[:4]:
        pretest.tag(pid, pre_spec.categories[0])
        pretest.set_confidence(pid, "sure")
    assert pretest.path.is_file()

    ids = post_spec.passage_ids
    box = open_notebook(page, voila, POSTTEST_NOTEBOOK, "Attribution")
    page.get_by_label("Your name or code (optional)", exact=True).fill(FORM_LEARNER)
    page.keyboard.press("Enter")
    path = voila.work_dir / tag_file_name("posttest", FORM_LEARNER)  # the name moved the work there
    box.focus()
    page.keyboard.press("Space")
    saved = wait_for_saved(
        path, lambda data: data["tags"].get(ids[0]) == ["attribution"], ACTION_TIMEOUT_MS / 1000
    )
    assert saved["learner"] == FORM_LEARNER

    page.get_by_role("button", name="Check my answers", exact=True).click()
    form = form_check_of(page)
    expect(form).to_have_count(1, timeout=CHECK_TIMEOUT_MS)
    change = form.get_by_role("table", name="Your change per skill")
    expect(change).to_be_visible()
    earlier = earlier_work(voila.work_dir, "pretest", FORM_LEARNER, forms)
    want = form_check(parse_tags(saved, forms, path.name), forms, post_spec, (pre_spec, earlier)).change()
    assert want is not None
    rows = change.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.children, cell => cell.textContent.trim()))"
    )
    assert rows == [
        [row.label, *(number_text(value) for value in (row.pretest, row.posttest, row.change))]
        for row in want.itertuples()
    ]
    violations = blocking_violations(page)
    assert not violations, "\n".join(violations)
