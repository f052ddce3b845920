"""A learner's lateral reading: commit an answer to each task, and only then see what the course found.

The session holds the tasks and the learner's committed answers and saves after every commit
(:class:`medialit.tagfile.answer_store.AnswerStore`: atomic, with a backup, per learner, merged
with another tab or kernel). It has no view: :mod:`medialit.widgets.lateral` draws it, and
:meth:`LateralSession.reveal` is the one way to what the course found, refused before the
learner has committed an answer. :meth:`LateralSession.restore` adds a downloaded answers file's
answers to the tasks not committed yet, never to another learner's work; :meth:`~LateralSession.json_text`
and :meth:`~LateralSession.download_name` are what "Download my answers" offers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from medialit.case.lateral import Choice, LateralTask
from medialit.case.model import Case
from medialit.common.problems import ProblemsError, error_text, left_out_summary, sentences
from medialit.session.tagging import RestoreOutcome
from medialit.tagfile.answer_store import ANSWERS_STEM, AnswerStore
from medialit.tagfile.answers import SEARCH_MAX, Answer, AnswerSet, add_missing, parse_answers
from medialit.tagfile.model import clean_learner, edit_time, now_iso
from medialit.tagfile.names import ANSWERS_SUFFIX, download_file_name, same_learner

#: What a restore says (the book's in-page version says the same: it gets these in its page data).
RESTORE = {
    "restored": "Answers restored from {name}: {count}; the answers already committed here stand.",
    "other_learner": (
        "Nothing was restored from {name}: it holds the answers of “{theirs}”, not of “{mine}”, "
        "and two learners' answers are never mixed."
    ),
    "named": "Your answers are now saved for “{learner}”, the name in that file.",
}


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

    def restore(self, data: bytes, name: str) -> RestoreOutcome:
        """Add the answers of an uploaded answers file to the tasks not committed here, and save.

        Answers committed here stand (:func:`~medialit.tagfile.answers.add_missing`). Nothing is
        restored from a file that cannot be read, or that names another learner than the one
        here; with no name here, the file's name is taken, and the message says so. Answers to
        unknown tasks or choices are left out, and the message lists them.
        """
        try:
            theirs = parse_answers(data, name, self.case.case_id, self.tasks)
        except ProblemsError as error:
            return RestoreOutcome(f"Nothing was restored. {sentences(error.problems)}", restored=False)
        mine = self.answers.learner
        if theirs.learner and mine and not same_learner(theirs.learner, mine):
            refused = RESTORE["other_learner"].format(name=name, theirs=theirs.learner, mine=mine)
            return RestoreOutcome(refused, restored=False)
        self.answers, taken = add_missing(self.answers, theirs)
        said = [RESTORE["restored"].format(name=name, count=len(taken))]
        named = mine is None and theirs.learner is not None
        if named:
            self.answers.learner = theirs.learner
            said.append(RESTORE["named"].format(learner=theirs.learner))
        if theirs.problems:
            said += [left_out_summary(theirs.problems, name), sentences(theirs.problems)]
        if taken or named:
            said.append(self._save())
            self._changed()
        return RestoreOutcome(" ".join(part for part in said if part), restored=True)

    def json_text(self) -> str:
        """The answers as the file's JSON text (what "Download my answers" saves)."""
        return self.answers.dump()

    def download_name(self) -> str:
        """The download's name, ``lateral-<learner>-<code>-<date>-answers.json``.

        See :func:`medialit.tagfile.names.download_file_name`: no two learners' downloads share a name.
        """
        return download_file_name(ANSWERS_STEM, self.answers.learner, self.answers.saved_at, ANSWERS_SUFFIX)

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
