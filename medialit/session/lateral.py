"""A learner's lateral reading: commit an answer to each task, and only then see what the course found.

The session holds the tasks and the learner's committed answers and saves after every commit
(:class:`medialit.tagfile.answer_store.AnswerStore`: atomic, with a backup, per learner, merged
with another tab or kernel). It has no view: :mod:`medialit.widgets.lateral` draws it, and
:meth:`LateralSession.reveal` is the one way to what the course found, refused before the
learner has committed an answer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from medialit.case.lateral import Choice, LateralTask
from medialit.case.model import Case
from medialit.common.problems import error_text
from medialit.tagfile.answer_store import AnswerStore
from medialit.tagfile.answers import SEARCH_MAX, Answer, AnswerSet
from medialit.tagfile.model import clean_learner, edit_time, now_iso


class NotCommittedError(RuntimeError):
    """What the course found was asked for before the learner committed an answer."""


class LateralSession:
    """The case's lateral-reading tasks and one learner's committed answers (see the module)."""

    def __init__(self, case: Case, store: AnswerStore, learner: str | None = None) -> None:
        self.case = case
        self.store = store
        self.tasks = case.lateral
        resumed, said = store.resume()
        self.answers = resumed or AnswerSet(case.case_id, learner=clean_learner(learner))
        if learner:
            self.answers.learner = clean_learner(learner)
        self.message = " ".join(part for part in (store.notice, said) if part)
        self._listeners: list[Callable[[], None]] = []

    def task(self, task_id: str) -> LateralTask:
        """One task by id (``KeyError`` if there is none)."""
        return self.case.lateral_task(task_id)

    def passage_text(self, passage_id: str) -> str:
        """The article's words of one passage, exactly as the case has them."""
        return str(self.case.passages.at[passage_id, "text"])

    def is_committed(self, task_id: str) -> bool:
        """Whether the learner has committed an answer to the task."""
        return task_id in self.answers.answers

    def answer(self, task_id: str) -> Answer | None:
        """The committed answer to the task, or ``None``."""
        return self.answers.answers.get(task_id)

    def committed_count(self) -> int:
        """How many tasks have a committed answer."""
        return sum(self.is_committed(task.task_id) for task in self.tasks)

    def commit(self, task_id: str, choice_id: str, search: str = "") -> str:
        """Commit an answer (once: it then stands) and save; return a sentence for the learner.

        Raises ``KeyError`` for an unknown task or choice and ``ValueError`` when the task was
        already answered. A search longer than the format keeps is cut to its limit, and the
        sentence says so.
        """
        task = self.task(task_id)
        task.choice(choice_id)
        if self.is_committed(task_id):
            raise ValueError(f"You have already committed an answer to this task ({task_id}); it stands.")
        kept = search.strip()[:SEARCH_MAX]
        cut = len(search.strip()) > SEARCH_MAX
        self.answers.answers[task_id] = Answer(choice_id, kept, edit_time())
        said = self._save()
        if cut:
            said = f"Your search was kept up to {SEARCH_MAX:,} characters. {said}".strip()
        self._changed()
        return said

    def reveal(self, task_id: str) -> tuple[LateralTask, Choice, Answer]:
        """The task, the learner's choice and answer: only once the answer is committed."""
        answer = self.answer(task_id)
        if answer is None:
            raise NotCommittedError(
                "Commit your answer first: what the course found is shown only after that."
            )
        task = self.task(task_id)
        return task, task.choice(answer.choice), answer

    def _save(self) -> str:
        self.answers.saved_at = now_iso()
        try:
            self.answers, said = self.store.save(self.answers)
        except OSError as error:
            return f"Your answer could not be saved: {error_text(error)}"
        return said

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after each commit (the widget redraws)."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in self._listeners:
            listener()

    @property
    def path(self) -> Path:
        """The file the answers are saved in."""
        return self.store.path
