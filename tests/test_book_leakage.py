"""No exercise tests a passage that the book has already discussed before it.

A passage that a chapter has quoted, boxed, worked or self-checked before the learner meets it
in an exercise measures memory, not the skill. These tests read the book in its reading order
(``_toc.yml``), collect every passage id the chapters show before each exercise notebook, and
check that the notebook's exercise leaves all of them out.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from medialit import load_case
from medialit.case.lateral import LateralTask
from medialit.case.model import Case

ROOT = Path(__file__).resolve().parents[1]

# Every way a chapter shows a passage: the inline roles and the block directives.
SHOWN = re.compile(
    r"\{(?:medialit-)?(?:quote|passage)\}`([a-z]\d{3})"
    r"|```\{(?:medialit-)?(?:worked-example|passage)\}\s+([a-z]\d{3})"
)
LATERAL = "```{medialit-lateral}"
START = re.compile(r'start\(\\?"([a-z_]+)\\?"')
# The further case a notebook loads (``load_case("other-side")``); none means the main case.
LOADS = re.compile(r'load_case\(\\?"([a-z-]+)\\?"\)')


def reading_order() -> list[str]:
    """The book's documents in reading order, as ``_toc.yml`` lists them."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    order = [toc["root"]]
    for part in toc.get("parts", []):
        order += [chapter["file"] for chapter in part["chapters"]]
    return order


def shown_in(document: str) -> set[str]:
    """The passage ids a chapter shows (empty for a notebook); the lateral-reading tasks show theirs."""
    path = ROOT / f"{document}.md"
    if not path.exists():
        return set()
    text = path.read_text(encoding="utf-8")
    lateral = {pid for task in load_case().lateral for pid in task.passage_ids} if LATERAL in text else set()
    return {a or b for a, b in SHOWN.findall(text)} | lateral


def exercise_of(document: str) -> tuple[str, str] | None:
    """``(case, exercise)`` an exercise notebook starts; the case is ``main`` or a further case's folder."""
    path = ROOT / f"{document}.ipynb"
    if not path.exists():
        return None
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = "".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code")
    found = START.search(code)
    if not found:
        return None
    loaded = LOADS.search(code)
    return (loaded.group(1) if loaded else "main"), found.group(1)


def exercises_in_order() -> list[tuple[str, str, str, set[str]]]:
    """Each exercise notebook with what the book showed before it."""
    shown: set[str] = set()
    result = []
    for document in reading_order():
        shown |= shown_in(document)
        started = exercise_of(document)
        if started:
            result.append((document, *started, set(shown)))
    return result


def test_every_exercise_notebook_is_found() -> None:
    found = {exercise for _, _, exercise, _ in exercises_in_order()}
    expected = {
        "attribution",
        "hedging",
        "selective_citation",
        "framing",
        "capstone",
        "other_side",
        "official",
        "pretest",
        "posttest",
    }
    assert expected <= found
    assert ("notebooks/00b_pretest", "transfer", "pretest") in {
        started[:3] for started in exercises_in_order()
    }


def context_ids(case: Case, exercise: str) -> set[str]:
    """The passages an exercise shows: its own and, for context, the one before and after each."""
    order = list(case.passages.index)
    shown: set[str] = set()
    for pid in case.exercise(exercise).passage_ids:
        at = order.index(pid)
        shown |= set(order[max(at - 1, 0) : at + 2])
    return shown


def test_the_pretest_never_shows_a_post_test_passage_even_as_context() -> None:
    case = load_case("transfer")
    shown = context_ids(case, "pretest") & set(case.exercise("posttest").passage_ids)
    assert not shown, f"the pretest shows the post-test's {sorted(shown)} beside its own passages"


def test_the_context_rule_sees_a_neighbour() -> None:
    case = load_case("transfer")
    first = case.exercise("pretest").passage_ids[0]
    order = list(case.passages.index)
    neighbours = set(order[max(order.index(first) - 1, 0) : order.index(first) + 2]) - {first}
    assert neighbours and neighbours <= context_ids(case, "pretest")


@pytest.mark.parametrize(
    ("document", "case_name", "exercise", "shown"),
    exercises_in_order(),
    ids=[document for document, *_ in exercises_in_order()],
)
def test_no_exercise_passage_was_discussed_before(
    document: str, case_name: str, exercise: str, shown: set[str]
) -> None:
    case = load_case(None if case_name == "main" else case_name)
    passages = set(case.exercise(exercise).passage_ids)
    assert passages, f"{exercise} has no passages"
    leaked = sorted(passages & shown)
    assert not leaked, f"{document}: the book discusses {leaked} before the {exercise} exercise"


def test_each_notebook_is_read_with_the_case_it_loads() -> None:
    cases = {document: case for document, case, _, _ in exercises_in_order()}
    assert cases["notebooks/01_attribution"] == "main"
    assert cases["notebooks/06_other_side"] == "other-side"
    assert cases["notebooks/07_official_statements"] == "official"


QUOTED = re.compile(r'"([^"]+)"')
TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "*": None})


def plain(text: str) -> str:
    """Text with straight quotes, no emphasis marks and single spaces, lower-cased, for matching."""
    return " ".join(text.translate(TYPOGRAPHY).split()).lower()


def answer_phrases(case: Case, task: LateralTask) -> set[str]:
    """What gives a lateral-reading task's answer away: the evidence it quotes and the word it settles.

    These are the quotations of three words or more in the choices' reasons and in what the course
    found that are not the article's own words, and the words the right choice quotes that are not in
    the task's passages (``"might"`` for Kerry's "would"), kept with their quotation marks.
    """
    article = plain(" ".join(case.passages["text"]))
    own = plain(" ".join(case.passages.at[pid, "text"] for pid in task.passage_ids))
    evidence = [task.found, *(choice.why for choice in task.choices)]
    spans = {q.rstrip(".") for text in evidence for q in QUOTED.findall(plain(text))}
    words = {q for q in QUOTED.findall(plain(task.right_choice.text)) if len(q.split()) == 1}
    return {q for q in spans if len(q.split()) >= 3 and q not in article} | {
        f'"{word}"' for word in words if word not in own
    }


def documents_text(document: str) -> str:
    """A chapter's text, or a notebook's cells, as :func:`plain` text (empty if neither exists)."""
    chapter, notebook = ROOT / f"{document}.md", ROOT / f"{document}.ipynb"
    if chapter.exists():
        return plain(chapter.read_text(encoding="utf-8"))
    if notebook.exists():
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        return plain(" ".join("".join(cell["source"]) for cell in cells))
    return ""


def test_the_book_does_not_answer_a_lateral_task_before_it() -> None:
    """The lateral-reading page promises that the learner checks first: no earlier page answers."""
    order = reading_order()
    before = order[: order.index("book/lateral-reading")]
    case = load_case()
    given = [
        (task.task_id, phrase, document)
        for document in before
        for task in case.lateral
        for phrase in answer_phrases(case, task)
        if phrase in documents_text(document)
    ]
    assert not given, f"these pages give a lateral-reading answer before the tasks: {given}"


def test_the_answer_rule_sees_the_kerry_answer() -> None:
    case = load_case()
    kerry = next(task for task in case.lateral if task.task_id == "kerry-would")
    phrases = answer_phrases(case, kerry)
    assert '"might"' in phrases and "assad might then negotiate" in phrases
    assert any(
        phrase in plain('Another transcript has "Assad *might*\n then negotiate".') for phrase in phrases
    )


def test_the_rule_catches_a_leak(tmp_path: Path) -> None:
    """The pattern finds each way a chapter can show a passage."""
    text = "{quote}`p016: would` {passage}`p020`\n```{worked-example} p063 attribution\n```\n"
    text += "```{medialit-passage} s012\n```\n"
    assert {a or b for a, b in SHOWN.findall(text)} == {"p016", "p020", "p063", "s012"}
