"""Where a learner's lateral-reading answers are kept: one file per learner in the work folder.

The file sits beside the tag files (``my-work/lateral-answers.json``, or
``my-work/lateral-josé-1a2b3c4d-answers.json`` for a named learner: the names follow
:mod:`medialit.tagfile.names`, so two learners never share a file), in the same folder
:func:`~medialit.tagfile.workspace.usable_folder` chooses, and it is kept the same way as a tag
file:

- every save holds the file's lock across processes (:mod:`medialit.tagfile.locking`) and
  re-reads it; if another tab or kernel saved since, the two versions are merged, each task's
  earlier commitment winning (:func:`medialit.tagfile.answers.merge_answers`);
- it is written atomically, the previous version kept as ``<name>.bak``
  (:func:`medialit.tagfile.storage.write_text_atomic`);
- a file that cannot be read is never overwritten: it is moved aside to
  ``<stem>.corrupt-<timestamp>.json`` and the work resumes from the backup if that can be read.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from medialit.case.lateral import LateralTask
from medialit.common.problems import LISTED_IN_RESUME_REASON, ProblemsError, display_name, sentences
from medialit.tagfile.answers import AnswerSet, merge_answers, parse_answers
from medialit.tagfile.locking import locked
from medialit.tagfile.names import ANSWERS_SUFFIX, tag_file_name
from medialit.tagfile.reading import read_limited
from medialit.tagfile.storage import backup_path, write_text_atomic
from medialit.tagfile.workspace import aside_path, passage_list, usable_folder, work_dir

#: The first part of every answers file's name.
ANSWERS_STEM = "lateral"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class AnswerStore:
    """One learner's answers file (see the module); ``notice`` says where the work went, if elsewhere."""

    def __init__(
        self, path: Path | str, case_id: str, tasks: tuple[LateralTask, ...], notice: str = ""
    ) -> None:
        self.path = Path(path)
        self.case_id = case_id
        self.tasks = tasks
        self.notice = notice
        self.writable = True
        self._seen: str | None = None  # SHA-256 of the bytes last read or written here

    @classmethod
    def for_learner(
        cls,
        case_id: str,
        tasks: tuple[LateralTask, ...],
        learner: str | None = None,
        folder: Path | None = None,
    ) -> AnswerStore:
        """The answers file of ``learner`` in ``folder`` (default: the work folder, or its fallback)."""
        chosen = usable_folder(Path(folder) if folder is not None else work_dir())
        store = cls(
            chosen.path / tag_file_name(ANSWERS_STEM, learner, ANSWERS_SUFFIX), case_id, tasks, chosen.notice
        )
        store.writable = chosen.writable
        return store

    @property
    def name(self) -> str:
        """The file's name as shown in messages."""
        return display_name(self.path)

    def _read(self, path: Path) -> tuple[AnswerSet, bytes]:
        data = read_limited(path)
        return parse_answers(data, display_name(path), self.case_id, self.tasks), data

    def resume(self) -> tuple[AnswerSet | None, str]:
        """The answers saved before (``None`` if there are none) and a sentence saying what was found."""
        if not self.path.exists() and not backup_path(self.path).is_file():
            return None, f"Your answers are saved automatically to {self.name}." if self.writable else ""
        said = ""
        if self.path.exists():
            try:
                answers, data = self._read(self.path)
            except ProblemsError as error:
                moved = aside_path(self.path, "corrupt")
                self.path.replace(moved)
                said = (
                    f"Your saved answers in {self.name} could not be read: "
                    f"{sentences(error.problems, LISTED_IN_RESUME_REASON)} They were moved aside to "
                    f"{display_name(moved)}, so nothing was overwritten."
                )
            else:
                self._seen = _digest(data)
                return answers, f"Resumed your answers from {self.name}: {len(answers.answers)} committed."
        try:
            answers, _ = self._read(backup_path(self.path))
        except ProblemsError:
            return None, f"{said} Starting afresh; your answers are saved to {self.name}.".strip()
        saved, _ = self.save(answers)
        return saved, f"{said} Resumed from the backup: {len(saved.answers)} answers committed.".strip()

    def save(self, answers: AnswerSet) -> tuple[AnswerSet, str]:
        """Save ``answers``, merged with what another tab or kernel saved since; what to tell the learner.

        Raises :class:`OSError` when the file cannot be written.
        """
        message = ""
        with locked(self.path):
            if self.path.exists():
                try:
                    theirs, data = self._read(self.path)
                except ProblemsError:
                    moved = aside_path(self.path, "corrupt")
                    self.path.replace(moved)
                    message = (
                        f"{self.name} was changed elsewhere and could not be read, so it was moved aside "
                        f"to {display_name(moved)}."
                    )
                else:
                    if _digest(data) != self._seen:
                        answers, taken = merge_answers(answers, theirs)
                        if taken:
                            message = (
                                "These tasks are also open in another tab or kernel; its answers to "
                                f"{passage_list(taken)} were kept, as an answer once committed stands."
                            )
            text = answers.dump()
            write_text_atomic(self.path, text)
            self._seen = _digest(text.encode("utf-8"))
        return answers, message
