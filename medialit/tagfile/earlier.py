"""A learner's saved work on another exercise, found in their work folder (the pretest, for a post-test).

The post-test's check compares the learner with their own pretest: the file
``<folder>/pretest-<learner part>-tags.json`` that the pretest autosaved beside the post-test's
(:func:`medialit.tagfile.names.tag_file_name`; its ``.bak`` when the file itself cannot be read).
A file that names another learner is never used; whatever is missing or unusable is said in one
plain sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from medialit.common.problems import ProblemsError, display_name, sentences
from medialit.tagfile.model import CaseLike, TagSet
from medialit.tagfile.names import same_learner, tag_file_name
from medialit.tagfile.reading import load_tags
from medialit.tagfile.storage import backup_path

#: The form each test form is compared with: the post-test with the same learner's pretest.
EARLIER_FORM = {"posttest": "pretest"}


@dataclass(frozen=True)
class Earlier:
    """The work found (``None`` if none could be used) and, when none was, the sentence saying why."""

    tagset: TagSet | None
    message: str = ""


def _named(learner: str | None) -> str:
    return f"under the name “{learner}”" if learner else "without a name"


def earlier_work(folder: Path, exercise_id: str, learner: str | None, case: CaseLike) -> Earlier:
    """The learner's saved work on ``exercise_id`` in ``folder``, or why there is none to use."""
    path = Path(folder) / tag_file_name(exercise_id, learner)
    candidates = [p for p in (path, backup_path(path)) if p.is_file()]
    if not candidates:
        return Earlier(
            None,
            f"No {exercise_id} work saved {_named(learner)} was found in {display_name(Path(folder))}, so "
            f"there is nothing to compare with yet: do the {exercise_id} first, with the same name or code.",
        )
    reasons = []
    for candidate in candidates:
        try:
            tagset = load_tags(candidate, case)
        except ProblemsError as error:
            reasons.append(f"{display_name(candidate)} could not be read: {sentences(error.problems)}")
            continue
        if not same_learner(tagset.learner, learner):
            reasons.append(f"{display_name(candidate)} belongs to “{tagset.learner}”, not to you.")
            continue
        return Earlier(tagset)
    return Earlier(None, f"Your {exercise_id} work cannot be compared with: {' '.join(reasons)}")
