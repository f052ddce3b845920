"""The lateral-reading tasks: the learner commits an answer before the course reveals what it found.

Each task (``data/lateral.json``, schema ``lateral.schema.json``) is about a few of the article's
passages and one question of a lateral reader: *who is this source?* (``who``), *what did the
original say?* (``original``) or *whose figure is this?* (``figure``). It has three or four
choices, exactly one right, each with the sentence saying why; what the course found, with the
ledger's source ids; addresses to read, each one the ledger gives for that source (the label
shown with it is the ledger's, too); the searches a reader would type; and, for the task where
the course had to correct its own ledger, what the ledger first said, what it says now and how
the error was caught.

:func:`lateral_problems` checks a task file against the case (every passage, source and address
exists, the quoted words are in the passage, one right choice); :func:`tasks_from_json` makes the
objects the widget and the book show.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from medialit.common.problems import Problem

#: The task file's format and version.
LATERAL_FORMAT = "medialit-lateral/1"

#: Each kind of task, as the learner reads it.
KIND_LABELS = {
    "who": "Who is this source?",
    "original": "What did the original say?",
    "figure": "Whose figure is this?",
}


@dataclass(frozen=True)
class Choice:
    """One answer to a task, whether it is the right one, and why (one sentence)."""

    choice_id: str
    text: str
    right: bool
    why: str


@dataclass(frozen=True)
class Reading:
    """An address the course read, with the ledger's own label for it ("Mondoweiss, Jan 2017")."""

    source_id: str
    label: str
    url: str


@dataclass(frozen=True)
class Correction:
    """A correction the course made to its own ledger: what it said, what it says now, how it was caught."""

    before: str
    now: str
    caught: str


@dataclass(frozen=True)
class LateralTask:
    """One lateral-reading task (see the module)."""

    task_id: str
    kind: str
    passage_ids: tuple[str, ...]
    quote: str
    question: str
    choices: tuple[Choice, ...]
    found: str
    source_ids: tuple[str, ...]
    reading: tuple[Reading, ...]
    searches: tuple[str, ...]
    correction: Correction | None = None

    @property
    def kind_label(self) -> str:
        """The kind of question, in words ("Who is this source?")."""
        return KIND_LABELS[self.kind]

    @property
    def right_choice(self) -> Choice:
        """The one right choice."""
        return next(choice for choice in self.choices if choice.right)

    def choice(self, choice_id: str) -> Choice:
        """The choice ``choice_id`` (``KeyError`` if the task has none)."""
        for choice in self.choices:
            if choice.choice_id == choice_id:
                return choice
        raise KeyError(f"Task {self.task_id} has no choice {choice_id!r}.")


def ledger_addresses(where: str) -> dict[str, str]:
    """The addresses in a ledger row's ``where`` cell, each with its label (outlet and date).

    The cell lists entries separated by `` ; ``, each ``outlet, date, address``; an entry whose
    last part is not an address (the article itself) is left out.
    """
    found = {}
    for entry in where.split(" ; "):
        label, _, last = entry.strip().rpartition(", ")
        if label and ("://" in last or ("/" in last and " " not in last)):
            found[last] = label
    return found


def tasks_from_json(data: dict[str, Any], wheres: dict[str, str]) -> tuple[LateralTask, ...]:
    """The tasks of a checked task file; ``wheres`` is each source's ``where`` cell, by source id."""
    tasks = []
    for task in data["tasks"]:
        correction = task.get("correction")
        tasks.append(
            LateralTask(
                task_id=task["id"],
                kind=task["kind"],
                passage_ids=tuple(task["passages"]),
                quote=task["quote"],
                question=task["question"],
                choices=tuple(Choice(c["id"], c["text"], c["right"], c["why"]) for c in task["choices"]),
                found=task["found"],
                source_ids=tuple(task["sources"]),
                reading=tuple(
                    Reading(r["source"], ledger_addresses(wheres[r["source"]])[r["url"]], r["url"])
                    for r in task["reading"]
                ),
                searches=tuple(task["searches"]),
                correction=Correction(**correction) if correction else None,
            )
        )
    return tuple(tasks)


def lateral_problems(
    data: dict[str, Any], name: str, case_id: str, passages: dict[str, str], wheres: dict[str, str]
) -> list[Problem]:
    """What is wrong with a schema-valid task file ``name`` against the case.

    ``passages`` is each passage's text by id, ``wheres`` each ledger source's ``where`` cell.
    """
    problems = []
    if data["case"] != case_id:
        problems.append(Problem(name, f"is for the case {data['case']!r}, not {case_id!r}"))
    ids = Counter(task["id"] for task in data["tasks"])
    problems += [Problem(name, f"has more than one task {i!r}") for i, n in ids.items() if n > 1]
    for task in data["tasks"]:
        problems += [
            Problem(name, f"task {task['id']} {message}")
            for message in _task_problems(task, passages, wheres)
        ]
    if not any("correction" in task for task in data["tasks"]):
        problems.append(
            Problem(name, "has no task that shows a correction the course made to its own ledger")
        )
    return problems


def _task_problems(task: dict[str, Any], passages: dict[str, str], wheres: dict[str, str]) -> list[str]:
    said = []
    unknown = [pid for pid in task["passages"] if pid not in passages]
    if unknown:
        said.append(f"names unknown passage id(s) {', '.join(unknown)}")
    elif task["quote"] not in passages[task["passages"][0]]:
        said.append(f"quotes {task['quote']!r}, which is not in the text of {task['passages'][0]}")
    right = sum(choice["right"] for choice in task["choices"])
    if right != 1:
        said.append(f"has {right} right choices, but it should have exactly one")
    letters = Counter(choice["id"] for choice in task["choices"])
    said += [f"has more than one choice {letter!r}" for letter, n in letters.items() if n > 1]
    named = [*task["sources"], *(reading["source"] for reading in task["reading"])]
    missing = [source for source in dict.fromkeys(named) if source not in wheres]
    if missing:
        said.append(f"names {', '.join(missing)}, not in the source ledger")
    for reading in task["reading"]:
        if reading["source"] in wheres and reading["url"] not in ledger_addresses(wheres[reading["source"]]):
            said.append(
                f"gives the address {reading['url']}, which the ledger does not give for {reading['source']}"
            )
    return said
