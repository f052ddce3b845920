"""A learner's tagging session: the state behind the widget, and a plain-Python way to use it.

The notebooks reach it through :func:`medialit.widgets.exercise.start`:


>>> exercise = start("hedging")                # doctest: +SKIP
>>> exercise.tag("p044", "hedging")            # doctest: +SKIP
>>> exercise.cue("p044", "hedging", "apparent")  # doctest: +SKIP
>>> exercise.no_technique("p045")              # doctest: +SKIP
>>> exercise.set_confidence("p045", "sure")    # doctest: +SKIP  (a test form: pretest, posttest)
>>> exercise.progress()                        # doctest: +SKIP
12 of 29 reviewed
>>> exercise.check()                           # doctest: +SKIP

Every change is saved at once to :attr:`TaggingSession.path` (see
:mod:`medialit.tagfile.workspace`), and records when that passage was edited
(:attr:`~medialit.tagfile.model.TagSet.edited`). When the same exercise is open in another tab or
kernel, each save merges the other one's changes in, passage by passage, the newer edit winning
(:mod:`medialit.tagfile.merge`): the session takes on the merged tags, its listeners redraw them,
and :attr:`TaggingSession.message` says which passages came from the other one.

This module knows no view: the widget
(:class:`medialit.widgets.tagging.TaggingWidget`) listens through :meth:`TaggingSession.on_change`,
so anything done in Python shows in the widget and the other way round.

Nothing is cut silently: a note longer than the format allows, cue phrases beyond its limit for
one tag and a name longer than its limit are cut to the limit, and the method says so (the
notebook methods print a sentence; the ``set_*`` methods the widget uses return it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from medialit.case.labels import category_labels
from medialit.case.model import Case, ExerciseSpec
from medialit.common.cues import find_span
from medialit.common.problems import ProblemsError, display_name, left_out_summary, sentences
from medialit.scoring.calibration import CONFIDENCE_LEVELS
from medialit.tagfile.merge import edit_times, passage_ids
from medialit.tagfile.model import (
    CUES_MAX,
    LEARNER_MAX,
    NOTE_MAX,
    TagSet,
    clean_learner,
    edit_time,
    learner_length,
    now_iso,
)
from medialit.tagfile.names import download_file_name, same_learner, tag_file_name
from medialit.tagfile.reading import one_learner, parse_tag_file
from medialit.tagfile.storage import dump_tags
from medialit.tagfile.workspace import Workspace, count_reviewed


@dataclass(frozen=True)
class Progress:
    """How many of the exercise's passages are reviewed."""

    reviewed: int
    total: int

    def __str__(self) -> str:
        return f"{self.reviewed} of {self.total} reviewed"

    def __repr__(self) -> str:
        return str(self)


@dataclass(frozen=True)
class RestoreOutcome:
    """What restoring an uploaded file did: the sentences to show, and whether the work was replaced.

    ``other_exercise`` is the exercise the file was made for when it was refused for being another
    exercise's; restoring it again with ``anyway=True`` keeps this exercise's passages from it.
    """

    message: str
    restored: bool
    other_exercise: str | None = None


class TaggingSession:
    """One learner's work on one exercise, autosaved on every change (the state, with no view).

    :attr:`message` is the latest thing to tell the learner about the saved work: what was
    resumed or restored, where it is saved, what another tab's changes merged in, or that a save
    failed (a save error is cleared, to "", by the next save that works).
    """

    def __init__(
        self, case: Case, spec: ExerciseSpec, workspace: Workspace, learner: str | None = None
    ) -> None:
        self.case = case
        self.spec = spec
        self.labels = category_labels(case, spec.categories)
        self._listeners: list[Callable[[], None]] = []
        self._save_failed = False
        self.message = " ".join(
            filter(None, [self._open(workspace, clean_learner(learner)), name_cut_message(learner)])
        )

    def _open(self, workspace: Workspace, learner: str | None) -> str:
        """Work in ``workspace`` as ``learner``; returns what was resumed, as a message.

        A saved file that names another learner is never continued: it is handed back to that
        learner's own file, as it is (:meth:`~medialit.tagfile.workspace.Workspace.hand_back`),
        and the work starts fresh here. A file that names nobody is this learner's.
        """
        resumed = workspace.resume(self.case, self.spec.passage_ids)
        tagset, message = resumed.tagset, resumed.message
        owner = tagset.learner if tagset else None
        if owner is not None and not same_learner(owner, learner):
            went = workspace.hand_back(self.exercise_id, owner)
            tagset = None
            hint = (
                f" To continue it, type “{owner}” as your name."
                if learner is None and went.name == tag_file_name(self.exercise_id, owner)
                else ""
            )
            message = (
                f"The work saved in {workspace.name} belongs to “{owner}”, so it was not continued: it "
                f"was moved, as it was, to {display_name(went)}.{hint} Starting fresh; your work is "
                f"saved automatically to {workspace.name}."
            )
        self.workspace = workspace
        self.tagset = tagset or TagSet(case=self.case.case_id, tags={})
        self.tagset.exercise = self.exercise_id
        self.tagset.edited = edit_times(self.tagset)  # a file without edit times: edited when saved
        self.tagset.learner = learner
        self.resumed_from_backup = resumed.from_backup and tagset is not None
        self.moved_to = resumed.moved_to
        return " ".join(part for part in (workspace.notice, message) if part)

    # --- what is there ------------------------------------------------------------------------

    @property
    def exercise_id(self) -> str:
        """The exercise's id (``"hedging"``, ``"capstone"``, ...)."""
        return self.spec.exercise_id

    @property
    def passage_ids(self) -> tuple[str, ...]:
        """The exercise's passages, in reading order."""
        return self.spec.passage_ids

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories this exercise tags."""
        return self.spec.categories

    @property
    def path(self) -> Path:
        """The autosave file."""
        return self.workspace.path

    @property
    def learner(self) -> str | None:
        """The learner's name or code, if given (saved in the tag file)."""
        return self.tagset.learner

    @learner.setter
    def learner(self, value: str | None) -> None:
        """Give or change the name; the work moves to that name's file (see :meth:`rename`).

        Prints a sentence if the name had to be cut.
        """
        said = self.set_learner(value)
        if said:
            print(said)

    def set_learner(self, value: str | None) -> str:
        """Give or change the name (see :meth:`rename`); a sentence if it had to be cut, else ``""``."""
        self.message = self.rename(value)
        self._changed()
        return name_cut_message(value)

    def rename(self, value: str | None) -> str:
        """Give or change the learner's name, moving the work to that name's file; returns a message.

        The tag file and its ``.bak`` are renamed in one step each, so the old file no longer holds
        the work. If the name has saved work already, nothing is overwritten: that work is
        continued and the work on screen stays in its own file (the message names both). A new
        spelling of the same name ("ada" for "Ada") keeps the file.
        """
        new = clean_learner(value)
        if same_learner(new, self.tagset.learner):
            self.tagset.learner = new
            return f"Your work stays saved {_named(new)} in {self.workspace.name}."
        left = self.workspace.path
        target = left.with_name(tag_file_name(self.exercise_id, new))
        try:
            self.workspace.move_to(target)
        except FileExistsError:
            resumed = self._open(Workspace(target), new)
            stays = f" The work you had here stays in {display_name(left)}." if left.is_file() else ""
            return f"There is already work saved {_named(new)}, so nothing was overwritten. {resumed}{stays}"
        except OSError as error:
            reason = error.strerror or str(error)
            return f"Your name was not changed: {display_name(left)} could not be renamed ({reason})."
        self.tagset.learner = new
        return f"Your work is now saved {_named(new)} in {self.workspace.name}."

    def text(self, passage_id: str) -> str:
        """A passage's text."""
        return str(self.case.passages.at[passage_id, "text"])

    def tags_of(self, passage_id: str) -> list[str]:
        """The categories tagged on a passage (empty if none or not reviewed)."""
        return list(self.tagset.tags.get(passage_id, []))

    def is_reviewed(self, passage_id: str) -> bool:
        """True once a passage is tagged or marked "no technique"."""
        return passage_id in self.tagset.tags

    def is_no_technique(self, passage_id: str) -> bool:
        """True if the passage is marked reviewed with no technique."""
        return self.tagset.tags.get(passage_id) == []

    def cues_of(self, passage_id: str, category: str) -> list[str]:
        """The learner's cue words for one tag."""
        return list(self.tagset.cues.get(passage_id, {}).get(category, []))

    def note_of(self, passage_id: str) -> str:
        """The learner's note on a passage."""
        return self.tagset.notes.get(passage_id, "")

    @property
    def asks_confidence(self) -> bool:
        """Whether this exercise asks how sure the learner is of each answer (a test form)."""
        return self.spec.asks_confidence

    def confidence_of(self, passage_id: str) -> str | None:
        """How sure the learner said they are of their answer on a passage (a level id), if they said."""
        return self.tagset.confidence.get(passage_id)

    def progress(self) -> Progress:
        """How many passages are reviewed, e.g. ``12 of 29 reviewed``."""
        return Progress(count_reviewed(self.tagset, self.passage_ids), len(self.passage_ids))

    # --- changes (each one is saved) -----------------------------------------------------------

    def _check_passage(self, passage_id: str) -> None:
        if passage_id not in self.passage_ids:
            first, last = self.passage_ids[0], self.passage_ids[-1]
            raise ValueError(f"{passage_id!r} is not one of this exercise's passages ({first} to {last}).")

    def _check_category(self, category: str) -> None:
        if category not in self.categories:
            known = ", ".join(repr(c) for c in self.categories)
            raise ValueError(f"{category!r} is not a category of this exercise; use {known}.")

    def tag(self, passage_id: str, category: str) -> None:
        """Tag a passage with a category (this clears "no technique")."""
        self._check_passage(passage_id)
        self._check_category(category)
        self._add_tag(passage_id, category)
        self._changed(passage_id)

    def _add_tag(self, passage_id: str, category: str) -> None:
        given = self.tagset.tags.setdefault(passage_id, [])
        if category not in given:
            given.append(category)

    def untag(self, passage_id: str, category: str) -> None:
        """Remove a tag (and its cue words); with no tag left the passage is not reviewed."""
        self._check_passage(passage_id)
        self._check_category(category)
        given = self.tagset.tags.get(passage_id, [])
        if category in given:
            given.remove(category)
            if not given:
                del self.tagset.tags[passage_id]
        self._drop_cues(passage_id, category)
        self._changed(passage_id)

    def no_technique(self, passage_id: str) -> None:
        """Mark a passage reviewed with no technique (this clears its tags and cue words)."""
        self._check_passage(passage_id)
        self.tagset.tags[passage_id] = []
        self.tagset.cues.pop(passage_id, None)
        self._changed(passage_id)

    def unreview(self, passage_id: str) -> None:
        """Mark a passage as not reviewed (its tags and cue words go; the note stays)."""
        self._check_passage(passage_id)
        self.tagset.tags.pop(passage_id, None)
        self.tagset.cues.pop(passage_id, None)
        self._changed(passage_id)

    def _drop_cues(self, passage_id: str, category: str) -> None:
        by_category = self.tagset.cues.get(passage_id, {})
        by_category.pop(category, None)
        if not by_category:
            self.tagset.cues.pop(passage_id, None)

    def set_cues(self, passage_id: str, category: str, phrases: list[str]) -> str:
        """Set the cue words for a tag; returns sentences about the phrases not kept (``""`` if none).

        See :func:`kept_cues`. The category is tagged if it was not. An empty list removes the cue words.
        """
        self._check_passage(passage_id)
        self._check_category(category)
        kept, said = kept_cues(self.text(passage_id), phrases)
        if kept:
            self._add_tag(passage_id, category)
            self.tagset.cues.setdefault(passage_id, {})[category] = kept
        else:
            self._drop_cues(passage_id, category)
        self._changed(passage_id)
        return said

    def cue(self, passage_id: str, category: str, words: str) -> bool:
        """Add cue words (a phrase copied from the passage) to a tag; says so if they were not kept."""
        said = self.set_cues(passage_id, category, [*self.cues_of(passage_id, category), words])
        if said:
            print(said)
        return not said

    def set_note(self, passage_id: str, text: str) -> str:
        """Keep a note on a passage (an empty note removes it); returns a sentence if it was cut.

        A note longer than :data:`NOTE_MAX` characters is kept up to that many, and the sentence
        says so; ``""`` when the whole note was kept.
        """
        self._check_passage(passage_id)
        note, said = kept_note(passage_id, text)
        if note is None:
            self.tagset.notes.pop(passage_id, None)
        else:
            self.tagset.notes[passage_id] = note
        self._changed(passage_id)
        return said

    def note(self, passage_id: str, text: str) -> bool:
        """Keep a note on a passage (an empty note removes it); says so, and returns False, if it was cut."""
        said = self.set_note(passage_id, text)
        if said:
            print(said)
        return not said

    def set_confidence(self, passage_id: str, level: str | None) -> None:
        """Say how sure the learner is of their answer on a passage (``None`` takes it back); saved at once.

        ``level`` is one of :data:`~medialit.scoring.calibration.CONFIDENCE_LEVELS` (``"unsure"``,
        ``"fairly_sure"``, ``"sure"``). Only an exercise that asks for it takes a confidence
        (:attr:`asks_confidence`); it stays when the passage's tags change, like the note.
        """
        self._check_passage(passage_id)
        if not self.asks_confidence:
            raise ValueError(f"The {self.exercise_id} exercise does not ask how sure you are.")
        if level is None:
            self.tagset.confidence.pop(passage_id, None)
        elif level in CONFIDENCE_LEVELS:
            self.tagset.confidence[passage_id] = level
        else:
            known = ", ".join(repr(name) for name in CONFIDENCE_LEVELS)
            raise ValueError(f"{level!r} is not a level of confidence; use {known} or None.")
        self._changed(passage_id)

    def replace(self, tagset: TagSet, source: str) -> str:
        """Replace the work with ``tagset`` (an upload), keeping a copy of the current file first."""
        cut = name_cut_message(tagset.learner)
        moved = ""
        if self.tagset.learner is None and tagset.learner is not None:  # the file's name is taken
            left = self.path
            said = self.rename(tagset.learner)
            stays = f"; the work you had here stays in {display_name(left)}" if left.is_file() else ""
            named = f" It is saved {_named(self.learner)} in {self.workspace.name}{stays}."
            moved = named if self.learner else f" {said}"  # else the file could not be renamed
        tagset.learner = self.tagset.learner  # the name given here wins
        kept = self.workspace.keep_copy("replaced")
        tagset.case = self.case.case_id
        tagset.problems = []
        touched = dict.fromkeys([*passage_ids(self.tagset), *passage_ids(tagset)])
        self.tagset = tagset
        self._changed(*touched)  # every passage is edited now, so another tab's older edits do not win
        before = f" Your previous work was kept in {kept.name}." if kept else ""
        return f"Restored your work from {source}: {self.progress()}.{before}{moved}" + (
            f" {cut}" if cut else ""
        )

    def try_restore(self, data: bytes, name: str, anyway: bool = False) -> RestoreOutcome:
        """Restore from an uploaded file's bytes (JSON, or flat CSV with one learner).

        A file made for another exercise is refused (``other_exercise`` says which) unless
        ``anyway``. Only this exercise's passages are kept from any file, and the message says how
        many were left out, as it lists the entries that could not be used. After a restore,
        :attr:`message` says what was restored (followed by the save error if the restored work
        could not be saved); a file that was refused leaves it as it was.
        """
        try:
            tagset = one_learner(parse_tag_file(data, name, self.case), name)
        except ProblemsError as error:
            return RestoreOutcome(f"Nothing was restored. {sentences(error.problems)}", restored=False)
        if tagset.exercise not in (None, self.exercise_id) and not anyway:
            wrong = f"{name} was made for the {tagset.exercise} exercise, not for {self.exercise_id}"
            return RestoreOutcome(f"Nothing was restored: {wrong}.", False, tagset.exercise)
        outside = self._keep_own_passages(tagset)
        skipped = tagset.problems
        said = [self.replace(tagset, name), left_out_passages_message(name, outside, self.exercise_id)]
        if skipped:
            said += [left_out_summary(skipped, name), sentences(skipped)]
        done = " ".join(filter(None, said))
        # What the session says now is the restore (no longer "Starting fresh."), and the save
        # error after it if the restored work could not be written.
        self.message = f"{done} {self.message}" if self._save_failed else done
        return RestoreOutcome(done, restored=True)

    def restore(self, data: bytes, name: str, anyway: bool = False) -> str:
        """Restore from an uploaded file's bytes; returns what happened, in sentences.

        A file made for another exercise is refused unless ``anyway=True``: then only this
        exercise's passages are kept from it (see :meth:`try_restore`).
        """
        outcome = self.try_restore(data, name, anyway)
        if outcome.other_exercise:
            again = f"To restore its {self.exercise_id} passages anyway, call restore again with anyway=True."
            return f"{outcome.message} {again}"
        return outcome.message

    def _keep_own_passages(self, tagset: TagSet) -> int:
        """Drop what ``tagset`` holds on passages outside this exercise; return how many passages."""
        own = set(self.passage_ids)
        parts = (tagset.tags, tagset.cues, tagset.notes, tagset.confidence)
        outside = {pid for part in parts for pid in part if pid not in own}
        for part in parts:
            for pid in outside & set(part):
                del part[pid]
        tagset.exercise = self.exercise_id
        return len(outside)

    def _changed(self, *edited: str) -> None:
        """Record when the ``edited`` passages changed, save (merging another tab's work), redraw."""
        when = edit_time()
        for passage_id in edited:
            self.tagset.edited[passage_id] = when
        self.tagset.saved_at = now_iso()
        try:
            saved = self.workspace.save(self.tagset, self.case)
        except OSError as error:
            self._save_failed = True
            self.message = (
                f"Could not save to {self.workspace.name} ({error.strerror or error}). "
                "Press Download my tags to keep a copy of your work."
            )
        else:
            self.tagset = saved.tagset
            if saved.message or self._save_failed:
                self.message = saved.message
            self._save_failed = False
        for listener in list(self._listeners):
            listener()

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` after every change (the widget uses this to redraw)."""
        self._listeners.append(listener)

    # --- results and files -----------------------------------------------------------------------

    def json_text(self) -> str:
        """The current work as ``medialit-tags/1`` JSON text (what Download my tags saves)."""
        return dump_tags(self.tagset)

    def download_name(self) -> str:
        """The file name offered for download, ``<exercise>-<learner>-<date>-tags.json``.

        See :func:`medialit.tagfile.names.download_file_name`: no two learners' downloads share a
        name, so a class's hand-ins can go into one folder.
        """
        return download_file_name(self.exercise_id, self.learner, self.tagset.saved_at)

    def __repr__(self) -> str:
        return f"<Exercise {self.exercise_id}: {self.progress()}; autosaved to {self.workspace.name}>"


def _named(learner: str | None) -> str:
    return f"for “{learner}”" if learner else "without a name"


def kept_cues(text: str, phrases: list[str]) -> tuple[list[str], str]:
    """The cue phrases a tag keeps from ``phrases``, and sentences about the others (``""`` if none).

    Spaces are tidied and repeats dropped; phrases that are not in ``text`` are not kept, nor
    phrases beyond the :data:`CUES_MAX` a tag can have. The in-page exercise keeps the same
    (``cuesKept`` in ``inpage.js``, held to this by the parity test).
    """
    phrases = [" ".join(p.split()) for p in phrases if p.strip()]
    found = list(dict.fromkeys(p for p in phrases if find_span(text, p) is not None))
    missing = [p for p in phrases if p not in found]
    said = [not_found_message(missing) if missing else "", too_many_cues_message(len(found))]
    return found[:CUES_MAX], " ".join(filter(None, said))


def name_cut_message(value: str | None) -> str:
    """The sentence saying a name was cut to :data:`LEARNER_MAX` characters (``""`` if it was not)."""
    length = learner_length(value)
    if length <= LEARNER_MAX:
        return ""
    return (
        f"Your name or code has {length:,} characters, so only its first {LEARNER_MAX} were kept "
        f"(a name or code can have at most {LEARNER_MAX})."
    )


def kept_note(passage_id: str, text: str) -> tuple[str | None, str]:
    """The note kept for ``text`` (``None``: no note) and the sentence if it was cut (else ``""``).

    A note is kept up to :data:`NOTE_MAX` characters; ``noteKept`` in ``inpage.js`` keeps the same.
    """
    length = len(text)
    note = text[:NOTE_MAX] if text.strip() else None
    if note is None or length <= NOTE_MAX:
        return note, ""
    return note, (
        f"Only the first {NOTE_MAX:,} characters of your note on {passage_id} were saved, as a note can "
        f"hold at most {NOTE_MAX:,} and this one has {length:,}: shorten it, or keep the rest in a "
        "file of your own."
    )


def too_many_cues_message(count: int) -> str:
    """The sentence saying cue phrases beyond :data:`CUES_MAX` were not kept (``""`` if none)."""
    if count <= CUES_MAX:
        return ""
    extra = count - CUES_MAX
    were = "phrase you gave was" if extra == 1 else f"{extra} phrases you gave were"
    return (
        f"Only the first {CUES_MAX} cue phrases were kept for this tag, as a tag can have at most "
        f"{CUES_MAX}, so the last {were} not kept."
    )


def left_out_passages_message(name: str, count: int, exercise_id: str) -> str:
    """The sentence saying ``count`` passages of an upload are not this exercise's (``""`` if none)."""
    if not count:
        return ""
    passages, are, were = (
        ("One passage", "is", "it was") if count == 1 else (f"{count} passages", "are", "they were")
    )
    return (
        f"{passages} of {name} {are} not part of the {exercise_id} exercise, so {were} left out "
        f"({name} itself is unchanged)."
    )


def not_found_message(missing: list[str]) -> str:
    """A polite message for cue words that are not in the passage."""
    quoted = ", ".join(f"“{m}”" for m in missing)
    verb = "is" if len(missing) == 1 else "are"
    return (
        f"Sorry, {quoted} {verb} not in this passage, so {'it was' if len(missing) == 1 else 'they were'} "
        "not kept. Copy the words exactly as "
        "they appear in the passage (capital letters do not matter)."
    )
