"""The in-page exercise in Debian's Chromium, opened from ``file://`` with every other request refused.

Tick by keyboard, reload (the work is kept), check (the key is hidden before), download (the package
reads the file and scores it to the numbers the page showed), restore into a fresh browser profile,
refuse a file of another exercise until the learner presses "Load it anyway", move the focus to the
first category after Next and Previous, keep a note longer
than the format allows up to its limit and say so, fit a 390 px screen, and pass axe-core.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from medialit.case.labels import category_labels
from medialit.case.loading import load_case
from medialit.cli import main
from medialit.common.numbers import number_text
from medialit.rendering.check import SCORE_COLUMNS
from medialit.rendering.check_words import kappa_words
from medialit.scoring.learner import score
from medialit.tagfile.model import NOTE_MAX
from medialit.tagfile.names import download_file_name
from medialit.tagfile.reading import load_tags
from medialit.widgets.exercise import start
from tests.accessibility import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.book]

READY = ".medialit-inpage[data-ready='true']"
#: The restore control's file list, emptied once the chosen file has been read (used or refused).
RESTORE_DONE = "document.querySelector('.medialit-inpage input[type=file]').files.length === 0"


def _offline_page(context: Any) -> tuple[Any, list[str]]:
    """A page that may load ``file://`` only; every other request is refused and recorded."""
    refused: list[str] = []

    def route(request_route: Any) -> None:
        if request_route.request.url.startswith(("file://", "data:", "blob:")):
            request_route.continue_()
        else:
            refused.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    return context.new_page(), refused


def _open(page: Any, built_book: Path, name: str = "05_capstone") -> None:
    page.goto((built_book / "notebooks" / f"{name}.html").as_uri())
    page.wait_for_selector(READY)


def _press(page: Any, locator: Any, key: str) -> None:
    locator.focus()
    page.keyboard.press(key)


def test_capstone_works_offline_from_disk(
    browser: Any, built_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    context = browser.new_context(accept_downloads=True)
    page, _refused = _offline_page(context)
    _open(page, built_book)
    app = page.locator(READY)
    assert app.locator("mark").count() == 0, "the key is on screen before checking"
    assert app.locator(".medialit-inpage-result").inner_text() == ""
    assert "Binder, Colab or a local install" in app.inner_text()

    name = app.get_by_label("Your name or code (optional)")
    name.focus()
    page.keyboard.type("Ada Lovelace")
    page.keyboard.press("Tab")  # commits the name
    attribution = app.get_by_label("Attribution", exact=True)
    _press(page, app.get_by_role("button", name="Next"), "Tab")  # from Next, Tab reaches the first box
    assert page.evaluate("document.activeElement.id") == attribution.get_attribute("id")
    width = page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)")
    assert width >= 2
    page.keyboard.press("Space")
    assert attribution.is_checked()
    _press(page, app.get_by_role("button", name="Next"), "Enter")
    # Next moved the focus to the next passage's first category.
    assert page.evaluate("document.activeElement.id") == attribution.get_attribute("id")
    _press(page, app.get_by_label("Reviewed: no technique"), "Space")
    progress = app.get_by_role("progressbar")
    assert progress.get_attribute("aria-valuenow") == "2"

    page.reload()
    page.wait_for_selector(READY)
    assert page.get_by_role("progressbar").get_attribute("aria-valuenow") == "2"
    app = page.locator(READY)
    _press(page, app.get_by_role("button", name="Check my answers"), "Enter")
    result = app.locator(".medialit-inpage-result")
    assert "Your scores" in result.inner_text()
    assert app.locator("mark.cue").count() > 0  # the key's cues, now shown (none were before)
    unreviewed = app.locator("details[data-status='unreviewed']")
    assert unreviewed.count() == 1 and unreviewed.get_attribute("open") is None  # the rest, closed
    shown = [
        [cell.strip() for cell in row]
        for row in page.evaluate(
            "Array.from(document.querySelectorAll('.medialit-inpage-result tbody tr'))"
            ".map(r => Array.from(r.children).map(c => c.textContent))"
        )
    ]

    with page.expect_download() as info:
        _press(page, app.get_by_role("button", name="Download my tags"), "Enter")
    download = info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    case = load_case()
    tagset = load_tags(saved, case)
    assert saved.name == download_file_name("capstone", "Ada Lovelace", tagset.saved_at)
    assert saved.name.startswith("capstone-ada-lovelace-")
    assert not tagset.problems and tagset.learner == "Ada Lovelace" and tagset.exercise == "capstone"
    result_py = score(tagset, case, "capstone")
    labels = category_labels(case, result_py.categories.index)
    expected = [
        [
            labels[c],
            number_text(row["kappa"]),
            kappa_words(row["kappa"]),
            *(
                number_text(v)
                for v in (
                    result_py.baseline.at[c, "kappa"],
                    row["precision"],
                    row["recall"],
                    row["f1"],
                    result_py.baseline.at[c, "f1"],
                )
            ),
        ]
        for c, row in result_py.categories.iterrows()
    ]
    assert shown == expected
    notebook = start("capstone", folder=tmp_path / "notebook", quiet=True)
    assert notebook.restore(saved.read_bytes(), saved.name).startswith("Restored")
    assert notebook.progress().reviewed == 2
    capsys.readouterr()
    assert main(["score", str(saved), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["exercise"] == "capstone"
    violations = blocking_violations(page)
    assert not violations, "\n".join(violations)
    context.close()

    fresh = browser.new_context(viewport={"width": 390, "height": 844})
    page, _refused = _offline_page(fresh)
    _open(page, built_book)
    app = page.locator(READY)
    assert app.get_by_role("progressbar").get_attribute("aria-valuenow") == "0"
    other = tmp_path / "hedging-tags.json"
    other.write_text(saved.read_text("utf-8").replace('"capstone"', '"hedging"'), encoding="utf-8")
    app.get_by_label("Restore from file").set_input_files(str(other))
    page.wait_for_selector(".medialit-inpage[data-restore='other-exercise']")
    assert "Nothing was restored" in app.locator(".medialit-inpage-status").inner_text()
    assert app.get_by_role("progressbar").get_attribute("aria-valuenow") == "0"
    load_anyway = app.get_by_role("button", name="Load it anyway")
    assert (
        load_anyway.is_visible() and "hedging exercise" in app.locator(".medialit-inpage-anyway").inner_text()
    )
    _press(page, load_anyway, "Enter")
    page.wait_for_selector(".medialit-inpage[data-restore='restored']")
    assert app.get_by_role("progressbar").get_attribute("aria-valuenow") == "2"
    assert not load_anyway.is_visible()
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector(READY)
    app = page.locator(READY)
    assert app.get_by_role("progressbar").get_attribute("aria-valuenow") == "0"
    app.get_by_label("Restore from file").set_input_files(str(saved))
    page.wait_for_function(
        "document.querySelector('.medialit-inpage [role=progressbar]').getAttribute('aria-valuenow') === '2'"
    )
    fits = "(r => r.scrollWidth <= r.clientWidth)(document.querySelector('.medialit-inpage'))"
    assert page.evaluate(fits), "the exercise overflows a 390 px screen"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    fresh.close()


@pytest.mark.parametrize(
    "name",
    [
        "01_attribution",
        "02_hedging",
        "03_selective_citation",
        "04_framing",
        "05_capstone",
        "06_other_side",
        "07_official_statements",
        "00b_pretest",
        "05c_posttest",
    ],
)
def test_every_exercise_page_is_an_exercise(browser: Any, built_book: Path, name: str) -> None:
    context = browser.new_context()
    page, _refused = _offline_page(context)
    _open(page, built_book, name)
    assert page.locator(".medialit-preview").count() == 0
    assert page.locator(READY).get_by_role("button", name="Check my answers").count() == 1
    context.close()


def test_the_book_pretest_then_post_test_show_the_learners_change(browser: Any, built_book: Path) -> None:
    """The course's own pages, as a self-paced learner meets them: the pre-test page, then the post-test's."""
    context = browser.new_context()
    page, refused = _offline_page(context)
    results = {}
    for exercise in ("pretest", "posttest"):
        page.goto((built_book / "book" / f"{exercise}.html").as_uri())
        app = page.locator(f"{READY}[data-exercise='{exercise}']")
        app.wait_for()
        _press(page, app.get_by_label("Reviewed: no technique"), "Space")
        _press(page, app.get_by_role("radio", name="Fairly sure"), "Space")
        _press(page, app.get_by_role("button", name="Check my answers"), "Enter")
        results[exercise] = app.locator(".medialit-inpage-result[data-brier]")
        results[exercise].wait_for()
        assert results[exercise].get_attribute("data-brier") not in (None, "", "undefined")
    # The post-test page found the pre-test this browser kept, on another page of the book.
    changed = page.locator(f"{READY}[data-exercise='posttest'] .medialit-inpage-result[data-change]")
    changed.wait_for()
    assert changed.get_by_role("table", name="Your change per skill").count() == 1
    assert not refused
    context.close()


def test_without_storage_the_page_says_so_and_offers_the_download(browser: Any, built_book: Path) -> None:
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', "
        "{get() { throw new DOMException('no', 'SecurityError'); }});"
    )
    page, _refused = _offline_page(context)
    _open(page, built_book, "02_hedging")
    app = page.locator(READY)
    assert "not keeping your work" in app.locator(".medialit-inpage-status").inner_text()
    _press(page, app.get_by_label("Reviewed: no technique"), "Space")
    assert page.evaluate("document.activeElement.textContent") == "Download my tags"
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    saved_at = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["saved_at"]
    assert info.value.suggested_filename == download_file_name("hedging", None, saved_at)
    context.close()


def test_two_tabs_of_one_page_merge_their_work(browser: Any, built_book: Path) -> None:
    """Tab A hears of B's saves at once; tab B misses A's (no storage events) but merges before it saves."""
    from playwright.sync_api import expect

    context = browser.new_context()
    tab_a, _refused = _offline_page(context)
    _open(tab_a, built_book, "02_hedging")
    tab_b = context.new_page()
    # B never hears of A's saves, so only its merge before each save can keep A's work.
    tab_b.add_init_script("window.addEventListener('storage', e => e.stopImmediatePropagation(), true);")
    _open(tab_b, built_book, "02_hedging")
    ids = load_case().exercise("hedging").passage_ids
    app_a, app_b = tab_a.locator(READY), tab_b.locator(READY)
    progress_a, progress_b = app_a.get_by_role("progressbar"), app_b.get_by_role("progressbar")

    _press(tab_a, app_a.get_by_label("Reviewed: no technique"), "Space")  # A: the first passage
    expect(progress_a).to_have_attribute("aria-valuenow", "1")
    expect(progress_b).to_have_attribute("aria-valuenow", "0")
    _press(tab_b, app_b.get_by_role("button", name="Next"), "Enter")
    _press(tab_b, app_b.get_by_label("Reviewed: no technique"), "Space")  # B: the second passage
    expect(progress_b).to_have_attribute("aria-valuenow", "2")  # A's first passage merged in
    expect(progress_a).to_have_attribute("aria-valuenow", "2")  # and A heard of B's save
    for _ in range(2):
        _press(tab_a, app_a.get_by_role("button", name="Next"), "Enter")
    _press(tab_a, app_a.get_by_label("Reviewed: no technique"), "Space")  # A: the third passage
    expect(progress_a).to_have_attribute("aria-valuenow", "3")
    kept = tab_a.evaluate(f"JSON.parse(localStorage.getItem('medialit:{load_case().case_id}:hedging'))")
    assert kept["tags"] == {pid: [] for pid in ids[:3]}
    assert set(kept["edited"]) == set(ids[:3])
    for _ in range(2):
        _press(tab_b, app_b.get_by_role("button", name="Next"), "Enter")
    _press(tab_b, app_b.get_by_label("Reviewed: no technique"), "Space")  # B: the fourth passage
    expect(progress_b).to_have_attribute("aria-valuenow", "4")  # A's third merged in too
    kept = tab_b.evaluate(f"JSON.parse(localStorage.getItem('medialit:{load_case().case_id}:hedging'))")
    assert kept["tags"] == {pid: [] for pid in ids[:4]}
    context.close()


def test_a_note_longer_than_the_format_allows_is_kept_up_to_the_limit_and_said(
    browser: Any, built_book: Path
) -> None:
    context = browser.new_context()
    page, _refused = _offline_page(context)
    _open(page, built_book, "02_hedging")
    app = page.locator(READY)
    long = "word " * (NOTE_MAX // 5) + "and the rest"
    note = app.get_by_label("Note", exact=True)
    note.fill(long)
    _press(page, note, "Tab")  # commits the note
    saved = (
        "(() => { const data = JSON.parse(localStorage.getItem(Object.keys(localStorage)"
        ".find(k => k.startsWith('medialit:')) || 'null')); return data && data.notes; })()"
    )
    page.wait_for_function(f"{saved} !== null && {saved} !== undefined")
    notes = page.evaluate(saved)
    assert [len(text) for text in notes.values()] == [NOTE_MAX]
    assert note.input_value() == long  # still in the box, to copy the rest
    assert f"Only the first {NOTE_MAX:,} characters" in app.locator(".medialit-inpage-status").inner_text()
    context.close()


def test_next_and_previous_move_the_focus_to_the_first_category(browser: Any, tmp_path: Path) -> None:
    """In a small book of the tests' own (no full build): Next, then Previous, each focus the first box."""
    from tests.sphinx_ext.small_book import build, make_book, write_index

    book = make_book(tmp_path, {"article": "# The article\n\n```{medialit-article}\n```\n"})
    write_index(book, "```{medialit-inpage} capstone\n```\n")
    warnings, out = build(book)
    assert warnings == ""
    context = browser.new_context()
    page, _refused = _offline_page(context)
    page.goto((out / "index.html").as_uri())
    page.wait_for_selector(READY)
    app = page.locator(READY)
    first = app.get_by_label("Attribution", exact=True).get_attribute("id")
    for button in ("Next", "Previous"):
        _press(page, app.get_by_role("button", name=button), "Enter")
        assert page.evaluate("document.activeElement.id") == first, f"after {button}"


def test_a_check_part_way_gives_feedback_on_reviewed_passages_and_keeps_the_rest_closed(
    browser: Any, built_book: Path
) -> None:
    """Two of the hedging passages done: coverage first, their groups open, the key for the others in
    one closed group at the end that the keyboard opens, and it stays open while the learner works on."""
    context = browser.new_context()
    page, _refused = _offline_page(context)
    _open(page, built_book, "02_hedging")
    app = page.locator(READY)
    case = load_case()
    first = case.exercise("hedging").passage_ids[0]
    assert (first, "hedging") not in set(zip(case.key["passage_id"], case.key["category"], strict=True))
    _press(page, app.get_by_label("Hedging", exact=True), "Space")  # first: extra (the key does not tag it)
    _press(page, app.get_by_role("button", name="Next"), "Enter")
    _press(page, app.get_by_label("Reviewed: no technique"), "Space")  # second: reviewed, nothing tagged
    _press(page, app.get_by_role("button", name="Check my answers"), "Enter")
    result = page.locator(".medialit-inpage-result[data-reviewed='2']")
    result.wait_for()
    groups = result.locator("details[data-status]")
    statuses = groups.evaluate_all("all => all.map(d => [d.getAttribute('data-status'), d.open])")
    assert statuses[-1] == ["unreviewed", False]
    assert [status for status, _ in statuses[:-1]] == [
        s for s in ("agreed", "extra", "missed", "arguable") if s in {status for status, _ in statuses}
    ]
    assert all(is_open for _, is_open in statuses[:-1]) and statuses[0][0] == "extra"
    reviewed_text = " ".join(groups.nth(i).inner_text() for i in range(len(statuses) - 1))
    later = case.exercise("hedging").passage_ids[2:]
    assert not any(f"{pid} \u00b7" in reviewed_text for pid in later)  # no unreviewed passage as a mistake
    assert result.locator(".medialit-feedback-extra .medialit-not-this").count() == 1
    before = "(a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)"
    table = result.get_by_role("table", name="Scores per category")
    headers = table.locator("thead th").all_inner_texts()
    assert headers == ["Category", *SCORE_COLUMNS.values()]
    coverage = result.locator(".medialit-coverage")
    assert page.evaluate(f"([a, b]) => ({before})(a, b)", [coverage.element_handle(), table.element_handle()])
    closed = result.locator("details[data-status='unreviewed']")
    assert not closed.locator("li").first.is_visible()
    _press(page, closed.locator("summary"), "Enter")
    page.wait_for_selector(".medialit-inpage-result details[data-status='unreviewed'][open]")
    assert closed.locator("li").first.is_visible()
    _press(page, app.get_by_role("button", name="Next"), "Enter")
    _press(page, app.get_by_label("Reviewed: no technique"), "Space")  # a change redraws the check
    page.wait_for_selector(
        ".medialit-inpage-result[data-reviewed='3'] details[data-status='unreviewed'][open]"
    )
    context.close()
