"""Lateral-reading answers: per learner, saved atomically with a backup, recovered, merged, never lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit import load_case
from medialit.common.problems import ProblemsError
from medialit.tagfile.answer_store import AnswerStore
from medialit.tagfile.answers import Answer, AnswerSet, merge_answers, parse_answers

CASE = load_case()
TASKS = CASE.lateral


def store(folder: Path, learner: str | None = None) -> AnswerStore:
    return AnswerStore.for_learner(CASE.case_id, TASKS, learner, folder)


def answers(**given: str) -> AnswerSet:
    """An answer set with choice ``b`` for each named task, committed at the given times."""
    return AnswerSet(CASE.case_id, {task: Answer("b", "", at) for task, at in given.items()})


def test_learners_never_share_a_file(tmp_path: Path) -> None:
    paths = {store(tmp_path, name).path.name for name in (None, "Ada", "ada", "Ada L.", "ada-l")}
    assert paths == {
        "lateral-answers.json",
        *(store(tmp_path, name).path.name for name in ("Ada", "Ada L.", "ada-l")),
    }
    assert len(paths) == 4


def test_a_save_keeps_the_previous_version_and_reloads(tmp_path: Path) -> None:
    first = store(tmp_path, "Ada")
    first.save(answers(**{"kerry-would": "2024-05-01T09:30:00+00:00"}))
    first.save(
        answers(**{"kerry-would": "2024-05-01T09:30:00+00:00", "sohr-who": "2024-05-01T09:31:00+00:00"})
    )
    backup = json.loads((tmp_path / f"{first.path.name}.bak").read_text(encoding="utf-8"))
    assert list(backup["answers"]) == ["kerry-would"]
    resumed, said = store(tmp_path, "Ada").resume()
    assert resumed is not None and list(resumed.answers) == ["kerry-would", "sohr-who"]
    assert "Resumed your answers" in said


def test_an_unreadable_file_is_moved_aside_and_the_backup_resumed(tmp_path: Path) -> None:
    first = store(tmp_path)
    first.save(answers(**{"kerry-would": "2024-05-01T09:30:00+00:00"}))
    first.save(
        answers(**{"kerry-would": "2024-05-01T09:30:00+00:00", "sohr-who": "2024-05-01T09:31:00+00:00"})
    )
    first.path.write_text("{not json", encoding="utf-8")
    resumed, said = store(tmp_path).resume()
    assert resumed is not None and list(resumed.answers) == ["kerry-would"]
    aside = list(tmp_path.glob("lateral-answers.corrupt-*.json"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == "{not json"
    assert "could not be read" in said and "moved aside" in said and "backup" in said


def test_two_tabs_keep_each_tasks_earlier_commitment(tmp_path: Path) -> None:
    one, two = store(tmp_path), store(tmp_path)
    one.resume()
    two.resume()
    one.save(answers(**{"kerry-would": "2024-05-01T09:30:00+00:00"}))
    later = AnswerSet(CASE.case_id, {"kerry-would": Answer("a", "", "2024-05-01T10:00:00+00:00")})
    later.answers["sohr-who"] = Answer("b", "", "2024-05-01T10:01:00+00:00")
    saved, said = two.save(later)
    assert saved.answers["kerry-would"] == Answer("b", "", "2024-05-01T09:30:00+00:00")
    assert set(saved.answers) == {"kerry-would", "sohr-who"}
    assert "kerry-would" in said
    on_disk = json.loads(one.path.read_text(encoding="utf-8"))["answers"]
    assert on_disk["kerry-would"]["choice"] == "b" and "sohr-who" in on_disk


def test_merge_compares_instants_not_texts() -> None:
    # 10:00+02:00 is 08:00 UTC, earlier than 09:00Z although its text sorts later.
    mine = answers(**{"kerry-would": "2024-05-01T09:00:00Z"})
    theirs = AnswerSet(CASE.case_id, {"kerry-would": Answer("a", "", "2024-05-01T10:00:00+02:00")})
    merged, taken = merge_answers(mine, theirs)
    assert merged.answers["kerry-would"].choice == "a" and taken == ("kerry-would",)


def test_unknown_tasks_and_choices_are_left_out_and_said(tmp_path: Path) -> None:
    data = {
        "format": "medialit-lateral-answers/1",
        "case": CASE.case_id,
        "saved_at": "2024-05-01T09:30:00+00:00",
        "answers": {
            "kerry-would": {"choice": "b", "committed_at": "2024-05-01T09:30:00+00:00"},
            "no-such-task": {"choice": "a", "committed_at": "2024-05-01T09:30:00+00:00"},
            "sohr-who": {"choice": "z", "committed_at": "2024-05-01T09:30:00+00:00"},
        },
    }
    read = parse_answers(json.dumps(data).encode(), "ada.json", CASE.case_id, TASKS)
    assert list(read.answers) == ["kerry-would"]
    assert [problem.sentence for problem in read.problems] == [
        "ada.json has an answer to 'no-such-task', which is not a task here.",
        "ada.json answers sohr-who with 'z', which is not one of its choices.",
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"[]",
            "ada.json does not follow the lateral-reading answers format: it is a list, "
            "but it should be a group of named entries.",
        ),
        (
            json.dumps(
                {
                    "format": "medialit-lateral-answers/1",
                    "case": "other",
                    "saved_at": "2024-05-01",
                    "answers": {},
                }
            ).encode(),
            "ada.json is for case 'other', not for 'chovanec-2018'.",
        ),
    ],
)
def test_a_file_that_cannot_be_used_is_one_sentence(content: bytes, expected: str) -> None:
    with pytest.raises(ProblemsError) as raised:
        parse_answers(content, "ada.json", CASE.case_id, TASKS)
    assert [problem.sentence for problem in raised.value.problems] == [expected]
