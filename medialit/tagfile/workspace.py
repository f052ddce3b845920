"""The learner's work folder: where the tagging widget autosaves, and how work is resumed.

Each exercise (and learner, if named) has one tag file in the work folder, e.g.
``my-work/hedging-tags.json`` or ``my-work/hedging-josé-1a2b3c4d-tags.json`` beside the notebook
(``MEDIALIT_WORK_DIR`` overrides the folder; :mod:`medialit.tagfile.names` makes the names).

**The folder.** Before anything is saved, :meth:`Workspace.for_exercise` checks that the work
folder can be written (it creates and removes a small hidden file). If it cannot (a read-only
course folder on a JupyterHub, or one that cannot be created), the work goes to a per-user folder
instead (:func:`fallback_dir`, from ``platformdirs``) and :attr:`Workspace.notice` says so,
naming both folders.

**Saving.** Every save (:meth:`Workspace.save`) holds a lock on the file across processes
(:mod:`medialit.tagfile.locking`) and re-reads it. If another tab or kernel changed it since this
workspace last read or wrote it (the SHA-256 of its bytes differs), the two versions are merged,
passage by passage, the newer edit winning (:mod:`medialit.tagfile.merge`), and the save returns
the merged tags with a sentence saying which passages came from the other version; if the file
became unusable meanwhile, it is moved aside (as below) and this version is saved. The file is
then written atomically, the previous version kept as ``<name>.bak``
(:mod:`medialit.tagfile.storage`).

**Resuming.** On start, :meth:`Workspace.resume` reads that file back and says what it did. A
file that cannot be used (bad JSON, wrong format, truncated, another case) is never overwritten:
it is moved aside to ``<stem>.corrupt-<timestamp>.json`` (or, where that is not allowed, left as
it is) and, if the ``.bak`` backup is usable, the work resumes from the backup; otherwise it
starts afresh. A file that is missing while its backup is there resumes from the backup too. The
message names every file.

**Moving.** :meth:`Workspace.move_to` renames the work (a learner who gives or changes their name)
and :meth:`Workspace.hand_back` moves a file that belongs to another learner to that learner's own
file; neither ever overwrites a file.

Backups, copies kept aside, temporary files and locks are never a learner's tags, nor are the
lateral-reading answers files: a class report skips them by :func:`not_learner_work`, the one
statement of how they are named.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import platformdirs

from medialit.common.problems import (
    LISTED_IN_RESUME_REASON,
    LISTED_IN_RESUME_SKIPPED,
    ProblemsError,
    display_name,
    left_out_summary,
    sentences,
)
from medialit.tagfile.locking import LOCK_SUFFIX, locked
from medialit.tagfile.merge import merge_tagsets
from medialit.tagfile.model import CaseLike, TagSet
from medialit.tagfile.names import ANSWERS_SUFFIX, tag_file_name
from medialit.tagfile.reading import load_tags, one_learner, parse_tag_file, read_limited
from medialit.tagfile.storage import (
    BACKUP_SUFFIX,
    backup_path,
    create_temporary,
    dump_tags,
    write_text_atomic,
)

WORK_DIR_VARIABLE = "MEDIALIT_WORK_DIR"


def work_dir() -> Path:
    """The work folder: ``$MEDIALIT_WORK_DIR``, else ``my-work`` in the current folder (created if it can be).

    A notebook's kernel runs in the notebook's folder, so the work is saved beside the notebook.
    Whether it can be written is checked by :func:`usable_folder` before anything is saved.
    """
    override = os.environ.get(WORK_DIR_VARIABLE)
    folder = Path(override).expanduser() if override else Path.cwd() / "my-work"
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def fallback_dir() -> Path:
    """The per-user work folder used when the work folder cannot be written.

    ``my-work`` in the user's data folder as ``platformdirs`` finds it, e.g.
    ``~/.local/share/medialit/my-work`` on Linux (``$XDG_DATA_HOME`` moves it).
    """
    return platformdirs.user_data_path("medialit", appauthor=False) / "my-work"


def can_write(folder: Path) -> bool:
    """Whether files can be created in ``folder`` (made if missing): a hidden file is created and removed."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = create_temporary(folder / "write-check")
        os.close(handle)
        probe.unlink()
    except OSError:
        return False
    return True


class WorkFolder(NamedTuple):
    """Where the work is saved, the sentence to say about it ("" if none), and whether it can be written."""

    path: Path
    notice: str = ""
    writable: bool = True


def usable_folder(folder: Path) -> WorkFolder:
    """``folder`` if it can be written, else :func:`fallback_dir`, with a sentence saying so."""
    if can_write(folder):
        return WorkFolder(folder)
    fallback = fallback_dir()
    if can_write(fallback):
        return WorkFolder(
            fallback,
            f"The work folder {display_name(folder)} cannot be written, so your work is saved in "
            f"{display_name(fallback)} instead.",
        )
    return WorkFolder(
        folder,
        f"Neither the work folder {display_name(folder)} nor {display_name(fallback)} can be written, so "
        "your work is not saved automatically: press Download my tags now and then to keep a copy.",
        writable=False,
    )


def timestamp() -> str:
    """The current local time as a compact, file-name-safe stamp (``20240501T093000``)."""
    return datetime.now().strftime("%Y%m%dT%H%M%S")


#: The labels of the copies moved or kept aside (``<stem>.<label>-<timestamp>[-<n>].json``).
ASIDE_LABELS = ("replaced", "corrupt")
_ASIDE_COPY = re.compile(rf".+\.(?:{'|'.join(ASIDE_LABELS)})-\d{{8}}T\d{{6}}(?:-\d+)?\.json", re.IGNORECASE)


def not_learner_work(name: str) -> str | None:
    """What kind of work-folder copy the file ``name`` is, or ``None`` for a tag file a learner made.

    ``"backup"`` (``<name>.bak``), ``"copy kept aside"`` (``<stem>.replaced-<timestamp>.json``,
    ``<stem>.corrupt-<timestamp>.json``), ``"temporary file"`` (``.<name>.<random>.tmp``, left
    by an interrupted save), ``"lock file"`` (``.<name>.lock``) or ``"lateral-reading answers
    file"`` (``<name>-answers.json``: a learner's work, but not tags, so a class report skips it).
    """
    lower = name.lower()
    if lower.endswith(BACKUP_SUFFIX):
        return "backup"
    if lower.endswith(LOCK_SUFFIX):
        return "lock file"
    if lower.startswith(".") and lower.endswith(".tmp"):
        return "temporary file"
    if _ASIDE_COPY.fullmatch(name):
        return "copy kept aside"
    if lower.endswith(ANSWERS_SUFFIX):
        return "lateral-reading answers file"
    return None


def aside_path(path: Path, label: str) -> Path:
    """A new, unused ``<stem>.<label>-<timestamp>.json`` beside ``path``."""
    stem = path.name.removesuffix(".json")
    candidate = path.with_name(f"{stem}.{label}-{timestamp()}.json")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{stem}.{label}-{timestamp()}-{number}.json")
    return candidate


def move_without_replacing(source: Path, target: Path) -> None:
    """Move ``source`` to ``target`` in one step, never over an existing file (``FileExistsError``).

    A hard link gives the file its new name only if nothing has it yet, then the old name goes, so
    the file is never missing. Where hard links are not supported (FAT drives, some network
    folders) it is renamed after checking that ``target`` is free.
    """
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(errno.EEXIST, "A file of that name already exists", str(target)) from None
        source.replace(target)
    else:
        source.unlink()


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


@dataclass
class Saved:
    """What :meth:`Workspace.save` wrote: the tags as saved (merged if need be), what to tell the learner."""

    tagset: TagSet
    message: str = ""  # "" when there is nothing to say


#: How many passages a message about a merge names; the rest are counted.
LISTED_IN_MERGE = 5


def passage_list(passage_ids: tuple[str, ...]) -> str:
    """Passage ids as readable words: ``p045``, ``p045 and p046``, ``p045, p046, … and 3 more passages``."""
    shown, rest = list(passage_ids[:LISTED_IN_MERGE]), len(passage_ids) - LISTED_IN_MERGE
    if rest > 0:
        return f"{', '.join(shown)} and {rest} more passage{'s' if rest > 1 else ''}"
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def merged_message(taken: tuple[str, ...]) -> str:
    """The sentence saying that another tab's or kernel's changes were merged ("" if none were)."""
    if not taken:
        return ""
    return (
        "This exercise is also open in another tab or kernel; its changes to "
        f"{passage_list(taken)} were merged with yours."
    )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Workspace:
    """One tag file in the work folder, saved atomically with a ``.bak`` backup, merged with other sessions.

    ``notice`` is the sentence :meth:`for_exercise` has to say about the folder ("" if none);
    ``writable`` is false when it found no folder that can be written.
    """

    def __init__(self, path: Path | str, notice: str = "", writable: bool = True) -> None:
        self.path = Path(path)
        self.notice = notice
        self.writable = writable
        self._seen: str | None = None  # SHA-256 of the bytes last read or written here (None: no file)
        self._case: CaseLike | None = None

    @classmethod
    def for_exercise(
        cls, exercise_id: str, learner: str | None = None, folder: Path | None = None
    ) -> Workspace:
        """The workspace of one exercise (and learner) in ``folder`` (default :func:`work_dir`).

        A folder that cannot be written is replaced by :func:`fallback_dir` (see :func:`usable_folder`).
        """
        chosen = usable_folder(Path(folder) if folder is not None else work_dir())
        return cls(chosen.path / tag_file_name(exercise_id, learner), chosen.notice, chosen.writable)

    @property
    def backup(self) -> Path:
        """The previous version, kept by every save."""
        return backup_path(self.path)

    @property
    def name(self) -> str:
        """The tag file's name as shown in messages."""
        return display_name(self.path)

    def save(self, tagset: TagSet, case: CaseLike | None = None) -> Saved:
        """Save ``tagset`` atomically, merged with what another tab or kernel saved since this one looked.

        ``case`` (default: the one given to :meth:`resume`) is what another version is read against.
        Returns the tags as saved (``tagset`` itself, or the merge) and a sentence when there is
        something to tell the learner. Raises :class:`OSError` when the file cannot be written.
        """
        with locked(self.path):
            saved, message = self._reconcile(tagset, case or self._case)
            text = dump_tags(saved)
            write_text_atomic(self.path, text)
            self._seen = _digest(text.encode("utf-8"))
        return Saved(saved, message)

    def _reconcile(self, tagset: TagSet, case: CaseLike | None) -> tuple[TagSet, str]:
        """``tagset``, merged with the file if another session changed it (under the lock)."""
        if not self.path.exists():
            return tagset, ""
        try:
            data = read_limited(self.path)
        except ProblemsError as error:
            return tagset, self._set_aside(_problem_text(error))
        if _digest(data) == self._seen:
            return tagset, ""
        if case is None:
            raise TypeError("Workspace.save needs the case to merge with another version of the file.")
        try:
            theirs = one_learner(parse_tag_file(data, self.name, case), self.name)
        except ProblemsError as error:
            return tagset, self._set_aside(_problem_text(error))
        merged = merge_tagsets(tagset, theirs)
        return merged.tagset, merged_message(merged.taken)

    def _set_aside(self, reason: str) -> str:
        moved = aside_path(self.path, "corrupt")
        self.path.replace(moved)
        return (
            f"Your saved work in {self.name} was changed elsewhere and could not be read: {reason} "
            f"It was moved aside to {display_name(moved)}, and your current work was saved."
        )

    def keep_copy(self, label: str = "replaced") -> Path | None:
        """Copy the current file to ``<stem>.<label>-<timestamp>.json`` (before replacing it)."""
        if not self.path.is_file():
            return None
        copy = aside_path(self.path, label)
        shutil.copy2(self.path, copy)
        return copy

    def move_to(self, target: Path) -> None:
        """Rename the tag file and its ``.bak`` to ``target``; from then on this workspace is ``target``.

        Nothing is ever overwritten: if ``target`` exists, ``FileExistsError`` is raised and nothing
        moves; a ``.bak`` that ``target`` already has is kept, and the old one stays where it was.
        """
        if target.exists():
            raise FileExistsError(errno.EEXIST, "A file of that name already exists", str(target))
        moved = Workspace(target)
        if self.path.exists():
            move_without_replacing(self.path, target)
        if self.backup.is_file():
            with contextlib.suppress(FileExistsError):
                move_without_replacing(self.backup, moved.backup)
        self.path = target

    def hand_back(self, exercise_id: str, owner: str) -> Path:
        """Move the tag file, which belongs to ``owner``, to that learner's own file; return where it went.

        If that learner already has a file, it goes aside to ``<stem>.another-learner-<timestamp>.json``.
        The file is moved as it is, and this workspace keeps its path (for the learner starting here).
        """
        own = self.path.with_name(tag_file_name(exercise_id, owner))
        for target in (own, aside_path(self.path, "another-learner")):
            with contextlib.suppress(FileExistsError):
                Workspace(self.path).move_to(target)
                return target
        raise FileExistsError(errno.EEXIST, "No free file name", str(own))

    def _summary(self, tagset: TagSet, passage_ids: tuple[str, ...]) -> str:
        saved = readable_time(tagset.saved_at)
        reviewed = count_reviewed(tagset, passage_ids)
        return f"saved at {saved}: {reviewed} of {len(passage_ids)} passages reviewed."

    def resume(self, case: CaseLike, passage_ids: Iterable[str]) -> Resume:
        """Read the saved work back; move an unusable file aside and fall back on the backup."""
        self._case = case
        passage_ids = tuple(passage_ids)
        if not self.path.exists():
            if self.backup.is_file():
                return self._from_backup(case, passage_ids, f"Your saved work {self.name} was missing.")
            saved = f" Your work is saved automatically to {self.name}." if self.writable else ""
            return Resume(None, f"Starting fresh.{saved}")
        try:
            data = read_limited(self.path)
            tagset = one_learner(parse_tag_file(data, self.name, case), self.name)
        except ProblemsError as error:
            return self._recover(case, passage_ids, _problem_text(error))
        self._seen = _digest(data)
        message = f"Resumed your work from {self.name}, {self._summary(tagset, passage_ids)}"
        return Resume(tagset, message + _warnings(tagset))

    def _recover(self, case: CaseLike, passage_ids: tuple[str, ...], reason: str) -> Resume:
        aside = aside_path(self.path, "corrupt")
        moved: Path | None = aside
        try:
            self.path.replace(aside)
        except OSError as error:
            moved = None
            said = (
                f"Your saved work in {self.name} could not be read: {reason} It could not be moved "
                f"aside either ({error.strerror or error}), so it was left as it is."
            )
        else:
            said = (
                f"Your saved work in {self.name} could not be read: {reason} It was moved aside to "
                f"{display_name(aside)}, so nothing was overwritten."
            )
        if self.backup.is_file():
            return self._from_backup(case, passage_ids, said, moved)
        return Resume(None, f"{said} Starting fresh; your work is saved to {self.name}.", moved)

    def _from_backup(
        self, case: CaseLike, passage_ids: tuple[str, ...], said: str, moved: Path | None = None
    ) -> Resume:
        backup = display_name(self.backup)
        try:
            tagset = load_tags(self.backup, case)
        except ProblemsError as error:
            said += f" The backup {backup} could not be used either: {_problem_text(error)}"
            return Resume(None, f"{said} Starting fresh; your work is saved to {self.name}.", moved)
        with contextlib.suppress(OSError):  # if it cannot be saved now, the next change says so
            self.save(tagset, case)
        message = f"{said} Resumed from the backup {backup}, {self._summary(tagset, passage_ids)}"
        return Resume(tagset, message + _warnings(tagset), moved, from_backup=True)


def _warnings(tagset: TagSet) -> str:
    if not tagset.problems:
        return ""
    summary = left_out_summary(tagset.problems, tagset.source)
    return f" {summary} {sentences(tagset.problems, LISTED_IN_RESUME_SKIPPED)}"
