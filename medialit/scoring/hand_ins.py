"""Which of a class's tag sets a report scores: one exercise, and one hand-in per learner.

:func:`choose_hand_ins` settles the exercise: the one asked for, else the one the files record
(files that record none have no say), else the whole article. On a mix the most common wins
(a tie goes to the case's first exercise), and every file recording another exercise is left
out and named. Then each learner counts once: a learner is a cleaned name (case, spacing and
Unicode forms ignored: :func:`medialit.tagfile.names.learner_key`); of a learner's hand-ins the
newest (``saved_at``) is kept and each older one is named in a warning. A tag set without a
name is told apart by its file and never merged.

A class that handed in both tests (``tests``: the pre-test and the post-test) is no mix: the
report is on the post-test unless another exercise is asked for, and the files of the test it
is not on are compared under "Before and after" (:mod:`medialit.scoring.before_after`) instead
of being left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from medialit.common.numbers import count_text
from medialit.common.problems import Problem
from medialit.tagfile.model import TagSet
from medialit.tagfile.names import learner_key
from medialit.tagfile.workspace import readable_time

#: The exercise of a class whose files record none.
WHOLE_ARTICLE = "article"


@dataclass(frozen=True)
class HandIns:
    """The tag sets to score and why: ``exercise_note`` says in one sentence how the exercise was chosen.

    ``left_out`` names each file of another exercise; ``superseded`` each older hand-in of a
    learner who handed in more than once.
    """

    tagsets: list[TagSet]
    exercise: str
    exercise_note: str
    left_out: list[Problem]
    superseded: list[Problem]


def choose_hand_ins(
    tagsets: Sequence[TagSet],
    exercise_ids: Sequence[str],
    asked: str | None = None,
    tests: tuple[str, str] | None = None,
) -> HandIns:
    """The tag sets a report on ``asked`` (or the inferred exercise) scores, and every file left out.

    ``tests``: the (pre-test, post-test) exercises when the class handed in both; their files
    are then never left out, and the report is on the post-test unless ``asked``.
    """
    exercise = asked or (tests[1] if tests else None)
    elsewhere = set(tests or ()) - {exercise}
    recorded = Counter(t.exercise for t in tagsets if t.exercise is not None and t.exercise not in elsewhere)
    known = [e for e in exercise_ids if recorded[e]]
    exercise = exercise or (max(known, key=recorded.__getitem__) if known else WHOLE_ARTICLE)
    used = [t for t in tagsets if t.exercise in (None, exercise)]
    left_out = [
        Problem(t.source, _left_out_message(t.exercise, exercise, exercise_ids))
        for t in tagsets
        if t.exercise not in (None, exercise, *elsewhere)
    ]
    kept, superseded = newest_per_learner(used)
    how = "as chosen" if asked else f"the later of the two tests ({', '.join(tests)})" if tests else ""
    note = _exercise_note(recorded, exercise, how, bool(known))
    return HandIns(kept, exercise, note, left_out, superseded)


def _left_out_message(recorded: str | None, exercise: str, exercise_ids: Sequence[str]) -> str:
    unknown = "" if recorded in exercise_ids else ", which this case does not have"
    return f"records the exercise {recorded!r}{unknown}, not {exercise!r}, so it is left out of this report"


def _files(counts: Counter[str]) -> str:
    return ", ".join(f"{exercise}: {count_text(n, 'file')}" for exercise, n in counts.most_common())


def _exercise_note(recorded: Counter[str], exercise: str, how: str, known: bool) -> str:
    """One sentence: the exercise scored, why, and how many files of other exercises are left out.

    ``how`` says why the exercise was scored when it was not inferred ("as chosen").
    """
    others = Counter({e: n for e, n in recorded.items() if e != exercise})
    files = count_text(others.total(), "file")
    are = "is" if others.total() == 1 else "are"
    left_out = f", and {files} recording another exercise ({_files(others)}) {are} left out"
    if how:
        head = f"Scored on {exercise}, {how}"
    elif known and others:
        head = f"The files record more than one exercise ({_files(recorded)}); this report is on {exercise}"
        left_out = f", the most common, and the {files} of other exercises {are} left out"
    elif known:
        head = f"Scored on {exercise}, the exercise the files record"
    else:
        which = "an exercise of this case" if others else "its exercise"
        head = f"Scored on {exercise} (the whole article), as no file records {which}"
    return f"{head}{left_out if others else ''}."


def _saved(tagset: TagSet) -> datetime:
    """When the tag set was saved, comparable across time zones (no time: the earliest)."""
    if not tagset.saved_at:
        return datetime.min.replace(tzinfo=UTC)
    return datetime.fromisoformat(tagset.saved_at).astimezone()


def newest_per_learner(tagsets: Sequence[TagSet]) -> tuple[list[TagSet], list[Problem]]:
    """Each learner's newest tag set (in the order given), and a warning for each older one.

    A tie in ``saved_at`` keeps the later one given; unnamed tag sets are all kept.
    """
    newest: dict[str, TagSet] = {}
    for tagset in tagsets:
        key = learner_key(tagset.learner)
        if key is not None and (key not in newest or _saved(tagset) >= _saved(newest[key])):
            newest[key] = tagset
    kept = [t for t in tagsets if (key := learner_key(t.learner)) is None or newest[key] is t]
    superseded = [
        _superseded(t, newest[key])
        for t in tagsets
        if (key := learner_key(t.learner)) is not None and newest[key] is not t
    ]
    return kept, superseded


def _superseded(older: TagSet, newer: TagSet) -> Problem:
    return Problem(
        older.source,
        f"{newer.label} handed in more than once; this file (saved {_saved_text(older)}) is older "
        f"than {newer.source} (saved {_saved_text(newer)}), which is the one counted",
    )


def _saved_text(tagset: TagSet) -> str:
    """When the tag set was saved, in this computer's time zone, so two times compare at a glance."""
    return readable_time(tagset.saved_at and _saved(tagset).isoformat())
