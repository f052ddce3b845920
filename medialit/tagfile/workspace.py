"""The learner's work folder: where the tagging widget autosaves, and how work is resumed.

Each exercise (and learner, if named) has one tag file in the work folder, e.g.
``my-work/hedging-tags.json`` beside the notebook (``MEDIALIT_WORK_DIR`` overrides the folder). Every
save goes through :func:`medialit.tagfile.storage.write_tags_atomic`: the new version is written to a
temporary file and renamed into place, and the previous version is kept as ``<name>.bak``.

On start, :meth:`Workspace.resume` reads that file back and says what it did. A file that
cannot be used (bad JSON, wrong format, truncated, another case) is never overwritten: it is
moved aside to ``<stem>.corrupt-<timestamp>.json`` and, if the ``.bak`` backup is usable, the
work resumes from the backup; otherwise it starts afresh. The message names every file.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from medialit.common.problems import (
    LISTED_IN_RESUME_REASON,
    LISTED_IN_RESUME_SKIPPED,
    ProblemsError,
    display_name,
    left_out_summary,
    sentences,
)
from medialit.tagfile.model import CaseLike, TagSet
from medialit.tagfile.reading import load_tags
from medialit.tagfile.storage import write_tags_atomic

WORK_DIR_VARIABLE = "MEDIALIT_WORK_DIR"
SUFFIX = "-tags.json"


def work_dir() -> Path:
    """The work folder (created if needed): ``$MEDIALIT_WORK_DIR``, else ``my-work`` in the current folder.

    A notebook's kernel runs in the notebook's folder, so the work is saved beside the notebook.
    """
    override = os.environ.get(WORK_DIR_VARIABLE)
    folder = Path(override).expanduser() if override else Path.cwd() / "my-work"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def slug(text: str) -> str:
    """A safe file-name fragment: letters, digits and hyphens only (``"Ada L."`` → ``"ada-l"``)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


def tag_file_name(exercise_id: str, learner: str | None = None) -> str:
    """The autosave file's name: ``<exercise>-tags.json`` or ``<exercise>-<learner>-tags.json``."""
    name = slug(learner or "")
    return f"{exercise_id}-{name}{SUFFIX}" if name else f"{exercise_id}{SUFFIX}"


def timestamp() -> str:
    """The current local time as a compact, file-name-safe stamp (``20240501T093000``)."""
    return datetime.now().strftime("%Y%m%dT%H%M%S")


def aside_path(path: Path, label: str) -> Path:
    """A new, unused ``<stem>.<label>-<timestamp>.json`` beside ``path``."""
    stem = path.name.removesuffix(".json")
    candidate = path.with_name(f"{stem}.{label}-{timestamp()}.json")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{stem}.{label}-{timestamp()}-{number}.json")
    return candidate


def readable_time(value: str | None) -> str:
    """An ISO 8601 time as ``23 November 2026, 20:02`` (or "an unknown time")."""
    try:
        return datetime.fromisoformat(value or "").strftime("%d %B %Y, %H:%M")
    except ValueError:
        return "an unknown time"


def count_reviewed(tagset: TagSet, passage_ids: Iterable[str]) -> int:
    """How many of ``passage_ids`` the tag set has reviewed (tagged, or marked no technique)."""
    return sum(1 for pid in passage_ids if pid in tagset.tags)


@dataclass
class Resume:
    """What :meth:`Workspace.resume` found: the tags to start from and a message saying so."""

    tagset: TagSet | None
    message: str
    moved_to: Path | None = None  # where an unusable file was moved aside
    from_backup: bool = False


def _problem_text(error: ProblemsError) -> str:
    return sentences(error.problems, LISTED_IN_RESUME_REASON)


class Workspace:
    """One tag file in the work folder, saved atomically with a ``.bak`` backup."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    @classmethod
    def for_exercise(
        cls, exercise_id: str, learner: str | None = None, folder: Path | None = None
    ) -> Workspace:
        """The workspace of one exercise (and learner) in ``folder`` (default :func:`work_dir`)."""
        folder = Path(folder) if folder is not None else work_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return cls(folder / tag_file_name(exercise_id, learner))

    @property
    def backup(self) -> Path:
        """The previous version, kept by every save."""
        return self.path.with_name(self.path.name + ".bak")

    @property
    def name(self) -> str:
        """The tag file's name as shown in messages."""
        return display_name(self.path)

    def save(self, tagset: TagSet) -> Path:
        """Save atomically (the previous version becomes ``.bak``); return the path."""
        return write_tags_atomic(self.path, tagset)

    def keep_copy(self, label: str = "replaced") -> Path | None:
        """Copy the current file to ``<stem>.<label>-<timestamp>.json`` (before replacing it)."""
        if not self.path.is_file():
            return None
        copy = aside_path(self.path, label)
        shutil.copy2(self.path, copy)
        return copy

    def _summary(self, tagset: TagSet, passage_ids: tuple[str, ...]) -> str:
        saved = readable_time(tagset.saved_at)
        reviewed = count_reviewed(tagset, passage_ids)
        return f"saved at {saved}: {reviewed} of {len(passage_ids)} passages reviewed."

    def resume(self, case: CaseLike, passage_ids: Iterable[str]) -> Resume:
        """Read the saved work back; move an unusable file aside and fall back on the backup."""
        passage_ids = tuple(passage_ids)
        if not self.path.exists():
            return Resume(None, f"Starting fresh. Your work is saved automatically to {self.name}.")
        try:
            tagset = load_tags(self.path, case)
        except ProblemsError as error:
            return self._recover(case, passage_ids, _problem_text(error))
        message = f"Resumed your work from {self.name}, {self._summary(tagset, passage_ids)}"
        return Resume(tagset, message + _warnings(tagset))

    def _recover(self, case: CaseLike, passage_ids: tuple[str, ...], reason: str) -> Resume:
        moved = aside_path(self.path, "corrupt")
        self.path.replace(moved)
        said = (
            f"Your saved work in {self.name} could not be read: {reason} It was moved aside to "
            f"{display_name(moved)}, so nothing was overwritten."
        )
        if self.backup.is_file():
            try:
                tagset = load_tags(self.backup, case)
            except ProblemsError as error:
                reason = _problem_text(error)
                said += f" The backup {display_name(self.backup)} could not be used either: {reason}"
            else:
                self.save(tagset)
                message = (
                    f"{said} Resumed from the backup {display_name(self.backup)}, "
                    f"{self._summary(tagset, passage_ids)}"
                )
                return Resume(tagset, message + _warnings(tagset), moved, from_backup=True)
        return Resume(None, f"{said} Starting fresh; your work is saved to {self.name}.", moved)


def _warnings(tagset: TagSet) -> str:
    if not tagset.problems:
        return ""
    summary = left_out_summary(tagset.problems, tagset.source)
    return f" {summary} {sentences(tagset.problems, LISTED_IN_RESUME_SKIPPED)}"
