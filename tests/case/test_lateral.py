"""The lateral-reading tasks: the shipped data fits the case, and broken copies are named plainly."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from medialit import load_case
from medialit.case.lateral import ledger_addresses
from medialit.case.paths import data_dir
from medialit.case.validation import check_case
from tests.conftest import ROOT


@pytest.fixture
def case_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the shipped case, to break; messages name its files from its parent folder."""
    monkeypatch.chdir(tmp_path)
    return Path(shutil.copytree(data_dir(), tmp_path / "data"))


def edit_tasks(folder: Path, change: Any) -> None:
    """Apply ``change`` to the copy's parsed lateral.json and write it back."""
    path = folder / "lateral.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def sentences(folder: Path) -> list[str]:
    return [problem.sentence for problem in check_case(folder).problems]


def test_the_shipped_tasks_hold_together_with_the_case() -> None:
    case = load_case()
    tasks = case.lateral
    assert len(tasks) >= 6
    assert {task.kind for task in tasks} == {"who", "original", "figure"}
    assert len({task.task_id for task in tasks}) == len(tasks)
    assert [task for task in tasks if task.correction]
    for task in tasks:
        assert set(task.passage_ids) <= set(case.passages.index), task.task_id
        assert task.quote in case.passages.at[task.passage_ids[0], "text"], task.task_id
        assert sum(choice.right for choice in task.choices) == 1 and 3 <= len(task.choices) <= 4, task.task_id
        assert all(choice.why.strip() for choice in task.choices), task.task_id
        assert set(task.source_ids) <= set(case.sources.index), task.task_id
        assert 2 <= len(task.searches) <= 4, task.task_id
        for reading in task.reading:
            # the address and its label are the ledger's own, for a source the task names
            where = str(case.sources.at[reading.source_id, "where"])
            assert reading.url in where and reading.label in where, (task.task_id, reading.url)
            assert reading.source_id in task.source_ids, (task.task_id, reading.source_id)


def test_the_corrections_named_by_the_second_check_are_tasks() -> None:
    # data/verification/README.md: Kerry's "would" (p016) and the al-Omar figure (p119).
    corrected = {pid for task in load_case().lateral if task.correction for pid in task.passage_ids}
    assert {"p016", "p119"} <= corrected


def test_the_ledger_addresses_are_read_with_their_labels() -> None:
    where = (
        "Mondoweiss, Jan 2017, http://mondoweiss.net/x ; The article (a copy) ; "
        "Kirkus, no date seen, kirkus.com/a/b"
    )
    assert ledger_addresses(where) == {
        "http://mondoweiss.net/x": "Mondoweiss, Jan 2017",
        "kirkus.com/a/b": "Kirkus, no date seen",
    }


def test_two_right_choices_are_one_sentence(case_copy: Path) -> None:
    edit_tasks(case_copy, lambda data: data["tasks"][0]["choices"][0].update(right=True))
    assert sentences(case_copy) == [
        "data/lateral.json task kerry-would has 2 right choices, but it should have exactly one."
    ]


def test_unknown_passage_source_and_address_are_named(case_copy: Path) -> None:
    def break_it(data: dict[str, Any]) -> None:
        data["tasks"][1]["passages"] = ["p999"]
        data["tasks"][2]["sources"] = ["no_such_source"]
        data["tasks"][3]["reading"][0]["url"] = "https://example.org/invented"

    edit_tasks(case_copy, break_it)
    assert sentences(case_copy) == [
        "data/lateral.json task davidson-who names unknown passage id(s) p999.",
        "data/lateral.json task sohr-who names no_such_source, not in the source ledger.",
        "data/lateral.json task al-omar-figure gives the address https://example.org/invented, which the "
        "ledger does not give for sdf_spokesperson.",
    ]


def test_words_not_in_the_passage_are_named(case_copy: Path) -> None:
    edit_tasks(case_copy, lambda data: data["tasks"][0].update(quote="that Assad might then negotiate"))
    assert sentences(case_copy) == [
        "data/lateral.json task kerry-would quotes 'that Assad might then negotiate', "
        "which is not in the text of p016."
    ]


def test_a_schema_error_is_a_plain_sentence_and_the_cli_exits_1(case_copy: Path) -> None:
    edit_tasks(case_copy, lambda data: data["tasks"][0].pop("question"))
    result = subprocess.run(
        [sys.executable, "-m", "medialit", "validate", "--data", str(case_copy)],
        capture_output=True,
        text=True,
        cwd=case_copy.parent,
    )
    assert result.returncode == 1
    assert "data/lateral.json: its tasks (item 1) has no question (the question)" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_without_a_correction_is_refused(case_copy: Path) -> None:
    edit_tasks(case_copy, lambda data: [task.pop("correction", None) for task in data["tasks"]])
    assert sentences(case_copy) == [
        "data/lateral.json has no task that shows a correction the course made to its own ledger."
    ]


NUMBER_WORDS = {
    1: "One task shows a correction",
    2: "Two tasks show corrections",
    3: "Three tasks show corrections",
}


@pytest.mark.parametrize("document", ["book/lateral-reading.md", "notebooks/05b_lateral_reading.ipynb"])
def test_the_pages_count_the_tasks_with_a_correction(document: str) -> None:
    """The page and the notebook say how many tasks show a correction: as many as lateral.json holds."""
    corrected = sum(1 for task in load_case().lateral if task.correction)
    text = (ROOT / document).read_text(encoding="utf-8")
    assert NUMBER_WORDS[corrected] in text
    assert all(words not in text for count, words in NUMBER_WORDS.items() if count != corrected)


def test_the_sohr_task_gives_the_unverified_report_the_ledger_holds() -> None:
    """The funding verdict goes as far as the ledger, naming the second-hand 2013 report."""
    case = load_case()
    (sohr,) = [task for task in case.lateral if task.task_id == "sohr-who"]
    ledger = str(case.sources.at["sohr", "original_says"])
    reported = "received small subsidies from the European Union and one European country"
    assert reported in ledger and "second-hand" in ledger
    assert reported in sohr.found and "second-hand" in sohr.found
    assert "could verify" in sohr.right_choice.text
    assert all(
        "2013 New York Times" in choice.why for choice in sohr.choices if choice.choice_id in {"b", "d"}
    )
