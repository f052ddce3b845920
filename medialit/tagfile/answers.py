"""A learner's lateral-reading answers: the file format, reading it, and merging two versions.

The file (``lateral-answers.schema.json``) holds, per task, the choice the learner committed to,
what they would search for, and when they committed. An answer is committed once and then
stands, so that the reveal can never be seen before the answer is given: when two tabs or
kernels saved one file, :func:`merge_answers` keeps each task's *earlier* commitment; a file the
learner restores only adds answers to the tasks not committed yet (:func:`add_missing`).

A file that cannot be used raises :class:`~medialit.common.problems.ProblemsError` (one plain
sentence per problem, naming the file); an answer to an unknown task, or naming a choice the task
does not have, is reported in :attr:`AnswerSet.problems` and left out, and the rest is kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from medialit.case.lateral import LateralTask
from medialit.common.problems import LISTED_IN_ERROR, Problem, ProblemsError
from medialit.schemas import conforms, schema, schema_errors
from medialit.tagfile.model import clean_learner, now_iso
from medialit.tagfile.reading import decode_text, parse_json_text

#: The answers file's format and version.
ANSWERS_FORMAT = "medialit-lateral-answers/1"
#: The longest search text the format keeps.
SEARCH_MAX: int = schema("lateral-answers")["properties"]["answers"]["additionalProperties"]["properties"][
    "search"
]["maxLength"]


@dataclass(frozen=True)
class Answer:
    """One committed answer: the choice, what the learner would search for, and when."""

    choice: str
    search: str
    committed_at: str


@dataclass
class AnswerSet:
    """One learner's committed answers for one case, by task id."""

    case_id: str
    answers: dict[str, Answer] = field(default_factory=dict)
    learner: str | None = None
    saved_at: str | None = None
    problems: list[Problem] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The file's content (tasks in the order they were committed)."""
        data: dict[str, Any] = {"format": ANSWERS_FORMAT, "case": self.case_id}
        if self.learner:
            data["learner"] = self.learner
        data["saved_at"] = self.saved_at or now_iso()
        data["answers"] = {
            task_id: {"choice": a.choice, "search": a.search, "committed_at": a.committed_at}
            for task_id, a in self.answers.items()
        }
        return data

    def dump(self) -> str:
        """The file's JSON text (UTF-8, two-space indent, ending with a newline)."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"


def parse_answers(data: bytes, name: str, case_id: str, tasks: tuple[LateralTask, ...]) -> AnswerSet:
    """Read an answers file's bytes against the case's tasks (see the module for what is left out)."""
    parsed = parse_json_text(decode_text(data, name), name)
    if not conforms("lateral-answers", parsed):
        errors = schema_errors("lateral-answers", parsed)[:LISTED_IN_ERROR]
        raise ProblemsError(
            [
                Problem(name, f"does not follow the lateral-reading answers format: {error}")
                for error in errors
            ]
        )
    if parsed["case"] != case_id:
        raise ProblemsError([Problem(name, f"is for case {parsed['case']!r}, not for {case_id!r}")])
    known = {task.task_id: task for task in tasks}
    answers, problems = {}, []
    for task_id, entry in parsed["answers"].items():
        task = known.get(task_id)
        if task is None:
            problems.append(
                Problem(
                    name, f"has an answer to {task_id!r}, which is not a task here", kind="an unknown task"
                )
            )
        elif entry["choice"] not in {choice.choice_id for choice in task.choices}:
            problems.append(
                Problem(
                    name,
                    f"answers {task_id} with {entry['choice']!r}, which is not one of its choices",
                    kind="an unknown choice",
                )
            )
        else:
            answers[task_id] = Answer(entry["choice"], entry.get("search", ""), entry["committed_at"])
    learner = clean_learner(parsed.get("learner"))
    return AnswerSet(case_id, answers, learner, parsed["saved_at"], problems)


def _instant(answer: Answer) -> datetime:
    return datetime.fromisoformat(answer.committed_at)


def merge_answers(mine: AnswerSet, theirs: AnswerSet) -> tuple[AnswerSet, tuple[str, ...]]:
    """Both versions' answers, each task's earlier commitment winning; and the tasks taken from ``theirs``."""
    merged = dict(mine.answers)
    taken = []
    for task_id, answer in theirs.answers.items():
        own = merged.get(task_id)
        if own is None or (answer != own and _instant(answer) < _instant(own)):
            merged[task_id] = answer
            taken.append(task_id)
    return replace(mine, answers=merged, problems=[]), tuple(taken)


def add_missing(mine: AnswerSet, theirs: AnswerSet) -> tuple[AnswerSet, tuple[str, ...]]:
    """``mine`` with the answers of ``theirs`` to the tasks ``mine`` has not committed; the tasks added.

    This is a restore: every answer already committed in ``mine`` stands, as it is.
    """
    taken = tuple(task_id for task_id in theirs.answers if task_id not in mine.answers)
    added = {task_id: theirs.answers[task_id] for task_id in taken}
    return replace(mine, answers={**mine.answers, **added}, problems=[]), taken
