"""The book's lateral-reading page in Debian's Chromium, from ``file://``: commit, reveal, keep.

Nothing of what the course found is on screen before a commit; committing by keyboard reveals
it, moves the focus there and keeps the answer in localStorage (a reload shows it again); the
download is an answers file the package reads, named for the learner as the package names it;
a restore adds answers to the tasks not committed and refuses another learner's file; the page
passes axe-core.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from medialit import load_case
from medialit.tagfile.answer_store import ANSWERS_STEM
from medialit.tagfile.answers import Answer, AnswerSet, parse_answers
from medialit.tagfile.model import edit_time
from medialit.tagfile.names import ANSWERS_SUFFIX, download_file_name
from tests.accessibility import blocking_violations

pytestmark = [pytest.mark.browser, pytest.mark.book]

READY = ".medialit-lateral[data-ready='true']"


def test_commit_then_reveal_kept_in_the_browser(browser: Any, built_book: Path) -> None:
    case = load_case()
    task = case.lateral[0]
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto((built_book / "book" / "lateral-reading.html").as_uri())
    page.wait_for_selector(READY)
    item = page.locator(f".medialit-lateral-item[data-task='{task.task_id}']")
    reveal = item.locator(".medialit-lateral-reveal")
    assert item.get_attribute("data-committed") == "false"
    assert reveal.is_hidden() and reveal.inner_text() == ""

    right = task.right_choice
    item.get_by_label(f"({right.choice_id}) {right.text}").check()
    item.get_by_label("What would you search? (optional)").fill("Kerry transcript would might")
    item.get_by_role("button", name="Commit my answer").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(f".medialit-lateral-item[data-task='{task.task_id}'][data-committed='true']")
    assert reveal.is_visible()
    assert reveal.get_attribute("aria-label") == "What the course found"
    assert page.evaluate("document.activeElement.classList.contains('medialit-lateral-reveal')")
    assert reveal.locator(".medialit-lateral-verdict").get_attribute("data-right") == "true"
    assert reveal.locator(".medialit-lateral-correction").count() == 1
    assert [a.get_attribute("href") for a in reveal.locator(".medialit-lateral-reading a").all()] == [
        reading.url for reading in task.reading
    ]
    kept = json.loads(page.evaluate(f"localStorage.getItem('medialit-lateral:{case.case_id}')"))
    assert kept["answers"][task.task_id]["choice"] == right.choice_id

    page.reload()
    page.wait_for_selector(READY)
    assert item.get_attribute("data-committed") == "true"
    assert item.get_by_role("button", name="Commit my answer").is_disabled()
    second = page.locator(f".medialit-lateral-item[data-task='{case.lateral[1].task_id}']")
    assert second.get_attribute("data-committed") == "false"

    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers").click()
    saved = Path(download.value.path()).read_bytes()
    read = parse_answers(saved, "download.json", case.case_id, case.lateral)
    assert list(read.answers) == [task.task_id] and not read.problems
    violations = blocking_violations(page)
    assert not violations, "\n".join(violations)
    context.close()


def answers_file(learner: str, answers: dict[str, str]) -> dict[str, Any]:
    """An answers file for Playwright's file chooser: ``answers`` maps task ids to choices."""
    case = load_case()
    kept = {task_id: Answer(choice, "", edit_time()) for task_id, choice in answers.items()}
    text = AnswerSet(case.case_id, kept, learner).dump()
    return {"name": f"{learner}.json", "mimeType": "application/json", "buffer": text.encode("utf-8")}


def test_a_name_names_the_download_and_a_restore_keeps_what_is_committed(
    browser: Any, built_book: Path
) -> None:
    case = load_case()
    first, second, third = case.lateral[:3]
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto((built_book / "book" / "lateral-reading.html").as_uri())
    page.wait_for_selector(READY)
    page.get_by_label("Your name or code (optional)").fill("Ada Lovelace")
    page.keyboard.press("Tab")
    page.wait_for_selector(".medialit-lateral[data-learner='Ada Lovelace']")
    item = page.locator(f".medialit-lateral-item[data-task='{first.task_id}']")
    right = first.right_choice
    item.get_by_label(f"({right.choice_id}) {right.text}").check()
    item.get_by_role("button", name="Commit my answer").click()
    page.wait_for_selector(f".medialit-lateral-item[data-task='{first.task_id}'][data-committed='true']")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers").click()
    saved = Path(download.value.path()).read_bytes()
    saved_at = json.loads(saved)["saved_at"]
    assert download.value.suggested_filename == download_file_name(
        ANSWERS_STEM, "Ada Lovelace", saved_at, ANSWERS_SUFFIX
    )
    assert parse_answers(saved, "download.json", case.case_id, case.lateral).learner == "Ada Lovelace"

    restore = page.locator("#medialit-lateral-restore")
    restore.set_input_files(answers_file("Grace", {second.task_id: second.right_choice.choice_id}))
    page.wait_for_selector(".medialit-lateral[data-restore='other-learner']")
    assert (
        page.locator(f".medialit-lateral-item[data-task='{second.task_id}']").get_attribute("data-committed")
        == "false"
    )

    wrong = next(choice for choice in first.choices if not choice.right)
    theirs = {first.task_id: wrong.choice_id, third.task_id: third.right_choice.choice_id}
    restore.set_input_files(answers_file("ada lovelace", theirs))  # the same learner, typed otherwise
    page.wait_for_selector(".medialit-lateral[data-restore='restored']")
    page.wait_for_selector(f".medialit-lateral-item[data-task='{third.task_id}'][data-committed='true']")
    kept = json.loads(page.evaluate(f"localStorage.getItem('medialit-lateral:{case.case_id}')"))
    assert kept["answers"][first.task_id]["choice"] == right.choice_id  # committed here: it stands
    assert set(kept["answers"]) == {first.task_id, third.task_id}
    context.close()
