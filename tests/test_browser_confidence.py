"""Test forms in the in-page exercise, in Debian's Chromium: how sure the learner is, by keyboard, kept in
the browser per passage; the check shows the Brier score the package computes for the same work; the
post-test shows the change per skill since the pretest kept in the same browser. A small book of the
tests' own (a copy of the other-side case with a pretest and a post-test), checked with axe-core.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from medialit.case.loading import load_case
from medialit.common.numbers import number_text
from medialit.scoring.calibration import brier_score, confidence_answers
from medialit.tagfile.reading import parse_tags
from tests.accessibility import blocking_violations
from tests.forms import POSTTEST, PRETEST, add_forms

pytestmark = [pytest.mark.browser]

PAGE = """# Tests

```{medialit-inpage} pretest
:case: other-side
```

```{medialit-inpage} posttest
:case: other-side
```
"""


def _app(page: Any, exercise: str) -> Any:
    return page.locator(f".medialit-inpage[data-exercise='{exercise}'][data-ready='true']")


def _press(page: Any, locator: Any, key: str) -> None:
    locator.focus()
    page.keyboard.press(key)


def _kept(page: Any, case_id: str, exercise: str) -> str:
    return f"JSON.parse(localStorage.getItem('medialit:{case_id}:{exercise}') || 'null')"


def test_confidence_is_kept_per_passage_and_the_checks_show_brier_and_change(
    browser: Any, tmp_path: Path
) -> None:
    from tests.sphinx_ext.small_book import build, make_book, write_index

    book = make_book(tmp_path, {"article": "# The article\n\n```{medialit-article}\n```\n"})
    add_forms(book / "data" / "other-side")
    write_index(book, PAGE)
    warnings, out = build(book)
    assert warnings == ""
    case = load_case(book / "data" / "other-side")
    context = browser.new_context()
    page = context.new_page()
    page.goto((out / "index.html").as_uri())
    pretest = _app(page, "pretest")
    pretest.wait_for()

    sure = pretest.get_by_role("radio", name="Sure", exact=True)
    assert pretest.get_by_role("group", name="How sure are you of this answer?").count() == 1
    _press(page, pretest.get_by_label("Reviewed: no technique"), "Space")
    _press(page, sure, "Space")  # chosen from the keyboard
    assert page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)") >= 2
    kept = _kept(page, case.case_id, "pretest")
    page.wait_for_function(f"({kept} || {{}}).confidence !== undefined")
    assert page.evaluate(kept)["confidence"] == {PRETEST[0]: "sure"}
    _press(page, pretest.get_by_role("button", name="Next"), "Enter")
    assert not sure.is_checked()  # the next passage has none yet
    _press(page, pretest.get_by_label("Attribution", exact=True), "Space")
    _press(page, pretest.get_by_role("radio", name="Not sure"), "Space")
    page.wait_for_function(f"Object.keys({kept}.confidence).length === 2")
    _press(page, pretest.get_by_role("button", name="Previous"), "Enter")
    assert sure.is_checked()  # restored on coming back

    _press(page, pretest.get_by_role("button", name="Check my answers"), "Enter")
    result = pretest.locator(".medialit-inpage-result[data-brier]")
    result.wait_for()
    tagset = parse_tags(page.evaluate(kept), case, "kept.json")
    want = number_text(brier_score(confidence_answers(tagset, case, case.exercise("pretest"))))
    assert result.get_attribute("data-brier") == want != "undefined"
    assert (
        result.locator(".medialit-brier")
        .inner_text()
        .startswith(f"Your Brier score is {want}, over the 2 answers")
    )
    assert result.locator("svg[role='img'] title").count() == 1
    assert result.get_by_role("table", name="Your score per skill").count() == 1

    posttest = _app(page, "posttest")
    _press(page, posttest.get_by_label("Reviewed: no technique"), "Space")
    _press(page, posttest.get_by_role("radio", name="Fairly sure"), "Space")
    page.wait_for_function(f"({_kept(page, case.case_id, 'posttest')} || {{}}).confidence !== undefined")
    _press(page, posttest.get_by_role("button", name="Check my answers"), "Enter")
    changed = posttest.locator(".medialit-inpage-result[data-change]")
    changed.wait_for()
    rows = changed.get_by_role("table", name="Your change per skill").locator("tbody tr")
    assert rows.count() == len(case.exercise("posttest").categories) + 1
    assert POSTTEST[0] in json.dumps(page.evaluate(_kept(page, case.case_id, "posttest"))["confidence"])
    violations = blocking_violations(page, ".medialit-inpage")  # the test book's theme is not the course's
    assert not violations, "\n".join(violations)
    context.close()

    fresh = browser.new_context()  # a browser that holds no pretest: the post-test says so plainly
    page = fresh.new_page()
    page.goto((out / "index.html").as_uri())
    posttest = _app(page, "posttest")
    posttest.wait_for()
    _press(page, posttest.get_by_role("button", name="Check my answers"), "Enter")
    none = posttest.locator(".medialit-inpage-result[data-brier] .medialit-change-none")
    none.wait_for()
    assert none.inner_text().startswith("No pretest work was found in this browser")
    assert posttest.locator(".medialit-inpage-result[data-change]").count() == 0
    fresh.close()
